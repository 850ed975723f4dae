"""The unit a product is sold by, as its catalog says it: "sold by the linear foot", "priced per pound", a tag "by
the foot". A count of that unit said before the product ("sixteen feet of crown moulding", "two pounds of nails")
is how many of the product, not a choice of some other product ("16 feet", a length of the lumber).

The unit words and their forms ("foot", "feet", "ft") are data (``unit_forms`` in dialogue/data/words.toml), and
so are the words that may stand between "by the" and the unit ("linear", "running").
"""

from __future__ import annotations

import functools

from catalog.models import Product
from dialogue.normalize import tokens
from dialogue.phrasebook import phrases, words

_FORMS: dict[str, str] = {form: entry[0] for entry in phrases("unit_forms") for form in entry}
_UNIT_MODIFIERS = words("measure_unit_modifiers")


def unit_of(word: str) -> str | None:
    """The unit a word names in any of its forms ("feet" -> "foot"), or None."""
    return _FORMS.get(word)


@functools.lru_cache(maxsize=4096)
def sold_by(product: Product) -> frozenset[str]:
    """The units the product's name, description and tags say it is sold by ("by the foot", "per pound")."""
    out: set[str] = set()
    for text in (product.name, product.description, *product.tags):
        toks = tokens(text)
        for i, t in enumerate(toks):
            if t == "per" or (t == "the" and i and toks[i - 1] == "by"):
                j = i + 1
                while j < len(toks) and toks[j] in _UNIT_MODIFIERS:
                    j += 1
                unit = unit_of(toks[j]) if j < len(toks) else None
                if unit is not None:
                    out.add(unit)
    return frozenset(out)
