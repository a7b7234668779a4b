<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
