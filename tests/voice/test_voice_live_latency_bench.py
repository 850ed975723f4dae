"""bench.live_latency's breakdown of the loop's trace (the figures BENCHMARKS.md quotes)."""

from __future__ import annotations

from bench.live_latency import summarize


def test_breakdown_adds_up_to_the_first_audio() -> None:
    records = [
        {"turn": 1, "endpoint_delay_ms": 450.0, "transcript_ms": 460.0, "reply_ms": 470.0, "first_audio_ms": 550.0,
         "speculative": "reused"},
        {"turn": 2, "endpoint_delay_ms": 600.0, "transcript_ms": 900.0, "reply_ms": 905.0, "first_audio_ms": 1000.0,
         "speculative": "discarded"},
        {"turn": 3, "endpoint_delay_ms": 300.0, "error": "asr: boom", "first_audio_ms": 400.0},  # not a timed turn
    ]
    s = summarize(records)
    assert s["turns"] == 2 and s["speculative_reused"] == 1 and s["ended_at_short_pause"] == 1
    assert (s["first_audio_p50_ms"], s["first_audio_p95_ms"]) == (550.0, 1000.0)
    assert (s["endpoint_p50_ms"], s["decode_p50_ms"], s["dialogue_p50_ms"], s["speech_p50_ms"]) == (450.0, 10.0, 5.0, 80.0)
    assert (s["decode_p95_ms"], s["speech_p95_ms"]) == (300.0, 95.0)
