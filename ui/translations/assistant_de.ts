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
    <name>DeviceNames</name>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Camera {number}</source>
        <translation>Kamera {number}</translation>
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
    <name>Keys</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Ass&amp;istant</source>
        <translation>&amp;Assistent</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>He&amp;lp</source>
        <translation>H&amp;ilfe</translation>
    </message>
    <message>
        <source>Export history…</source>
        <translation>Verlauf exportieren…</translation>
    </message>
    <message>
        <source>&amp;Menu</source>
        <translation>&amp;Menü</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;Automatic (as the system)</source>
        <translation>&amp;Automatisch (System)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Theme automatic</source>
        <translation>Design automatisch</translation>
    </message>
    <message>
        <source>Theme light</source>
        <translation>Design hell</translation>
    </message>
    <message>
        <source>Theme dark</source>
        <translation>Design dunkel</translation>
    </message>
    <message>
        <source>Text size {percent} percent</source>
        <translation>Textgröße {percent} Prozent</translation>
    </message>
    <message>
        <source>High contrast on</source>
        <translation>Hoher Kontrast ein</translation>
    </message>
    <message>
        <source>High contrast off</source>
        <translation>Hoher Kontrast aus</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <source>Getting ready…</source>
        <translation>Wird vorbereitet…</translation>
    </message>
    <message>
        <source>Ready. Press a button.</source>
        <translation>Bereit. Drücken Sie eine Schaltfläche.</translation>
    </message>
    <message>
        <source>Listening. Ask your question.</source>
        <translation>Ich höre zu. Stellen Sie Ihre Frage.</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Denke nach…</translation>
    </message>
    <message>
        <source>Speaking…</source>
        <translation>Spreche…</translation>
    </message>
    <message>
        <source>Press Describe (or F5) to hear what the camera sees.
Press Read (or F6) to hear the text the camera sees: signs, labels, letters.
Press Ask by voice (or F8) and ask your question aloud; press it again to stop listening.
Or type a question in the box and press Enter.
Escape stops the voice. F7 says the last answer again.
Ctrl and plus makes the text larger, Ctrl and minus smaller.</source>
        <translation>Drücken Sie Beschreiben (oder F5), um zu hören, was die Kamera sieht.
Drücken Sie Vorlesen (oder F6), um den Text zu hören, den die Kamera sieht: Schilder, Etiketten, Briefe.
Drücken Sie Per Sprache fragen (oder F8) und stellen Sie Ihre Frage laut; drücken Sie erneut, um das Zuhören zu beenden.
Oder tippen Sie eine Frage in das Feld und drücken Sie die Eingabetaste.
Esc stoppt die Stimme. F7 sagt die letzte Antwort noch einmal.
Strg und Plus vergrößert den Text, Strg und Minus verkleinert ihn.</translation>
    </message>
    <message>
        <source>Settings and quitting are switched off on this kiosk. Staff: set a kiosk PIN (4 to 12 digits) in the settings file, under [ui] kiosk_pin, and restart.</source>
        <translation>Einstellungen und Beenden sind an diesem Kiosk gesperrt. Personal: Legen Sie in der Einstellungsdatei unter [ui] kiosk_pin eine Kiosk-PIN (4 bis 12 Ziffern) fest und starten Sie neu.</translation>
    </message>
    <message>
        <source>Enter the staff PIN to open the settings.</source>
        <translation>Geben Sie die Personal-PIN ein, um die Einstellungen zu öffnen.</translation>
    </message>
    <message>
        <source>Enter the staff PIN to quit the kiosk.</source>
        <translation>Geben Sie die Personal-PIN ein, um den Kiosk zu beenden.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Personal-PIN</translation>
    </message>
    <message>
        <source>Enter the staff PIN to {purpose}.</source>
        <translation>Geben Sie die Personal-PIN ein: {purpose}.</translation>
    </message>
    <message>
        <source>The digits of the staff PIN.</source>
        <translation>Die Ziffern der Personal-PIN.</translation>
    </message>
    <message>
        <source>PIN message</source>
        <translation>PIN-Meldung</translation>
    </message>
    <message>
        <source>Whether the PIN was accepted.</source>
        <translation>Ob die PIN angenommen wurde.</translation>
    </message>
    <message>
        <source>Check the PIN.</source>
        <translation>PIN prüfen.</translation>
    </message>
    <message>
        <source>Go back.</source>
        <translation>Zurück.</translation>
    </message>
    <message>
        <source>Please wait {seconds} seconds, then try again.</source>
        <translation>Bitte warten Sie {seconds} s und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>That PIN is not right. Try again.</source>
        <translation>Diese PIN ist falsch. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>What the assistant is doing now.</source>
        <translation>Was der Assistent gerade tut.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>A device that is missing, in words.</source>
        <translation>Ein fehlendes Gerät, in Worten.</translation>
    </message>
    <message>
        <source>&amp;Describe</source>
        <translation>&amp;Beschreiben</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>&amp;Vorlesen</translation>
    </message>
    <message>
        <source>Ask by &amp;voice</source>
        <translation>Per &amp;Sprache fragen</translation>
    </message>
    <message>
        <source>Ask by voice</source>
        <translation>Per Sprache fragen</translation>
    </message>
    <message>
        <source>Press, then ask your question aloud. Press again to stop listening. Shortcut: F8.</source>
        <translation>Drücken Sie und stellen Sie dann Ihre Frage laut. Erneut drücken beendet das Zuhören. Tastenkürzel: F8.</translation>
    </message>
    <message>
        <source>Press Describe to hear what the camera sees, or Read to hear its text. Press Ask by voice to ask a question aloud.</source>
        <translation>Drücken Sie Beschreiben, um zu hören, was die Kamera sieht, oder Vorlesen, um ihren Text zu hören. Drücken Sie Per Sprache fragen, um eine Frage laut zu stellen.</translation>
    </message>
    <message>
        <source>Waiting for the camera.</source>
        <translation>Warte auf die Kamera.</translation>
    </message>
    <message>
        <source>Stop &amp;listening</source>
        <translation>&amp;Zuhören beenden</translation>
    </message>
    <message>
        <source>Hello! I can tell you what this camera sees, and read signs, labels and letters aloud.</source>
        <translation>Hallo! Ich kann Ihnen sagen, was diese Kamera sieht, und Schilder, Etiketten und Briefe vorlesen.</translation>
    </message>
    <message>
        <source>Touch the screen or press any key to start.</source>
        <translation>Berühren Sie den Bildschirm oder drücken Sie eine Taste, um zu beginnen.</translation>
    </message>
    <message>
        <source>Welcome screen.</source>
        <translation>Begrüßungsbildschirm.</translation>
    </message>
    <message>
        <source>Welcome. Touch the screen or press any key to start.</source>
        <translation>Willkommen. Berühren Sie den Bildschirm oder drücken Sie eine Taste, um zu beginnen.</translation>
    </message>
    <message>
        <source>How to use this assistant</source>
        <translation>So nutzen Sie diesen Assistenten</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>&amp;Describe</source>
        <translation>&amp;Beschreiben</translation>
    </message>
    <message>
        <source>Describe what the camera sees now.</source>
        <translation>Beschreiben, was die Kamera jetzt sieht.</translation>
    </message>
    <message>
        <source>&amp;Read text</source>
        <translation>Text &amp;vorlesen</translation>
    </message>
    <message>
        <source>Read aloud the text the camera sees.</source>
        <translation>Den Text vorlesen, den die Kamera sieht.</translation>
    </message>
    <message>
        <source>Use &amp;camera</source>
        <translation>&amp;Kamera nutzen</translation>
    </message>
    <message>
        <source>Ask about the live camera again instead of the picture.</source>
        <translation>Wieder nach der Live-Kamera statt dem Bild fragen.</translation>
    </message>
    <message>
        <source>Push to &amp;talk</source>
        <translation>Zum Sprechen &amp;halten</translation>
    </message>
    <message>
        <source>Hold this button, or hold F4, while you speak a question.</source>
        <translation>Halten Sie diese Schaltfläche oder F4, während Sie eine Frage sprechen.</translation>
    </message>
    <message>
        <source>Hands-free: off</source>
        <translation>Freisprechen: aus</translation>
    </message>
    <message>
        <source>Listen all the time and answer each spoken question.</source>
        <translation>Ständig zuhören und jede gesprochene Frage beantworten.</translation>
    </message>
    <message>
        <source>Microphone %p%</source>
        <translation>Mikrofon %p%</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Mikrofonpegel</translation>
    </message>
    <message>
        <source>How loud the microphone hears you.</source>
        <translation>Wie laut das Mikrofon Sie hört.</translation>
    </message>
    <message>
        <source>Type a question, then press Enter</source>
        <translation>Frage eingeben, dann Eingabetaste drücken</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Type a question about what the camera sees and press Enter to ask it.</source>
        <translation>Geben Sie eine Frage zu dem ein, was die Kamera sieht, und drücken Sie die Eingabetaste.</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>&amp;Fragen</translation>
    </message>
    <message>
        <source>Ask the typed question.</source>
        <translation>Die eingegebene Frage stellen.</translation>
    </message>
    <message>
        <source>Re&amp;peat</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Say the last answer again.</source>
        <translation>Die letzte Antwort noch einmal sagen.</translation>
    </message>
    <message>
        <source>&amp;Stop speaking</source>
        <translation>Stimme &amp;stoppen</translation>
    </message>
    <message>
        <source>Stop the spoken answer.</source>
        <translation>Die gesprochene Antwort stoppen.</translation>
    </message>
    <message>
        <source>Latest notice</source>
        <translation>Letzter Hinweis</translation>
    </message>
    <message>
        <source>The latest problem or notice, in words.</source>
        <translation>Das letzte Problem oder der letzte Hinweis, in Worten.</translation>
    </message>
    <message>
        <source>Models: loading…</source>
        <translation>Modelle: werden geladen…</translation>
    </message>
    <message>
        <source>Assistant state</source>
        <translation>Status des Assistenten</translation>
    </message>
    <message>
        <source>What the assistant is doing now.</source>
        <translation>Was der Assistent gerade tut.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Which models are loaded.</source>
        <translation>Welche Modelle geladen sind.</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Prozessor</translation>
    </message>
    <message>
        <source>Whether models run on the CPU or a GPU.</source>
        <translation>Ob die Modelle auf der CPU oder einer GPU laufen.</translation>
    </message>
    <message>
        <source>Clear the chat history</source>
        <translation>Chatverlauf löschen</translation>
    </message>
    <message>
        <source>Delete every question and answer in the history? This cannot be undone.</source>
        <translation>Alle Fragen und Antworten im Verlauf löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Clear the chat history?</source>
        <translation>Chatverlauf löschen?</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>&amp;Vorlesen</translation>
    </message>
    <message>
        <source>&amp;Talk</source>
        <translation>S&amp;prechen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Local assistant</source>
        <translation>Lokaler Assistent</translation>
    </message>
    <message>
        <source>Ask questions about what the camera sees.</source>
        <translation>Stellen Sie Fragen dazu, was die Kamera sieht.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>{notice} Saving the settings here keeps a copy of the damaged file.</source>
        <translation>{notice} Beim Speichern der Einstellungen hier bleibt eine Kopie der beschädigten Datei erhalten.</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Type a question first.</source>
        <translation>Geben Sie zuerst eine Frage ein.</translation>
    </message>
    <message>
        <source>You typed: {question}</source>
        <translation>Sie haben getippt: {question}</translation>
    </message>
    <message>
        <source>Describing the picture…</source>
        <translation>Bild wird beschrieben…</translation>
    </message>
    <message>
        <source>Reading the text in the picture…</source>
        <translation>Text im Bild wird gelesen…</translation>
    </message>
    <message>
        <source>Not answered: the assistant was closing.</source>
        <translation>Nicht beantwortet: Der Assistent wurde beendet.</translation>
    </message>
    <message>
        <source>Assistant: {answer}</source>
        <translation>Assistent: {answer}</translation>
    </message>
    <message>
        <source>There is no answer to copy yet.</source>
        <translation>Es gibt noch keine Antwort zum Kopieren.</translation>
    </message>
    <message>
        <source>Answer copied</source>
        <translation>Antwort kopiert</translation>
    </message>
    <message>
        <source>New conversation: the next question starts afresh.</source>
        <translation>Neues Gespräch: Die nächste Frage beginnt von vorn.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>There is no microphone, so I cannot listen. Type the question instead.</source>
        <translation>Es gibt kein Mikrofon, daher kann ich nicht zuhören. Tippen Sie die Frage stattdessen ein.</translation>
    </message>
    <message>
        <source>Hands-free: on</source>
        <translation>Freisprechen: ein</translation>
    </message>
    <message>
        <source>Hands-free: off</source>
        <translation>Freisprechen: aus</translation>
    </message>
    <message>
        <source>Switching camera…</source>
        <translation>Kamera wird gewechselt…</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>Wird beendet…</translation>
    </message>
</context>
<context>
    <name>ModelRow</name>
    <message>
        <source>The download could not start: this computer cannot reach the Hugging Face hub. Try again when it is online.</source>
        <translation>Der Download konnte nicht starten: Dieser Computer erreicht den Hugging-Face-Hub nicht. Versuchen Sie es erneut, sobald er online ist.</translation>
    </message>
    <message>
        <source>This model&apos;s makers ask you to accept its licence on the Hugging Face website before it can be downloaded.</source>
        <translation>Die Hersteller dieses Modells verlangen, dass Sie seine Lizenz auf der Website von Hugging Face akzeptieren, bevor es heruntergeladen werden kann.</translation>
    </message>
    <message>
        <source>The Hugging Face hub has no model by this name; check the name on the Advanced page.</source>
        <translation>Der Hugging-Face-Hub hat kein Modell mit diesem Namen; prüfen Sie den Namen auf der Seite „Erweitert“.</translation>
    </message>
    <message>
        <source>There is not enough free disk space for this model.</source>
        <translation>Für dieses Modell ist nicht genug Speicherplatz frei.</translation>
    </message>
    <message>
        <source>The download stopped before the end; Download again fetches the rest.</source>
        <translation>Der Download brach vor dem Ende ab; erneutes Herunterladen holt den Rest.</translation>
    </message>
    <message>
        <source>Some files arrived damaged and were deleted; Download again fetches them afresh.</source>
        <translation>Einige Dateien kamen beschädigt an und wurden gelöscht; erneutes Herunterladen holt sie neu.</translation>
    </message>
    <message>
        <source>Download cancelled. The finished files are kept; Download again fetches the rest.</source>
        <translation>Download abgebrochen. Die fertigen Dateien bleiben erhalten; erneutes Herunterladen holt den Rest.</translation>
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
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <source>Vision model</source>
        <translation>Bildmodell</translation>
    </message>
    <message>
        <source>Whether the chosen vision model is on this computer.</source>
        <translation>Ob das gewählte Bildmodell auf diesem Computer vorhanden ist.</translation>
    </message>
    <message>
        <source>Download the vision model</source>
        <translation>Bildmodell herunterladen</translation>
    </message>
    <message>
        <source>Fetch the chosen model from the Hugging Face hub (it goes online).</source>
        <translation>Lädt das gewählte Modell vom Hugging-Face-Hub (geht online).</translation>
    </message>
    <message>
        <source>Stop the download; finished files stay.</source>
        <translation>Beendet den Download; fertige Dateien bleiben erhalten.</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <source>How much of the model has arrived.</source>
        <translation>Wie viel vom Modell schon angekommen ist.</translation>
    </message>
    <message>
        <source>Vision model: {words}</source>
        <translation>Bildmodell: {words}</translation>
    </message>
    <message>
        <source>{name} is on this computer.</source>
        <translation>{name} ist auf diesem Computer vorhanden.</translation>
    </message>
    <message>
        <source>The folder named on the Advanced page does not hold a complete model.</source>
        <translation>Der Ordner auf der Seite „Erweitert“ enthält kein vollständiges Modell.</translation>
    </message>
    <message>
        <source>Download fetches about {size} from the Hugging Face hub; it is the only step that goes online.</source>
        <translation>Herunterladen holt etwa {size} vom Hugging-Face-Hub; nur dieser Schritt geht online.</translation>
    </message>
    <message>
        <source>Download fetches from the Hugging Face hub; it is the only step that goes online.</source>
        <translation>Herunterladen holt es vom Hugging-Face-Hub; nur dieser Schritt geht online.</translation>
    </message>
    <message>
        <source>{name} is not on this computer ({model}), so it cannot answer yet.</source>
        <translation>{name} ist nicht auf diesem Computer ({model}) und kann daher noch nicht antworten.</translation>
    </message>
    <message>
        <source>Downloading {name}…</source>
        <translation>{name} wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Downloading {name}</source>
        <translation>{name} wird heruntergeladen</translation>
    </message>
    <message>
        <source>The download failed.</source>
        <translation>Der Download ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>{name} is downloaded. Save to use it.</source>
        <translation>{name} ist heruntergeladen. Speichern Sie, um es zu verwenden.</translation>
    </message>
    <message>
        <source>Cancelling the download…</source>
        <translation>Download wird abgebrochen…</translation>
    </message>
    <message>
        <source>Downloading {name}: {done} of {total}.</source>
        <translation>{name} wird heruntergeladen: {done} von {total}.</translation>
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
    <name>SettingsDialog</name>
    <message>
        <source>Detect the language</source>
        <translation>Sprache erkennen</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Französisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Spanisch</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italienisch</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugiesisch</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Niederländisch</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Embedded: text, light, colours (fast)</source>
        <translation>Eingebaut: Text, Licht, Farben (schnell)</translation>
    </message>
    <message>
        <source>Image-text model: SmolVLM, Qwen2-VL, Gemma 3...</source>
        <translation>Bild-Text-Modell: SmolVLM, Qwen2-VL, Gemma 3...</translation>
    </message>
    <message>
        <source>BLIP (smaller model)</source>
        <translation>BLIP (kleineres Modell)</translation>
    </message>
    <message>
        <source>BLIP-2 (large, best with a GPU)</source>
        <translation>BLIP-2 (groß, am besten mit GPU)</translation>
    </message>
    <message>
        <source>LLaVA (large, needs a GPU)</source>
        <translation>LLaVA (groß, braucht eine GPU)</translation>
    </message>
    <message>
        <source>A server on the network (see Advanced)</source>
        <translation>Ein Server im Netzwerk (siehe Erweitert)</translation>
    </message>
    <message>
        <source>Do not speak</source>
        <translation>Nicht sprechen</translation>
    </message>
    <message>
        <source>Automatic: read by the screen reader when one runs, else spoken</source>
        <translation>Automatisch: vom Bildschirmleser gelesen, wenn einer läuft, sonst gesprochen</translation>
    </message>
    <message>
        <source>Spoken</source>
        <translation>Gesprochen</translation>
    </message>
    <message>
        <source>Read by the screen reader</source>
        <translation>Vom Bildschirmleser gelesen</translation>
    </message>
    <message>
        <source>Pictures and recordings are sent to this server whenever an engine is set to &quot;a server on the network&quot;. Leave it empty to keep everything on this computer.</source>
        <translation>Bilder und Aufnahmen werden an diesen Server gesendet, sobald eine Engine auf „Ein Server im Netzwerk“ steht. Lassen Sie das Feld leer, damit alles auf diesem Computer bleibt.</translation>
    </message>
    <message>
        <source>A note about the settings above.</source>
        <translation>Ein Hinweis zu den Einstellungen darüber.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Devices, speech, vision, display, privacy and the kiosk. Changes are saved for the next start too.</source>
        <translation>Geräte, Sprechen, Bild, Anzeige, Datenschutz und Kiosk. Änderungen gelten auch beim nächsten Start.</translation>
    </message>
    <message>
        <source>Whisper tiny (English)</source>
        <translation>Whisper tiny (Englisch)</translation>
    </message>
    <message>
        <source>Whisper base (many languages)</source>
        <translation>Whisper base (viele Sprachen)</translation>
    </message>
    <message>
        <source>Start with &amp;hands-free listening on</source>
        <translation>Mit &amp;Freisprechen starten</translation>
    </message>
    <message>
        <source>Automatic: the language you speak, else the system&apos;s</source>
        <translation>Automatisch: Ihre gesprochene Sprache, sonst die des Systems</translation>
    </message>
    <message>
        <source>H&amp;igh-contrast colours (white and yellow on black)</source>
        <translation>Farben mit hohem Kontrast (&amp;Weiß und Gelb auf Schwarz)</translation>
    </message>
    <message>
        <source>Keep the chat hist&amp;ory on this computer</source>
        <translation>&amp;Chatverlauf auf diesem Computer behalten</translation>
    </message>
    <message>
        <source>Keep the camera picture of each &amp;question in the history</source>
        <translation>Kamerabild &amp;jeder Frage im Verlauf behalten</translation>
    </message>
    <message>
        <source>Processor (CPU)</source>
        <translation>Prozessor (CPU)</translation>
    </message>
    <message>
        <source>Graphics card (CUDA)</source>
        <translation>Grafikkarte (CUDA)</translation>
    </message>
    <message>
        <source>Show a welcome screen when the kiosk is not in use</source>
        <translation>Begrüßungsbild zeigen, wenn der Kiosk nicht benutzt wird</translation>
    </message>
    <message>
        <source>Keep visitors&apos; questions and answers on disk</source>
        <translation>Fragen und Antworten der Besucher auf der Festplatte behalten</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>Problem mit den Einstellungen</translation>
    </message>
    <message>
        <source>What is wrong with the settings, if anything.</source>
        <translation>Was an den Einstellungen nicht stimmt, falls etwas.</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Ctrl+Tab moves to the next page.</source>
        <translation>Strg+Tab wechselt zur nächsten Seite.</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>C&amp;amera</source>
        <translation>&amp;Kamera</translation>
    </message>
    <message>
        <source>Camera number, or a picture or video file to use instead.</source>
        <translation>Nummer der Kamera oder eine Bild- bzw. Videodatei, die stattdessen dient.</translation>
    </message>
    <message>
        <source>&amp;Microphone</source>
        <translation>&amp;Mikrofon</translation>
    </message>
    <message>
        <source>Microphone by name, or a recording to replay.</source>
        <translation>Mikrofon nach Namen oder eine Aufnahme zum Abspielen.</translation>
    </message>
    <message>
        <source>Spea&amp;ker</source>
        <translation>&amp;Lautsprecher</translation>
    </message>
    <message>
        <source>Sound output by name.</source>
        <translation>Tonausgabe nach Namen.</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Sprechen</translation>
    </message>
    <message>
        <source>Re&amp;plies</source>
        <translation>&amp;Antworten</translation>
    </message>
    <message>
        <source>Whether answers are spoken, read by your screen reader, or chosen automatically.</source>
        <translation>Ob Antworten gesprochen, vom Bildschirmleser gelesen oder automatisch gewählt werden.</translation>
    </message>
    <message>
        <source>Speech &amp;recognition</source>
        <translation>Spracherke&amp;nnung</translation>
    </message>
    <message>
        <source>Which Whisper model turns speech into text.</source>
        <translation>Welches Whisper-Modell Sprache in Text umwandelt.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ihre Sprache</translation>
    </message>
    <message>
        <source>The language you speak.</source>
        <translation>Die Sprache, die Sie sprechen.</translation>
    </message>
    <message>
        <source>&amp;Voice engine</source>
        <translation>Sprachaus&amp;gabe</translation>
    </message>
    <message>
        <source>Which voice speaks the answers.</source>
        <translation>Welche Stimme die Antworten spricht.</translation>
    </message>
    <message>
        <source>Voice &amp;name</source>
        <translation>&amp;Stimme</translation>
    </message>
    <message>
        <source>Voice file or voice name; empty for the default.</source>
        <translation>Stimmdatei oder Name der Stimme; leer für die Standardstimme.</translation>
    </message>
    <message>
        <source>Speaking ra&amp;te</source>
        <translation>Spr&amp;echtempo</translation>
    </message>
    <message>
        <source>How fast answers are spoken; 1 is normal.</source>
        <translation>Wie schnell Antworten gesprochen werden; 1 ist normal.</translation>
    </message>
    <message>
        <source>&amp;End-of-turn silence</source>
        <translation>&amp;Pause nach der Frage</translation>
    </message>
    <message>
        <source>How long a pause ends a hands-free question, in seconds.</source>
        <translation>Wie lange eine Pause eine Frage beim Freisprechen beendet, in Sekunden.</translation>
    </message>
    <message>
        <source>Listen all the time from the start.</source>
        <translation>Ab dem Start ständig zuhören.</translation>
    </message>
    <message>
        <source>Vision</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Vision en&amp;gine</source>
        <translation>Bil&amp;danalyse</translation>
    </message>
    <message>
        <source>Which engine answers questions about the picture.</source>
        <translation>Welche Engine Fragen zum Bild beantwortet.</translation>
    </message>
    <message>
        <source>The embedded engine works on this computer with no download. The large models answer more freely but need a fast computer.</source>
        <translation>Die eingebaute Engine läuft ohne Download auf diesem Computer. Die großen Modelle antworten freier, brauchen aber einen schnellen Computer.</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>Te&amp;xt size</source>
        <translation>&amp;Textgröße</translation>
    </message>
    <message>
        <source>Size of all text; 1 is normal, up to 4.</source>
        <translation>Größe aller Texte; 1 ist normal, bis 4.</translation>
    </message>
    <message>
        <source>White and yellow on black.</source>
        <translation>Weiß und Gelb auf Schwarz.</translation>
    </message>
    <message>
        <source>Language of answers and window</source>
        <translation>Sprache der Antworten und des Fensters</translation>
    </message>
    <message>
        <source>Answers change at once, the window at the next start.</source>
        <translation>Antworten sofort, das Fenster beim nächsten Start.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>Keep the chat history on disk.</source>
        <translation>Chatverlauf auf der Festplatte behalten.</translation>
    </message>
    <message>
        <source>Store a small picture of what the camera saw with each question (off: words only).</source>
        <translation>Zu jeder Frage ein kleines Bild dessen speichern, was die Kamera sah (aus: nur Text).</translation>
    </message>
    <message>
        <source>Nothing you say or show leaves this computer unless a server is set under Advanced.</source>
        <translation>Nichts, was Sie sagen oder zeigen, verlässt diesen Computer, außer unter „Erweitert“ ist ein Server eingetragen.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>&amp;BLIP-2 model</source>
        <translation>&amp;BLIP-2-Modell</translation>
    </message>
    <message>
        <source>Name or folder of the BLIP-2 model.</source>
        <translation>Name oder Ordner des BLIP-2-Modells.</translation>
    </message>
    <message>
        <source>Vision &amp;device</source>
        <translation>&amp;Recheneinheit</translation>
    </message>
    <message>
        <source>Where the vision model runs.</source>
        <translation>Wo das Bildmodell läuft.</translation>
    </message>
    <message>
        <source>Number &amp;format</source>
        <translation>&amp;Zahlenformat</translation>
    </message>
    <message>
        <source>The number format of the vision model&apos;s weights.</source>
        <translation>Das Zahlenformat der Gewichte des Bildmodells.</translation>
    </message>
    <message>
        <source>Beam &amp;width</source>
        <translation>Stra&amp;hlbreite</translation>
    </message>
    <message>
        <source>How many answers the vision model weighs at once; 1 is fastest.</source>
        <translation>Wie viele Antworten das Bildmodell zugleich abwägt; 1 ist am schnellsten.</translation>
    </message>
    <message>
        <source>Server address (&amp;URL)</source>
        <translation>Serveradresse (&amp;URL)</translation>
    </message>
    <message>
        <source>An OpenAI-compatible server.</source>
        <translation>Ein OpenAI-kompatibler Server.</translation>
    </message>
    <message>
        <source>Server&apos;s vision model</source>
        <translation>Bildmodell des Servers</translation>
    </message>
    <message>
        <source>The model on that server; empty for the first it lists.</source>
        <translation>Das Modell auf diesem Server; leer für das erste in seiner Liste.</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>These apply when the assistant runs as a kiosk (assistant --kiosk).</source>
        <translation>Diese gelten, wenn der Assistent als Kiosk läuft (assistant --kiosk).</translation>
    </message>
    <message>
        <source>Idle minutes before the histor&amp;y is cleared</source>
        <translation>Minuten &amp;ohne Nutzung bis zum Löschen des Verlaufs</translation>
    </message>
    <message>
        <source>In kiosk mode, the history is cleared after this many idle minutes.</source>
        <translation>Im Kioskmodus wird der Verlauf nach so vielen Minuten ohne Nutzung gelöscht.</translation>
    </message>
    <message>
        <source>Invite the next visitor when no one has used the kiosk for a while.</source>
        <translation>Den nächsten Besucher einladen, wenn der Kiosk eine Weile nicht benutzt wurde.</translation>
    </message>
    <message>
        <source>Off: visitors&apos; turns live in memory only and are gone at idle, quit, restart or a crash. The screen always starts empty.</source>
        <translation>Aus: Die Beiträge der Besucher bleiben nur im Speicher und verschwinden bei Leerlauf, Beenden, Neustart oder Absturz. Der Bildschirm startet immer leer.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Personal-PIN</translation>
    </message>
    <message>
        <source>4 to 12 digits asked before the kiosk&apos;s settings or quit. Empty: those stay locked in the kiosk.</source>
        <translation>4 bis 12 Ziffern, abgefragt vor den Einstellungen des Kiosks oder dem Beenden. Leer: Beides bleibt im Kiosk gesperrt.</translation>
    </message>
    <message>
        <source>Save the settings and apply them.</source>
        <translation>Einstellungen speichern und anwenden.</translation>
    </message>
    <message>
        <source>Close without saving.</source>
        <translation>Schließen ohne zu speichern.</translation>
    </message>
    <message>
        <source>{page} settings</source>
        <translation>Einstellungen: {page}</translation>
    </message>
    <message>
        <source>The settings of the {page} page.</source>
        <translation>Die Einstellungen der Seite {page}.</translation>
    </message>
</context>
<context>
    <name>SettingsWords</name>
    <message>
        <source>the embedded engine</source>
        <translation>die eingebaute Engine</translation>
    </message>
    <message>
        <source>the server on the network</source>
        <translation>der Server im Netzwerk</translation>
    </message>
    <message>
        <source>Settings saved and applied.</source>
        <translation>Einstellungen gespeichert und angewendet.</translation>
    </message>
    <message>
        <source>Settings saved and applied. Answers are in the new language from now on; the window changes at the next start.</source>
        <translation>Einstellungen gespeichert und angewendet. Antworten kommen ab jetzt in der neuen Sprache; das Fenster wechselt beim nächsten Start.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>die Festplatte ist voll</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>die Festplatte ist schreibgeschützt</translation>
    </message>
    <message>
        <source>this account may not write there</source>
        <translation>dieses Konto darf dort nicht schreiben</translation>
    </message>
    <message>
        <source>Free some space on the disk, then save again.</source>
        <translation>Geben Sie Speicherplatz frei und speichern Sie dann erneut.</translation>
    </message>
    <message>
        <source>Free some space on the disk.</source>
        <translation>Geben Sie Speicherplatz frei.</translation>
    </message>
    <message>
        <source>Ask whoever looks after this computer to let this account write to {folder}, or to start the assistant with ASSISTANT_HOME set to a folder it can write.</source>
        <translation>Bitten Sie die Person, die diesen Computer betreut, diesem Konto Schreibrechte für {folder} zu geben oder den Assistenten mit ASSISTANT_HOME auf einem beschreibbaren Ordner zu starten.</translation>
    </message>
    <message>
        <source>Check that {folder} can be written, then save again.</source>
        <translation>Prüfen Sie, ob {folder} beschreibbar ist, und speichern Sie dann erneut.</translation>
    </message>
    <message>
        <source>Check that {folder} can be written.</source>
        <translation>Prüfen Sie, ob {folder} beschreibbar ist.</translation>
    </message>
    <message>
        <source>Settings applied until the assistant closes, but not saved: {why}. {to_do}</source>
        <translation>Einstellungen gelten, bis der Assistent schließt, wurden aber nicht gespeichert: {why}. {to_do}</translation>
    </message>
    <message>
        <source>The chat history cannot be saved: {why}. Earlier conversations are shown; new questions and answers stay on screen until the assistant closes. {to_do}</source>
        <translation>Der Chatverlauf kann nicht gespeichert werden: {why}. Frühere Gespräche werden angezeigt; neue Fragen und Antworten bleiben sichtbar, bis der Assistent schließt. {to_do}</translation>
    </message>
    <message>
        <source>The chat history cannot be saved: {why}. Nothing earlier could be read; new questions and answers stay on screen until the assistant closes. {to_do}</source>
        <translation>Der Chatverlauf kann nicht gespeichert werden: {why}. Frühere Gespräche konnten nicht gelesen werden; neue Fragen und Antworten bleiben sichtbar, bis der Assistent schließt. {to_do}</translation>
    </message>
    <message>
        <source>Free some space on the disk to keep the next ones.</source>
        <translation>Geben Sie Speicherplatz frei, um die nächsten zu behalten.</translation>
    </message>
    <message>
        <source>This answer was not saved in the chat history: {why}. It stays on screen. {to_do}</source>
        <translation>Diese Antwort wurde nicht im Chatverlauf gespeichert: {why}. Sie bleibt sichtbar. {to_do}</translation>
    </message>
    <message>
        <source>Settings, Vision page, Download button</source>
        <translation>Einstellungen, Seite „Bild“, Schaltfläche „Herunterladen“</translation>
    </message>
    <message>
        <source>Settings saved, but {name} is not on this computer ({model}), so {kept} answers until it is downloaded ({where}).</source>
        <translation>Einstellungen gespeichert, aber {name} ist nicht auf diesem Computer ({model}); bis zum Herunterladen antwortet {kept} ({where}).</translation>
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
<context>
    <name>TextDialog</name>
    <message>
        <source>Scrolls with the arrow keys or Page Down.</source>
        <translation>Mit den Pfeiltasten oder Bild ab blättern.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Close this list.</source>
        <translation>Diese Liste schließen.</translation>
    </message>
</context>
<context>
    <name>WindowEvents</name>
    <message>
        <source>Transcribing your question…</source>
        <translation>Ihre Frage wird erkannt…</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Denke nach…</translation>
    </message>
    <message>
        <source>Preparing the spoken answer…</source>
        <translation>Gesprochene Antwort wird vorbereitet…</translation>
    </message>
    <message>
        <source>Vision</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Speech recognition</source>
        <translation>Spracherkennung</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>Describing the picture…</source>
        <translation>Bild wird beschrieben…</translation>
    </message>
    <message>
        <source>Reading the text in the picture…</source>
        <translation>Text im Bild wird gelesen…</translation>
    </message>
    <message>
        <source>Not answered: a newer question came first.</source>
        <translation>Nicht beantwortet: Eine neuere Frage kam zuerst.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>Not answered: the assistant was closing.</source>
        <translation>Nicht beantwortet: Der Assistent wurde beendet.</translation>
    </message>
    <message>
        <source>Joined to what you said next.</source>
        <translation>Mit dem verbunden, was Sie danach gesagt haben.</translation>
    </message>
    <message>
        <source>Not answered: the assistant was still loading.</source>
        <translation>Nicht beantwortet: Der Assistent wurde noch geladen.</translation>
    </message>
    <message>
        <source>Not answered: the settings changed; ask again.</source>
        <translation>Nicht beantwortet: Die Einstellungen wurden geändert; fragen Sie erneut.</translation>
    </message>
    <message>
        <source>The camera is not working; please tell a member of staff.</source>
        <translation>Die Kamera funktioniert nicht; bitte sagen Sie es dem Personal.</translation>
    </message>
    <message>
        <source>Voice questions are not working; please tell a member of staff. You can type your question.</source>
        <translation>Sprachfragen funktionieren nicht; bitte sagen Sie es dem Personal. Sie können Ihre Frage eintippen.</translation>
    </message>
    <message>
        <source>There is no sound; answers are shown on the screen. Please tell a member of staff.</source>
        <translation>Es gibt keinen Ton; die Antworten erscheinen auf dem Bildschirm. Bitte sagen Sie es dem Personal.</translation>
    </message>
    <message>
        <source>Voice questions are not working today; please tell a member of staff. You can type your question.</source>
        <translation>Sprachfragen funktionieren heute nicht; bitte sagen Sie es dem Personal. Sie können Ihre Frage eintippen.</translation>
    </message>
    <message>
        <source>I cannot speak today; answers are shown on the screen. Please tell a member of staff.</source>
        <translation>Ich kann heute nicht sprechen; die Antworten erscheinen auf dem Bildschirm. Bitte sagen Sie es dem Personal.</translation>
    </message>
    <message>
        <source>I cannot see today; please tell a member of staff.</source>
        <translation>Ich kann heute nicht sehen; bitte sagen Sie es dem Personal.</translation>
    </message>
    <message>
        <source>Everything works.</source>
        <translation>Alles funktioniert.</translation>
    </message>
    <message>
        <source>There is no microphone, so I cannot listen. Type the question instead.</source>
        <translation>Es gibt kein Mikrofon, daher kann ich nicht zuhören. Tippen Sie die Frage stattdessen ein.</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Notice: {notice}</source>
        <translation>Hinweis: {notice}</translation>
    </message>
    <message>
        <source>No notice</source>
        <translation>Kein Hinweis</translation>
    </message>
    <message>
        <source>Microphone %p%</source>
        <translation>Mikrofon %p%</translation>
    </message>
    <message>
        <source>No microphone</source>
        <translation>Kein Mikrofon</translation>
    </message>
    <message>
        <source>Recording: release to ask</source>
        <translation>Aufnahme: zum Fragen loslassen</translation>
    </message>
    <message>
        <source>Assistant: {answer}</source>
        <translation>Assistent: {answer}</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation>{model} wird geladen…</translation>
    </message>
    <message>
        <source>You said: {question}</source>
        <translation>Sie sagten: {question}</translation>
    </message>
    <message>
        <source>You asked: {question}</source>
        <translation>Sie fragten: {question}</translation>
    </message>
    <message>
        <source>Not answered.</source>
        <translation>Nicht beantwortet.</translation>
    </message>
    <message>
        <source>Voice command: {command}.</source>
        <translation>Sprachbefehl: {command}.</translation>
    </message>
    <message>
        <source>The chat history was cleared.</source>
        <translation>Der Chatverlauf wurde gelöscht.</translation>
    </message>
    <message>
        <source>{stage}: {model}</source>
        <translation>{stage}: {model}</translation>
    </message>
    <message>
        <source>Not answered: {reason}</source>
        <translation>Nicht beantwortet: {reason}</translation>
    </message>
</context>
</TS>
