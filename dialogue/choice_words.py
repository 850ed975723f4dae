"""A choice said by words of its name: "matcha" or "the cheddar one" after a group's choices were listed, "the 500
one" or "the colour one" for the line in focus, "make the scone cheddar" (its "cheddar and chive"), and the usual one
("the wings, whatever sauce is usual").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from catalog.models import OptionGroup, Product
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.owners import offers_choice
from dialogue.parse_records import Context, ParseDraft
from dialogue.phrasebook import words
from dialogue.quantity import GLUE
from dialogue.recounts import bare_quantity
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.turn_words import CHANGE_FILL, DEFINITE, ONES
from dialogue.words import STOPWORDS

_USUAL_WORDS = words("plain_part")


def _value_with_words(group: OptionGroup, said: set[str]) -> str | None:
    """The code of the one choice of ``group`` whose name or an alias has every word of ``said`` ("cheddar" for
    "cheddar and chive", "green" for "salsa verde" alias "green salsa"); None when no choice, or more than one,
    has them."""
    hits = [v for v in group.values if any(said <= set(phrase_of(n)) for n in (v.name, *v.aliases))]
    return hits[0].code if len(hits) == 1 else None


def listed_by_word(toks: Sequence[str], group: OptionGroup | None) -> tuple[int, str] | None:
    """"The cheddar one" just after a group's choices were listed: (position, value code) of the one choice whose
    name or alias has the word said between "the" and "one"; None when no choice, or more than one, has it."""
    if group is None:
        return None
    for k in range(len(toks) - 2):
        if toks[k] == "the" and toks[k + 2] in ("one", "ones"):
            code = _value_with_words(group, {toks[k + 1]})
            if code is not None:
                return k + 1, code
    return None


def listed_choice(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> Intent | None:
    """"What flavours does the waffle come in?" - "matcha": a choice of the group just listed for that product,
    though its words also name another product (or are only part of the choice's name: "the green one" for
    "salsa verde", alias "green salsa"); the line of that product changed, or one added made so."""
    if ctx.listed is None:
        return None
    if listed_by_word(toks, listed_group(lex, ctx)) is None and (
            len(p.items) > 1 or p.items and p.items[0].quantity is not None
            or not p.items and (not p.options or p.question)):
        return None
    sku, code = ctx.listed
    product = lex.products.get(sku)
    group = product.group(code) if product is not None else None
    if group is None or any(sku in it.skus for it in p.items):
        return None
    word_pick = listed_by_word(toks, group) if not p.question else None
    if word_pick is not None and not any(it.start <= word_pick[0] < it.end for it in p.items) \
            and not any(t.group == code and o.pos != word_pick[0] for o in p.options for t in o.targets):
        # "what scones do you have" - "the cheddar one warmed", "the cherry one and a coffee": a word of one
        # listed choice ("cheddar and chive", "cherry"), with the choices said with it
        at, value = word_pick
        p.options = [o for o in p.options if o.pos != at]
        mine = [] if p.items else list(p.options)
        count = p.quantity if p.quantity is not None else bare_quantity(toks[:at - 1], p.option_at)
        p.items = [ItemSpec((sku,), count, [OptionSpec((Target("option", "", code, value, True),), pos=at), *mine],
                            at - 1, at + 2), *p.items]  # "two of the herbed ones": two
        p.options = [] if mine else p.options
        return Intent.MODIFY if sku in ctx.line_skus and len(p.items) == 1 else Intent.ADD
    if p.items:
        item = p.items[0]
        start, end, rest = item.start, item.end, list(item.options)
    else:  # only choices were heard ("the green one": the tamale's green filling)
        start, end, rest = min(o.pos for o in p.options), max(o.pos for o in p.options) + 1, []
        if any(offers_choice(lex, sku, o) for o in p.options):
            return None  # a choice of the listed product itself: the usual way
    said = tuple(t for t in toks[start:end] if t not in GLUE)
    targets = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option" and t.group == code
                    and group.value(t.value) is not None)
    words = set(said) - {"one", "ones"}
    if not targets and words and {"one", "ones"} & set(toks[start:end + 1]):
        hit = _value_with_words(group, words)
        if hit is not None:
            targets = (Target("option", "", code, hit, True),)
    if not targets:
        return None
    p.items = [ItemSpec((sku,), None, [OptionSpec(targets, pos=start), *rest], start, end)]
    p.options = []
    return Intent.MODIFY if sku in ctx.line_skus else Intent.ADD


def listed_group(lex: Lexicon, ctx: Context) -> OptionGroup | None:
    if ctx.listed is None or (product := lex.products.get(ctx.listed[0])) is None:
        return None
    return product.group(ctx.listed[1])


def one_of_the_line(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """"The 500 one" to a box of business cards, "the colour one" to an ink cartridge: words between "the" and
    "one" that no product in the cart offers as said, naming one choice of the line in focus (the only line of
    its product) by its name or an alias (said with "one" or not), else by a name or alias having them all
    ("box of 500"), are that choice of the line; an item heard only from them (no product named) is no item."""
    sku = ctx.last_sku
    product = lex.products.get(sku or "")
    if product is None or sku is None or p.question or ctx.line_skus.count(sku) != 1 \
            or ctx.topic not in (None, sku):  # "how much is the hand pie" - "the green one": the pie's
        return
    k = next((i for i in range(len(toks) - 2) if toks[i] == "the"
              and any(t in ONES for t in toks[i + 2:i + 5])), -1)
    if k < 0:
        return
    j = next(i for i in range(k + 2, len(toks)) if toks[i] in ONES)
    said = tuple(t for t in toks[k + 1:j] if t not in GLUE)
    if not said or any(it.exact or it.start < k or it.end > j for it in p.items) \
            or any(offers_choice(lex, s, o) for o in p.options if k < o.pos < j for s in ctx.line_skus):
        return
    hits = {(g.code, v.code) for g in product.option_groups for v in g.values
            if {said, (*said, toks[j])} & {phrase_of(n) for n in (v.name, *v.aliases)}}
    if not hits:
        hits = {(g.code, code) for g in product.option_groups
                if (code := _value_with_words(g, set(said))) is not None}
    if len(hits) != 1:
        return
    ((group, code),) = hits
    spec = OptionSpec((Target("option", "", group, code, True),), pos=k + 1, said=" ".join(said))
    p.items = []
    p.options = [*(o for o in p.options if not k < o.pos < j), spec]


def line_made_by_words(lex: Lexicon, p: ParseDraft, toks: Sequence[str], sku: str) -> None:
    """"Make the scone cheddar" (its "cheddar and chive"), "make the edamame spicy" (its "spicy garlic"): the
    words said after the line's name, when they are no choice that product offers as said, are the one choice
    of the product whose name or an alias has them all; else, put before the words that named the line, another
    product's name ("make the copies colour": the "colour copies"), which then replaces the line's product."""
    item = p.items[0]
    product = lex.products.get(sku)
    if product is None or any(offers_choice(lex, sku, o) for o in item.options):
        return
    end = next((i for i in range(item.end, len(toks)) if toks[i] == "and"), len(toks))
    at = [i for i in range(item.end, end) if toks[i] not in GLUE and toks[i] not in CHANGE_FILL]
    said = tuple(toks[i] for i in at)
    if not said or len(said) > 3:
        return
    hits = {(g.code, code) for g in product.option_groups if (code := _value_with_words(g, set(said))) is not None}
    if len(hits) == 1:
        ((group, code),) = hits
        spec = OptionSpec((Target("option", "", group, code, True),), pos=at[0], said=" ".join(said))
        p.items[0] = ItemSpec(item.skus, item.quantity, [spec], item.start, item.end, item.exact)
        return
    named = tuple(t for t in toks[item.start:item.end] if t not in GLUE)
    other = next((t.sku for t in lex.phrases.get((*said, *named), ())
                  if t.kind == "product" and t.exact and t.sku != sku), None)
    if other is not None:
        p.replaces, p.replace = ItemSpec((sku,)), True
        p.items[0] = ItemSpec((other,), None, [], item.start, item.end, True)


def left_as_usual(lex: Lexicon, p: ParseDraft, toks: list[str], ctx: Context) -> bool:
    """"the wings um whatever sauce is usual", "the fries, the normal size": a line of the cart named with "the",
    one of its choice groups named and a word of the usual way (``plain_part``), no choice of its own said: the
    line is to stay as it comes, not a second one. True when so (the item then holds those groups' defaults)."""
    if len(p.items) != 1 or p.options or not p.groups or p.quantity is not None:
        return False
    item = p.items[0]
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    if product is None or item.options or item.quantity is not None or product.sku not in ctx.line_skus \
            or not (0 < item.start and toks[item.start - 1] in DEFINITE):
        return False
    usual = [OptionSpec((Target("option", group=g.code, value=g.default),), pos=item.end, said="")
             for code in p.groups if (g := product.group(code)) is not None and g.default]
    if len(usual) != len(p.groups) or not any(t in _USUAL_WORDS for t in toks[item.end:]):
        return False
    p.items[0] = ItemSpec(item.skus, None, usual, item.start, item.end, item.exact)
    return True


def toward_group_said(toks: Sequence[str], spec: OptionSpec, product: Product, name_at: range,
                      others: Sequence[OptionSpec] = ()) -> OptionSpec:
    """A choice whose word several groups of the product have ("medium": a bowl size and a spice level), said just
    after a word only one of those groups has ("not crazy spicy like medium": the spice level's words), is that
    group's. ``name_at``: where the product is named (its words are no group's); ``others``: the item's other
    choices, whose words are choices of their own, no pointer to a group ("a hibiscus tea with mint": the mint
    extra, not the peppermint tea; "potato salad and cornbread instead of the white bread": not a side)."""
    taken = {i for o in others if o is not spec and o.pos >= 0 and o.said
             for i in range(o.pos, o.pos + len(o.said.split()))}
    codes = {t.group for t in spec.targets if t.kind == "option" and (g := product.group(t.group)) is not None
             and g.value(t.value) is not None}
    if len(codes) < 2 or spec.pos < 1:
        return spec
    own = set(spec.said.split())
    near = {t for k, t in enumerate(toks[:spec.pos]) if k >= spec.pos - 4 and k not in name_at
            and k not in taken and t not in STOPWORDS and t not in own and t.isalpha()}

    def words_of(code: str) -> set[str]:
        g = product.group(code)
        if g is None:
            return set()
        return {w for n in (g.name, *g.aliases, *(x for v in g.values for x in (v.name, *v.aliases)))
                for w in phrase_of(n)}

    hit = [code for code in codes if near & words_of(code)]
    if len(hit) != 1:
        return spec
    return dataclasses.replace(spec, targets=tuple(t for t in spec.targets if t.group == hit[0]))


def listed_not_in_cart(lex: Lexicon, p: ParseDraft, ctx: Context) -> bool:
    """"What sauces do the wings come in?" - "honey garlic" with a pizza in the cart: choices of the product whose
    choices were just listed (no line of it in the cart), one of them of the group listed, which the line in focus
    does not offer: that product, made so."""
    if ctx.listed is None or ctx.listed[0] in ctx.line_skus or ctx.listed[0] != ctx.topic or p.question:
        return False
    sku, code = ctx.listed
    return all(offers_choice(lex, sku, o) for o in p.options) \
        and any(t.group == code for o in p.options for t in o.targets) \
        and not (ctx.last_sku and all(offers_choice(lex, ctx.last_sku, o) for o in p.options))
