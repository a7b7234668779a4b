<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Accessibility</name>
    <message>
        <source>Ask the typed question (in the question box)</source>
        <translation>Hacer la pregunta escrita (en el cuadro de pregunta)</translation>
    </message>
    <message>
        <source>Go to the question box</source>
        <translation>Ir al cuadro de pregunta</translation>
    </message>
    <message>
        <source>Push to talk: hold to speak a question</source>
        <translation>Mantener para hablar: mantenga pulsada la tecla y diga su pregunta</translation>
    </message>
    <message>
        <source>Hands-free listening on or off</source>
        <translation>Activar o desactivar la escucha manos libres</translation>
    </message>
    <message>
        <source>Describe what the camera sees now</source>
        <translation>Describir lo que ve la cámara ahora</translation>
    </message>
    <message>
        <source>Read the text the camera sees now</source>
        <translation>Leer el texto que ve la cámara ahora</translation>
    </message>
    <message>
        <source>Open a picture to ask about</source>
        <translation>Abrir una imagen para preguntar sobre ella</translation>
    </message>
    <message>
        <source>Paste a picture or a copied picture file to ask about</source>
        <translation>Pegar una imagen o un archivo de imagen copiado para preguntar sobre ella</translation>
    </message>
    <message>
        <source>Use the camera again after a picture</source>
        <translation>Volver a usar la cámara después de una imagen</translation>
    </message>
    <message>
        <source>Repeat the last answer</source>
        <translation>Repetir la última respuesta</translation>
    </message>
    <message>
        <source>Stop speaking</source>
        <translation>Dejar de hablar</translation>
    </message>
    <message>
        <source>Go to the chat history</source>
        <translation>Ir al historial de la conversación</translation>
    </message>
    <message>
        <source>Search the chat history</source>
        <translation>Buscar en el historial</translation>
    </message>
    <message>
        <source>Copy the answer (the chosen one, else the newest); Ctrl+C in the history</source>
        <translation>Copiar la respuesta (la elegida o, si no, la más reciente); Ctrl+C en el historial</translation>
    </message>
    <message>
        <source>New conversation: the next question starts afresh (the history stays)</source>
        <translation>Nueva conversación: la siguiente pregunta empieza de cero (el historial se conserva)</translation>
    </message>
    <message>
        <source>Show or hide timings in the history</source>
        <translation>Mostrar u ocultar los tiempos en el historial</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>Tamaño del texto normal</translation>
    </message>
    <message>
        <source>High-contrast theme on or off</source>
        <translation>Activar o desactivar el alto contraste</translation>
    </message>
    <message>
        <source>Clear the chat history</source>
        <translation>Borrar el historial</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>List of keyboard shortcuts</source>
        <translation>Lista de atajos de teclado</translation>
    </message>
    <message>
        <source>Details: the models in use and the processor</source>
        <translation>Detalles: los modelos en uso y el procesador</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>{description} Shortcut: {keys}.</source>
        <translation>{description} Atajo: {keys}.</translation>
    </message>
</context>
<context>
    <name>AssistantWorker</name>
    <message>
        <source>The assistant is still starting, so I cannot answer yet.</source>
        <translation>El asistente todavía se está iniciando, así que aún no puedo responder.</translation>
    </message>
    <message>
        <source>For fuller descriptions, choose a vision model in Settings.</source>
        <translation>Para descripciones más completas, elija un modelo de visión en Ajustes.</translation>
    </message>
    <message>
        <source>Opening the chat history…</source>
        <translation>Abriendo el historial…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Listo.</translation>
    </message>
    <message>
        <source>The microphone stopped working. I will keep trying to reconnect.</source>
        <translation>El micrófono ha dejado de funcionar. Seguiré intentando reconectarlo.</translation>
    </message>
    <message>
        <source>The microphone is back.</source>
        <translation>El micrófono ha vuelto.</translation>
    </message>
    <message>
        <source>There is no chat history to export.</source>
        <translation>No hay historial que exportar.</translation>
    </message>
    <message>
        <source>History exported to {file}.</source>
        <translation>Historial exportado a {file}.</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Camera view</source>
        <translation>Vista de la cámara</translation>
    </message>
    <message>
        <source>The live picture from the camera that questions are about.</source>
        <translation>La imagen en directo de la cámara, sobre la que tratan las preguntas.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Iniciando la cámara…</translation>
    </message>
    <message>
        <source>The live picture from the camera.</source>
        <translation>La imagen en directo de la cámara.</translation>
    </message>
</context>
<context>
    <name>ChatRows</name>
    <message>
        <source> (working on it…)</source>
        <translation> (en curso…)</translation>
    </message>
    <message>
        <source>Nothing asked yet. Press F5 to hear what the camera sees, or F6 to have its text read aloud. Type a question below and press Enter, or hold F4 and speak. F1 lists every key.</source>
        <translation>Aún no hay preguntas. Pulse F5 para oír lo que ve la cámara o F6 para que se lea su texto en voz alta. Escriba una pregunta abajo y pulse Intro, o mantenga pulsado F4 y hable. F1 muestra todas las teclas.</translation>
    </message>
    <message>
        <source>Timings: {timings}</source>
        <translation>Tiempos: {timings}</translation>
    </message>
    <message>
        <source>You said: {question}</source>
        <translation>Usted dijo: {question}</translation>
    </message>
    <message>
        <source>You typed: {question}</source>
        <translation>Usted escribió: {question}</translation>
    </message>
    <message>
        <source>Assistant: {answer}</source>
        <translation>Asistente: {answer}</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Chat history</source>
        <translation>Historial de la conversación</translation>
    </message>
    <message>
        <source>Your questions and the assistant&apos;s answers, newest last. Use the arrow keys to read them.</source>
        <translation>Sus preguntas y las respuestas del asistente, las más recientes al final. Use las flechas para leerlas.</translation>
    </message>
    <message>
        <source>Your questions and the assistant&apos;s answers, newest last. Use the arrow keys to read them. Shortcut: {keys}.</source>
        <translation>Sus preguntas y las respuestas del asistente, las más recientes al final. Use las flechas para leerlas. Atajo: {keys}.</translation>
    </message>
    <message>
        <source>Assistant: {answer}…</source>
        <translation>Asistente: {answer}…</translation>
    </message>
    <message>
        <source>Not answered.</source>
        <translation>Sin respuesta.</translation>
    </message>
    <message>
        <source>Asked at {time}</source>
        <translation>Preguntado a las {time}</translation>
    </message>
    <message>
        <source>Notice: {notice}</source>
        <translation>Aviso: {notice}</translation>
    </message>
</context>
<context>
    <name>DeviceThreads</name>
    <message>
        <source>The device could not be used ({reason}).</source>
        <translation>No se pudo usar el dispositivo ({reason}).</translation>
    </message>
</context>
<context>
    <name>HistorySearch</name>
    <message>
        <source>Search the history</source>
        <translation>Buscar en el historial</translation>
    </message>
    <message>
        <source>Shows only the questions and answers holding these words. Escape shows them all again.</source>
        <translation>Muestra solo las preguntas y respuestas que contienen estas palabras. Esc vuelve a mostrarlas todas.</translation>
    </message>
    <message>
        <source>Showing the whole history</source>
        <translation>Se muestra todo el historial</translation>
    </message>
    <message>
        <source>No match for {words}</source>
        <translation>Ningún resultado para {words}</translation>
    </message>
    <message>
        <source>1 match for {words}</source>
        <translation>1 resultado para {words}</translation>
    </message>
    <message>
        <source>{count} matches for {words}</source>
        <translation>{count} resultados para {words}</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>Copiar respuesta</translation>
    </message>
    <message>
        <source>high contrast</source>
        <translation>alto contraste</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>oscuro</translation>
    </message>
    <message>
        <source>light</source>
        <translation>claro</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>cargando…</translation>
    </message>
    <message>
        <source>Status: {state}</source>
        <translation>Estado: {state}</translation>
    </message>
    <message>
        <source>Models: {models}</source>
        <translation>Modelos: {models}</translation>
    </message>
    <message>
        <source>Processor: {processor}</source>
        <translation>Procesador: {processor}</translation>
    </message>
    <message>
        <source>Theme: {scheme} ({setting})</source>
        <translation>Tema: {scheme} ({setting})</translation>
    </message>
    <message>
        <source>Settings file: {file}</source>
        <translation>Archivo de ajustes: {file}</translation>
    </message>
</context>
<context>
    <name>PictureInput</name>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>Imágenes ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Only pictures stored on this computer can be used.</source>
        <translation>Solo se pueden usar imágenes guardadas en este equipo.</translation>
    </message>
    <message>
        <source>Save the picture to a folder first, then open or drop the file.</source>
        <translation>Guarde primero la imagen en una carpeta y luego abra o arrastre el archivo.</translation>
    </message>
    <message>
        <source>picture {file}</source>
        <translation>la imagen {file}</translation>
    </message>
    <message>
        <source>the pasted picture</source>
        <translation>la imagen pegada</translation>
    </message>
    <message>
        <source>the dropped picture</source>
        <translation>la imagen arrastrada</translation>
    </message>
    <message>
        <source>The {picture} could not be read.</source>
        <translation>No se pudo leer {picture}.</translation>
    </message>
    <message>
        <source>Copy it again, or save it to a file and open that.</source>
        <translation>Cópiela de nuevo, o guárdela en un archivo y ábralo.</translation>
    </message>
    <message>
        <source>{count} megapixels</source>
        <translation>{count} megapíxeles</translation>
    </message>
    <message>
        <source>The {picture} is too large to use safely ({size} megapixels; the limit is {limit}).</source>
        <translation>{picture} es demasiado grande para usarla con seguridad ({size} megapíxeles; el límite es {limit}).</translation>
    </message>
    <message>
        <source>Shrink it below {limit}, or save it as a JPEG file and open that.</source>
        <translation>Redúzcala por debajo de {limit}, o guárdela como archivo JPEG y ábralo.</translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <source>Camera view</source>
        <translation>Vista de la cámara</translation>
    </message>
    <message>
        <source>The live picture from the camera that questions are about.</source>
        <translation>La imagen en directo de la cámara, sobre la que tratan las preguntas.</translation>
    </message>
    <message>
        <source>The clipboard holds no picture. Copy a picture or a picture file, then press Ctrl+V.</source>
        <translation>El portapapeles no contiene ninguna imagen. Copie una imagen o un archivo de imagen y pulse Ctrl+V.</translation>
    </message>
    <message>
        <source>Open picture</source>
        <translation>Abrir imagen</translation>
    </message>
    <message>
        <source>The camera is already in use.</source>
        <translation>La cámara ya está en uso.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Iniciando la cámara…</translation>
    </message>
    <message>
        <source>Using the camera.</source>
        <translation>Usando la cámara.</translation>
    </message>
    <message>
        <source>Opening {picture}…</source>
        <translation>Abriendo {picture}…</translation>
    </message>
    <message>
        <source>The {picture} could not be opened. Details are in the log.</source>
        <translation>No se pudo abrir {picture}. Los detalles están en el registro.</translation>
    </message>
    <message>
        <source>Using {picture}. F9 goes back to the camera.</source>
        <translation>Usando {picture}. F9 vuelve a la cámara.</translation>
    </message>
    <message>
        <source>{picture}: questions are about it until you choose Use camera.</source>
        <translation>{picture}: las preguntas tratan sobre ella hasta que elija Usar la cámara.</translation>
    </message>
</context>
<context>
    <name>StatusMachine</name>
    <message>
        <source>no camera</source>
        <translation>sin cámara</translation>
    </message>
    <message>
        <source>no microphone</source>
        <translation>sin micrófono</translation>
    </message>
    <message>
        <source>no sound</source>
        <translation>sin sonido</translation>
    </message>
    <message>
        <source>hearing broken</source>
        <translation>oído averiado</translation>
    </message>
    <message>
        <source>voice broken</source>
        <translation>voz averiada</translation>
    </message>
    <message>
        <source>eyes broken</source>
        <translation>vista averiada</translation>
    </message>
    <message>
        <source>The camera is back.</source>
        <translation>La cámara ha vuelto.</translation>
    </message>
    <message>
        <source>The microphone is back.</source>
        <translation>El micrófono ha vuelto.</translation>
    </message>
    <message>
        <source>Sound is back.</source>
        <translation>El sonido ha vuelto.</translation>
    </message>
    <message>
        <source>Hearing works again.</source>
        <translation>El oído vuelve a funcionar.</translation>
    </message>
    <message>
        <source>The voice works again.</source>
        <translation>La voz vuelve a funcionar.</translation>
    </message>
    <message>
        <source>The eyes work again.</source>
        <translation>La vista vuelve a funcionar.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Listening (hands-free)</source>
        <translation>Escuchando (manos libres)</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Pensando…</translation>
    </message>
    <message>
        <source>Speaking</source>
        <translation>Hablando</translation>
    </message>
    <message>
        <source>Hands-free is on; it starts listening when a microphone is connected.</source>
        <translation>Manos libres activado; empezará a escuchar cuando se conecte un micrófono.</translation>
    </message>
    <message>
        <source>Hands-free off</source>
        <translation>Manos libres desactivado</translation>
    </message>
    <message>
        <source>Hearing you…</source>
        <translation>Le escucho…</translation>
    </message>
</context>
</TS>
