"""PROTOS-style torture run: thousands of malformed INVITEs against the real bridge, one at a time.

    python -m bench.sip_torture [--cases N] [--every K] [--also REGEX] [--json OUT.json] [--keep DIR]

Runs ``tests/sip/protos.py`` in a private network namespace (loopback only) against ``voicecart sip`` (the
validating front + PJSIP): every case of ``tests.sip.protos.cases()`` (or every K-th, or the first N of those)
is sent over UDP like PROTOS c07-sip (INVITE; a 2xx is ACKed and hung up, a call only ringing is CANCELled),
the bridge process must be alive after each, and at the end an OPTIONS must get 200 and a normal call must be
answered. Prints the answers by status code (the front's own answers apart from PJSIP's), survival, the first
failing case if any, the bridge's RSS (start / peak / end) and descriptors.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def run(work: Path, every: int = 1, cases: int = 0, offset: int = 0, also: tuple[str, ...] = (),
        timeout: float | None = None) -> dict[str, Any]:
    """Run ``tests/sip/protos.py`` in a fresh network namespace; its ``protos.json`` (raises
    ``tests.sip.harness.ScenarioFailed`` when the run fails)."""
    sys.path.insert(0, str(REPO))
    from tests.sip.harness import run_in_namespace

    args = ["--every", str(every), "--cases", str(cases), "--offset", str(offset)]
    for rx in also:
        args += ["--also", rx]
    return run_in_namespace(work, REPO / "tests" / "sip" / "protos.py", args, "protos.json", timeout=timeout,
                            what="torture run")


def table(r: dict[str, Any]) -> list[tuple[str, str]]:
    samples = r["samples"]
    peak_rss = max([s["rss_kb"] for s in samples] + [r["start"].get("rss_kb", 0), r["end"].get("rss_kb", 0)])
    peak_fds = max([s["fds"] for s in samples] + [r["start"].get("fds", 0), r["end"].get("fds", 0)])
    answers = ", ".join(f"{k} {v}" for k, v in sorted(r["answers"].items(), key=lambda kv: -kv[1]))
    return [
        ("control: the base INVITE", f"{r['control']['answers']}, hung up {r['control']['hung_up']}"),
        ("cases sent", f"{r['sent']} of {r['selected']} selected ({r['cases_total']} in the suite, every "
                       f"{r['every']}) in {r['seconds']} s"),
        ("final answers", ", ".join(f"{k} {v}" for k, v in sorted(r["finals"].items()))),
        ("answered by", answers),
        ("2xx hung up / CANCELs", f"{r['hung_up']} of {r['answered']} / {r['cancelled']}"),
        ("barrier OPTIONS missing", str(r["no_barrier"])),
        ("bridge alive after every case", str(r["first_failure"] is None and r["alive_at_end"])),
        ("first failing case", json.dumps(r["first_failure"])),
        ("afterwards: OPTIONS / normal call", f"{r['options_after']} / {r['call_after']}"),
        ("lines free / exit on SIGTERM", f"{r['lines_free']} / {r['bridge_rc']}"),
        ("RSS MB start / after the control call / peak / after cases / end", " / ".join(
            f"{v / 1024:.1f}" for v in (r["start"].get("rss_kb", 0), r["warm"].get("rss_kb", 0), peak_rss, r["after_cases"].get("rss_kb", 0), r["end"].get("rss_kb", 0)))),
        ("descriptors start / after the control call / peak / end",
         f"{r['start'].get('fds')} / {r['warm'].get('fds')} / {peak_fds} / {r['end'].get('fds')}"),
    ]


def ok(r: dict[str, Any]) -> bool:
    return bool(r["first_failure"] is None and r["alive_at_end"] and r["options_after"] == 200
                and 200 <= r["call_after"].get("final", 0) < 300 and r["bridge_rc"] == 0
                and r["sent"] == r["selected"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.sip_torture")
    ap.add_argument("--cases", type=int, default=0, help="at most this many of the selected cases (0: all)")
    ap.add_argument("--every", type=int, default=1, help="every K-th case")
    ap.add_argument("--offset", type=int, default=0, help="start at this case")
    ap.add_argument("--also", action="append", default=[], metavar="REGEX", help="also the cases whose name matches")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--keep", type=Path, help="keep the work folder (bridge log, events, protos.json) here")
    args = ap.parse_args(argv)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="voicecart-torture-"))
    sys.path.insert(0, str(REPO))
    from tests.sip.harness import ScenarioFailed

    try:
        r = run(work, args.every, args.cases, args.offset, tuple(args.also))
    except ScenarioFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    rows = table(r)
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")
    if args.json:
        args.json.write_text(json.dumps(r, indent=1))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok(r) else 1


if __name__ == "__main__":
    raise SystemExit(main())
