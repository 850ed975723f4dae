"""Choices said as items of their own: "three burgers and three cokes", "a gallon of eggshell white", "a side of
ranch": a choice counted or said with an article names an item of the product that offers it, not a choice of the
item next to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

from catalog.models import Product
from dialogue.attach import for_what, named_owner, needed, offered_here, offers, option_spec
from dialogue.choice_orders import of_a_noun_not_sold
from dialogue.item_words import (
    BASE_PREPS,
    CONTAINERS,
    EDIT_THEM,
    HOLDER_PREPS,
    LIST_ARTICLES,
    MEASURES,
    PACKAGE_DETERMINERS,
    PACKAGES,
    REFINE,
    WITH,
    WITH_LIST,
)
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.matcher import Mention
from dialogue.numbers import COUNT_UNITS
from dialogue.owners import MANY_OWNERS, value_owner
from dialogue.phrasebook import phrases, words
from dialogue.quantity import FILLER_WORDS, SEPARATORS, counted_choice, quantity_token, read_quantity
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.turn_words import MAKE_IT
from dialogue.words import STOPWORDS


def _offered_before(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], m: Mention) -> bool:
    """Some product named in the sentence, or inside a choice's words before ``m`` ("two short stacks": the
    pancakes), offers a choice ``m`` names: "one blueberry" after it is of those, not a product of its own."""
    skus = {sku for o in mentions if o.end <= m.start and (sku := named_owner(lex, toks, o)) is not None}
    return offered_here(lex, mentions, m) or any(
        sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options for sku in skus)


def _after_separator(toks: Sequence[str], items: Sequence[ItemSpec], start: int, at: int) -> bool:
    """An item was named before ``start`` and a separating word ("and", "plus") sits between its end and ``at``:
    what is said at ``at`` opens something new ("hash browns with onions and a cup of decaf")."""
    ends = [it.end for it in items if it.end <= start]
    return bool(ends) and any(t in SEPARATORS for t in toks[ends[-1]:at])


def _fits_later_choices(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                        m: Mention, in_items: set[int]) -> bool:
    """"a vanilla and chocolate double scoop in a cake cone": a choice said first is an item of its own only if
    some product it names (:func:`value_owner`, ``alone``) offers the choices said after it outside other items."""
    owner = value_owner(lex, [OptionSpec(m.options)], alone=True)
    later = [o for o, r in zip(mentions, roles, strict=True) if r == "option" and o.options and o.start >= m.end
             and o.start not in in_items]
    return owner is not None and all(any(owner in lex.option_skus.get((t.group, t.value), ()) for t in o.options)
                                     for o in later)


def _the_after_item(toks: Sequence[str], items: Sequence[ItemSpec], k: int, floor: int) -> bool:
    """"a set of dive rings and uh the torpedoes too", "a clarifier and the torpedoes": "the" right after "and" (past
    fillers) that follows an item opens an item of its own, as an article would."""
    if k <= floor or toks[k] != "the":
        return False
    j = k - 1
    while j >= floor and toks[j] in FILLER_WORDS:
        j -= 1
    return j >= floor and toks[j] in _LIST_JOINS and any(it.end <= j for it in items)




def _another_of(lex: Lexicon, toks: Sequence[str], item: ItemSpec, m: Mention, said: Sequence[Mention] = (),
                own: Sequence[Mention] = (), between: Sequence[Mention] = ()) -> str | None:
    """"two dr peppers and a sprite", "a three piece tenders with buffalo and a five piece with ranch": a counted
    choice of a one-choice group that the item next to it already has a value of (among its options or the
    choices ``said`` with it) is another item of that product; else None (the choice is that item's). So is a
    counted choice said with the product's own noun ("two moscow mules and a kentucky mule", "a gin martini and
    a vodka martini": the choice's name holds "mule", "martini"), counted after the item's words, unless a choice
    of its group said ``between`` them shares the item's count out ("four cans two cokes and two orange sodas": the
    four cans are the cokes and the orange sodas)."""
    skus = [s for s in item.skus if any(s in lex.option_skus.get((t.group, t.value), ()) for t in m.options)]
    product = lex.products.get(skus[0]) if len(skus) == 1 else None  # ("a tropical fish food and a betta food":
    if product is None:  # of the foods said, the one that comes in betta)
        return None
    groups = {t.group for t in m.options}
    if item.end <= m.start and any(quantity_token(toks, i) is not None for i in range(item.end, m.start)) \
            and not any(groups & {t.group for t in o.options} for o in between) and _own_noun_said(toks, m, product):  # (not "a dirty vodka martini": one martini, its choices)
        return product.sku
    taken = {t.group for o in item.options for t in o.targets} | {t.group for o in said for t in o.options} \
        | _groups_in_name_said(lex, toks, item, product)
    for t in (*m.options, *(t for o in own for t in o.options)):  # its own choices said before it count too
        group = product.group(t.group)
        if group is not None and not group.multiple and group.value(t.value) is not None and t.group in taken:
            return product.sku
    return None


_CONTAINER_WORDS_BEFORE = words("container_words_before")
_MADE_FOR = words("made_for_preps")  # "a winter cover for a 24 foot round pool": what it is for, no item


def _served_in(lex: Lexicon, cup: str, m: Mention, not_skus: Sequence[str]) -> str | None:
    """"a ten piece wings and a cup of blue cheese": the one product (not the item said before) whose name holds
    the container word ("dip cup") and that offers the choice said in it; else None."""
    said = {cup, cup[:-1] if cup.endswith("s") else cup}
    found = {sku for t in m.options for sku in islice(lex.option_skus.get((t.group, t.value), ()), MANY_OWNERS + 1)
             if sku not in not_skus and (p := lex.products.get(sku)) is not None
             and any(said & set(phrase_of(n)) for n in (p.name, *p.aliases))}
    return found.pop() if len(found) == 1 else None


def _counted_again(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                   items: Sequence[ItemSpec], before: Sequence[ItemSpec], m: Mention, k: int, then: Mention) -> bool:
    """"a 6 piece wings lemon pepper and a 6 piece hot": a counted choice of a one-value group the item before was
    already given (said with it, before or after its noun) opens another item of that product, though a choice
    follows it ("hot" is that item's flavour, not the head of an item of its own). Only when the product offers
    the choice ``then`` said after it too: in "a large fries and a large coke", "a small popcorn and a small
    sprite", "a kilo of red lentils and a pound of chickpeas", the choice after heads an item of another product."""
    if not before or not offers(lex, before[0], m) or not offers(lex, before[0], then):
        return False
    low = max([it.end for it in items if it.end <= before[0].start] + [0])
    said = [o for o, r in zip(mentions, roles, strict=True) if r == "option" and o.options and low <= o.start
            and o.end <= k]
    return _another_of(lex, toks, before[0], m, said) is not None


def _groups_in_name_said(lex: Lexicon, toks: Sequence[str], item: ItemSpec, product: Product) -> set[str]:
    """"two large sweet lassis and a salted lassi", where "sweet lassi" is another name of the lassi and "sweet" its
    default flavour: the groups of ``product`` one of whose values is said inside the words that named the item;
    the item has its value of that group already, so another value of it said after is another item."""
    said = tuple(toks[item.start:item.end])
    out: set[str] = set()
    for a in range(len(said)):
        for b in range(a + 1, len(said) + 1):
            if (a, b) == (0, len(said)):
                continue
            for t in lex.phrases.get(said[a:b], ()):
                group = product.group(t.group) if t.kind == "option" else None
                if group is not None and not group.multiple and group.value(t.value) is not None:
                    out.add(t.group)
    return out


def _own_noun_said(toks: Sequence[str], m: Mention, product: Product) -> bool:
    """The last word of ``product``'s name or of one of its aliases (its noun: "mule", "martini") is among the
    words of choice ``m``, said as its last word."""
    last = toks[m.end - 1]
    nouns = {n.split()[-1] for n in (product.name, *product.aliases) if n.split()}
    return m.end - m.start > 1 and any(last in (w, w + "s", w + "es") or w in (last + "s", last + "es")
                                       for w in nouns)


def _group_named_before(mentions: Sequence[Mention], m: Mention, k: int) -> bool:
    """"his drink an apple juice", "the side a salad": a choice's own group named right before its article."""
    groups = {t.group for t in m.options}
    return any(o.end == k and not o.products and not o.options and groups & {t.group for t in o.groups}
               for o in mentions)


def value_items(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                 items: list[ItemSpec], covered: set[int], breaks: frozenset[int]) -> set[int]:
    """"three burgers and three cokes", "a hot dog and a large root beer": a choice said as an item of its own (an
    article or a count before it, past other choices) that the products named next to it do not offer is an item
    of the product it names (:func:`value_owner`). Adds those items; returns where their words start."""
    made: set[int] = set()
    in_items = {i for it in items for i in range(it.start, it.end)}
    floor = 0
    for m, role in zip(mentions, roles, strict=True):
        if role != "option" or not m.options or m.start in in_items:
            if role != "option" and not (role in ("group", "ignore") and _package_word(toks, m)):
                floor = m.end  # (a package word that is also a choice's group name or a part of a product's name,
                # "a pack of", "two packets of basil seeds", stays in reach)
            continue
        if toks[m.start] in WITH or m.part or (toks[m.start] in BASE_PREPS or toks[m.start] in HOLDER_PREPS) \
                and m.start - 1 in covered:
            continue  # "a plain bagel with butter": a choice said with "with" is of what comes before it (and a
            # box's kind is of its box; "a large chicken doner on chips": a choice that opens with "on" or "in",
            # said right after other words of the catalog, is how that item comes)
        k = m.start - 1
        while k >= floor and (not toks[k].isdigit() or _ends_choice(mentions, k)) and not _of_ending(toks, mentions, k) and (
                (k in covered and k not in in_items) or toks[k] in FILLER_WORDS or _determiner_of_package(toks, k, floor)
                or _determiner_after_measure(toks, mentions, k, floor, breaks)
                or (toks[k] in COUNT_UNITS and k - 1 >= floor and toks[k - 1].isdigit())):
            k -= 1  # past other choices said before it ("a large diet coke"), fillers, "the" in "bags of the", the
            # unit of a count ("and a dozen duck eggs": "12 dozen")
        held: list[OptionSpec] = []
        cup = ""  # the container a choice is served in, said after an item ("and a cup of blue cheese")
        led: int | None = None  # where a measure said with no count before it opens the item ("half a kilo of")
        measured = False  # the package word is a choice of other products, not of this one: taken as its package
        wrapper: Mention | None = None  # the package word, when it is (part of) a product's name: "packets"
        package = k - 1 >= floor and toks[k] == "of" and toks[k - 1] in PACKAGES \
            and not any(o.options and o.end == k for o in mentions) and (  # not "a six pack of": a choice
                not (before_end := [it.end for it in items if it.end <= m.start])
                or any(t in SEPARATORS for t in toks[before_end[-1]:k - 1])
                or (k - 2 >= before_end[-1] and toks[k - 2].isdigit())  # "a hydrangea in blue five bags of mulch"
                or _article_after_item(toks, items, k - 2))  # "a head of garlic a bunch of basil"
        served = k - 1 >= floor and toks[k] == "of" and toks[k - 1] in CONTAINERS and _after_separator(
            toks, items, m.start, k - 1)  # "hash browns with cheese and a cup of decaf": a coffee of its own
        if k - 1 >= floor and toks[k] == "of" and (toks[k - 1] in CONTAINERS or package) \
                and toks[k - 1] not in MEASURES and (package or served or not any(it.end <= m.start for it in items)):
            # "a cup of vanilla" (nothing named before it): the choice in a container that is a choice too;
            # "and a tube of colgate", "a pack of triple a": a package of the product the choice names
            container = {toks[k - 1], toks[k - 1][:-1] if toks[k - 1].endswith("s") else toks[k - 1]}  # "two cups of"
            held = [OptionSpec(tuple(dict.fromkeys(t for w in sorted(container) for t in (
                *lex.phrases.get((w,), ()), *lex.guarded.get(w, ())) if t.kind == "option")), pos=k - 1)]
            held = [h for h in held if h.targets]
            if served and held and value_owner(lex, [OptionSpec(m.options), *held]) is None:
                held = []  # the cup is no choice of the product the choice names: only its container
            wrapper = next((o for o in mentions if o.products and o.start == k - 1 and o.end == k), None) \
                if package else None
            cup = toks[k - 1] if served else ""
            k -= 2 if held or package or served else 0
            while served and k > floor and toks[k] in _CONTAINER_WORDS_BEFORE:
                k -= 1  # "and an extra cup of blue cheese", "a side cup of hot sauce"
        elif k - 1 >= floor and toks[k] == "of" and (pack := next((o for o, r in zip(mentions, roles, strict=True)
                                                                   if r == "option" and o.options
                                                                   and (o.end == k or _of_ending(toks, [o], k))
                                                                   and o.start >= floor), None)) is not None:
            # "a six pack of coke", "a 2 liter of ginger ale": a choice said as the container of another choice
            held = [OptionSpec(pack.options, pos=pack.start, said=" ".join(toks[pack.start:pack.end]))]
            if (value_owner(lex, [OptionSpec(m.options), *held]) or _named_owner_of_held(lex, toks, m, held)) is None:
                package = measured = pack.end - pack.start == 1 and toks[pack.start] in PACKAGES \
                    and value_owner(lex, [OptionSpec(m.options)], alone=True) is not None  # "a bottle of aleve"
                held, k = (held, pack.start - 1) if package else ([], k)
            else:
                k = pack.start - 1
                led = _measure_leads(toks, pack.start, floor, breaks)
        if led is not None:
            k = led
        j = k - 1 if k - 1 >= floor and toks[k] == "the" and k not in covered else k
        if j - 1 >= floor and toks[j] == "of" and toks[j - 1] not in ("a", "an") and j - 1 not in covered \
                and quantity_token(toks, j - 1) is not None and any(it.end <= m.start for it in items):
            k = j - 1  # "six cans of chicken dog food and six of the lamb": a count of the choice, after an item
        coded = led is None and k == m.start - 1 >= floor and toks[k] in SEPARATORS and toks[m.start][:1].isdigit() \
            and m.end - m.start > 1 and not all(t in _PIECES for t in toks[m.start + 1:m.end])
        # ("a tube of five n and twenty volume": a code or measure said after "and"; not "and twelve pieces")
        definite = led is None and not coded and _the_after_item(toks, items, k, floor)
        if led is None and not coded and not definite and (k < floor or quantity_token(toks, k) is None):
            continue
        if toks[k] in ("a", "an") and k > 0 and (toks[k - 1] in BASE_PREPS or toks[k - 1] in HOLDER_PREPS
                                                 or for_what(toks, k + 1, [it for it in items if it.end <= m.start])):
            continue  # "on a croissant", "in a gift box": the base or holder of the item before it or of the line
            # in focus, no item of its own
        if toks[k] in ("a", "an") and k >= 2 and tuple(toks[k - 2:k]) in _SAID_OF_IT and not items:
            continue  # "make sure it's a thirty five": what the line is, said of it, no item of its own
        if toks[k] in ("a", "an") and _group_named_before(mentions, m, k):
            continue  # "make his drink an apple juice": the value of the group just named, no item of its own
        if led is None and toks[k].isdigit() and any(o.options and o.start == k < o.end - 1 for o in mentions):
            continue  # "three scoops in a cup": "3" begins a choice ("3 scoops"), it counts no item
        if k - 1 >= 0 and not coded and (toks[k - 1] in ("the", "this", "that")
                                         or (k - 1 in covered and not toks[k].isdigit() and toks[k] not in ("a", "an"))):
            continue  # "make the mango one half sugar": "one" stands for a line, it counts nothing (but an article
            # after a choice starts the next item of a list said without "and": "a basil plant a mint plant")
        if k >= 2 and toks[k - 1] == "other" and toks[k - 2] == "the":
            continue  # "one in daylight the other two soft white": the rest of a line, no new item
        if toks[k] == "one" and "other" in toks[m.end:]:
            continue  # "one sourdough and the other white": a unit of a line each, no new item
        if _refined_choice(toks, items, k):
            continue  # "back to tamarind but a large": the line in focus, described further, no new item
        nxt = m.end
        before = [it for it in items if it.end <= m.start][-1:]
        after = [it for it in items if it.start >= m.end][:1]
        offering = [it for it in (*before, *after) if offers(lex, it, m)]
        # (a choice said with "with" after it heads nothing: "a plain bagel with butter")
        chosen_next = any(o.start == nxt and o.options and toks[o.start] not in WITH for o in mentions)
        first = not any(it.start < m.start for it in items) and not (k > 0 and toks[k - 1] in WITH) \
            and _fits_later_choices(lex, toks, mentions, roles, m, in_items)
        alone = _after_separator(toks, items, m.start, k) or first
        if chosen_next and _names_product_after(lex, mentions, items, m):
            continue  # "a small chocolate shake": a modifier of the product named past the choices after it
        then = next((o for o in mentions if o.start == nxt and o.options), None)
        if then is not None and chosen_next and not _sized_after(lex, m, then, alone) \
                and not _counted_again(lex, toks, mentions, roles, items, before, m, k, then) \
                and (offering or value_owner(lex, [OptionSpec(then.options)], alone=alone) is not None):
            # ("a large chocolate": the shake)
            continue  # "a large horchata and a small jamaica", "a large cola": a modifier of the choice after it,
            # which heads the item (not "a diet coke large": "large" alone names no one product)
        packaged_ones = package and nxt < len(toks) and toks[nxt] in ("one", "ones") and any(
            offers(lex, it, m) for it in before)  # (another of the item before)
        if nxt < len(toks) and (toks[nxt] in ("one", "1", "ones") and not packaged_ones or nxt in in_items) \
                and not _each_said_after(toks, k, nxt):
            continue  # "make that a large one", "a small taro tea": a line or product made so, no item of its own
            # (but "and a bag of the black and blue ones": a package of its own, of the product that offers it)
        if nxt < len(toks) and not chosen_next and nxt not in breaks and quantity_token(toks, nxt) is None and toks[nxt] not in _ITEM_ENDS \
                and toks[nxt] not in SEPARATORS and toks[nxt] not in WITH and toks[nxt] not in FILLER_WORDS \
                and not packaged_ones and not _ones_said_after(toks, covered, nxt) and not _owner_noun_after(lex, toks, m):
            continue  # "two and a half bowls of ramen": a word of something else follows, not an item of its own
        if toks[nxt:nxt + 1] == ["and"] and any(o.options and o.start == nxt + 1 and _needed_pair(lex, m, o)
                                                 for o in mentions):
            continue  # "a jack and coke": one item of the product both name (:func:`choices_name_item`)
        if any(o.options and k < o.start and o.end == m.start and _needed_pair(lex, o, m) for o in mentions):
            continue  # "and a spaghetti vodka": the sauce of the pasta said right before it, one dish
            # (:func:`choices_name_item`), no side of sauce of its own
        if not before and _further_in_with_list(toks, covered, k) and not _not_of_with_owner(lex, toks, mentions, k, m):
            continue  # "i'll get one with yangnyeom and a coke" (the combo talked about): a choice of the one the
            # "with" is said of, as the choice before it, no item of its own
        if offering and before and offering[0] is before[0] and k > 0 and toks[k - 1] in WITH \
                and toks[k] in ("a", "an") \
                and not (toks[k - 1] in SEPARATORS and then is not None
                         and _counted_again(lex, toks, mentions, roles, items, before, m, k, then)):
            continue  # "chole bhature with an extra bhatura": what the item is had with, its choice, no item again
            # (but "... plus a kids size strawberry": a one-choice group given again after a word that also starts
            # an item, another item; "a hot dog combo with a chicago dog ...": "with" gives the combo its dog)
        if offering:
            low = max([it.end for it in items if it.end <= offering[0].start] + [0])
            said = [o for o, r in zip(mentions, roles, strict=True) if r == "option" and offering[0] in before
                    and ((low <= o.start < offering[0].start  # "a three piece tenders ... and a five piece"
                          and not any(t in SEPARATORS for t in toks[o.end:offering[0].start]))  # (not "a bud
                         # light twelve pack and a coke zero two liter": the beer's pack, not the cola's)
                         or (o.start == offering[0].end + 1 < m.start and toks[o.start - 1] in ("of", "with")))]
            # ("three cans of coke and a diet coke": the cans' own flavour, said right after them)
            own = [o for o, r in zip(mentions, roles, strict=True) if r == "option" and k < o.start < m.start
                   and o.start >= offering[0].end]
            between = [o for o, r in zip(mentions, roles, strict=True) if r == "option"
                       and offering[0].end <= o.start and o.end <= k]
            owner = _another_of(lex, toks, offering[0], m, said, own, between)  # "a snickers and a reeses king size": reeses
            if owner is None and cup:
                owner = _served_in(lex, cup, m, offering[0].skus)  # "and an extra cup of blue cheese": the dip cup
            named = named_owner(lex, toks, m) if package else None
            if named is not None and named not in offering[0].skus:
                owner = named  # "a red planter and four bags of white gravel": the gravel its words name
        else:
            if _product_named_in_run(lex, toks, mentions, roles, m, in_items):
                continue  # "a ten piece bone in buffalo hot": the bone-in wings, named by a word of their name
                # among the choices (:func:`choices_name_item`), not the tenders that come in 10 piece alone
            passed = [OptionSpec(o.options) for o in mentions if o.options and not o.products
                      and k < o.start and o.end <= m.start]  # ("a quart of pure white semi gloss": the paint that
            # comes in white too, of the products whose sheen or finish is semi gloss)
            owner = (value_owner(lex, [OptionSpec(m.options), *held, *passed]) if passed else None) \
                or value_owner(lex, [OptionSpec(m.options), *held]) or _named_owner_of_held(lex, toks, m, held) \
                or _package_owner(lex, wrapper, m)
            if owner is not None and not all(offers_spec(lex, ItemSpec((owner,), None, []), o) for o in passed):
                continue  # (never the polyurethane, which comes in no white: the choices stay loose)
            # ("an apple juice and an orange juice": the juice, whose name is said in the choice, though the
            # pie comes in apple too)
            if owner is None and not _offered_before(lex, toks, mentions, m):
                owner = value_owner(lex, [OptionSpec(m.options), *held], as_noun=True)
            if owner is None and alone:  # "wings and a sprite" (not "with a"), "two cokes" said first
                owner = value_owner(lex, [OptionSpec(m.options, said=" ".join(toks[m.start:m.end])), *held],
                                    alone=True)
            if owner is None and held and package:  # "a bottle of aleve": the package only holds the product the
                owner = value_owner(lex, [OptionSpec(m.options)], alone=True)  # choice names, no choice of it
        if owner is None:
            continue
        if led is not None:  # the measure's own words ("2 pounds of"): its choice, no count
            qty: int | None = None
        elif toks[k].isdigit():  # "three cokes": the count, though "3" is some other product's choice ("3 piece")
            qty = int(toks[k])
            made.update(o.start for o in mentions if o.start == k and o.end == k + 1)
        else:
            qty, explicit = read_quantity(toks, m.start, floor, covered)
            qty = qty if explicit else None
        kept = [OptionSpec(tuple(t for t in h.targets if owner in lex.option_skus.get((t.group, t.value), ())), pos=h.pos)
                for h in held]  # "a cup of vanilla": the cup too
        qty, counted = counted_choice(lex, toks, m.start, floor, (owner,), qty, [OptionSpec(m.options)],
                                       named_owner(lex, toks, m) == owner) if qty else (qty, [])  # ("a half dozen duck eggs": one of the eggs' "half dozen", as for "a half dozen
        # eggs"; but "two vanilla cones" are two cones, not one of two scoops)
        items.append(ItemSpec((owner,), qty, [*counted, *(h for h in kept if h.targets), option_spec(toks, m, floor)],
                              m.start if led is None else led, m.end))  # (a measure said first begins the item)
        items.sort(key=lambda it: it.start)
        made.add(m.start)
        made.update(h.pos for h in kept if h.targets and h.said)  # the container choice is taken too
        made.update(h.pos for h in held if measured or led is not None)
    return made


def _further_in_with_list(toks: Sequence[str], covered: set[int], k: int) -> bool:
    """The count or article at ``k`` goes on a list of choices that "with" opens, past another choice ("one with
    yangnyeom and a coke"): only choices, list words and articles lie between "with" and ``k``."""
    j = k - 1
    while j >= 0 and (j in covered or toks[j] in WITH_LIST or toks[j] in LIST_ARTICLES):
        j -= 1
    return j >= 0 and toks[j] in WITH and any(i in covered for i in range(j + 1, k))


def _not_of_with_owner(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], k: int, m: Mention) -> bool:
    """"a large tikka in a wrap with garlic and a coke": the choices said before the "with" whose list ``k`` goes
    on name products (the chicken kebab) none of which offers ``m``'s choice (a coke): an item of its own."""
    j = k - 1
    while j >= 0 and toks[j] not in WITH:
        j -= 1
    run: list[Mention] = []
    for o in reversed([o for o in mentions if o.end <= j]):
        if o.products or o.groups or not o.options or any(
                toks[i] not in LIST_ARTICLES and toks[i] not in HOLDER_PREPS and toks[i] not in BASE_PREPS
                for i in range(o.end, run[-1].start if run else j)):
            break
        run.append(o)
    if not run:
        return False
    owners = set.intersection(*({sku for t in o.options for sku in lex.option_skus.get((t.group, t.value), ())}
                                for o in run))
    return bool(owners) and not any(sku in owners for t in m.options
                                    for sku in lex.option_skus.get((t.group, t.value), ()))


def _measure_leads(toks: Sequence[str], at: int, floor: int, breaks: frozenset[int]) -> int | None:
    """"half a kilo of coconut barfi and ...": a measure that is a choice, said first in the sentence or after a
    joining word with no count before it, opens the item of the choice after its "of" (counted once, the measure
    its choice); where it starts, else None."""
    if at < floor:
        return None
    return at if at == 0 or at in breaks or toks[at - 1] in SEPARATORS else None


def _each_said_after(toks: Sequence[str], k: int, nxt: int) -> bool:
    """"two footlongs one with chili and one with cheese": "one" right after a choice counted more than once
    ("two ...") begins what each of them has; the choice is an item of its own, not "a large one"."""
    return toks[nxt] in ("one", "1") and (quantity_token(toks, k) or 0) > 1 and nxt + 1 < len(toks) \
        and toks[nxt + 1] in WITH


def _refined_choice(toks: Sequence[str], items: Sequence[ItemSpec], k: int) -> bool:
    """"go back to tamarind but a large", "the oat milk but a small": "a <choice>" right after a refining word
    ("but"), with no product named before it in the turn, says the same thing further (the line in focus), not an
    item of the product the choice alone would name."""
    return toks[k] in ("a", "an") and k > 0 and toks[k - 1] in REFINE and not any(it.start < k for it in items)


def _owner_noun_after(lex: Lexicon, toks: Sequence[str], m: Mention) -> bool:
    """"a bucket of bricks and a castle set" (the "castle" theme of the "building set"): the word right after a
    choice is the head noun of a product offering it (the last word of its name or an alias, singular or plural):
    the choice and that noun name an item of that product, not a choice of the item before."""
    if m.end >= len(toks):
        return False
    word = toks[m.end]
    forms = {word, word.removesuffix("s"), word.removesuffix("es")}
    for t in m.options:
        for sku in islice(lex.option_skus.get((t.group, t.value), ()), MANY_OWNERS + 1):
            product = lex.products.get(sku)
            if product is not None and any((n := phrase_of(name)) and n[-1] in forms
                                           for name in (product.name, *product.aliases)):
                return True
    return False


def _names_product_after(lex: Lexicon, mentions: Sequence[Mention], items: Sequence[ItemSpec], m: Mention) -> bool:
    """"and a small chocolate shake": past the choices said right after choice ``m`` an item's product is named
    that offers ``m``: ``m`` is that item's, heading no item of its own (though "small" alone would name the
    shake, the one product sold in sizes)."""
    end = m.end
    while (nxt := next((o for o in mentions if o.start == end and o.options and not o.products), None)) is not None:
        end = nxt.end
    return end > m.end and any(it.start == end and offers(lex, it, m) for it in items)


def _sized_after(lex: Lexicon, m: Mention, nxt: Mention, alone: bool) -> bool:
    """"a coke zero two liter": a choice that names a product by itself ("coke zero", the cola's kind), followed by
    a choice of another group that product comes in ("2 liter"), heads the item: the next choice is its size, said
    after the noun, though alone it would name another product (the club soda's "2 liter")."""
    own = value_owner(lex, [OptionSpec(m.options)], alone=alone)
    if own is None or {t.group for t in m.options} & {t.group for t in nxt.options} or _needed_pair(lex, m, nxt):
        return False  # ("a spaghetti marinara": the pasta and sauce of one dish, :func:`choices_name_item`)
    return any(own in lex.option_skus.get((t.group, t.value), ()) for t in nxt.options) \
        and value_owner(lex, [OptionSpec(nxt.options)], alone=alone) != own


_PACK_WORDS = words("pack_words")
_PIECES = words("piece_words") | words("count_nouns") | _PACK_WORDS
_SAID_OF_IT = phrases("said_of_it")
_FEW_OWNERS = 3  # products offering the same choices said without a noun that are worth asking between


def _needed_pair(lex: Lexicon, a: Mention, b: Mention) -> bool:
    """"a gin and tonic", "two jack and cokes": ``a`` and ``b`` name values of two different needed groups
    (required, no default: :func:`needed`) of one product, so "a and b" makes that one item, not two."""
    for t in a.options:
        owners = set(islice(lex.option_skus.get((t.group, t.value), ()), MANY_OWNERS + 1))
        for u in b.options:
            if u.group == t.group:
                continue
            for sku in islice(lex.option_skus.get((u.group, u.value), ()), MANY_OWNERS + 1):
                if sku in owners and needed(lex, sku, t.group) and needed(lex, sku, u.group):
                    return True
    return False


def _choice_runs(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                 taken: set[int]) -> list[list[Mention]]:
    """Runs of choices said one after the other ("a gallon of eggshell white": gallon, eggshell, white), joined by
    nothing or an "of", or by one "and" between values of two needed groups of one product (:func:`_needed_pair`:
    "a gin and tonic"), none of them taken by an item."""
    runs: list[list[Mention]] = []
    for m, role in zip(mentions, roles, strict=True):
        if role != "option" or not m.options or m.start in taken:
            continue
        if runs and (all(toks[i] == "of" for i in range(runs[-1][-1].end, m.start))
                     or (toks[runs[-1][-1].end:m.start] == ["and"] and _needed_pair(lex, runs[-1][-1], m))):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _noun_shared(lex: Lexicon, skus: Sequence[str]) -> str | None:
    """"a gallon of white flat" where interior and exterior paint both offer it: the one of them the head noun
    their names share ("paint") names by itself, as if it had been said; else None (ask which)."""
    names = [lex.products[s].name.split() for s in skus if s in lex.products]
    if len(names) != len(skus) or len({n[-1] for n in names if n}) != 1:
        return None
    named = {t.sku for t in lex.phrases.get(phrase_of(names[0][-1]), ()) if t.kind == "product" and t.exact}
    named &= set(skus)
    return next(iter(named)) if len(named) == 1 else None


def _named_in_run(lex: Lexicon, toks: Sequence[str], run: list[Mention]) -> tuple[list[Mention], set[str]]:
    """"a set of acoustic lights": choices no one product offers together, where one of them is a word of a product's
    name too ("acoustic", a gig bag's choice and a word of "acoustic guitar strings"): that product, if it offers
    all the other choices; the run without the choice that named it. Else an empty run and no owner."""
    for m in run:
        said = [w for w in toks[m.start:m.end] if w not in STOPWORDS]
        named = set.intersection(*(set(lex.search_index.get(w, ())) for w in said)) if said else set()
        rest = [o for o in run if o is not m]
        for o in rest:
            named &= {sku for t in o.options for sku in lex.option_skus.get((t.group, t.value), ())}
        if named and rest and len(named) <= _FEW_OWNERS and not any(
                sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options for sku in named):
            return rest, named
    return [], set()


def _product_named_in_run(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                          m: Mention, taken: set[int]) -> bool:
    """``m`` opens a run of choices no one product offers together, one of which is a word of the name of the
    product that offers all the others (:func:`_named_in_run`)."""
    run = next((r for r in _choice_runs(lex, toks, mentions, roles, taken) if r[0] is m), None)
    if run is None or len(run) < 2:
        return False
    owners = set.intersection(*({sku for t in o.options for sku in lex.option_skus.get((t.group, t.value), ())}
                                for o in run))
    return not owners and bool(_named_in_run(lex, toks, run)[1])


def choices_name_item(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                       items: list[ItemSpec], covered: set[int], made: set[int], breaks: frozenset[int]) -> set[int]:
    """"three 4 packs of 60 watt soft white", "a gallon of eggshell white": choices said together after a count,
    with no product noun, name the product that offers them all together (a count said first, "three", counts
    it, though "3" is some choice too). Of several, the one the noun their names share names ("paint": the
    interior paint), else all of them, so the shopper is asked which. Adds those items; returns where their
    words start."""
    in_items = {i for it in items for i in range(it.start, it.end)}
    out: set[int] = set()
    named: list[ItemSpec] = []
    for run in _choice_runs(lex, toks, mentions, roles, made | in_items):
        qty: int | None = None
        opening = False  # "the ten to fifty two electric set ...": opens the sentence with "the"
        start = run[0].start
        if len(run) > 2 and run[0].end == start + 1 and toks[start].isdigit():
            qty, run = int(toks[start]), run[1:]  # "three 4 packs of ...": "3" counts them
        else:
            start -= 1
            if start >= 2 and toks[start] == "of" and toks[start - 1] in _PACK_WORDS \
                    and not covered & {start - 1, start - 2}:
                start -= 2  # "a set of acoustic lights": the count before its package
            q = quantity_token(toks, start) if start >= 0 and start not in covered else None
            if q is None and (start > 0 and toks[start] in SEPARATORS or start == 0 and toks[start] == "the"
                              and len(run) >= 2) and start not in covered:
                opening = start == 0
                start += 1  # "a nylon strap and stainless nine forty twos": choices after "and" with no count; "the
                # ten to fifty two electric set ...": choices that open the sentence with "the"
            elif q is None:
                continue
            qty = q if q is not None and toks[start] not in ("a", "an") else None
        end = run[-1].end
        if len(run) < 2 or (start > 0 and not opening
                            and toks[start - 1] in ("the", "this", "that", *WITH, *BASE_PREPS, *EDIT_THEM, *_MADE_FOR)):
            continue  # one choice is for :func:`value_items`; "make it a large oat": the line's, no new item; "a
            # winter cover for a 24 foot round pool": what the item before is for, no item of its own
        if for_what(toks, run[0].start, [it for it in items if it.end <= start]):
            continue  # "a winter cover for a twenty four foot round pool with ...": what the item before is for
        if toks[end:end + 1] == ["no"] or not (
                end == len(toks) or end in breaks or toks[end] in SEPARATORS or toks[end] in _ITEM_ENDS
                or toks[end] in FILLER_WORDS or toks[end] in WITH or (end not in covered and quantity_token(toks, end) is not None)
                or (end not in covered and toks[end] in _PACK_WORDS and len(run) >= 2)):  # "the 10-52 electric set"
            continue  # "a gallon of white paint": the product said after them heads the item ("two large cokes no
            # ice": a choice follows, read as a whole below; "a small chicken shish on chips with garlic": what it
            # is had with follows)
        if _joined_onto_noun(lex, toks, mentions, roles, run, end):
            continue  # "a large pepperoni and sausage pie": choices of the pie named after them, no item of their own
        before = [it for it in items if it.end <= start][-1:]
        if toks[start] == "one" and (before or start - 1 in covered) and not any(it.end == start for it in named):
            continue  # "two plain bagels one toasted with butter and one ...": a unit of the item before, split
        if before and all(offers(lex, before[0], m) for m in run) and not any(before[0] is it for it in named):
            continue  # "two lattes one large oat ...": choices of the item named before (not of one named so too:
            # "a gallon of beige eggshell and a quart of white semi gloss")
        owners: set[str] | None = None
        for m in run:
            skus: set[str] = set()
            for t in m.options:
                skus |= set(islice(lex.option_skus.get((t.group, t.value), ()), MANY_OWNERS + 1))
            owners = skus if owners is None else owners & skus
        said_run = run
        if not owners and len(run) >= 2 and toks[end:end + 1] not in (["one"], ["ones"]):
            run, owners = _named_in_run(lex, toks, run)  # (not "a small black one": "one" is the product said
            # before, no product's name)
        if not owners or len(owners) > _FEW_OWNERS:
            continue
        specs = [OptionSpec(m.options) for m in run]
        owner = next(iter(owners)) if said_run is not run and len(owners) == 1 else value_owner(lex, specs) \
            or value_owner(lex, specs, alone=True) or _noun_shared(lex, sorted(owners))
        named.append(ItemSpec((owner,) if owner else tuple(sorted(owners)), qty,
                              [option_spec(toks, m, start) for m in run], run[0].start, end))
        items.append(named[-1])
        items.sort(key=lambda it: it.start)
        out |= {m.start for m in said_run} | {start}  # (the count, when it is some choice too)
    return out


def _name_with_choice(lex: Lexicon, toks: Sequence[str], m: Mention) -> tuple[str, int] | None:
    """"a side of ranch" where the shop sells a "side of dressing" that comes in ranch: the words said before a
    choice and the name of its group make a product's name (the choice said in its group's place; "two sides of
    ranch" in the plural); that product and where its words start, else None."""
    found: set[tuple[str, int]] = set()
    for t in m.options:
        for sku in islice(lex.option_skus.get((t.group, t.value), ()), MANY_OWNERS + 1):
            product = lex.products.get(sku)
            group = product.group(t.group) if product is not None else None
            if product is None or group is None:
                continue
            for name in (product.name, *product.aliases):
                words_ = tuple(name.split())
                for said in {phrase_of(n) for n in (group.name, *group.aliases)}:
                    prefix = words_[:-len(said)] if said and words_[-len(said):] == said else ()
                    at = m.start - len(prefix)
                    if prefix and at >= 0 and all(toks[at + i] in (w, w + "s", w + "es") for i, w in enumerate(prefix)):
                        found.add((sku, at))
    return next(iter(found)) if len(found) == 1 else None


def choice_in_name(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                    items: list[ItemSpec], covered: set[int], made: set[int]) -> set[int]:
    """"a house salad with no dressing and a side of ranch": a counted choice said in the place of its group's name
    in a product's name (:func:`_name_with_choice`) is an item of that product, not a choice of the item before.
    Adds those items; returns where their words start."""
    in_items = {i for it in items for i in range(it.start, it.end)}
    out: set[int] = set()
    for m, role in zip(mentions, roles, strict=True):
        if role != "option" or not m.options or m.start in made or m.start in in_items:
            continue
        named = _name_with_choice(lex, toks, m)
        if named is None or named[1] < 1 or any(i in covered for i in range(named[1] - 1, m.start)) \
                or (qty := quantity_token(toks, named[1] - 1)) is None:
            continue  # (not "two pieces of haddock" where "pieces" names the piece of fish: its choice)
        items.append(ItemSpec((named[0],), qty if toks[named[1] - 1] not in ("a", "an") else None,
                              [option_spec(toks, m, named[1])], named[1] - 1, m.end))
        items.sort(key=lambda it: it.start)
        out.add(m.start)
    return out


def _product_at_end(lex: Lexicon, toks: Sequence[str], m: Mention) -> tuple[str, list[OptionSpec]] | None:
    """"a regular fries" where "regular fries" is a combo's side: the choice's last words name a product sold on
    its own and the words before them are choices of that product: it, with those choices; else None."""
    for j in range(m.start + 1, m.end):
        named = {t.sku for t in lex.phrases.get(tuple(toks[j:m.end]), ()) if t.kind == "product" and t.exact}
        if len(named) != 1:
            continue
        sku = next(iter(named))
        said = (*lex.phrases.get(tuple(toks[m.start:j]), ()), *(lex.guarded.get(toks[m.start], ()) if j == m.start + 1
                                                                  else ()))  # ("regular": said before its product)
        own = list(dict.fromkeys(t for t in said if t.kind == "option"
                                 and sku in lex.option_skus.get((t.group, t.value), ())))
        if not own:
            return None
        return sku, [OptionSpec(tuple(own), pos=m.start, said=" ".join(toks[m.start:j]))]
    return None


def choice_ending_in_product(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                             items: list[ItemSpec], covered: set[int], made: set[int]) -> set[int]:
    """"a ten piece wings mango habanero and a regular fries": a counted choice no item of the sentence offers and
    no one product owns (a side of some combos), whose words end in the name of a product sold alone after words
    that are choices of it (:func:`_product_at_end`), is an item of that product. Adds those items; returns where
    their words start."""
    in_items = {i for it in items for i in range(it.start, it.end)}
    out: set[int] = set()
    for m, role in zip(mentions, roles, strict=True):
        opening = m.start == 0  # "regular fries with cajun seasoning and ...": the turn opens with it
        if role != "option" or not m.options or m.start in made or m.start in in_items \
                or not opening and (m.start - 1 in covered or quantity_token(toks, m.start - 1) is None) \
                or any(offers(lex, it, m) for it in items) or value_owner(lex, [OptionSpec(m.options)]) is not None:
            continue
        if not opening and toks[m.start - 1] in ("a", "an") and m.start >= 2 and (
                toks[m.start - 2] in BASE_PREPS or toks[m.start - 2] in HOLDER_PREPS
                or (m.start >= 3 and tuple(toks[m.start - 3:m.start - 1]) in MAKE_IT)):
            continue  # "make it on a salt bagel", "make that an everything bagel": what a line is made, no item
        found = _product_at_end(lex, toks, m)
        if found is None:
            continue
        qty = None if opening or toks[m.start - 1] in ("a", "an") else quantity_token(toks, m.start - 1)
        items.append(ItemSpec((found[0],), qty, found[1], m.start - (0 if opening else 1), m.end))
        items.sort(key=lambda it: it.start)
        out.add(m.start)
    return out


_ITEM_ENDS = words("item_ends")


def _ends_choice(mentions: Sequence[Mention], k: int) -> bool:
    """"a box of 100 window envelopes": a number inside a choice's words ("box of 100") is that choice, not a count
    of what follows it."""
    return any(o.options and o.start < k < o.end for o in mentions)


def _package_word(toks: Sequence[str], m: Mention) -> bool:
    """A mention that is one package word followed by "of" ("two packets of basil seeds", where "packets" is also
    part of a product's name): it counts what follows, so a count before it still reaches the choice after it."""
    return m.end - m.start == 1 and toks[m.start] in PACKAGES and m.end < len(toks) and toks[m.end] == "of"


def _determiner_of_package(toks: Sequence[str], k: int, floor: int) -> bool:
    """Is ``toks[k]`` a determiner between a package's "of" and what it holds ("three bags of the black mulch",
    "two boxes of your glazed")? Then the count before the package still counts what follows."""
    return toks[k] in PACKAGE_DETERMINERS and k - 2 >= floor and toks[k - 1] == "of" \
        and (toks[k - 2] in PACKAGES or toks[k - 2] in CONTAINERS)


def _determiner_after_measure(toks: Sequence[str], mentions: Sequence[Mention], k: int, floor: int,
                              breaks: frozenset[int]) -> bool:
    """Is ``toks[k]`` a determiner between "of" and what it holds, after a measure that is a choice and opens the
    item (:func:`_measure_leads`: "and 250 grams of the chocolate barfi")? Then the measure before "of" still
    reaches the choice after it (not "a pint of the beef", a count before the measure: a part of the line before)."""
    return toks[k] in PACKAGE_DETERMINERS and k - 2 >= floor and toks[k - 1] == "of" \
        and any(_measure_leads(toks, o.start, floor, breaks) is not None for o in _measures_of(mentions, k - 1))


def _of_ending(toks: Sequence[str], mentions: Sequence[Mention], k: int) -> bool:
    """Is ``toks[k]`` the "of" that ends a measure's own words ("two pounds of", as a catalog may name its choice)?"""
    return toks[k] == "of" and any(o.options and not o.products and o.end == k + 1 and o.end - o.start > 1
                                   for o in mentions)


def _measures_of(mentions: Sequence[Mention], of: int) -> list[Mention]:
    """The measures that are choices said right before the "of" at ``of`` ("250 grams" of "250 grams of"), or whose
    words end with that "of" (a catalog's "two pounds of")."""
    return [o for o in mentions if o.options and not o.products
            and (o.end == of or o.end == of + 1 and o.end - o.start > 1)]


def _named_owner_of_held(lex: Lexicon, toks: Sequence[str], m: Mention, held: Sequence[OptionSpec]) -> str | None:
    """The product named inside the choice's words (:func:`named_owner`) when it also offers the choice said as
    its container ("six big bags of red mulch": the mulch, in its big bag, though pots come in red and big too)."""
    owner = named_owner(lex, toks, m)
    if owner is None or all(any(owner in lex.option_skus.get((t.group, t.value), ()) for t in h.targets) for h in held):
        return owner
    return None


def _ones_said_after(toks: Sequence[str], covered: set[int], at: int) -> int | None:
    """"six bags of red mulch the big ones": an article, choice words and "one(s)" right after an item say that
    item again with those choices; where the "one(s)" is, else None."""
    if at >= len(toks) or toks[at] not in LIST_ARTICLES:
        return None
    o = at + 1
    while o < len(toks) and o in covered:
        o += 1
    return o if o > at + 1 and o < len(toks) and toks[o] in ("one", "ones") else None


def _package_owner(lex: Lexicon, wrapper: Mention | None, m: Mention) -> str | None:
    """"two packets of basil" where "packets" is part of the seed packet's name and basil is both a seed and a herb:
    the one product the package word names that offers the choice, else None."""
    if wrapper is None:
        return None
    skus = {t.sku for t in wrapper.products if any(t.sku in lex.option_skus.get((o.group, o.value), ())
                                                    for o in m.options)}
    return next(iter(skus)) if len(skus) == 1 else None



def choices_as_one_item(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], loose: list[OptionSpec],
                        breaks: frozenset[int] = frozenset(), talked_of: str | None = None, *, answering: bool = False,
                        has_lines: bool = False) -> tuple[list[ItemSpec], list[OptionSpec]]:
    """"two pounds of sixteen penny galvanized and a tube of adhesive", "a sheet of three quarter birch and a cut":
    choices said one after another, counted (or with an article) as an item of their own beside the items named,
    that together only one product offers (:func:`value_owner`) are an item of that product; the items and the
    choices left loose. Only where no item of the turn offers any of them, and something separates them from the
    item before ("and", a new sentence) or they open the turn. Not choices said as "a <choices> one" that the
    product talked about (``talked_of``, not in the cart) offers ("what colours do the teddy bears come in?" - "a
    cream one and a birthday card": a teddy bear, :func:`dialogue.ones.choice_one_of_the_topic`). ``answering``: a
    choice was just asked for, which a choice said alone may answer. ``has_lines``: the cart has lines, so
    one choice said alone before "and" is a change of them, never an item."""
    runs: list[list[OptionSpec]] = []
    for o in sorted((o for o in loose if o.pos >= 0 and o.said), key=lambda o: o.pos):
        if runs and o.pos not in breaks and (runs[-1][-1].pos + len(runs[-1][-1].said.split()) == o.pos
                                             or _dish_joined(toks, runs[-1], o)):
            runs[-1].append(o)
        else:
            runs.append([o])
    runs = [run for i, run in enumerate(runs) if not _package_of_next(toks, run, runs[i + 1:i + 2])]
    named = list(items)
    if not items and (len(runs) < 2 or not all(len(run) > 1 or _counted_alone(toks, run[0]) for run in runs)):
        return items, loose  # (no item named: only a list of dishes named by their parts, and counted choices)
    taken: list[OptionSpec] = []
    made = 0
    for run in runs:
        start, end = run[0].pos, run[-1].pos + len(run[-1].said.split())
        if any(offers_spec(lex, it, o) for it in items for o in run if not _said_again(it, run, named)) \
                or any(it.start < end and start < it.end for it in items):
            continue
        if start == 0 or all(w in FILLER_WORDS for w in toks[:start]):
            owner = value_owner(lex, run, alone=True) if len(run) > 1 or toks[end:end + 1] and toks[end] in _LIST_JOINS \
                and items and not answering and not has_lines else None  # ("advil and a toothbrush": the one product
            # sold under that brand; but "earl grey and a muffin" to "what tea would you like?" answers it, and with
            # lines in the cart "large and a cookie" changes the line in focus or is said to fit nothing)
            if owner is not None:  # "linguine pesto with shrimp and a coke": a dish named by its parts opens the turn
                end = _reclaimed(lex, toks, items, run, owner, end)
                items.append(ItemSpec((owner,), None, list(run), start, end))
                taken.extend(run)
                made += 1
            continue
        if talked_of is not None and toks[end:end + 1] in (["one"], ["ones"]) \
                and all(offers_spec(lex, ItemSpec((talked_of,), None, []), o) for o in run):
            continue
        k = start - 1
        while k > 0 and (toks[k] in FILLER_WORDS or toks[k] == run[0].qualifier):
            k -= 1  # "a regular penne in the pink sauce": past the qualifier said before the choices
        if k >= 1 and toks[k] == "of" and toks[k - 1].isalpha() and toks[k - 1] not in ("a", "an", "one"):
            k -= 2  # "two pounds of", "a sheet of": the count of its unit or package
        elif k >= 2 and toks[k] in _OF_THE and toks[k - 1] == "of" and toks[k - 2].isdigit():
            k -= 2  # "two of the breakfast skillets"
        if k < 0 or quantity_token(toks, k) is None:
            continue
        if not (k == 0 or k in breaks or toks[k - 1] in SEPARATORS or not any(it.end <= k for it in items)):
            continue
        owner = value_owner(lex, run, alone=True)
        if owner is None or of_a_noun_not_sold(lex, toks, run):
            continue  # ("a pool ladder and chlorine tabs": a ladder the shop does not sell, no test of pool water)
        qty = quantity_token(toks, k) if toks[k] not in ("a", "an") else None
        end = _reclaimed(lex, toks, items, run, owner, end)
        items.append(ItemSpec((owner,), qty, list(run), start, end))
        taken.extend(run)
        made += 1
    if not named and made < len(runs):
        return named, loose  # (each choice said is an item of its own, or none is)
    items.sort(key=lambda it: it.start)
    return items, [o for o in loose if all(o is not t for t in taken)]


_DISH_JOINERS = frozenset(words("dish_joiners"))
_OF_THE = words("package_determiners")
_LIST_JOINS = frozenset(words("list_joins"))


def _reclaimed(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec], run: list[OptionSpec], owner: str,
               end: int) -> int:
    """"penne vodka with chicken and a caesar salad": a choice joined to the dish said by ``run`` ("with"), that
    the next item named took because its product offers it too, though "and" and an article stand between it and
    that item: the dish's (added to ``run``; the item loses it). Returns where the dish's words now end."""
    dish = ItemSpec((owner,), None, [])
    for it in items:
        if it.start < end:
            continue
        for o in sorted(it.options, key=lambda o: o.pos):
            o_end = o.pos + len(o.said.split())
            gap, rest = toks[end:o.pos], toks[o_end:it.start]
            if not (end <= o.pos < it.start and gap and all(w in _DISH_JOINERS for w in gap)
                    and offers_spec(lex, dish, o) and not {t.group for r in run for t in r.targets} & {t.group for t in o.targets}
                    and len(rest) >= 2 and rest[0] in SEPARATORS and quantity_token(toks, o_end + 1) is not None):
                break
            run.append(o)
            it.options = [x for x in it.options if x is not o]
            end = o_end
    return end


def _said_again(item: ItemSpec, run: Sequence[OptionSpec], named: Sequence[ItemSpec]) -> bool:
    """``item`` was made of choices said before ``run`` (not named), and ``run`` says again a group it has ("a four
    fifty of the winter blend and a two thirty"): ``run`` is one more item, not more of that one."""
    groups = {t.group for o in item.options for t in o.targets}
    return all(item is not it for it in named) and all(t.group in groups for o in run for t in o.targets)


def _joined_onto_noun(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], roles: Sequence[str],
                      run: Sequence[Mention], end: int) -> bool:
    """"a large pepperoni and sausage pie": choices, "and", then (no count nor article) more choices right before a
    product that offers them all: one noun phrase, the product's, not an item named by the first choices."""
    if toks[end:end + 1] != ["and"]:
        return False
    k = end + 1
    later: list[Mention] = []
    for m, role in zip(mentions, roles, strict=True):
        if m.start < k:
            continue
        if m.start != k:
            return False
        if role == "product":
            return bool(later) and all(any(t.kind == "product" and any(
                t.sku in lex.option_skus.get((o.group, o.value), ()) for o in c.options) for t in m.products)
                for c in [*run, *later])
        if role != "option" or m.products:
            return False
        later.append(m)
        k = m.end
    return False


def _dish_joined(toks: Sequence[str], run: Sequence[OptionSpec], o: OptionSpec) -> bool:
    """Choice ``o`` is one more part of the dish said by the choices of ``run``: only joiners between them ("in
    the", "with", "and"), no count or article, and of a group not yet said in it."""
    gap = toks[run[-1].pos + len(run[-1].said.split()):o.pos]
    groups = {t.group for p in run for t in p.targets}
    return bool(gap) and all(w in _DISH_JOINERS for w in gap) and not groups & {t.group for t in o.targets}


def _package_of_next(toks: Sequence[str], run: Sequence[OptionSpec], nxt: Sequence[list[OptionSpec]]) -> bool:
    """"a bottle of advil the fifty count": a choice said right before "of" and the next choices holds or measures
    what they say (its package), no item of its own, though alone it is a choice of another product."""
    end = run[-1].pos + len(run[-1].said.split())
    if not nxt or toks[end:end + 1] != ["of"]:
        return False
    gap = toks[end + 1:nxt[0][0].pos]
    return all(w in FILLER_WORDS or w in ("the", "a", "an", "some") for w in gap) and len(gap) < 2


def _counted_alone(toks: Sequence[str], o: OptionSpec) -> bool:
    """A single choice said with a count or an article before it ("and two ginger ales", "two of the breakfast
    skillets"): an item of its own."""
    k = o.pos - 1
    if k >= 2 and toks[k] in _OF_THE and toks[k - 1] == "of" and toks[k - 2].isdigit():
        k -= 2  # "two of the breakfast skillets": the count before "of the"
    return k >= 0 and quantity_token(toks, k) is not None


def _article_after_item(toks: Sequence[str], items: Sequence[ItemSpec], at: int) -> bool:
    """"a head of garlic a bunch of basil": an article right where an item ends opens the next item of a list said
    without "and", as "and" would."""
    return 0 < at < len(toks) and toks[at] in ("a", "an") and any(it.end == at for it in items)


def offers_spec(lex: Lexicon, item: ItemSpec, spec: OptionSpec) -> bool:
    """Some product of ``item`` offers a choice ``spec`` names."""
    return any(sku in lex.option_skus.get((t.group, t.value), ()) for sku in item.skus for t in spec.targets)


def units_of_one_kind(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"How many mochi do you have?" - "two mango two green tea": after an item said by its choice alone ("two
    mango": the mochi), a counted item whose words are also a choice of that product's same group ("green tea", a
    tea of its own too) is one more of that product made so, a unit of the same share-out, not the other product."""
    out = list(items)
    for k in range(1, len(out)):
        prev, it = out[k - 1], out[k]
        if len(prev.skus) != 1 or it.options or it.quantity is None or prev.quantity is None or prev.skus == it.skus:
            continue
        said = {i for o in prev.options if o.pos >= 0 for i in range(o.pos, o.pos + max(len(o.said.split()), 1))}
        if not prev.options or not all(i in said for i in range(prev.start, prev.end)):
            continue  # (the item before named its product: "a mango smoothie and two green teas")
        sku = prev.skus[0]
        groups = {t.group for o in prev.options for t in o.targets if sku in lex.option_skus.get((t.group, t.value), ())}
        words = tuple(toks[it.start:it.end])
        values = tuple(t for t in lex.phrases.get(words, ()) if t.kind == "option" and t.group in groups
                       and sku in lex.option_skus.get((t.group, t.value), ()))
        if values and it.start > prev.end and all(toks[i].isdigit() or toks[i] in SEPARATORS
                                                   for i in range(prev.end, it.start)):
            out[k] = ItemSpec((sku,), it.quantity, [OptionSpec(values, pos=it.start, said=" ".join(words))],
                              it.start, it.end, True)
    return out
