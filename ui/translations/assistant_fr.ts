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
    <name>Keys</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Ass&amp;istant</source>
        <translation>Ass&amp;istant</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Afficha&amp;ge</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>Paramè&amp;tres</translation>
    </message>
    <message>
        <source>He&amp;lp</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Export history…</source>
        <translation>Exporter l&apos;historique…</translation>
    </message>
    <message>
        <source>&amp;Menu</source>
        <translation>&amp;Menu</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>&amp;Automatic (as the system)</source>
        <translation>&amp;Automatique (comme le système)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <source>Theme automatic</source>
        <translation>Thème automatique</translation>
    </message>
    <message>
        <source>Theme light</source>
        <translation>Thème clair</translation>
    </message>
    <message>
        <source>Theme dark</source>
        <translation>Thème sombre</translation>
    </message>
    <message>
        <source>Text size {percent} percent</source>
        <translation>Taille du texte {percent} pour cent</translation>
    </message>
    <message>
        <source>High contrast on</source>
        <translation>Contraste élevé activé</translation>
    </message>
    <message>
        <source>High contrast off</source>
        <translation>Contraste élevé désactivé</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Exporter l&apos;historique</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <source>Getting ready…</source>
        <translation>Préparation…</translation>
    </message>
    <message>
        <source>Ready. Press a button.</source>
        <translation>Prêt. Appuyez sur un bouton.</translation>
    </message>
    <message>
        <source>Listening. Ask your question.</source>
        <translation>À l&apos;écoute. Posez votre question.</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Réflexion…</translation>
    </message>
    <message>
        <source>Speaking…</source>
        <translation>Parole en cours…</translation>
    </message>
    <message>
        <source>Press Describe (or F5) to hear what the camera sees.
Press Read (or F6) to hear the text the camera sees: signs, labels, letters.
Press Ask by voice (or F8) and ask your question aloud; press it again to stop listening.
Or type a question in the box and press Enter.
Escape stops the voice. F7 says the last answer again.
Ctrl and plus makes the text larger, Ctrl and minus smaller.</source>
        <translation>Appuyez sur Décrire (ou F5) pour entendre ce que voit la caméra.
Appuyez sur Lire (ou F6) pour entendre le texte que voit la caméra : panneaux, étiquettes, lettres.
Appuyez sur Demander à voix haute (ou F8) et posez votre question à voix haute ; appuyez de nouveau pour arrêter l&apos;écoute.
Ou tapez une question dans la zone de saisie et appuyez sur Entrée.
Échap arrête la voix. F7 répète la dernière réponse.
Ctrl et plus agrandit le texte, Ctrl et moins le réduit.</translation>
    </message>
    <message>
        <source>Settings and quitting are switched off on this kiosk. Staff: set a kiosk PIN (4 to 12 digits) in the settings file, under [ui] kiosk_pin, and restart.</source>
        <translation>Les paramètres et la fermeture sont désactivés sur cette borne. Personnel : définissez un code PIN de borne (4 à 12 chiffres) dans le fichier de paramètres, sous [ui] kiosk_pin, puis redémarrez.</translation>
    </message>
    <message>
        <source>Enter the staff PIN to open the settings.</source>
        <translation>Saisissez le code PIN du personnel pour ouvrir les paramètres.</translation>
    </message>
    <message>
        <source>Enter the staff PIN to quit the kiosk.</source>
        <translation>Saisissez le code PIN du personnel pour quitter la borne.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Code PIN du personnel</translation>
    </message>
    <message>
        <source>Enter the staff PIN to {purpose}.</source>
        <translation>Saisissez le code PIN du personnel pour {purpose}.</translation>
    </message>
    <message>
        <source>The digits of the staff PIN.</source>
        <translation>Les chiffres du code PIN du personnel.</translation>
    </message>
    <message>
        <source>PIN message</source>
        <translation>Message du code PIN</translation>
    </message>
    <message>
        <source>Whether the PIN was accepted.</source>
        <translation>Indique si le code PIN a été accepté.</translation>
    </message>
    <message>
        <source>Check the PIN.</source>
        <translation>Vérifier le code PIN.</translation>
    </message>
    <message>
        <source>Go back.</source>
        <translation>Revenir en arrière.</translation>
    </message>
    <message>
        <source>Please wait {seconds} seconds, then try again.</source>
        <translation>Veuillez patienter {seconds} s, puis réessayez.</translation>
    </message>
    <message>
        <source>That PIN is not right. Try again.</source>
        <translation>Ce code PIN n&apos;est pas correct. Réessayez.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>What the assistant is doing now.</source>
        <translation>Ce que fait l&apos;assistant en ce moment.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>A device that is missing, in words.</source>
        <translation>Un appareil manquant, en toutes lettres.</translation>
    </message>
    <message>
        <source>&amp;Describe</source>
        <translation>&amp;Décrire</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>&amp;Lire</translation>
    </message>
    <message>
        <source>Ask by &amp;voice</source>
        <translation>Demander à &amp;voix haute</translation>
    </message>
    <message>
        <source>Ask by voice</source>
        <translation>Demander à voix haute</translation>
    </message>
    <message>
        <source>Press, then ask your question aloud. Press again to stop listening. Shortcut: F8.</source>
        <translation>Appuyez, puis posez votre question à voix haute. Appuyez de nouveau pour arrêter l&apos;écoute. Raccourci : F8.</translation>
    </message>
    <message>
        <source>Press Describe to hear what the camera sees, or Read to hear its text. Press Ask by voice to ask a question aloud.</source>
        <translation>Appuyez sur Décrire pour entendre ce que voit la caméra, ou sur Lire pour entendre son texte. Appuyez sur Demander à voix haute pour poser une question à voix haute.</translation>
    </message>
    <message>
        <source>Waiting for the camera.</source>
        <translation>En attente de la caméra.</translation>
    </message>
    <message>
        <source>Stop &amp;listening</source>
        <translation>Arrêter l&apos;é&amp;coute</translation>
    </message>
    <message>
        <source>Hello! I can tell you what this camera sees, and read signs, labels and letters aloud.</source>
        <translation>Bonjour ! Je peux vous dire ce que voit cette caméra et lire à voix haute panneaux, étiquettes et lettres.</translation>
    </message>
    <message>
        <source>Touch the screen or press any key to start.</source>
        <translation>Touchez l&apos;écran ou appuyez sur une touche pour commencer.</translation>
    </message>
    <message>
        <source>Welcome screen.</source>
        <translation>Écran d&apos;accueil.</translation>
    </message>
    <message>
        <source>Welcome. Touch the screen or press any key to start.</source>
        <translation>Bienvenue. Touchez l&apos;écran ou appuyez sur une touche pour commencer.</translation>
    </message>
    <message>
        <source>How to use this assistant</source>
        <translation>Comment utiliser cet assistant</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>&amp;Describe</source>
        <translation>&amp;Décrire</translation>
    </message>
    <message>
        <source>Describe what the camera sees now.</source>
        <translation>Décrire ce que voit la caméra maintenant.</translation>
    </message>
    <message>
        <source>&amp;Read text</source>
        <translation>&amp;Lire le texte</translation>
    </message>
    <message>
        <source>Read aloud the text the camera sees.</source>
        <translation>Lire à voix haute le texte que voit la caméra.</translation>
    </message>
    <message>
        <source>Use &amp;camera</source>
        <translation>Utiliser la &amp;caméra</translation>
    </message>
    <message>
        <source>Ask about the live camera again instead of the picture.</source>
        <translation>Interroger de nouveau la caméra en direct plutôt que l&apos;image.</translation>
    </message>
    <message>
        <source>Push to &amp;talk</source>
        <translation>Maintenir pour &amp;parler</translation>
    </message>
    <message>
        <source>Hold this button, or hold F4, while you speak a question.</source>
        <translation>Maintenez ce bouton, ou la touche F4, pendant que vous posez une question.</translation>
    </message>
    <message>
        <source>Hands-free: off</source>
        <translation>Mains libres : désactivé</translation>
    </message>
    <message>
        <source>Listen all the time and answer each spoken question.</source>
        <translation>Écouter en permanence et répondre à chaque question posée à voix haute.</translation>
    </message>
    <message>
        <source>Microphone %p%</source>
        <translation>Micro %p%</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Niveau du micro</translation>
    </message>
    <message>
        <source>How loud the microphone hears you.</source>
        <translation>Le volume auquel le micro vous entend.</translation>
    </message>
    <message>
        <source>Type a question, then press Enter</source>
        <translation>Tapez une question, puis appuyez sur Entrée</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Type a question about what the camera sees and press Enter to ask it.</source>
        <translation>Tapez une question sur ce que voit la caméra et appuyez sur Entrée pour la poser.</translation>
    </message>
    <message>
        <source>&amp;Ask</source>
        <translation>Dema&amp;nder</translation>
    </message>
    <message>
        <source>Ask the typed question.</source>
        <translation>Poser la question saisie.</translation>
    </message>
    <message>
        <source>Re&amp;peat</source>
        <translation>&amp;Répéter</translation>
    </message>
    <message>
        <source>Say the last answer again.</source>
        <translation>Répéter la dernière réponse.</translation>
    </message>
    <message>
        <source>&amp;Stop speaking</source>
        <translation>&amp;Arrêter de parler</translation>
    </message>
    <message>
        <source>Stop the spoken answer.</source>
        <translation>Arrêter la réponse parlée.</translation>
    </message>
    <message>
        <source>Latest notice</source>
        <translation>Dernier avis</translation>
    </message>
    <message>
        <source>The latest problem or notice, in words.</source>
        <translation>Le dernier problème ou avis, en toutes lettres.</translation>
    </message>
    <message>
        <source>Models: loading…</source>
        <translation>Modèles : chargement…</translation>
    </message>
    <message>
        <source>Assistant state</source>
        <translation>État de l&apos;assistant</translation>
    </message>
    <message>
        <source>What the assistant is doing now.</source>
        <translation>Ce que fait l&apos;assistant en ce moment.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Which models are loaded.</source>
        <translation>Les modèles chargés.</translation>
    </message>
    <message>
        <source>Processor</source>
        <translation>Processeur</translation>
    </message>
    <message>
        <source>Whether models run on the CPU or a GPU.</source>
        <translation>Si les modèles tournent sur le processeur (CPU) ou un GPU.</translation>
    </message>
    <message>
        <source>Clear the chat history</source>
        <translation>Effacer l&apos;historique de la conversation</translation>
    </message>
    <message>
        <source>Delete every question and answer in the history? This cannot be undone.</source>
        <translation>Supprimer toutes les questions et réponses de l&apos;historique ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Clear the chat history?</source>
        <translation>Effacer l&apos;historique de la conversation ?</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>&amp;Lire</translation>
    </message>
    <message>
        <source>&amp;Talk</source>
        <translation>&amp;Parler</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Local assistant</source>
        <translation>Assistant local</translation>
    </message>
    <message>
        <source>Ask questions about what the camera sees.</source>
        <translation>Posez des questions sur ce que voit la caméra.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>{notice} Saving the settings here keeps a copy of the damaged file.</source>
        <translation>{notice} Si vous enregistrez les paramètres ici, une copie du fichier endommagé est conservée.</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>État : {status}</translation>
    </message>
    <message>
        <source>Type a question first.</source>
        <translation>Tapez d&apos;abord une question.</translation>
    </message>
    <message>
        <source>You typed: {question}</source>
        <translation>Vous avez tapé : {question}</translation>
    </message>
    <message>
        <source>Describing the picture…</source>
        <translation>Description de l&apos;image…</translation>
    </message>
    <message>
        <source>Reading the text in the picture…</source>
        <translation>Lecture du texte de l&apos;image…</translation>
    </message>
    <message>
        <source>Not answered: the assistant was closing.</source>
        <translation>Sans réponse : l&apos;assistant se fermait.</translation>
    </message>
    <message>
        <source>Assistant: {answer}</source>
        <translation>Assistant : {answer}</translation>
    </message>
    <message>
        <source>There is no answer to copy yet.</source>
        <translation>Il n&apos;y a pas encore de réponse à copier.</translation>
    </message>
    <message>
        <source>Answer copied</source>
        <translation>Réponse copiée</translation>
    </message>
    <message>
        <source>New conversation: the next question starts afresh.</source>
        <translation>Nouvelle conversation : la prochaine question repart de zéro.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>There is no microphone, so I cannot listen. Type the question instead.</source>
        <translation>Il n&apos;y a pas de micro, je ne peux donc pas écouter. Tapez plutôt la question.</translation>
    </message>
    <message>
        <source>Hands-free: on</source>
        <translation>Mains libres : activé</translation>
    </message>
    <message>
        <source>Hands-free: off</source>
        <translation>Mains libres : désactivé</translation>
    </message>
    <message>
        <source>Switching camera…</source>
        <translation>Changement de caméra…</translation>
    </message>
    <message>
        <source>Closing…</source>
        <translation>Fermeture…</translation>
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
        <source>Automatic: the language you speak, else the system&apos;s</source>
        <translation>Automatique : la langue que vous parlez, sinon celle du système</translation>
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
        <source>Language of answers and window</source>
        <translation>Langue des réponses et de la fenêtre</translation>
    </message>
    <message>
        <source>Answers change at once, the window at the next start.</source>
        <translation>Les réponses changent tout de suite, la fenêtre au prochain démarrage.</translation>
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
        <source>The settings of the {page} page.</source>
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
        <source>Settings saved and applied. Answers are in the new language from now on; the window changes at the next start.</source>
        <translation>Paramètres enregistrés et appliqués. Les réponses sont dans la nouvelle langue dès maintenant ; la fenêtre change au prochain démarrage.</translation>
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
<context>
    <name>WindowEvents</name>
    <message>
        <source>Transcribing your question…</source>
        <translation>Transcription de votre question…</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Réflexion…</translation>
    </message>
    <message>
        <source>Preparing the spoken answer…</source>
        <translation>Préparation de la réponse parlée…</translation>
    </message>
    <message>
        <source>Vision</source>
        <translation>Vision</translation>
    </message>
    <message>
        <source>Speech recognition</source>
        <translation>Reconnaissance vocale</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Voix</translation>
    </message>
    <message>
        <source>Describing the picture…</source>
        <translation>Description de l&apos;image…</translation>
    </message>
    <message>
        <source>Reading the text in the picture…</source>
        <translation>Lecture du texte de l&apos;image…</translation>
    </message>
    <message>
        <source>Not answered: a newer question came first.</source>
        <translation>Sans réponse : une question plus récente est passée avant.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>Not answered: the assistant was closing.</source>
        <translation>Sans réponse : l&apos;assistant se fermait.</translation>
    </message>
    <message>
        <source>Joined to what you said next.</source>
        <translation>Joint à ce que vous avez dit ensuite.</translation>
    </message>
    <message>
        <source>Not answered: the assistant was still loading.</source>
        <translation>Sans réponse : l&apos;assistant était encore en cours de chargement.</translation>
    </message>
    <message>
        <source>Not answered: the settings changed; ask again.</source>
        <translation>Sans réponse : les paramètres ont changé ; posez de nouveau la question.</translation>
    </message>
    <message>
        <source>The camera is not working; please tell a member of staff.</source>
        <translation>La caméra ne fonctionne pas ; veuillez prévenir un membre du personnel.</translation>
    </message>
    <message>
        <source>Voice questions are not working; please tell a member of staff. You can type your question.</source>
        <translation>Les questions à voix haute ne fonctionnent pas ; veuillez prévenir un membre du personnel. Vous pouvez taper votre question.</translation>
    </message>
    <message>
        <source>There is no sound; answers are shown on the screen. Please tell a member of staff.</source>
        <translation>Il n&apos;y a pas de son ; les réponses s&apos;affichent à l&apos;écran. Veuillez prévenir un membre du personnel.</translation>
    </message>
    <message>
        <source>Voice questions are not working today; please tell a member of staff. You can type your question.</source>
        <translation>Les questions à voix haute ne fonctionnent pas aujourd&apos;hui ; veuillez prévenir un membre du personnel. Vous pouvez taper votre question.</translation>
    </message>
    <message>
        <source>I cannot speak today; answers are shown on the screen. Please tell a member of staff.</source>
        <translation>Je ne peux pas parler aujourd&apos;hui ; les réponses s&apos;affichent à l&apos;écran. Veuillez prévenir un membre du personnel.</translation>
    </message>
    <message>
        <source>I cannot see today; please tell a member of staff.</source>
        <translation>Je ne peux pas voir aujourd&apos;hui ; veuillez prévenir un membre du personnel.</translation>
    </message>
    <message>
        <source>Everything works.</source>
        <translation>Tout fonctionne.</translation>
    </message>
    <message>
        <source>There is no microphone, so I cannot listen. Type the question instead.</source>
        <translation>Il n&apos;y a pas de micro, je ne peux donc pas écouter. Tapez plutôt la question.</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>État : {status}</translation>
    </message>
    <message>
        <source>Notice: {notice}</source>
        <translation>Avis : {notice}</translation>
    </message>
    <message>
        <source>No notice</source>
        <translation>Aucun avis</translation>
    </message>
    <message>
        <source>Microphone %p%</source>
        <translation>Micro %p%</translation>
    </message>
    <message>
        <source>No microphone</source>
        <translation>Pas de micro</translation>
    </message>
    <message>
        <source>Recording: release to ask</source>
        <translation>Enregistrement : relâchez pour demander</translation>
    </message>
    <message>
        <source>Assistant: {answer}</source>
        <translation>Assistant : {answer}</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation>Chargement de {model}…</translation>
    </message>
    <message>
        <source>You said: {question}</source>
        <translation>Vous avez dit : {question}</translation>
    </message>
    <message>
        <source>You asked: {question}</source>
        <translation>Vous avez demandé : {question}</translation>
    </message>
    <message>
        <source>Not answered.</source>
        <translation>Sans réponse.</translation>
    </message>
    <message>
        <source>Voice command: {command}.</source>
        <translation>Commande vocale : {command}.</translation>
    </message>
    <message>
        <source>The chat history was cleared.</source>
        <translation>L&apos;historique de la conversation a été effacé.</translation>
    </message>
    <message>
        <source>{stage}: {model}</source>
        <translation>{stage} : {model}</translation>
    </message>
    <message>
        <source>Not answered: {reason}</source>
        <translation>Sans réponse : {reason}</translation>
    </message>
</context>
</TS>
