<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
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
