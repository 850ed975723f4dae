"""Which decodes go first when several wait for the recognizer (a phone line's calls speaking at once).

Three classes, in order: ``FINAL`` (a caller stopped talking and waits for this transcript), ``SPECULATIVE`` (a
guess at a pause: ``VoicePipeline.speculate``'s pool, whose threads are named ``asr-spec…``; when calls speak at
once these are the turns of callers who have already stopped) and ``RETRY`` (a second decode of a turn the first
did not make sense of: ``voice.second_pass``). A retry goes last, shortest work first: it is one caller's second
decode, and before it every other caller's first; that way one hard turn does not hold up all the others
(BENCHMARKS.md, Phone). Within a class, first come first served (``voice.sip.fair``).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

FINAL, SPECULATIVE, RETRY = 0, 1, 2

_local = threading.local()


def current() -> int:
    """The class of a decode asked for on this thread now."""
    level = getattr(_local, "level", None)
    if level is not None:
        return int(level)
    return SPECULATIVE if threading.current_thread().name.startswith("asr-spec") else FINAL


@contextlib.contextmanager
def retry() -> Iterator[None]:
    """Decodes asked for inside this block (on this thread) are retries."""
    before = getattr(_local, "level", None)
    _local.level = RETRY
    try:
        yield
    finally:
        _local.level = before
