"""The live kiosk loop with real VAD, Whisper, dialogue, TTS and a real (virtual) speaker.

The microphone is scripted: it paces 30 ms blocks in real time and speaks its lines when a condition on
the loop holds (e.g. "the reply is playing"). This is the one fake: a person cannot talk here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from dialogue.session import Session
from voice.audio import AudioChunk, concat, silence
from voice.devices import Speaker
from voice.loop import KioskLoop, LoopSettings
from voice.pipeline import VoicePipeline, catalog_prompt
from voice.trace import TraceWriter
from voice.tts import Pyttsx3Synthesizer

pytestmark = pytest.mark.slow


class ScriptedMic:
    """Real-time 30 ms blocks: silence until a step's condition holds, then that step's speech."""

    def __init__(self, steps: list[tuple[Callable[[], bool], AudioChunk]]):
        self.steps = steps
        self.queue: list[AudioChunk] = []
        self.t0 = time.monotonic()
        self.sent_ms = 0.0

    def read(self, timeout: float | None = 1.0) -> AudioChunk | None:
        due = self.t0 + self.sent_ms / 1000.0
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        if not self.queue and self.steps and self.steps[0][0]():
            self.queue = self.steps.pop(0)[1].split(30)
        block = self.queue.pop(0) if self.queue else silence(30)
        self.sent_ms += block.milliseconds
        return block


def make_loop(whisper: Any, store: Any, half_duplex: bool, tmp_path: Any) -> tuple[KioskLoop, Any]:
    pipeline = VoicePipeline(whisper, Pyttsx3Synthesizer(), output_rate=16000,
                             prompt=catalog_prompt(store.products()))
    turns = pipeline.session(Session(store), channel="kiosk", session_id="loop")
    settings = LoopSettings(half_duplex=half_duplex, max_turns=2, max_seconds=40, idle_reprompt_s=0)
    writer = TraceWriter(tmp_path / "trace.jsonl")
    lines: list[str] = []
    loop = KioskLoop(turns, ScriptedMic([]), Speaker("pulse", rate=16000), settings, trace=writer, echo=lines.append)
    return loop, writer


def test_barge_in_stops_the_reply_and_the_new_utterance_is_heard(
    pulse_sink: str, whisper: Any, cafe_store: Any, speak: Any, tmp_path: Any
) -> None:
    loop, writer = make_loop(whisper, cafe_store, False, tmp_path)
    playing_since: list[float] = []

    def reply_playing() -> bool:
        if loop.results and loop._speaking.is_set():  # noqa: SLF001 - the test watches the loop
            playing_since.append(time.monotonic())
            return time.monotonic() - playing_since[0] > 0.6  # past the echo warm-up
        return False

    greeting_over = lambda: not loop._speaking.is_set() and loop._play_q.empty()  # noqa: E731, SLF001
    loop.source = ScriptedMic([
        (greeting_over, speak("a small coffee please", 300, 0)),
        (reply_playing, speak("make that an espresso", 0, 900)),
    ])
    assert loop.run() == 0
    writer.close()
    assert loop.barge_ins == 1
    assert len(loop.results) == 2
    first, second = loop.results
    assert "coffee" in first.trace.transcript.lower()
    assert first.trace.barged_in, "the first reply should have been cut off"
    assert "espresso" in second.trace.transcript.lower()
    traces = (tmp_path / "trace.jsonl").read_text().splitlines()
    assert len(traces) == 2 and '"barged_in": true' in traces[0]
    assert '"first_audio_ms"' in traces[1]


def test_half_duplex_does_not_listen_while_speaking(
    pulse_sink: str, whisper: Any, cafe_store: Any, speak: Any, tmp_path: Any
) -> None:
    loop, writer = make_loop(whisper, cafe_store, True, tmp_path)
    loop.settings.max_seconds = 14
    greeting_over = lambda: not loop._speaking.is_set() and loop._play_q.empty()  # noqa: E731, SLF001
    loop.source = ScriptedMic([
        (greeting_over, speak("a small coffee please", 300, 0)),
        (lambda: bool(loop.results) and loop._speaking.is_set(), speak("make that an espresso", 0, 300)),  # noqa: SLF001
    ])
    loop.run()
    writer.close()
    assert loop.barge_ins == 0
    assert len(loop.results) == 1 and not loop.results[0].trace.barged_in


def buzz(ms: int = 500) -> AudioChunk:
    """A harmonic buzz: webrtcvad calls it voice, Whisper hears no words (a cough/clatter stand-in)."""
    t = np.arange(int(ms * 16)) / 16000
    saw = sum(np.sin(2 * np.pi * 150 * k * t) / k for k in range(1, 25))
    return AudioChunk.from_float32((0.25 * saw / np.abs(saw).max()).astype(np.float32), 16000)


def test_a_false_interruption_resumes_the_reply(
    pulse_sink: str, whisper: Any, cafe_store: Any, speak: Any, tmp_path: Any
) -> None:
    loop, writer = make_loop(whisper, cafe_store, False, tmp_path)
    playing_since: list[float] = []

    def reply_playing() -> bool:
        if loop.results and loop._speaking.is_set():  # noqa: SLF001
            playing_since.append(time.monotonic())
            return time.monotonic() - playing_since[0] > 0.6
        return False

    greeting_over = lambda: not loop._speaking.is_set() and loop._play_q.empty()  # noqa: E731, SLF001
    loop.source = ScriptedMic([
        (greeting_over, speak("a small coffee please", 300, 0)),
        (reply_playing, concat([buzz(), silence(900)])),
    ])
    loop.run()
    writer.close()
    assert loop.barge_ins == 1 and loop.false_interruptions == 1
    first, cough = loop.results
    assert first.trace.barged_in and cough.transcript is not None and cough.transcript.empty
    traces = (tmp_path / "trace.jsonl").read_text().splitlines()
    assert '"resumed": true' in traces[-1] and "coffee" in traces[-1]
