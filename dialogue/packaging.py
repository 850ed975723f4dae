"""A product's name said as what another product comes in, and the shopper's own container: "a jar of fresh
peanut butter" (where the shop also sells jars) is one nut butter in its jar; "a small jar of the honey roasted
peanut butter" is that nut butter in its small jar; "sixteen ounces of maple syrup, i brought my own jar" orders no
jar. A measure product ("a shot of espresso") is read elsewhere (:data:`dialogue.item_words.MEASURES`).
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.models import Product
from dialogue.item_words import PACKAGE_DETERMINERS
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.matcher import Mention
from dialogue.phrasebook import phrases, words
from dialogue.quantity import GLUE, SEPARATORS

_PACKAGES = words("packages")
_OWN_LEADS = phrases("own_container_leads")  # "my own", "our own": what follows is the shopper's, brought along
_REACH = 4  # words a package's "of" may stand from the product it holds ("a jar of the fresh ground ... butter")


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def noun_fits(product: Product, said: Sequence[str]) -> bool:
    """Do the words (a package noun: "jar", "small jar") name one of the product's own choices: the name or an
    alias of one of its groups ("jar" of its "jar size"), or a word of one of its values' names or aliases ("small
    jar", "pint jar")? Compared singular."""
    words = tuple(_singular(w) for w in said)
    if not words:
        return False
    for g in product.option_groups:
        for name in (g.name, *g.aliases):
            if tuple(_singular(w) for w in phrase_of(name)) == words:
                return True
        for v in g.values:
            for name in (v.name, *v.aliases):
                have = tuple(_singular(w) for w in phrase_of(name))
                if any(have[k:k + len(words)] == words for k in range(len(have) - len(words) + 1)):
                    return True
    return False


def held_product(toks: Sequence[str], mentions: Sequence[Mention], at: int) -> Mention | None:
    """The product mention that "of" at ``at`` opens: past "the" / "your" and choices only, within a few words,
    no separator between; else None."""
    if at >= len(toks) or toks[at] != "of":
        return None
    choices = {k for o in mentions if o.options and not o.products for k in range(o.start, o.end)}
    for o in mentions:
        if o.products and at < o.start <= at + _REACH + 1:
            between = range(at + 1, o.start)
            if all(k in choices or toks[k] in PACKAGE_DETERMINERS for k in between) \
                    and not any(toks[k] in SEPARATORS for k in between):
                return o
            return None
    return None


def package_of_next(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], m: Mention) -> bool:
    """"a jar of fresh peanut butter", "a big jar of fresh ground cashew butter": a product's name said right
    before "of" and another product whose choices the name fits (:func:`noun_fits`: the nut butter's "jar size")
    is the package of that product, no item of its own."""
    held = held_product(toks, mentions, m.end)
    if held is None:
        return False
    mine = {t.sku for t in m.products}
    skus = {t.sku for t in (held.exact_products or held.products)} - mine
    noun = toks[m.start:m.end]
    return bool(skus) and all((p := lex.products.get(sku)) is not None and noun_fits(p, noun) for sku in skus)


def package_counted_after(toks: Sequence[str], mentions: Sequence[Mention], prods: Sequence[Mention],
                          m: Mention) -> bool:
    """"dusty rose alpaca dk three skeins wound please": a package word that is only part of some product's name
    ("skeins" of "mini skeins"), said right after a count that follows another product and its choices, is how many
    of that product, no item of its own ("a red planter four bags of gravel": the bags hold what follows)."""
    if m.exact_products or not all(t in _PACKAGES for t in toks[m.start:m.end]) or m.start < 2 \
            or not toks[m.start - 1].isdigit() or m.end < len(toks) and toks[m.end] == "of":
        return False
    before = [o for o in prods if o.end <= m.start - 1]
    if not before:
        return False
    chosen = {i for o in mentions if o.options and not o.products for i in range(o.start, o.end)}
    return all(i in chosen or toks[i] in GLUE or toks[i] == "in" for i in range(before[-1].end, m.start - 1))


def choice_package_of_next(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], m: Mention) -> str | None:
    """"a small jar of the honey roasted peanut butter": a choice whose words name a product (the "jar"), said before
    "of" and another product that offers that choice, is the size of the package that product comes in, not the
    product it names; that product's sku, else None."""
    held = held_product(toks, mentions, m.end)
    if held is None:
        return None
    skus = {t.sku for t in (held.exact_products or held.products)}
    offering = [sku for sku in sorted(skus)
                if any(sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options)]
    return offering[0] if len(offering) == 1 else None


def shoppers_own(toks: Sequence[str], m: Mention) -> bool:
    """"i brought my own jar", "in our own bags": a product said right after "my own" (or "our own", ...) is the
    shopper's own thing, brought along, never one more item."""
    return any(tuple(toks[max(0, m.start - len(p)):m.start]) == p for p in _OWN_LEADS)
