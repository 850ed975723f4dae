"""The per-call bridge without a network: DTMF, hand-off, silent callers, driven by a simulated media clock.

Real dialogue ``Session`` over the bundled café catalog in SQLite, real espeak-ng speech; the SIP side is
replaced by a recorder of the hang-up/transfer requests (the SIP layer itself is tested with real peers).
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dialogue.session import Session
from dialogue.shop import ShopInfo
from voice.pipeline import VoicePipeline
from voice.sip.bridge import PhoneCall, PhoneSettings
from voice.sip.handler import FRAME_BYTES, CallInfo

SILENCE = bytes(FRAME_BYTES)


class Recorder:
    def __init__(self) -> None:
        self.hangups = 0
        self.transfers: list[str] = []

    def hangup(self) -> None:
        self.hangups += 1

    def transfer(self, target: str) -> None:
        self.transfers.append(target)


class Clock:
    """Plays PJSIP's media clock at up to 4x speed: one caller frame in, one reply frame out per tick.

    While the caller is speaking the clock does not run ahead of the call's worker: after a speech frame it
    waits until the worker has taken every frame handed over so far (bounded) before the next reply frame goes
    out, so on a loaded machine the simulated call slows down instead of the reply racing past what the worker
    has heard. (Silent ticks are not held: the worker may be waiting for the reply to finish playing.) Each
    tick records what was playing when the caller frame went in and which queued utterance it belonged to.
    """

    def __init__(self, call: PhoneCall):
        self.call = call
        self.played = 0
        self.ticks: list[tuple[str, int | None]] = []  # (notice / reply / idle, utterance number or None)
        self._said: collections.deque[tuple[int, collections.deque[bytes], Any]] = collections.deque()
        self._count = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def say(self, pcm: bytes, when: Any = None) -> int:
        """Queue caller speech (16 kHz mono s16le): it replaces the silent frames, one per tick, after what was
        queued before and from the first tick where ``when()`` holds (checked on the clock's own thread at
        every tick, so no window is missed). Returns the utterance's number."""
        frames = collections.deque(pcm[i : i + FRAME_BYTES] for i in range(0, len(pcm) - FRAME_BYTES + 1, FRAME_BYTES))
        with self._lock:
            number, self._count = self._count, self._count + 1
            self._said.append((number, frames, when))
        return number

    @property
    def speaking(self) -> bool:
        with self._lock:
            return bool(self._said)

    def _run(self) -> None:
        while not self._stop.is_set():
            playout = self.call.playout
            playing = "notice" if playout.uninterruptible else "reply" if playout.busy else "idle"
            frame, number = SILENCE, None
            with self._lock:
                if self._said:
                    n, frames, when = self._said[0]
                    if when is None or when():
                        self._said[0] = (n, frames, None)  # started: the rest follows without a pause
                        frame, number = frames.popleft(), n
                        if not frames:
                            self._said.popleft()
            self.ticks.append((playing, number))
            self.call.on_audio(frame)
            deadline = time.monotonic() + 10
            while number is not None and not self.call._inbox.empty() and time.monotonic() < deadline:
                time.sleep(0.002)  # the worker is still on earlier frames: hold the clock
            if self.call.next_audio() is not None:
                self.played += 1
            time.sleep(0.005)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Any]:
    from catalog.bundled import open_store

    s = open_store(tmp_path / "shop.sqlite3", catalog="cafe")
    yield s
    s.close()


@pytest.fixture(scope="module")
def pipeline(whisper: Any, espeak: Any) -> Iterator[VoicePipeline]:
    p = VoicePipeline(whisper, espeak, output_rate=16000)
    yield p
    p.close()


def start(pipeline: VoicePipeline, store: Any, settings: PhoneSettings) -> tuple[PhoneCall, Recorder, list[dict[str, Any]], Clock]:
    events: list[dict[str, Any]] = []
    info = CallInfo(call_id="c1", caller_id="+15550100", remote_uri="<sip:+15550100@pbx>", source="127.0.0.1:5060")
    call = PhoneCall(pipeline, Session(store, shop=ShopInfo(name="Corner Cafe"), session_id="c1"), info, settings,
                     on_event=lambda event, **kw: events.append({"event": event, **kw}))
    control = Recorder()
    call.on_start(info, control)
    return call, control, events, Clock(call)


def wait_for(pred: Any, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(0.02)
    return False


def test_notice_is_played_first_and_dtmf_zero_without_target_says_how_to_reach_the_shop(
    pipeline: VoicePipeline, store: Any
) -> None:
    settings = PhoneSettings(reach_shop="To talk to a person, please call Corner Cafe at five five five.", silence_s=60)
    call, control, events, clock = start(pipeline, store, settings)
    try:
        assert wait_for(lambda: any(e["event"] == "turn" for e in events))  # the greeting went out
        assert wait_for(lambda: not call.playout.busy)
        frames_before = clock.played
        call.on_dtmf("0")
        assert wait_for(lambda: control.hangups == 1)
        turn = [e for e in events if e["event"] == "turn" and e["transcript"].startswith("[dtmf 0]")]
        assert turn and "please call Corner Cafe" in turn[0]["reply"]
        assert control.transfers == []
        assert clock.played > frames_before + 50  # the caller heard the answer before the hang-up
    finally:
        call.on_hangup("test over")
        clock.stop()


def test_dtmf_zero_with_a_target_transfers_after_the_reply(pipeline: VoicePipeline, store: Any) -> None:
    call, control, events, clock = start(pipeline, store, PhoneSettings(transfer_to="sip:desk@pbx", silence_s=60))
    try:
        assert wait_for(lambda: any(e["event"] == "turn" for e in events))
        call.on_dtmf("0")
        assert wait_for(lambda: control.transfers == ["sip:desk@pbx"])
        assert control.hangups == 0
        call.on_transfer_status(503, True)  # nobody picked up: apologise and end politely
        assert wait_for(lambda: control.hangups == 1)
        assert any(e["event"] == "transfer_failed" for e in events)
    finally:
        call.on_hangup("test over")
        clock.stop()


def test_silent_caller_is_reprompted_once_then_the_call_ends(pipeline: VoicePipeline, store: Any) -> None:
    call, control, events, clock = start(pipeline, store, PhoneSettings(silence_s=0.6, reprompts=1))
    try:
        assert wait_for(lambda: control.hangups == 1, timeout=60)
        kinds = [e["event"] for e in events]
        assert kinds.count("reprompt") == 1 and "silent_caller" in kinds
        assert kinds.index("reprompt") < kinds.index("silent_caller")
    finally:
        call.on_hangup("test over")
        clock.stop()


def test_unknown_digits_are_ignored(pipeline: VoicePipeline, store: Any) -> None:
    call, control, events, clock = start(pipeline, store, PhoneSettings(silence_s=60))
    try:
        assert wait_for(lambda: any(e["event"] == "turn" for e in events))
        call.on_dtmf("#")
        assert wait_for(lambda: any(e["event"] == "dtmf_ignored" for e in events))
        assert control.hangups == 0 and control.transfers == []
    finally:
        call.on_hangup("test over")
        clock.stop()


def test_caller_can_talk_over_the_greeting_but_not_the_notice(pipeline: VoicePipeline, store: Any, espeak: Any) -> None:
    # a notice long enough to hold the whole first attempt, so every frame of it lands inside the notice
    notice = "You are talking to an automated assistant. Your order is taken by a computer, not by a person."
    call, control, events, clock = start(pipeline, store, PhoneSettings(notice=notice, silence_s=60))
    try:
        order = espeak.synthesize("I would like a large latte please.", 16000).audio
        playout = call.playout
        over_notice = clock.say(order, when=lambda: playout.uninterruptible)  # not listened to
        over_greeting = clock.say(order, when=lambda: playout.busy and not playout.uninterruptible)
        assert wait_for(lambda: any(e["event"] == "barge_in" for e in events))
        assert wait_for(lambda: any(e["event"] == "turn" and e["transcript"] for e in events))
        where = {n: [playing for playing, m in clock.ticks if m == n] for n in (over_notice, over_greeting)}
        assert where[over_notice] and set(where[over_notice]) == {"notice"}, where  # every frame over the notice
        assert where[over_greeting][0] == "reply", where  # the second attempt began while the greeting played
        greeting = [e for e in events if e["event"] == "turn" and e["kind"] == "greeting"]
        assert greeting and events.index(greeting[0]) < [e["event"] for e in events].index("barge_in")
        said = [e["transcript"].lower() for e in events if e["event"] == "turn" and e["transcript"]]
        assert len(said) == 1 and "latte" in said[0], said  # only the attempt over the greeting was heard
    finally:
        call.on_hangup("test over")
        clock.stop()
