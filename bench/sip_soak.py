"""SIP soak benchmark: thousands of short calls of every awkward shape against one bridge.

    python -m bench.sip_soak --calls 2000 [--parallel 3] [--baresip 5] [--json OUT.json] [--keep DIR]

Runs ``tests/sip/soak.py`` in a private network namespace (loopback only) against the real ``voicecart sip``:
raw-socket callers answered then hung up at once, CANCEL crossing the 200, BYE without ACK, callers that
vanish, hold/resume re-INVITEs, REFERs to a premium number (must be refused), plus a few baresip calls. Prints
survival, the bridge's descriptors and RSS (start, after 20 calls, idle at the end, peak) and the outcome mix.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.sip_soak")
    ap.add_argument("--calls", type=int, default=2000)
    ap.add_argument("--parallel", type=int, default=3)
    ap.add_argument("--baresip", type=int, default=5)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--keep", type=Path, help="keep the work folder (bridge log, events) here")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from tests.sip.harness import CONFIG
    from voice.sip.netns import in_private_netns, reexec_argv

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="voicecart-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    (work / "voicecart.toml").write_text(CONFIG.format(work=work.resolve()))
    cmd = [sys.executable, str(REPO / "tests" / "sip" / "soak.py"), str(work), "--calls", str(args.calls),
           "--parallel", str(args.parallel), "--baresip", str(args.baresip), "--seed", str(args.seed),
           "--settle", "120"]
    if not in_private_netns():
        cmd = reexec_argv(cmd)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run(cmd, cwd=REPO, env=env)
    out = work / "soak.json"
    if proc.returncode != 0 or not out.exists():
        print(f"soak failed (rc {proc.returncode}); see {work}", file=sys.stderr)
        return 1
    r = json.loads(out.read_text())
    samples = r.pop("samples")
    peak_fds = max((s["fds"] for s in samples), default=0)
    peak_rss = max((s["rss_kb"] for s in samples), default=0)
    rows = [
        ("calls completed", f"{r['completed']} / {r['calls']} in {r['seconds']} s (486 retries {r['busy_retries']})"),
        ("bridge alive / exit on SIGTERM", f"{r['alive_before_stop']} / {r['bridge_rc']} (stopped: "
                                           f"{r['events'].get('stopped', 0)})"),
        ("calls not ended", str(len(r["unended"]))),
        ("descriptors start / warm / idle / peak", f"{r['baseline'].get('fds')} / {r['warm'].get('fds')} / "
                                                   f"{r['idle'].get('fds')} / {peak_fds}"),
        ("RSS MB start / warm / idle / peak", " / ".join(f"{v / 1024:.1f}" for v in (
            r["baseline"].get("rss_kb", 0), r["warm"].get("rss_kb", 0), r["idle"].get("rss_kb", 0), peak_rss))),
        ("caller REFERs: answers / INVITEs at target", f"{r['refer_codes']} / {len(r['trap_hits'])}"),
        ("baresip", json.dumps(r["baresip"])),
        ("errors", str(len(r["errors"]))),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    print("outcomes:", json.dumps(dict(sorted(r["outcomes"].items()))))
    if args.json:
        args.json.write_text(json.dumps({**r, "peak_fds": peak_fds, "peak_rss_kb": peak_rss}, indent=1))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    ok = (r["alive_before_stop"] and r["bridge_rc"] == 0 and not r["unended"] and not r["trap_hits"]
          and r["completed"] == r["calls"])
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
