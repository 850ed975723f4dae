"""AudioChunk conversions and the bad-audio gate (real soundfile, soxr)."""

from __future__ import annotations

import struct
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from voice.audio import (
    AudioChunk,
    AudioFormatError,
    AudioTooLong,
    audio_seconds,
    concat,
    read_audio,
    read_audio_bytes,
    silence,
    speech_input,
    wav_bytes,
    write_wav,
)


def tone(seconds: float = 1.0, rate: int = 16000, freq: float = 440.0, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def test_float_roundtrip_and_format_fields() -> None:
    c = AudioChunk.from_float32(tone(0.5), 16000)
    assert (c.rate, c.width, c.channels, c.frames) == (16000, 2, 1, 8000)
    assert c.milliseconds == pytest.approx(500.0)
    back = c.to_float32()
    assert np.max(np.abs(back - tone(0.5))) < 1e-3
    assert "ms=500" in repr(c) and "\\x" not in repr(c)


def test_bad_frame_size_and_format_are_rejected() -> None:
    with pytest.raises(AudioFormatError, match="whole number"):
        AudioChunk(16000, 2, 1, b"\x00\x01\x02")
    with pytest.raises(AudioFormatError, match="width"):
        AudioChunk(16000, 3, 1, b"")
    with pytest.raises(AudioFormatError, match="NaN"):
        AudioChunk.from_float32(np.array([0.0, np.nan], dtype=np.float32), 16000)


def test_stereo_44k_is_converted_to_16k_mono(tmp_path: Path) -> None:
    left = tone(1.0, 44100, 440.0)
    stereo = np.stack([left, np.zeros_like(left)], axis=1)
    path = tmp_path / "stereo.wav"
    sf.write(path, stereo, 44100)
    c = read_audio(path)
    assert (c.rate, c.channels) == (44100, 2)
    out = speech_input(c)
    assert (out.rate, out.width, out.channels) == (16000, 2, 1)
    assert out.frames == pytest.approx(16000, abs=2)
    # mono mix of (tone, silence) halves the amplitude
    assert float(np.max(np.abs(out.to_float32()))) == pytest.approx(0.25, abs=0.02)


def test_8bit_wav_reads_with_the_right_level(tmp_path: Path) -> None:
    path = tmp_path / "u8.wav"
    sf.write(path, tone(0.5, 8000, 300.0, 0.5), 8000, subtype="PCM_U8")
    c = read_audio(path)
    assert float(np.max(np.abs(c.to_float32()))) == pytest.approx(0.5, abs=0.02)
    u8 = AudioChunk.from_float32(tone(0.1, 8000), 8000, width=1)
    assert u8.width == 1 and u8.convert().width == 2
    assert float(np.max(np.abs(u8.convert(8000).to_float32()))) == pytest.approx(0.5, abs=0.02)


def test_empty_and_missing_and_garbage_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    with pytest.raises(AudioFormatError, match="empty"):
        read_audio(empty)
    with pytest.raises(AudioFormatError, match="no such file"):
        read_audio(tmp_path / "nope.wav")
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"this is not audio at all" * 10)
    with pytest.raises(AudioFormatError, match="not a readable audio file"):
        read_audio(junk)
    header_only = tmp_path / "header.wav"
    sf.write(header_only, np.zeros(0, dtype=np.float32), 16000)
    with pytest.raises(AudioFormatError, match="empty"):
        speech_input(read_audio(header_only))


def test_all_zero_and_nan_audio(tmp_path: Path) -> None:
    with pytest.raises(AudioFormatError, match="all zeros"):
        speech_input(silence(1000))
    nan = tmp_path / "nan.wav"
    data = tone(0.5)
    data[100:200] = np.nan
    sf.write(nan, data, 16000, subtype="FLOAT")
    with pytest.raises(AudioFormatError, match="NaN"):
        read_audio(nan)


def test_ten_minute_file_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "long.flac"
    sf.write(path, np.full(16000 * 600, 0.01, dtype=np.float32), 16000)
    c = read_audio(path)
    assert c.seconds == pytest.approx(600.0)
    with pytest.raises(AudioFormatError, match="600 s long"):
        speech_input(c)


def sparse_wav(path: Path, data_bytes: int, rate: int = 16000) -> Path:
    """A real WAV of ``data_bytes`` of silence that takes no disk space (a sparse file)."""
    header = (
        b"RIFF" + struct.pack("<I", 36 + data_bytes) + b"WAVE"
        + b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
        + b"data" + struct.pack("<I", data_bytes)
    )
    with path.open("wb") as f:
        f.write(header)
        f.truncate(len(header) + data_bytes)
    return path


def test_length_limit_is_checked_before_decoding(tmp_path: Path) -> None:
    big = sparse_wav(tmp_path / "big.wav", 460 * 1024 * 1024)  # 460 MB, 4 hours at 16 kHz
    assert audio_seconds(big) == pytest.approx(460 * 1024 * 1024 / 32000)
    tracemalloc.start()
    try:
        with pytest.raises(AudioTooLong, match="15073 s long") as exc:
            read_audio(big, max_seconds=3600)
        _, peak_bytes = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert exc.value.seconds == pytest.approx(15073.28, abs=0.01)
    assert peak_bytes < 10_000_000  # nothing was decoded (whole, the file is 920 MB as float32)
    modest = tmp_path / "modest.wav"
    sf.write(modest, np.full(16000 * 5, 0.01, dtype=np.float32), 16000)
    with pytest.raises(AudioTooLong, match="5 s long"):
        read_audio(modest, max_seconds=4)
    assert read_audio(modest, max_seconds=5).seconds == pytest.approx(5.0)


def test_wav_bytes_roundtrip_split_and_concat(tmp_path: Path) -> None:
    c = AudioChunk.from_float32(tone(0.2, 8000), 8000)
    assert read_audio_bytes(wav_bytes(c)).audio == c.audio
    p = write_wav(tmp_path / "x" / "c.wav", c)
    assert read_audio(p).audio == c.audio
    parts = c.split(40)
    assert [round(p.milliseconds) for p in parts] == [40] * 5
    assert concat(parts).audio == c.audio
    with pytest.raises(AudioFormatError):
        concat([c, silence(10)])
    assert c.resample(16000).frames == 3200
