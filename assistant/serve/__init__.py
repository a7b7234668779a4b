"""``assistant serve``: the OpenAI-compatible local API (chat with images, Whisper, speech).

``app.create_app`` builds the FastAPI app around one ``runtime.Runtime`` (the shared
engines, the worker pool and the admission limits); ``assistant/cli/serve.py`` runs it
under uvicorn. FastAPI and uvicorn are imported only here, never by the rest of the core.
"""
