"""Conversation: chat turns, prompts with earlier turns as context, sessions on disk."""
