"""The real capture path: play a recording into a PulseAudio null sink and capture its monitor back."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from voice.audio import concat, read_audio
from voice.devices import DeviceError, Microphone, Speaker, find_device
from voice.vad import segment

pytestmark = pytest.mark.slow


def capture_while_playing(device: str, clip: Any, device_rate: int | None = None) -> Any:
    """Play ``clip`` into the null sink and capture its monitor until the microphone has delivered the clip's
    length plus 1.2 s of audio (counted in audio, not wall-clock time). On a busy machine the player can run dry
    or the microphone overflow, which leaves a gap in the audio; such a capture (the devices report it) is made
    again, at most five times in all, and the one returned had no gap."""
    for _attempt in range(5):
        speaker = Speaker(device, rate=clip.rate, latency="high")
        blocks = []
        with Microphone(device, device_rate=device_rate) as mic:
            mic.drain()
            player = threading.Thread(target=speaker.play, args=(clip,))
            player.start()
            got_ms = 0.0
            while got_ms < clip.milliseconds + 1200:
                block = mic.read(timeout=5)
                assert block is not None, "the microphone stopped delivering audio"
                blocks.append(block)
                got_ms += block.milliseconds
            player.join()
            overflows = mic.overflows
        if not speaker.underflows and not overflows:
            return concat(blocks)
    pytest.fail("every capture had a gap (the player ran dry or the microphone overflowed)")


def test_virtual_microphone_round_trip(pulse_sink: str, whisper: Any, barista_dir: Path) -> None:
    labels = json.loads((barista_dir / "labels.json").read_text())
    name = sorted(labels)[0]
    clip = read_audio(barista_dir / "dev" / (Path(name).stem + ".flac"))
    captured = capture_while_playing(pulse_sink, clip)
    assert captured.rate == 16000 and captured.channels == 1
    assert captured.seconds >= clip.seconds * 0.9
    utts = segment(captured)
    assert utts, "the endpointer found no speech in the captured audio"
    t = whisper.transcribe(captured)
    drink = labels[name]["slots"]["coffeeDrink"].strip()
    assert drink.split()[-1] in t.text.lower(), (drink, t.text)


def test_speaker_stops_within_one_chunk(pulse_sink: str, speak: Any) -> None:
    clip = speak("this is a long reply that the shopper will interrupt halfway through", 0, 0)
    speaker = Speaker(pulse_sink, rate=16000, chunk_ms=40)
    stop = threading.Event()
    played = speaker.play(clip, stop, stop.set)  # the stop arrives as the first 40 ms piece goes out
    assert played == pytest.approx(40.0)


def test_48k_only_capture_is_resampled_to_16k(pulse_sink: str, speak: Any, whisper: Any) -> None:
    clip = speak("a medium americano please", 300, 600)
    captured = capture_while_playing(pulse_sink, clip, device_rate=48000)
    assert (captured.rate, captured.channels) == (16000, 1)
    assert "americano" in whisper.transcribe(captured, hotwords="americano").text.lower()


def test_missing_device_gives_a_clear_error(pulse_sink: str) -> None:
    with pytest.raises(DeviceError, match="no input device matches"):
        find_device("no-such-microphone", "input")
    with pytest.raises(DeviceError, match="not an output device|not an input device"):
        find_device(9999, "input")
