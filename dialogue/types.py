"""The records that cross the dialogue boundary: what a turn carries in and what comes back."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class TurnMeta:
    """What the voice layer knows about a turn.

    ``asr_confidence`` is 0..1 (None for typed text). ``caller_id`` becomes the order's customer
    reference. ``channel`` is ``text``, ``kiosk`` or ``phone``. ``dtmf`` carries keypad digits.
    """

    asr_confidence: float | None = None
    caller_id: str | None = None
    channel: str = "text"
    dtmf: str | None = None


class Action(enum.StrEnum):
    CART_CHANGED = "cart_changed"
    ORDER_PLACED = "order_placed"
    ORDER_CANCELLED = "order_cancelled"
    HANDOFF = "handoff"
    END = "end"


@dataclass(frozen=True)
class Reply:
    """A speakable reply, the actions taken and a structured payload a screen can render."""

    text: str
    actions: tuple[Action, ...] = ()
    display: Mapping[str, Any] = field(default_factory=dict)
    order_number: str | None = None

    @property
    def ends_conversation(self) -> bool:
        return Action.END in self.actions or Action.HANDOFF in self.actions


class Conversation(Protocol):
    """One conversation: what the voice layer and the benchmarks drive."""

    def greeting(self) -> Reply: ...

    def handle(self, text: str, meta: TurnMeta | None = None) -> Reply: ...
