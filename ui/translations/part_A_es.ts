<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
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
        <source>The {page_lower} settings.</source>
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
</TS>
