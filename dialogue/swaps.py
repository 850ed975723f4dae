"""One thing for another on a cart line: a choice swapped ("a root beer instead of the coke", "fruit instead of the
hash browns", "sub fruit for the hash browns"), a line dropped for another product ("forget the flat whites, make them
cappuccinos", "actually give me two lamb chops instead"), the product a line becomes named with the line's noun ("make
one of the sandwiches a pulled pork") or its name ("in colour" to black and white copies), and the product just talked
about swapped in ("swap my mojito for one of those").
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.choice_orders import sole_owner
from dialogue.intents import Intent
from dialogue.items import swap_frame
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.lines_by_choice import one_by_words_of_its_choice, the_one_made
from dialogue.owners import offers_choice
from dialogue.parse_records import Context, ParseDraft
from dialogue.phrasebook import words
from dialogue.quantity import GLUE
from dialogue.recounts import bare_quantity
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.turn_words import (
    ADDING,
    ALSO,
    CHANGE_FILL,
    DEFINITE,
    FILLERS,
    INSTEAD,
    INSTEAD_OF,
    LEAD_FILL,
    REF_IT,
    SWAP_VERBS,
)

_IN_WORDS = words("in_words")


def dropped_for(toks: Sequence[str], at: int, items: Sequence[ItemSpec], line_skus: Sequence[str]) -> bool:
    """"forget the flat whites, make them cappuccinos", "drop the fries and swap them for onion rings", "scratch
    the cokes, sprites instead": a line taken off (the remove word at ``at``), then another product said with a
    word of a swap: that line becomes the other product, not a line off and nothing in its place."""
    if len(items) != 2 or not at < items[0].start or items[1].quantity is not None:
        return False
    old, new = items
    if not any(s in line_skus for s in old.skus) or any(s in line_skus for s in new.skus):
        return False
    between = toks[old.end:new.start]
    return any(t in SWAP_VERBS for t in between) or cue.find(list(toks[old.end:]), INSTEAD) >= 0


def _singulars_of(word: str) -> set[str]:
    """"sandwiches" -> {"sandwiches", "sandwiche", "sandwich"}: the word and the words it may be the plural of."""
    out = {word}
    for end, stem in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(end) and len(word) > len(end) + 2:
            out.add(word[:-len(end)] + stem)
    return out


def counted_instead(toks: Sequence[str], item: ItemSpec, ctx: Context) -> bool:
    """"actually give me two lamb chops instead" after two pork chops: a counted product said with a bare
    "instead" (no "instead of ...") swaps the line in focus for that many of it, not a line more."""
    return cue.find(toks, INSTEAD) >= 0 and cue.find(toks, INSTEAD_OF) < 0 and not cue.has(toks, ADDING) \
        and ctx.last_sku not in item.skus


def of_the_noun(lex: Lexicon, before: Sequence[str], toks: Sequence[str], item: ItemSpec) -> ItemSpec:
    """"make one of the sandwiches a pulled pork": the product said, named with the noun of the units it
    replaces ("pulled pork" + "sandwich"), when the catalog has one product so named (the pulled pork sandwich,
    not the pulled pork by the pound); else the item as said."""
    said = [tuple(toks[item.start:item.end])]  # as said, or by the name of the product it was heard as
    said += [phrase_of(lex.products[s].name) for s in item.skus if s in lex.products]
    for t in reversed(before):
        for noun in sorted(_singulars_of(t), key=len):
            found = {tg.sku for name in said if noun not in name for tg in lex.phrases.get((*name, noun), ())
                     if tg.kind == "product" and tg.exact}
            if len(found) == 1:
                return ItemSpec((found.pop(),), item.quantity, item.options, item.start, item.end, item.exact)
    return item


def choice_instead(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> Intent | None:
    """"a root beer instead of the coke" when both are choices of one product (the fountain drink): the one cart
    line of a product offering the choice said after "instead of" becomes one with the choice said before it."""
    at = cue.find(toks, INSTEAD_OF)
    if at < 0 or not ctx.has_lines or p.question or not p.options:
        return None
    new = [o for o in p.options if o.pos < at]
    gone = [o for o in p.options if o.pos > at and not _kept_after(toks, at, o.pos)]
    owner = sole_owner(lex, new) if new and gone else None
    lines = {sku for sku in ctx.line_skus for o in gone if offers_choice(lex, sku, o)}
    if owner is None or lines != {owner}:
        return None
    picks = [o for o in new if _picks_one_line(o, owner, ctx)]
    if picks and len(picks) < len(new):  # "for the sloth a gift bag instead of the wrapping": the sloth's line
        p.items, p.options, p.selector = [], [o for o in new if o not in picks], [*picks, *gone]  # keeps its card
        return Intent.MODIFY
    p.items, p.options = [ItemSpec((owner,), None, new, min(o.pos for o in new), at, True)], []
    p.replaces, p.replace, p.selector = ItemSpec((owner,)), True, gone
    return Intent.MODIFY


def _as_choices(lex: Lexicon, p: ParseDraft, toks: Sequence[str]) -> list[OptionSpec] | None:
    """Everything the turn names read as choices: its loose options, and each item whose words are also a
    choice ("fruit", "the hash browns" at a diner where both are sides and potato choices) with its own
    options; None when some item names only a product."""
    specs = list(p.options)
    for it in p.items:
        said = tuple(t for t in toks[it.start:it.end] if t not in GLUE)
        targets = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option")
        if not targets or it.quantity not in (None, 1):
            return None
        specs.append(OptionSpec(targets, pos=it.start, said=" ".join(said)))
        specs.extend(o for o in it.options if o.pos != it.start)
    return specs


def choices_swapped(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> Intent | None:
    """"fruit instead of the hash browns", "sub fruit for the hash browns", "swap the hash browns for fruit",
    "almond milk instead of the oat milk" (:func:`dialogue.corrections.swap_frame`): when what comes and what goes are
    choices that a cart line offers, each that goes of a group of one that comes (the line in focus first), that
    line's choice changes; what goes picks the line and is not set, though the words of either also name a
    product sold on its own (a side of hash browns, a fruit cup)."""
    frame = swap_frame(toks)
    if frame is None or not ctx.has_lines or p.question:
        return None
    specs = _as_choices(lex, p, toks)
    if not specs:
        return None
    start, at, new_first = frame
    said = [o for o in specs if (start if not new_first else 0) <= o.pos < at]
    new, gone = (said, [o for o in specs if o.pos > at and not _kept_after(toks, at, o.pos)]) if new_first \
        else ([o for o in specs if o.pos > at], said)
    option_at = p.option_at | frozenset(o.pos + k for o in specs if o.pos >= 0 for k in range(max(1, len(o.said.split()))))
    picked = the_one_made(toks, new, option_at) if new_first else []  # (the words of the choices read here)
    if len(picked) < len(new):  # "for the chicken one, the spicy tuna roll instead of the california": "the
        new = [o for o in new if o not in picked]  # chicken one" picks the line, with what goes
    else:
        picked = []
    tail = gone if new_first else new  # what is said last: "... on the sprite one" / "... on the bmt ones"
    last = the_one_made(toks, tail, option_at)
    if last and len(last) < len(tail):  # "onion rings instead of fries on the sprite one", "swap the chips for
        # cookies on the bmt ones": "the sprite one", "the bmt ones", said last, pick the line too
        if new_first:
            gone = [o for o in gone if o not in last]
        else:
            new = [o for o in new if o not in last]
        picked = [*picked, *last]
    elif not last:  # "swap the chips for cookies on the bmt ones": "bmt", heard as no choice, names the line
        picked = [*picked, *_one_named_last(lex, toks, at, specs)]
    if not picked and (named := one_by_words_of_its_choice(lex, toks, ctx)) is not None \
            and not any(o.pos == named.pos for o in specs):
        picked = [named]  # "the chicken one with cookies instead of chips": the chicken bacon ranch's line
    if not new or not gone:
        return None

    def fits(sku: str) -> bool:
        product = lex.products.get(sku)
        if product is None:
            return False
        groups = [{t.group for t in o.targets if (g := product.group(t.group)) is not None
                   and g.value(t.value) is not None} for o in (*new, *gone)]
        coming = set().union(*groups[:len(new)])
        return all(groups) and all(g & coming for g in groups[len(new):])  # like for like: each goes for one

    lines = [sku for sku in dict.fromkeys(reversed(ctx.line_skus)) if fits(sku)]
    if not lines:
        return None
    if len(lines) > 1 and ctx.last_sku not in lines and len(ctx.line_options) == len(ctx.line_skus):
        had = [sku for sku in lines if any(  # "hummus instead of fries" to a combo with fries and a plate: the combo
            line == sku and all({(t.group, t.value) for t in o.targets} & set(made) for o in gone)
            for line, made in zip(ctx.line_skus, ctx.line_options, strict=True))]
        lines = had if len(had) == 1 else lines
    sku = ctx.last_sku if ctx.last_sku in lines else lines[0] if len(lines) == 1 else None
    if sku is None:
        return None
    product = lex.products[sku]

    def own(o: OptionSpec) -> OptionSpec:
        kept = tuple(t for t in o.targets if (g := product.group(t.group)) is not None and g.value(t.value))
        return OptionSpec(kept, o.amount, o.qualifier, o.pos, o.said)

    p.items, p.options, p.selector = [], [own(o) for o in new], [own(o) for o in (*picked, *gone)]
    p.replaces, p.replace = None, False
    return Intent.MODIFY


def _one_named_last(lex: Lexicon, toks: Sequence[str], at: int, specs: Sequence[OptionSpec]) -> list[OptionSpec]:
    """"... on the bmt ones": the words of "the <words> one(s)" said at the end of a swap, after its join and read
    as nothing (a choice whose words also name a product), are that choice: the line picked by how it is made."""
    if len(toks) < 3 or toks[-1] not in ("one", "ones"):
        return []
    said_at = {i for o in specs if o.pos >= 0 for i in range(o.pos, o.pos + max(1, len(o.said.split())))}
    for a in range(len(toks) - 3, at, -1):
        if toks[a] not in DEFINITE:
            continue
        words_ = tuple(toks[a + 1:-1])
        if said_at & set(range(a + 1, len(toks) - 1)):
            return []
        targets = tuple(t for t in lex.phrases.get(words_, ()) if t.kind == "option")
        return [OptionSpec(targets, pos=a + 1, said=" ".join(words_))] if targets else []
    return []


def _picks_one_line(o: OptionSpec, sku: str, ctx: Context) -> bool:
    """The choice is held by just one of several cart lines of ``sku`` ("the sloth" of two plush toys)."""
    held = [set(opts) for s, opts in zip(ctx.line_skus, ctx.line_options, strict=False) if s == sku]
    return len(held) > 1 and any(sum((t.group, t.value) in opts for opts in held) == 1 for t in o.targets)


def _kept_after(toks: Sequence[str], at: int, pos: int) -> bool:
    """"a gift bag instead of the wrapping but still the card": a choice said after a word of keeping is kept, it
    does not go with what the swap takes out."""
    return any(t in _KEEPS for t in toks[at:pos])


_KEEPS = words("swap_keeps")


def named_with_the_line(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """"In colour" to forty black and white copies, "fifty in colour double sided" to copies: the only words of
    the turn that are no count, no choice and no filler, put before the name (or an alias) of the line in
    focus, name another product (the "colour copies"): the line becomes that product, with the count and the
    choices said. True when so read."""
    sku = ctx.last_sku
    product = lex.products.get(sku or "")
    if product is None or sku is None or p.question or ctx.line_skus.count(sku) != 1 \
            or ctx.pending in ("clarify_option", "clarify_product"):  # an answer to a question asked
        return False
    if p.items and (len(p.items) > 1 or p.items[0].exact or cue.has(toks, ADDING + ALSO)
                    or any(t in ("a", "an", "and") for t in toks)):
        return False  # a product named, or more of something ("and a glossy"): no change of the line
    chosen = {i for o in p.options if o.pos >= 0 for i in range(o.pos, o.pos + max(len(phrase_of(o.said)), 1))}
    said = tuple(t for i, t in enumerate(toks) if i not in chosen and not t.isdigit() and t not in GLUE
                 and t not in CHANGE_FILL and t not in LEAD_FILL and t not in _IN_WORDS)
    if not said or len(said) > 2:
        return False
    other = next((t.sku for n in (product.name, *product.aliases)
                  for t in lex.phrases.get((*said, *phrase_of(n)), ())
                  if t.kind == "product" and t.exact and t.sku != sku), None)
    if other is None or p.items and other not in p.items[0].skus:
        return False  # (an item heard is that product, said short: "glossy" for the glossy photos)
    count = bare_quantity(toks, p.option_at)
    p.items = [ItemSpec((other,), count, list(p.options), 0, len(toks), True)]
    p.options, p.replaces, p.replace = [], ItemSpec((sku,)), True
    return True


def topic_swapped_in(p: ParseDraft, toks: list[str], ctx: Context) -> None:
    """"what's in the cucumber cooler" - "swap my mojito for one of those": a swap whose new side only points
    ("one of those", "that") at the product just talked about, which no line holds: that product is the new
    item (the line named on the other side is swapped for it)."""
    frame = swap_frame(toks)
    if frame is None or len(p.items) != 1 or ctx.topic is None or ctx.topic in ctx.line_skus \
            or ctx.topic in p.items[0].skus:
        return
    start, at, new_first = frame
    a, b = (start, at) if new_first else (at + 1, len(toks))
    said = [t for t in toks[a:b] if t not in FILLERS]
    if not said or not any(t in REF_IT for t in said) or any(t not in REF_IT and t not in ("of", "the", "1")
                                                               for t in said) \
            or a <= p.items[0].start < b:
        return
    p.items = sorted([*p.items, ItemSpec((ctx.topic,), None, [], a, b, True)], key=lambda it: it.start)


def same_kind_as_line(lex: Lexicon, item: ItemSpec, sku: str) -> bool:
    """"no, a mocha" to a latte just read back: a bare "no" swaps the line only for a product of the line's own
    kind (its catalog category); "no tomato soup" to a turkey club names no other sandwich, so the club stays (the
    soup is one more line)."""
    line = lex.products.get(sku)
    if line is None or not line.category:
        return True
    return any((p := lex.products.get(s)) is None or p.category == line.category for s in item.skus)


def swapped_line_named(p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """"swap the black one for an iced coffee" to a black coffee, two with milk and a bagel: "the <choice> one"
    said on the side of what goes names the line swapped by how it is made (``p.selector``), not how the new
    item is made; without it, the line in focus (the bagel) was swapped. Only choices a cart line holds."""
    frame = swap_frame(toks)
    if frame is None or len(p.items) != 1 or not p.replace or p.replaces is not None or p.selector:
        return
    start, at, new_first = frame
    item = p.items[0]
    old = range(at + 1, len(toks)) if new_first else range(start, at)
    if item.start in old:
        return
    chosen = [o for o in the_one_made(toks, item.options, p.option_at) if o.pos in old]
    held = {pair for opts in ctx.line_options for pair in opts}
    if not chosen or not all(any((t.group, t.value) in held for t in o.targets) for o in chosen):
        return
    p.selector = chosen
    item.options = [o for o in item.options if o not in chosen]

