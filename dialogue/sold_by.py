"""The unit a product is sold by, as its catalog says it: "sold by the linear foot", "priced per pound", a tag "by
the foot". A count of that unit said before the product ("sixteen feet of crown moulding", "two pounds of nails")
is how many of the product, not a choice of some other product ("16 feet", a length of the lumber).

The unit words and their forms ("foot", "feet", "ft") are data (``unit_forms`` in dialogue/data/words.toml), and
so are the words that lead to the unit ("by the", "per", "sold as a pair") and those that may stand between them
and the unit ("linear", "running").
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from catalog.models import Product
from dialogue.normalize import tokens
from dialogue.numbers import COUNT_UNITS
from dialogue.phrasebook import phrases, words

_FORMS: dict[str, str] = {form: entry[0] for entry in phrases("unit_forms") for form in entry}
_UNIT_MODIFIERS = words("measure_unit_modifiers")
_LEADS = phrases("sold_by_leads")


def unit_of(word: str) -> str | None:
    """The unit a word names in any of its forms ("feet" -> "foot"), or None."""
    return _FORMS.get(word)


def sold_by(product: Product) -> frozenset[str]:
    """The units the product's name, description and tags say it is sold by ("by the foot", "per pound")."""
    return _sold_by((product.name, product.description, *product.tags))


@functools.lru_cache(maxsize=4096)
def _sold_by(texts: tuple[str, ...]) -> frozenset[str]:
    """(cached by the texts: a product holding a mapping is no key)"""
    out: set[str] = set()
    for text in texts:
        toks = tokens(text)
        for i in range(len(toks)):
            lead = next((lead for lead in _LEADS if tuple(toks[i:i + len(lead)]) == lead), None)
            if lead is not None:
                j = i + len(lead)
                while j < len(toks) and toks[j] in _UNIT_MODIFIERS:
                    j += 1
                unit = unit_of(toks[j]) if j < len(toks) else None
                if unit is not None:
                    out.add(unit)
    return frozenset(out)


def counted_in(product: Product, unit: str) -> bool:
    """Whether one of the product is one of that count unit ("dozen"): its description says it is sold by it
    ("sold by the dozen", "price per dozen") or one of its names holds the unit ("dozen eggs")."""
    return unit in sold_by(product) or any(unit in tokens(n) for n in (product.name, *product.aliases))


def units_said(toks: Sequence[str], qty: int, products: Sequence[Product]) -> int:
    """"ok gimme two dozen" after a question about nightcrawlers sold by the dozen (tokens ``24 dozen``): a count of
    pieces said with a count unit, for products (the one talked about, the line in focus) that are each sold by that
    unit, is that many units (2), as "two dozen nightcrawlers" is; the count as it was otherwise ("two dozen" of
    bobbers sold by the piece stays 24)."""
    for k in range(len(toks) - 1):
        unit = toks[k + 1]
        if toks[k] == str(qty) and unit in COUNT_UNITS and qty % COUNT_UNITS[unit] == 0 and products \
                and all(counted_in(p, unit) for p in products):
            return qty // COUNT_UNITS[unit]
    return qty


def piece_measure(product: Product, unit: str) -> int | None:
    """How many of ``unit`` one of the product is, as its description or tags print it ("10 foot stick",
    "a 5 lb bag"): one such measure of that unit, said with a number before the unit, when the product is not sold
    by that unit; None when none is printed or several are."""
    if unit in sold_by(product):
        return None
    found = _measures((product.description, *product.tags)).get(unit, set())
    return next(iter(found)) if len(found) == 1 else None


@functools.lru_cache(maxsize=4096)
def _measures(texts: tuple[str, ...]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for text in texts:
        toks = tokens(text)
        for k in range(len(toks) - 1):
            unit = unit_of(toks[k + 1])
            if toks[k].isdigit() and unit is not None and int(toks[k]) > 1 and toks[k + 2:k + 3] != ["of"]:
                out.setdefault(unit, set()).add(int(toks[k]))
    return out


def measure_as_pieces(product: Product, toks: Sequence[str], qty: int) -> int:
    """"forty feet of half inch emt" of conduit in "10 foot stick"s: a count said with a unit (tokens ``40 feet``)
    that one of the product is a whole measure of is that many pieces (4), when it divides evenly; else the count
    as it was."""
    for k in range(len(toks) - 1):
        unit = unit_of(toks[k + 1]) if toks[k] == str(qty) else None
        size = piece_measure(product, unit) if unit is not None else None
        if size and qty > size and qty % size == 0:
            return qty // size
    return qty
