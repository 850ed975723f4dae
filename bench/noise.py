"""Noise mixing exactly as the Picovoice speech-to-intent benchmark does (``benchmark/mixer.py``).

The SNR is defined on the **maximum energy over 2048-sample frames** of the speech and of the noise
segment; the noise segment starts at a random offset drawn from ``numpy.random.RandomState(seed)``
(one generator per SNR condition, advanced file by file in sorted order); the mix is then scaled so its
peak is half of full scale. A noise file shorter than a recording is tiled (the original asserts instead).
"""

from __future__ import annotations

import numpy as np

FRAME = 2048


def max_frame_energy(pcm: np.ndarray, frame_length: int = FRAME) -> float:
    n = pcm.size // frame_length
    if n == 0:
        return float(np.sum(pcm.astype(np.float64) ** 2))
    frames = pcm[: n * frame_length].astype(np.float64).reshape(n, frame_length)
    return float((frames**2).sum(axis=1).max())


def noise_scale(speech: np.ndarray, noise: np.ndarray, snr_db: float) -> float:
    noise_energy = max_frame_energy(noise)
    if noise_energy <= 0:
        return 0.0
    return float(np.sqrt(max_frame_energy(speech) / (noise_energy * (10 ** (snr_db / 10.0)))))


class Mixer:
    """``Mixer(noise, snr_db, seed).mix(clean)`` for each recording in order."""

    def __init__(self, noise: np.ndarray, snr_db: float | None, seed: int = 0):
        self.noise = np.asarray(noise, dtype=np.float64)
        self.snr_db = snr_db
        self.rng = np.random.RandomState(seed)

    def mix(self, clean: np.ndarray) -> np.ndarray:
        clean = np.asarray(clean, dtype=np.float64)
        if self.snr_db is None:
            return clean
        noise = self.noise
        if len(noise) <= len(clean):
            noise = np.tile(noise, len(clean) // max(1, len(noise)) + 2)
        start = self.rng.randint(0, len(noise) - len(clean))
        segment = noise[start : start + len(clean)]
        noisy = clean + noise_scale(clean, segment, self.snr_db) * segment
        peak = float(np.max(np.abs(noisy)))
        if peak > 0:
            noisy = noisy / (2 * peak)
        return noisy


# --- a G.711 phone line -------------------------------------------------------------------------------------
# mu-law as ITU-T G.711 defines it (the segmented 8-bit code of Sun's g711.c; bit-exact with the deprecated
# ``audioop.lin2ulaw`` / ``ulaw2lin``), in numpy.
_ULAW_BIAS = 0x84
_ULAW_CLIP14 = 8159  # on the 14-bit magnitude


def ulaw_encode(pcm16: np.ndarray) -> np.ndarray:
    """16-bit linear samples -> 8-bit mu-law codes (uint8)."""
    x = np.asarray(pcm16, dtype=np.int32) >> 2  # 14 bits, arithmetic shift (as g711.c)
    negative = x < 0
    mag = np.minimum(np.where(negative, -x, x), _ULAW_CLIP14) + (_ULAW_BIAS >> 2)
    seg = np.clip(np.floor(np.log2(mag)).astype(np.int32) - 5, 0, 8)  # first seg with mag <= 0x3F << seg
    code = np.where(seg > 7, 0x7F, (seg << 4) | ((mag >> (seg + 1)) & 0x0F))  # past the last: the top code
    return (code ^ np.where(negative, 0x7F, 0xFF)).astype(np.uint8)


def ulaw_decode(codes: np.ndarray) -> np.ndarray:
    """8-bit mu-law codes -> 16-bit linear samples (int16)."""
    u = ~np.asarray(codes, dtype=np.int32) & 0xFF
    exponent = (u >> 4) & 0x07
    mantissa = u & 0x0F
    mag = (((mantissa << 3) + _ULAW_BIAS) << exponent) - _ULAW_BIAS
    return np.where(u & 0x80, -mag, mag).astype(np.int16)


def phone_line(samples: np.ndarray, rate: int = 16000) -> np.ndarray:
    """What a G.711 (PCMU) call delivers: resampled to 8 kHz, mu-law encoded and decoded, back at ``rate``.
    ``samples`` are floats in [-1, 1]."""
    import soxr

    narrow = soxr.resample(np.asarray(samples, dtype=np.float64), rate, 8000, quality="HQ")
    pcm = np.clip(np.round(narrow * 32768.0), -32768, 32767).astype(np.int16)
    line = ulaw_decode(ulaw_encode(pcm)).astype(np.float64) / 32768.0
    return np.asarray(soxr.resample(line, 8000, rate, quality="HQ"), dtype=np.float64)
