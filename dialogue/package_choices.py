"""A choice a catalog names by a package and how many it holds ("box of 10", "bag of 72": its name, as printed, not
an alias), said by its package alone: "a box of alto reeds" is the box of 10 where the reeds come singly or by the box. Only where the product has
one such choice of that package (filters in a "box of 100" or a "box of 300": a box of them says neither) and it is
not already what the product comes as. The package words are data (``packages`` in dialogue/data/words.toml).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.phrasebook import words
from dialogue.specs import OptionSpec

_PACKAGES = words("packages")
_REACH = 3  # words between the "of" and the product ("a box of the tenor sax reeds")


def _singulars(word: str) -> set[str]:
    return {word, word[:-1], word[:-2]} & _PACKAGES


def package_choice(lex: Lexicon, toks: Sequence[str], start: int, floor: int, skus: Sequence[str],
                   covered: Collection[int]) -> OptionSpec | None:
    """The product's one choice named "<package> of N" for the package said before it ("a box of", "two boxes of"),
    with no choice's words said there; None when there is none or several, or the product comes so already."""
    product = lex.products.get(skus[0]) if len(skus) == 1 else None
    if product is None:
        return None
    of = next((i for i in range(start - 1, max(floor, start - 1 - _REACH) - 1, -1) if toks[i] == "of"), None)
    if of is None or of - 1 < floor or toks[of - 1] not in _PACKAGES or of - 1 in covered:
        return None
    said = _singulars(toks[of - 1])
    found = [(g, v) for g in product.option_groups if not g.multiple for v in g.values
             if len(p := phrase_of(v.name)) == 3 and p[0] in said and p[1] == "of" and p[2].isdigit()]
    if len(found) != 1 or found[0][0].default == found[0][1].code:
        return None
    group, value = found[0]
    return OptionSpec((Target("option", group=group.code, value=value.code),), pos=of - 1, said=toks[of - 1])
