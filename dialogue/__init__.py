"""Text in, speakable reply out: understanding, per-session state, policy and replies over the catalog.

Knows nothing of audio. The voice layer calls ``Session.handle(text, meta)``.
"""
