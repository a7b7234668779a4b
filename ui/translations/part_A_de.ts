<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
        <source>The {page_lower} settings.</source>
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
</TS>
