"""Admission for every method, refusal events, a caller's REFER refused, SIGTERM in every call state.

Each test runs ``raw_scenarios.py`` with the real bridge in a private network namespace (loopback only);
the callers are raw sockets, so every request and answer is exact.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.sip.harness import events, run_in_namespace
from voice.sip.netns import netns_usable

pytest.importorskip("pjsua2", reason="the phone extra (pjsua2-python) is not installed")

_why = netns_usable()
pytestmark = [pytest.mark.slow, pytest.mark.skipif(_why is not None, reason=_why or "")]

SCRIPT = Path(__file__).with_name("raw_scenarios.py")


def scenario(work: Path, name: str, bridge_args: list[str], timeout: float = 120.0, **spec: Any) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    (work / "spec.json").write_text(json.dumps({"bridge_args": bridge_args, **spec}))
    result = run_in_namespace(work, SCRIPT, [name], "result.json", timeout=timeout)
    assert "error" not in result, result["error"]
    return result


def test_every_method_from_outside_the_allow_list_is_refused_and_logged(tmp_path: Path) -> None:
    r = scenario(tmp_path, "admission", ["--allow", "127.0.0.1/32"])
    s = r["scenario"]
    assert s["outside"] == {m: 403 for m in s["outside"]}, s["outside"]
    assert s["probe_after"] == 200
    # from inside: OPTIONS answered, MESSAGE/PUBLISH 405, SUBSCRIBE 489 and no NOTIFY ever sent
    assert s["inside"] == {"OPTIONS": 200, "MESSAGE": 405, "SUBSCRIBE": 489, "PUBLISH": 405}, s["inside"]
    assert "NOTIFY" not in s["friend_got"]
    refused = events(r, "refused")
    outside = {e["method"] for e in refused if e["status"] == 403 and e["source"].startswith("127.0.0.2:")}
    assert outside == set(s["outside"]), refused
    assert {(e["method"], e["status"]) for e in refused if e["source"].startswith("127.0.0.1:")} == {
        ("MESSAGE", 405), ("SUBSCRIBE", 489), ("PUBLISH", 405)}
    assert all(len(events(r, "refused", method=m, source=e["source"])) == 1 for m in ("INVITE",) for e in refused
               if e["method"] == m)  # one event per request, however often it was retransmitted
    assert r["bridge_rc"] == 0 and events(r, "stopped")


def test_outside_drop_answers_nothing_but_still_logs(tmp_path: Path) -> None:
    r = scenario(tmp_path, "admission", ["--allow", "127.0.0.1/32", "--outside", "drop"])
    s = r["scenario"]
    assert s["probe_after"] == 200 and s["stranger_got"] == [], s  # probe answered, the stranger got nothing
    dropped = [e for e in events(r, "refused") if e.get("dropped")]
    assert {e["method"] for e in dropped} == {"OPTIONS", "MESSAGE", "SUBSCRIBE", "PUBLISH", "REGISTER", "INFO",
                                             "INVITE"}, dropped
    assert r["bridge_rc"] == 0


def test_the_busy_answer_at_the_call_limit_is_a_refused_event(tmp_path: Path) -> None:
    r = scenario(tmp_path, "busy", ["--max-calls", "1"])
    s = r["scenario"]
    assert (s["first"], s["second"], s["bye"], s["third"]) == (200, 486, 200, 200), s
    busy = events(r, "refused", status=486)
    assert len(busy) == 1 and busy[0]["method"] == "INVITE" and busy[0]["caller"] == "…3333", busy
    assert r["bridge_rc"] == 0


@pytest.mark.parametrize("refusal", [403, 405])
def test_a_callers_refer_is_refused_nothing_is_dialled_and_bye_still_works(tmp_path: Path, refusal: int) -> None:
    r = scenario(tmp_path, "refer", ["--refer-refusal", str(refusal)])
    s = r["scenario"]
    assert s["answered"] == 200 and s["refer"] == [refusal, refusal] and s["bye"] == 200, s
    assert s["trap"] == [], s["trap"]  # no INVITE left the bridge for the REFER target
    refused = events(r, "transfer_refused")
    assert len(refused) == 2 and all(e["status"] == refusal and e["by"] == "caller" for e in refused)
    assert refused[0]["target"] == "<sip:…0199@127.0.0.1:5999>"  # the number is redacted by default
    assert len(events(r, "ended")) == 1 and len(events(r, "incoming")) == 1  # no second call, no slot kept
    stopped = events(r, "stopped")
    assert r["bridge_rc"] == 0 and stopped and stopped[0]["transfer_refused"] == 2


@pytest.mark.parametrize("state", ["idle", "ringing", "answered", "held", "after_refer"])
def test_sigterm_in_every_call_state_exits_zero_with_a_stopped_event(tmp_path: Path, state: str) -> None:
    args = ["--answer-delay", "30"] if state == "ringing" else []
    r = scenario(tmp_path, "sigterm", args, state=state)
    s = r["scenario"]
    if state == "ringing":
        assert 180 in s["provisional"], s
    elif state != "idle":
        assert s["answered"] == 200, s
    if state == "after_refer":
        assert s["refer"] == 403
    if state == "held":
        assert s["hold"] == 200
    assert r["bridge_rc"] == 0, r["bridge_rc"]
    assert events(r, "stopped"), r["events"][-3:]
    if state in ("answered", "held", "after_refer"):
        assert "BYE" in r["caller_got"]  # the bridge hung up on its way out
        assert len(events(r, "ended")) == 1


def test_sdp_addresses_pjsip_would_abort_on_are_refused_and_the_line_stays_up(tmp_path: Path) -> None:
    """c=/o=/a=rtcp addresses of 254+ characters trip an assertion in PJSIP (SIGABRT) wherever SDP is read."""
    r = scenario(tmp_path, "sdp_hazard", [])
    s = r["scenario"]
    assert [s[k] for k in ("invite_c", "invite_o", "invite_media_c", "invite_rtcp")] == [488] * 4, s
    assert (s["answered"], s["reinvite_c"], s["update_c"], s["bye"]) == (200, 488, 488, 200), s
    assert (s["late_offer"], s["probe_after_ack"], s["normal_call"], s["normal_bye"]) == (200, 200, 200, 200), s
    assert s["late_bye"] in (200, 481), s  # the late-offer call may already have ended without a valid answer
    assert r["alive"] and r["bridge_rc"] == 0
    assert len([e for e in events(r, "refused") if e["status"] == 488]) == 6
