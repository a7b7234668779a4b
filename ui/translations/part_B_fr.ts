<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
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
        <translation>Exporter l'historique…</translation>
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
        <translation>Exporter l'historique</translation>
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
        <translation>À l'écoute. Posez votre question.</translation>
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
Appuyez sur Demander à voix haute (ou F8) et posez votre question à voix haute ; appuyez de nouveau pour arrêter l'écoute.
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
        <translation>Ce code PIN n'est pas correct. Réessayez.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>What the assistant is doing now.</source>
        <translation>Ce que fait l'assistant en ce moment.</translation>
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
        <translation>Appuyez, puis posez votre question à voix haute. Appuyez de nouveau pour arrêter l'écoute. Raccourci : F8.</translation>
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
        <translation>Arrêter l'é&amp;coute</translation>
    </message>
    <message>
        <source>Hello! I can tell you what this camera sees, and read signs, labels and letters aloud.</source>
        <translation>Bonjour ! Je peux vous dire ce que voit cette caméra et lire à voix haute panneaux, étiquettes et lettres.</translation>
    </message>
    <message>
        <source>Touch the screen or press any key to start.</source>
        <translation>Touchez l'écran ou appuyez sur une touche pour commencer.</translation>
    </message>
    <message>
        <source>Welcome screen.</source>
        <translation>Écran d'accueil.</translation>
    </message>
    <message>
        <source>Welcome. Touch the screen or press any key to start.</source>
        <translation>Bienvenue. Touchez l'écran ou appuyez sur une touche pour commencer.</translation>
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
        <translation>Interroger de nouveau la caméra en direct plutôt que l'image.</translation>
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
        <translation>État de l'assistant</translation>
    </message>
    <message>
        <source>What the assistant is doing now.</source>
        <translation>Ce que fait l'assistant en ce moment.</translation>
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
        <translation>Effacer l'historique de la conversation</translation>
    </message>
    <message>
        <source>Delete every question and answer in the history? This cannot be undone.</source>
        <translation>Supprimer toutes les questions et réponses de l'historique ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Clear the chat history?</source>
        <translation>Effacer l'historique de la conversation ?</translation>
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
        <translation>Tapez d'abord une question.</translation>
    </message>
    <message>
        <source>You typed: {question}</source>
        <translation>Vous avez tapé : {question}</translation>
    </message>
    <message>
        <source>Describing the picture…</source>
        <translation>Description de l'image…</translation>
    </message>
    <message>
        <source>Reading the text in the picture…</source>
        <translation>Lecture du texte de l'image…</translation>
    </message>
    <message>
        <source>Not answered: the assistant was closing.</source>
        <translation>Sans réponse : l'assistant se fermait.</translation>
    </message>
    <message>
        <source>Assistant: {answer}</source>
        <translation>Assistant : {answer}</translation>
    </message>
    <message>
        <source>There is no answer to copy yet.</source>
        <translation>Il n'y a pas encore de réponse à copier.</translation>
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
        <translation>Il n'y a pas de micro, je ne peux donc pas écouter. Tapez plutôt la question.</translation>
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
        <translation>Description de l'image…</translation>
    </message>
    <message>
        <source>Reading the text in the picture…</source>
        <translation>Lecture du texte de l'image…</translation>
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
        <translation>Sans réponse : l'assistant se fermait.</translation>
    </message>
    <message>
        <source>Joined to what you said next.</source>
        <translation>Joint à ce que vous avez dit ensuite.</translation>
    </message>
    <message>
        <source>Not answered: the assistant was still loading.</source>
        <translation>Sans réponse : l'assistant était encore en cours de chargement.</translation>
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
        <translation>Il n'y a pas de son ; les réponses s'affichent à l'écran. Veuillez prévenir un membre du personnel.</translation>
    </message>
    <message>
        <source>Voice questions are not working today; please tell a member of staff. You can type your question.</source>
        <translation>Les questions à voix haute ne fonctionnent pas aujourd'hui ; veuillez prévenir un membre du personnel. Vous pouvez taper votre question.</translation>
    </message>
    <message>
        <source>I cannot speak today; answers are shown on the screen. Please tell a member of staff.</source>
        <translation>Je ne peux pas parler aujourd'hui ; les réponses s'affichent à l'écran. Veuillez prévenir un membre du personnel.</translation>
    </message>
    <message>
        <source>I cannot see today; please tell a member of staff.</source>
        <translation>Je ne peux pas voir aujourd'hui ; veuillez prévenir un membre du personnel.</translation>
    </message>
    <message>
        <source>Everything works.</source>
        <translation>Tout fonctionne.</translation>
    </message>
    <message>
        <source>There is no microphone, so I cannot listen. Type the question instead.</source>
        <translation>Il n'y a pas de micro, je ne peux donc pas écouter. Tapez plutôt la question.</translation>
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
        <translation>L'historique de la conversation a été effacé.</translation>
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
