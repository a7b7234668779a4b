<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>DeviceNames</name>
    <message>
        <source>System default</source>
        <translation>Choix du système</translation>
    </message>
    <message>
        <source>Camera {number}</source>
        <translation>Caméra {number}</translation>
    </message>
</context>
<context>
    <name>ModelRow</name>
    <message>
        <source>The download could not start: this computer cannot reach the Hugging Face hub. Try again when it is online.</source>
        <translation>Le téléchargement n&apos;a pas pu démarrer : cet ordinateur ne peut pas joindre le hub Hugging Face. Réessayez une fois connecté à Internet.</translation>
    </message>
    <message>
        <source>This model&apos;s makers ask you to accept its licence on the Hugging Face website before it can be downloaded.</source>
        <translation>Les auteurs de ce modèle vous demandent d&apos;accepter sa licence sur le site de Hugging Face avant de pouvoir le télécharger.</translation>
    </message>
    <message>
        <source>The Hugging Face hub has no model by this name; check the name on the Advanced page.</source>
        <translation>Le hub Hugging Face n&apos;a aucun modèle de ce nom ; vérifiez le nom sur la page Avancé.</translation>
    </message>
    <message>
        <source>There is not enough free disk space for this model.</source>
        <translation>Il n&apos;y a pas assez d&apos;espace libre sur le disque pour ce modèle.</translation>
    </message>
    <message>
        <source>The download stopped before the end; Download again fetches the rest.</source>
        <translation>Le téléchargement s&apos;est arrêté avant la fin ; Télécharger de nouveau récupère le reste.</translation>
    </message>
    <message>
        <source>Some files arrived damaged and were deleted; Download again fetches them afresh.</source>
        <translation>Certains fichiers sont arrivés endommagés et ont été supprimés ; Télécharger de nouveau les récupère à neuf.</translation>
    </message>
    <message>
        <source>Download cancelled. The finished files are kept; Download again fetches the rest.</source>
        <translation>Téléchargement annulé. Les fichiers terminés sont conservés ; Télécharger de nouveau récupère le reste.</translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation>{size} Go</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} Mo</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Télécharger…</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Vision model</source>
        <translation>Modèle de vision</translation>
    </message>
    <message>
        <source>Whether the chosen vision model is on this computer.</source>
        <translation>Indique si le modèle de vision choisi est présent sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Download the vision model</source>
        <translation>Télécharger le modèle de vision</translation>
    </message>
    <message>
        <source>Fetch the chosen model from the Hugging Face hub (it goes online).</source>
        <translation>Récupère le modèle choisi sur le hub Hugging Face (connexion à Internet).</translation>
    </message>
    <message>
        <source>Stop the download; finished files stay.</source>
        <translation>Arrête le téléchargement ; les fichiers terminés sont conservés.</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>How much of the model has arrived.</source>
        <translation>Quelle part du modèle est déjà arrivée.</translation>
    </message>
    <message>
        <source>Vision model: {words}</source>
        <translation>Modèle de vision : {words}</translation>
    </message>
    <message>
        <source>{name} is on this computer.</source>
        <translation>{name} est présent sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The folder named on the Advanced page does not hold a complete model.</source>
        <translation>Le dossier indiqué sur la page Avancé ne contient pas de modèle complet.</translation>
    </message>
    <message>
        <source>Download fetches about {size} from the Hugging Face hub; it is the only step that goes online.</source>
        <translation>Télécharger récupère environ {size} sur le hub Hugging Face ; c&apos;est la seule étape qui se connecte à Internet.</translation>
    </message>
    <message>
        <source>Download fetches from the Hugging Face hub; it is the only step that goes online.</source>
        <translation>Télécharger le récupère sur le hub Hugging Face ; c&apos;est la seule étape qui se connecte à Internet.</translation>
    </message>
    <message>
        <source>{name} is not on this computer ({model}), so it cannot answer yet.</source>
        <translation>{name} n&apos;est pas sur cet ordinateur ({model}) et ne peut donc pas encore répondre.</translation>
    </message>
    <message>
        <source>Downloading {name}…</source>
        <translation>Téléchargement de {name}…</translation>
    </message>
    <message>
        <source>Downloading {name}</source>
        <translation>Téléchargement de {name}</translation>
    </message>
    <message>
        <source>The download failed.</source>
        <translation>Le téléchargement a échoué.</translation>
    </message>
    <message>
        <source>{name} is downloaded. Save to use it.</source>
        <translation>{name} est téléchargé. Enregistrez pour l&apos;utiliser.</translation>
    </message>
    <message>
        <source>Cancelling the download…</source>
        <translation>Annulation du téléchargement…</translation>
    </message>
    <message>
        <source>Downloading {name}: {done} of {total}.</source>
        <translation>Téléchargement de {name} : {done} sur {total}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Detect the language</source>
        <translation>Détecter la langue</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Allemand</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Espagnol</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italien</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugais</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Néerlandais</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Embedded: text, light, colours (fast)</source>
        <translation>Intégré : texte, lumière, couleurs (rapide)</translation>
    </message>
    <message>
        <source>Image-text model: SmolVLM, Qwen2-VL, Gemma 3...</source>
        <translation>Modèle image-texte : SmolVLM, Qwen2-VL, Gemma 3...</translation>
    </message>
    <message>
        <source>BLIP (smaller model)</source>
        <translation>BLIP (modèle plus petit)</translation>
    </message>
    <message>
        <source>BLIP-2 (large, best with a GPU)</source>
        <translation>BLIP-2 (grand, idéal avec un GPU)</translation>
    </message>
    <message>
        <source>LLaVA (large, needs a GPU)</source>
        <translation>LLaVA (grand, nécessite un GPU)</translation>
    </message>
    <message>
        <source>A server on the network (see Advanced)</source>
        <translation>Un serveur sur le réseau (voir Avancé)</translation>
    </message>
    <message>
        <source>Do not speak</source>
        <translation>Ne pas parler</translation>
    </message>
    <message>
        <source>Automatic: read by the screen reader when one runs, else spoken</source>
        <translation>Automatique : lues par le lecteur d&apos;écran s&apos;il est actif, sinon parlées</translation>
    </message>
    <message>
        <source>Spoken</source>
        <translation>Parlées</translation>
    </message>
    <message>
        <source>Read by the screen reader</source>
        <translation>Lues par le lecteur d&apos;écran</translation>
    </message>
    <message>
        <source>Pictures and recordings are sent to this server whenever an engine is set to &quot;a server on the network&quot;. Leave it empty to keep everything on this computer.</source>
        <translation>Les images et les enregistrements sont envoyés à ce serveur dès qu&apos;un moteur est réglé sur « Un serveur sur le réseau ». Laissez ce champ vide pour que tout reste sur cet ordinateur.</translation>
    </message>
    <message>
        <source>A note about the settings above.</source>
        <translation>Une remarque sur les paramètres ci-dessus.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Devices, speech, vision, display, privacy and the kiosk. Changes are saved for the next start too.</source>
        <translation>Appareils, parole, vision, affichage, confidentialité et borne. Les modifications sont aussi gardées pour le prochain démarrage.</translation>
    </message>
    <message>
        <source>Whisper tiny (English)</source>
        <translation>Whisper tiny (anglais)</translation>
    </message>
    <message>
        <source>Whisper base (many languages)</source>
        <translation>Whisper base (nombreuses langues)</translation>
    </message>
    <message>
        <source>Start with &amp;hands-free listening on</source>
        <translation>Démarrer &amp;en mains libres</translation>
    </message>
    <message>
        <source>H&amp;igh-contrast colours (white and yellow on black)</source>
        <translation>Couleurs à contraste élevé (blanc et &amp;jaune sur noir)</translation>
    </message>
    <message>
        <source>Keep the chat hist&amp;ory on this computer</source>
        <translation>Conserver l&apos;historique sur cet &amp;ordinateur</translation>
    </message>
    <message>
        <source>Keep the camera picture of each &amp;question in the history</source>
        <translation>Conserver l&apos;image de la caméra de chaque &amp;question dans l&apos;historique</translation>
    </message>
    <message>
        <source>Processor (CPU)</source>
        <translation>Processeur (CPU)</translation>
    </message>
    <message>
        <source>Graphics card (CUDA)</source>
        <translation>Carte graphique (CUDA)</translation>
    </message>
    <message>
        <source>Show a welcome screen when the kiosk is not in use</source>
        <translation>Afficher un écran d&apos;accueil quand la borne n&apos;est pas utilisée</translation>
    </message>
    <message>
        <source>Keep visitors&apos; questions and answers on disk</source>
        <translation>Conserver sur le disque les questions et réponses des visiteurs</translation>
    </message>
    <message>
        <source>Settings problem</source>
        <translation>Problème de paramètres</translation>
    </message>
    <message>
        <source>What is wrong with the settings, if anything.</source>
        <translation>Ce qui ne va pas dans les paramètres, le cas échéant.</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Pages des paramètres</translation>
    </message>
    <message>
        <source>Ctrl+Tab moves to the next page.</source>
        <translation>Ctrl+Tab passe à la page suivante.</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Appareils</translation>
    </message>
    <message>
        <source>C&amp;amera</source>
        <translation>&amp;Caméra</translation>
    </message>
    <message>
        <source>Camera number, or a picture or video file to use instead.</source>
        <translation>Numéro de la caméra, ou un fichier image ou vidéo à utiliser à la place.</translation>
    </message>
    <message>
        <source>&amp;Microphone</source>
        <translation>&amp;Micro</translation>
    </message>
    <message>
        <source>Microphone by name, or a recording to replay.</source>
        <translation>Le micro par son nom, ou un enregistrement à rejouer.</translation>
    </message>
    <message>
        <source>Spea&amp;ker</source>
        <translation>&amp;Haut-parleur</translation>
    </message>
    <message>
        <source>Sound output by name.</source>
        <translation>Sortie audio par son nom.</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Parole</translation>
    </message>
    <message>
        <source>Re&amp;plies</source>
        <translation>&amp;Réponses</translation>
    </message>
    <message>
        <source>Whether answers are spoken, read by your screen reader, or chosen automatically.</source>
        <translation>Réponses parlées, lues par votre lecteur d&apos;écran, ou choix automatique.</translation>
    </message>
    <message>
        <source>Speech &amp;recognition</source>
        <translation>Reconnaissance &amp;vocale</translation>
    </message>
    <message>
        <source>Which Whisper model turns speech into text.</source>
        <translation>Le modèle Whisper qui transforme la parole en texte.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>The language you speak.</source>
        <translation>La langue que vous parlez.</translation>
    </message>
    <message>
        <source>&amp;Voice engine</source>
        <translation>Moteur de voi&amp;x</translation>
    </message>
    <message>
        <source>Which voice speaks the answers.</source>
        <translation>La voix qui prononce les réponses.</translation>
    </message>
    <message>
        <source>Voice &amp;name</source>
        <translation>&amp;Nom de la voix</translation>
    </message>
    <message>
        <source>Voice file or voice name; empty for the default.</source>
        <translation>Fichier ou nom de la voix ; vide pour la voix par défaut.</translation>
    </message>
    <message>
        <source>Speaking ra&amp;te</source>
        <translation>&amp;Débit de parole</translation>
    </message>
    <message>
        <source>How fast answers are spoken; 1 is normal.</source>
        <translation>Vitesse à laquelle les réponses sont dites ; 1 est normal.</translation>
    </message>
    <message>
        <source>&amp;End-of-turn silence</source>
        <translation>&amp;Silence de fin de question</translation>
    </message>
    <message>
        <source>How long a pause ends a hands-free question, in seconds.</source>
        <translation>Durée de la pause qui termine une question en mains libres, en secondes.</translation>
    </message>
    <message>
        <source>Listen all the time from the start.</source>
        <translation>Écouter en permanence dès le démarrage.</translation>
    </message>
    <message>
        <source>Vision</source>
        <translation>Vision</translation>
    </message>
    <message>
        <source>Vision en&amp;gine</source>
        <translation>Mote&amp;ur de vision</translation>
    </message>
    <message>
        <source>Which engine answers questions about the picture.</source>
        <translation>Le moteur qui répond aux questions sur l&apos;image.</translation>
    </message>
    <message>
        <source>The embedded engine works on this computer with no download. The large models answer more freely but need a fast computer.</source>
        <translation>Le moteur intégré fonctionne sur cet ordinateur sans rien télécharger. Les grands modèles répondent plus librement mais demandent un ordinateur rapide.</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Te&amp;xt size</source>
        <translation>&amp;Taille du texte</translation>
    </message>
    <message>
        <source>Size of all text; 1 is normal, up to 4.</source>
        <translation>Taille de tout le texte ; 1 est normal, jusqu&apos;à 4.</translation>
    </message>
    <message>
        <source>White and yellow on black.</source>
        <translation>Blanc et jaune sur noir.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>Keep the chat history on disk.</source>
        <translation>Conserver l&apos;historique sur le disque.</translation>
    </message>
    <message>
        <source>Store a small picture of what the camera saw with each question (off: words only).</source>
        <translation>Enregistrer une petite image de ce que la caméra a vu avec chaque question (désactivé : le texte seul).</translation>
    </message>
    <message>
        <source>Nothing you say or show leaves this computer unless a server is set under Advanced.</source>
        <translation>Rien de ce que vous dites ou montrez ne quitte cet ordinateur, sauf si un serveur est indiqué dans Avancé.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <source>&amp;BLIP-2 model</source>
        <translation>Modèle &amp;BLIP-2</translation>
    </message>
    <message>
        <source>Name or folder of the BLIP-2 model.</source>
        <translation>Nom ou dossier du modèle BLIP-2.</translation>
    </message>
    <message>
        <source>Vision &amp;device</source>
        <translation>&amp;Processeur pour la vision</translation>
    </message>
    <message>
        <source>Where the vision model runs.</source>
        <translation>Où le modèle de vision s&apos;exécute.</translation>
    </message>
    <message>
        <source>Number &amp;format</source>
        <translation>&amp;Format des nombres</translation>
    </message>
    <message>
        <source>The number format of the vision model&apos;s weights.</source>
        <translation>Le format des nombres des poids du modèle de vision.</translation>
    </message>
    <message>
        <source>Beam &amp;width</source>
        <translation>Lar&amp;geur de faisceau</translation>
    </message>
    <message>
        <source>How many answers the vision model weighs at once; 1 is fastest.</source>
        <translation>Nombre de réponses que le modèle de vision compare à la fois ; 1 est le plus rapide.</translation>
    </message>
    <message>
        <source>Server address (&amp;URL)</source>
        <translation>&amp;Adresse du serveur (URL)</translation>
    </message>
    <message>
        <source>An OpenAI-compatible server.</source>
        <translation>Un serveur compatible OpenAI.</translation>
    </message>
    <message>
        <source>Server&apos;s vision model</source>
        <translation>Modèle de vision du serveur</translation>
    </message>
    <message>
        <source>The model on that server; empty for the first it lists.</source>
        <translation>Le modèle sur ce serveur ; vide pour le premier de sa liste.</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Borne</translation>
    </message>
    <message>
        <source>These apply when the assistant runs as a kiosk (assistant --kiosk).</source>
        <translation>Ces réglages s&apos;appliquent quand l&apos;assistant fonctionne en borne (assistant --kiosk).</translation>
    </message>
    <message>
        <source>Idle minutes before the histor&amp;y is cleared</source>
        <translation>Minutes d&apos;&amp;inactivité avant d&apos;effacer l&apos;historique</translation>
    </message>
    <message>
        <source>In kiosk mode, the history is cleared after this many idle minutes.</source>
        <translation>En mode borne, l&apos;historique est effacé après ce nombre de minutes d&apos;inactivité.</translation>
    </message>
    <message>
        <source>Invite the next visitor when no one has used the kiosk for a while.</source>
        <translation>Inviter le visiteur suivant quand personne n&apos;a utilisé la borne depuis un moment.</translation>
    </message>
    <message>
        <source>Off: visitors&apos; turns live in memory only and are gone at idle, quit, restart or a crash. The screen always starts empty.</source>
        <translation>Désactivé : les échanges des visiteurs restent en mémoire seulement et disparaissent à l&apos;inactivité, à la fermeture, au redémarrage ou en cas de plantage. L&apos;écran démarre toujours vide.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Code du personnel</translation>
    </message>
    <message>
        <source>4 to 12 digits asked before the kiosk&apos;s settings or quit. Empty: those stay locked in the kiosk.</source>
        <translation>4 à 12 chiffres demandés avant les paramètres de la borne ou pour quitter. Vide : ils restent verrouillés sur la borne.</translation>
    </message>
    <message>
        <source>Save the settings and apply them.</source>
        <translation>Enregistrer les paramètres et les appliquer.</translation>
    </message>
    <message>
        <source>Close without saving.</source>
        <translation>Fermer sans enregistrer.</translation>
    </message>
    <message>
        <source>{page} settings</source>
        <translation>Paramètres : {page}</translation>
    </message>
    <message>
        <source>The {page_lower} settings.</source>
        <translation>Les paramètres de la page {page}.</translation>
    </message>
</context>
<context>
    <name>SettingsWords</name>
    <message>
        <source>the embedded engine</source>
        <translation>le moteur intégré</translation>
    </message>
    <message>
        <source>the server on the network</source>
        <translation>le serveur sur le réseau</translation>
    </message>
    <message>
        <source>Settings saved and applied.</source>
        <translation>Paramètres enregistrés et appliqués.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>le disque est en lecture seule</translation>
    </message>
    <message>
        <source>this account may not write there</source>
        <translation>ce compte n&apos;a pas le droit d&apos;y écrire</translation>
    </message>
    <message>
        <source>Free some space on the disk, then save again.</source>
        <translation>Libérez de l&apos;espace sur le disque, puis enregistrez de nouveau.</translation>
    </message>
    <message>
        <source>Free some space on the disk.</source>
        <translation>Libérez de l&apos;espace sur le disque.</translation>
    </message>
    <message>
        <source>Ask whoever looks after this computer to let this account write to {folder}, or to start the assistant with ASSISTANT_HOME set to a folder it can write.</source>
        <translation>Demandez à la personne qui gère cet ordinateur d&apos;autoriser ce compte à écrire dans {folder}, ou de lancer l&apos;assistant avec ASSISTANT_HOME réglé sur un dossier où il peut écrire.</translation>
    </message>
    <message>
        <source>Check that {folder} can be written, then save again.</source>
        <translation>Vérifiez que {folder} est accessible en écriture, puis enregistrez de nouveau.</translation>
    </message>
    <message>
        <source>Check that {folder} can be written.</source>
        <translation>Vérifiez que {folder} est accessible en écriture.</translation>
    </message>
    <message>
        <source>Settings applied until the assistant closes, but not saved: {why}. {to_do}</source>
        <translation>Paramètres appliqués jusqu&apos;à la fermeture de l&apos;assistant, mais pas enregistrés : {why}. {to_do}</translation>
    </message>
    <message>
        <source>The chat history cannot be saved: {why}. Earlier conversations are shown; new questions and answers stay on screen until the assistant closes. {to_do}</source>
        <translation>L&apos;historique ne peut pas être enregistré : {why}. Les conversations précédentes sont affichées ; les nouvelles questions et réponses restent à l&apos;écran jusqu&apos;à la fermeture de l&apos;assistant. {to_do}</translation>
    </message>
    <message>
        <source>The chat history cannot be saved: {why}. Nothing earlier could be read; new questions and answers stay on screen until the assistant closes. {to_do}</source>
        <translation>L&apos;historique ne peut pas être enregistré : {why}. Rien de plus ancien n&apos;a pu être lu ; les nouvelles questions et réponses restent à l&apos;écran jusqu&apos;à la fermeture de l&apos;assistant. {to_do}</translation>
    </message>
    <message>
        <source>Free some space on the disk to keep the next ones.</source>
        <translation>Libérez de l&apos;espace sur le disque pour garder les suivantes.</translation>
    </message>
    <message>
        <source>This answer was not saved in the chat history: {why}. It stays on screen. {to_do}</source>
        <translation>Cette réponse n&apos;a pas été enregistrée dans l&apos;historique : {why}. Elle reste à l&apos;écran. {to_do}</translation>
    </message>
    <message>
        <source>Settings, Vision page, Download button</source>
        <translation>Paramètres, page Vision, bouton Télécharger</translation>
    </message>
    <message>
        <source>Settings saved, but {name} is not on this computer ({model}), so {kept} answers until it is downloaded ({where}).</source>
        <translation>Paramètres enregistrés, mais {name} n&apos;est pas sur cet ordinateur ({model}) : {kept} répond en attendant son téléchargement ({where}).</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>Scrolls with the arrow keys or Page Down.</source>
        <translation>Défile avec les touches fléchées ou Page suivante.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Close this list.</source>
        <translation>Fermer cette liste.</translation>
    </message>
</context>
</TS>
