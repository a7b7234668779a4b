"""Model catalogue (where files are looked for) and the lazy factory of engines."""
