"""Fixtures for tests/ui; the helpers live in ui_support.py so test modules can import them
(a bare `from conftest import` picks whichever conftest was imported first)."""
from ui_support import *  # noqa: F401,F403
