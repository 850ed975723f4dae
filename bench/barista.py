"""Barista benchmark: spoken coffee orders in kitchen noise, through the real voice pipeline.

    python -m bench.barista --audio DIR --labels LABELS.json --noise NOISE \
        --snr clean 24 21 18 15 12 9 6 --json OUT.json [--limit N]

For every recording (``.wav``/``.flac`` in DIR with a label; labels are keyed by file name, matched on the
stem) and every condition: mix the noise as the Picovoice speech-to-intent benchmark does
(:mod:`bench.noise`), endpoint with webrtcvad (the span from the first utterance's start to the last one's
end is one turn; ``--turns split`` makes every utterance its own turn), transcribe with Whisper biased by the
catalog's names, hand the text to a fresh dialogue ``Session`` over the café catalog, and turn the first
cart line into the label schema with :func:`line_to_slots`. Scoring follows their ``engine.py``: a
recording is correct only if the intent matches and every labelled slot matches exactly after stripping.

Latency is modelled on the live loop: a speculative decode starts ``speculative_pause_ms`` after the last
voiced frame and is reused at the endpoint (``end_silence_ms``), so end of speech -> first reply audio is
``max(speculative_pause + decode, end_silence) + dialogue + TTS of the first sentence``, with decode,
dialogue and TTS measured. With semantic endpointing (``--semantic-end MS``, default the endpointer's
``semantic_end_ms``; 0 = off) a transcript that ``dialogue.completeness.is_complete`` calls a whole turn (checked
on a fresh session, the state before a one-command turn) ends at ``max(semantic_end, speculative_pause +
decode)`` instead; ``latency_fixed_*`` in the summary is the same turn without it. RTF is processing time (VAD + ASR + dialogue + TTS) over audio time.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from bench.noise import Mixer, phone_line
from voice.audio import AudioChunk, read_audio
from voice.vad import ENGINES, EndpointConfig, Endpointer, segment, speech_span

SNR_ORDER = ("clean", "24", "21", "18", "15", "12", "9", "6")
_SPOKEN_NUMBERS = {"8": "eight", "12": "twelve", "16": "sixteen", "20": "twenty", "10": "ten", "24": "twenty four"}


def line_to_slots(line: Any, product: Any) -> dict[str, str]:
    """THE mapping from a cart line to the benchmark's label schema (one fixed function).

    coffeeDrink = product name; size, roast, numberOfShots = option value names (digits spoken as words,
    "12 ounce" -> "twelve ounce"); milkAmount / sugarAmount = the shopper's amount words
    (``SelectedOption.qualifier``) + the milk / sweetener value name.
    """
    slots = {"coffeeDrink": str(line.name).lower()}
    for opt in line.options:
        group = product.group(opt.group) if product is not None else None
        value = group.value(opt.value) if group is not None else None
        name = (value.name if value is not None else opt.value).lower()
        if opt.group == "size":
            slots["size"] = " ".join(_SPOKEN_NUMBERS.get(w, w) for w in name.split())
        elif opt.group == "roast":
            slots["roast"] = name
        elif opt.group == "shots":
            slots["numberOfShots"] = name
        elif opt.group == "milk" and opt.amount != "none":
            slots["milkAmount"] = f"{opt.qualifier} {name}".strip()
        elif opt.group == "sweetener" and opt.amount != "none":
            slots["sugarAmount"] = f"{opt.qualifier} {name}".strip()
    return slots


def correct(label: dict[str, Any], inference: dict[str, Any] | None) -> bool:
    """Picovoice ``engine.py``: intent equal and every labelled slot present and equal after strip()."""
    if inference is None or label["intent"] != inference.get("intent"):
        return False
    for slot, value in label["slots"].items():
        got = inference["slots"].get(slot)
        if got is None or got.strip() != value.strip():
            return False
    return True


def first_wrong_slot(label: dict[str, Any], inference: dict[str, Any] | None) -> str:
    if inference is None:
        return "no order"
    for slot, value in label["slots"].items():
        got = inference["slots"].get(slot)
        if got is None:
            return f"missing {slot}"
        if got.strip() != value.strip():
            return f"wrong {slot}"
    return "ok"


def _norm_words(text: str) -> str:
    t = text.lower().replace("-", " ")
    t = re.sub(r"\d+", lambda m: f" {_SPOKEN_NUMBERS.get(m.group(0), m.group(0))} ", t)
    return " " + " ".join(re.findall(r"[a-z']+", t)) + " "


def slot_recall(label: dict[str, Any], transcript: str) -> tuple[int, int]:
    """ASR-only check: how many labelled slot phrases occur word for word in the transcript."""
    heard = _norm_words(transcript)
    slots = [v for v in label["slots"].values()]
    return sum(1 for v in slots if _norm_words(v) in heard), len(slots)


@dataclass
class FileResult:
    ok: bool
    error: str
    transcript: str
    latency_ms: float
    proc_ms: float
    audio_s: float
    recall: tuple[int, int]
    inference: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class Runner:
    def __init__(self, args: argparse.Namespace):
        from catalog.bundled import open_store
        from dialogue.lexicon import Lexicon
        from voice.asr import WhisperSettings, WhisperTranscriber
        from voice.pipeline import VoicePipeline, catalog_hotwords, catalog_prompt
        from voice.tts import Pyttsx3Synthesizer

        self.tmp = tempfile.TemporaryDirectory(prefix="barista-bench-")
        self.store = open_store(Path(self.tmp.name) / "cafe.sqlite3", catalog="cafe")
        self.lexicon = Lexicon.for_store(self.store)
        literal = None if args.prompt in (None, "catalog", "roundrobin", "grouped", "products", "none") else args.prompt
        settings = WhisperSettings(beam_size=args.beam, cpu_threads=args.threads, initial_prompt=literal)
        settings.encoder_pad_s = None if args.encoder_pad == "off" else float(args.encoder_pad)
        settings.nbest = args.nbest
        if args.nbest_weight is not None:
            settings.nbest_weight = args.nbest_weight
        settings.nbest_amounts = args.nbest_amounts == "on"
        if args.model:
            settings.model = args.model
        self.transcriber = WhisperTranscriber(settings)
        self.transcriber.warm_up()
        if args.hotwords == "catalog":
            hot: str | None = catalog_hotwords(self.store.products())
        elif args.hotwords == "none":
            hot = None
        else:
            hot = args.hotwords
        self.hotwords = hot
        if args.prompt in ("catalog", "products"):
            prompt = catalog_prompt(self.store.products(), options=args.prompt == "catalog")
        elif args.prompt in ("roundrobin", "grouped"):
            prompt = catalog_prompt(self.store.products(), compact=args.prompt == "grouped", grouped=args.prompt == "grouped")
        else:
            prompt = None
        self.pipeline = VoicePipeline(
            self.transcriber, Pyttsx3Synthesizer(), output_rate=16000, hotwords=hot, prompt=prompt
        )
        if args.second_pass != "off" and prompt:
            from voice.second_pass import second_pass

            # as voicecart builds it ([voice] asr_second_pass); "respell-only" keeps the decodes out
            self.pipeline.second_pass = second_pass(self.store.products(), prompt, respell=args.respell == "on",
                                                    alternatives=args.alternatives == "on",
                                                    limit=0 if args.second_pass == "respell-only" else 2)
        self.endpoint = replace(vad_config(args), semantic_end_ms=args.semantic_end)
        self.split = args.turns == "split"

    def run(self, samples: np.ndarray) -> tuple[dict[str, Any] | None, str, float, float, dict[str, Any]]:
        """(inference, transcript, latency_ms, processing_ms, extra) for one mixed recording."""
        from dialogue.session import Session

        t0 = time.perf_counter()
        audio = AudioChunk.from_float32(samples.astype(np.float32), 16000)
        if self.split:
            pieces = [u.audio for u in segment(audio, self.endpoint)]
        else:
            span = speech_span(audio, self.endpoint)
            pieces = [span] if span is not None else []
        vad_ms = (time.perf_counter() - t0) * 1000.0
        if not pieces:
            return None, "", float("nan"), vad_ms, {"error": "no speech found"}
        turns = self.pipeline.session(Session(self.store, lexicon=self.lexicon), channel="kiosk")
        texts: list[str] = []
        proc = vad_ms
        latency = float("nan")
        extra: dict[str, Any] = {}
        for piece in pieces:
            result = turns.process(piece)
            tr = result.trace
            decode = tr.decode_ms
            after = (tr.marks["first_audio"] - tr.marks["transcript"]) * 1000.0 if "transcript" in tr.marks else 0.0
            proc += (tr.marks.get("tts", tr.marks["endpoint"]) - tr.marks["endpoint"]) * 1000.0
            spec = self.endpoint.speculative_pause_ms
            fixed = max(spec + decode, float(self.endpoint.end_silence_ms)) + after
            latency = fixed
            extra["latency_fixed_ms"] = round(fixed, 1)
            if self.endpoint.semantic_end_ms and result.transcript is not None and not result.transcript.empty:
                from dialogue.completeness import is_complete

                whole = is_complete(Session(self.store, lexicon=self.lexicon), result.transcript.text)
                extra["complete"] = whole
                if whole:
                    latency = max(float(self.endpoint.semantic_end_ms), spec + decode) + after
            if result.transcript is not None:
                texts.append(result.transcript.raw_text if result.transcript.empty else result.transcript.text)
                if result.transcript.rejected:
                    extra["rejected"] = result.transcript.rejected
            extra["reply"] = result.reply.text
            if tr.second_pass != "none":
                extra["second_pass"] = tr.second_pass
        conv: Any = turns.conversation
        lines = list(conv.cart.lines)
        transcript = " | ".join(t for t in texts if t)
        if not lines:
            return None, transcript, latency, proc, extra
        product = self.store.get_product(lines[0].sku)
        return {"intent": "orderDrink", "slots": line_to_slots(lines[0], product)}, transcript, latency, proc, extra


@dataclass
class Turns:
    """What the streaming endpointer made of one recording: (start_ms, end_ms, decided_at_ms, reason) per
    utterance, ``discarded`` bursts counted."""

    utts: list[tuple[float, float, float, str]]
    discarded: int


def stream_turns(samples: np.ndarray, config: EndpointConfig) -> Turns:
    audio = AudioChunk.from_float32(samples.astype(np.float32), 16000)
    ep = Endpointer(config)
    events = []
    for block in audio.split(40):  # as the live loop feeds it
        events.extend(ep.feed(block))
    events.extend(ep.flush())
    utts = [(e.utterance.start_ms, e.utterance.end_ms, e.at_ms, e.utterance.reason)
            for e in events if e.kind == "speech_end" and e.utterance is not None]
    return Turns(utts, sum(1 for e in events if e.kind == "discarded"))


def span_errors(ref: tuple[float, float], got: Turns, slack_ms: float = 300.0) -> dict[str, Any]:
    """One noisy recording's turns against the clean recording's speech span ``ref`` (same endpointer).

    ``turns``: utterances; ``stray``: utterances that do not overlap ``ref`` widened by ``slack_ms`` (a clack
    taken for a turn); ``cut``: the speech span misses more than 150 ms of ``ref`` at either end (or nothing
    overlaps it); ``late_end`` / ``early_start``: the span runs past ``ref``'s end / starts before its start by
    more than ``slack_ms``; ``end_missed``: the utterance holding the end of speech was closed by the file's
    end or the length limit, not by silence; ``end_delay_ms``: when that utterance's end was decided, after
    ``ref``'s end (the endpointing part of the reply latency).
    """
    s0, e0 = ref
    inside = [u for u in got.utts if u[1] >= s0 - slack_ms and u[0] <= e0 + slack_ms]
    out: dict[str, Any] = {"turns": len(got.utts), "stray": len(got.utts) - len(inside)}
    if not inside:
        return {**out, "cut": True, "late_end": False, "early_start": False, "end_missed": False, "end_delay_ms": None}
    start, end = inside[0][0], inside[-1][1]
    last = inside[-1]
    return {
        **out,
        "cut": start > s0 + 150 or end < e0 - 150,
        "late_end": end > e0 + slack_ms,
        "early_start": start < s0 - slack_ms,
        "end_missed": last[3] in ("flush", "max_length"),
        "end_delay_ms": None if last[3] in ("flush", "max_length") else last[2] - e0,
    }


def span_study(args: argparse.Namespace, files: list[Path], noise: np.ndarray) -> dict[str, Any]:
    """``--spans``: the endpointers alone (no recognizer) on every condition; see :func:`span_errors`."""
    engines = args.engines or list(ENGINES)
    base = vad_config(args)
    cleans = [line(read_audio(p).convert(16000, 2, 1).to_float32().astype(np.float64), args.line) for p in files]
    result: dict[str, Any] = {"files": len(files), "line": args.line, "engines": {}}
    print(f"{len(files)} recordings; endpointers {engines}; line {args.line}")
    print(f"{'engine':>9} {'cond':>5} {'turns':>6} {'stray':>6} {'cut':>6} {'late end':>9} {'early st':>9} "
          f"{'end missed':>10} {'end delay p50/p95 ms':>21} {'ms per s':>9}")
    for engine in engines:
        cfg = replace(base, engine=engine)
        refs: list[tuple[float, float] | None] = []
        for clean in cleans:
            t = stream_turns(clean, cfg)
            refs.append((t.utts[0][0], t.utts[-1][1]) if t.utts else None)
        per: dict[str, Any] = {"clean_spans_found": sum(r is not None for r in refs)}
        if engine != engines[0]:
            # the clean recordings against the first endpointer's clean spans: does this one keep all the speech?
            first = result["engines"][engines[0]]["_refs"]
            rows = [span_errors(r0, Turns([(r[0], r[1], r[1], "silence")], 0)) for r0, r in zip(first, refs, strict=True)
                    if r0 is not None and r is not None]
            starts = [r[0] - r0[0] for r0, r in zip(first, refs, strict=True) if r0 is not None and r is not None]
            ends = [r[1] - r0[1] for r0, r in zip(first, refs, strict=True) if r0 is not None and r is not None]
            per["clean_vs_" + engines[0]] = {
                "cut": round(sum(r["cut"] for r in rows) / max(1, len(rows)), 4),
                "start_diff_p50_ms": percentile(starts, 50), "end_diff_p5_p50_p95_ms":
                    [percentile(ends, 5), percentile(ends, 50), percentile(ends, 95)],
            }
            print(f"{engine:>9} clean against {engines[0]}'s clean spans: {per['clean_vs_' + engines[0]]}")
        per["_refs"] = refs
        for cond in args.snr:
            mixer = Mixer(noise, None if cond == "clean" else float(cond), seed=args.seed)
            rows = []
            took = audio_s = 0.0
            for ref, path in zip(refs, files, strict=True):
                raw = read_audio(path).convert(16000, 2, 1).to_float32().astype(np.float64)
                mixed = line(mixer.mix(raw), args.line)
                if ref is None:
                    continue
                t0 = time.perf_counter()
                turns = stream_turns(mixed, cfg)
                took += time.perf_counter() - t0
                audio_s += len(mixed) / 16000.0
                rows.append(span_errors(ref, turns))
            n = max(1, len(rows))
            delays = [float(r["end_delay_ms"]) for r in rows if r["end_delay_ms"] is not None]
            summary = {
                "files": len(rows),
                "turns_mean": round(sum(r["turns"] for r in rows) / n, 3),
                "stray_per_file": round(sum(r["stray"] for r in rows) / n, 3),
                **{k: round(sum(bool(r[k]) for r in rows) / n, 4) for k in ("cut", "late_end", "early_start", "end_missed")},
                "end_delay_p50_ms": round(percentile(delays, 50), 1),
                "end_delay_p95_ms": round(percentile(delays, 95), 1),
                "ms_per_audio_s": round(1000.0 * took / max(audio_s, 1e-9), 2),
            }
            per[cond] = summary
            print(f"{engine:>9} {cond:>5} {summary['turns_mean']:>6.2f} {summary['stray_per_file']:>6.2f} "
                  f"{summary['cut']:>6.3f} {summary['late_end']:>9.3f} {summary['early_start']:>9.3f} "
                  f"{summary['end_missed']:>10.3f} {summary['end_delay_p50_ms']:>10.0f} / {summary['end_delay_p95_ms']:<8.0f} "
                  f"{summary['ms_per_audio_s']:>9.2f}")
            sys.stdout.flush()
        result["engines"][engine] = per
    for per in result["engines"].values():
        per.pop("_refs", None)
    return result


def vad_config(args: argparse.Namespace) -> EndpointConfig:
    """The endpointer's defaults, ``--vad`` and every ``--vad-set FIELD=VALUE`` (the ``[voice] vad_*`` keys)."""
    settings: dict[str, object] = {"vad_engine": args.vad}
    for item in args.vad_set or ():
        key, _, value = item.partition("=")
        if key not in EndpointConfig.__dataclass_fields__:
            raise SystemExit(f"bench.barista: --vad-set {item!r}: no endpointer setting {key!r}")
        settings[f"vad_{key}"] = value if key == "engine" else float(value) if "." in value else int(value)
    return EndpointConfig.from_settings(settings)


def line(samples: np.ndarray, kind: str) -> np.ndarray:
    """The channel after the noise: ``none`` (a kiosk microphone) or ``g711`` (a PCMU phone call)."""
    return phone_line(samples) if kind == "g711" else samples


def load_labels(path: Path) -> dict[str, dict[str, Any]]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {Path(name).stem: label for name, label in raw.items()}


def list_audio(folder: Path, labels: dict[str, Any]) -> list[Path]:
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".wav", ".flac") and p.stem in labels)
    if not files:
        raise SystemExit(f"bench.barista: no labelled .wav/.flac files in {folder}")
    return files


def percentile(values: list[float], q: float) -> float:
    vals = sorted(v for v in values if v == v)
    if not vals:
        return float("nan")
    k = min(len(vals) - 1, max(0, int(round(q / 100.0 * (len(vals) - 1)))))
    return vals[k]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.barista", description=__doc__.split("\n\n")[0])
    ap.add_argument("--audio", required=True, type=Path, help="folder of .wav/.flac recordings")
    ap.add_argument("--labels", required=True, type=Path, help="labels JSON (file name -> intent, slots)")
    ap.add_argument("--noise", required=True, type=Path, help="noise recording to mix in")
    ap.add_argument("--snr", nargs="+", default=list(SNR_ORDER), help="conditions: clean and/or SNRs in dB")
    ap.add_argument("--json", type=Path, help="write the summary here")
    ap.add_argument("--limit", type=int, default=None, help="only the first N recordings (sorted by name)")
    ap.add_argument("--details", type=Path, help="write one JSON line per recording and condition")
    ap.add_argument("--seed", type=int, default=0, help="noise-offset seed (one generator per condition)")
    ap.add_argument("--beam", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--model", default=None, help="Whisper model directory (default: bundled tiny.en)")
    ap.add_argument("--hotwords", default="none", help="'catalog', 'none' (default) or a literal string")
    ap.add_argument("--prompt", default="catalog", help="Whisper initial_prompt: 'catalog' (default: by relevance), 'roundrobin' (the previous one), 'grouped', 'products', 'none' or text")
    ap.add_argument("--turns", choices=("span", "split"), default="span")
    ap.add_argument("--second-pass", choices=("on", "off", "respell-only"), default="on",
                    help="voice.second_pass as the product builds it (on, the default), none (off: the benchmark "
                         "before 2026-12-02 round 4), or only its respelling of unplaced words (no second decode)")
    ap.add_argument("--alternatives", choices=("on", "off"), default="on",
                    help="with --second-pass on: a turn that names no product takes the first decode's best other "
                         "beam candidate that names one")
    ap.add_argument("--respell", choices=("on", "off"), default="on",
                    help="with --second-pass on: respell words the catalog does not place by sound (SoundsLike.respell)")
    ap.add_argument("--nbest", type=int, default=5, help="beam candidates rescored on catalog words (0/1: off)")
    ap.add_argument("--nbest-weight", type=float, default=None, help="score per catalog word (default: the setting's)")
    ap.add_argument("--nbest-amounts", choices=("on", "off"), default="on",
                    help="amount words before a catalog phrase count as catalog words when rescoring (on: the default)")
    ap.add_argument("--semantic-end", type=int, default=EndpointConfig().semantic_end_ms,
                    help="ms of silence that end a turn the dialogue calls whole (0: off)")
    ap.add_argument("--encoder-pad", default="8", help="seconds of encoder padding after the audio, or 'off' (30 s)")
    ap.add_argument("--vad", choices=ENGINES, default=EndpointConfig().engine,
                    help="which frames are speech for the endpointer (default: the setting's default)")
    ap.add_argument("--line", choices=("none", "g711"), default="none",
                    help="g711: after the noise, a PCMU phone line (8 kHz, mu-law, back to 16 kHz)")
    ap.add_argument("--spans", action="store_true",
                    help="measure the endpointers' turn spans only (no recognizer): each noisy recording against "
                         "the same endpointer on the clean one")
    ap.add_argument("--vad-set", action="append", metavar="FIELD=VALUE",
                    help="an endpointer setting (voice.vad.EndpointConfig field), e.g. silero_threshold=0.6")
    ap.add_argument("--engines", nargs="+", choices=ENGINES, help="with --spans: which endpointers (default: all)")
    args = ap.parse_args(argv)

    labels = load_labels(args.labels)
    files = list_audio(args.audio, labels)[: args.limit]
    noise = read_audio(args.noise).convert(16000, 2, 1).to_float32().astype(np.float64)
    if args.spans:
        spans = span_study(args, files, noise)
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(spans, indent=2) + "\n", encoding="utf-8")
        return 0
    runner = Runner(args)
    details = args.details.open("w", encoding="utf-8") if args.details else None
    by_snr: dict[str, float] = {}
    recall_by: dict[str, float] = {}
    errors: dict[str, Counter[str]] = {}
    latencies: list[float] = []
    fixed: list[float] = []
    whole = 0
    proc_total = 0.0
    audio_total = 0.0
    print(f"{len(files)} recordings x {len(args.snr)} conditions; hotwords={args.hotwords!r} beam={args.beam} "
          f"vad={args.vad} line={args.line}")
    for cond in args.snr:
        snr = None if cond == "clean" else float(cond)
        mixer = Mixer(noise, snr, seed=args.seed)
        n_ok = 0
        hits = total = 0
        errs: Counter[str] = Counter()
        for path in files:
            clean = read_audio(path).convert(16000, 2, 1).to_float32().astype(np.float64)
            mixed = line(mixer.mix(clean), args.line)
            label = labels[path.stem]
            inference, transcript, latency, proc_ms, extra = runner.run(mixed)
            ok = correct(label, inference)
            n_ok += ok
            h, t = slot_recall(label, transcript)
            hits, total = hits + h, total + t
            err = "ok" if ok else extra.get("error") or first_wrong_slot(label, inference)
            errs[err] += 1
            latencies.append(latency)
            fixed.append(extra.get("latency_fixed_ms", latency))
            whole += bool(extra.get("complete"))
            proc_total += proc_ms
            audio_total += len(clean) / 16000.0
            if details is not None:
                details.write(json.dumps({
                    "file": path.name, "snr": cond, "ok": ok, "error": err, "transcript": transcript,
                    "label": label["slots"], "inference": inference and inference["slots"],
                    "latency_ms": round(latency, 1), **extra,
                }) + "\n")
        by_snr[cond] = n_ok / len(files)
        recall_by[cond] = hits / max(1, total)
        errors[cond] = errs
        print(f"  {cond:>5}: accuracy {by_snr[cond]:.3f}  slot-phrase recall {recall_by[cond]:.3f}  "
              f"errors {dict(errs.most_common(4))}")
        sys.stdout.flush()
    if details is not None:
        details.close()
    noisy = [by_snr[c] for c in by_snr if c != "clean" and 6 <= float(c) <= 24]
    summary: dict[str, Any] = {
        "files": len(files),
        "by_snr": {k: round(v, 4) for k, v in by_snr.items()},
        "average_6_24": round(statistics.mean(noisy), 4) if noisy else None,
        "latency_p50_ms": round(percentile(latencies, 50), 1),
        "latency_p95_ms": round(percentile(latencies, 95), 1),
        "latency_fixed_p50_ms": round(percentile(fixed, 50), 1),
        "latency_fixed_p95_ms": round(percentile(fixed, 95), 1),
        "semantic_end_ms": args.semantic_end,
        "turns_called_whole": round(whole / max(1, len(latencies)), 4),
        "rtf": round(proc_total / 1000.0 / max(audio_total, 1e-9), 4),
        "asr_full_window_fallbacks": runner.transcriber.fallbacks,
        "asr_rescored": runner.transcriber.rescored,
        "slot_phrase_recall": {k: round(v, 4) for k, v in recall_by.items()},
        "errors": {k: dict(v) for k, v in errors.items()},
        "settings": {"vad": args.vad, "line": args.line, "encoder_pad_s": args.encoder_pad, "beam": args.beam, "hotwords": args.hotwords, "prompt": args.prompt, "turns": args.turns, "second_pass": args.second_pass, "respell": args.respell, "alternatives": args.alternatives, "nbest_amounts": args.nbest_amounts, "nbest": args.nbest, "nbest_weight": runner.transcriber.settings.nbest_weight,
                     "seed": args.seed, "model": str(runner.transcriber.model_dir)},
    }
    print("\ncondition  accuracy")
    for k, v in summary["by_snr"].items():
        print(f"{k:>9}  {v:.3f}")
    print(f"average 6-24 dB: {summary['average_6_24']}  latency p50 {summary['latency_p50_ms']} ms "
          f"p95 {summary['latency_p95_ms']} ms (without semantic endpointing {summary['latency_fixed_p50_ms']} / "
          f"{summary['latency_fixed_p95_ms']} ms; {summary['turns_called_whole']:.0%} called whole)  RTF {summary['rtf']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
