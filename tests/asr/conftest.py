"""Fixtures for tests/asr; the helpers live in asr_support.py so test modules can import them
(a bare `from conftest import` picks whichever conftest was imported first)."""
from asr_support import *  # noqa: F401,F403
