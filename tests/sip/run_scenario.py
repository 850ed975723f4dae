"""One SIP scenario, run INSIDE a private network namespace (see ``harness.run_scenario``).

Starts the bridge (``python -m voice.sip.cli ... sip``) as a subprocess, drives baresip callers along a
timeline (dial, DTMF, hang-up), optionally throws fuzzed SIP datagrams and random RTP at the bridge, stops
everything, and writes ``result.json`` into the work folder. Refuses to run outside a loopback-only
namespace.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.sip.fuzz import fuzz_rtp, fuzz_sip, invite_probe, options_ping  # noqa: E402
from tests.sip.registrar import Registrar  # noqa: E402
from tests.sip.wire import rfc4475, sdp_fuzz  # noqa: E402
from voice.sip.baresip import Baresip  # noqa: E402
from voice.sip.linphone import Linphonec  # noqa: E402
from voice.sip.netns import in_private_netns  # noqa: E402


def read_events(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text().splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            pass
    return out


def start_bridge(work: Path, spec: dict[str, Any]) -> subprocess.Popen[bytes]:
    events = work / "events.jsonl"
    argv = [sys.executable, "-m", "voice.sip.cli", "--config", str(work / "voicecart.toml"), "sip",
            "--listen", f"127.0.0.1:{spec.get('port', 5070)}", "--events", str(events), *spec.get("bridge_args", [])]
    log = open(work / "bridge.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(argv, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 240  # --lines: every bridge loads its model, then Kamailio, then the front
    while time.monotonic() < deadline:
        if any(e.get("event") == "listening" for e in read_events(events)):
            return proc
        if proc.poll() is not None:
            raise SystemExit(f"bridge exited with {proc.returncode}; see {work / 'bridge.log'}")
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("bridge did not start listening within 240 s")


def reap(bridge: subprocess.Popen[bytes], timeout: float = 30.0) -> int:
    """The bridge's exit code once it has exited (killed after ``timeout`` s: then -9)."""
    try:
        return bridge.wait(timeout)
    except subprocess.TimeoutExpired:
        bridge.kill()
        return -9


def stop_bridge(bridge: subprocess.Popen[bytes], timeout: float = 30.0) -> int:
    """SIGTERM (a clean stop: calls hung up, a ``stopped`` event), then :func:`reap`."""
    bridge.send_signal(signal.SIGTERM)
    return reap(bridge, timeout)


def wait_lines_free(events: Path, timeout: float) -> bool:
    """Every call the bridge took (``incoming``) has ended: a caller dialling now gets a free line."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        evs = read_events(events)
        taken = {e.get("call") for e in evs if e.get("event") == "incoming"}
        ended = {e.get("call") for e in evs if e.get("event") == "ended"}
        if taken <= ended:
            return True
        time.sleep(0.2)  # polling the events file (no event to block on across processes)
    return False


def run_caller(work: Path, c: dict[str, Any], t0: float, port: int, out: dict[str, Any],
               done: dict[str, threading.Event] | None = None) -> None:
    peer: Any
    if c.get("peer") == "linphonec":
        (work / c["name"]).mkdir(parents=True, exist_ok=True)
        peer = Linphonec(work / c["name"], sip_port=c["sip_port"], tape=Path(c["tape"]) if c.get("tape") else None,
                         user=c.get("user", c["name"]))
    else:
        peer = Baresip(work / c["name"], sip_port=c["sip_port"], ctrl_port=c["ctrl_port"],
                       tape=Path(c["tape"]) if c.get("tape") else None, codecs=tuple(c.get("codecs", ["g711"])),
                       user=c.get("user", c["name"]), auto_answer=c.get("auto_answer", False),
                       listen_host=c.get("host", "127.0.0.1"))
    result: dict[str, Any] = {"name": c["name"]}
    out[c["name"]] = result
    try:
        time.sleep(max(0.0, t0 + c.get("dial_at", 0.0) - 1.0 - time.monotonic()))
        if c.get("dial_after") and done is not None:  # the named caller's call is over, and the bridge's line free
            if not done[c["dial_after"]].wait(c.get("max_seconds", 60) + 60):
                raise RuntimeError(f"{c['dial_after']} never finished")
            if not wait_lines_free(work / "events.jsonl", 30.0):
                raise RuntimeError("the bridge still holds a call")
            t0 = time.monotonic() + 1.0 - c.get("dial_at", 0.0)  # baresip starts now, dials a second later
        peer.start(max_seconds=c.get("max_seconds", 60) + 10)
        if c.get("dial", True):
            time.sleep(max(0.0, t0 + c.get("dial_at", 0.0) - time.monotonic()))
            peer.dial(c.get("uri", f"sip:shop@127.0.0.1:{port}"))
            result["dialed_at"] = time.time()
        est_at: float | None = None
        for at, what, *arg in c.get("actions", []):
            base = time.monotonic()
            if what == "after_dial":
                continue
            if est_at is None and c.get("actions_from", "established") == "established":
                ev = peer.wait_event("CALL_ESTABLISHED", 30)
                est_at = time.monotonic() if ev else base
            ref = est_at if est_at is not None else base
            time.sleep(max(0.0, ref + at - time.monotonic()))
            if what == "dtmf":
                peer.send_dtmf(arg[0])
            elif what == "hangup":
                peer.hangup()
            elif what in ("hold", "resume"):
                getattr(peer, what)()
        peer.wait_event("CALL_CLOSED", c.get("max_seconds", 60))
        if c.get("linger"):
            time.sleep(c["linger"])
    except Exception as exc:  # noqa: BLE001 - reported to the test
        result["error"] = repr(exc)
    finally:
        peer.stop()
        result["events"] = [{k: v for k, v in e.items() if k in ("type", "param", "peeruri", "direction", "_t")}
                            for e in peer.events if e.get("event")]
        result["heard"] = [str(p) for p in peer.recordings("dec")]
        result["sent"] = [str(p) for p in peer.recordings("enc")]
        if done is not None:
            done[c["name"]].set()


def main() -> int:
    work = Path(sys.argv[1]).resolve()
    if not in_private_netns():
        print("refusing to run SIP traffic outside a private network namespace", file=sys.stderr)
        return 3
    spec = json.loads((work / "spec.json").read_text())
    port = spec.get("port", 5070)
    os.environ.update(spec.get("env", {}))
    registrar = None
    if spec.get("registrar"):
        r = spec["registrar"]
        registrar = Registrar(r["port"], r["user"], r["password"], grant_expires=r.get("grant_expires"))
        registrar.start()
    bridge = start_bridge(work, spec)
    before: dict[str, Any] = {}
    if spec.get("rfc4475") or spec.get("sdp_fuzz"):  # on the wire before any caller dials
        if spec.get("rfc4475"):
            before["rfc4475"] = rfc4475(("127.0.0.1", port))
        if spec.get("sdp_fuzz"):
            f = spec["sdp_fuzz"]
            before["sdp_fuzz"] = sdp_fuzz(("127.0.0.1", port), f.get("cases", 200), seed=f.get("seed", 1))
        before["alive"] = bridge.poll() is None
        before["options_after"] = options_ping(("127.0.0.1", port))
        before["lines_free"] = wait_lines_free(work / "events.jsonl", 60.0)
    callers: dict[str, Any] = {}
    threads = []
    t0 = time.monotonic()
    done = {c["name"]: threading.Event() for c in spec.get("callers", [])}
    for c in spec.get("callers", []):
        th = threading.Thread(target=run_caller, args=(work, c, t0, port, callers, done), daemon=True)
        th.start()
        threads.append(th)
    fuzz: dict[str, Any] = {}
    if spec.get("fuzz"):
        f = spec["fuzz"]
        time.sleep(max(0.0, t0 + f.get("start_after", 5.0) - time.monotonic()))
        media = [e for e in read_events(work / "events.jsonl") if e.get("event") == "media"]
        rtp = media[-1]["rtp"] if media else None
        fuzz["sip"] = fuzz_sip(("127.0.0.1", port), count=f.get("sip", 2000), seed=f.get("seed", 7))
        if rtp:
            host, _, p = rtp.rpartition(":")
            fuzz["rtp"] = fuzz_rtp((host, int(p)), count=f.get("rtp", 2000), seed=f.get("seed", 7))
        fuzz["options_after"] = options_ping(("127.0.0.1", port))
        fuzz["bridge_alive"] = bridge.poll() is None
    probe = invite_probe(("127.0.0.1", port)) if spec.get("probe") else None
    if spec.get("terminate_after"):  # stop the bridge while calls are up: it must hang them up and exit cleanly
        time.sleep(max(0.0, t0 + spec["terminate_after"] - time.monotonic()))
        bridge.send_signal(signal.SIGTERM)
    for th in threads:
        th.join(spec.get("max_seconds", 120))
    time.sleep(spec.get("settle", 0.5))
    bridge_alive = bridge.poll() is None
    rc = stop_bridge(bridge)
    registered = registrar.stop() if registrar is not None else None
    result = {"bridge_rc": rc, "bridge_alive_at_end": bridge_alive, "events": read_events(work / "events.jsonl"),
              "callers": callers, "fuzz": fuzz, "registrar": registered,
              "probe": probe, "before": before}
    (work / "result.json").write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    raise SystemExit(main())
