"""Audio in and out and the live loop: capture, endpointing, ASR, TTS, barge-in, the SIP bridge, the CLI."""
