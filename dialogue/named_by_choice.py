"""A product named by a choice and the noun of a kind: "a large pepperoni and sausage pie" where the shop sells a
"pepperoni pie" beside its cheese pie, "three slices one pepperoni one mushroom and one plain" where it sells a
"pepperoni slice": the choice said with the kind's noun makes that other product's name, so the item is that
product (the choice is its own), not the plain one with that topping.
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.models import Product
from dialogue.item_words import WITH
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.specs import ItemSpec, OptionSpec


def _nouns(product: Product) -> set[str]:
    """The last words of the product's names and aliases ("pie", "pizza", "slices"): the nouns it is said by."""
    return {p[-1] for n in (product.name, *product.aliases) if (p := phrase_of(n)) and p[-1].isalpha()}


def _said_noun(lex: Lexicon, toks: Sequence[str], item: ItemSpec, product: Product) -> bool:
    """The item's own words hold a name of its product (not a part of a count split off it: "one pepperoni")."""
    said = tuple(toks[item.start:item.end])
    return any(phrase_of(n) == said for n in (product.name, *product.aliases))


def _other_product(lex: Lexicon, product: Product, spec: OptionSpec, nouns: set[str]) -> Product | None:
    """The one other product, of the same category, whose name is the choice's words and one of ``nouns``; only for a
    choice of a group of several choices (toppings: "pepperoni pie"), not a state ("iced" of an "iced tea")."""
    said = phrase_of(spec.said)
    groups = [g for t in spec.targets if t.kind == "option" and (g := product.group(t.group)) is not None]
    if not said or not groups or not all(g.multiple for g in groups):
        return None
    found = {t.sku for w in nouns for t in lex.phrases.get((*said, w), ())
             if t.kind == "product" and t.exact and t.sku != product.sku}
    other = lex.products.get(next(iter(found))) if len(found) == 1 else None
    if other is None or other.category != product.category \
            or not any(phrase_of(other.name) in ((*said, w), (*said, w.removesuffix("s"))) for w in nouns):
        return None  # by its own name only ("pepperoni pie"), not an alias that says more ("bacon burger")
    return other


def named_by_choice(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec]) -> list[ItemSpec]:
    """Each item whose choice said before its noun (or, for a part split off a counted item, as the part's own
    word), not after "with", makes with one of the product's nouns the name of another product of its category,
    as that product without that choice; the others as they are."""
    out: list[ItemSpec] = []
    for it in items:
        product = lex.products.get(it.skus[0]) if len(it.skus) == 1 else None
        if product is None:
            out.append(it)
            continue
        noun_said = _said_noun(lex, toks, it, product)
        for spec in it.options:
            if spec.pos < 0 or spec.pos >= len(toks) or (spec.pos > 0 and toks[spec.pos - 1] in WITH) \
                    or spec.amount == "none":
                continue  # ("one without": no bacon, never the bacon cheeseburger)
            if noun_said and spec.pos >= it.start:
                continue  # "a cheese pie with pepperoni", "a pie pepperoni": a topping said after the noun
            if not noun_said and not it.start <= spec.pos < it.end:
                continue
            nouns = {toks[it.end - 1]} if noun_said else _nouns(product)  # the noun said, else any of its nouns
            other = _other_product(lex, product, spec, nouns)
            if other is not None:
                it = ItemSpec((other.sku,), it.quantity, [o for o in it.options if o is not spec], it.start, it.end,
                              it.exact)
                break
        out.append(it)
    return out
