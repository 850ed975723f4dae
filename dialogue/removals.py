"""What a turn takes off the cart: every line but the ones named ("just the sourdough", "take everything off except
the eggs"), the lines of a kind ("forget the drinks"), choices taken off ("take the onions off"); and words of taking
off that take nothing off ("shredded please, not the pate": the choice the other one replaces).
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.parse_records import Context, ParseDraft
from dialogue.phrasebook import phrases, words
from dialogue.references import line_holding
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.turn_words import DEFINITE, GENERIC_GOODS, LINE_DETERMINERS

_DRINK_CATEGORIES = words("drink_categories")
_KEEP_ONLY = phrases("keep_only")
_ALL_BUT = phrases("all_but")
_WHOLE_ORDER = words("whole_order")
_TAKING_OFF = words("taking_off")
_ONLY_WORDS = frozenset({"just", "only"})


def _ends_with(toks: Sequence[str], phrases_: Sequence[tuple[str, ...]]) -> bool:
    return any(len(ph) <= len(toks) and tuple(toks[len(toks) - len(ph):]) == ph for ph in phrases_)


def keeps_only(p: ParseDraft, toks: Sequence[str], ctx: Context, lex: Lexicon) -> bool:
    """"That's too much, just the sourdough", "actually only the dog bed", "take everything off except the
    eggs": of several cart lines, the ones named (no count, no choice said) stay and every other line comes
    off. "Just"/"only" must come right before "the" (or "my", "those") and the first product; "except"/"but"
    after a word for the whole order and a verb of taking off ("remove all but the yogurt"; so "you know what,
    take everything off except the eggs" is no question). A product named stands for the line that holds its
    name ("just the bagels and the tub" with a half dozen bagels in the cart: that line); the items are made
    those lines' products."""
    if not p.items or len(ctx.line_skus) < 2 or ctx.pending not in (None, "confirm_change", "checkout"):
        return False
    if kept_rather(p, toks, ctx, lex):
        return False
    held = [line_holding(lex, it.skus, ctx.line_skus) for it in p.items]
    named = {s for s in held if s is not None}
    if any(it.quantity is not None or it.options or s is None for it, s in zip(p.items, held, strict=True)) \
            or not set(ctx.line_skus) - named and len(named) < max(2, len(p.items)):
        return False  # (every line named in a list of them, "just the polish and laces then": they stay, no more)
    lead = list(toks[:p.items[0].start])
    bare = lead[:-1] if lead and lead[-1] in LINE_DETERMINERS else lead
    if len(bare) < len(lead) and _ends_with(bare, _KEEP_ONLY) and not p.question and not cue.has(toks, cue.REMOVE):
        return True
    if not _ends_with(bare, _ALL_BUT):
        return False
    return any(t in _WHOLE_ORDER for t in bare) and (
        any(t in _TAKING_OFF for t in bare) or cue.has(bare, cue.REMOVE) or cue.has(bare, cue.CLEAR))


def kept_rather(p: ParseDraft, toks: Sequence[str], ctx: Context, lex: Lexicon) -> bool:
    """"What about the crochet class?" (sold out, or only talked about) - "ok never mind just the knitting then": "just"
    (or "only") and lines already in the cart of the same category as a product asked about right before that the
    cart lacks keep those lines rather than that product; no other line comes off and nothing is added."""
    if not p.items or not ctx.has_lines or ctx.topic is None or ctx.topic in ctx.line_skus or p.question \
            or any(ctx.topic in it.skus or it.quantity is not None or it.options for it in p.items) \
            or any(line_holding(lex, it.skus, ctx.line_skus) is None for it in p.items):
        return False
    asked = lex.products.get(ctx.topic)
    kinds = {q.category for it in p.items if (held := line_holding(lex, it.skus, ctx.line_skus)) is not None
             and (q := lex.products.get(held)) is not None}
    if asked is None or not asked.category or kinds != {asked.category}:
        return False  # (the lines named are of the kind asked about: the one had rather than the other)
    lead = list(toks[:p.items[0].start])
    bare = lead[:-1] if lead and lead[-1] in LINE_DETERMINERS else lead
    return len(bare) < len(lead) and _ends_with(bare, _KEEP_ONLY) and not cue.has(toks, cue.REMOVE)


def taken_off(toks: Sequence[str], options: Sequence[OptionSpec]) -> bool:
    """"Take the onions off", "take the whip off please": "take" before the choices said and "off" (or "out")
    right after the last of them: a removal of those choices, not more of them."""
    first = min(o.pos for o in options)
    last = max(o.pos + max(len(o.said.split()), 1) for o in options)
    return first >= 0 and "take" in toks[:first] and any(t in ("off", "out") for t in toks[last:last + 2])


def choice_contrasted(toks: Sequence[str], at: int, p: ParseDraft) -> bool:
    """"Shredded please, not the pate", "satin not the eggshell": the words at ``at`` that would take something off
    ("not the") name, right after them, a choice said not to be (amount "none") of a group another choice of the
    turn is said to be: the turn sets that group to the other value, it takes nothing off."""
    said = [*p.options, *(o for it in p.items for o in it.options)]
    gone = [o for o in said if o.amount == "none" and at < o.pos <= at + 3]
    groups = {t.group for o in gone for t in o.targets if t.kind == "option"}
    return bool(groups) and any(o.amount != "none" and not at <= o.pos <= at + 3
                                and groups & {t.group for t in o.targets if t.kind == "option"} for o in said)


def drop_contrasted(p: ParseDraft, at: int) -> None:
    """The choices said not to be right after ``at`` (see :func:`choice_contrasted`) leave the turn: "not the pate"
    only says what the shredded replaces, it takes nothing off."""
    def kept(o: OptionSpec) -> bool:
        return not (o.amount == "none" and at < o.pos <= at + 3)

    p.options = [o for o in p.options if kept(o)]
    for it in p.items:
        it.options[:] = [o for o in it.options if kept(o)]


def lines_of_kind(lex: Lexicon, toks: Sequence[str], start: int, ctx: Context) -> tuple[tuple[str, ...], int] | None:
    """"forget the drinks", "take off the sides", "drop all the sandwiches": a plural noun from ``start`` on
    that ends the name of a category of the catalog ("Sides", "Espresso Drinks"), or a word for drinks in
    general, names the cart's lines of that kind: their products and where the noun was said, or None when
    no line is of it."""
    said = [i for i in range(start, len(toks)) if toks[i].endswith("s") and len(toks[i]) > 3
            and toks[i] not in ("those", "these", "this", "yes", "thanks", "please", "plus")]
    for at in said[:2]:
        word = toks[at]
        skus = []
        for sku in ctx.line_skus:
            product = lex.products.get(sku)
            cat = phrase_of(product.category) if product is not None else ()
            if cat and (cat[-1] == word or word in GENERIC_GOODS and any(w in _DRINK_CATEGORIES for w in cat)):
                skus.append(sku)
        if skus:
            return tuple(dict.fromkeys(skus)), at
    return None


def kept_aside(p: ParseDraft, toks: Sequence[str]) -> None:
    """"Cancel the sweet lassi, just the mango one": after the item taken off, "just/only the <choice> one" says
    which stays; those choices name no line to take off."""
    if len(p.items) != 1:
        return
    item = p.items[0]
    for k in range(item.end, len(toks) - 2):
        if toks[k] in _ONLY_WORDS and toks[k + 1] in DEFINITE:
            kept = [o for o in item.options if o.pos > k]
            if kept and len(kept) < len(item.options) \
                    and any(t in ("one", "ones") for t in toks[max(o.pos for o in kept):max(o.pos for o in kept) + 4]):
                item.options = [o for o in item.options if o.pos < k]
            return


def add_ons_said(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec],
                 held: Sequence[Sequence[tuple[str, str]]]) -> list[OptionSpec] | None:
    """"take off the vase" to a bouquet made with a glass vase and no vase of its own in the cart: each item's words
    are also a choice of several-choice group (an add-on) that a cart line holds (``held``: each line's
    (group, value) pairs): those choices, to take off that line; None when some item is no such choice."""
    on_lines = {c for opts in held for c in opts}
    specs: list[OptionSpec] = []
    for it in items:
        said = tuple(t for t in toks[it.start:it.end] if t not in ("a", "an", *DEFINITE))
        targets = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option" and (t.group, t.value) in on_lines
                        and (g := lex.groups.get(t.group)) is not None and g.multiple)
        if not targets or it.quantity not in (None, 1) or it.options:
            return None
        specs.append(OptionSpec(targets, pos=it.start, said=" ".join(said)))
    return specs or None
