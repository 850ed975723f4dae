"""Subcommands of this layer for the ``voicecart`` CLI (registered by ``voice.cli``)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Add this layer's subcommands to ``sub`` (an argparse subparsers action).

    Each subcommand sets ``handler=fn`` where ``fn(args, ctx) -> int``; ``ctx`` is ``voice.cli.Context``
    (``ctx.config``, ``ctx.open_store()``, ``ctx.tax_rate_bp``).
    """
    _ = argparse  # subcommands land with this layer's issue
