"""Live latency: synthesised shopper lines played through the real kiosk loop, timed from its own trace.

    python -m bench.live_latency --rounds 4 --json OUT.json [--vad-engine silero] [--config EXTRA.toml]

A private PulseAudio daemon (its own runtime directory; killed at the end) holds two null sinks: ``vsink``,
whose monitor is the kiosk's microphone, and ``kiosk_out``, the kiosk's speaker (so the assistant does not
hear itself). ``voicecart listen --device pulse --output-device pulse --trace FILE`` runs as a child process
with its usual settings; each shopper line (espeak-ng, another voice than the assistant's, written to a WAV)
is played into ``vsink`` with ``paplay`` half a second after the previous reply has finished playing (the loop
writes a turn's trace line then; the greeting, which has none, is given the time it takes to say). A shopper who
talks over a reply would measure the queue behind it, not the pipeline.
One round is one conversation (the demo's five lines: an order, a second item, a question, "that's all",
"yes please"); every round is a fresh process.

The figures come from the trace the loop writes (one clock, ``time.perf_counter``, the same one the console's
"[N ms from end of speech to first audio]" uses): ``first_audio_ms`` p50/p95 and its breakdown per turn:
``endpoint`` (end of speech -> endpoint decision: the trailing silence waited for), ``decode`` (endpoint ->
transcript: what was left of the decode after the endpoint; ~0 when the speculative decode was reused and had
finished), ``dialogue`` (transcript -> reply text) and ``speech`` (reply text -> first audio out: synthesis
of the first sentence and the speaker starting).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

LINES = (
    "Hi, can I get a large latte with oat milk please?",
    "And a small dark roast coffee.",
    "What's in my cart?",
    "That's all.",
    "Yes, please.",
)
SECONDS_PER_WORD = 0.36  # espeak-ng at its default rate: how long to let a reply play before the next line


def percentile(values: list[float], q: float) -> float:
    vals = sorted(values)
    if not vals:
        return float("nan")
    k = min(len(vals) - 1, max(0, int(round(q / 100.0 * (len(vals) - 1)))))
    return vals[k]


class Pulse:
    """A private PulseAudio daemon with the two null sinks; ``env`` points clients at it."""

    def __init__(self, runtime: Path):
        for tool in ("pulseaudio", "pactl", "paplay"):
            if shutil.which(tool) is None:
                raise SystemExit(f"bench.live_latency: {tool} is not installed (scripts/setup.sh installs pulseaudio)")
        self.env = dict(os.environ, PULSE_RUNTIME_PATH=str(runtime), XDG_RUNTIME_DIR=str(runtime),
                        PULSE_SERVER=f"unix:{runtime}/native")
        self.proc = subprocess.Popen(
            ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "-n",
             "--load=module-null-sink sink_name=vsink", "--load=module-null-sink sink_name=kiosk_out",
             "--load=module-native-protocol-unix", "--load=module-always-sink"],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if subprocess.run(["pactl", "info"], env=self.env, capture_output=True).returncode == 0:
                break
            if self.proc.poll() is not None:
                raise SystemExit("bench.live_latency: pulseaudio exited at start")
            time.sleep(0.1)
        else:
            raise SystemExit("bench.live_latency: pulseaudio did not come up within 10 s")
        subprocess.run(["pactl", "set-default-source", "vsink.monitor"], env=self.env, check=True, capture_output=True)
        subprocess.run(["pactl", "set-default-sink", "kiosk_out"], env=self.env, check=True, capture_output=True)

    def play(self, wav: Path) -> None:
        subprocess.run(["paplay", "-d", "vsink", str(wav)], env=self.env, check=True, timeout=60)

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def shopper_wavs(folder: Path) -> list[Path]:
    from voice.audio import concat, silence, write_wav
    from voice.demo import SHOPPER_VOICE
    from voice.tts import EspeakSynthesizer

    synth = EspeakSynthesizer(voice=SHOPPER_VOICE)
    out = []
    for i, text in enumerate(LINES):
        audio = concat([silence(300), synth.synthesize(text, 16000), silence(300)])
        out.append(write_wav(folder / f"line{i}.wav", audio))
    return out


def run_round(pulse: Pulse, wavs: list[Path], config: Path, trace: Path, timeout_s: float) -> list[str]:
    """One conversation in a fresh ``voicecart listen``; returns its console output."""
    env = dict(pulse.env, PULSE_SINK="kiosk_out", PULSE_SOURCE="vsink.monitor")
    proc = subprocess.Popen(
        [sys.executable, "-u", "-m", "voice.cli", "--config", str(config), "listen", "--device", "pulse",
         "--output-device", "pulse", "--trace", str(trace), "--max-turns", str(len(wavs)),
         "--max-seconds", str(int(timeout_s))],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )
    out: list[str] = []
    replies: list[str] = []
    said = threading.Condition()

    def read() -> None:
        assert proc.stdout is not None
        for text in proc.stdout:
            out.append(text)
            if text.startswith("assistant:"):
                with said:
                    replies.append(text)
                    said.notify_all()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    def finished(n: int) -> bool:
        """The loop writes a turn's trace line when its reply has finished playing (or was cut)."""
        if not trace.exists():
            return n == 0
        return len(trace.read_text(encoding="utf-8").splitlines()) >= n

    try:
        for i, wav in enumerate(wavs):
            with said:  # the greeting, then each reply: the shopper answers once it has been said
                if not said.wait_for(lambda n=i: len(replies) > n or proc.poll() is not None, timeout=timeout_s):
                    raise RuntimeError("no reply within the timeout:\n" + "".join(out))
            if proc.poll() is not None:
                break
            if i == 0:  # the greeting writes no trace line: give it the time it takes to say
                time.sleep(0.5 + SECONDS_PER_WORD * (len(replies[0].split()) - 1))
            else:
                deadline = time.monotonic() + timeout_s
                while not finished(i) and proc.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.05)
                time.sleep(0.5)  # the shopper's own pause before answering
            pulse.play(wav)
        proc.wait(timeout=timeout_s)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        reader.join(timeout=5)
    return out


def summarize(records: list[dict[str, Any]]) -> dict[str, Any]:
    turns = [r for r in records if "first_audio_ms" in r and not r.get("error")]

    def part(r: dict[str, Any], name: str) -> float:
        ep = float(r["endpoint_delay_ms"])
        tr = float(r.get("transcript_ms", ep))
        rep = float(r.get("reply_ms", tr))
        return {"endpoint": ep, "decode": tr - ep, "dialogue": rep - tr, "speech": float(r["first_audio_ms"]) - rep}[name]

    first = [float(r["first_audio_ms"]) for r in turns]
    out: dict[str, Any] = {
        "turns": len(turns),
        "first_audio_p50_ms": round(percentile(first, 50), 1),
        "first_audio_p95_ms": round(percentile(first, 95), 1),
        "first_audio_mean_ms": round(statistics.mean(first), 1) if first else None,
        "speculative_reused": sum(r.get("speculative") == "reused" for r in turns),
        "ended_at_short_pause": sum(float(r["endpoint_delay_ms"]) < 500 for r in turns),
    }
    for name in ("endpoint", "decode", "dialogue", "speech"):
        vals = [part(r, name) for r in turns]
        out[f"{name}_p50_ms"] = round(percentile(vals, 50), 1)
        out[f"{name}_p95_ms"] = round(percentile(vals, 95), 1)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.live_latency", description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=4, help="conversations (fresh processes) of five turns")
    ap.add_argument("--json", type=Path, help="write the summary and every turn here")
    ap.add_argument("--vad-engine", default=None, help="[voice] vad_engine for the kiosk (default: its default)")
    ap.add_argument("--voice", action="append", default=[], metavar="KEY=VALUE",
                    help="another [voice] setting as TOML, e.g. tts='\"espeak\"' (repeatable)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds a round may take")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="live-latency-") as tmp:
        work = Path(tmp)
        runtime = work / "pulse"
        runtime.mkdir()
        voice = [f'vad_engine = "{args.vad_engine}"'] if args.vad_engine else []
        voice += args.voice
        config = work / "voicecart.toml"
        config.write_text(f'[voicecart]\ndata_dir = "{work / "data"}"\n[voice]\n' + "".join(v + "\n" for v in voice),
                          encoding="utf-8")
        wavs = shopper_wavs(work)
        pulse = Pulse(runtime)
        records: list[dict[str, Any]] = []
        try:
            for n in range(args.rounds):
                trace = work / f"trace{n}.jsonl"
                out = run_round(pulse, wavs, config, trace, args.timeout)
                got = [json.loads(x) for x in trace.read_text(encoding="utf-8").splitlines()] if trace.exists() else []
                got = [r for r in got if r.get("turn", 0) > 0]  # the greeting is no shopper turn
                for r in got:
                    r["round"] = n
                records.extend(got)
                heard = [x.strip() for x in out if x.startswith("you:")]
                print(f"round {n + 1}: {len(got)} turns; " + "; ".join(heard), flush=True)
        finally:
            pulse.close()
    summary = summarize(records)
    print(json.dumps(summary, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"summary": summary, "turns": records, "settings": vars(args)}, indent=2,
                                        default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
