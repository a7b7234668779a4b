"""Building engines from settings (``factory``) and a conversation from engines (``conversation``).

This is the layer above finding models (``assistant/models``: where the files are, which one
"auto" picks) and below the front ends (``assistant/cli``, ``assistant/serve``, ``ui``).
"""
