"""The webrtcvad endpointer on synthesized speech (real espeak-ng, real webrtcvad)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from voice.audio import AudioChunk, concat, silence
from voice.vad import EndpointConfig, Endpointer, segment, speech_span


def noise(ms: int, level: float, seed: int = 1) -> AudioChunk:
    n = np.random.default_rng(seed).normal(0.0, level, 16 * ms).astype(np.float32)
    return AudioChunk.from_float32(n, 16000)


def test_finds_speech_boundaries_with_silence_padding(speak: Any) -> None:
    audio = speak("I would like a large latte with oat milk", lead_ms=1000, trail_ms=1500)
    utts = segment(audio)
    assert len(utts) == 1
    u = utts[0]
    samples = np.abs(audio.to_float32())
    voiced = np.nonzero(samples > 0.01)[0]
    first_ms, last_ms = voiced[0] / 16, voiced[-1] / 16  # espeak adds its own trailing silence
    # starts within the pre-roll before the speech, ends near the speech's end
    assert first_ms - 400 <= u.start_ms <= first_ms
    assert abs(u.end_ms - last_ms) <= 150
    assert u.audio.milliseconds >= last_ms - first_ms


@pytest.mark.parametrize("word", ["yes", "two", "no"])
def test_short_answers_are_not_dropped(speak: Any, word: str) -> None:
    utts = segment(speak(word, lead_ms=800, trail_ms=1200))
    assert len(utts) == 1, f"{word!r} was dropped"
    assert utts[0].voiced_ms >= EndpointConfig().min_speech_ms


def test_pure_silence_noise_and_clicks_are_dropped() -> None:
    assert segment(silence(3000)) == []
    assert segment(noise(3000, 0.05)) == []
    click = AudioChunk.from_float32(np.r_[np.zeros(8000), 0.8 * np.ones(480), np.zeros(8000)].astype(np.float32), 16000)
    assert segment(click) == []


def test_streaming_events_and_speculative_audio_is_reusable(speak: Any) -> None:
    audio = concat([speak("a small coffee", 500, 1200), speak("and a muffin", 0, 1200)])
    ep = Endpointer()
    events = []
    for block in audio.split(20):  # odd block size: the endpointer re-frames
        events.extend(ep.feed(block))
    events.extend(ep.flush())
    kinds = [e.kind for e in events]
    assert kinds.count("speech_start") == 2 and kinds.count("speech_end") == 2
    assert kinds.index("speculative_pause") < kinds.index("speech_end")
    for i, e in enumerate(events):
        if e.kind == "speech_end":
            spec = [x for x in events[:i] if x.kind == "speculative_pause"][-1]
            assert spec.utterance is not None and e.utterance is not None
            assert spec.utterance.audio.audio == e.utterance.audio.audio
            assert e.at_ms - e.utterance.end_ms >= EndpointConfig().end_silence_ms


def test_a_pause_shorter_than_the_endpoint_keeps_one_utterance(speak: Any) -> None:
    gap = EndpointConfig().end_silence_ms - 350 - 200  # espeak ends each line with 350 ms of silence
    audio = concat([speak("a large latte", 500, gap), speak("with oat milk", 0, 1200)])
    events = Endpointer().feed(audio)
    kinds = [e.kind for e in events]
    assert kinds.count("speech_end") == 1
    assert "speech_resumed" in kinds


def test_max_length_forces_an_endpoint(speak: Any) -> None:
    cfg = EndpointConfig(max_utterance_ms=1500)
    audio = speak("one two three four five six seven eight nine ten eleven twelve", 300, 800)
    utts = segment(audio, cfg)
    assert utts[0].reason == "max_length"
    assert utts[0].audio.milliseconds <= 1500 + cfg.frame_ms


def test_other_formats_are_accepted(speak: Any) -> None:
    audio = speak("hello there", 500, 1000)
    assert len(segment(audio.resample(48000))) == 1
    span = speech_span(audio)
    assert span is not None and span.milliseconds < audio.milliseconds


def test_config_validation_and_settings() -> None:
    with pytest.raises(ValueError):
        EndpointConfig(frame_ms=25)
    with pytest.raises(ValueError):
        EndpointConfig(tail_ms=500, speculative_pause_ms=200)
    cfg = EndpointConfig.from_settings({"vad_end_silence_ms": 900, "vad_aggressiveness": 3, "whisper_model": "x"})
    assert cfg.end_silence_ms == 900 and cfg.aggressiveness == 3


def test_strict_mode_ignores_quiet_echo(speak: Any) -> None:
    quiet = AudioChunk.from_float32(speak("what size would you like", 300, 900).to_float32() * 0.02, 16000)
    ep = Endpointer()
    ep.strict = True
    assert not [e for e in ep.feed(quiet) if e.kind == "speech_start"]
    assert [e for e in Endpointer().feed(quiet) if e.kind == "speech_start"]


def _ends(audio: AudioChunk, complete: Any) -> list[Any]:
    ep = Endpointer()
    asked: list[float] = []

    def hook() -> bool:
        asked.append(ep.stream_ms)
        return bool(complete())

    ep.complete = hook
    events = ep.feed(audio) + ep.flush()
    return [e for e in events if e.kind in ("speculative_pause", "speech_end")]


def test_semantic_endpoint_ends_a_whole_turn_at_the_short_pause(speak: Any) -> None:
    cfg = EndpointConfig()
    audio = speak("a small coffee", 500, 1200)
    spec, end = _ends(audio, lambda: True)
    assert (spec.kind, end.kind, end.utterance.reason) == ("speculative_pause", "speech_end", "complete")
    wait = end.at_ms - end.utterance.end_ms
    assert cfg.semantic_end_ms <= wait < cfg.semantic_end_ms + cfg.frame_ms
    assert spec.utterance.audio.audio == end.utterance.audio.audio  # the speculative decode is reused


def test_an_incomplete_turn_waits_for_the_long_silence(speak: Any) -> None:
    audio = speak("a large latte with", 500, 1200)
    _spec, end = _ends(audio, lambda: False)
    assert end.utterance.reason == "silence"
    assert end.at_ms - end.utterance.end_ms >= EndpointConfig().end_silence_ms


def test_semantic_endpointing_off() -> None:
    with pytest.raises(ValueError):
        EndpointConfig(semantic_end_ms=100)
    cfg = EndpointConfig(semantic_end_ms=0)
    assert cfg.semantic_end_ms == 0
