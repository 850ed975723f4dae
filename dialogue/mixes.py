"""A box and its mix said together: "a dozen half glazed half chocolate frosted", "a half dozen three everything
and three sesame", "two dozen everything bagels", "a 25 count box of munchkins half glazed half chocolate", and
the mix alone as the answer to the box's question ("half glazed and half boston cream", "four everything four
plain and four sesame" for a dozen).

Everything comes from the catalog: a product with a choice group of several values (``multiple``) can be said
with a mix of that group's values; a product whose name says a count ("dozen donuts", "half a dozen") holds that
many pieces (:func:`box_pieces`), so "a dozen X" is that box when X are values of its mix. The shares ("half",
"3") are not counts of items of their own: the cart keeps which kinds are in the box, not how many of each.

Works on the tokens of :func:`dialogue.matcher.prepare` (number words as digits: "a dozen" -> ``12 dozen``,
"half a dozen" -> ``6``) and returns token spans; :mod:`dialogue.matcher` makes them mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from catalog.models import Product
from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.numbers import COUNT_UNITS
from dialogue.phrasebook import phrases, words

_SHARES = words("mix_shares")
_LEAD = words("mix_lead")
_FILLERS = words("fillers")
_EVENLY = phrases("mix_evenly")
_GROUP_LINKS = words("group_links")


@dataclass(frozen=True)
class MixPart:
    """One kind in a box's mix: its share and value ("3 everything", "half glazed"), with the group's noun when
    said after it ("everything bagels")."""

    start: int
    end: int  # exclusive
    targets: tuple[Target, ...]  # the value, in the box's own group only


@dataclass(frozen=True)
class Mix:
    end: int  # past the last part
    parts: tuple[MixPart, ...]
    start: int = -1  # where the mix's words begin, its share word before the first part ("half and half ...")


def box_pieces(lex: Lexicon, sku: str) -> int | None:
    """How many pieces a product holds when one of its names is a count ("dozen donuts" -> 12, "half a dozen" ->
    6); None when no name says one."""
    product = lex.products.get(sku)
    if product is None:
        return None
    for name in (product.name, *product.aliases):
        said = phrase_of(name)
        if said and said[0].isdigit() and all(w in COUNT_UNITS or not w.isdigit() for w in said[1:]):
            return int(said[0])
    return None


def is_box(lex: Lexicon, sku: str) -> bool:
    """A product named by a count that cannot be ordered without choosing its mix ("a dozen" of donuts: which
    donuts)."""
    product = lex.products.get(sku)
    return product is not None and box_pieces(lex, sku) is not None and any(
        g.multiple and g.required and g.default is None for g in product.option_groups)


def unit_box(lex: Lexicon, toks: Sequence[str], k: int) -> tuple[str, int] | None:
    """"two dozen" (``24 dozen``): the box sold as one of that unit ("dozen donuts") and how many of it; None when
    the shop sells no such box or the count is not whole units."""
    unit = toks[k] if 0 < k < len(toks) else ""
    if unit not in COUNT_UNITS or not toks[k - 1].isdigit():
        return None
    size = COUNT_UNITS[unit]
    count = int(toks[k - 1])
    if count <= 0 or count % size:
        return None
    boxes = [t.sku for t in lex.phrases.get((str(size), unit), ()) if t.kind == "product" and t.exact
             and is_box(lex, t.sku)]
    return (boxes[0], count // size) if len(set(boxes)) == 1 else None


def _value_at(lex: Lexicon, toks: Sequence[str], i: int, product: Product) -> tuple[int, tuple[Target, ...]] | None:
    """The longest phrase at ``i`` naming a value of one of the product's several-choice groups."""
    for size in range(min(lex.max_len, len(toks) - i), 0, -1):
        said = tuple(toks[i:i + size])
        found = [*lex.phrases.get(said, ()), *(lex.guarded.get(said[0], ()) if size == 1 else ())]
        hits = tuple(dict.fromkeys(t for t in found if t.kind == "option" and (g := product.group(t.group)) is not None
                                   and g.multiple and g.value(t.value) is not None))
        if hits:
            return i + size, hits
    return None


def _noun_after(lex: Lexicon, toks: Sequence[str], i: int, groups: set[str]) -> int:
    """Past the group's own noun said after a value ("everything bagels", "glazed donuts")."""
    if i < len(toks) and any(t.kind == "group" and t.group in groups for t in lex.phrases.get((toks[i],), ())):
        return i + 1
    return i


def read_mix(lex: Lexicon, toks: Sequence[str], i: int, sku: str, pieces: int | None, *,
             shared: bool = False) -> Mix | None:
    """The mix said from ``i`` for product ``sku``: values of one several-choice group of it, each with a share or
    none at all ("glazed and boston cream", "half glazed half chocolate", "6 everything 3 plain and 3 poppy").
    Counts must add up to the box (``pieces``); "half" goes with exactly two kinds. ``shared``: shares required
    (a box whose name says no count, or a mix said alone). None when no such mix is said there."""
    product = lex.products.get(sku)
    if product is None:
        return None
    evenly = _evenly_at(toks, i)
    if evenly:  # "half and half everything and sesame": two kinds, half each
        mix = read_mix(lex, toks, i + evenly, sku, None)
        if mix is None or len(mix.parts) != 2:
            return None
        return Mix(mix.end, mix.parts, i)
    parts: list[MixPart] = []
    shares: list[str] = []
    groups: set[str] = set()
    j, n = i, len(toks)
    while j < n:
        k = j + 1 if parts and toks[j] == "and" else j
        while k < n and toks[k] in _FILLERS:
            k += 1
        share = toks[k] if k < n and (toks[k].isdigit() or toks[k] in _SHARES) else ""
        hit = _value_at(lex, toks, k + 1 if share else k, product)
        if hit is None or (parts and bool(share) != bool(shares[0])):
            break
        end, targets = hit
        said = {t.group for t in targets}
        if parts and not said & groups:
            break
        groups = said & groups if parts else said
        end = _noun_after(lex, toks, end, groups)
        parts.append(MixPart(k, end, targets))
        shares.append(share)
        j = end
    if not parts:
        return None
    if any(s in _SHARES and _names_a_group(product, s) for s in shares):
        return None  # "half mushroom and half sausage" on a pie with toppings for each half: those groups, no mix
    values = [{t.value for t in p.targets if t.group in groups} for p in parts]
    if any(a & b for x, a in enumerate(values) for b in values[x + 1:]):
        return None  # "glazed and glazed": no mix
    if not shares[0]:
        return None if shared else Mix(j, tuple(_in(p, groups) for p in parts))
    if any(s in _SHARES for s in shares):
        if len(parts) != 2 or not all(s in _SHARES for s in shares):
            return None
    elif pieces is None or sum(int(s) for s in shares) != pieces or len(parts) < 2:
        return None  # "6 glazed" in a dozen: not the whole box
    return Mix(j, tuple(_in(p, groups) for p in parts))


def _evenly_at(toks: Sequence[str], i: int) -> int:
    """How many words at ``i`` say a box is shared evenly ("half and half"); 0 when none do."""
    return max((len(ph) for ph in _EVENLY if tuple(toks[i:i + len(ph)]) == ph), default=0)


def _names_a_group(product: Product, word: str) -> bool:
    """A group of ``product`` is named with ``word`` ("half" in "toppings on one half")."""
    return any(word in phrase_of(n) for g in product.option_groups for n in (g.name, *g.aliases))


def _in(part: MixPart, groups: set[str]) -> MixPart:
    return MixPart(part.start, part.end, tuple(t for t in part.targets if t.group in groups))


def mix_alone(lex: Lexicon, toks: Sequence[str], sku: str, group: str) -> Mix | None:
    """The whole turn is the mix of the box just asked about, with its shares ("half glazed and half boston
    cream", "ok four everything four plain and four sesame"), past a few lead words."""
    i = 0
    while i < len(toks) and toks[i] in _LEAD | _FILLERS:
        i += 1
    mix = _mix_to_the_end(lex, toks, i, sku, group)
    if mix is not None:
        return mix
    for k in range(i + 1, len(toks)):  # "ok fried and do half ham and cheese and half humita": the mix, with its
        if toks[k - 1] in _LEAD | _FILLERS or toks[k - 1] in _GROUP_LINKS or _names_group(lex, toks[k - 1], sku, group):
            mix = _mix_to_the_end(lex, toks, k, sku, group)  # shares, ends the turn after a word that may lead it
            if mix is None:
                continue
            begin = k - 1  # "for the bagels (split them) half and half ...": the box's group named before it, no item
            while begin > 0 and toks[begin] in _LEAD | _FILLERS:
                begin -= 1
            if not _names_group(lex, toks[begin], sku, group):
                return mix
            while begin > 0 and toks[begin - 1] in _GROUP_LINKS:
                begin -= 1
            return Mix(mix.end, mix.parts, begin)
    return None


def _mix_to_the_end(lex: Lexicon, toks: Sequence[str], i: int, sku: str, group: str) -> Mix | None:
    mix = read_mix(lex, toks, i, sku, box_pieces(lex, sku), shared=True)
    if mix is None or any(t not in _FILLERS for t in toks[mix.end:]):
        return None
    if not all(t.group == group for p in mix.parts for t in p.targets):
        return None
    return mix


def _names_group(lex: Lexicon, word: str, sku: str, group: str) -> bool:
    """"for the bagels half and half ...": the word names the box's group (or the box) just before its mix."""
    return any(t.kind == "group" and t.group == group or t.kind == "product" and t.sku == sku
               for t in lex.phrases.get((word,), ()))
