"""``voicecart demo``: a spoken café conversation through the whole pipeline, with no microphone.

The shopper's lines are synthesized at run time with espeak-ng (a different voice from the assistant's),
padded with silence and faint room noise, and streamed in 30 ms blocks through the endpointer exactly as
microphone audio would be (paced in real time unless ``realtime=False``): speculative decode at a short
pause, Whisper at the endpoint, the dialogue, then TTS. It prints each turn with its latency (end of speech
to first reply audio) and writes every reply to ``out_dir`` as WAV, plus the whole conversation.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from voice.audio import AudioChunk, concat, silence, write_wav
from voice.pipeline import Speculation, TurnProcessor, TurnResult
from voice.trace import TraceWriter
from voice.tts import EspeakSynthesizer
from voice.vad import EndpointConfig, Endpointer

if TYPE_CHECKING:
    from voice.cli import Context

SHOPPER_LINES = (
    "Hi, can I get a large latte with oat milk please?",
    "And a small dark roast coffee.",
    "What's in my cart?",
    "That's all.",
    "Yes, please.",
)
SHOPPER_VOICE = "en-us+m3"


def shopper_audio(text: str, synth: EspeakSynthesizer, *, lead_ms: int = 700, trail_ms: int = 1200) -> AudioChunk:
    """A line spoken by the synthetic shopper at 16 kHz with silence around it and faint noise."""
    speech = synth.synthesize(text, 16000)
    padded = concat([silence(lead_ms), speech, silence(trail_ms)])
    noise = np.random.default_rng(len(text)).normal(0.0, 0.0015, padded.frames).astype(np.float32)
    return AudioChunk.from_float32(padded.to_float32() + noise, 16000, timestamp=0)


def stream_turns(
    turns: TurnProcessor,
    audio: AudioChunk,
    config: EndpointConfig | None = None,
    *,
    realtime: bool = True,
    block_ms: int = 30,
    endpointer: Endpointer | None = None,
) -> Iterator[TurnResult]:
    """Feed ``audio`` block by block through an endpointer and run a turn at every endpoint."""
    ep = endpointer or Endpointer(config)
    early: Speculation | None = None
    ep.complete = lambda: early is not None and early.complete()  # semantic endpointing
    t0 = time.perf_counter()
    fed_ms = 0.0
    for block in audio.split(block_ms):
        if realtime:
            ahead = fed_ms / 1000.0 - (time.perf_counter() - t0)
            if ahead > 0:
                time.sleep(ahead)
        fed_ms += block.milliseconds
        for ev in ep.feed(block):
            if ev.kind == "speculative_pause" and ev.utterance is not None:
                early = turns.speculate(ev.utterance.audio)
            elif ev.kind in ("speech_resumed", "discarded"):
                early = None
            elif ev.kind == "speech_end" and ev.utterance is not None:
                u = ev.utterance
                result = turns.process(u.audio, endpoint_delay_ms=ev.at_ms - u.end_ms, early=early)
                early = None
                yield result
                t0 = time.perf_counter() - fed_ms / 1000.0  # the reply took wall time; keep pacing from here
    for ev in ep.flush():
        if ev.kind == "speech_end" and ev.utterance is not None:
            yield turns.process(ev.utterance.audio, endpoint_delay_ms=0.0)


def run_demo(
    ctx: Context,
    out_dir: Path,
    *,
    realtime: bool = True,
    trace_path: str | None = None,
    lines: tuple[str, ...] = SHOPPER_LINES,
    echo: Callable[[str], None] = print,
) -> int:
    from voice.commands import build_pipeline, open_conversation

    out_dir.mkdir(parents=True, exist_ok=True)
    echo("loading the recognizer and the café catalog ...")
    pipeline = build_pipeline(ctx)
    turns = pipeline.session(open_conversation(ctx, session_id="demo"), channel="kiosk", session_id="demo")
    shopper = EspeakSynthesizer(SHOPPER_VOICE, 165)
    writer = TraceWriter(trace_path)
    conversation: list[AudioChunk] = []
    greet = turns.greeting()
    echo(f"assistant: {greet.reply.text}")
    write_wav(out_dir / "reply-00-greeting.wav", greet.audio)
    conversation += [greet.audio.convert(16000), silence(400)]
    latencies: list[float] = []
    n = 0
    for line in lines:
        audio = shopper_audio(line, shopper)
        conversation.append(audio)
        for result in stream_turns(turns, audio, realtime=realtime):
            n += 1
            writer.write(result.trace)
            heard = result.transcript.text if result.transcript is not None else ""
            echo(f"\nshopper said:  {line}")
            echo(f"whisper heard: {heard or '(nothing)'}")
            echo(f"assistant:     {result.reply.text}")
            lat = result.trace.since_speech_end("first_audio")
            if realtime and lat is not None:
                latencies.append(lat)
                echo(
                    f"               end of speech -> first reply audio {lat:.0f} ms "
                    f"(endpoint wait {result.trace.endpoint_delay_ms:.0f} ms, decode {result.trace.decode_ms:.0f} ms, "
                    f"speculative {result.trace.speculative})"
                )
            path = out_dir / f"reply-{n:02d}.wav"
            write_wav(path, result.audio)
            conversation += [result.audio.convert(16000), silence(400)]
            if result.reply.ends_conversation:
                break
    write_wav(out_dir / "conversation.wav", concat(conversation))
    writer.close()
    pipeline.close()
    if latencies:
        lat_sorted = sorted(latencies)
        echo(f"\nlatency p50 {lat_sorted[len(lat_sorted) // 2]:.0f} ms over {len(latencies)} turns")
    echo(f"replies written to {out_dir}/ (conversation.wav has both sides)")
    return 0
