"""Endpointing with webrtcvad: when does the shopper start and stop speaking.

``Endpointer(config)`` is streaming: ``feed(chunk) -> list[VadEvent]`` takes audio in any format (converted
to 16 kHz mono 16-bit), cuts it into ``frame_ms`` frames and emits:

* ``speech_start`` once ``start_voiced_frames`` of the last ``start_window_frames`` frames are voiced;
  the utterance begins ``preroll_ms`` before the trigger so the first syllable is kept;
* ``speculative_pause`` after ``speculative_pause_ms`` of silence inside an utterance, with the utterance
  audio so far (a caller may start transcribing now: if the pause becomes the endpoint, the audio of the
  final ``speech_end`` is byte-identical, so the early result can be reused);
* ``speech_resumed`` when the shopper goes on talking after a speculative pause (drop the early result);
* ``speech_end`` after ``end_silence_ms`` of silence (or at ``max_utterance_ms``), with the utterance; or
  earlier, after ``semantic_end_ms`` of silence, when the caller's ``complete`` hook says what was heard is a
  whole turn (semantic endpointing: the hook is consulted on every silent frame after the speculative pause;
  the live loop answers it from the speculative transcript and ``dialogue.completeness.is_complete``). The
  utterance is then byte-identical to the speculative one, so its decode is reused;
* ``discarded`` when the voiced part was shorter than ``min_speech_ms`` (a cough, a clack, a door).

Which frames are speech is the ``engine`` setting (``[voice] vad_engine``):

* ``"webrtc"``: webrtcvad (``aggressiveness``) above a tracked noise floor — cheap, and the floor copes with
  steady noise, but kitchen clatter is "speech" to it: turns start on a clack and end late;
* ``"silero"``: the Silero VAD v6 network that faster-whisper ships (``faster_whisper/assets/``, run with
  onnxruntime one 32 ms window at a time, its LSTM state carried across calls; the model is loaded once per
  process, each endpointer keeps its own state). A frame is speech when the window's probability is at least
  ``silero_threshold``, and stays speech while it is above ``silero_threshold - silero_hysteresis``;
* ``"two_stage"``: webrtcvad proposes, Silero confirms (a frame is speech only when both say so).

The default is ``"silero"``: on the barista recordings in kitchen noise it takes far fewer clatter bursts
for turns than webrtcvad (0.25 against 1.45 a recording at 6 dB, 0.01 against 0.85 at 24 dB), cuts less
speech and ends turns late less often, for 30-120 ms more end delay at the median in noise (none when quiet)
and ~3 ms of CPU per second of audio; as the live loop hears it (every utterance a turn) it took 2 to 8
points more orders at 24, 12 and 6 dB. The two-stage endpointer ended turns soonest but cut the speech of
quiet talkers in noise (webrtcvad's noise-floor margin drops their frames). ``"webrtc"`` remains for quiet
rooms, where it is as good at a tenth of the CPU (BENCHMARKS.md, Voice, issue 13 round 3).

The state machine, the events and the utterance audio are the same for all three.

``segment(audio, config)`` runs the same machine over a whole recording and returns the utterances.
``strict`` mode (used while the assistant is speaking) raises the start trigger and ignores frames
quieter than ``strict_floor_dbfs`` so the speaker's own echo does not count as a barge-in.
"""

from __future__ import annotations

import collections
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import numpy as np
import webrtcvad

from voice.audio import ASR_RATE, AudioChunk

EventKind = Literal["speech_start", "speculative_pause", "speech_resumed", "speech_end", "discarded"]
ENGINES = ("webrtc", "silero", "two_stage")
SILERO_MODEL = "silero_vad_v6.onnx"
_SILERO_WINDOW = 512  # samples at 16 kHz (32 ms): what the network takes ...
_SILERO_CONTEXT = 64  # ... plus the last 64 samples of the window before


@dataclass(frozen=True)
class EndpointConfig:
    """Endpointing settings (defaults measured on the barista recordings and synthesized short answers)."""

    frame_ms: int = 30  # 10, 20 or 30
    aggressiveness: int = 2  # webrtcvad 0 (permissive) .. 3 (strict)
    preroll_ms: int = 300  # audio kept from before the trigger
    start_window_frames: int = 8  # trigger when N of the last M frames are voiced ...
    start_voiced_frames: int = 4  # ... (4 of 8 x 30 ms: a 120 ms "yes" still triggers)
    end_silence_ms: int = 600  # trailing silence that ends the turn
    speculative_pause_ms: int = 210  # silence after which a speculative transcription may start
    semantic_end_ms: int = 300  # silence that ends a turn the ``complete`` hook calls whole (0: off)
    tail_ms: int = 180  # silence kept after the last voiced frame (<= speculative_pause_ms)
    min_speech_ms: int = 150  # voiced time below which an utterance is a noise burst
    max_utterance_ms: int = 15000  # force an endpoint after this long
    energy_floor_dbfs: float = -60.0  # frames quieter than this are silence whatever webrtcvad says
    noise_margin_db: float = 6.0  # frames within this of the tracked noise floor are silence (0: off; webrtc)
    noise_rise_db_per_s: float = 2.0  # how fast the tracked noise floor may rise
    strict_floor_dbfs: float = -30.0  # the floor while the assistant speaks (echo guard)
    strict_start_voiced_frames: int = 7  # the start trigger while the assistant speaks
    engine: str = "silero"  # which frames are speech: silero | webrtc | two_stage (module docstring, BENCHMARKS.md)
    silero_threshold: float = 0.5  # Silero speech probability that makes a frame speech
    silero_hysteresis: float = 0.15  # once in speech, frames stay speech down to threshold - hysteresis

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}, got {self.engine!r}")
        if not 0.0 < self.silero_threshold < 1.0 or not 0.0 <= self.silero_hysteresis < self.silero_threshold:
            raise ValueError("silero_threshold must be in (0, 1) and silero_hysteresis in [0, silero_threshold)")
        if self.frame_ms not in (10, 20, 30):
            raise ValueError(f"frame_ms must be 10, 20 or 30 (webrtcvad), got {self.frame_ms}")
        if not 0 <= self.aggressiveness <= 3:
            raise ValueError(f"aggressiveness must be 0..3, got {self.aggressiveness}")
        if not 1 <= self.start_voiced_frames <= self.start_window_frames:
            raise ValueError("start_voiced_frames must be between 1 and start_window_frames")
        if self.tail_ms > self.speculative_pause_ms:
            raise ValueError("tail_ms must not exceed speculative_pause_ms")
        if self.end_silence_ms <= self.speculative_pause_ms:
            raise ValueError("end_silence_ms must be longer than speculative_pause_ms")
        if self.semantic_end_ms and not self.speculative_pause_ms <= self.semantic_end_ms <= self.end_silence_ms:
            raise ValueError("semantic_end_ms must be 0 or between speculative_pause_ms and end_silence_ms")

    @classmethod
    def from_settings(cls, settings: dict[str, object]) -> EndpointConfig:
        """Build from the ``[voice]`` table: keys ``vad_<field>`` (e.g. ``vad_end_silence_ms = 800``)."""
        known = {f for f in cls.__dataclass_fields__}
        kwargs: dict[str, object] = {}
        for key, value in settings.items():
            if key.startswith("vad_") and key[4:] in known:
                kwargs[key[4:]] = value
        return replace(cls(), **kwargs)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Utterance:
    audio: AudioChunk
    start_ms: float  # stream time of the first sample kept (pre-roll included)
    end_ms: float  # stream time of the last voiced frame (the acoustic end of speech)
    voiced_ms: float
    reason: str = "silence"  # silence | complete (semantic endpoint) | max_length | flush


@dataclass(frozen=True)
class VadEvent:
    kind: EventKind
    at_ms: float  # stream time at which the event was decided
    utterance: Utterance | None = None  # speculative_pause, speech_end, discarded


_silero_lock = threading.Lock()
_silero_session: Any = None


def silero_model_path() -> Path:
    """The Silero VAD model faster-whisper ships (never downloaded)."""
    from faster_whisper.utils import get_assets_path

    path = Path(get_assets_path()) / SILERO_MODEL
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: the Silero VAD comes with faster-whisper (pip install faster-whisper)")
    return path


def _silero() -> Any:
    """One onnxruntime session per process (``run`` is thread-safe; the LSTM state is the caller's)."""
    global _silero_session
    with _silero_lock:
        if _silero_session is None:
            # onnxruntime otherwise keeps a telemetry database and a device id in ~/.cache/Microsoft, open for the
            # life of the process (three descriptors); an offline kiosk has no use for either
            os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
            import onnxruntime

            opts = onnxruntime.SessionOptions()
            opts.inter_op_num_threads = 1
            opts.intra_op_num_threads = 1
            opts.enable_cpu_mem_arena = False
            opts.log_severity_level = 4
            _silero_session = onnxruntime.InferenceSession(
                str(silero_model_path()), providers=["CPUExecutionProvider"], sess_options=opts
            )
        return _silero_session


class SileroStream:
    """Streaming Silero VAD: ``feed(samples)`` (float32, 16 kHz) returns the speech probability of every
    complete 32 ms window, in order; the same numbers as faster-whisper's batched ``SileroVADModel``."""

    def __init__(self) -> None:
        self._session = _silero()
        self.reset()

    def reset(self) -> None:
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(_SILERO_CONTEXT, dtype=np.float32)
        self._buf = np.zeros(0, dtype=np.float32)

    def feed(self, samples: np.ndarray) -> list[float]:
        buf = np.concatenate([self._buf, samples.astype(np.float32)])
        probs: list[float] = []
        n = len(buf) // _SILERO_WINDOW * _SILERO_WINDOW
        for i in range(0, n, _SILERO_WINDOW):
            window = buf[i : i + _SILERO_WINDOW]
            x = np.concatenate([self._context, window])[None, :]
            out, self._h, self._c = self._session.run(None, {"input": x, "h": self._h, "c": self._c})
            probs.append(float(np.asarray(out).reshape(-1)[0]))
            self._context = window[-_SILERO_CONTEXT:]
        self._buf = buf[n:]
        return probs


class Endpointer:
    """Streaming endpointer; not thread-safe (one per audio stream)."""

    def __init__(self, config: EndpointConfig | None = None):
        self.config = config or EndpointConfig()
        self._vad = webrtcvad.Vad(self.config.aggressiveness)
        self._silero = SileroStream() if self.config.engine != "webrtc" else None
        self._frame_bytes = ASR_RATE * self.config.frame_ms // 1000 * 2
        self.strict = False
        # semantic endpointing: called on silent frames after the speculative pause; True ends the turn
        self.complete: Callable[[], bool] | None = None
        self.reset()

    def reset(self) -> None:
        c = self.config
        self._pending = b""
        self._t_ms = 0.0  # stream time at the end of the processed frames
        self._pre: collections.deque[bytes] = collections.deque(maxlen=max(c.start_window_frames, c.preroll_ms // c.frame_ms))
        self._window: collections.deque[bool] = collections.deque(maxlen=c.start_window_frames)
        self._triggered = False
        self._frames: list[bytes] = []
        self._voiced = 0
        self._silence_run = 0
        self._last_voiced_idx = -1
        self._spec_sent = False
        self._start_ms = 0.0
        self._noise_db: float | None = None
        self._prob = 0.0  # the latest Silero probability
        self._silero_speech = False  # Silero's own hysteresis state
        if self._silero is not None:
            self._silero.reset()

    @property
    def in_speech(self) -> bool:
        return self._triggered

    @property
    def stream_ms(self) -> float:
        return self._t_ms

    def _is_voiced(self, frame: bytes) -> bool:
        c = self.config
        floor = c.strict_floor_dbfs if self.strict else c.energy_floor_dbfs
        samples = np.frombuffer(frame, dtype="<i2").astype(np.float64)
        rms = float(np.sqrt(np.mean(samples * samples))) / 32768.0
        db = 20.0 * float(np.log10(max(rms, 1e-9)))
        # a slowly rising, instantly falling noise-floor tracker: stationary noise never counts as speech
        if self._noise_db is None or db < self._noise_db:
            self._noise_db = db
        else:
            self._noise_db += c.noise_rise_db_per_s * c.frame_ms / 1000.0
        if self._silero is not None:
            # the network sees every frame (its state must follow the stream), quiet or not
            probs = self._silero.feed((samples / 32768.0).astype(np.float32))
            if probs:
                self._prob = max(probs)
            low = c.silero_threshold - c.silero_hysteresis if self._silero_speech else c.silero_threshold
            self._silero_speech = self._prob >= low
            if db < floor or not self._silero_speech:
                return False
            if c.engine == "silero":
                return True
        if db < floor or (c.noise_margin_db > 0 and db < self._noise_db + c.noise_margin_db):
            return False
        return bool(self._vad.is_speech(frame, ASR_RATE))

    def feed(self, chunk: AudioChunk) -> list[VadEvent]:
        if (chunk.rate, chunk.width, chunk.channels) != (ASR_RATE, 2, 1):
            chunk = chunk.convert(ASR_RATE, 2, 1)
        data = self._pending + chunk.audio
        n = len(data) // self._frame_bytes * self._frame_bytes
        self._pending = data[n:]
        events: list[VadEvent] = []
        for i in range(0, n, self._frame_bytes):
            events.extend(self._frame(data[i : i + self._frame_bytes]))
        return events

    def flush(self) -> list[VadEvent]:
        """End of stream: close an open utterance."""
        if not self._triggered:
            return []
        return [self._finish("flush")]

    def _frame(self, frame: bytes) -> list[VadEvent]:
        c = self.config
        voiced = self._is_voiced(frame)
        self._t_ms += c.frame_ms
        if not self._triggered:
            self._pre.append(frame)
            self._window.append(voiced)
            need = c.strict_start_voiced_frames if self.strict else c.start_voiced_frames
            if sum(self._window) >= min(need, c.start_window_frames):
                self._triggered = True
                keep = max(c.preroll_ms // c.frame_ms, len(self._window))
                pre = list(self._pre)[-keep:]
                self._frames = pre
                self._start_ms = self._t_ms - len(pre) * c.frame_ms
                flags = list(self._window)[-len(pre) :]
                flags = [False] * (len(pre) - len(flags)) + flags
                self._voiced = sum(flags)
                self._last_voiced_idx = max(i for i, f in enumerate(flags) if f)
                self._silence_run = len(pre) - 1 - self._last_voiced_idx
                self._spec_sent = False
                self._pre.clear()
                self._window.clear()
                return [VadEvent("speech_start", self._t_ms)]
            return []
        self._frames.append(frame)
        events: list[VadEvent] = []
        if voiced:
            self._voiced += 1
            self._last_voiced_idx = len(self._frames) - 1
            if self._spec_sent:
                events.append(VadEvent("speech_resumed", self._t_ms))
            self._spec_sent = False
            self._silence_run = 0
        else:
            self._silence_run += 1
        silence_ms = self._silence_run * c.frame_ms
        if len(self._frames) * c.frame_ms >= c.max_utterance_ms:
            events.append(self._finish("max_length"))
        elif silence_ms >= c.end_silence_ms:
            events.append(self._finish("silence"))
        elif (self._spec_sent and c.semantic_end_ms and silence_ms >= c.semantic_end_ms
              and self.complete is not None and self._voiced * c.frame_ms >= c.min_speech_ms and self.complete()):
            events.append(self._finish("complete"))
        elif silence_ms >= c.speculative_pause_ms and not self._spec_sent:
            self._spec_sent = True
            if self._voiced * c.frame_ms >= c.min_speech_ms:
                events.append(VadEvent("speculative_pause", self._t_ms, self._utterance("silence")))
        return events

    def _utterance(self, reason: str) -> Utterance:
        c = self.config
        tail = c.tail_ms // c.frame_ms
        end_idx = min(len(self._frames), self._last_voiced_idx + 1 + tail)
        audio = AudioChunk(ASR_RATE, 2, 1, b"".join(self._frames[:end_idx]), int(self._start_ms))
        end_ms = self._start_ms + (self._last_voiced_idx + 1) * c.frame_ms
        return Utterance(audio, self._start_ms, end_ms, self._voiced * c.frame_ms, reason)

    def _finish(self, reason: str) -> VadEvent:
        utt = self._utterance(reason)
        kind: EventKind = "speech_end" if utt.voiced_ms >= self.config.min_speech_ms else "discarded"
        at = self._t_ms
        self._triggered = False
        self._frames = []
        self._voiced = 0
        self._silence_run = 0
        self._spec_sent = False
        self._window.clear()
        self._pre.clear()
        return VadEvent(kind, at, utt)


def segment(audio: AudioChunk, config: EndpointConfig | None = None) -> list[Utterance]:
    """All utterances in a recording (noise bursts dropped); an utterance open at the end is closed."""
    ep = Endpointer(config)
    events = ep.feed(audio) + ep.flush()
    return [e.utterance for e in events if e.kind == "speech_end" and e.utterance is not None]


def speech_span(audio: AudioChunk, config: EndpointConfig | None = None) -> AudioChunk | None:
    """The recording from the first utterance's start to the last one's end (for one-command files)."""
    utts = segment(audio, config)
    if not utts:
        return None
    a = audio.convert(ASR_RATE, 2, 1)
    first, last = utts[0], utts[-1]
    return a.slice_ms(first.start_ms, last.start_ms + last.audio.milliseconds)
