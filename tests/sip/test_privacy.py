"""Private by default, admission decisions and request parsing: pure functions and files, no network."""

from __future__ import annotations

import json
import logging
import stat
import time
from pathlib import Path

from voice.sip.admission import parse_request, sdp_hazard
from voice.sip.policy import admit
from voice.sip.privacy import for_events, for_log, prune_jsonl, redact_number
from voice.sip.service import EventLog
from voice.trace import TraceWriter, TurnTrace, open_private


def test_numbers_keep_their_last_four_digits_names_and_hosts_stay() -> None:
    assert redact_number("+15551234567") == "…4567"
    assert redact_number('"Bob" <sip:+15551234567@pbx.example;tag=1>') == "<sip:…4567@pbx.example;tag=1>"
    assert redact_number("tel:+441234567890") == "tel:…7890"
    assert redact_number("alice") == "alice"


def test_events_redact_numbers_and_the_log_carries_no_personal_field_unless_asked() -> None:
    rec = {"event": "turn", "call": "abc", "caller": "+15551234567", "transcript": "a large latte", "reply": "ok",
           "latency_ms": 812.0}
    assert for_events(rec, False)["caller"] == "…4567" and for_events(rec, False)["transcript"] == "a large latte"
    assert for_events(rec, True)["caller"] == "+15551234567"
    assert for_log(rec, False) == {"event": "turn", "call": "abc", "latency_ms": 812.0}
    assert for_log(rec, True) == rec


def test_the_engine_logs_no_caller_number_or_transcript_at_info(caplog) -> None:  # type: ignore[no-untyped-def]
    from voice.sip.engine import SipEngine, SipSettings
    from voice.sip.handler import NullHandler

    seen: list[dict] = []
    eng = SipEngine(SipSettings(), lambda info: NullHandler(), on_event=seen.append)
    with caplog.at_level(logging.INFO, logger="voice.sip.engine"):
        eng.emit("turn", call="c1", caller="+15551234567", transcript="my card is 4111", reply="ok")
    assert "5551234567" not in caplog.text and "4111" not in caplog.text and "c1" in caplog.text
    assert seen[0]["caller"] == "…4567"


def test_event_and_trace_files_are_private_and_retention_erases_old_records(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "events.jsonl"
    old, recent = time.time() - 10 * 86400, time.time() - 3600
    log = EventLog(path)
    log({"t": old, "event": "ended"})
    log({"t": recent, "event": "ended"})
    log.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700 and stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700
    log = EventLog(path, retention_days=7)  # opening applies the retention period
    log.close()
    assert [json.loads(x)["t"] for x in path.read_text().splitlines()] == [recent]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert prune_jsonl(path, 7) == 0
    loose = tmp_path / "loose.jsonl"
    loose.write_text("")
    loose.chmod(0o644)
    open_private(loose).close()
    assert stat.S_IMODE(loose.stat().st_mode) == 0o600  # an existing file is tightened
    trace = tmp_path / "t" / "turns.jsonl"
    w = TraceWriter(trace)
    w.write(TurnTrace(transcript="hello"))
    w.close()
    assert stat.S_IMODE(trace.stat().st_mode) == 0o600 and stat.S_IMODE(trace.parent.stat().st_mode) == 0o700


def test_admission_for_every_method() -> None:
    assert admit("OPTIONS", False, False, False).status == 403
    assert admit("SUBSCRIBE", False, False, False, outside="drop").action == "drop"
    assert admit("ACK", False, True, False).action == "drop"  # an ACK is never answered
    assert (admit("MESSAGE", True, False, False).status, admit("PUBLISH", True, False, False).status) == (405, 405)
    assert admit("SUBSCRIBE", True, True, False).status == 489
    assert admit("INVITE", True, False, True).status == 486
    assert admit("INVITE", True, True, True).action == "pass"  # a re-INVITE of a call in progress
    assert admit("BYE", True, True, True).action == "pass"
    assert admit("INVITE", True, False, False, hazard="long c=").status == 488


def test_request_fields_and_sdp_hazards_are_read_from_raw_bytes() -> None:
    sdp = "v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 " + "a" * 254 + "\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n"
    raw = ("INVITE sip:shop@127.0.0.1 SIP/2.0\r\nv: SIP/2.0/UDP 127.0.0.1:5;branch=z9hG4bK1\r\n"
           "f: <sip:+15551234567@h>;tag=a\r\nt: <sip:shop@h>\r\ni: cid-1\r\nCSeq: 1\r\n INVITE\r\n"
           f"Content-Length: {len(sdp)}\r\n\r\n{sdp}").encode()
    req = parse_request(raw, "127.0.0.1:5")
    assert req is not None and req.method == "INVITE" and req.call_id == "cid-1" and not req.in_dialog
    assert req.cseq == "1 INVITE" and req.branch == "z9hG4bK1" and "254 characters" in req.hazard
    assert sdp_hazard(sdp.replace("a" * 254, "a" * 253)) == ""
    bye = parse_request(b"BYE sip:x SIP/2.0\r\nTo: <sip:shop@h;user=phone>;tag=77\r\n\r\n", "127.0.0.1:5")
    assert bye is not None and bye.in_dialog and bye.to_tag == "77"
