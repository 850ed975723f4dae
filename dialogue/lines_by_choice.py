"""A cart line picked by how it is made (the parse's ``selector``), and its change: "make the mango one half sugar",
"make the 18 a beam blade", "make the red velvet ones cream cheese frosting", "the sausage one wants wheat toast", "the
chicken one on a wheat pita", "make the gray three gallons", "actually make the almond ones three"; and "a large one"
as against "the large one" (one more, made so).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from dialogue import intents as cue
from dialogue.lexicon import Lexicon, Target, phrase_of, singulars
from dialogue.matcher import part_of_name, words_run
from dialogue.owners import offers_choice
from dialogue.parse_records import Context, ParseDraft
from dialogue.people import whose_said
from dialogue.phrasebook import words
from dialogue.quantity import GLUE
from dialogue.recounts import bare_quantity, count_of_unit
from dialogue.references import portion
from dialogue.sold_by import unit_of
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.turn_words import (
    BASE_PREPS,
    CHANGE_FILL,
    DEFINITE,
    HOLDER_PREPS,
    LEAD_FILL,
    MAKE_IT,
    MAKE_THE,
    MORE_WORDS,
    ONES,
    ONTO_PREPS,
    RECOUNT_LEADS,
    WITH,
)

_AS_IT_COMES = words("as_it_comes")
_POSSESSIVES = words("possessives")
_WAS_NOT = words("was_not")
_ARTICLES = frozenset({"a", "an", "the"})
_PEOPLE_ONES = words("people_ones")  # "the brisket guys": the units of a line by the people they are for
_MAKE_THE_PAIRS = frozenset(ph for ph in MAKE_THE if len(ph) == 2)


def a_new_one(toks: Sequence[str], option_at: frozenset[int]) -> bool:
    """"(and) a large one (with oat milk)": an article, option words, then "one" — a new item, not a change ("a
    regular mango one": a word of a choice as it comes goes with the choice after it)."""
    for a, tok in enumerate(toks):
        if tok in ("a", "an", "another") or (tok == "one" or tok.isdigit()) and a not in option_at:
            o = a + 1
            while o < len(toks) and (o in option_at or toks[o] in _AS_IT_COMES and o + 1 in option_at) \
                    and not (o > a + 2 and toks[o - 1] == "one"):
                o += 1
            if tok == "one" and o + 1 < len(toks) and toks[o] == "one" and o + 1 in option_at:
                continue  # "one hot one iced": parts of the line, each "one" opening its own
            if o > a + 1 and o < len(toks) and toks[o] == "one" or o > a + 2 and toks[o - 1] == "one":
                return True  # ("one colour one": the "one" may be a word of the choice's own name)
    return False


def offered_by_a_line(lex: Lexicon, chosen: Sequence[OptionSpec], line_skus: Sequence[str]) -> bool:
    """Does the product of some cart line offer every one of ``chosen``, or name them in its name or an alias ("the
    chicken one" to a chicken bowl, though the chicken is a choice of another bowl)? "The sour ones" picks a line only
    then."""
    return any(all(offers_choice(lex, sku, o) or bool(o.said.split()) and part_of_name(lex, tuple(o.said.split()), sku)
                   for o in chosen) for sku in dict.fromkeys(line_skus))


def measure_of_a_choice(toks: Sequence[str], options: Sequence[OptionSpec]) -> bool:
    """"add two pounds of rye too" to a line of bread flour: a measure said with its unit ("two pounds", a weight
    choice), "of" and another choice after it names a new amount of the product made so (a new line), not a change
    of the line in focus."""
    for o in options:
        said = o.said.split()
        end = o.pos + len(said)
        if said[-1:] != ["of"]:  # (the choice may be named with its "of": "two pounds of")
            said, end = [*said, "of"], end + 1
        if o.pos < 0 or not any(unit_of(w) for w in said) or toks[end - 1:end] != ["of"]:
            continue
        nxt = end + (end < len(toks) and toks[end] in DEFINITE)
        if any(x.pos == nxt for x in options if x is not o):
            return True
    return False


def the_one_made(toks: Sequence[str], options: Sequence[OptionSpec], option_at: frozenset[int]) -> list[OptionSpec]:
    """The options of "the <options> one(s)" ("the mango one", "the large ones", "his kung pao one"): how the line
    meant is made."""
    for a, tok in enumerate(toks):
        if tok not in DEFINITE and tok not in _POSSESSIVES:
            continue
        o = a + 1
        while o < len(toks) and o in option_at and not (o > a + 2 and toks[o - 1] in ("one", "ones")):
            o += 1
        if o > a + 1 and o < len(toks) and toks[o] in ("one", "ones") or o > a + 2 and toks[o - 1] in ("one", "ones"):
            return [spec for spec in options if a < spec.pos < o]  # ("the black ones": "black one" a name of black)
        if o > a + 1 and o < len(toks) and toks[o] == "and" and whose_said(toks, a - 1):
            return [spec for spec in options if a < spec.pos < o]  # "sam's the decaf and he wants it large"
    return []


def one_by_words_of_its_choice(lex: Lexicon, toks: Sequence[str], ctx: Context, lo: int = 0,
                               hi: int | None = None) -> OptionSpec | None:
    """"the chicken one" to a meal deal with chicken bacon ranch and one with veggie delite: "the <words> one(s)"
    (between ``lo`` and ``hi``) whose words are a whole-word part of the name of a choice just one cart line holds
    (not the choice as it comes) is that choice, picking that line; None when no line or several are so named."""
    if len(ctx.line_options) != len(ctx.line_skus):
        return None
    hi = len(toks) if hi is None else hi
    for a in range(lo, hi - 2):
        if toks[a] not in DEFINITE and toks[a] not in _POSSESSIVES:
            continue
        for b in (a + 3, a + 2):
            if b >= hi or toks[b] not in ("one", "ones"):
                continue
            said = tuple(toks[a + 1:b])
            if any(t in GLUE or t in ONES or t.isdigit() for t in said):
                continue
            found = {choice for sku, opts in zip(ctx.line_skus, ctx.line_options, strict=True)
                     for choice in opts if _choice_named_within(lex, sku, choice, said)}
            lines = [opts for opts in ctx.line_options if found & set(opts)]
            if len(found) == 1 and len(lines) == 1:
                group, value = found.pop()
                return OptionSpec((Target("option", group=group, value=value),), pos=a + 1, said=" ".join(said))
    return None


def narrowed_by_one(lexicon: Lexicon, options: Sequence[OptionSpec], chosen: Sequence[OptionSpec]
                     ) -> list[OptionSpec] | None:
    """"with protein, the plant one", "milk, the oat one": a choice said by a word several choices share, then "the
    <word> one" where that word and the choice's words together name a choice of the same group ("plant protein"):
    that one choice, said once (the options with the earlier one replaced by it), not a line picked by how it is
    made. None when not so."""
    if len(chosen) != 1:
        return None
    one = chosen[0]
    meant = {(t.group, t.value) for t in one.targets if t.kind == "option"}
    for o in options:
        if o is one or o.pos >= one.pos or not o.said or not one.said:
            continue
        for said in ((*one.said.split(), *o.said.split()), (*o.said.split(), *one.said.split())):
            named = {(t.group, t.value) for t in lexicon.phrases.get(said, ()) if t.kind == "option"}
            if named and named <= meant and {(t.group, t.value) for t in o.targets} - named:
                kept = dataclasses.replace(one, targets=tuple(t for t in one.targets if (t.group, t.value) in named), pos=o.pos)
                return [kept if x is o else x for x in options if x is not one]
    return None


def the_made_made_so(toks: Sequence[str], items: Sequence[ItemSpec]) -> tuple[list[OptionSpec], list[OptionSpec]] | None:
    """"make the 18 a beam blade", "change the large an iced": a line named by how it is made ("the" and its
    choices, right after "make" or "change"), then "a" and other choices, with no product's name of its own said:
    (the choices picking the line, the choices it is made with now), else None."""
    if len(items) != 1 or not items[0].options:
        return None
    item = items[0]
    at = cue.find(toks, MAKE_THE)
    if at < 0:
        return None
    a = at + 1  # "the"
    covered: dict[int, OptionSpec] = {}
    for o in item.options:
        for k in range(o.pos, o.pos + max(1, len(o.said.split()))):
            covered[k] = o
    b = a + 1
    while b in covered:
        b += 1
    if b == a + 1 or b >= len(toks) or toks[b] not in ("a", "an") or b + 1 not in covered:
        return None
    if any(k not in covered for k in range(b + 1, item.end)) or item.start < a:
        return None  # a product's own name said too: a new line, or a swap (other rules)
    pick = [o for o in item.options if o.pos < b]
    made = [o for o in item.options if o.pos > b]
    return (pick, made) if pick and made else None


def recount_of_the_ones(toks: Sequence[str], options: Sequence[OptionSpec], option_at: frozenset[int]) -> int | None:
    """"actually make the almond ones three", "two of the 2 liter ones": a new count for the line picked out by
    how it is made, every option said being in "the <options> one(s)" (none a change of it) and the turn a
    correction ("actually", "make ..."), not more ("two more of the large ones"): the count, else None."""
    chosen = the_one_made(toks, options, option_at)
    if not options or len(chosen) != len(options) or any(t in MORE_WORDS for t in toks):
        return None
    first = next((i for i, t in enumerate(toks) if t not in LEAD_FILL), len(toks))
    if not (any(t in RECOUNT_LEADS for t in toks[:first + 1]) or cue.has(toks, MAKE_IT) or cue.has(toks, MAKE_THE)):
        return None
    return bare_quantity(toks, option_at)


def ones_of_a_choice(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """"Make the red velvet ones cream cheese frosting" with red velvet cupcakes in the cart: "the <words> one(s)"
    where the words name a product the cart has no line of and a choice some line has, with a change said (after
    it, or before it and joined by "with"/"on": "bbq chips with the tuna one"): that choice picks the line (the
    selector), the item's choices are the change. True when so read."""
    if len(p.items) != 1:
        return False
    item = p.items[0]
    if not (0 < item.start and toks[item.start - 1] in DEFINITE and item.end < len(toks)
            and toks[item.end] in ("one", "ones")) or any(s in ctx.line_skus for s in item.skus):
        return False
    said = tuple(toks[item.start:item.end])
    targets = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option")
    spec = OptionSpec(targets, pos=item.start, said=" ".join(said))
    if not targets and (named := one_by_words_of_its_choice(lex, toks, ctx, item.start - 1, item.end + 1)):
        spec, targets = named, named.targets  # "toast the chicken one": a word of the chicken bacon ranch
    change = [o for o in (*item.options, *p.options) if o.pos > item.end]
    if not change and item.start >= 3 and (toks[item.start - 2] in ONTO_PREPS or toks[item.start - 2] in WITH):
        change = [o for o in (*item.options, *p.options) if 0 <= o.pos < item.start - 2]  # "bbq chips with the
        # tuna one", "onion rings on the sprite one": the change said first, joined to the line it is for
    if not change and item.start >= 2:  # "toast the veggie one": the change said as a verb right before it
        change = [o for o in (*item.options, *p.options)
                  if 0 <= o.pos and o.pos + max(1, len(o.said.split())) == item.start - 1]
    if not targets or not change or not any(offers_choice(lex, sku, spec) for sku in ctx.line_skus):
        return False
    p.selector, p.options, p.items = [spec], change, []
    return True


def one_named_by_item(lex: Lexicon, p: ParseDraft, toks: list[str], ctx: Context) -> bool:
    """"The sausage one wants wheat toast" to two breakfasts, one made with sausage links: "the <words> one"
    whose words name a product none of the cart's lines is (a side of sausage) and a choice a line's product
    offers names that line (the selector), and the items said after it whose words are choices of that product
    (wheat toast) are its change, not items. True when so read (the parse changed), else False."""
    item = next((it for it in p.items if it.start > 0 and toks[it.start - 1] in (*DEFINITE, *_POSSESSIVES)
                 and it.end < len(toks) and (toks[it.end] in ("one", "ones") or toks[it.end] in _PEOPLE_ONES)),
                None)  # ("one of the brisket guys wants a coke": the combos made with brisket, for people)
    if item is None or any(s in ctx.line_skus for s in item.skus) or any(it.start < item.start for it in p.items):
        return False

    def offered(t: Target) -> set[str]:
        return {s for s in ctx.line_skus if s in lex.option_skus.get((t.group, t.value), ())}

    words = toks[item.start:item.end]
    named = tuple(t for t in lex.phrases.get(tuple(words), ()) if t.kind == "option" and offered(t))
    skus = {s for t in named for s in offered(t)}
    change = [OptionSpec(kept, pos=o.pos, said=o.said) for it in p.items if it is not item for o in it.options
              if (kept := tuple(t for t in o.targets if offered(t) & skus))]
    change += [OptionSpec(kept, o.amount, o.qualifier, o.pos, o.said) for o in item.options if o.pos > item.end
               and (kept := tuple(t for t in o.targets if offered(t) & skus))]  # "her green curry one with tofu"
    was = [it for it in p.items if it is not item and not it.options and _what_it_was(lex, toks, it, skus, offered)]
    if not named or not (change or p.options) or any(not it.options for it in p.items if it is not item
                                                      and it not in was):
        return False
    p.selector = [OptionSpec(named, pos=item.start, said=" ".join(words))]
    p.options = [*p.options, *change]
    p.items = []
    if item.start >= 3 and toks[item.start - 2] == "of":
        p.portion = portion(toks[:item.start])  # "one of the brisket ones wants a coke": one unit of them
    return True


def _what_it_was(lex: Lexicon, toks: Sequence[str], it: ItemSpec, skus: set[str],
                 offered: Callable[[Target], set[str]]) -> bool:
    """"the steak one gets a sprite not a coke": an item said after "not" (data: was_not; articles between) whose
    words are a choice of the line named (the meal's drink coke) is what that choice was, no item of its own."""
    k = it.start - 1
    while k >= 0 and toks[k] in _ARTICLES:
        k -= 1
    return k >= 0 and toks[k] in _WAS_NOT and any(
        t.kind == "option" and offered(t) & skus for t in lex.phrases.get(tuple(toks[it.start:it.end]), ()))


def one_made_on(lex: Lexicon, p: ParseDraft, toks: list[str], ctx: Context) -> bool:
    """"the chicken one on a wheat pita" with gyros in the cart: "the <choice> one" names a line, and a product
    of the cart said after "on" / "in" with choices is that line's choice ("pita" names the gyro), not a new
    item. Moves those choices to the change and the ones said before "one" to the selector: True, else False."""
    if len(p.items) != 1:
        return False
    item = p.items[0]  # ("make the ham one on a seeded sub": "ham" may be read as the sub's own)
    chosen = the_one_made(toks, [*p.options, *item.options], p.option_at)
    changes = [o for o in item.options if o not in chosen]
    if not chosen or not changes:
        return False
    sku = next((s for s in reversed(ctx.line_skus) if s in item.skus), None)
    prep = next((i for i in range(item.start - 1, max(o.pos for o in chosen), -1)
                 if toks[i] in (*BASE_PREPS, *HOLDER_PREPS)), None)
    if sku is None or prep is None or any(o.pos > prep and o not in item.options for o in p.options) \
            or not all(offers_choice(lex, sku, o) for o in chosen):
        return False
    p.selector = chosen
    p.options = [*(o for o in p.options if o not in chosen), *changes]
    p.items = []
    return True


def line_by_a_word_of_its_choice(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """"make the gray three gallons" to a paint in agreeable gray: the words right after "make the" / "change
    the", read as no choice any line holds, are words of the name (or an alias) of a choice that one line of
    the cart holds - that line, picked by how it is made; what follows is its change (the choices its product
    offers, the count of a unit). True when so read (``selector``, ``options``, ``quantity`` set)."""
    if not ctx.has_lines or p.question or len(ctx.line_options) != len(ctx.line_skus):
        return False
    at = next((i + 2 for i in range(len(toks) - 2) if (toks[i], toks[i + 1]) in _MAKE_THE_PAIRS), -1)
    units = None
    if at < 0:
        at, units = _units_of_the(toks)
    if at < 0:
        return False
    specs = [*p.options, *(o for it in p.items for o in it.options)]
    held = {c for opts in ctx.line_options for c in opts}
    if units is None and any(o.pos == at and any((t.group, t.value) in held for t in o.targets) for o in specs):
        return False  # "make the navy cotton ...": a choice a line holds, read as said
    if any(it.start == at and set(it.skus) & set(ctx.line_skus) for it in p.items):
        return False  # "make the latte large": a line named by its product
    for n in (2, 1):
        said = tuple(toks[at:at + n])
        if len(said) < n or any(t.isdigit() or t in GLUE or t in ONES for t in said):
            continue
        found = [(sku, choice) for sku, opts in zip(ctx.line_skus, ctx.line_options, strict=True)
                 for choice in opts if _choice_named_within(lex, sku, choice, said)]
        if not found and units is not None:  # "one of the stroganoffs": the plural of a word of the choice
            found = [(sku, choice) for sku, opts in zip(ctx.line_skus, ctx.line_options, strict=True)
                     for choice in opts if any(_choice_named_within(lex, sku, choice, (*said[:-1], one))
                                               for one in singulars(said[-1]) - {said[-1]})]
        if len({c for c in found}) != 1 or len(found) != 1:
            continue
        sku, (group, value) = found[0]
        product = lex.products[sku]
        end = at + n + (1 if at + n < len(toks) and toks[at + n] in ONES else 0)
        covered = {i for o in specs if o.pos >= end for i in range(o.pos, o.pos + max(1, len(o.said.split())))}
        stop = next((i for i in range(end, len(toks)) if i not in covered and not toks[i].isdigit()
                     and toks[i] not in GLUE and toks[i] not in CHANGE_FILL), len(toks))
        change = [dataclasses.replace(o, targets=kept) for o in specs if end <= o.pos < stop  # (not "the room
                  # is bigger than i thought" after it)
                  if (kept := tuple(t for t in o.targets if t.kind == "option" and (g := product.group(t.group))
                                    is not None and g.value(t.value) is not None))]
        count = count_of_unit(toks, change, lex)
        if not change and count is None:
            return False
        if units is not None and (count is not None or not change):
            return False  # ("two of the large ones three": a recount, other rules)
        p.selector = [OptionSpec((Target("option", group=group, value=value),), pos=at, said=" ".join(said))]
        p.options, p.items, p.quantity, p.ref = change, [], count, None
        if units is not None:
            p.portion = units
        return True
    return False


def _units_of_the(toks: Sequence[str]) -> tuple[int, int | None]:
    """"(make) one of the stroganoffs ...", "two of the satin ones ...": a turn opening (past the leading words
    and "make" / "change") with a count and "of the": (where the words after "the" start, the count), else
    (-1, None)."""
    verbs = {pair[0] for pair in _MAKE_THE_PAIRS}
    for i in range(len(toks) - 3):
        if toks[i] in LEAD_FILL or toks[i] in verbs:
            continue
        n = 1 if toks[i] == "one" else int(toks[i]) if toks[i].isdigit() and 0 < int(toks[i]) < _MAX_RECOUNT else None
        if n is not None and toks[i + 1] == "of" and toks[i + 2] in DEFINITE:
            return i + 3, n
        break
    return -1, None


def count_by_a_word_of_its_choice(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """"just three of the teriyaki" to five chicken teriyaki and two beef stroganoff meals: "just"/"only", a count,
    "of the" and words read as no choice that are a whole-word part of the name of a choice one line of the cart
    holds (its "chicken teriyaki"): that line's new count. True when so read (``selector``, ``quantity`` set)."""
    if not ctx.has_lines or p.question or p.items or p.options or len(ctx.line_options) != len(ctx.line_skus):
        return False
    lead = [(i, t) for i, t in enumerate(toks) if t not in LEAD_FILL]
    if len(lead) < 4 or lead[0][1] not in _JUST_LEADS:
        return False
    at, said_n = lead[1]
    n = 1 if said_n == "one" else int(said_n) if said_n.isdigit() and 0 < int(said_n) < _MAX_RECOUNT else None
    k = at + 1
    while k < len(toks) and toks[k] in _OF_THE:
        k += 1
    end = len(toks)
    while end > k and toks[end - 1] in _WORD_LINE_TAIL:
        end -= 1
    said = tuple(toks[k:end])
    if n is None or k == at + 1 or not 1 <= len(said) <= 2 or any(t.isdigit() or t in GLUE for t in said):
        return False
    found = [(sku, choice) for sku, opts in zip(ctx.line_skus, ctx.line_options, strict=True)
             for choice in opts if _choice_named_within(lex, sku, choice, said)]
    if len(found) != 1:
        return False
    group, value = found[0][1]
    p.selector = [OptionSpec((Target("option", group=group, value=value),), pos=k, said=" ".join(said))]
    p.quantity, p.ref = n, None
    return True


_JUST_LEADS = words("just_count_leads")
_OF_THE = frozenset(("of", "the"))
_WORD_LINE_TAIL = frozenset(("one", "ones", "please", "then", "instead"))
_MAX_RECOUNT = 100


def more_of_the_made(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """"One more of the cones" to a mint chip in a waffle cone and a shake in focus: words said right after "more
    of the" that no line holds as said (heard as the sugar cone) but that are words of the name of a choice one
    line holds ("cone" of "waffle cone") pick that line (``selector``), not a choice of the one more."""
    if p.ref != "more" or not p.options or len(ctx.line_options) != len(ctx.line_skus):
        return
    held = {c for opts in ctx.line_options for c in opts}
    for o in p.options:
        if o.pos < 2 or toks[o.pos - 1] not in DEFINITE or toks[o.pos - 2] != "of" \
                or any((t.group, t.value) in held for t in o.targets):
            continue
        said = phrase_of(o.said)
        forms = {said, *((*said[:-1], w) for w in singulars(said[-1]))} if said else set()
        found = {(sku, choice) for sku, opts in zip(ctx.line_skus, ctx.line_options, strict=True) for choice in opts
                 if any(_choice_named_within(lex, sku, choice, form) for form in forms)}
        if len(found) == 1:
            (_, (group, value)), = found
            p.selector = [OptionSpec((Target("option", group=group, value=value),), pos=o.pos, said=o.said)]
            p.options = [x for x in p.options if x is not o]
            return


def _choice_named_within(lex: Lexicon, sku: str, choice: tuple[str, str], said: tuple[str, ...]) -> bool:
    """The words are a whole-word part of the name or an alias of that choice of the product ("gray" of
    "agreeable gray")."""
    product = lex.products.get(sku)
    group = product.group(choice[0]) if product is not None else None
    value = group.value(choice[1]) if group is not None else None
    if value is None or group is None or choice[1] == group.default:
        return False
    return any(words_run(said, phrase_of(name)) for name in (value.name, *value.aliases))


def held_after_make_the(toks: Sequence[str], options: Sequence[OptionSpec], ctx: Context) -> bool:
    """"Make the basil the one gallon" to a basil plant in the cart: the choice said right after "make the" /
    "change the" is one a line holds, with another choice said after it: that line and its change, not one more
    of the product the choices belong to."""
    at = next((i + 2 for i in range(len(toks) - 2) if (toks[i], toks[i + 1]) in _MAKE_THE_PAIRS), -1)
    held = {c for opts in ctx.line_options for c in opts}
    return at >= 0 and any(o.pos == at and any((t.group, t.value) in held for t in o.targets) for o in options) \
        and any(o.pos > at for o in options)


def one_made_remade(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """"Make the steak one a steak and kidney" to a steak pie: "the <choice> one" said of a product the cart has a
    line of, made so, and after it that product named again with another choice of the same group: that line
    (the selector) made with the new choice, no second pie. True when so read."""
    if len(p.items) != 1 or not any(s in ctx.line_skus for s in p.items[0].skus):
        return False
    item = p.items[0]
    chosen = [o for o in item.options if o.pos >= 1 and toks[o.pos - 1] in DEFINITE and o.pos < item.start
              and (end := o.pos + max(1, len(o.said.split()))) < len(toks) and toks[end] in ONES]
    later = [o for o in item.options if o.pos >= item.start]
    groups = {t.group for o in chosen for t in o.targets}
    held = {c for sku, opts in zip(ctx.line_skus, ctx.line_options, strict=False) if sku in item.skus for c in opts}
    if len(chosen) != 1 or not later or not all(groups & {t.group for t in o.targets} for o in later) \
            or not any((t.group, t.value) in held for t in chosen[0].targets):
        return False
    p.selector = chosen
    p.options = [*p.options, *later]
    p.items = []
    return True


def one_made_with_item(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """"Can the salmon one come with the spicy tuna roll" to two bentos: "the <choice> one" picks a line, and the
    products named after "with" / "on" / "in" whose words are also a choice its product offers (the bento's roll,
    though the roll is sold on its own) are its change, not items of their own. True when so read."""
    if not p.items or not ctx.has_lines:
        return False
    chosen = the_one_made(toks, p.options, p.option_at)
    if not chosen or len(chosen) != len(p.options):
        return False
    held = [(sku, opts) for sku, opts in zip(ctx.line_skus, ctx.line_options, strict=False)
            if all(any((t.group, t.value) in opts for t in o.targets) for o in chosen)]
    skus = {sku for sku, _ in held}
    if len(skus) != 1:
        return False
    sku = skus.pop()
    product = lex.products.get(sku)
    if product is None:
        return False
    change: list[OptionSpec] = []
    for it in p.items:
        k = it.start - 1
        while k >= 0 and toks[k] in (*DEFINITE, "a", "an"):
            k -= 1
        if it.quantity is not None or it.options or sku in it.skus or it.start < max(o.pos for o in chosen) \
                or k < 0 or not (toks[k] in WITH or toks[k] in ONTO_PREPS or toks[k] in BASE_PREPS):
            return False
        said = tuple(t for t in toks[it.start:it.end] if t not in GLUE)
        own = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option"
                    and (g := product.group(t.group)) is not None and g.value(t.value) is not None)
        if not own:
            return False
        change.append(OptionSpec(own, pos=it.start, said=" ".join(said)))
    p.selector, p.options, p.items = list(chosen), change, []
    return True



def selector_refines_focus(lex: Lexicon, p: ParseDraft, ctx: Context) -> None:
    """"I need some light bulbs" - "the sixty watt daylight ones a four pack": the line was just ordered and no
    line of the cart is made as "the <choices> ones" says, but the line in focus offers every one of those
    choices: they describe that line further (changes of it, with the rest), not a line to pick out."""
    if p.intent != cue.Intent.MODIFY or not p.selector or p.items or not ctx.focus_fresh or ctx.last_sku is None:
        return
    if p.quantity is not None:
        return  # ("make the oat ones three" to a mocha with whole milk: a count for the lines made so, and there
        # are none; the line is not made so and recounted)
    wanted = [{(t.group, t.value) for t in o.targets} for o in p.selector]
    if any(all(w & set(opts) for w in wanted) for opts in ctx.line_options):
        return  # (a line made so is there: "the almond ones" picks it)
    if not all(offers_choice(lex, ctx.last_sku, o) for o in p.selector):
        return
    if any(o.said and part_of_name(lex, tuple(o.said.split()), ctx.last_sku) for o in p.selector):
        return  # ("add protein to the peanut butter one" to a peanut butter banana: the words name the line)
    p.options = sorted([*p.selector, *p.options], key=lambda o: o.pos)
    p.selector = []


def line_opened_by_its_choice(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """"The diet coke with no ice please", "my wife's diet coke with no ice" to a diet coke and a coke zero: a turn
    that opens (past lead fillers) with "the" or a person's possessive and a choice that one line of the cart holds,
    then choices of other groups that line's product offers: that line picked by how it is made (``selector``), the
    rest its change, never the line in focus made a diet coke. True when so read."""
    if p.items or len(p.options) < 2 or p.question or not ctx.has_lines \
            or len(ctx.line_options) != len(ctx.line_skus) or cue.order_request(toks) >= 0:
        return False
    first = min(p.options, key=lambda o: o.pos)
    lead = toks[:first.pos]
    if not lead or not (lead[-1] in DEFINITE or lead[-1] in _POSSESSIVES or whose_said(toks, first.pos - 1)) \
            or any(t not in LEAD_FILL and t not in DEFINITE and t not in _POSSESSIVES and not whose_said(toks, i)
                   for i, t in enumerate(lead)):
        return False
    named = {(t.group, t.value) for t in first.targets if t.kind == "option"}
    held = [i for i, opts in enumerate(ctx.line_options) if named & set(opts)]
    if len(held) != 1:
        return False
    sku = ctx.line_skus[held[0]]
    groups = {g for g, _ in named & set(ctx.line_options[held[0]])}
    rest = [o for o in p.options if o is not first]
    if any({t.group for t in o.targets} & groups or not offers_choice(lex, sku, o) for o in rest):
        return False
    kept = tuple(t for t in first.targets if (t.group, t.value) in set(ctx.line_options[held[0]]))
    p.selector = [dataclasses.replace(first, targets=kept)]
    p.options = rest
    return True
