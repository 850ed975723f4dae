"""The phone line: a SIP/RTP bridge on PJSIP (``pjsua2``) that runs the voice pipeline per call.

Optional extra: ``pip install 'voicecart[phone]'`` (PJSIP is GPL-2.0; see ``voice/sip/README.md``).
Nothing here imports ``pjsua2`` at package import time, so the rest of voicecart works without it.
"""
