"""Speech output: time per sentence and lost utterances for each local synthesizer.

    python -m bench.tts [--n 300] [--rate 16000] [--fresh 10] [--json OUT.json]

For each engine (``espeak``: the espeak-ng command line; ``pyttsx3``: pyttsx3's espeak driver in process;
``piper``: the Piper voice in its own process, ``--engines piper``)
it renders ``--n`` reply sentences (the dialogue's typical replies, made unique so nothing is cached) and
reports the median and p95 time per sentence, the audio length, and how many sentences the engine did not
produce itself (a pyttsx3 fallback, a retry, an error). ``--fresh K`` also starts K new processes and times
each one's *first* sentence (the demo's greeting): the cold start is where pyttsx3 used to lose audio.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from typing import Any

REPLIES = (
    "Hi, welcome to our shop. What can I get you?",
    "One large latte with oat milk.",
    "That's five twenty five.",
    "Is that right? Say yes to place the order.",
    "Your order is one large latte with oat milk and one small dark roast coffee.",
    "Anything else?",
    "Thank you! Your order is placed. Your order number is two six nine seven.",
    "Sorry, I didn't catch that. Could you say it again?",
)


def _pct(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def run_engine(kind: str, n: int, rate: int) -> dict[str, Any]:
    from voice.tts import EspeakSynthesizer, Pyttsx3Synthesizer

    synth: Any
    if kind == "piper":  # the voice is loaded first (warm_up), as a running kiosk or bridge has it
        from voice.piper import PiperSynthesizer

        synth = PiperSynthesizer(cache_size=0)
        synth.warm_up()
    else:
        synth = EspeakSynthesizer(cache_size=0) if kind == "espeak" else Pyttsx3Synthesizer(cache_size=0)
    times: list[float] = []
    audio_s: list[float] = []
    errors = 0
    for i in range(n):
        text = f"{REPLIES[i % len(REPLIES)]} Number {i}."
        t0 = time.perf_counter()
        try:
            chunk = synth.synthesize(text, rate)
        except Exception:  # noqa: BLE001 - counted
            errors += 1
            continue
        times.append((time.perf_counter() - t0) * 1000.0)
        audio_s.append(chunk.seconds)
        if chunk.seconds < 0.5:
            errors += 1
    out: dict[str, Any] = {
        "engine": kind,
        "sentences": n,
        "ms_p50": round(statistics.median(times), 1) if times else None,
        "ms_p95": round(_pct(times, 0.95), 1) if times else None,
        "audio_s_mean": round(statistics.fmean(audio_s), 2) if audio_s else None,
        "errors": errors,
    }
    if kind == "pyttsx3":
        out["fallbacks"] = synth.failures
        out["retries"] = synth.retries
    return out


_FIRST = """
import time, logging, sys
logging.basicConfig(level=logging.WARNING)
from voice.tts import default_synthesizer
s = default_synthesizer({{"tts": "{kind}"}})
t0 = time.perf_counter()
c = s.synthesize("Hi, welcome to our shop. What can I get you?", {rate})
print(round((time.perf_counter() - t0) * 1000, 1), round(c.seconds, 2), getattr(s, "failures", 0), getattr(s, "retries", 0))
"""


def first_sentence(kind: str, k: int, rate: int) -> dict[str, Any]:
    times: list[float] = []
    bad = 0
    warnings = 0
    for _ in range(k):
        p = subprocess.run([sys.executable, "-c", _FIRST.format(kind=kind, rate=rate)], capture_output=True, text=True)
        if p.returncode != 0:
            bad += 1
            continue
        ms, secs, fails, _retries = p.stdout.split()[-4:]
        times.append(float(ms))
        bad += int(fails) > 0 or float(secs) < 0.5
        warnings += "WARNING" in p.stderr
    return {
        "engine": kind,
        "processes": k,
        "first_ms_p50": round(statistics.median(times), 1) if times else None,
        "first_ms_max": round(max(times), 1) if times else None,
        "lost_or_fallback": bad,
        "warnings": warnings,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--rate", type=int, default=16000)
    ap.add_argument("--fresh", type=int, default=10)
    ap.add_argument("--engines", nargs="+", default=["espeak", "pyttsx3"], choices=["espeak", "pyttsx3", "piper"])
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    report: dict[str, Any] = {"warm": [], "first": []}
    for kind in args.engines:
        r = run_engine(kind, args.n, args.rate)
        report["warm"].append(r)
        print(json.dumps(r))
        if args.fresh:
            f = first_sentence(kind, args.fresh, args.rate)
            report["first"].append(f)
            print(json.dumps(f))
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(report, fh, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
