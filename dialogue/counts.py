"""Counts a shopper says that cannot be a cart line as said: none, fewer than none, part of one, too many.

Such a count is never quietly turned into another one ("0 scones" is not one scone, "-3 muffins" is not
three): the turn changes nothing and the shopper is asked how many. The limits are one typed table.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dialogue.normalize import fold
from dialogue.numbers import COUNT_UNITS, PRICE_WORDS
from dialogue.phrasebook import words
from dialogue.quantity import GLUE
from dialogue.specs import ItemSpec, OptionSpec


@dataclass(frozen=True)
class CountLimits:
    """How many of one item one spoken order takes; more is referred to a person (a misheard "9000 coffees").

    ``max_per_line``: the most of any item. Above it, a cheap unit a shop sells by the hundred (copies by the page,
    labels, prints) is still taken while the line costs at most ``max_bulk_cents`` at its base price and counts at
    most ``max_bulk`` (the counts a shopper's number is read as go below a thousand): "250 copies" at twelve cents
    is a line, "9000 coffees" is not, "150 lattes" is not."""

    max_per_line: int = 100
    max_bulk: int = 999
    max_bulk_cents: int = 25_000

    def most(self, price_cents: int | None) -> int:
        """The most of one unit at that price one order takes: 100 of a latte, 423 colour copies at 59 cents."""
        if not price_cents or price_cents <= 0:
            return self.max_per_line
        return max(self.max_per_line, min(self.max_bulk, self.max_bulk_cents // price_cents))


LIMITS = CountLimits()


class CountIssue(enum.StrEnum):
    ZERO = "zero"
    NEGATIVE = "negative"
    FRACTION = "fraction"
    TOO_MANY = "too_many"
    PACKS = "packs"  # "four AA batteries" for a product sold in packs of eight: four packs, or four batteries?
    VAGUE = "vague"  # "a few poppadoms": some number, not said


_PACK_WORDS = words("pack_words")
_DEFINITE = words("definite")
_PIECE_WORDS = words("piece_words")
_MEASURE_UNITS = words("measure_units")
_VAGUE_COUNTS = words("vague_counts")
_PACK_FIRST = words("pack_words_first")


def pack_size(name_words: Sequence[str]) -> int | None:
    """The pieces in one unit of a product named like "aa batteries 8 pack" / "pencils 12 count", else None. A
    number opening the name is a pack only with a pack word after it ("6 pack cola", "12 ct pencils"); with
    another piece word it says the product's make ("two piece suit", "three piece suit": one suit each)."""
    for k, (a, b) in enumerate(zip(name_words, name_words[1:], strict=False)):
        if a.isdigit() and int(a) > 1 and b in (_PIECE_WORDS if k else _PACK_FIRST):
            return int(a)
    return None


_NEGATIVE_TEXT = re.compile(r"(?:^|[\s,(:;])[-\u2212\u2013]\s?\d")
_NUMBER_PAIR = re.compile(r"(\d+)\s*/\s*(\d+)")
_FRACTION_TEXT = re.compile(r"\d\s*/\s*\d|\d\s*[\u00bd\u00bc\u00be]|[\u00bd\u00bc\u00be]")
_WINDOW = 4  # tokens before an item that may hold its count


def _line_recounted(toks: Sequence[str], item: ItemSpec) -> bool:
    """"make the batteries two", "the batteries to two": a line named by "the" with its count said after it counts
    the line's own units (its packs), as the line was ordered, not the pieces a pack holds."""
    return item.start > 0 and toks[item.start - 1] in _DEFINITE \
        and not any(t.isdigit() or t in ("a", "an", "one") for t in toks[max(0, item.start - _WINDOW):item.start])


def prev_window_start(window: Sequence[int]) -> int:
    return window[0] if window else 0


def _in_choice(toks: Sequence[str], items: Sequence[ItemSpec], i: int,
               offers: Callable[[str, OptionSpec], bool] | None) -> bool:
    """Token ``i`` lies inside a choice an item holds and its product offers: a number word of a value's name is
    no count ("inch and a half wood screws", "a coke zero"); but not when a package word follows the choice ("two
    and a half boxes"), nor a choice the product does not have ("half a sourdough loaf")."""
    return offers is not None and any(
        o.pos <= i < (end := o.pos + len(o.said.split())) and (end >= len(toks) or toks[end] not in _PACK_WORDS)
        and len(it.skus) == 1 and offers(it.skus[0], o) for it in items for o in it.options if o.pos >= 0)


def _names_choice(raw: str, at: int, toks: Sequence[str], items: Sequence[ItemSpec],
                  offers: Callable[[str, OptionSpec], bool] | None) -> bool:
    """"antifreeze 50/50": the numbers around a slash at ``at`` in the text are, as said, a choice an item holds
    and its product offers (the "50/50" mix), not a fraction of it."""
    pair = _NUMBER_PAIR.search(raw, max(0, at - 12))
    while pair is not None and pair.end() <= at:
        pair = _NUMBER_PAIR.search(raw, pair.end())
    if pair is None or not pair.start() <= at < pair.end() or offers is None:
        return False
    said = (pair[1], pair[2])
    return any(len(it.skus) == 1 and o.pos >= 0 and offers(it.skus[0], o)
               and said in zip(words := o.said.split(), words[1:], strict=False)
               for it in items for o in it.options)


def _vague_count(toks: Sequence[str], i: int, item: ItemSpec) -> bool:
    """"a few poppadoms", "several of the bagels", "a few more pork samosas": a word for some number, with only
    glue or the item's own choices between it and the item, is no count; never turned into one (asked instead)."""
    chosen = {k for o in item.options if o.pos >= 0 for k in range(o.pos, o.pos + max(len(o.said.split()), 1))}
    return toks[i] in _VAGUE_COUNTS and all(
        w in GLUE or w in ("more", "uh", "um") or k in chosen for k, w in enumerate(toks[i + 1:item.start], i + 1))


def _most_of(item: ItemSpec, limits: CountLimits, price: Callable[[str], int | None] | None) -> int:
    """The most of ``item`` one order takes: of the dearest product it may name ("copies": black and white or
    colour), the one-hundred cap when a price is unknown."""
    if price is None or not item.skus:
        return limits.max_per_line
    prices = [price(sku) for sku in item.skus]
    return limits.most(None if any(p is None for p in prices) else max(p for p in prices if p is not None))


def _piece_size(item: ItemSpec, n: int, pieces: Callable[[ItemSpec, int], bool] | None) -> bool:
    """"five hundred business cards" for cards sold in boxes of 250, 500 or 1000: the number is the box the item
    took as its choice, not five hundred boxes: no count too many (the item's own count is checked apart)."""
    return pieces is not None and pieces(item, n)


def count_issue(text: str, toks: Sequence[str], items: Sequence[ItemSpec], limits: CountLimits = LIMITS,
                packs: Callable[[str], int | None] | None = None,
                offers: Callable[[str, OptionSpec], bool] | None = None,
                price: Callable[[str], int | None] | None = None,
                pieces: Callable[[ItemSpec, int], bool] | None = None) -> CountIssue | None:
    """The first count in the turn that cannot stand for an order line, or None. ``offers(sku, spec)``: whether
    that product has that choice ("half a tuna sandwich": the half size, when the sandwich comes in halves);
    ``price(sku)``: its base price in cents, which sets how many one order takes (``CountLimits.most``);
    ``pieces(item, n)``: whether the item took ``n`` as its own size ("500 business cards": a box of 500)."""
    if not items:
        return None
    raw = fold(text)
    if _NEGATIVE_TEXT.search(raw):
        return CountIssue.NEGATIVE
    if any(not _names_choice(raw, m.start(), toks, items, offers) for m in _FRACTION_TEXT.finditer(raw)):
        return CountIssue.FRACTION
    prev_end = 0
    for item in sorted(items, key=lambda it: it.start):
        most = _most_of(item, limits, price)
        window = list(range(max(prev_end, item.start - _WINDOW), item.start))
        prev_end = item.end
        words = [toks[i] for i in window]
        for k, (i, t) in enumerate(zip(window, words, strict=True)):
            nxt = words[k + 1] if k + 1 < len(words) else toks[item.start]
            if _in_choice(toks, items, i, offers):
                continue
            if t in ("minus", "negative") and (nxt.isdigit() or nxt == "one"):
                return CountIssue.NEGATIVE
            if t in ("0", "zero") and nxt not in PRICE_WORDS:
                return CountIssue.ZERO
            if t in ("half", "quarter", "third") and (nxt in ("a", "an", "of") or words[max(0, k - 2):k] == ["and", "a"]) \
                    and not (any(o.pos == i for it in items for o in it.options)
                             and any(w in _MEASURE_UNITS for w in toks[i + 1:i + 4])) \
                    and not (offers is not None and len(item.skus) == 1 and any(
                        o.pos == i and offers(item.skus[0], o) for o in item.options)):
                # ("half a pound": a weight; "half a tuna on wheat": the sandwich's half size)
                return CountIssue.FRACTION
            if re.fullmatch(r"\d+\.\d+", t) and nxt not in PRICE_WORDS:
                return CountIssue.FRACTION
            if _vague_count(toks, i, item):
                return CountIssue.VAGUE
            if t.isdigit() and int(t) > most and not _piece_size(item, int(t), pieces) \
                    and all(w in GLUE or w in COUNT_UNITS for w in toks[i + 1:item.start]):
                return CountIssue.TOO_MANY  # "a thousand pencils": more than one spoken order takes
        if item.quantity is not None and item.quantity > most:
            return CountIssue.TOO_MANY
        if packs is not None and item.quantity is not None and item.quantity > 1 and len(item.skus) == 1 \
                and (packs(item.skus[0]) or 0) > 1 and not any(t in _PACK_WORDS for t in toks[prev_window_start(window):item.end]) \
                and not _line_recounted(toks, item):
            return CountIssue.PACKS
    return None
