"""Private by default: what a call event may say about the caller, in the events file and in the log.

- Phone numbers (caller IDs, transfer targets) are cut to their last four digits: ``+15551234567`` ->
  ``…4567``; a SIP URI keeps its host but not its user part's digits (``sip:+1555…@pbx`` -> ``sip:…4567@pbx``).
- The log (stderr, INFO) never carries caller IDs, transcripts or replies: only the event name, call id and
  technical fields. ``--log-personal`` lifts both rules (full numbers in events, personal fields in the log).
- ``open_private`` (in ``voice.trace``) creates files 0600 in 0700 directories; ``prune_jsonl`` keeps only
  the records of the last N days (``--retention-days``).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any

PERSONAL_FIELDS = ("caller", "transcript", "reply", "target", "remote_uri", "from")
NUMBER_FIELDS = ("caller", "target", "remote_uri", "from")
_DIGITS = re.compile(r"\d")
_URI = re.compile(r"(sips?:|tel:)([^@;>?]*)", re.IGNORECASE)


def redact_number(value: str) -> str:
    """Keep the last four digits of a number; a URI keeps its scheme and host, loses its display name."""
    text = str(value)
    m = _URI.search(text)
    if m is None:
        return _last_four(text)
    user = m.group(2)
    red = _last_four(user) if _DIGITS.search(user) else user
    return ("<" if "<" in text[: m.start()] else "") + m.group(1) + red + text[m.end() :]


def _last_four(text: str) -> str:
    digits = _DIGITS.findall(text)
    if not digits:
        return text
    return "…" + "".join(digits[-4:])


def for_events(record: dict[str, Any], personal: bool) -> dict[str, Any]:
    """The record as written to ``--events``: numbers redacted unless ``personal``."""
    if personal:
        return record
    out = dict(record)
    for key in NUMBER_FIELDS:
        if isinstance(out.get(key), str):
            out[key] = redact_number(out[key])
    return out


def for_log(record: dict[str, Any], personal: bool) -> dict[str, Any]:
    """The record as logged at INFO: no personal fields unless ``personal``."""
    if personal:
        return record
    return {k: v for k, v in record.items() if k not in PERSONAL_FIELDS}


def prune_jsonl(path: str | Path, older_than_days: float, now: float | None = None) -> int:
    """Erase the JSON-lines records (with a ``t`` timestamp) older than N days; returns how many went.

    Lines without a readable ``t`` are kept. The file is rewritten atomically, 0600.
    """
    p = Path(path)
    if not p.exists():
        return 0
    cutoff = (time.time() if now is None else now) - older_than_days * 86400.0
    kept: list[str] = []
    removed = 0
    with p.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                t = float(json.loads(line).get("t"))
            except (ValueError, TypeError, AttributeError):
                kept.append(line)
                continue
            if t < cutoff:
                removed += 1
            else:
                kept.append(line)
    if removed:
        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.writelines(kept)
            os.chmod(tmp, 0o600)
            os.replace(tmp, p)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return removed
