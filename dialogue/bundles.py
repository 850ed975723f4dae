"""A bundle said instead of what it holds: "two large popcorns and two large sprites" - "ok do the couples combo
instead": the combo ("a large popcorn, two medium fountain drinks and a box of candy", as its catalog description
says) takes the place of every cart line whose product it names, one combo, not as many combos as the line swapped
had units and the popcorns kept beside it. Only when the bundle names two or more of the cart's products: a mocha
"made with a latte" said instead of two lattes is still two mochas.
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.models import CartLine, Product
from dialogue.lexicon import Lexicon, phrase_of, singulars


def _names(said: tuple[str, ...], text: Sequence[str]) -> bool:
    """``said`` is a run of words of ``text``, a plural there for a word of it ("fountain drinks")."""
    n = len(said)
    return n > 0 and any(all(said[k] in singulars(text[i + k]) for k in range(n)) for i in range(len(text) - n + 1))


def _named_in(product: Product, text: Sequence[str]) -> bool:
    return any(_names(phrase_of(name), text) for name in (product.name, *product.aliases) if name)


def held_by_bundle(lex: Lexicon, bundle: Product, lines: Sequence[CartLine]) -> list[CartLine]:
    """The cart lines the bundle takes the place of: each whose product its description names, when it names two
    or more products of the cart; else none."""
    about = phrase_of(bundle.description or "")
    if not about:
        return []
    held = [ln for ln in lines if ln.sku != bundle.sku and (p := lex.products.get(ln.sku)) is not None
            and _named_in(p, about)]
    return held if len({ln.sku for ln in held}) >= 2 else []
