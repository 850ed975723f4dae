"""Per-session state: the cart, what is in focus for "it" / "the second one", what we are waiting for.

The cart holds everything the shopper asked for; ``baseline`` remembers the lines as they were before
changes the shopper has not yet confirmed, so a plain "no" to "is that right?" takes them back off and
:meth:`State.confirmed_lines` tells what the shopper has agreed to.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from catalog.cart import Cart
from catalog.models import CartLine, Order, SelectedOption
from dialogue.parse_records import Context, Parse
from dialogue.pending import PendingKind as PendingKind  # re-exported: where it was defined before
from dialogue.specs import ItemSpec
from dialogue.types import Reply

_TAKEN_OFF_KEPT = 20  # lines remembered as taken off, the latest


@dataclass
class Pending:
    """A question we asked and the answer we expect."""

    kind: PendingKind
    item: ItemSpec | None = None
    group: str | None = None
    candidates: tuple[str, ...] = ()
    parse: Parse | None = None
    order_number: str | None = None
    rest: list[ItemSpec] = field(default_factory=list)
    asked_again: bool = False  # the question was put again once already (a checkout said before its answer)
    line_id: int | None = None  # an offer to change this cart line ("would you like it warmed?"), not to add one
    asked_about: str | None = None  # a product asked about while this waited ("what's in the ginger shot"): "two of
    # those" then orders it besides the answer (:mod:`dialogue.asked_meanwhile`)


@dataclass(frozen=True)
class ReadBack:
    """What the last read-back said: the turn it was said in, every cart line as read, the order type."""

    turn: int
    lines: tuple[CartLine, ...]
    order_type: str | None


@dataclass
class State:
    cart: Cart
    session_id: str
    baseline: list[CartLine] | None = None  # the cart before the latest unconfirmed change
    baseline_turn: int = -1  # the turn that change was made in
    readback: ReadBack | None = None  # the last complete read-back of the order
    offer: ItemSpec | None = None  # what a refusal just offered instead ("only three left: would you like three?")
    told_left: tuple[int, str, int] | None = None  # (turn, sku, how many): "we have two left" ("ill take both")
    removed_turn: int = -1  # the turn that last took a whole line off or added none ("... a croissant instead" adds)
    taken_off: list[tuple[int, CartLine]] = field(default_factory=list)  # (turn, line as it was): "put it back on"
    # (turn, line id, the choices that turn put on that line): "with chicken" then "no wait, with tuna" swaps them
    added: tuple[int, int, tuple[SelectedOption, ...]] | None = None
    announced: tuple[int, int] | None = None  # (turn, line id): "i want to order a pie", a line the next turn fills
    # (turn, ((line id, units), ...)): the lines the latest turn that ordered added to, and how many ("cod and chips"
    # - "the same again for my wife": both again)
    ordered: tuple[int, tuple[tuple[int, int], ...]] | None = None
    focus_line: int | None = None
    shown: list[str] = field(default_factory=list)  # SKUs last listed to the shopper
    topic: str | None = None  # the one product talked about last ("that one"); None right after a list
    listed: tuple[str, str, int] | None = None  # (sku, group, turn): a product's choices of a group just listed
    unsold: tuple[tuple[str, ...], int] | None = None  # (nouns, turn): things asked for that the shop does not sell
    asked: tuple[int, tuple[ItemSpec, ...]] | None = None  # (turn, items): kinds of one product asked after in
    # stock ("have you got steak and kidney and chicken and mushroom pies"; "one of each then" orders them)
    said: int = 0  # how many of ``shown`` were read out ("what else?" goes on from there)
    pending: Pending | None = None
    order_type: str | None = None
    customer: str | None = None
    channel: str = "text"
    placed: list[Order] = field(default_factory=list)
    checkouts: int = 0  # orders placed so far in this session: part of the idempotency key
    last_reply: Reply | None = None
    turns: int = 0
    stock_of: Callable[[str, str | None], int | None] | None = None  # the store's stock lookup
    nonce: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    # who each unit of a line is for ("two for me and my sister": ("me", "sister")), by line id; never logged
    owners: dict[int, tuple[str, ...]] = field(default_factory=dict, repr=False)
    people_said: dict[int, tuple[str, ...]] = field(default_factory=dict, repr=False)  # this turn's, by item start

    # --- unconfirmed changes ------------------------------------------------------------------
    def begin_change(self) -> None:
        """Called before a turn changes the cart: a later plain "no" undoes this turn's change only."""
        if self.baseline is None or self.baseline_turn != self.turns:
            self.baseline = list(self.cart.lines)
            self.baseline_turn = self.turns

    def commit(self) -> None:
        self.baseline = None

    def revert(self) -> list[CartLine]:
        """Undo the unconfirmed changes; returns the lines that went away or changed."""
        if self.baseline is None:
            return []
        before = {line.line_id: line for line in self.baseline}
        undone = [line for line in self.cart.lines if before.get(line.line_id) != line]
        self.cart.lines[:] = self.baseline
        self.baseline = None
        if self.focus_line is not None and self.focus_line not in {line.line_id for line in self.cart.lines}:
            self.focus_line = self.cart.lines[-1].line_id if self.cart.lines else None
        return undone

    def confirmed_lines(self) -> list[CartLine]:
        return list(self.baseline if self.baseline is not None else self.cart.lines)

    def readback_current(self) -> bool:
        """The previous turn read back the whole order, and the cart is still exactly what it read."""
        rb = self.readback
        return rb is not None and rb.turn == self.turns - 1 and rb.lines == tuple(self.cart.lines) \
            and rb.order_type == self.order_type

    def take_off(self, line: CartLine, units: int | None = None) -> None:
        """Take ``units`` of ``line`` off the cart (all of it when None), remembered as taken off so that "put the
        cannolis back on" brings them back as they were."""
        if units is None or units >= line.quantity:
            self.cart.remove(line.line_id)
            units = line.quantity
        else:
            self.cart.set_quantity(line.line_id, line.quantity - units)
        self.taken_off.append((self.turns, replace(line, quantity=units)))
        del self.taken_off[:-_TAKEN_OFF_KEPT]

    # --- focus ----------------------------------------------------------------------------------
    def focus(self) -> CartLine | None:
        for line in self.cart.lines:
            if line.line_id == self.focus_line:
                return line
        return self.cart.lines[-1] if self.cart.lines else None

    def note_ordered(self, line_id: int, units: int) -> None:
        """``units`` were just ordered onto the line ``line_id`` in this turn (see ``ordered``)."""
        earlier = self.ordered[1] if self.ordered is not None and self.ordered[0] == self.turns else ()
        self.ordered = (self.turns, (*earlier, (line_id, units)))

    def idempotency_key(self) -> str:
        """One key per checkout of this session object: a repeated yes replays, a reused session id does not."""
        return f"{self.session_id}-{self.nonce}-{self.checkouts + 1}"

    def context(self) -> Context:
        p = self.pending
        focus = self.focus()
        return Context(
            pending=p.kind if p else None,
            expect_group=p.group if p else None,
            expect_sku=p.item.skus[0] if p and p.item and len(p.item.skus) == 1 else None,
            candidates=p.candidates if p else (),
            last_sku=focus.sku if focus else None,
            has_lines=bool(self.cart.lines),
            shown=tuple(self.shown),
            line_skus=tuple(line.sku for line in self.cart.lines),
            line_options=tuple(tuple((o.group, o.value) for o in line.options) for line in self.cart.lines),
            line_units=tuple(line.quantity for line in self.cart.lines),
            listing=len(self.shown) > 1 and self.topic is None,
            topic=self.topic,
            listed=self.listed[:2] if self.listed and self.listed[2] == self.turns - 1 else None,
            asked=self.asked[1] if self.asked and self.asked[0] == self.turns - 1 else (),
            focus_units=sum(line.quantity for line in self.cart.lines if focus and line.sku == focus.sku),
            focus_options=tuple((o.group, o.value) for o in focus.options) if focus else (),
            focus_fresh=focus is not None and self.added is not None and self.added[0] == self.turns - 1
            and self.added[1] == focus.line_id,
            focus_quantity=focus.quantity if focus else 0,
            unsold=self.unsold[0] if self.unsold and self.unsold[1] == self.turns - 1 else (),
        )


@dataclass
class Outcome:
    """What one turn did: sentences to say, actions taken, products shown, an order number."""

    parts: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    shown: list[str] | None = None  # SKUs to display
    order_number: str | None = None
    readback_at: int | None = None  # where the read-back of the order starts in ``parts``

    def say(self, *parts: str) -> Outcome:
        self.parts.extend(p for p in parts if p)
        return self

    def act(self, action: str) -> Outcome:
        if action not in self.actions:
            self.actions.append(action)
        return self
