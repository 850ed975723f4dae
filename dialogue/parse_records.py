"""What an understanding is told and what it hands on: the :class:`Context` of the conversation so far, the
:class:`Parse` of one turn (built by the rules through its mutable :class:`ParseDraft`), the :class:`Understanding`
Protocol (:class:`dialogue.understanding.RuleUnderstanding`, :class:`dialogue.llm.LLMUnderstanding`), and the facts of
a parse in its context that the rules of ``data/context.toml`` test.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Protocol

from dialogue.counts import CountIssue
from dialogue.intents import Intent
from dialogue.specs import ItemSpec, OptionSpec


@dataclass(frozen=True)
class Context:
    """What the session tells the understanding about the conversation so far."""

    pending: str | None = None  # "confirm_change", "checkout", "clarify_option", "clarify_product", ...
    expect_group: str | None = None  # the option group just asked about
    expect_sku: str | None = None  # the product whose choice of that group was just asked
    candidates: tuple[str, ...] = ()  # product SKUs just offered
    last_sku: str | None = None  # product of the line last touched
    has_lines: bool = False
    shown: tuple[str, ...] = ()  # products just listed or talked about
    line_skus: tuple[str, ...] = ()  # products of the cart lines, oldest first
    line_options: tuple[tuple[tuple[str, str], ...], ...] = ()  # (group, value) of each line's choices, as line_skus
    line_units: tuple[int, ...] = ()  # the count of each line, as line_skus
    listing: bool = False  # several products were just listed and none picked since
    topic: str | None = None  # the one product talked about last
    listed: tuple[str, str] | None = None  # (sku, group): that product's choices of that group were just listed
    asked: tuple[ItemSpec, ...] = ()  # kinds of one product just asked after in stock, each said as an item
    focus_units: int = 0  # units in the cart lines of the product in focus ("and a naan for each" of them)
    focus_options: tuple[tuple[str, str], ...] = ()  # (group, value) of each choice the line in focus holds
    focus_fresh: bool = False  # the line in focus was ordered or changed by the turn before
    focus_quantity: int = 0  # units of the line in focus itself ("double that": twice as many)
    unsold: tuple[str, ...] = ()  # nouns the turn before asked for that the shop does not sell ("do you have lipstick")

    def without_the_cart(self) -> Context:
        """The conversation as if the cart held nothing: how the words read when no line is there to take them.
        Every field about the cart's lines is cleared here, next to where the fields are declared."""
        held = set(self.line_skus)
        return dataclasses.replace(self, last_sku=None, has_lines=False, line_skus=(), line_options=(),
                                   line_units=(), focus_units=0, focus_options=(), focus_fresh=False, focus_quantity=0,
                                   topic=None if self.topic in held else self.topic,
                                   shown=tuple(s for s in self.shown if s not in held))


@dataclass(frozen=True)
class Parse:
    """What one turn says, as the policy reads it: frozen, so nothing downstream rewrites the reading (a change
    is a new record: ``dataclasses.replace``). Token positions (``ItemSpec.start``, ``OptionSpec.pos``,
    ``option_at``) index ``tokens``. Built by :meth:`ParseDraft.freeze` (the rules) or by the model stage
    (:mod:`dialogue.llm`)."""

    intent: Intent  # what the turn does (the policy dispatches on it)
    text: str = ""  # the turn as said
    tokens: tuple[str, ...] = ()  # normalised tokens: number words as digits, misheard words corrected
    items: tuple[ItemSpec, ...] = ()  # the products named, in spoken order, each with its count and choices
    options: tuple[OptionSpec, ...] = ()  # choices attached to no product named in this turn
    groups: tuple[str, ...] = ()  # option groups named ("what milks ...")
    quantity: int | None = None  # a bare quantity ("actually three")
    affirm: bool = False  # a yes somewhere in the turn (the confirmation slot reads the turn on its own)
    deny: bool = False  # a no somewhere in the turn
    question: bool = False  # some sentence of the turn is a question
    order_type: str | None = None  # "here" / "to go" when said
    min_cents: int | None = None  # "over five dollars"
    max_cents: int | None = None  # "under five dollars"
    order_number: str | None = None  # the digits of an order number said
    ordinal: int | None = None  # "the second one" (1-based, -1 = last)
    ref: str | None = None  # "it", "more" (another / same again), "cheaper", "pricier", "all", "other", "only"
    replace: bool = False  # "make that a mocha": swap the product of the line in focus
    replaces: ItemSpec | None = None  # "a mocha instead of the latte": the item whose line is swapped
    count_issue: CountIssue | None = None  # "0 scones", "-3 muffins", "2 1/2 lattes": asked, never altered
    search_words: tuple[str, ...] = ()  # the words a search is made of
    ordering: bool = False  # some item was named outside a question sentence
    hold: bool = False  # an order followed by a question: answer, then offer the item (not added yet)
    portion: int | None = None  # "make one of them iced": how many units of a line the change is for
    rest_options: tuple[OptionSpec, ...] = ()  # "... and the other one decaf"
    option_at: frozenset[int] = frozenset()  # token positions inside option mentions ("size 10")
    selector: tuple[OptionSpec, ...] = ()  # "make the mango one half sugar": how the line meant is made
    asked_about: tuple[ItemSpec, ...] = ()  # "how much is a muffin, and I'll have a latte": named only in a question
    not_sold: tuple[str, ...] = ()  # "do you have lipstick, a red one": nouns asked for that the shop does not sell


@dataclass
class ParseDraft:
    """The working record while the rules read a turn (the same fields as :class:`Parse`, mutable);
    :meth:`freeze` gives the :class:`Parse` the policy reads."""

    intent: Intent
    text: str = ""
    tokens: list[str] = field(default_factory=list)
    items: list[ItemSpec] = field(default_factory=list)
    options: list[OptionSpec] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    quantity: int | None = None
    affirm: bool = False
    deny: bool = False
    question: bool = False
    order_type: str | None = None
    min_cents: int | None = None
    max_cents: int | None = None
    order_number: str | None = None
    ordinal: int | None = None
    ref: str | None = None
    replace: bool = False
    replaces: ItemSpec | None = None
    count_issue: CountIssue | None = None
    search_words: list[str] = field(default_factory=list)
    ordering: bool = False
    hold: bool = False
    portion: int | None = None
    rest_options: list[OptionSpec] = field(default_factory=list)
    option_at: frozenset[int] = frozenset()
    selector: list[OptionSpec] = field(default_factory=list)
    asked_about: list[ItemSpec] = field(default_factory=list)
    not_sold: list[str] = field(default_factory=list)

    def freeze(self) -> Parse:
        return Parse(
            self.intent, self.text, tuple(self.tokens), tuple(self.items), tuple(self.options), tuple(self.groups),
            self.quantity, self.affirm, self.deny, self.question, self.order_type, self.min_cents, self.max_cents,
            self.order_number, self.ordinal, self.ref, self.replace, self.replaces, self.count_issue,
            tuple(self.search_words), self.ordering, self.hold, self.portion, tuple(self.rest_options),
            self.option_at, tuple(self.selector), tuple(self.asked_about), tuple(self.not_sold))


class Understanding(Protocol):
    def parse(self, text: str, context: Context) -> Parse: ...


def rule_facts(p: ParseDraft | Parse, ctx: Context) -> dict[str, bool]:
    """The conditions the context rules of ``data/context.toml`` test (``dialogue.phrasebook.CONDITIONS``)."""
    return {"listing": ctx.listing, "shown": bool(ctx.shown), "has_lines": ctx.has_lines,
            "topic_apart": ctx.topic is not None and ctx.topic not in ctx.line_skus,
            "items": bool(p.items), "options": bool(p.options), "question": p.question, "deny": p.deny}
