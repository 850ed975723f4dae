"""Raw-socket policy scenarios, run INSIDE a private network namespace; write ``result.json`` into WORK.

    python tests/sip/raw_scenarios.py WORK NAME

``NAME`` is one of ``SCENARIOS``. Each starts the real bridge (``voice.sip.cli sip``, spec in
``WORK/spec.json``), talks to it from ``rawsip.RawCaller`` sockets, stops it with SIGTERM and records what
each side saw. "Nothing arrived" is established without sleeping: after the request under test, a probe
from an admitted source is answered, and the bridge handles datagrams in order, so any answer to the earlier
request was already sent.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.sip.rawsip import RawCaller, sdp_offer  # noqa: E402
from tests.sip.run_scenario import read_events, reap, start_bridge  # noqa: E402
from voice.sip.netns import in_private_netns  # noqa: E402

PORT = 5070
BRIDGE = ("127.0.0.1", PORT)
TRAP = ("127.0.0.1", 5999)
METHODS = ("OPTIONS", "MESSAGE", "SUBSCRIBE", "PUBLISH", "REGISTER", "INFO", "INVITE")


def _probe() -> int:
    with RawCaller(BRIDGE, user="probe") as p:
        return p.out_of_dialog("OPTIONS").final


def _pending(sock: socket.socket) -> list[str]:
    sock.setblocking(False)
    out = []
    try:
        while True:
            data = sock.recv(65535)
            out.append(data.split(b"\r\n", 1)[0].decode(errors="replace"))
    except BlockingIOError:
        pass
    finally:
        sock.setblocking(True)
    return out


def admission(spec: dict[str, Any]) -> dict[str, Any]:
    """Every method from a source outside --allow (127.0.0.2), then the refused methods from inside."""
    out: dict[str, Any] = {"outside": {}, "inside": {}}
    drop = "drop" in spec.get("bridge_args", [])
    with RawCaller(BRIDGE, host="127.0.0.2", user="+15550001111") as stranger:
        for method in METHODS:
            if drop:
                stranger.send(stranger.request(method, f"sip:shop@127.0.0.1:{PORT}", branch=stranger._branch(),
                                               call_id=f"drop-{method}@x", from_tag="d1",
                                               body="hello" if method == "MESSAGE" else "", ctype="text/plain"))
                out["outside"][method] = None
            elif method == "INVITE":
                out["outside"][method] = stranger.invite(timeout=8).final
            else:
                body = "hello" if method in ("MESSAGE", "PUBLISH") else ""
                extra = "Event: presence\r\nExpires: 60\r\n" if method in ("SUBSCRIBE", "PUBLISH") else ""
                out["outside"][method] = stranger.out_of_dialog(method, body=body, extra=extra).final
        out["probe_after"] = _probe()
        out["stranger_got"] = _pending(stranger.sock)
    with RawCaller(BRIDGE, user="friend") as friend:
        for method in ("OPTIONS", "MESSAGE", "SUBSCRIBE", "PUBLISH"):
            body = "hello" if method in ("MESSAGE", "PUBLISH") else ""
            extra = "Event: presence\r\nExpires: 60\r\n" if method in ("SUBSCRIBE", "PUBLISH") else ""
            out["inside"][method] = friend.out_of_dialog(method, body=body, extra=extra).final
        out["probe_end"] = _probe()
        out["friend_got"] = [m.method for m in friend.received]  # a NOTIFY here would mean SUBSCRIBE was taken
    return out


def busy(spec: dict[str, Any]) -> dict[str, Any]:
    """--max-calls 1: one call up, the next INVITE is refused 486 (and the refusal is an event)."""
    with RawCaller(BRIDGE, user="+15550002222") as a, RawCaller(BRIDGE, user="+15550003333") as b:
        first = a.invite().final
        second = b.invite(timeout=8).final
        bye = a.bye().final if first == 200 else 0
        third = b.invite().final
        if third == 200:
            b.bye()
    return {"first": first, "second": second, "bye": bye, "third": third}


def refer(spec: dict[str, Any]) -> dict[str, Any]:
    """A caller REFERs to a premium number (the trap socket): refused, nothing dialled; then BYE."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as trap, RawCaller(BRIDGE, user="+15550004444") as c:
        trap.bind(TRAP)
        answered = c.invite().final
        codes = [c.refer(f"sip:+19005550199@{TRAP[0]}:{TRAP[1]}").final for _ in range(2)]
        bye = c.bye().final
        probe = _probe()
        return {"answered": answered, "refer": codes, "bye": bye, "probe": probe, "trap": _pending(trap),
                "bridge_sent": [m.method for m in c.received]}


def sdp_hazard(spec: dict[str, Any]) -> dict[str, Any]:
    """SDP addresses of 254+ characters (PJSIP asserts on them) in every offer/answer position; then a call."""
    long = "a" * 254
    out: dict[str, Any] = {}
    with RawCaller(BRIDGE, user="+15550006666") as c:
        base = sdp_offer("127.0.0.1", c.rtp_port)
        out["invite_c"] = c.invite(sdp=sdp_offer("127.0.0.1", c.rtp_port, c_addr=long), timeout=8).final
        out["invite_o"] = c.invite(sdp=sdp_offer("127.0.0.1", c.rtp_port, o_addr=long), timeout=8).final
        out["invite_media_c"] = c.invite(sdp=base.replace("a=ptime:20", f"c=IN IP4 {long}\r\na=ptime:20"),
                                         timeout=8).final
        out["invite_rtcp"] = c.invite(sdp=base + f"a=rtcp:5000 IN IP4 {long}\r\n", timeout=8).final
        out["answered"] = c.invite().final
        out["reinvite_c"] = c.in_dialog("INVITE", body=sdp_offer("127.0.0.1", c.rtp_port, version=2, c_addr=long),
                                        timeout=8).final
        out["update_c"] = c.in_dialog("UPDATE", body=sdp_offer("127.0.0.1", c.rtp_port, version=3, c_addr=long),
                                      timeout=8).final
        out["bye"] = c.bye().final
        late = c.invite(sdp="", ack=False, timeout=8)  # late offer: the caller's answer comes in the ACK
        out["late_offer"] = late.final
        d = c.dialog
        assert d is not None
        c.send(c.request("ACK", d.remote_target, branch=c._branch(), call_id=d.call_id, from_tag=d.local_tag,
                         to_tag=d.remote_tag, cseq=d.cseq, body=sdp_offer("127.0.0.1", c.rtp_port, c_addr=long)))
        out["probe_after_ack"] = _probe()
        out["late_bye"] = c.bye().final
    with RawCaller(BRIDGE, user="+15550007777") as ok:
        out["normal_call"] = ok.invite().final
        out["normal_bye"] = ok.bye().final
    return out


def _stop_state(state: str) -> dict[str, Any]:
    out: dict[str, Any] = {"state": state}
    c = RawCaller(BRIDGE, user="+15550005555")
    if state == "ringing":  # --answer-delay keeps it ringing: wait for the 180, no final yet
        ringing: list[int] = []
        c.invite(timeout=3, on_provisional=lambda m: ringing.append(m.status))
        out["provisional"] = ringing
    elif state != "idle":
        out["answered"] = c.invite().final
        if state == "after_refer":
            out["refer"] = c.refer("sip:+19005550199@127.0.0.1:5999").final
        elif state == "held":
            out["hold"] = c.reinvite("sendonly", 2).final
    out["caller"] = c
    return out


def sigterm(spec: dict[str, Any]) -> dict[str, Any]:
    return {}  # handled in main (needs the bridge process)


SCENARIOS = {"admission": admission, "busy": busy, "refer": refer, "sigterm": sigterm, "sdp_hazard": sdp_hazard}


def main() -> int:
    work = Path(sys.argv[1]).resolve()
    name = sys.argv[2]
    if not in_private_netns():
        print("refusing to run SIP traffic outside a private network namespace", file=sys.stderr)
        return 3
    spec = json.loads((work / "spec.json").read_text())
    spec["port"] = PORT
    bridge = start_bridge(work, spec)
    result: dict[str, Any] = {}
    caller = None
    try:
        if name == "sigterm":
            state = _stop_state(spec["state"])
            caller = state.pop("caller")
            result["scenario"] = state
        else:
            result["scenario"] = SCENARIOS[name](spec)
    except Exception as exc:  # noqa: BLE001 - reported to the test
        result["error"] = repr(exc)
    result["alive"] = bridge.poll() is None
    bridge.send_signal(signal.SIGTERM)
    if caller is not None:  # answer the bridge's BYE while it shuts down
        while bridge.poll() is None and caller.recv(0.2) is None and not any(m.method == "BYE" for m in caller.received):
            pass
        result["caller_got"] = [m.method for m in caller.received]
        caller.close()
    result["bridge_rc"] = reap(bridge)
    result["events"] = read_events(work / "events.jsonl")
    (work / "result.json").write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    raise SystemExit(main())
