"""The voice loop feeds the screen: its states, and the replies to on-screen presses said aloud.

The endpointer is real (webrtcvad on espeak-ng speech); recognition is stood in for by a turn processor that
passes a fixed transcript to the same :class:`KioskScreen` the pipeline would call, so no Whisper model is
loaded. Microphone and speaker share a virtual clock (30 ms per block), as in ``tests/voice/test_voice_loop``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dialogue.session import Session
from dialogue.types import Reply, TurnMeta
from voice.audio import AudioChunk, silence
from voice.loop import KioskLoop, LoopSettings
from voice.pipeline import TurnResult
from voice.screen import KioskScreen


class Room:
    now = 0.0

    def clock(self) -> float:
        return self.now


class Speaker:
    def __init__(self, room: Room):
        self.room = room
        self._t0: float | None = None
        self._ms = 0.0
        self._stopped: float | None = None

    def start(self, chunk: AudioChunk) -> None:
        self._t0, self._ms, self._stopped = self.room.now, chunk.milliseconds, None

    def stop(self) -> None:
        if self._t0 is not None and self._stopped is None:
            self._stopped = self.room.now

    @property
    def played_ms(self) -> float:
        if self._t0 is None:
            return 0.0
        end = self._stopped if self._stopped is not None else self.room.now
        return min(self._ms, (end - self._t0) * 1000.0)

    @property
    def active(self) -> bool:
        return self._t0 is not None and self._stopped is None and self.played_ms < self._ms

    @property
    def started_at(self) -> float | None:
        return self._t0


class Turns:
    """A TurnProcessor stand-in: the shopper is heard as ``heard``; every reply is 0.6 s of audio."""

    def __init__(self, screen: KioskScreen, heard: str):
        self.screen, self.heard, self.said = screen, heard, []

    def greeting(self) -> TurnResult:
        return TurnResult(self.screen.greeting(), silence(600))

    def speculate(self, audio: AudioChunk) -> None:
        return None

    def process(self, audio: AudioChunk, **_: Any) -> TurnResult:
        reply = self.screen.handle(self.heard, TurnMeta(asr_confidence=0.93, channel="kiosk"))
        return TurnResult(reply, silence(600))

    def say(self, text: str) -> TurnResult:
        self.said.append(text)
        return TurnResult(Reply(text), silence(600))


class Mic:
    """Silence, the utterance once the greeting is over, then silence; ``on_block`` runs every block."""

    def __init__(self, room: Room, utterance: AudioChunk, on_block: Callable[[], None]):
        self.room, self.queue, self.on_block = room, [], on_block
        self.utterance: AudioChunk | None = utterance
        self.loop: KioskLoop | None = None

    def read(self, timeout: float | None = 1.0) -> AudioChunk | None:
        if timeout == 0:
            return None
        assert self.loop is not None
        self.loop.wait_for_turn()
        if self.utterance is not None and not self.queue and self.loop.results == [] and not self.loop.speaking:
            self.queue, self.utterance = self.utterance.split(30), None
        block = self.queue.pop(0) if self.queue else silence(30)
        self.room.now += 0.03
        self.on_block()
        return block


def test_loop_states_and_a_pressed_yes_said_aloud(cafe_store: Any, speak: Callable[..., Any]) -> None:
    room = Room()
    screen = KioskScreen(Session(cafe_store))
    screen.speaks_replies = True
    states: list[str] = []

    def on_state(state: str) -> None:
        if not states or states[-1] != state:
            states.append(state)
        screen.loop_state(state)

    turns = Turns(screen, "a large latte with oat milk")
    pressed: list[Reply | None] = []

    def press_when_read_back() -> None:  # the shopper taps "Yes" once the read-back has been said
        if not pressed and loop.results and not loop.speaking and screen.readback:
            pressed.append(screen.press("confirm", screen.turn))

    mic = Mic(room, speak("A large latte with oat milk, please."), press_when_read_back)
    lines: list[str] = []
    loop = KioskLoop(turns, mic, Speaker(room), LoopSettings(max_seconds=12, idle_reprompt_s=0),  # type: ignore[arg-type]
                     echo=lines.append, clock=room.clock, on_state=on_state, replies=screen.take_reply)
    mic.loop = loop
    loop.run()

    assert pressed and pressed[0] is not None and pressed[0].order_number
    assert len(cafe_store.orders()) == 1
    assert turns.said == [pressed[0].text]  # the press's reply was said, once
    assert "you: (pressed a button on the screen)" in lines
    i = states.index
    assert states[0] == "speaking"  # the greeting
    assert i("hearing") < i("thinking") < states.index("speaking", i("thinking"))
    assert states.count("speaking") == 3  # greeting, read-back, the pressed yes's reply
    assert states[-1] == "stopped"
    snap = screen.hub.snapshot()
    assert snap["state"] == "stopped" and snap["order_number"] == pressed[0].order_number
    assert [h["who"] for h in snap["history"]] == ["assistant", "you", "assistant", "you", "assistant"]
