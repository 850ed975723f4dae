"""A choice heard through a longer phrase that is another product's: "a group lesson for my kid", where "for my kid"
is an alias of a rental's age "child" the lesson does not offer, but "kid" alone is the lesson's own age "kids".
When no choice a phrase may mean fits the item's product, the longest run of its words whose choices do fit is the
choice said (the rest of the words are read as before: "for my" says who it is for). Nothing changes when the phrase
fits, or no shorter run does, or a word left out says something of its own ("whipped cream" is no "cream", "bbq
chips" no "bbq" sauce).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from catalog.models import Product
from dialogue.lexicon import Lexicon
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.words import STOPWORDS


def _fits(product: Product, spec: OptionSpec) -> bool:
    return any(t.kind == "option" and (g := product.group(t.group)) is not None and g.value(t.value) is not None
               for t in spec.targets)


def _refit(lex: Lexicon, product: Product, toks: Sequence[str], spec: OptionSpec) -> OptionSpec:
    said = spec.said.split()
    if len(said) < 2 or _fits(product, spec) or tuple(toks[spec.pos:spec.pos + len(said)]) != tuple(said):
        return spec
    for n in range(len(said) - 1, 0, -1):
        for a in range(len(said) - n + 1):
            if not all(w in STOPWORDS for w in (*said[:a], *said[a + n:])):
                continue  # (a word left out says something: "whipped cream", "bbq chips")
            targets = tuple(t for t in lex.phrases.get(tuple(said[a:a + n]), ()) if t.kind == "option"
                            and (g := product.group(t.group)) is not None and g.value(t.value) is not None)
            if targets:
                return replace(spec, targets=targets, pos=spec.pos + a, said=" ".join(said[a:a + n]))
    return spec


def refit_choices(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec]) -> None:
    """Each item of one product: a choice none of whose meanings it offers, read as the longest run of its words
    that names one it does (in place)."""
    for it in items:
        product = lex.products.get(it.skus[0]) if len(it.skus) == 1 else None
        if product is not None and it.options:
            it.options = [_refit(lex, product, toks, o) for o in it.options]
