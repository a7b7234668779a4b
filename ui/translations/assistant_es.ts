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
    <name>DeviceNames</name>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>Camera {number}</source>
        <translation>Cámara {number}</translation>
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
    <name>Keys</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Ass&amp;istant</source>
        <translation>As&amp;istente</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Hi&amp;storial</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>A&amp;justes</translation>
    </message>
    <message>
        <source>He&amp;lp</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Export history…</source>
        <translation>Exportar historial…</translation>
    </message>
    <message>
        <source>&amp;Menu</source>
        <translation>&amp;Menú</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;Automatic (as the system)</source>
        <translation>&amp;Automático (como el sistema)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>Theme automatic</source>
        <translation>Tema automático</translation>
    </message>
    <message>
        <source>Theme light</source>
        <translation>Tema claro</translation>
    </message>
    <message>
        <source>Theme dark</source>
        <translation>Tema oscuro</translation>
    </message>
    <message>
        <source>Text size {percent} percent</source>
        <translation>Tamaño del texto {percent} por ciento</translation>
    </message>
    <message>
        <source>High contrast on</source>
        <translation>Alto contraste activado</translation>
    </message>
    <message>
        <source>High contrast off</source>
        <translation>Alto contraste desactivado</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Exportar historial</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <source>Getting ready…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <source>Ready. Press a button.</source>
        <translation>Listo. Pulse un botón.</translation>
    </message>
    <message>
        <source>Listening. Ask your question.</source>
        <translation>Escuchando. Haga su pregunta.</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Pensando…</translation>
    </message>
    <message>
        <source>Speaking…</source>
        <translation>Hablando…</translation>
    </message>
    <message>
        <source>Press Describe (or F5) to hear what the camera sees.
Press Read (or F6) to hear the text the camera sees: signs, labels, letters.
Press Ask by voice (or F8) and ask your question aloud; press it again to stop listening.
Or type a question in the box and press Enter.
Escape stops the voice. F7 says the last answer again.
Ctrl and plus makes the text larger, Ctrl and minus smaller.</source>
        <translation>Pulse Describir (o F5) para oír lo que ve la cámara.
Pulse Leer (o F6) para oír el texto que ve la cámara: carteles, etiquetas, cartas.
Pulse Preguntar por voz (o F8) y haga su pregunta en voz alta; púlselo de nuevo para dejar de escuchar.
O escriba una pregunta en el cuadro y pulse Intro.
Escape detiene la voz. F7 repite la última respuesta.
Ctrl y más agranda el texto, Ctrl y menos lo reduce.</translation>
    </message>
    <message>
        <source>Settings and quitting are switched off on this kiosk. Staff: set a kiosk PIN (4 to 12 digits) in the settings file, under [ui] kiosk_pin, and restart.</source>
        <translation>Los ajustes y la salida están desactivados en este quiosco. Personal: defina un PIN de quiosco (de 4 a 12 dígitos) en el archivo de ajustes, en [ui] kiosk_pin, y reinicie.</translation>
    </message>
    <message>
        <source>Enter the staff PIN to open the settings.</source>
        <translation>Introduzca el PIN del personal para abrir los ajustes.</translation>
    </message>
    <message>
        <source>Enter the staff PIN to quit the kiosk.</source>
        <translation>Introduzca el PIN del personal para salir del quiosco.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <source>Enter the staff PIN to {purpose}.</source>
        <translation>Introduzca el PIN del personal para {purpose}.</translation>
    </message>
    <message>
        <source>The digits of the staff PIN.</source>
        <translation>Los dígitos del PIN del personal.</translation>
    </message>
    <message>
        <source>PIN message</source>
        <translation>Mensaje del PIN</translation>
    </message>
    <message>
        <source>Whether the PIN was accepted.</source>
        <translation>Si el PIN se ha aceptado.</translation>
    </message>
    <message>
        <source>Check the PIN.</source>
        <translation>Comprobar el PIN.</translation>
    </message>
    <message>
        <source>Go back.</source>
        <translation>Volver.</translation>
    </message>
    <message>
        <source>Please wait {seconds} seconds, then try again.</source>
        <translation>Espere {seconds} s y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>That PIN is not right. Try again.</source>
        <translation>Ese PIN no es correcto. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>What the assistant is doing now.</source>
        <translation>Lo que está haciendo el asistente ahora.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>A device that is missing, in words.</source>
        <translation>Un dispositivo que falta, en palabras.</translation>
    </message>
    <message>
        <source>&amp;Describe</source>
        <translation>&amp;Describir</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>&amp;Leer</translation>
    </message>
    <message>
        <source>Ask by &amp;voice</source>
        <translation>Preguntar por &amp;voz</translation>
    </message>
    <message>
        <source>Ask by voice</source>
        <translation>Preguntar por voz</translation>
    </message>
    <message>
        <source>Press, then ask your question aloud. Press again to stop listening. Shortcut: F8.</source>
        <translation>Pulse y haga su pregunta en voz alta. Vuelva a pulsar para dejar de escuchar. Atajo: F8.</translation>
    </message>
    <message>
        <source>Press Describe to hear what the camera sees, or Read to hear its text. Press Ask by voice to ask a question aloud.</source>
        <translation>Pulse Describir para oír lo que ve la cámara, o Leer para oír su texto. Pulse Preguntar por voz para hacer una pregunta en voz alta.</translation>
    </message>
    <message>
        <source>Waiting for the camera.</source>
        <translation>Esperando la cámara.</translation>
    </message>
    <message>
        <source>Stop &amp;listening</source>
        <translation>Dejar de &amp;escuchar</translation>
    </message>
    <message>
        <source>Hello! I can tell you what this camera sees, and read signs, labels and letters aloud.</source>
        <translation>¡Hola! Puedo decirle lo que ve esta cámara y leer en voz alta carteles, etiquetas y cartas.</translation>
    </message>
    <message>
        <source>Touch the screen or press any key to start.</source>
        <translation>Toque la pantalla o pulse cualquier tecla para empezar.</translation>
    </message>
    <message>
        <source>Welcome screen.</source>
        <translation>Pantalla de bienvenida.</translation>
    </message>
    <message>
        <source>Welcome. Touch the screen or press any key to start.</source>
        <translation>Le damos la bienvenida. Toque la pantalla o pulse cualquier tecla para empezar.</translation>
    </message>
    <message>
        <source>How to use this assistant</source>
        <translation>Cómo usar este asistente</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>&amp;Describe</source>
        <translation>&amp;Describir</translation>
    </message>
    <message>
        <source>Describe what the camera sees now.</source>
        <translation>Describir lo que ve la cámara ahora.</translation>
    </message>
    <message>
        <source>&amp;Read text</source>
        <translation>&amp;Leer texto</translation>
    </message>
    <message>
        <source>Read aloud the text the camera sees.</source>
        <translation>Leer en voz alta el texto que ve la cámara.</translation>
    </message>
    <message>
        <source>Use &amp;camera</source>
        <translation>Usar la &amp;cámara</translation>
    </message>
    <message>
        <source>Ask about the live camera again instead of the picture.</source>
        <translation>Volver a preguntar por la cámara en directo en lugar de la imagen.</translation>
    </message>
    <message>
        <source>Push to &amp;talk</source>
        <translation>Mantener para &amp;hablar</translation>
    </message>
    <message>
        <source>Hold this button, or hold F4, while you speak a question.</source>
        <translation>Mantenga pulsado este botón, o F4, mientras dice una pregunta.</translation>
    </message>
    <message>
        <source>Hands-free: off</source>
        <translation>Manos libres: desactivado</translation>
    </message>
    <message>
        <source>Listen all the time and answer each spoken question.</source>
        <translation>Escuchar todo el tiempo y responder a cada pregunta hablada.</translation>
    </message>
    <message>
        <source>Microphone %p%</source>
        <translation>Micrófono %p%</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Nivel del micrófono</translation>
    </message>
    <message>
        <source>How loud the microphone hears you.</source>
        <translation>Con qué volumen le oye el micrófono.</translation>
    </message>
    <message>
        <source>Type a question, then press Enter</source>
        <translation>Escriba una pregunta y pulse Intro</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Type a question about what the camera sees and press Enter to ask it.</source>
        <translation>Escriba una pregunta sobre lo que ve la cámara y pulse Intro para hacerla.</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>&amp;Preguntar</translation>
    </message>
    <message>
        <source>Ask the typed question.</source>
        <translation>Hacer la pregunta escrita.</translation>
    </message>
    <message>
        <source>Re&amp;peat</source>
        <translation>&amp;Repetir</translation>
    </message>
    <message>
        <source>Say the last answer again.</source>
        <translation>Repetir la última respuesta.</translation>
    </message>
    <message>
        <source>&amp;Stop speaking</source>
        <translation>De&amp;tener la voz</translation>
    </message>
    <message>
        <source>Stop the spoken answer.</source>
        <translation>Detener la respuesta hablada.</translation>
    </message>
    <message>
        <source>Latest notice</source>
        <translation>Último aviso</translation>
    </message>
    <message>
        <source>The latest problem or notice, in words.</source>
        <translation>El último problema o aviso, en palabras.</translation>
    </message>
    <message>
        <source>Models: loading…</source>
        <translation>Modelos: cargando…</translation>
    </message>
    <message>
        <source>Assistant state</source>
        <translation>Estado del asistente</translation>
    </message>
    <message>
        <source>What the assistant is doing now.</source>
        <translation>Lo que está haciendo el asistente ahora.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Which models are loaded.</source>
        <translation>Qué modelos están cargados.</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Procesador</translation>
    </message>
    <message>
        <source>Whether models run on the CPU or a GPU.</source>
        <translation>Si los modelos se ejecutan en la CPU o en una GPU.</translation>
    </message>
    <message>
        <source>Clear the chat history</source>
        <translation>Borrar el historial del chat</translation>
    </message>
    <message>
        <source>Delete every question and answer in the history? This cannot be undone.</source>
        <translation>¿Eliminar todas las preguntas y respuestas del historial? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Clear the chat history?</source>
        <translation>¿Borrar el historial del chat?</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>&amp;Leer</translation>
    </message>
    <message>
        <source>&amp;Talk</source>
        <translation>&amp;Hablar</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>De&amp;tener</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Local assistant</source>
        <translation>Asistente local</translation>
    </message>
    <message>
        <source>Ask questions about what the camera sees.</source>
        <translation>Haga preguntas sobre lo que ve la cámara.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>{notice} Saving the settings here keeps a copy of the damaged file.</source>
        <translation>{notice} Al guardar los ajustes aquí se conserva una copia del archivo dañado.</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Estado: {status}</translation>
    </message>
    <message>
        <source>Type a question first.</source>
        <translation>Escriba primero una pregunta.</translation>
    </message>
    <message>
        <source>You typed: {question}</source>
        <translation>Ha escrito: {question}</translation>
    </message>
    <message>
        <source>Describing the picture…</source>
        <translation>Describiendo la imagen…</translation>
    </message>
    <message>
        <source>Reading the text in the picture…</source>
        <translation>Leyendo el texto de la imagen…</translation>
    </message>
    <message>
        <source>Not answered: the assistant was closing.</source>
        <translation>Sin respuesta: el asistente se estaba cerrando.</translation>
    </message>
    <message>
        <source>Assistant: {answer}</source>
        <translation>Asistente: {answer}</translation>
    </message>
    <message>
        <source>There is no answer to copy yet.</source>
        <translation>Todavía no hay ninguna respuesta para copiar.</translation>
    </message>
    <message>
        <source>Answer copied</source>
        <translation>Respuesta copiada</translation>
    </message>
    <message>
        <source>New conversation: the next question starts afresh.</source>
        <translation>Nueva conversación: la próxima pregunta empieza de cero.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>There is no microphone, so I cannot listen. Type the question instead.</source>
        <translation>No hay micrófono, así que no puedo escuchar. Escriba la pregunta en su lugar.</translation>
    </message>
    <message>
        <source>Hands-free: on</source>
        <translation>Manos libres: activado</translation>
    </message>
    <message>
        <source>Hands-free: off</source>
        <translation>Manos libres: desactivado</translation>
    </message>
    <message>
        <source>Switching camera…</source>
        <translation>Cambiando de cámara…</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>Cerrando…</translation>
    </message>
</context>
<context>
    <name>ModelRow</name>
    <message>
        <source>The download could not start: this computer cannot reach the Hugging Face hub. Try again when it is online.</source>
        <translation>No se pudo iniciar la descarga: este equipo no puede conectar con el hub de Hugging Face. Vuelva a intentarlo cuando tenga conexión.</translation>
    </message>
    <message>
        <source>This model&apos;s makers ask you to accept its licence on the Hugging Face website before it can be downloaded.</source>
        <translation>Los autores de este modelo le piden que acepte su licencia en el sitio web de Hugging Face antes de poder descargarlo.</translation>
    </message>
    <message>
        <source>The Hugging Face hub has no model by this name; check the name on the Advanced page.</source>
        <translation>El hub de Hugging Face no tiene ningún modelo con este nombre; compruebe el nombre en la página Avanzado.</translation>
    </message>
    <message>
        <source>There is not enough free disk space for this model.</source>
        <translation>No hay suficiente espacio libre en el disco para este modelo.</translation>
    </message>
    <message>
        <source>The download stopped before the end; Download again fetches the rest.</source>
        <translation>La descarga se detuvo antes del final; Descargar de nuevo obtiene el resto.</translation>
    </message>
    <message>
        <source>Some files arrived damaged and were deleted; Download again fetches them afresh.</source>
        <translation>Algunos archivos llegaron dañados y se eliminaron; Descargar de nuevo los obtiene otra vez.</translation>
    </message>
    <message>
        <source>Download cancelled. The finished files are kept; Download again fetches the rest.</source>
        <translation>Descarga cancelada. Los archivos terminados se conservan; Descargar de nuevo obtiene el resto.</translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation>{size} GB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Descargar…</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Cancelar la descarga</translation>
    </message>
    <message>
        <source>Vision model</source>
        <translation>Modelo de visión</translation>
    </message>
    <message>
        <source>Whether the chosen vision model is on this computer.</source>
        <translation>Indica si el modelo de visión elegido está en este equipo.</translation>
    </message>
    <message>
        <source>Download the vision model</source>
        <translation>Descargar el modelo de visión</translation>
    </message>
    <message>
        <source>Fetch the chosen model from the Hugging Face hub (it goes online).</source>
        <translation>Obtiene el modelo elegido del hub de Hugging Face (se conecta a Internet).</translation>
    </message>
    <message>
        <source>Stop the download; finished files stay.</source>
        <translation>Detiene la descarga; los archivos terminados se conservan.</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progreso de la descarga</translation>
    </message>
    <message>
        <source>How much of the model has arrived.</source>
        <translation>Cuánto del modelo ha llegado ya.</translation>
    </message>
    <message>
        <source>Vision model: {words}</source>
        <translation>Modelo de visión: {words}</translation>
    </message>
    <message>
        <source>{name} is on this computer.</source>
        <translation>{name} está en este equipo.</translation>
    </message>
    <message>
        <source>The folder named on the Advanced page does not hold a complete model.</source>
        <translation>La carpeta indicada en la página Avanzado no contiene un modelo completo.</translation>
    </message>
    <message>
        <source>Download fetches about {size} from the Hugging Face hub; it is the only step that goes online.</source>
        <translation>Descargar obtiene unos {size} del hub de Hugging Face; es el único paso que se conecta a Internet.</translation>
    </message>
    <message>
        <source>Download fetches from the Hugging Face hub; it is the only step that goes online.</source>
        <translation>Descargar lo obtiene del hub de Hugging Face; es el único paso que se conecta a Internet.</translation>
    </message>
    <message>
        <source>{name} is not on this computer ({model}), so it cannot answer yet.</source>
        <translation>{name} no está en este equipo ({model}), así que aún no puede responder.</translation>
    </message>
    <message>
        <source>Downloading {name}…</source>
        <translation>Descargando {name}…</translation>
    </message>
    <message>
        <source>Downloading {name}</source>
        <translation>Descargando {name}</translation>
    </message>
    <message>
        <source>The download failed.</source>
        <translation>La descarga ha fallado.</translation>
    </message>
    <message>
        <source>{name} is downloaded. Save to use it.</source>
        <translation>{name} se ha descargado. Guarde para usarlo.</translation>
    </message>
    <message>
        <source>Cancelling the download…</source>
        <translation>Cancelando la descarga…</translation>
    </message>
    <message>
        <source>Downloading {name}: {done} of {total}.</source>
        <translation>Descargando {name}: {done} de {total}.</translation>
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
    <name>SettingsDialog</name>
    <message>
        <source>Detect the language</source>
        <translation>Detectar el idioma</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Alemán</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Neerlandés</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>Embedded: text, light, colours (fast)</source>
        <translation>Integrado: texto, luz, colores (rápido)</translation>
    </message>
    <message>
        <source>Image-text model: SmolVLM, Qwen2-VL, Gemma 3...</source>
        <translation>Modelo imagen-texto: SmolVLM, Qwen2-VL, Gemma 3...</translation>
    </message>
    <message>
        <source>BLIP (smaller model)</source>
        <translation>BLIP (modelo más pequeño)</translation>
    </message>
    <message>
        <source>BLIP-2 (large, best with a GPU)</source>
        <translation>BLIP-2 (grande, mejor con GPU)</translation>
    </message>
    <message>
        <source>LLaVA (large, needs a GPU)</source>
        <translation>LLaVA (grande, necesita GPU)</translation>
    </message>
    <message>
        <source>A server on the network (see Advanced)</source>
        <translation>Un servidor de la red (ver Avanzado)</translation>
    </message>
    <message>
        <source>Do not speak</source>
        <translation>No hablar</translation>
    </message>
    <message>
        <source>Automatic: read by the screen reader when one runs, else spoken</source>
        <translation>Automático: leídas por el lector de pantalla si hay uno activo; si no, habladas</translation>
    </message>
    <message>
        <source>Spoken</source>
        <translation>Habladas</translation>
    </message>
    <message>
        <source>Read by the screen reader</source>
        <translation>Leídas por el lector de pantalla</translation>
    </message>
    <message>
        <source>Pictures and recordings are sent to this server whenever an engine is set to &quot;a server on the network&quot;. Leave it empty to keep everything on this computer.</source>
        <translation>Las imágenes y grabaciones se envían a este servidor siempre que un motor esté configurado como «Un servidor de la red». Déjelo vacío para que todo se quede en este equipo.</translation>
    </message>
    <message>
        <source>A note about the settings above.</source>
        <translation>Una nota sobre los ajustes de arriba.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Devices, speech, vision, display, privacy and the kiosk. Changes are saved for the next start too.</source>
        <translation>Dispositivos, voz, visión, pantalla, privacidad y quiosco. Los cambios se guardan también para el próximo inicio.</translation>
    </message>
    <message>
        <source>Whisper tiny (English)</source>
        <translation>Whisper tiny (inglés)</translation>
    </message>
    <message>
        <source>Whisper base (many languages)</source>
        <translation>Whisper base (muchos idiomas)</translation>
    </message>
    <message>
        <source>Start with &amp;hands-free listening on</source>
        <translation>Empezar en manos &amp;libres</translation>
    </message>
    <message>
        <source>Automatic: the language you speak, else the system&apos;s</source>
        <translation>Automático: el idioma que usted habla, si no el del sistema</translation>
    </message>
    <message>
        <source>H&amp;igh-contrast colours (white and yellow on black)</source>
        <translation>Colores de alto contraste (blanco &amp;y amarillo sobre negro)</translation>
    </message>
    <message>
        <source>Keep the chat hist&amp;ory on this computer</source>
        <translation>Conservar el historial en este e&amp;quipo</translation>
    </message>
    <message>
        <source>Keep the camera picture of each &amp;question in the history</source>
        <translation>Conservar en el historial la ima&amp;gen de la cámara de cada pregunta</translation>
    </message>
    <message>
        <source>Processor (CPU)</source>
        <translation>Procesador (CPU)</translation>
    </message>
    <message>
        <source>Graphics card (CUDA)</source>
        <translation>Tarjeta gráfica (CUDA)</translation>
    </message>
    <message>
        <source>Show a welcome screen when the kiosk is not in use</source>
        <translation>Mostrar una pantalla de bienvenida cuando el quiosco no se usa</translation>
    </message>
    <message>
        <source>Keep visitors&apos; questions and answers on disk</source>
        <translation>Conservar en el disco las preguntas y respuestas de los visitantes</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>Problema con los ajustes</translation>
    </message>
    <message>
        <source>What is wrong with the settings, if anything.</source>
        <translation>Qué falla en los ajustes, si algo falla.</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Páginas de ajustes</translation>
    </message>
    <message>
        <source>Ctrl+Tab moves to the next page.</source>
        <translation>Ctrl+Tab pasa a la página siguiente.</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <source>C&amp;amera</source>
        <translation>&amp;Cámara</translation>
    </message>
    <message>
        <source>Camera number, or a picture or video file to use instead.</source>
        <translation>Número de la cámara, o un archivo de imagen o vídeo que usar en su lugar.</translation>
    </message>
    <message>
        <source>&amp;Microphone</source>
        <translation>&amp;Micrófono</translation>
    </message>
    <message>
        <source>Microphone by name, or a recording to replay.</source>
        <translation>El micrófono por su nombre, o una grabación que reproducir.</translation>
    </message>
    <message>
        <source>Spea&amp;ker</source>
        <translation>&amp;Altavoz</translation>
    </message>
    <message>
        <source>Sound output by name.</source>
        <translation>Salida de sonido por su nombre.</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Voz</translation>
    </message>
    <message>
        <source>Re&amp;plies</source>
        <translation>Res&amp;puestas</translation>
    </message>
    <message>
        <source>Whether answers are spoken, read by your screen reader, or chosen automatically.</source>
        <translation>Si las respuestas se dicen en voz alta, las lee su lector de pantalla o se elige automáticamente.</translation>
    </message>
    <message>
        <source>Speech &amp;recognition</source>
        <translation>&amp;Reconocimiento de voz</translation>
    </message>
    <message>
        <source>Which Whisper model turns speech into text.</source>
        <translation>El modelo Whisper que convierte la voz en texto.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>The language you speak.</source>
        <translation>El idioma que usted habla.</translation>
    </message>
    <message>
        <source>&amp;Voice engine</source>
        <translation>Motor de vo&amp;z</translation>
    </message>
    <message>
        <source>Which voice speaks the answers.</source>
        <translation>La voz que dice las respuestas.</translation>
    </message>
    <message>
        <source>Voice &amp;name</source>
        <translation>&amp;Nombre de la voz</translation>
    </message>
    <message>
        <source>Voice file or voice name; empty for the default.</source>
        <translation>Archivo o nombre de la voz; vacío para la predeterminada.</translation>
    </message>
    <message>
        <source>Speaking ra&amp;te</source>
        <translation>&amp;Velocidad de habla</translation>
    </message>
    <message>
        <source>How fast answers are spoken; 1 is normal.</source>
        <translation>Con qué rapidez se dicen las respuestas; 1 es lo normal.</translation>
    </message>
    <message>
        <source>&amp;End-of-turn silence</source>
        <translation>&amp;Silencio de fin de turno</translation>
    </message>
    <message>
        <source>How long a pause ends a hands-free question, in seconds.</source>
        <translation>Cuánto dura la pausa que termina una pregunta en manos libres, en segundos.</translation>
    </message>
    <message>
        <source>Listen all the time from the start.</source>
        <translation>Escuchar todo el tiempo desde el inicio.</translation>
    </message>
    <message>
        <source>Vision</source>
        <translation>Visión</translation>
    </message>
    <message>
        <source>Vision en&amp;gine</source>
        <translation>M&amp;otor de visión</translation>
    </message>
    <message>
        <source>Which engine answers questions about the picture.</source>
        <translation>El motor que responde a las preguntas sobre la imagen.</translation>
    </message>
    <message>
        <source>The embedded engine works on this computer with no download. The large models answer more freely but need a fast computer.</source>
        <translation>El motor integrado funciona en este equipo sin descargas. Los modelos grandes responden con más libertad, pero necesitan un equipo rápido.</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Pantalla</translation>
    </message>
    <message>
        <source>Te&amp;xt size</source>
        <translation>&amp;Tamaño del texto</translation>
    </message>
    <message>
        <source>Size of all text; 1 is normal, up to 4.</source>
        <translation>Tamaño de todo el texto; 1 es lo normal, hasta 4.</translation>
    </message>
    <message>
        <source>White and yellow on black.</source>
        <translation>Blanco y amarillo sobre negro.</translation>
    </message>
    <message>
        <source>Language of answers and window</source>
        <translation>Idioma de las respuestas y de la ventana</translation>
    </message>
    <message>
        <source>Answers change at once, the window at the next start.</source>
        <translation>Las respuestas cambian enseguida; la ventana, en el próximo inicio.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>Keep the chat history on disk.</source>
        <translation>Conservar el historial en el disco.</translation>
    </message>
    <message>
        <source>Store a small picture of what the camera saw with each question (off: words only).</source>
        <translation>Guardar una imagen pequeña de lo que vio la cámara con cada pregunta (desactivado: solo texto).</translation>
    </message>
    <message>
        <source>Nothing you say or show leaves this computer unless a server is set under Advanced.</source>
        <translation>Nada de lo que usted dice o muestra sale de este equipo, salvo que se indique un servidor en Avanzado.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>&amp;BLIP-2 model</source>
        <translation>Modelo &amp;BLIP-2</translation>
    </message>
    <message>
        <source>Name or folder of the BLIP-2 model.</source>
        <translation>Nombre o carpeta del modelo BLIP-2.</translation>
    </message>
    <message>
        <source>Vision &amp;device</source>
        <translation>&amp;Dispositivo de visión</translation>
    </message>
    <message>
        <source>Where the vision model runs.</source>
        <translation>Dónde se ejecuta el modelo de visión.</translation>
    </message>
    <message>
        <source>Number &amp;format</source>
        <translation>&amp;Formato numérico</translation>
    </message>
    <message>
        <source>The number format of the vision model&apos;s weights.</source>
        <translation>El formato numérico de los pesos del modelo de visión.</translation>
    </message>
    <message>
        <source>Beam &amp;width</source>
        <translation>Ancho de &amp;haz</translation>
    </message>
    <message>
        <source>How many answers the vision model weighs at once; 1 is fastest.</source>
        <translation>Cuántas respuestas sopesa a la vez el modelo de visión; 1 es lo más rápido.</translation>
    </message>
    <message>
        <source>Server address (&amp;URL)</source>
        <translation>Dirección del servidor (&amp;URL)</translation>
    </message>
    <message>
        <source>An OpenAI-compatible server.</source>
        <translation>Un servidor compatible con OpenAI.</translation>
    </message>
    <message>
        <source>Server&apos;s vision model</source>
        <translation>Modelo de visión del servidor</translation>
    </message>
    <message>
        <source>The model on that server; empty for the first it lists.</source>
        <translation>El modelo de ese servidor; vacío para el primero de su lista.</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Quiosco</translation>
    </message>
    <message>
        <source>These apply when the assistant runs as a kiosk (assistant --kiosk).</source>
        <translation>Se aplican cuando el asistente funciona como quiosco (assistant --kiosk).</translation>
    </message>
    <message>
        <source>Idle minutes before the histor&amp;y is cleared</source>
        <translation>Minutos de inactividad antes de borrar &amp;el historial</translation>
    </message>
    <message>
        <source>In kiosk mode, the history is cleared after this many idle minutes.</source>
        <translation>En modo quiosco, el historial se borra tras estos minutos de inactividad.</translation>
    </message>
    <message>
        <source>Invite the next visitor when no one has used the kiosk for a while.</source>
        <translation>Invitar al siguiente visitante cuando nadie ha usado el quiosco durante un rato.</translation>
    </message>
    <message>
        <source>Off: visitors&apos; turns live in memory only and are gone at idle, quit, restart or a crash. The screen always starts empty.</source>
        <translation>Desactivado: los turnos de los visitantes solo quedan en memoria y se pierden por inactividad, al salir, al reiniciar o por un fallo. La pantalla siempre empieza vacía.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <source>4 to 12 digits asked before the kiosk&apos;s settings or quit. Empty: those stay locked in the kiosk.</source>
        <translation>De 4 a 12 dígitos que se piden antes de los ajustes del quiosco o de salir. Vacío: ambos quedan bloqueados en el quiosco.</translation>
    </message>
    <message>
        <source>Save the settings and apply them.</source>
        <translation>Guardar los ajustes y aplicarlos.</translation>
    </message>
    <message>
        <source>Close without saving.</source>
        <translation>Cerrar sin guardar.</translation>
    </message>
    <message>
        <source>{page} settings</source>
        <translation>Ajustes: {page}</translation>
    </message>
    <message>
        <source>The settings of the {page} page.</source>
        <translation>Los ajustes de la página {page}.</translation>
    </message>
</context>
<context>
    <name>SettingsWords</name>
    <message>
        <source>the embedded engine</source>
        <translation>el motor integrado</translation>
    </message>
    <message>
        <source>the server on the network</source>
        <translation>el servidor de la red</translation>
    </message>
    <message>
        <source>Settings saved and applied.</source>
        <translation>Ajustes guardados y aplicados.</translation>
    </message>
    <message>
        <source>Settings saved and applied. Answers are in the new language from now on; the window changes at the next start.</source>
        <translation>Ajustes guardados y aplicados. Las respuestas están en el nuevo idioma desde ahora; la ventana cambia en el próximo inicio.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>el disco es de solo lectura</translation>
    </message>
    <message>
        <source>this account may not write there</source>
        <translation>esta cuenta no puede escribir ahí</translation>
    </message>
    <message>
        <source>Free some space on the disk, then save again.</source>
        <translation>Libere espacio en el disco y vuelva a guardar.</translation>
    </message>
    <message>
        <source>Free some space on the disk.</source>
        <translation>Libere espacio en el disco.</translation>
    </message>
    <message>
        <source>Ask whoever looks after this computer to let this account write to {folder}, or to start the assistant with ASSISTANT_HOME set to a folder it can write.</source>
        <translation>Pida a quien administra este equipo que permita a esta cuenta escribir en {folder}, o que inicie el asistente con ASSISTANT_HOME apuntando a una carpeta en la que pueda escribir.</translation>
    </message>
    <message>
        <source>Check that {folder} can be written, then save again.</source>
        <translation>Compruebe que se puede escribir en {folder} y vuelva a guardar.</translation>
    </message>
    <message>
        <source>Check that {folder} can be written.</source>
        <translation>Compruebe que se puede escribir en {folder}.</translation>
    </message>
    <message>
        <source>Settings applied until the assistant closes, but not saved: {why}. {to_do}</source>
        <translation>Ajustes aplicados hasta que se cierre el asistente, pero no guardados: {why}. {to_do}</translation>
    </message>
    <message>
        <source>The chat history cannot be saved: {why}. Earlier conversations are shown; new questions and answers stay on screen until the assistant closes. {to_do}</source>
        <translation>No se puede guardar el historial: {why}. Se muestran las conversaciones anteriores; las nuevas preguntas y respuestas se quedan en pantalla hasta que se cierre el asistente. {to_do}</translation>
    </message>
    <message>
        <source>The chat history cannot be saved: {why}. Nothing earlier could be read; new questions and answers stay on screen until the assistant closes. {to_do}</source>
        <translation>No se puede guardar el historial: {why}. No se pudo leer nada anterior; las nuevas preguntas y respuestas se quedan en pantalla hasta que se cierre el asistente. {to_do}</translation>
    </message>
    <message>
        <source>Free some space on the disk to keep the next ones.</source>
        <translation>Libere espacio en el disco para conservar las siguientes.</translation>
    </message>
    <message>
        <source>This answer was not saved in the chat history: {why}. It stays on screen. {to_do}</source>
        <translation>Esta respuesta no se guardó en el historial: {why}. Se queda en pantalla. {to_do}</translation>
    </message>
    <message>
        <source>Settings, Vision page, Download button</source>
        <translation>Ajustes, página Visión, botón Descargar</translation>
    </message>
    <message>
        <source>Settings saved, but {name} is not on this computer ({model}), so {kept} answers until it is downloaded ({where}).</source>
        <translation>Ajustes guardados, pero {name} no está en este equipo ({model}), así que {kept} responde hasta que se descargue ({where}).</translation>
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
<context>
    <name>TextDialog</name>
    <message>
        <source>Scrolls with the arrow keys or Page Down.</source>
        <translation>Se desplaza con las teclas de flecha o Av Pág.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Close this list.</source>
        <translation>Cerrar esta lista.</translation>
    </message>
</context>
<context>
    <name>WindowEvents</name>
    <message>
        <source>Transcribing your question…</source>
        <translation>Transcribiendo su pregunta…</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Pensando…</translation>
    </message>
    <message>
        <source>Preparing the spoken answer…</source>
        <translation>Preparando la respuesta hablada…</translation>
    </message>
    <message>
        <source>Vision</source>
        <translation>Visión</translation>
    </message>
    <message>
        <source>Speech recognition</source>
        <translation>Reconocimiento de voz</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <source>Describing the picture…</source>
        <translation>Describiendo la imagen…</translation>
    </message>
    <message>
        <source>Reading the text in the picture…</source>
        <translation>Leyendo el texto de la imagen…</translation>
    </message>
    <message>
        <source>Not answered: a newer question came first.</source>
        <translation>Sin respuesta: una pregunta más reciente llegó antes.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message>
        <source>Not answered: the assistant was closing.</source>
        <translation>Sin respuesta: el asistente se estaba cerrando.</translation>
    </message>
    <message>
        <source>Joined to what you said next.</source>
        <translation>Unido a lo que dijo a continuación.</translation>
    </message>
    <message>
        <source>Not answered: the assistant was still loading.</source>
        <translation>Sin respuesta: el asistente todavía se estaba cargando.</translation>
    </message>
    <message>
        <source>Not answered: the settings changed; ask again.</source>
        <translation>Sin respuesta: los ajustes han cambiado; vuelva a preguntar.</translation>
    </message>
    <message>
        <source>The camera is not working; please tell a member of staff.</source>
        <translation>La cámara no funciona; avise a un miembro del personal.</translation>
    </message>
    <message>
        <source>Voice questions are not working; please tell a member of staff. You can type your question.</source>
        <translation>Las preguntas por voz no funcionan; avise a un miembro del personal. Puede escribir su pregunta.</translation>
    </message>
    <message>
        <source>There is no sound; answers are shown on the screen. Please tell a member of staff.</source>
        <translation>No hay sonido; las respuestas se muestran en la pantalla. Avise a un miembro del personal.</translation>
    </message>
    <message>
        <source>Voice questions are not working today; please tell a member of staff. You can type your question.</source>
        <translation>Las preguntas por voz no funcionan hoy; avise a un miembro del personal. Puede escribir su pregunta.</translation>
    </message>
    <message>
        <source>I cannot speak today; answers are shown on the screen. Please tell a member of staff.</source>
        <translation>Hoy no puedo hablar; las respuestas se muestran en la pantalla. Avise a un miembro del personal.</translation>
    </message>
    <message>
        <source>I cannot see today; please tell a member of staff.</source>
        <translation>Hoy no puedo ver; avise a un miembro del personal.</translation>
    </message>
    <message>
        <source>Everything works.</source>
        <translation>Todo funciona.</translation>
    </message>
    <message>
        <source>There is no microphone, so I cannot listen. Type the question instead.</source>
        <translation>No hay micrófono, así que no puedo escuchar. Escriba la pregunta en su lugar.</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Estado: {status}</translation>
    </message>
    <message>
        <source>Notice: {notice}</source>
        <translation>Aviso: {notice}</translation>
    </message>
    <message>
        <source>No notice</source>
        <translation>Ningún aviso</translation>
    </message>
    <message>
        <source>Microphone %p%</source>
        <translation>Micrófono %p%</translation>
    </message>
    <message>
        <source>No microphone</source>
        <translation>Sin micrófono</translation>
    </message>
    <message>
        <source>Recording: release to ask</source>
        <translation>Grabando: suelte para preguntar</translation>
    </message>
    <message>
        <source>Assistant: {answer}</source>
        <translation>Asistente: {answer}</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation>Cargando {model}…</translation>
    </message>
    <message>
        <source>You said: {question}</source>
        <translation>Ha dicho: {question}</translation>
    </message>
    <message>
        <source>You asked: {question}</source>
        <translation>Ha preguntado: {question}</translation>
    </message>
    <message>
        <source>Not answered.</source>
        <translation>Sin respuesta.</translation>
    </message>
    <message>
        <source>Voice command: {command}.</source>
        <translation>Orden de voz: {command}.</translation>
    </message>
    <message>
        <source>The chat history was cleared.</source>
        <translation>Se ha borrado el historial del chat.</translation>
    </message>
    <message>
        <source>{stage}: {model}</source>
        <translation>{stage}: {model}</translation>
    </message>
    <message>
        <source>Not answered: {reason}</source>
        <translation>Sin respuesta: {reason}</translation>
    </message>
</context>
</TS>
