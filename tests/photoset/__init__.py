"""A yardstick for the vision engines: realistic handheld photos blind users take, with
human descriptions and the facts a good answer must contain.

Import from ``photoset.build`` (``photo``, ``build_all``, ``check_facts``) and
``photoset.cases`` (``PhotoCase``, ``all_cases``). Nothing is built on import.
"""
