"""A count said with the unit a cart line's product is sold in ("oh make it three sheets not four" to four sheets
of plywood): the unit word names that line, even when the same word is also a choice of another product (a pack
of sandpaper in sheets) that no cart line holds.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from dialogue.lexicon import Lexicon
from dialogue.owners import offers_choice
from dialogue.parse_records import Context
from dialogue.phrasebook import words
from dialogue.references import count_not
from dialogue.specs import ItemSpec, OptionSpec

_PACKAGES = words("packages")


def _names(lex: Lexicon, sku: str) -> set[str]:
    """The words of a product's name and aliases."""
    product = lex.products.get(sku)
    if product is None:
        return set()
    return {w for said in (product.name, *product.aliases) for w in said.lower().split()}


def line_of_unit(lex: Lexicon, toks: Sequence[str], options: Sequence[OptionSpec], ctx: Context,
                 skip: frozenset[int]) -> tuple[str, int] | None:
    """(product, new count) when the only choices said are unit words ([packages]) no cart line holds, exactly one
    cart product names that unit in its name or aliases, and the turn says its count against that line's ("three
    sheets not four"); None otherwise."""
    if not options or not ctx.has_lines:
        return None
    units = set()
    for o in options:
        said = o.said.split()
        if len(said) != 1 or said[0] not in _PACKAGES:
            return None
        if any((t.group, t.value) in held for t in o.targets for held in ctx.line_options):
            return None
        units.add(said[0])
    lines = [k for k, sku in enumerate(ctx.line_skus) if units <= _names(lex, sku)]
    if len({ctx.line_skus[k] for k in lines}) != 1 or len(lines) != 1:
        return None
    k = lines[0]
    count = count_not(toks, ctx.line_units[k], skip)
    return None if count is None else (ctx.line_skus[k], count)


def unit_of_asked(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], ctx: Context) -> list[ItemSpec]:
    """"What colour for the merino?" - "the sea glass please five skeins": an item named only by a unit word
    ([packages]) that a product's name happens to hold ("mini skeins"), said with choices that product does not offer
    but the product asked about does, is the product asked about, in that many units."""
    asked = ctx.expect_sku if ctx.pending == "clarify_option" else None
    if asked is None or asked not in lex.products:
        return items
    out = []
    for it in items:
        said = toks[it.start:it.end]
        if not it.exact and len(it.skus) == 1 and it.skus[0] != asked and said \
                and all(t in _PACKAGES for t in said) and it.options \
                and not any(offers_choice(lex, it.skus[0], o) for o in it.options) \
                and all(offers_choice(lex, asked, o) for o in it.options):
            it = dataclasses.replace(it, skus=(asked,))

        out.append(it)
    return out


def answered_for_asked(lex: Lexicon, options: Sequence[OptionSpec], ctx: Context) -> bool:
    """A choice asked of a product not yet in the cart ("what flavour for the wing combo?"), answered with choices
    that product offers, though not of the group asked ("ten piece"): they are that product's, not another
    product's that they name more fully (the ten piece tenders)."""
    asked = ctx.expect_sku if ctx.pending == "clarify_option" else None
    return asked is not None and asked not in ctx.line_skus and bool(options) \
        and all(offers_choice(lex, asked, o) for o in options)
