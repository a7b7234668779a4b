<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Accessibility</name>
    <message>
        <source>Ask the typed question (in the question box)</source>
        <translation>Eingegebene Frage stellen (im Fragefeld)</translation>
    </message>
    <message>
        <source>Go to the question box</source>
        <translation>Zum Fragefeld</translation>
    </message>
    <message>
        <source>Push to talk: hold to speak a question</source>
        <translation>Zum Sprechen halten: Taste halten und Frage sprechen</translation>
    </message>
    <message>
        <source>Hands-free listening on or off</source>
        <translation>Freisprechen ein oder aus</translation>
    </message>
    <message>
        <source>Describe what the camera sees now</source>
        <translation>Beschreiben, was die Kamera jetzt sieht</translation>
    </message>
    <message>
        <source>Read the text the camera sees now</source>
        <translation>Text vorlesen, den die Kamera jetzt sieht</translation>
    </message>
    <message>
        <source>Open a picture to ask about</source>
        <translation>Bild öffnen, um danach zu fragen</translation>
    </message>
    <message>
        <source>Paste a picture or a copied picture file to ask about</source>
        <translation>Bild oder kopierte Bilddatei einfügen, um danach zu fragen</translation>
    </message>
    <message>
        <source>Use the camera again after a picture</source>
        <translation>Nach einem Bild wieder die Kamera verwenden</translation>
    </message>
    <message>
        <source>Repeat the last answer</source>
        <translation>Letzte Antwort wiederholen</translation>
    </message>
    <message>
        <source>Stop speaking</source>
        <translation>Sprechen beenden</translation>
    </message>
    <message>
        <source>Go to the chat history</source>
        <translation>Zum Chatverlauf</translation>
    </message>
    <message>
        <source>Search the chat history</source>
        <translation>Chatverlauf durchsuchen</translation>
    </message>
    <message>
        <source>Copy the answer (the chosen one, else the newest); Ctrl+C in the history</source>
        <translation>Antwort kopieren (die gewählte, sonst die neueste); Ctrl+C im Verlauf</translation>
    </message>
    <message>
        <source>New conversation: the next question starts afresh (the history stays)</source>
        <translation>Neues Gespräch: Die nächste Frage beginnt von vorn (der Verlauf bleibt)</translation>
    </message>
    <message>
        <source>Show or hide timings in the history</source>
        <translation>Zeiten im Verlauf ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Größerer Text</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Kleinerer Text</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>Normale Textgröße</translation>
    </message>
    <message>
        <source>High-contrast theme on or off</source>
        <translation>Hoher Kontrast ein oder aus</translation>
    </message>
    <message>
        <source>Clear the chat history</source>
        <translation>Chatverlauf löschen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>List of keyboard shortcuts</source>
        <translation>Liste der Tastenkürzel</translation>
    </message>
    <message>
        <source>Details: the models in use and the processor</source>
        <translation>Details: verwendete Modelle und Prozessor</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>{description} Shortcut: {keys}.</source>
        <translation>{description} Tastenkürzel: {keys}.</translation>
    </message>
</context>
<context>
    <name>AssistantWorker</name>
    <message>
        <source>The assistant is still starting, so I cannot answer yet.</source>
        <translation>Der Assistent startet noch, daher kann ich noch nicht antworten.</translation>
    </message>
    <message>
        <source>For fuller descriptions, choose a vision model in Settings.</source>
        <translation>Für ausführlichere Beschreibungen wählen Sie in den Einstellungen ein Bildmodell.</translation>
    </message>
    <message>
        <source>Opening the chat history…</source>
        <translation>Chatverlauf wird geöffnet…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <source>The microphone stopped working. I will keep trying to reconnect.</source>
        <translation>Das Mikrofon funktioniert nicht mehr. Ich versuche weiter, es zu verbinden.</translation>
    </message>
    <message>
        <source>The microphone is back.</source>
        <translation>Das Mikrofon ist wieder da.</translation>
    </message>
    <message>
        <source>There is no chat history to export.</source>
        <translation>Es gibt keinen Chatverlauf zum Exportieren.</translation>
    </message>
    <message>
        <source>History exported to {file}.</source>
        <translation>Verlauf exportiert nach {file}.</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Camera view</source>
        <translation>Kamerabild</translation>
    </message>
    <message>
        <source>The live picture from the camera that questions are about.</source>
        <translation>Das Livebild der Kamera, auf das sich die Fragen beziehen.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Kamera wird gestartet…</translation>
    </message>
    <message>
        <source>The live picture from the camera.</source>
        <translation>Das Livebild der Kamera.</translation>
    </message>
</context>
<context>
    <name>ChatRows</name>
    <message>
        <source> (working on it…)</source>
        <translation> (in Arbeit…)</translation>
    </message>
    <message>
        <source>Nothing asked yet. Press F5 to hear what the camera sees, or F6 to have its text read aloud. Type a question below and press Enter, or hold F4 and speak. F1 lists every key.</source>
        <translation>Noch keine Frage. Drücken Sie F5, um zu hören, was die Kamera sieht, oder F6, um ihren Text vorlesen zu lassen. Geben Sie unten eine Frage ein und drücken Sie die Eingabetaste, oder halten Sie F4 gedrückt und sprechen Sie. F1 listet alle Tasten auf.</translation>
    </message>
    <message>
        <source>Timings: {timings}</source>
        <translation>Zeiten: {timings}</translation>
    </message>
    <message>
        <source>You said: {question}</source>
        <translation>Sie sagten: {question}</translation>
    </message>
    <message>
        <source>You typed: {question}</source>
        <translation>Sie schrieben: {question}</translation>
    </message>
    <message>
        <source>Assistant: {answer}</source>
        <translation>Assistent: {answer}</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Chat history</source>
        <translation>Chatverlauf</translation>
    </message>
    <message>
        <source>Your questions and the assistant&apos;s answers, newest last. Use the arrow keys to read them.</source>
        <translation>Ihre Fragen und die Antworten des Assistenten, die neuesten zuletzt. Mit den Pfeiltasten lesen Sie sie.</translation>
    </message>
    <message>
        <source>Your questions and the assistant&apos;s answers, newest last. Use the arrow keys to read them. Shortcut: {keys}.</source>
        <translation>Ihre Fragen und die Antworten des Assistenten, die neuesten zuletzt. Mit den Pfeiltasten lesen Sie sie. Tastenkürzel: {keys}.</translation>
    </message>
    <message>
        <source>Assistant: {answer}…</source>
        <translation>Assistent: {answer}…</translation>
    </message>
    <message>
        <source>Not answered.</source>
        <translation>Nicht beantwortet.</translation>
    </message>
    <message>
        <source>Asked at {time}</source>
        <translation>Gefragt um {time}</translation>
    </message>
    <message>
        <source>Notice: {notice}</source>
        <translation>Hinweis: {notice}</translation>
    </message>
</context>
<context>
    <name>DeviceThreads</name>
    <message>
        <source>The device could not be used ({reason}).</source>
        <translation>Das Gerät konnte nicht verwendet werden ({reason}).</translation>
    </message>
</context>
<context>
    <name>HistorySearch</name>
    <message>
        <source>Search the history</source>
        <translation>Verlauf durchsuchen</translation>
    </message>
    <message>
        <source>Shows only the questions and answers holding these words. Escape shows them all again.</source>
        <translation>Zeigt nur Fragen und Antworten mit diesen Wörtern. Esc zeigt wieder alle.</translation>
    </message>
    <message>
        <source>Showing the whole history</source>
        <translation>Der ganze Verlauf wird angezeigt</translation>
    </message>
    <message>
        <source>No match for {words}</source>
        <translation>Kein Treffer für {words}</translation>
    </message>
    <message>
        <source>1 match for {words}</source>
        <translation>1 Treffer für {words}</translation>
    </message>
    <message>
        <source>{count} matches for {words}</source>
        <translation>{count} Treffer für {words}</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>Antwort kopieren</translation>
    </message>
    <message>
        <source>high contrast</source>
        <translation>hoher Kontrast</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>dunkel</translation>
    </message>
    <message>
        <source>light</source>
        <translation>hell</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <source>Status: {state}</source>
        <translation>Status: {state}</translation>
    </message>
    <message>
        <source>Models: {models}</source>
        <translation>Modelle: {models}</translation>
    </message>
    <message>
        <source>Processor: {processor}</source>
        <translation>Prozessor: {processor}</translation>
    </message>
    <message>
        <source>Theme: {scheme} ({setting})</source>
        <translation>Design: {scheme} ({setting})</translation>
    </message>
    <message>
        <source>Settings file: {file}</source>
        <translation>Einstellungsdatei: {file}</translation>
    </message>
</context>
<context>
    <name>PictureInput</name>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>Bilder ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Only pictures stored on this computer can be used.</source>
        <translation>Nur Bilder, die auf diesem Computer gespeichert sind, können verwendet werden.</translation>
    </message>
    <message>
        <source>Save the picture to a folder first, then open or drop the file.</source>
        <translation>Speichern Sie das Bild zuerst in einem Ordner und öffnen oder ziehen Sie dann die Datei hierher.</translation>
    </message>
    <message>
        <source>picture {file}</source>
        <translation>das Bild {file}</translation>
    </message>
    <message>
        <source>the pasted picture</source>
        <translation>das eingefügte Bild</translation>
    </message>
    <message>
        <source>the dropped picture</source>
        <translation>das abgelegte Bild</translation>
    </message>
    <message>
        <source>The {picture} could not be read.</source>
        <translation>{picture} konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Copy it again, or save it to a file and open that.</source>
        <translation>Kopieren Sie es erneut oder speichern Sie es als Datei und öffnen Sie diese.</translation>
    </message>
    <message>
        <source>{count} megapixels</source>
        <translation>{count} Megapixel</translation>
    </message>
    <message>
        <source>The {picture} is too large to use safely ({size} megapixels; the limit is {limit}).</source>
        <translation>{picture} ist zu groß für eine sichere Verwendung ({size} Megapixel; die Grenze liegt bei {limit}).</translation>
    </message>
    <message>
        <source>Shrink it below {limit}, or save it as a JPEG file and open that.</source>
        <translation>Verkleinern Sie es unter {limit} oder speichern Sie es als JPEG-Datei und öffnen Sie diese.</translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <source>Camera view</source>
        <translation>Kamerabild</translation>
    </message>
    <message>
        <source>The live picture from the camera that questions are about.</source>
        <translation>Das Livebild der Kamera, auf das sich die Fragen beziehen.</translation>
    </message>
    <message>
        <source>The clipboard holds no picture. Copy a picture or a picture file, then press Ctrl+V.</source>
        <translation>Die Zwischenablage enthält kein Bild. Kopieren Sie ein Bild oder eine Bilddatei und drücken Sie dann Ctrl+V.</translation>
    </message>
    <message>
        <source>Open picture</source>
        <translation>Bild öffnen</translation>
    </message>
    <message>
        <source>The camera is already in use.</source>
        <translation>Die Kamera wird bereits verwendet.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Kamera wird gestartet…</translation>
    </message>
    <message>
        <source>Using the camera.</source>
        <translation>Die Kamera wird verwendet.</translation>
    </message>
    <message>
        <source>Opening {picture}…</source>
        <translation>Wird geöffnet: {picture}…</translation>
    </message>
    <message>
        <source>The {picture} could not be opened. Details are in the log.</source>
        <translation>{picture} konnte nicht geöffnet werden. Details stehen im Protokoll.</translation>
    </message>
    <message>
        <source>Using {picture}. F9 goes back to the camera.</source>
        <translation>In Verwendung: {picture}. F9 kehrt zur Kamera zurück.</translation>
    </message>
    <message>
        <source>{picture}: questions are about it until you choose Use camera.</source>
        <translation>{picture}: Die Fragen beziehen sich darauf, bis Sie „Kamera verwenden“ wählen.</translation>
    </message>
</context>
<context>
    <name>StatusMachine</name>
    <message>
        <source>no camera</source>
        <translation>keine Kamera</translation>
    </message>
    <message>
        <source>no microphone</source>
        <translation>kein Mikrofon</translation>
    </message>
    <message>
        <source>no sound</source>
        <translation>kein Ton</translation>
    </message>
    <message>
        <source>hearing broken</source>
        <translation>Hören gestört</translation>
    </message>
    <message>
        <source>voice broken</source>
        <translation>Stimme gestört</translation>
    </message>
    <message>
        <source>eyes broken</source>
        <translation>Sehen gestört</translation>
    </message>
    <message>
        <source>The camera is back.</source>
        <translation>Die Kamera ist wieder da.</translation>
    </message>
    <message>
        <source>The microphone is back.</source>
        <translation>Das Mikrofon ist wieder da.</translation>
    </message>
    <message>
        <source>Sound is back.</source>
        <translation>Der Ton ist wieder da.</translation>
    </message>
    <message>
        <source>Hearing works again.</source>
        <translation>Das Hören funktioniert wieder.</translation>
    </message>
    <message>
        <source>The voice works again.</source>
        <translation>Die Stimme funktioniert wieder.</translation>
    </message>
    <message>
        <source>The eyes work again.</source>
        <translation>Das Sehen funktioniert wieder.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Listening (hands-free)</source>
        <translation>Hört zu (Freisprechen)</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Denkt nach…</translation>
    </message>
    <message>
        <source>Speaking</source>
        <translation>Spricht</translation>
    </message>
    <message>
        <source>Hands-free is on; it starts listening when a microphone is connected.</source>
        <translation>Freisprechen ist an; das Zuhören beginnt, sobald ein Mikrofon angeschlossen ist.</translation>
    </message>
    <message>
        <source>Hands-free off</source>
        <translation>Freisprechen aus</translation>
    </message>
    <message>
        <source>Hearing you…</source>
        <translation>Ich höre zu…</translation>
    </message>
</context>
</TS>
