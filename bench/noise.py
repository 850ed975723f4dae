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
