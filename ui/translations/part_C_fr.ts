<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Accessibility</name>
    <message>
        <source>Ask the typed question (in the question box)</source>
        <translation>Poser la question saisie (dans la zone de question)</translation>
    </message>
    <message>
        <source>Go to the question box</source>
        <translation>Aller à la zone de question</translation>
    </message>
    <message>
        <source>Push to talk: hold to speak a question</source>
        <translation>Maintenir pour parler : maintenez la touche et posez votre question</translation>
    </message>
    <message>
        <source>Hands-free listening on or off</source>
        <translation>Activer ou désactiver l&apos;écoute mains libres</translation>
    </message>
    <message>
        <source>Describe what the camera sees now</source>
        <translation>Décrire ce que voit la caméra</translation>
    </message>
    <message>
        <source>Read the text the camera sees now</source>
        <translation>Lire le texte que voit la caméra</translation>
    </message>
    <message>
        <source>Open a picture to ask about</source>
        <translation>Ouvrir une image pour poser une question dessus</translation>
    </message>
    <message>
        <source>Paste a picture or a copied picture file to ask about</source>
        <translation>Coller une image ou un fichier image copié pour poser une question dessus</translation>
    </message>
    <message>
        <source>Use the camera again after a picture</source>
        <translation>Revenir à la caméra après une image</translation>
    </message>
    <message>
        <source>Repeat the last answer</source>
        <translation>Répéter la dernière réponse</translation>
    </message>
    <message>
        <source>Stop speaking</source>
        <translation>Arrêter de parler</translation>
    </message>
    <message>
        <source>Go to the chat history</source>
        <translation>Aller à l&apos;historique de la conversation</translation>
    </message>
    <message>
        <source>Search the chat history</source>
        <translation>Rechercher dans l&apos;historique</translation>
    </message>
    <message>
        <source>Copy the answer (the chosen one, else the newest); Ctrl+C in the history</source>
        <translation>Copier la réponse (celle choisie, sinon la plus récente) ; Ctrl+C dans l&apos;historique</translation>
    </message>
    <message>
        <source>New conversation: the next question starts afresh (the history stays)</source>
        <translation>Nouvelle conversation : la question suivante repart de zéro (l&apos;historique reste)</translation>
    </message>
    <message>
        <source>Show or hide timings in the history</source>
        <translation>Afficher ou masquer les durées dans l&apos;historique</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texte plus grand</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texte plus petit</translation>
    </message>
    <message>
        <source>Normal text size</source>
        <translation>Taille du texte normale</translation>
    </message>
    <message>
        <source>High-contrast theme on or off</source>
        <translation>Activer ou désactiver le contraste élevé</translation>
    </message>
    <message>
        <source>Clear the chat history</source>
        <translation>Effacer l&apos;historique</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>List of keyboard shortcuts</source>
        <translation>Liste des raccourcis clavier</translation>
    </message>
    <message>
        <source>Details: the models in use and the processor</source>
        <translation>Détails : les modèles utilisés et le processeur</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>{description} Shortcut: {keys}.</source>
        <translation>{description} Raccourci : {keys}.</translation>
    </message>
</context>
<context>
    <name>AssistantWorker</name>
    <message>
        <source>The assistant is still starting, so I cannot answer yet.</source>
        <translation>L&apos;assistant démarre encore, je ne peux pas encore répondre.</translation>
    </message>
    <message>
        <source>For fuller descriptions, choose a vision model in Settings.</source>
        <translation>Pour des descriptions plus complètes, choisissez un modèle de vision dans les Paramètres.</translation>
    </message>
    <message>
        <source>Opening the chat history…</source>
        <translation>Ouverture de l&apos;historique…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Prêt.</translation>
    </message>
    <message>
        <source>The microphone stopped working. I will keep trying to reconnect.</source>
        <translation>Le micro ne fonctionne plus. Je continue d&apos;essayer de le reconnecter.</translation>
    </message>
    <message>
        <source>The microphone is back.</source>
        <translation>Le micro est de retour.</translation>
    </message>
    <message>
        <source>There is no chat history to export.</source>
        <translation>Il n&apos;y a aucun historique à exporter.</translation>
    </message>
    <message>
        <source>History exported to {file}.</source>
        <translation>Historique exporté vers {file}.</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Camera view</source>
        <translation>Vue de la caméra</translation>
    </message>
    <message>
        <source>The live picture from the camera that questions are about.</source>
        <translation>L&apos;image en direct de la caméra, sur laquelle portent les questions.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
        <source>The live picture from the camera.</source>
        <translation>L&apos;image en direct de la caméra.</translation>
    </message>
</context>
<context>
    <name>ChatRows</name>
    <message>
        <source> (working on it…)</source>
        <translation> (en cours…)</translation>
    </message>
    <message>
        <source>Nothing asked yet. Press F5 to hear what the camera sees, or F6 to have its text read aloud. Type a question below and press Enter, or hold F4 and speak. F1 lists every key.</source>
        <translation>Aucune question pour l&apos;instant. Appuyez sur F5 pour entendre ce que voit la caméra, ou sur F6 pour vous faire lire son texte. Tapez une question ci-dessous et appuyez sur Entrée, ou maintenez F4 et parlez. F1 liste toutes les touches.</translation>
    </message>
    <message>
        <source>Timings: {timings}</source>
        <translation>Durées : {timings}</translation>
    </message>
    <message>
        <source>You said: {question}</source>
        <translation>Vous avez dit : {question}</translation>
    </message>
    <message>
        <source>You typed: {question}</source>
        <translation>Vous avez écrit : {question}</translation>
    </message>
    <message>
        <source>Assistant: {answer}</source>
        <translation>Assistant : {answer}</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Chat history</source>
        <translation>Historique de la conversation</translation>
    </message>
    <message>
        <source>Your questions and the assistant&apos;s answers, newest last. Use the arrow keys to read them.</source>
        <translation>Vos questions et les réponses de l&apos;assistant, les plus récentes en dernier. Utilisez les flèches pour les lire.</translation>
    </message>
    <message>
        <source>Your questions and the assistant&apos;s answers, newest last. Use the arrow keys to read them. Shortcut: {keys}.</source>
        <translation>Vos questions et les réponses de l&apos;assistant, les plus récentes en dernier. Utilisez les flèches pour les lire. Raccourci : {keys}.</translation>
    </message>
    <message>
        <source>Assistant: {answer}…</source>
        <translation>Assistant : {answer}…</translation>
    </message>
    <message>
        <source>Not answered.</source>
        <translation>Sans réponse.</translation>
    </message>
    <message>
        <source>Asked at {time}</source>
        <translation>Posée à {time}</translation>
    </message>
    <message>
        <source>Notice: {notice}</source>
        <translation>Avis : {notice}</translation>
    </message>
</context>
<context>
    <name>DeviceThreads</name>
    <message>
        <source>The device could not be used ({reason}).</source>
        <translation>Impossible d&apos;utiliser l&apos;appareil ({reason}).</translation>
    </message>
</context>
<context>
    <name>HistorySearch</name>
    <message>
        <source>Search the history</source>
        <translation>Rechercher dans l&apos;historique</translation>
    </message>
    <message>
        <source>Shows only the questions and answers holding these words. Escape shows them all again.</source>
        <translation>N&apos;affiche que les questions et réponses contenant ces mots. Échap les affiche toutes à nouveau.</translation>
    </message>
    <message>
        <source>Showing the whole history</source>
        <translation>Tout l&apos;historique est affiché</translation>
    </message>
    <message>
        <source>No match for {words}</source>
        <translation>Aucun résultat pour {words}</translation>
    </message>
    <message>
        <source>1 match for {words}</source>
        <translation>1 résultat pour {words}</translation>
    </message>
    <message>
        <source>{count} matches for {words}</source>
        <translation>{count} résultats pour {words}</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>Copier la réponse</translation>
    </message>
    <message>
        <source>high contrast</source>
        <translation>contraste élevé</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>sombre</translation>
    </message>
    <message>
        <source>light</source>
        <translation>clair</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>chargement…</translation>
    </message>
    <message>
        <source>Status: {state}</source>
        <translation>État : {state}</translation>
    </message>
    <message>
        <source>Models: {models}</source>
        <translation>Modèles : {models}</translation>
    </message>
    <message>
        <source>Processor: {processor}</source>
        <translation>Processeur : {processor}</translation>
    </message>
    <message>
        <source>Theme: {scheme} ({setting})</source>
        <translation>Thème : {scheme} ({setting})</translation>
    </message>
    <message>
        <source>Settings file: {file}</source>
        <translation>Fichier des paramètres : {file}</translation>
    </message>
</context>
<context>
    <name>PictureInput</name>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Only pictures stored on this computer can be used.</source>
        <translation>Seules les images enregistrées sur cet ordinateur peuvent être utilisées.</translation>
    </message>
    <message>
        <source>Save the picture to a folder first, then open or drop the file.</source>
        <translation>Enregistrez d&apos;abord l&apos;image dans un dossier, puis ouvrez ou déposez le fichier.</translation>
    </message>
    <message>
        <source>picture {file}</source>
        <translation>l&apos;image {file}</translation>
    </message>
    <message>
        <source>the pasted picture</source>
        <translation>l&apos;image collée</translation>
    </message>
    <message>
        <source>the dropped picture</source>
        <translation>l&apos;image déposée</translation>
    </message>
    <message>
        <source>The {picture} could not be read.</source>
        <translation>Impossible de lire {picture}.</translation>
    </message>
    <message>
        <source>Copy it again, or save it to a file and open that.</source>
        <translation>Copiez-la à nouveau, ou enregistrez-la dans un fichier et ouvrez celui-ci.</translation>
    </message>
    <message>
        <source>{count} megapixels</source>
        <translation>{count} mégapixels</translation>
    </message>
    <message>
        <source>The {picture} is too large to use safely ({size} megapixels; the limit is {limit}).</source>
        <translation>{picture} est trop grande pour être utilisée sans risque ({size} mégapixels ; la limite est de {limit}).</translation>
    </message>
    <message>
        <source>Shrink it below {limit}, or save it as a JPEG file and open that.</source>
        <translation>Réduisez-la sous {limit}, ou enregistrez-la en JPEG et ouvrez ce fichier.</translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <source>Camera view</source>
        <translation>Vue de la caméra</translation>
    </message>
    <message>
        <source>The live picture from the camera that questions are about.</source>
        <translation>L&apos;image en direct de la caméra, sur laquelle portent les questions.</translation>
    </message>
    <message>
        <source>The clipboard holds no picture. Copy a picture or a picture file, then press Ctrl+V.</source>
        <translation>Le presse-papiers ne contient aucune image. Copiez une image ou un fichier image, puis appuyez sur Ctrl+V.</translation>
    </message>
    <message>
        <source>Open picture</source>
        <translation>Ouvrir une image</translation>
    </message>
    <message>
        <source>The camera is already in use.</source>
        <translation>La caméra est déjà utilisée.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
    <message>
        <source>Using the camera.</source>
        <translation>Utilisation de la caméra.</translation>
    </message>
    <message>
        <source>Opening {picture}…</source>
        <translation>Ouverture de {picture}…</translation>
    </message>
    <message>
        <source>The {picture} could not be opened. Details are in the log.</source>
        <translation>Impossible d&apos;ouvrir {picture}. Les détails figurent dans le journal.</translation>
    </message>
    <message>
        <source>Using {picture}. F9 goes back to the camera.</source>
        <translation>Utilisation de {picture}. F9 revient à la caméra.</translation>
    </message>
    <message>
        <source>{picture}: questions are about it until you choose Use camera.</source>
        <translation>{picture} : les questions portent sur elle jusqu&apos;à ce que vous choisissiez Utiliser la caméra.</translation>
    </message>
</context>
<context>
    <name>StatusMachine</name>
    <message>
        <source>no camera</source>
        <translation>pas de caméra</translation>
    </message>
    <message>
        <source>no microphone</source>
        <translation>pas de micro</translation>
    </message>
    <message>
        <source>no sound</source>
        <translation>pas de son</translation>
    </message>
    <message>
        <source>hearing broken</source>
        <translation>ouïe en panne</translation>
    </message>
    <message>
        <source>voice broken</source>
        <translation>voix en panne</translation>
    </message>
    <message>
        <source>eyes broken</source>
        <translation>vue en panne</translation>
    </message>
    <message>
        <source>The camera is back.</source>
        <translation>La caméra est de retour.</translation>
    </message>
    <message>
        <source>The microphone is back.</source>
        <translation>Le micro est de retour.</translation>
    </message>
    <message>
        <source>Sound is back.</source>
        <translation>Le son est de retour.</translation>
    </message>
    <message>
        <source>Hearing works again.</source>
        <translation>L&apos;ouïe fonctionne à nouveau.</translation>
    </message>
    <message>
        <source>The voice works again.</source>
        <translation>La voix fonctionne à nouveau.</translation>
    </message>
    <message>
        <source>The eyes work again.</source>
        <translation>La vue fonctionne à nouveau.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Listening (hands-free)</source>
        <translation>À l&apos;écoute (mains libres)</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Réflexion…</translation>
    </message>
    <message>
        <source>Speaking</source>
        <translation>Parle</translation>
    </message>
    <message>
        <source>Hands-free is on; it starts listening when a microphone is connected.</source>
        <translation>Mains libres activé ; l&apos;écoute commencera dès qu&apos;un micro sera branché.</translation>
    </message>
    <message>
        <source>Hands-free off</source>
        <translation>Mains libres désactivé</translation>
    </message>
    <message>
        <source>Hearing you…</source>
        <translation>Je vous écoute…</translation>
    </message>
</context>
</TS>
