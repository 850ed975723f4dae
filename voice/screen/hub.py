"""What the screen shows, kept in one place: a versioned snapshot readers wait on, and the kiosk's shared turn.

:class:`Hub` holds the latest JSON-ready snapshot with a version number; each server-sent-events client waits
for a version newer than the one it sent last, so a reload, a second tab or a reconnect gets the current
state first and then every change. Snapshots are whole, never diffs: a client that missed updates loses
nothing.

:class:`KioskScreen` wraps the dialogue ``Session`` (any ``Conversation``) that the voice loop drives and is
handed to the voice pipeline in its place. Every turn, spoken, typed or pressed, goes through its one lock,
so a click on "Yes, place my order" and a spoken "yes" at the same moment are two turns one after the
other: the first places the order, the second is answered by the dialogue's own rules (the order is already
placed). A button press is a keypad turn through ``Session.handle`` (DTMF ``1`` = yes, ``2`` = no), so the
strict confirmation rule applies to it exactly as to speech, and it names the turn whose read-back it
answers: a press from a stale page (a double click, a second tab) is refused without a turn.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Mapping, Sequence
from typing import Any

from dialogue.types import Conversation, Reply, TurnMeta

CONFIRM_KINDS = ("confirm_change", "checkout")  # pending questions a "yes" answers by placing the order
LOOP_STATES = ("starting", "ready", "listening", "hearing", "thinking", "speaking", "microphone missing", "stopped")
BUTTONS = {"confirm": ("1", "Yes, place my order"), "change": ("2", "Change something")}
MAX_TYPED = 500


class Closed(Exception):
    """The hub closed, or dropped its clients: the reader should end its stream."""


class Hub:
    """The latest snapshot, its version, and a condition readers wait on."""

    def __init__(self, data: Mapping[str, Any] | None = None):
        self._cond = threading.Condition()
        self._version = 0
        self._data: dict[str, Any] = dict(data or {})
        self._generation = 0
        self._closed = False

    def publish(self, data: Mapping[str, Any]) -> int:
        with self._cond:
            self._version += 1
            self._data = {**data, "version": self._version}
            self._cond.notify_all()
            return self._version

    def snapshot(self) -> dict[str, Any]:
        with self._cond:
            return self._data

    @property
    def generation(self) -> int:
        with self._cond:
            return self._generation

    def wait(self, after: int, generation: int, timeout: float) -> dict[str, Any] | None:
        """The snapshot once its version is past ``after``; None after ``timeout`` s without a change.

        Raises :class:`Closed` when the hub closes or :meth:`drop_clients` moved on from ``generation``."""
        with self._cond:
            ok = self._cond.wait_for(
                lambda: self._closed or self._generation != generation or self._version > after, timeout
            )
            if self._closed or self._generation != generation:
                raise Closed()
            return self._data if ok else None

    def drop_clients(self) -> None:
        """End every open stream (clients reconnect and get the current state)."""
        with self._cond:
            self._generation += 1
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()


def _price(cents: int, currency: str) -> str:
    from catalog.money import format_price

    try:
        return format_price(int(cents), currency)
    except Exception:  # noqa: BLE001 - a display never fails on an odd currency
        return f"{int(cents) / 100:.2f} {currency}"


class KioskScreen:
    """The kiosk's conversation as the screen shows it; a drop-in ``Conversation`` for the voice pipeline."""

    def __init__(self, conversation: Conversation, *, typing: bool = False, history: int = 8,
                 channel: str = "kiosk"):
        self.conversation = conversation
        self.typing = typing  # the page offers a text box (voicecart screen: a text kiosk)
        self.channel = channel
        self.hub = Hub()
        self._turn_lock = threading.RLock()  # one turn at a time, whichever way it comes
        self._lock = threading.RLock()  # the snapshot's fields (never held during a turn)
        self._turn = 0
        self._state = "starting"
        self._heard = ""
        self._reply = ""
        self._reply_obj: Reply | None = None
        self._words: dict[int, tuple[str, str]] = {}
        self._history: deque[dict[str, str]] = deque(maxlen=history)
        self._speak: deque[str] = deque(maxlen=4)
        self.speaks_replies = False  # a voice loop takes the replies to presses and says them
        self.orders_placed: list[str] = []
        self._publish()

    # --- the Conversation protocol (what the voice pipeline calls) ------------------------------
    def greeting(self) -> Reply:
        with self._turn_lock:
            reply = self.conversation.greeting()
            self._record(None, reply, "")
            return reply

    def handle(self, text: str, meta: TurnMeta | None = None) -> Reply:
        with self._turn_lock:
            reply = self.conversation.handle(text, meta)
            self._record(text, reply, "voice" if meta is not None and meta.asr_confidence is not None else "")
            return reply

    # --- the screen's own turns ----------------------------------------------------------------
    @property
    def turn(self) -> int:
        with self._lock:
            return self._turn

    @property
    def readback(self) -> bool:
        """The assistant has read the order back and waits for yes or no: the two buttons apply."""
        with self._lock:
            d = self._display()
        return d.get("pending") in CONFIRM_KINDS and bool((d.get("cart") or {}).get("lines"))

    def press(self, button: str, turn: int) -> Reply | None:
        """A press of "confirm" or "change" on the page that showed ``turn``; None (no turn taken) when that
        page is stale or no read-back is waiting."""
        if button not in BUTTONS:
            raise ValueError(f"no such button: {button!r}")
        digit, label = BUTTONS[button]
        with self._turn_lock:
            if turn != self._turn or not self.readback:
                return None
            reply = self.conversation.handle("", TurnMeta(channel=self.channel, dtmf=digit))
            self._record(label, reply, "screen")
            if self.speaks_replies:
                with self._lock:
                    self._speak.append(reply.text)
            return reply

    def type_text(self, text: str) -> Reply:
        """A typed turn (text mode): the same session, the same lock."""
        text = " ".join(str(text).split())[:MAX_TYPED]
        with self._turn_lock:
            reply = self.conversation.handle(text, TurnMeta(channel=self.channel))
            self._record(text, reply, "typed")
            return reply

    def take_reply(self) -> str | None:
        """The reply to a press, for the voice loop to say (oldest first); None when there is none."""
        with self._lock:
            return self._speak.popleft() if self._speak else None

    def loop_state(self, state: str) -> None:
        """The voice loop's state: listening, hearing, thinking, speaking, microphone missing, stopped."""
        with self._lock:
            if state != self._state:
                self._state = state
                self._publish()

    # --- the snapshot ----------------------------------------------------------------------------
    def _display(self) -> Mapping[str, Any]:
        return self._reply_obj.display if self._reply_obj is not None else {}

    def _record(self, heard: str | None, reply: Reply, source: str) -> None:
        with self._lock:
            self._record_locked(heard, reply, source)

    def _record_locked(self, heard: str | None, reply: Reply, source: str) -> None:
        if heard is not None:
            self._turn += 1
            self._heard = heard
            self._history.append({"who": "you", "text": heard or "(not understood)", "source": source})
        self._reply = reply.text
        self._reply_obj = reply
        self._words = self._option_words()  # read from the session inside the turn, never beside one
        self._history.append({"who": "assistant", "text": reply.text, "source": ""})
        if reply.order_number:
            self.orders_placed.append(reply.order_number)
        self._publish()

    def _option_words(self) -> dict[int, tuple[str, str]]:
        """line_id -> (words before the name, words after it), defaults left out, as the read-back says them."""
        session: Any = self.conversation
        try:
            from dialogue.replies import describe_options

            products = session.lexicon.products
            return {line.line_id: describe_options(products.get(line.sku), line.options)
                    for line in session.cart.lines}
        except Exception:  # noqa: BLE001 - another Conversation: the options as the payload has them
            return {}

    def _cart(self, cart: Mapping[str, Any]) -> dict[str, Any]:
        currency = str(cart.get("currency") or "USD")
        words = self._words
        lines = []
        for line in cart.get("lines") or []:
            opts: Sequence[Mapping[str, Any]] = line.get("options") or []
            pre, post = words.get(line.get("line_id", -1), ("", ""))
            if line.get("line_id", -1) not in words:
                post = ", ".join(f"{o.get('value')} {o.get('group')}" for o in opts)
            lines.append({
                "name": " ".join(x for x in (pre, str(line.get("name", ""))) if x),
                "options": post.removeprefix(" with ").strip(),
                "quantity": int(line.get("quantity", 1)),
                "unit_price": _price(line.get("unit_price_cents", 0), currency),
                "total": _price(line.get("total_cents", 0), currency),
            })
        return {
            "lines": lines,
            "subtotal": _price(cart.get("subtotal_cents", 0), currency),
            "tax": _price(cart.get("tax_cents", 0), currency) if cart.get("tax_cents") else "",
            "total": _price(cart.get("total_cents", 0), currency),
            "unconfirmed": bool(cart.get("unconfirmed")),
        }

    def _publish(self) -> None:
        d = self._display()
        cart = d.get("cart") or {}
        currency = str(cart.get("currency") or "USD")
        orders = [str(o) for o in d.get("orders") or []]
        placed = self._reply_obj.order_number if self._reply_obj is not None else None
        if placed is None and orders and not cart.get("lines"):
            placed = orders[-1]
        self.hub.publish({
            "kind": "kiosk",
            "typing": self.typing,
            "state": self._state,
            "turn": self._turn,
            "heard": self._heard,
            "reply": self._reply,
            "history": list(self._history),
            "products": [{"name": p.get("name", ""), "price": _price(p.get("price_cents", 0), currency),
                          "category": p.get("category") or ""} for p in d.get("products") or []],
            "cart": self._cart(cart),
            "pending": d.get("pending"),
            "readback": self.readback,
            "order_number": placed,
            "orders": orders,
        })

