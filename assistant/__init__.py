"""Local voice-and-vision assistant (core; never imports Qt)."""
__version__ = "0.1.0"
