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


def price_heard(text: str) -> bool:
    return bool(re.search(r"4[.:,]\s?\d\d|\$\s?4|four dollars|four (fifty|seventy|twenty|sixty|eighty|ninety|forty)", text))


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
    assert price_heard(heard), heard
    turns = events(result, "turn")
    placed = [t for t in turns if t.get("order")]
    assert len(placed) == 1, turns
    orders = orders_for(tmp_path / "shop.sqlite3", "alice")
    assert [o.number for o in orders] == [placed[0]["order"]]
    assert any("LATTE" in line.sku for line in orders[0].lines)
    assert all(t["latency_ms"] is not None and t["latency_ms"] > 0 for t in turns if t["transcript"])
