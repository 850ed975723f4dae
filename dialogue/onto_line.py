"""Items heard as choices of a cart line, not products of their own: "add pepperoni and olives to it", "make it
brown rice", "put it on a bagel", "one on brown rice and the other on soy paper", "add a card to the bouquet", and,
right after a line is ordered, "a 22 inch invisible one" or "and wheat toast and bacon" refining it; how one more is
made ("and another one for my brother with pulled pork"); choices said alone for the line in focus or for every line
("can you add feta to that", "all large", "on both"), and a holding choice said alone ("in a gift box").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from catalog.models import Product
from dialogue import confirm
from dialogue import intents as cue
from dialogue.lexicon import Lexicon, Target, phrase_of, singulars
from dialogue.matcher import Mention, alone_said
from dialogue.numbers import TENS, UNITS
from dialogue.owners import offers_choice
from dialogue.parse_records import Context, Parse, ParseDraft
from dialogue.phrasebook import phrases, words
from dialogue.quantity import GLUE
from dialogue.recounts import one_more_made
from dialogue.references import parts_of
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.turn_words import (
    ADDING,
    ALSO,
    BASE_PREPS,
    DEFINITE,
    FILLERS,
    HOLDER_PREPS,
    INSTEAD_OF,
    LEAD_FILL,
    LINE_DETERMINERS,
    MAKE_IT,
    MORE_WORDS,
    ONES,
    ONTO_PREPS,
    SWAP_VERBS,
    WITH,
)

_ONTO_LINE = phrases("onto_line")
_ONTO_LINE_LEAD = phrases("onto_line_lead")
_ONTO_LINE_VERBS = phrases("onto_line_verbs")
_EVERY_BEFORE = words("every_before")
_INTO = words("into_preps")
_TAIL = words("change_fill")  # ("put a hash brown in the sandwich too")
_TO_BE = words("group_to_value")
_LIKEWISE = words("likewise")
_LIKEWISE_AFTER = phrases("likewise_after")
_HEARD = words("echo_acknowledgments")


def every_before(toks: Sequence[str], options: Sequence[OptionSpec]) -> bool:
    """A bare "all" / "each" right before the choices ("all large", "all on thin crust", "each in medium"): the
    choices are for every line."""
    glue = (*GLUE, *BASE_PREPS, *HOLDER_PREPS)
    return any(t in _EVERY_BEFORE and any(i < o.pos <= i + 2 and all(tok in glue for tok in toks[i + 1:o.pos])
                                          for o in options) for i, t in enumerate(toks))


def onto_named_line(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec], mentions: Sequence[Mention],
                     ctx: Context) -> list[ItemSpec]:
    """"add a card to the bouquet", "put a card on the hamper": one product said right before "to the" / "on the" and
    the name of a product of a line of the cart, the words of the first also a choice that line's product offers (of
    a group taking several): that choice put on the line, one item, never a second line of the product named as the
    place (nor a card of its own)."""
    what = items[0] if items else None
    if what is not None and what.options:
        what = _place_not_choice(lex, toks, what, ctx)  # "put an egg roll in the bowl too": the bowl's, no broth
        items = [what, *items[1:]]
    if what is None or len(items) > 2 or what.quantity not in (None, 1) or what.options:
        return list(items)
    at = what.end
    while at < len(toks) and toks[at] in GLUE and toks[at] not in ONTO_PREPS and toks[at] not in _INTO \
            and toks[at] not in WITH:
        at += 1
    line = _place_said(lex, toks, at + 1, ctx) if at + 1 < len(toks) and (toks[at] in ONTO_PREPS or toks[at] in _INTO) \
        else None  # "put a hash brown in the sandwich too", "in it"
    noun = at + 1 if line is not None and toks[at + 1] in ("it", "that") else at + 2
    if line is not None and all(it.start == noun and it.quantity is None for it in items[1:]):
        return _onto(lex, toks, [what], what, Mention(noun, noun + 1, (Target("product", line, exact=True),)), line)
    if not (at + 2 < len(toks) and (toks[at] in ONTO_PREPS or toks[at] in WITH) and toks[at + 1] in DEFINITE):
        return list(items)  # ("a vase with the lilies too": the lilies' vase)
    place = next((m for m in mentions if m.start == at + 2 and m.exact_products
                  and all(t in GLUE or t in _LIKEWISE or t in FILLERS for t in toks[m.end:])), None)
    skus = {t.sku for t in place.exact_products if t.sku in ctx.line_skus} if place is not None else set()
    if place is None or len(skus) != 1 or len(items) == 2 and (items[1].start != at + 2
                                                               or items[1].quantity not in (None, 1)):
        return list(items)
    return _onto(lex, toks, items, what, place, skus.pop())


def _place_not_choice(lex: Lexicon, toks: Sequence[str], what: ItemSpec, ctx: Context) -> ItemSpec:
    """``what`` without a choice its product does not offer, said last, whose words are "in the" / "on the" and
    the name of a cart line's product or a choice the line in focus offers ("an egg roll in the bowl" to a pho,
    whose broth comes "in the bowl"): where the item goes, not how it is made."""
    placed = [o for o in what.options if 0 <= o.pos < len(toks) - 1 and toks[o.pos] in (*ONTO_PREPS, *_INTO)
              and not any(offers_choice(lex, sku, o) for sku in what.skus)
              and all(t in GLUE or t in _TAIL for t in toks[o.pos + len(o.said.split()):])
              and ((line := _place_said(lex, toks, o.pos + 1, ctx)) is not None and line not in what.skus
                   or ctx.last_sku in ctx.line_skus and ctx.last_sku not in what.skus
                   and offers_choice(lex, ctx.last_sku, o))]
    return dataclasses.replace(what, options=[o for o in what.options if o not in placed]) if placed else what


def _place_said(lex: Lexicon, toks: Sequence[str], k: int, ctx: Context) -> str | None:
    """Where "in it" / "in the sandwich" puts a thing: "it" / "that", the product of the line in focus; "the" and a
    word of the name, an alias or the category of the product of one cart line only, that product; the rest of the
    turn filler words. None otherwise."""
    if k < len(toks) and toks[k] in ("it", "that") and all(t in GLUE or t in _TAIL for t in toks[k + 1:]):
        return ctx.last_sku if ctx.last_sku in ctx.line_skus else None
    if not (k + 1 < len(toks) and toks[k] in DEFINITE and all(t in GLUE or t in _TAIL for t in toks[k + 2:])):
        return None
    forms = singulars(toks[k + 1])
    held = {s for s in ctx.line_skus if (p := lex.products.get(s)) is not None
            and forms & {f for text in (p.name, *p.aliases, p.category or "") for w in phrase_of(text) for f in singulars(w)}}
    return held.pop() if len(held) == 1 else None


def _onto(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec], what: ItemSpec, place: Mention,
          sku: str) -> list[ItemSpec]:
    """``what`` put on the line of ``sku`` at ``place`` as its choice, when its words are one of that product's
    choices of a group taking several; else the items as they are."""
    product = lex.products.get(sku)
    said = tuple(t for t in toks[what.start:what.end] if t not in GLUE)
    forms = [said, *((*said[:-1], w) for w in sorted(singulars(said[-1]) - {said[-1]}))] if said else []
    targets = next((found for form in forms if (found := tuple(
        t for t in lex.phrases.get(form, ()) if t.kind == "option" and product is not None
        and (g := product.group(t.group)) is not None and g.multiple and g.value(t.value) is not None))), ())
    # ("add hash browns to the bacon egg and cheese": the hash brown patty the sandwich offers)
    if not targets or place is None:
        return [what] if len(items) == 2 and what.skus and sku not in what.skus else list(items)
        # ("add a card to the bouquet" with no card the bouquet takes: a card of its own, never a second bouquet)
    spec = OptionSpec(targets, pos=what.start, said=" ".join(said))
    kept = items[1].options if len(items) == 2 else []
    return [ItemSpec((sku,), None, [spec, *kept], place.start, place.end, True)]


def onto_part_of_line(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec], ctx: Context) -> list[ItemSpec]:
    """"Extra butter on the popcorn" to a couples combo whose popcorn comes in it: one product named after "on the"
    / "in the" that the cart has no line of, with choices said before it, is a part of the one line whose product
    offers those choices and whose description names that product: the choices go on that line (one item of its
    product), never a new popcorn. The items as they were otherwise."""
    if len(items) != 1 or not items[0].options or any(s in ctx.line_skus for s in items[0].skus):
        return list(items)
    item = items[0]
    at = item.start
    said_on = at >= 2 and toks[at - 1] in DEFINITE and (toks[at - 2] in ONTO_PREPS or toks[at - 2] in HOLDER_PREPS) \
        and all(0 <= o.pos < at - 2 for o in item.options) and all(t in GLUE or t in _LIKEWISE for t in toks[item.end:])
    said_of = at >= 1 and toks[at - 1] in DEFINITE and all(o.pos >= item.end for o in item.options) \
        and all(t in _PART_LEADS or t in LEAD_FILL or t in DEFINITE for t in toks[:at - 1])  # "can the popcorn be
    # extra butter", "make the popcorn extra butter": the part named first, its choices after it
    if not (said_on or said_of):
        return list(items)
    said = [w for sku in item.skus if (named := lex.products.get(sku)) is not None for w in [phrase_of(named.name)]]
    holders = []
    for sku in dict.fromkeys(ctx.line_skus):
        product = lex.products.get(sku)
        if product is None or not all(offers_choice(lex, sku, o) for o in item.options):
            continue
        about = phrase_of(product.description)
        if any(w and any(tuple(about[k:k + len(w)]) == tuple(w) for k in range(len(about) - len(w) + 1)) for w in said):
            holders.append(sku)
    if len(holders) != 1:
        return list(items)
    return [ItemSpec((holders[0],), None, list(item.options), item.start, item.end, True)]


_PART_LEADS = words("part_change_leads")
_ADD_ON_GROUPS = words("add_on_groups")
_OWN_SERVING = words("own_serving_words")


def every_line_said(toks: Sequence[str]) -> bool:
    """"on all of them", "to both", "on all 3": every line that offers the choice said."""
    return cue.has(toks, cue.EVERY_LINE) or any(t == "all" and nxt.isdigit() and k + 2 == len(toks)
                                                for k, (t, nxt) in enumerate(zip(toks, toks[1:], strict=False)))


def only_choices_said(item: ItemSpec) -> bool:
    """The item was heard from its choices' words alone, no name of its product said ("pudding" for the milk tea
    in focus)."""
    said = {i for o in item.options if o.pos >= 0 for i in range(o.pos, o.pos + max(len(phrase_of(o.said)), 1))}
    return all(i in said for i in range(item.start, item.end))


def _onto_cue(toks: Sequence[str]) -> tuple[bool, bool]:
    """How a turn puts what it names on the line in focus: (cued, verb). Cued: "to it", "with it", or a turn that
    starts "with ..." - any choice of that line; verb: "add an egg" after an avocado toast - an add-on of that
    product (a choice of a multiple-choice group), not a second toast with an egg."""
    lead = [t for t in toks if t not in LEAD_FILL]
    led = any(tuple(lead[:len(ph)]) == ph for ph in _ONTO_LINE_LEAD)  # "with pudding": on the line in focus
    cued = led or cue.find(toks, _ONTO_LINE) >= 0
    return cued, not cued and cue.find(toks, _ONTO_LINE_VERBS) >= 0


def _group_named_before(toks: Sequence[str], start: int, product: Product) -> str:
    """"Make the side mac and cheese", "change the drink to a lemonade": a verb of change, "the" and the name of a
    group of the line's product said right before the item: the code of that group (whose choice the item is, not
    a product of its own), else ""."""
    k = start
    while k > 0 and toks[k - 1] in _TO_BE:
        k -= 1
    for g in product.option_groups:
        for name in (g.name, *g.aliases):
            ph = phrase_of(name)
            at = k - len(ph)
            if ph and at >= 1 and tuple(toks[at:k]) == ph and toks[at - 1] in LINE_DETERMINERS \
                    and any(t in SWAP_VERBS for t in toks[:at - 1]):
                return g.code
    return ""


def _number_word(w: str) -> bool:
    return w.isdigit() or w in UNITS or w in TENS


def onto_line(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> list[OptionSpec] | None:
    """The items of "add pepperoni and olives to it" as choices of the line in focus, when every item named
    is also a choice that line's product offers and the turn puts them on it ("to it", "with it", "add"), takes
    them off it ("actually no vase": an add-on, when no line holds the vase sold alone) or names the group they
    are a choice of ("make the side mac and cheese"); else None."""
    product = lex.products.get(ctx.last_sku or "")
    if any(it.end in alone_said(toks) for it in p.items):
        return None  # "and a chili cheese dog on its own": sold alone, put on no line
    cued, verb = _onto_cue(toks)
    # "actually no vase" to a bouquet with a vase: its add-on taken off, not the bouquet swapped for a vase
    negated = not cued and not verb and p.deny and bool(p.items) and all(
        it.start > 0 and toks[it.start - 1] == "no" and not set(it.skus) & set(ctx.line_skus) for it in p.items)
    named = _group_named_before(toks, p.items[0].start, product) if product is not None and len(p.items) == 1 else ""
    if product is not None and p.items and not (cued or verb or negated or named):
        return _refined_line(lex, p, toks, ctx, product)
    if product is None or not p.items or not (cued or verb or negated or named):
        return None
    specs: list[OptionSpec] = []
    for it in p.items:
        said = tuple(toks[it.start:it.end])  # "mac and cheese": a name with "and" inside, as said
        if said not in lex.phrases:
            said = tuple(t for t in said if t not in GLUE and t != "and")
        targets = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option"
                        and (g := product.group(t.group)) is not None and g.value(t.value) is not None
                        and (g.code == named if named else cued or g.multiple))
        if it.quantity not in (None, 1) or not targets:
            return None
        if verb and any(t.kind == "product" for t in lex.phrases.get(said, ())) \
                and (_own_serving(toks, it.start) or not _add_on_sold_alone(lex, said, product, targets)):
            return None  # "add a pepperoni" at a pizzeria: the pepperoni pizza, another line
        if _names_its_product(lex, said, it.skus, product, targets):
            return None  # "add a blueberry muffin" to an iced coffee: the muffin, not a blueberry shot
        if any(o.pos != it.start and not offers_choice(lex, product.sku, o) and offers_choice(lex, sku, o)
               for o in it.options for sku in it.skus if sku != product.sku):
            return None  # "and fries with feta on them" to a plate with sides: the fries, the feta theirs
        specs.append(OptionSpec(targets, "none" if negated else "regular", pos=it.start, said=" ".join(said)))
        specs.extend(o for o in it.options if o.pos != it.start)
    specs += p.options
    swap = cue.find(toks, INSTEAD_OF)
    if swap >= 0:  # "that with sticky rice instead of jasmine": what comes after "instead of" is what goes
        specs = [o for o in specs if o.pos < swap]
    return specs if specs else None


def group_named_at(lex: Lexicon, toks: Sequence[str], end: int, options: Sequence[OptionSpec],
                   line_skus: Sequence[str]) -> bool:
    """"make his drink an apple juice": the name of a said choice's own group ends right at ``end`` (before
    its article), a line of the cart offering that choice: the choice of that line's group, no item of its own."""
    groups = {t.group for o in options for t in o.targets if t.kind == "option"
              and any(s in line_skus for s in lex.option_skus.get((t.group, t.value), ()))}
    return any(t.kind == "group" and t.group in groups for n in (1, 2, 3) if end - n >= 0
               for t in lex.phrases.get(tuple(toks[end - n:end]), ()))


def _refined_line(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context, product: Product
                  ) -> list[OptionSpec] | None:
    """"I need a zipper" - "a 22 inch invisible one", a quilting cotton - "a half yard", a two egg breakfast -
    "and wheat toast and bacon": right after a line is ordered or changed, items said only in words of choices
    its product offers ("one" standing for the product), each of a group not chosen on the line yet and a value
    the line does not hold, refine that line before any other product is searched. A side stays a side when the
    line holds a choice of that group or offers none of those words; a product's own name said with "a" is one
    more line ("and a pepperoni" to a pizza), and one said with "the" names a line ("make the pepperoni a
    large"). None when any item is not such a choice, or the turn says a change of its own."""
    if not ctx.focus_fresh or p.question or p.deny or p.ref == "more" or cue.has(toks, cue.MORE) \
            or cue.has(toks, cue.MODIFY) or ctx.pending not in (None, "confirm_change", "checkout"):
        return None
    held = set(ctx.focus_options)
    held_groups = {g for g, _ in held}

    def open_(t: Target) -> bool:  # a value of the line's product, of a group still as it comes
        g = product.group(t.group) if t.kind == "option" else None
        if g is None or g.value(t.value) is None or (t.group, t.value) in held:
            return False
        return g.multiple or t.group not in held_groups or (t.group, g.default) in held

    specs: list[OptionSpec] = []
    for it in p.items:
        if it.quantity not in (None, 1):
            return None
        span = range(it.start, it.end)
        words = tuple(toks[i] for i in span if toks[i] not in GLUE and toks[i] not in ONES and toks[i] != "and")
        if not words:
            return None
        whole = lex.phrases.get(words, ())
        first = min([it.start, *(o.pos for o in it.options)])  # "a small coffee": its size said before it
        while first > 0 and toks[first - 1] in GLUE and toks[first - 1] not in ("a", "an", *DEFINITE):
            first -= 1  # "an order of onion rings": the measure said before it
        lead = toks[it.start - 1] if it.start > 0 else ""
        said_a = toks[first] in ("a", "an") or first > 0 and toks[first - 1] in ("a", "an")
        names = any(t.kind == "product" for t in whole)  # the words are also a product the shop sells
        if lead in DEFINITE or names and said_a:
            return None  # "change the milk on the mocha": a line named, not a choice of one
        if it.end > it.start and toks[it.end - 1] in ONES and it.exact and len(it.skus) == 1 \
                and it.skus[0] != ctx.last_sku and not it.options:
            return None  # "and a spinach one too" to a box of empanadas: the spinach empanada, its kind's product
        ofs = [i for i in range(first, it.end) if toks[i] == "of"]
        if said_a and ofs and (names or not all(i + 1 < len(toks) and _number_word(toks[i + 1]) for i in ofs)):
            return None  # "a side of hot sauce", "a pound of pulled pork": a measure of a product of its own
            # (not "of" and a number, a choice's own name: "a pack of forty sorry twenty five")
        if not said_a and (toks[first] in ONES or first > 0 and toks[first - 1] in ONES):
            return None  # "one iced": a count of the line's units ("one of them"), not "a ... one" for it
        targets = tuple(t for t in whole if open_(t))
        if targets and names and _a_name_over_an_alias(lex, words, product, targets):
            return None  # "and fries" to a gyro with "fries inside": the fries sold as a side, one more line
        if targets and names and len(words) > 1 and not _value_called(words, product, targets):
            return None  # "and melatonin gummies" to a vitamin d: the melatonin by its name, not the gummies form
        if targets and names and any(not any(open_(t) for t in o.targets) for o in it.options):
            return None  # "and large fries with zaatar" to a plate that has no size: the fries' own choices
        if targets:
            specs.append(OptionSpec(targets, pos=it.start, said=" ".join(words)))
            for o in it.options:  # "rye toast and home fries": the choices said after the words go on it too
                if o.pos in span or o.pos > it.end and toks[o.pos - 1] in DEFINITE:
                    continue  # ("a fried egg on the ham one": "the ham one" names the line, no ham put on it)
                kept = tuple(t for t in o.targets if open_(t))
                if not kept:
                    return None
                specs.append(dataclasses.replace(o, targets=kept))
            p.selector = [*p.selector, *(o for o in it.options if 0 < o.pos < it.start and toks[o.pos - 1] in DEFINITE)]
            continue  # ("make the chocolate one a double": the chocolate line names which, made double)
        covered = {i for o in it.options for i in range(o.pos, o.pos + max(1, len(o.said.split())))}
        if not it.options or any(i not in covered and toks[i] not in GLUE and toks[i] not in ONES for i in span):
            return None
        if names and len(words) > 1 and not any(_value_called(tuple(o.said.split()), product, o.targets)
                                                for o in it.options):
            return None  # "and melatonin gummies" to a vitamin d: the melatonin by its name, not the gummies form
        for o in it.options:
            kept = tuple(t for t in o.targets if open_(t))
            if not kept:
                return None
            specs.append(dataclasses.replace(o, targets=kept))
    return [*specs, *p.options]


def _value_called(words: tuple[str, ...], product: Product, targets: Sequence[Target]) -> bool:
    """The words are the very name (or an alias) of a choice of the product among ``targets``."""
    for t in targets:
        g = product.group(t.group)
        value = g.value(t.value) if g is not None else None
        if value is not None and words in {phrase_of(n) for n in (value.name, *value.aliases)}:
            return True
    return False


def _a_name_over_an_alias(lex: Lexicon, words: tuple[str, ...], product: Product, targets: Sequence[Target]) -> bool:
    """"and fries" to a gyro whose toppings hold "fries inside" (said "fries" too): the words are the very name of a
    product the shop sells and only another name (an alias) of the line's choices: the product, not the choice."""
    if not any(phrase_of(p.name) == words for t in lex.phrases.get(words, ()) if t.kind == "product"
               and (p := lex.products.get(t.sku)) is not None):
        return False
    for t in targets:
        g = product.group(t.group)
        value = g.value(t.value) if g is not None else None
        if value is not None and phrase_of(value.name) == words:
            return False
    return True


def said_again_made_so(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """"a latte" - "a large one": right after a line of one unit is ordered, "a <choices> one" with no word of
    more ("and a large one too", "another large one") says that very item again, made so - each choice one of a
    single-choice group its product offers that the line holds only as it comes (the default). "A small latte"
    - "a large one" (a size chosen already) is one more, as is anything said with "and"."""
    product = lex.products.get(ctx.last_sku or "")
    if product is None or not ctx.focus_fresh or ctx.focus_units != 1 or not p.options \
            or ctx.pending not in (None, "confirm_change", "checkout") \
            or any(t in MORE_WORDS or t == "and" for t in toks):
        return False
    held = dict(ctx.focus_options)

    def open_(t: Target) -> bool:
        g = product.group(t.group) if t.kind == "option" else None
        return g is not None and not g.multiple and g.value(t.value) is not None \
            and held.get(t.group, g.default) == g.default and held.get(t.group) != t.value

    return all(any(open_(t) for t in o.targets) for o in p.options)


def _only_heard(toks: Sequence[str]) -> bool:
    """Every yes of the reply only says it heard ("ok", "alright": words.toml ``echo_acknowledgments``) or is a
    request's courtesy ("please"): no real yes ("yes", "that's right") to the read-back."""
    said = confirm.phrases()
    yeses = [phrase for table, phrase in said.cover(toks) if table == "affirm"]
    return all(p in said.polite or all(t in _HEARD for t in p) for p in yeses)


def named_again_made_so(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """"One flat fix" read back - "ok one flat fix with a new tube": right after a line of one unit is ordered, a yes
    that names that product again, one of it, with choices the line holds only as they come, and no word of more
    ("and", "another", "too"), says that very line again, made so: the item's choices become the change of the line
    (True, the parse changed); else False."""
    product = lex.products.get(ctx.last_sku or "")
    if product is None or not p.affirm or len(p.items) != 1 or not ctx.focus_fresh or ctx.focus_units != 1 \
            or ctx.pending not in (None, "confirm_change", "checkout") or p.question or p.deny or cue.has(toks, ALSO):
        return False
    if ctx.pending is not None and not _only_heard(toks):
        return False  # "yes one large pie with pepperoni please" to the read-back: a real yes, asked again
    item = p.items[0]
    chosen = {i for o in item.options if o.pos >= 0 for i in range(o.pos, o.pos + max(1, len(o.said.split())))}
    if any((t in MORE_WORDS or t == "and") and i not in chosen for i, t in enumerate(toks)):
        return False  # ("a new tube": a word of the choice, no word of more)
    if item.skus != (product.sku,) or item.quantity not in (None, 1) or not item.options:
        return False
    held = dict(ctx.focus_options)

    def open_(t: Target) -> bool:
        g = product.group(t.group) if t.kind == "option" else None
        return g is not None and g.value(t.value) is not None and held.get(t.group) != t.value \
            and (g.multiple or held.get(t.group, g.default) == g.default)

    if not all(any(open_(t) for t in o.targets) for o in item.options):
        return False
    p.options, p.items, p.ref = [*p.options, *item.options], [], "it"
    return True


def onto_focus(lex: Lexicon, options: Sequence[OptionSpec], toks: Sequence[str], ctx: Context) -> bool:
    """Choices said alone that the turn puts on the line in focus ("can you add feta to that", "yes but add
    garlic sauce" to a wrap): every one a choice that line's product offers - of a multiple-choice group when
    only a verb of adding says so ("add"; with "to it", "with it" any group)."""
    product = lex.products.get(ctx.last_sku or "") if ctx.has_lines else None
    cued, verb = _onto_cue(toks)
    if product is None or not options or not (cued or verb):
        return False
    return all(any((g := product.group(t.group)) is not None and g.value(t.value) is not None
                   and (not verb or g.multiple) for t in o.targets) for o in options)


def _own_serving(toks: Sequence[str], start: int) -> bool:
    """"a side of olives": a serving of its own ("side", "order", ... and "of", data: ``own_serving_words``) said
    right before the item, the product sold alone, never the line's add-on of the same name."""
    return start >= 2 and toks[start - 1] == "of" and toks[start - 2] in _OWN_SERVING


def _add_on_sold_alone(lex: Lexicon, said: tuple[str, ...], line: Product, targets: Sequence[Target]) -> bool:
    """"add a card" to a bouquet whose extras hold a "greeting card" the shop also sells alone as a "greeting card":
    every product the words name is called by the very name of the line's add-on (of a group the catalog calls
    its extras or add-ons, data: ``add_on_groups``), the same thing (not the "pepperoni pizza" of a "pepperoni"
    topping, nor a poke bowl's "seaweed salad" topping for the side): the add-on of the line."""
    values = {phrase_of(v.name) for t in targets if (g := line.group(t.group)) is not None and g.multiple
              and any(set(phrase_of(n)) & _ADD_ON_GROUPS for n in (g.name, *g.aliases))
              and (v := g.value(t.value)) is not None}
    products = [lex.products.get(t.sku) for t in lex.phrases.get(said, ()) if t.kind == "product"]
    return bool(values) and all(p is not None and phrase_of(p.name) in values for p in products)


def _names_its_product(lex: Lexicon, said: Sequence[str], skus: Sequence[str], line: Product,
                       targets: Sequence[Target]) -> bool:
    """"A blueberry muffin": words that are a choice of the product named inside them (the muffin's flavour,
    said with "muffin") name that product, another than the line's, not a choice of the line (an iced coffee's
    "blueberry" shot, of the same codes but never called so). Not when the line's own choice is called by those
    very words ("with onion rings" to a combo whose side is "onion rings", "wheat toast" to an omelette)."""
    for t in targets:
        value = g.value(t.value) if (g := line.group(t.group)) is not None else None
        if value is not None and tuple(said) in {phrase_of(n) for n in (value.name, *value.aliases)}:
            return False
    return any(t.kind == "product" and t.exact and t.sku in skus and t.sku != line.sku
               for a in range(len(said)) for b in range(a + 1, len(said) + 1) if (a, b) != (0, len(said))
               for t in lex.phrases.get(tuple(said[a:b]), ()))


def choices_of_the_focus(lex: Lexicon, p: ParseDraft, ctx: Context) -> bool:
    """"and one white small for my daughter" after two black t-shirts: the one item heard from choices' words
    alone ("small" read as a belt) whose choices the product of the line in focus offers, every one, and
    that product does not: the choices are said of the line in focus (its items go to its options). True when
    so read."""
    if len(p.items) != 1 or ctx.last_sku is None or not only_choices_said(p.items[0]):
        return False
    item = p.items[0]
    said = [*item.options, *p.options]
    if ctx.last_sku in item.skus or not item.options or not all(offers_choice(lex, ctx.last_sku, o) for o in said) \
            or all(offers_choice(lex, s, o) for s in item.skus for o in said) \
            or one_more_made(p.tokens, said) is None:
        return False
    p.items, p.options = [], sorted(said, key=lambda o: o.pos)
    return True


def choice_of(lex: Lexicon, said: Sequence[str], sku: str) -> OptionSpec | None:
    """The words of an item said as a choice of the product ``sku`` offers, when they are the name of that
    choice and of no product ("a sesame bagel" to a bacon egg and cheese that comes on a sesame bagel; never "a
    mocha", a product of its own), or of the one choice the product must be made with ("the stout" for a growler's
    beer); else None."""
    product = lex.products.get(sku)
    found = lex.phrases.get(tuple(said), ())
    if product is None:
        return None
    targets = tuple(t for t in found if t.kind == "option" and (g := product.group(t.group)) is not None
                    and g.value(t.value) is not None)
    if any(t.kind == "product" for t in found) and not (
            targets and all(g.required and g.default is None and not g.multiple
                            for t in targets if (g := product.group(t.group)) is not None)):
        return None  # (but "change the growler to the stout": the beer the growler must be filled with)
    return OptionSpec(targets, said=" ".join(said)) if targets else None  # pos: the caller's


def held_by_line(lex: Lexicon, p: ParseDraft, toks: list[str], ctx: Context, among: Sequence[str] | None = None
                 ) -> bool | None:
    """"in a gift box" said alone: a choice said after a holding preposition and an article goes to a line of
    the cart that offers it (True: "put it in a gift bag" to the hamper just taken is that hamper's wrapping,
    no second hamper); when no line offers it (False: after a greeting card), it may name a product. None
    when the choice is not said so. ``among``: only the lines of those products."""
    first = min(o.pos for o in p.options) if p.options else 0
    if not (2 <= first and toks[first - 1] in ("a", "an") and toks[first - 2] in HOLDER_PREPS):
        return None
    return any(all(offers_choice(lex, sku, o) for o in p.options) for sku in ctx.line_skus
               if among is None or sku in among)


def choice_of_the_line(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """"Make it brown rice" to a california roll: the roll's rice, not a side of rice. An item heard only from a
    choice's words (no name of its product said) in a turn that makes something so ("make it", "make one of
    them") is that choice of the line in focus when that line offers it."""
    if len(p.items) == 1 and ctx.last_sku is not None and not p.items[0].options and not p.question \
            and (cue.has(toks, MAKE_IT) or "make" in toks) and _held_group_swapped(lex, p, toks, ctx):
        return
    if len(p.items) != 1 or ctx.last_sku is None or not p.items[0].options or p.question \
            or not (cue.has(toks, MAKE_IT) or "make" in toks):
        _choices_of_parts(lex, p, toks, ctx)
        return
    item = p.items[0]
    if ctx.last_sku in item.skus or not all(offers_choice(lex, ctx.last_sku, o) for o in item.options):
        return
    span = tuple(t for t in toks[item.start:item.end] if t not in GLUE)
    if not any(phrase_of(o.said) == span for o in item.options):
        return  # more than the choice's words: a product's name too ("make it a side of rice")
    p.options, p.items = [*item.options, *p.options], []


def choice_of_its_kind(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """"Batteries double a" - "a four pack": a choice said alone (its words, an article or a count, nothing else)
    and heard as an item of another product (the play dough's "4 pack") is the choice of the line in focus when
    that line offers it in a group of the same kind (both a "pack"), not a new item (:func:`of_the_focus_kind`)."""
    if len(p.items) != 1 or p.options or len(p.items[0].skus) != 1 or p.items[0].quantity not in (None, 1):
        return
    if of_the_focus_kind(lex, p.items[0].skus[0], p.items[0].options, toks, ctx):
        p.options, p.items = list(p.items[0].options), []


def of_the_focus_kind(lex: Lexicon, owner: str, options: Sequence[OptionSpec], toks: Sequence[str], ctx: Context
                      ) -> bool:
    """Whether choices said alone (their words, an article, fillers: "a four pack") that name a product of their
    own (``owner``, the play dough that comes in a "4 pack") are rather the choices of the line in focus, which
    offers each in a group of the same name ("pack" of the batteries just ordered); never with "and" or an adding
    word ("and a sprite" to a combo stays the soda, whose "flavour" is no "drink" of the combo anyway)."""
    focus = lex.products.get(ctx.last_sku or "")
    other = lex.products.get(owner)
    if focus is None or other is None or other.sku == focus.sku or focus.sku not in ctx.line_skus or not options \
            or "and" in toks or cue.has(list(toks), ADDING + ALSO):
        return False
    said = {i for o in options if o.pos >= 0 for i in range(o.pos, o.pos + len(phrase_of(o.said)))}
    if any(i not in said and toks[i] not in GLUE and toks[i] not in FILLERS and toks[i] not in LEAD_FILL
           for i in range(len(toks))):
        return False  # more than the choice's words: a product's name too, or words of something else
    for o in options:
        mine = {t.group for t in o.targets if (g := focus.group(t.group)) is not None and g.value(t.value)}
        theirs = {t.group for t in o.targets if (g := other.group(t.group)) is not None and g.value(t.value)}
        if not mine & theirs:
            return False
    return True


def _held_group_swapped(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """"Make it onion rings", "make the second one onion rings" to a combo with fries: a product named by its own
    name in a turn that makes something so, whose words are also a value of a one-choice group the line in focus
    has a value of (its side), is that value, not the product: the line's choice swapped (True). A group the line
    has no value of ("make it a mocha" to a latte, no syrup chosen) leaves the product (False)."""
    item = p.items[0]
    product = lex.products.get(ctx.last_sku or "")
    if product is None or product.sku in item.skus or item.quantity not in (None, 1):
        return False
    held = {g for g, _ in ctx.focus_options}
    said = tuple(t for t in toks[item.start:item.end] if t not in GLUE)
    targets = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option" and t.group in held
                    and (g := product.group(t.group)) is not None and not g.multiple and g.value(t.value) is not None
                    and (t.group, t.value) not in ctx.focus_options)
    if not targets:
        return False
    p.options, p.items = [OptionSpec(targets, pos=item.start, said=" ".join(said)), *p.options], []
    return True


def _choices_of_parts(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """"One on brown rice and the other on soy paper" to two california rolls: the units of the line in focus
    shared into parts ("one ... and the other ...", "one ... and one ..."), each made with choices that line
    offers; items heard only from such choices' words (no name of their product said: "brown rice" is no side
    of rice here, "in a spinach wrap" no new roll) are those choices."""
    if not p.items or ctx.last_sku is None or p.question or ctx.last_sku not in ctx.line_skus \
            or len(parts_of(toks)) < 2:
        return
    marks = {"one", "ones", "other", "others", "rest", "and", "in", *BASE_PREPS, *WITH}
    for item in p.items:
        if not item.options or not all(offers_choice(lex, ctx.last_sku, o) for o in item.options):
            return
        said = {i for o in item.options if o.pos >= 0 for i in range(o.pos, o.pos + len(phrase_of(o.said)))}
        if any(i not in said and toks[i] not in GLUE and toks[i] not in marks and not toks[i].isdigit()
               for i in range(item.start, item.end)):
            return  # more than the choice's words: a product's name too ("one with a side of rice")
    p.options = sorted([*(o for it in p.items for o in it.options), *p.options], key=lambda o: o.pos)
    p.items = []


def choices_of_another(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """"A one meat plate with brisket mac and cheese and greens" - "and another one for my brother with pulled
    pork and slaw and beans": after "another one" and "with", products named with no count of their own, each
    also a choice the product of the line in focus offers, are how that other one is made (its meat and its
    sides), not items of their own; they become the turn's choices (one more like the line, made so)."""
    product = lex.products.get(ctx.last_sku or "") if ctx.has_lines else None
    at = cue.find(toks, cue.MORE)
    if product is None or at < 0 or not p.items or p.question or not all(offers_choice(lex, product.sku, o)
                                                                         for o in p.options):
        return
    with_at = next((i for i in range(at, p.items[0].start) if toks[i] in WITH), -1)
    if with_at < 0:  # (a product named before the "with" is an item of its own: "another coffee with milk")
        return
    made: list[OptionSpec] = []
    for it in p.items:
        if it.quantity is not None or not all(offers_choice(lex, product.sku, o) for o in it.options):
            return
        made.extend(it.options)  # ("... with ribs and corn and rice": the rice heard with the corn)
        own = tuple(t for t in lex.phrases.get(tuple(toks[it.start:it.end]), ())
                    if t.kind == "option" and (g := product.group(t.group)) is not None and g.value(t.value))
        if not own:
            return
        made.append(OptionSpec(own, pos=it.start, said=" ".join(toks[it.start:it.end])))
    p.items, p.options = [], sorted([*p.options, *made], key=lambda o: o.pos)


def base_of_the_line(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """"Put it on a bagel", "on a bagel please" to the egg and cheese just ordered: the sandwich's bread, though
    "bagel" is also sold on its own. The one item of a turn, said right after a base preposition (and an
    article), uncounted and with nothing else to it, whose words are also a choice the line in focus offers
    (but not its own product), is that choice of the line."""
    if len(p.items) != 1 or ctx.last_sku is None or p.options or p.question:
        return
    item = p.items[0]
    if ctx.last_sku in item.skus or item.quantity is not None or item.options:
        return
    k = item.start - 1 if item.start > 0 and toks[item.start - 1] in ("a", "an", "the") else item.start
    if k == 0 or toks[k - 1] not in BASE_PREPS:
        return
    said = tuple(t for t in toks[item.start:item.end] if t not in GLUE)
    targets = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option"
                    and ctx.last_sku in lex.option_skus.get((t.group, t.value), ()))
    if targets:
        p.items, p.options = [], [OptionSpec(targets, pos=item.start, said=" ".join(said))]


def not_for_the_focus(lex: Lexicon, p: Parse, ctx: Context) -> bool:
    """"and a quart of beef with broccoli" to a lunch special whose entree may be beef with broccoli: choices said
    alone as an item of their own (an article before them), heard as a change of the line in focus that does not
    offer every one of them ("quart"): the words were read as that line's choice only because the line is in the
    cart, and are better read as naming a dish of their own. Not so when the turn names the line it swaps
    ("instead of the cream soda"): the choices are that line's, no dish of their own."""
    if p.intent != cue.Intent.MODIFY or p.items or not p.options or p.ref is not None or p.replace \
            or ctx.last_sku is None or ctx.last_sku not in ctx.line_skus:
        return False
    toks = p.tokens
    first = min(o.pos for o in p.options)
    if first < 1 or toks[first - 1] not in ("a", "an") or cue.has(toks, MAKE_IT) \
            or any(t in SWAP_VERBS for t in toks[:first]) or cue.has(toks[:first], cue.MODIFY):
        return False  # (not "make his drink a root beer": the combo's drink)
    if cue.has(toks, INSTEAD_OF):
        return False  # (not "a root beer instead of the cream soda" to a fudge in focus: the soda line swapped)
    return not all(offers_choice(lex, ctx.last_sku, o) for o in p.options)


def one_more_in_another(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """"and alabaster too" to a sample pot of agreeable gray: choices said alone with "too" / "as well" at the end,
    each a value of a one-choice group the line in focus already holds another value of, chosen (no default), and
    not said with "with": one more of that product made so (the line keeps its own), not the line changed."""
    if not p.options or p.items or ctx.last_sku is None or ctx.last_sku not in ctx.line_skus \
            or not any(len(toks) > len(ph) and tuple(toks[-len(ph):]) == ph for ph in _LIKEWISE_AFTER):
        return False
    product = lex.products.get(ctx.last_sku)
    held = dict(ctx.focus_options)
    if product is None:
        return False
    for o in p.options:
        groups = {t.group for t in o.targets if (g := product.group(t.group)) is not None and not g.multiple
                  and g.value(t.value) is not None}
        if len(groups) != 1 or (group := groups.pop()) not in held or (g := product.group(group)) is None \
                or g.default == held[group] or any(t.group == group and t.value == held[group] for t in o.targets) \
                or 0 < o.pos and toks[o.pos - 1] in WITH:
            return False  # (not "with oat milk too" to a latte of the usual milk: its milk)
    return True


def choices_onto_named_line(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> ItemSpec | None:
    """"brown rice on the spicy tuna" to a california roll and a spicy tuna roll: two items, the first said only by
    words of its choices (a side of brown rice heard from "brown rice", no count), then "on the" (or "for the") and
    the second naming the product of one cart line that offers those choices: those choices of that line (no side
    of rice, no second roll); else None."""
    if len(p.items) != 2 or p.options:
        return None
    first, second = sorted(p.items, key=lambda it: it.start)
    if first.quantity is not None or second.quantity is not None or not first.options or second.options \
            or set(first.skus) & set(ctx.line_skus):
        return None
    said = {i for o in first.options if o.pos >= 0 for i in range(o.pos, o.pos + len(phrase_of(o.said)))}
    if any(i not in said and toks[i] not in GLUE for i in range(first.start, first.end)):
        return None  # the product's own name said too ("a side of brown rice on the side")
    at = first.end
    if not (second.start == at + 2 and toks[at] in ONTO_PREPS and toks[at + 1] in DEFINITE):
        return None
    if any(t not in LEAD_FILL and t not in GLUE for t in toks[:first.start]) or second.end != len(toks) \
            and any(t not in FILLERS for t in toks[second.end:]):
        return None  # only the choice and the line said ("and add ... " is the other mechanism's)
    held = [s for s in second.skus if s in ctx.line_skus]
    if len(held) != 1 or list(ctx.line_skus).count(held[0]) != 1 \
            or not all(offers_choice(lex, held[0], o) for o in first.options):
        return None
    return ItemSpec((held[0],), None, list(first.options), second.start, second.end, True)
