"""A product sold on its own under a choice's name: "a regular kalua", "two mini kalua plates" where the mixed plate
offers "kalua pig" (alias "kalua") among its mains and the shop also sells the "kalua pig plate". The word said where
an item stands (after an article or a count, past the other choices said before it) is a part of the name of the
one product whose name (or an alias) is that choice's name with its head noun after it ("kalua pig" + "plate"): the
shopper orders that product, not the mixed plate with that one main.

Only for a choice of a group of several choices at once (mains, toppings): "an earl grey" is the hot tea of that
kind, though an "earl grey latte" is sold. Nothing changes when the choice is said after its product or with "with", when the product that offers it is named
in the sentence or in play ("a mixed plate kalua and katsu"), or when no one product of that kind fits the other
choices said ("a regular katsu": the katsu plate comes in regular, the katsu musubi does not).
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.owner_by_name import products_said

if TYPE_CHECKING:
    from dialogue.matcher import Mention

_FEW = 64  # products read for the owners of one choice
_COUNTED = frozenset({"a", "an", "one", "another"})


def _owners(lex: Lexicon, t: Target) -> set[str]:
    return set(islice(lex.option_skus.get((t.group, t.value), ()), _FEW))


def _value_phrases(lex: Lexicon, t: Target) -> set[tuple[str, ...]]:
    """The choice's name and aliases, as said, over the products offering it."""
    out: set[tuple[str, ...]] = set()
    for sku in _owners(lex, t):
        product = lex.products.get(sku)
        group = product.group(t.group) if product is not None else None
        value = group.value(t.value) if group is not None else None
        if value is not None:
            out |= {p for n in (value.name, *value.aliases) if (p := phrase_of(n))}
    return out


def _named_like(lex: Lexicon, sku: str, values: set[tuple[str, ...]]) -> bool:
    """A name (or alias) of the product is one of ``values`` with one noun after it, or one of them."""
    product = lex.products.get(sku)
    if product is None:
        return False
    names = {phrase_of(n) for n in (product.name, *product.aliases)}
    return any(n in values or (len(n) > 1 and n[:-1] in values) for n in names)


def _of_several(lex: Lexicon, targets: Sequence[Target], owners: set[str]) -> bool:
    """The choice is one of several a product takes at once (the mixed plate's mains), for every product offering
    it: no kind a product is chosen by."""
    for sku in owners:
        product = lex.products.get(sku)
        for t in targets:
            group = product.group(t.group) if product is not None else None
            if group is not None and group.value(t.value) is not None and not group.multiple:
                return False
    return bool(owners)


def _offers(lex: Lexicon, sku: str, t: Target) -> bool:
    return sku in lex.option_skus.get((t.group, t.value), ())


def dishes_of_choices(lex: Lexicon, toks: Sequence[str], found: list[Mention],
                      in_play: AbstractSet[str]) -> list[Mention]:
    """Each mention of one choice only, said where an item stands, that names a product sold on its own under that
    choice's name (see the module): a mention of that product (with the generic noun said right after it, "kalua
    plates", when that noun names the product too); the others as they are."""
    out = list(found)
    said: set[str] | None = None
    k = 0
    while k < len(out):
        m = out[k]
        if m.products or m.groups or len({(t.group, t.value) for t in m.options}) != 1:
            k += 1
            continue
        j = k - 1
        while j >= 0 and out[j].options and not out[j].products and out[j].end == out[j + 1].start:
            j -= 1  # "a regular kalua": past the choices said before it
        before = out[j + 1].start - 1
        common: list[list[Target]] = []
        while before > 0 and lex.guarded.get(toks[before]) and not any(x.start <= before < x.end for x in out):
            common.append(list(lex.guarded[toks[before]]))  # "a regular kalua": a common word that is a choice
            before -= 1
        if before < 0 or not (toks[before] in _COUNTED or toks[before].isdigit()):
            k += 1
            continue
        owners = set().union(*(_owners(lex, t) for t in m.options))
        if not _of_several(lex, m.options, owners):
            k += 1  # "an earl grey": the kind of the hot tea, chosen by it, not the "earl grey latte"
            continue
        if said is None:
            said = products_said(lex, toks)
        if owners & (said | in_play):
            k += 1
            continue
        words = tuple(toks[m.start:m.end])
        values = set().union(*(_value_phrases(lex, t) for t in m.options))
        held = [set(islice(lex.search_index.get(w, ()), _FEW + 1)) for w in words]
        if not held or any(len(h) > _FEW for h in held):
            k += 1
            continue
        cands = {sku for sku in set.intersection(*held) - owners if _named_like(lex, sku, values)}
        nxt = out[k + 1] if k + 1 < len(out) and out[k + 1].start == m.end else None
        near = [*out[j + 1:k], *([nxt] if nxt is not None and not nxt.products else [])]  # "a kalua all rice"
        cands = {sku for sku in cands if all(any(_offers(lex, sku, t) for t in x.options) for x in near)
                 and all(any(_offers(lex, sku, t) for t in c) for c in common)}
        if len(cands) != 1:
            k += 1
            continue
        sku = next(iter(cands))
        end = m.end
        if nxt is not None and nxt.products and sku in {t.sku for t in nxt.products} and not nxt.exact_products:
            out[k + 1:k + 2] = []  # "two mini kalua plates": the noun said after it is that product's too
            end = nxt.end
        out[k] = replace(m, end=end, targets=(Target("product", sku=sku),))
        k += 1
    return out
