"""Qt desktop window (imports assistant/, never the reverse)."""
