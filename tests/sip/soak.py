"""Many short calls against the real bridge, INSIDE a private network namespace; writes ``soak.json``.

    unshare -n sh -c 'ip link set lo up && exec .venv/bin/python tests/sip/soak.py WORK --calls 2000'

(``tests/sip/test_soak.py`` runs it for a few hundred calls; ``WORK`` needs a ``voicecart.toml``, which the
test writes.) Callers are raw sockets (``rawsip.RawCaller``), several at once, each call one of these
patterns, picked by a seeded generator:

- ``quick``: INVITE, 200, ACK, BYE at once; ``rtp``: the same with a few RTP packets before the BYE;
- ``bye_no_ack``: BYE right after the 200, the ACK never sent;
- ``cancel``: CANCEL sent the moment the 180 arrives, so it crosses the 200 (either 487 or 200 + BYE);
- ``cancel_early``: CANCEL right behind the INVITE;
- ``reinvite``: hold then resume (two re-INVITEs), then BYE;
- ``refer``: a REFER to an arbitrary number (must be refused; a trap socket checks no INVITE leaves), then BYE;
- ``vanish``: answered, then the caller disappears without a BYE (the bridge must clean up by itself);
- optionally a few ``baresip`` calls (dial, hang up once established).

The bridge's descriptors (``/proc/PID/fd``) and RSS are sampled every second; a 486 (all lines busy, e.g. held
by vanished callers) is retried. At the end the bridge is stopped with SIGTERM: exit code and ``stopped``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.sip.rawsip import RawCaller, rtp_dest  # noqa: E402
from tests.sip.run_scenario import read_events, start_bridge, stop_bridge  # noqa: E402
from voice.sip.netns import in_private_netns  # noqa: E402

PATTERNS = {"quick": 36, "rtp": 15, "bye_no_ack": 5, "cancel": 16, "cancel_early": 6, "reinvite": 10,
            "refer": 10, "vanish": 1}
TRAP_PORT = 5999  # where a REFER asks the bridge to call: nothing may arrive here


def proc_sample(pid: int) -> dict[str, Any]:
    try:
        fds = len(os.listdir(f"/proc/{pid}/fd"))
        rss = 0
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
        return {"fds": fds, "rss_kb": rss}
    except OSError:
        return {}


class Soak:
    def __init__(self, port: int, seed: int):
        self.port = port
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.outcomes: Counter[str] = Counter()
        self.done = 0
        self.errors: list[str] = []
        self.busy_retries = 0
        self.refer_codes: Counter[int] = Counter()

    def note(self, key: str) -> None:
        with self.lock:
            self.outcomes[key] += 1

    def one_call(self, pattern: str, seed: int) -> None:
        with RawCaller(("127.0.0.1", self.port), user=f"+1555{seed % 10000000:07d}", seed=seed) as c:
            deadline = time.monotonic() + 150.0  # a vanished caller holds a line for ~45 s (BYE timing out)
            while time.monotonic() < deadline:
                if self._attempt(c, pattern):
                    return
                with self.lock:
                    self.busy_retries += 1
                c.recv(0.5)  # all lines busy: let a call end first (answers any BYE meanwhile)
            self.note(f"{pattern}:gave_up")

    def _attempt(self, c: RawCaller, pattern: str) -> bool:
        """One INVITE; False when the bridge was busy (486) and the call should be tried again."""
        if pattern == "cancel":
            out = c.invite(on_provisional=lambda m: c.cancel() if m.status == 180 else None)
        elif pattern == "cancel_early":
            out = c.invite(after_send=c.cancel)  # CANCEL right behind the INVITE, before any answer
        else:
            out = c.invite(ack=pattern != "bye_no_ack")
        if out.final == 486:
            return False
        if out.final == 0:
            self.note(f"{pattern}:no_final")
            return True
        if out.final >= 300:
            self.note(f"{pattern}:{out.final}")
            return True
        # answered
        if pattern in ("cancel", "cancel_early"):
            self.note(f"{pattern}:200_crossed")
            self._bye(c, pattern)
            return True
        if pattern == "vanish":
            self.note("vanish:answered")
            return True  # the socket closes with the caller: no BYE, no answer to the bridge's BYE
        if pattern == "rtp":
            dest = rtp_dest(out.sdp)
            if dest:
                c.send_rtp(dest, 5)
        if pattern == "reinvite":
            for direction, version in (("sendonly", 2), ("sendrecv", 3)):
                r = c.reinvite(direction, version)
                if r.final != 200:
                    self.note(f"reinvite:{direction}:{r.final}")
        if pattern == "refer":
            r = c.refer(f"sip:+19005550199@127.0.0.1:{TRAP_PORT}")
            with self.lock:
                self.refer_codes[r.final] += 1
        self._bye(c, pattern)
        return True

    def _bye(self, c: RawCaller, pattern: str) -> None:
        if any(m.method == "BYE" for m in c.received):
            self.note(f"{pattern}:bridge_hung_up")
            return
        r = c.bye()
        self.note(f"{pattern}:bye_{r.final}")


def trap(stop: threading.Event, hits: list[str]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", TRAP_PORT))
        s.settimeout(0.5)
        while not stop.is_set():
            try:
                data, src = s.recvfrom(65535)
            except TimeoutError:
                continue
            hits.append(data[:80].decode(errors="replace"))


def baresip_calls(work: Path, port: int, count: int) -> dict[str, Any]:
    from voice.sip.baresip import Baresip, available

    why = available()
    if why:
        return {"skipped": why}
    from voice.audio import silence, write_wav

    tape = work / "silence.wav"
    write_wav(tape, silence(3000).convert(8000, 2, 1))
    out: dict[str, Any] = {"established": 0, "closed": 0, "attempts": 0}
    for i in range(count):
        for _attempt in range(10):  # a 486 (lines held by vanished callers) is tried again
            out["attempts"] += 1
            peer = Baresip(work / f"bs{i}", sip_port=5200 + 2 * i, ctrl_port=4600 + i, tape=tape,
                           codecs=("g711",), user=f"bs{i}")
            established = False
            try:
                peer.start(max_seconds=40)
                peer.dial(f"sip:shop@127.0.0.1:{port}")
                ev = peer.wait_event("CALL_ESTABLISHED", 20)
                if ev and ev.get("type") == "CALL_ESTABLISHED":
                    established = True
                    out["established"] += 1
                    peer.hangup()
                if peer.wait_event("CALL_CLOSED", 20):
                    out["closed"] += 1
            finally:
                peer.stop()
            if established:
                break
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("work", type=Path)
    ap.add_argument("--calls", type=int, default=300)
    ap.add_argument("--parallel", type=int, default=3)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--baresip", type=int, default=2)
    ap.add_argument("--port", type=int, default=5070)
    ap.add_argument("--settle", type=float, default=90.0, help="wait this long at most for every call to end")
    args = ap.parse_args()
    if not in_private_netns():
        print("refusing to run SIP traffic outside a private network namespace", file=sys.stderr)
        return 3
    work = args.work.resolve()
    spec = {"port": args.port, "bridge_args": ["--silence-timeout", "1", "--max-calls", "4"]}
    bridge = start_bridge(work, spec)
    soak = Soak(args.port, args.seed)
    samples: list[dict[str, Any]] = []
    stop_sampling = threading.Event()

    def sampler() -> None:
        t0 = time.monotonic()
        while not stop_sampling.wait(1.0):
            s = proc_sample(bridge.pid)
            if s:
                samples.append({"t": round(time.monotonic() - t0, 1), "calls": soak.done, **s})

    threading.Thread(target=sampler, daemon=True).start()
    trap_hits: list[str] = []
    stop_trap = threading.Event()
    threading.Thread(target=trap, args=(stop_trap, trap_hits), daemon=True).start()
    names, weights = list(PATTERNS), list(PATTERNS.values())
    plan = [(soak.rng.choices(names, weights)[0], soak.rng.randrange(1 << 30)) for _ in range(args.calls)]
    baseline = proc_sample(bridge.pid)
    t0 = time.monotonic()
    next_index = iter(range(len(plan)))
    index_lock = threading.Lock()

    def worker() -> None:
        while bridge.poll() is None:
            with index_lock:
                i = next(next_index, None)
            if i is None:
                return
            pattern, seed = plan[i]
            try:
                soak.one_call(pattern, seed)
            except Exception as exc:  # noqa: BLE001 - reported
                with soak.lock:
                    soak.errors.append(f"{pattern}: {exc!r}")
            with soak.lock:
                soak.done += 1
                if soak.done == min(20, args.calls):
                    warm.update(proc_sample(bridge.pid))

    warm: dict[str, Any] = {}
    workers = [threading.Thread(target=worker, daemon=True) for _ in range(args.parallel)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    calls_s = time.monotonic() - t0
    bs = baresip_calls(work, args.port, args.baresip) if args.baresip and bridge.poll() is None else {}
    # every call must end on its own (vanished callers included): incoming == ended
    deadline = time.monotonic() + args.settle
    while time.monotonic() < deadline and bridge.poll() is None:
        evs = read_events(work / "events.jsonl")
        started = {e["call"] for e in evs if e.get("event") == "incoming"}
        ended = {e["call"] for e in evs if e.get("event") == "ended"}
        if started <= ended:
            break
        time.sleep(0.5)
    idle = proc_sample(bridge.pid)
    alive = bridge.poll() is None
    stop_sampling.set()
    rc = stop_bridge(bridge)
    stop_trap.set()
    evs = read_events(work / "events.jsonl")
    kinds = Counter(e.get("event") for e in evs)
    result = {
        "calls": args.calls, "completed": soak.done, "seconds": round(calls_s, 1), "outcomes": dict(soak.outcomes),
        "errors": soak.errors[:20], "busy_retries": soak.busy_retries, "refer_codes": dict(soak.refer_codes),
        "trap_hits": trap_hits[:5], "baresip": bs, "baseline": baseline, "warm": warm, "idle": idle,
        "samples": samples, "alive_before_stop": alive, "bridge_rc": rc, "events": dict(kinds),
        "unended": sorted({e["call"] for e in evs if e.get("event") == "incoming"}
                          - {e["call"] for e in evs if e.get("event") == "ended"})[:10],
    }
    (work / "soak.json").write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    raise SystemExit(main())
