"""The items an utterance asks for, as the parser hands them on: products (one, or several to ask between),
how many, and the choices said with each.

:class:`OptionSpec` is one choice as said (candidate group/value pairs, an amount such as "extra" or "light",
where it was said); :class:`ItemSpec` one item (candidate products, count, choices, where it was said).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dialogue.lexicon import Target


@dataclass(frozen=True)
class OptionSpec:
    """One choice as the shopper said it, not yet resolved against a product."""

    targets: tuple[Target, ...]  # candidate (group, value) pairs; resolved against the product
    amount: str = "regular"
    qualifier: str = ""
    pos: int = -1  # token index where it was said (-1: not from this utterance)
    said: str = ""  # the shopper's words for it, when known ("room temperature"), to say back
    part: bool = False  # one kind of a box's mix said apart ("half glazed half chocolate"): no refinement of another
    size_word: str = ""  # a plain size word said right before it ("the big bag"): the end of a group so named


@dataclass
class ItemSpec:
    """One item as said; the parser narrows it in place (products, count, choices) before it is handed on."""

    skus: tuple[str, ...]  # candidate products: one means resolved, several mean "which one?"
    quantity: int | None = None  # None: not said (1)
    options: list[OptionSpec] = field(default_factory=list)
    start: int = 0
    end: int = 0
    exact: bool = True  # the product was named in full (not a sub-phrase like "tea")
    instead_of: ItemSpec | None = None  # the item said not wanted in its place ("not the staples, I meant paper
    # clips", "I said curry sauce not mushy peas"): a line of it in the cart is what this one replaces
    corrected_from: int | None = None  # where the item it corrected in the same turn began ("a curry goat roti
    # uh no make that a curry chicken roti"): the words of that correction change no line of the cart
