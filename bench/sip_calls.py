"""SIP phone-line benchmark: N concurrent baresip callers each order over RTP from one bridge.

    python -m bench.sip_calls --calls N --json OUT.json [--keep DIR]

Runs inside a private network namespace with only loopback (re-executes itself under ``unshare -n`` when it
is not in one). Starts ``voicecart sip`` (``python -m voice.sip.cli``) on 127.0.0.1:5070 with a fresh
database and the bundled café catalog, then N baresip callers at once (G.722), each playing an espeak-ng
tape: an order, a pause, "yes, please", a pause, "yes, please" (a low-confidence order is confirmed first).

* ``succeeded``: callers whose order is in the database under their caller ID with the right product.
  The pjsua2-python wheel handles at most 4 simultaneous calls (PJSUA_MAX_CALLS=4), so with more than 4
  callers the bridge runs as ``voicecart sip --lines N`` (Kamailio's dispatcher in front of ceil(N/4)
  bridges, decodes taken in turn across all calls); ``--one-bridge`` keeps one bridge (the rest get 486).
* ``turn_latency_*``: the bridge's per-turn figure for spoken turns: from the end of the caller's speech
  (the last voiced frame, as the endpointer saw it) to the first 20 ms frame of the reply handed to PJSIP
  (encoded and sent as RTP in the same tick).
* ``cpu_percent``: the bridge process's CPU time over wall time while the calls ran, in % of one core
  (the machine has ``cpu_count`` cores); ``machine_cpu_percent`` is all processes (baresip callers too).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

ORDERS = [
    ("I would like a large latte please.", "LATTE"),
    ("I'd like a cinnamon roll please.", "CINNAMON"),
    ("I'd like a blueberry muffin.", "MUFFIN"),
    ("Can I have a banana bread please.", "BANANA"),
    ("Can I get an espresso please.", "ESPRESSO"),
    ("I'd like a croissant please.", "CROISSANT"),
    ("I'd like an iced tea please.", "ICED-TEA"),
    ("Can I get a chocolate chip cookie please.", "COOKIE"),
]

CONFIG = """\
[voicecart]
data_dir = "{work}"
database = "{work}/shop.sqlite3"
catalog = "cafe"
tax_percent = "0"

[shop]
name = "Corner Cafe"

[voice]
tts = "espeak"
"""


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    k = (len(s) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def _proc_cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _machine_busy() -> tuple[float, float]:
    vals = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = vals[3] + vals[4]
    return float(sum(vals) - idle), float(sum(vals))


def make_tapes(work: Path, n: int) -> list[Path]:
    from voice.audio import concat, silence, write_wav
    from voice.tts import EspeakSynthesizer

    tts = EspeakSynthesizer("en-us", 160)
    tapes = []
    for i in range(n):
        words = ORDERS[i % len(ORDERS)][0]
        parts = [silence(10000), tts.synthesize(words, 16000), silence(7000), tts.synthesize("Yes, please.", 16000),
                 silence(7000), tts.synthesize("Yes, please.", 16000), silence(6000)]
        tapes.append(write_wav(work / f"tape{i}.wav", concat(parts)))
    return tapes


def _tree_cpu_s(pid: int) -> float:
    """CPU seconds of ``pid`` and every process below it (the bridges and Kamailio of ``--lines``)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, ValueError, IndexError):
            continue
    tree, todo = {pid}, [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parents.items() if pp == p and c not in tree]
        tree.update(kids)
        todo.extend(kids)
    total = 0.0
    for p in tree:
        try:
            total += _proc_cpu_s(p)
        except (OSError, ValueError, IndexError):
            pass
    return total


def run(n: int, work: Path, one_bridge: bool = False, voice: tuple[str, ...] = ()) -> dict[str, Any]:
    from catalog.sqlite_store import SQLiteStore
    from voice.sip.baresip import Baresip

    (work / "voicecart.toml").write_text(CONFIG.format(work=work) + "".join(f"{kv}\n" for kv in voice))
    tapes = make_tapes(work, n)
    events_file = work / "events.jsonl"
    log = open(work / "bridge.log", "wb")  # noqa: SIM115
    bridge = subprocess.Popen(
        [sys.executable, "-m", "voice.sip.cli", "--config", str(work / "voicecart.toml"), "sip",
         "--listen", "127.0.0.1:5070", "--events", str(events_file),
         *(["--lines", str(n)] if n > 4 and not one_bridge else ["--max-calls", str(min(n, 4))])],
        cwd=REPO, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 240
        while b'"listening"' not in (events_file.read_bytes() if events_file.exists() else b""):
            if bridge.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the bridge did not start; see {work / 'bridge.log'}")
            time.sleep(0.1)
        peers = [Baresip(work / f"caller{i}", sip_port=5100 + 10 * i, ctrl_port=4500 + i, tape=tapes[i],
                         codecs=("g722",), user=f"caller{i}") for i in range(n)]
        cpu0, busy0 = _tree_cpu_s(bridge.pid), _machine_busy()
        t0 = time.monotonic()
        for p in peers:
            p.start(max_seconds=90)
        for p in peers:
            p.dial("sip:shop@127.0.0.1:5070")
        threads = [threading.Thread(target=p.wait_event, args=("CALL_CLOSED", 80)) for p in peers]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.monotonic() - t0
        cpu1, busy1 = _tree_cpu_s(bridge.pid), _machine_busy()
        busy = sum(1 for p in peers for e in p.events if e.get("type") == "CALL_CLOSED" and "486" in str(e.get("param")))
        for p in peers:
            p.stop()
    finally:
        bridge.send_signal(signal.SIGTERM)
        try:
            bridge.wait(30)
        except subprocess.TimeoutExpired:
            bridge.kill()
        log.close()
    events = [json.loads(line) for line in events_file.read_text().splitlines() if line.strip()]
    turns = [e for e in events if e.get("event") == "turn" and e.get("transcript") and e.get("latency_ms")]
    latencies = [float(e["latency_ms"]) for e in turns if not str(e["transcript"]).startswith("[dtmf")]
    store = SQLiteStore(work / "shop.sqlite3")
    succeeded = 0
    try:
        for i in range(n):
            sku = ORDERS[i % len(ORDERS)][1]
            orders = store.orders(customer=f"caller{i}")
            if len(orders) == 1 and any(sku in line.sku for line in orders[0].lines):
                succeeded += 1
    finally:
        store.close()
    machine = 100.0 * (busy1[0] - busy0[0]) / max(1.0, busy1[1] - busy0[1])
    p50, p95 = _percentile(latencies, 0.5), _percentile(latencies, 0.95)
    return {
        "calls": n,
        "bridges": 1 if n <= 4 or one_bridge else -(-n // 4),
        "succeeded": succeeded,
        "turn_latency_p50_ms": None if p50 is None else round(p50, 1),
        "turn_latency_p95_ms": None if p95 is None else round(p95, 1),
        "cpu_percent": round(100.0 * (cpu1 - cpu0) / wall, 1),
        "machine_cpu_percent": round(machine * (os.cpu_count() or 1), 1),
        "cpu_count": os.cpu_count(),
        "answered": sum(1 for e in events if e.get("event") == "answered"),
        "busy_486": busy,
        "max_media_gap_ms": max((float(e.get("max_media_gap_ms", 0)) for e in events if e.get("event") == "ended"),
                                default=None),
        "turns": len(latencies),
        "turn_latency_max_ms": round(max(latencies), 1) if latencies else None,
        "decode_ms_mean": round(statistics.mean(float(e["decode_ms"]) for e in turns), 1) if turns else None,
        "wall_s": round(wall, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--calls", type=int, default=4)
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--keep", help="keep the work folder (recordings, events, logs) here")
    ap.add_argument("--one-bridge", action="store_true", help="one bridge even past 4 calls (the rest get 486)")
    ap.add_argument("--voice", action="append", default=[], metavar="KEY=VALUE",
                    help='a [voice] setting for the bridge, as TOML (e.g. --voice \'vad_engine = "webrtc"\'); repeatable')
    args = ap.parse_args(argv)
    from voice.sip.netns import in_private_netns, reexec_argv

    if not in_private_netns():
        argv2 = reexec_argv([sys.executable, "-m", "bench.sip_calls", *(argv if argv is not None else sys.argv[1:])])
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p))
        return subprocess.run(argv2, cwd=REPO, env=env, timeout=900).returncode
    if not 1 <= args.calls <= 8:
        print("--calls must be 1..8 (one baresip per caller, one tape per product)", file=sys.stderr)
        return 2
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sip-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        result = run(args.calls, work.resolve(), one_bridge=args.one_bridge, voice=tuple(args.voice))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{'calls':>6} {'ok':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'bridge cpu %':>13} {'machine cpu %':>14}")
    print(f"{result['calls']:>6} {result['succeeded']:>4} {result['turn_latency_p50_ms']!s:>8} "
          f"{result['turn_latency_p95_ms']!s:>8} {result['turn_latency_max_ms']!s:>8} {result['cpu_percent']:>13} "
          f"{result['machine_cpu_percent']:>14}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n")
    return 0 if result["succeeded"] == (min(result["calls"], 4) if args.one_bridge else result["calls"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
