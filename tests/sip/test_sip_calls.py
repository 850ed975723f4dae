"""Real calls from baresip to the bridge on 127.0.0.1, inside a private network namespace.

The caller's microphone is an espeak-ng tape; what the caller heard is transcribed with the shared Whisper
model, and orders are read back from the bridge's SQLite database.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.sip.harness import events, make_tape, orders_for, run_scenario, transcribe
from voice.sip.baresip import available as baresip_missing
from voice.sip.netns import netns_usable

pjsua2 = pytest.importorskip("pjsua2", reason="the phone extra (pjsua2-python) is not installed")
pytest.importorskip("dialogue.session", reason="the dialogue engine (dialogue.session) is not there yet")

_why = baresip_missing() or netns_usable()
pytestmark = [pytest.mark.slow, pytest.mark.skipif(_why is not None, reason=_why or "")]

ORDER_WORDS = ["I would like a large latte please.", 9.0, "Yes, please.", 8.0]


NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def _words(n: int) -> str:
    if n < 20:
        return NUMBER_WORDS[n]
    return TENS[n // 10] + ("" if n % 10 == 0 else f"[- ]{NUMBER_WORDS[n % 10]}")


def amount_heard(text: str, cents: int) -> bool:
    """The amount read back, as Whisper writes it: "5.25", "$5.25", "525" or "five twenty-five"."""
    d, c = divmod(cents, 100)
    forms = [rf"\b{d}[.:,]?\s?{c:02d}\b", rf"\b{_words(d)}( dollars?( and)?)? {_words(c)}\b"]
    return any(re.search(f, text) for f in forms)


def test_spoken_order_over_g722_reaches_the_database_with_the_caller_id(
    tmp_path: Path, espeak: Any, whisper: Any
) -> None:
    tape = make_tape(espeak, tmp_path / "tape.wav", [10.0, *ORDER_WORDS], rate=16000)
    spec = {
        "callers": [
            {"name": "alice", "user": "alice", "sip_port": 5081, "ctrl_port": 4441, "tape": str(tape),
             "codecs": ["g722", "g711"], "max_seconds": 60}
        ],
    }
    result = run_scenario(tmp_path, spec)
    assert result["bridge_rc"] == 0
    media = events(result, "media")
    assert media and media[0]["codec"] == "G722"  # wideband preferred when the peer offers it
    assert events(result, "incoming", caller="alice")
    heard_files = result["callers"]["alice"]["heard"]
    assert heard_files, result["callers"]["alice"]
    heard = transcribe(whisper, heard_files[0])
    assert "automated assistant" in heard
    assert "latte" in heard
    turns = events(result, "turn")
    placed = [t for t in turns if t.get("order")]
    assert len(placed) == 1, turns
    orders = orders_for(tmp_path / "shop.sqlite3", "alice")
    assert [o.number for o in orders] == [placed[0]["order"]]
    assert any("LATTE" in line.sku for line in orders[0].lines)
    assert amount_heard(heard, orders[0].total_cents), heard  # the price read back is the order's total
    assert all(t["latency_ms"] is not None and t["latency_ms"] > 0 for t in turns if t["transcript"])
