"""How many a line is to be: a count taken off ("take one off", "that's too many dumplings, take off four"), set
("drop the cokes to two"), said again ("two bags actually", "make the blush three yards"), or one more like the line
in focus ("another two", "and one in small for my son"); a count that is a piece count of the line ("make it twelve"
to wings sold as 6 or 12 pieces); and the bare count a turn says.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from dialogue import intents as cue
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon
from dialogue.numbers import COUNT_UNITS, PRICE_WORDS
from dialogue.parse_records import Context, ParseDraft
from dialogue.phrasebook import phrases, words
from dialogue.quantity import packs_of, piece_count
from dialogue.references import count_of
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.turn_words import ALSO, LEAD_FILL, MAKE_IT, MAKE_THE, PACK_WORDS, TAKE_OFF

_RECOUNT_AFTER = words("recount_after")
_PACKAGES = words("packages")
_SERVINGS = words("servings")
_COUNTED_UNITS = words("counted_units")
_OFF_GLUE = frozenset({"off", "out", "away", "of", "them", "those", "please"})
_RECOUNT_VERBS = words("recount_verbs")
_FOR_SOMEONE = phrases("for_someone")
_ADDING_LEADS = words("adding_leads")
_PAIR_WORDS = ("pair", "pairs")
_MORE_BEFORE = words("more_before_count")
_LESS = words("count_less")


def count_taken_off(toks: Sequence[str], choices: Collection[int] = ()) -> tuple[int, int] | None:
    """"Take one off", "take 2 off the hot dogs", "take one of them out": "take", a count and "off" (or "out",
    "away") with at most "of them" between: (where "take" is, the count) - a removal of that many units."""
    for i, t in enumerate(toks[:-2]):
        if t not in TAKE_OFF:
            continue
        n = 1 if toks[i + 1] == "one" else int(toks[i + 1]) if toks[i + 1].isdigit() and 0 < int(toks[i + 1]) < 100 \
            else None
        gap = toks[i + 2:i + 5]
        end = next((k for k, w in enumerate(gap) if w in ("off", "out", "away")), None)
        if n is not None and end is not None and all(w in ("of", "them", "those", "these") for w in gap[:end]):
            return i, n
    return _count_less(toks, choices)


def _count_less(toks: Sequence[str], choices: Collection[int]) -> tuple[int, int] | None:
    """"one less of the cream and sugar", "two fewer lattes": a count, then a word of fewer ([count_less]) not
    followed by "than" (a price asked): (where the count is, the count) - that many units off. Not when the word
    of fewer opens a choice said (at a position of `choices`): "two thai teas one less sweet", "make the bigger
    one less ice" say how a unit is made."""
    for i, t in enumerate(toks[:-1]):
        n = 1 if t in ("one", "a") else int(t) if t.isdigit() and 0 < int(t) < 100 else None
        if n is not None and toks[i + 1] in _LESS and (i + 2 >= len(toks) or toks[i + 2] != "than") \
                and i + 1 not in choices:
            return i, n
    return None


def count_off_of_named(toks: Sequence[str], at: int, items: Sequence[ItemSpec], line_skus: Collection[str]) -> bool:
    """"that's too many dumplings, take off four": one item said before the removal, with no count of its own and
    naming a cart line, and the removal ending on a bare count ("take off four", "remove two"): that many of the
    item's line off, not the removal of an unnamed line asked about."""
    if len(items) != 1 or items[0].end > at or not any(s in line_skus for s in items[0].skus):
        return False
    rest = [t for t in toks[at + 1:] if t not in _OFF_GLUE]  # (a count read as the item's, after it, is this one)
    return len(rest) == 1 and rest[0].isdigit() and 0 < int(rest[0]) < 100 \
        and items[0].quantity in (None, int(rest[0])) and not any(t.isdigit() for t in toks[:at])


def count_of_unit(toks: Sequence[str], options: Sequence[OptionSpec], lexicon: Lexicon | None = None) -> int | None:
    """"make the blush three yards" to a line of fabric sold by the yard: a number said right before a choice named
    by a plural unit alone ("yards" for the "one yard" cut) is how many of that unit the line is, its count (as "two
    yards of blush cotton" is two of the yard); None when no choice is said so. So is a count said inside a
    choice's own words when the unit alone names that very choice ("make the green one just one gallon": one of the
    gallon, not the "5 gallon" pail)."""
    for o in options:
        said = o.said.split()
        if len(said) == 1 and len(said[0]) > 3 and said[0].endswith("s") and not said[0].endswith("ss") \
                and 1 <= o.pos < len(toks) and toks[o.pos] == said[0] and toks[o.pos - 1].isdigit() \
                and 1 < int(toks[o.pos - 1]) < 1000:
            return int(toks[o.pos - 1])
        n = 1 if said[:1] == ["one"] else int(said[0]) if said and said[0].isdigit() and int(said[0]) < 1000 else 0
        if len(said) == 2 and n and lexicon is not None and set(o.targets) & set(lexicon.phrases.get((said[1],), ())):
            return n
        if o.pos >= 3 and toks[o.pos - 1] == "of" and toks[o.pos - 2] in PACK_WORDS and toks[o.pos - 3].isdigit() \
                and 0 < int(toks[o.pos - 3]) < 100:
            return int(toks[o.pos - 3])  # "two packs of twenty": two of the pack of twenty
    return None


def counted_in_own_unit(lex: Lexicon, toks: Sequence[str], options: Sequence[OptionSpec], sku: str | None) -> int | None:
    """"a gallon of washer fluid the de icer kind" - "make that two gallons": after "make that", a count and words
    that are the unit the line's product is sold by (words of its name, other names or description, "a gallon of
    windshield washer fluid"), though another product's choice ("1 gallon" transmission fluid): that many of the
    line; None otherwise."""
    product = lex.products.get(sku or "")
    if product is None or not options or not cue.has(toks, MAKE_IT):
        return None
    own = {w for text in (product.name, *product.aliases, product.description or "") for w in text.lower().split()}
    for o in options:
        if any(product.sku in lex.option_skus.get((t.group, t.value), ()) for t in o.targets):
            return None  # a choice of the line's own ("make that two 2 liters"): its choice, read as such
        said = [w for w in o.said.split() if not w.isdigit()]
        if not said or not all(w in own or w.rstrip("s") in own for w in said):
            return None
    first = min(o.pos for o in options)
    return bare_quantity(toks[:first]) if first > 0 else None


def bare_quantity(toks: Sequence[str], skip: frozenset[int] = frozenset(), offset: int = 0) -> int | None:
    return count_of(toks, {i - offset for i in skip})


def count_made_after(toks: Sequence[str], first: int, skip: frozenset[int] = frozenset()) -> int | None:
    """"heavy then and make it two pairs": a change said first, then "make it" and a count: that count, of the line
    changed; None when no "make it" follows the change."""
    for k in range(first + 1, len(toks) - 2):
        if any(tuple(toks[k:k + len(ph)]) == ph for ph in MAKE_IT):
            return bare_quantity(toks[k + 2:], skip, k + 2)
    return None


def recount_said_after(toks: Sequence[str]) -> bool:
    """"two bags actually", "three boxes instead": a count, only words of packages or servings after it, and a
    word that corrects said last: a new count of the line in focus, as "actually two bags" is. So is the count
    with its package word alone ("cough drops cherry" - "two bags"): how many of the line, not a count on its
    own, which may answer anything."""
    corrected = len(toks) >= 2 and toks[-1] in _RECOUNT_AFTER
    body = [t for t in (toks[:-1] if corrected else toks) if t not in cue._FILL]
    return len(body) >= (1 if corrected else 2) and (body[0].isdigit() or body[0] == "one") \
        and all(t in _PACKAGES or t in _SERVINGS or t in _COUNTED_UNITS for t in body[1:])


def count_set_to(toks: Sequence[str], item: ItemSpec) -> int | None:
    """"drop the cokes to two", "cut the fries down to one", "bring the lattes back to 4": a verb of a count before
    the line, then "to" and a count after it: the line's new count (neither a removal nor one more), else None."""
    if not any(t in _RECOUNT_VERBS for t in toks[:item.start]):
        return None
    k = item.end
    while k < len(toks) and toks[k] in ("down", "back", "just", "only"):
        k += 1
    if k + 1 >= len(toks) or toks[k] != "to" or (k + 2 < len(toks) and toks[k + 2] in PRICE_WORDS):
        return None
    return 1 if toks[k + 1] == "one" else count_of(toks[k + 1:k + 2])


def more_count(toks: Sequence[str], option_at: frozenset[int]) -> int | None:
    """"another two", "another two in vanilla", "two more of those but cherry": the count of the more said with no
    product (not a choice's number, "another 2 liter one"); None when none was said (one more)."""
    for i, t in enumerate(toks):
        if i in option_at or not t.isdigit() or not 0 < int(t) < 1000:
            continue
        if i and toks[i - 1] in _MORE_BEFORE or i + 1 < len(toks) and toks[i + 1] == "more":
            return int(t)
    return None


def one_more_made(toks: Sequence[str], options: Sequence[OptionSpec], *, by_pair: bool = False) -> int | None:
    """"and one in small for my son", "and two with oat milk", "and two salmon": a count said first, with no
    product, then the choices (after "in", "with", or right after the count), joined on with "and" or said for
    someone: that many more like the line before, made so (not a change of its units). The count, else None."""
    first = next((i for i, t in enumerate(toks) if t not in LEAD_FILL and t not in _ADDING_LEADS), len(toks))
    n = 1 if first < len(toks) and toks[first] == "one" else count_of(toks[first:first + 1])
    if n is None or not options or first + 1 >= len(toks):
        return None
    if toks[first + 1] in _PAIR_WORDS and first + 2 < len(toks):  # "and a pair of grape ones": two, said as a pair
        n, first = (max(1, n // 2) if by_pair else n), first + 1  # (of socks: one pair)
    if toks[first + 1] == "for" and first + 2 < len(toks) and toks[first + 2] not in ("a", "an") \
            and (_ADDING_LEADS & set(toks[:first]) or cue.has(toks, _FOR_SOMEONE) or cue.has(toks, ALSO)):
        return n  # "and one for the little one too but a small and grey": one more, for someone else, made so
    lead = first + 3 if first + 2 < len(toks) and toks[first + 2] in ("the", "a", "an") else first + 2
    if toks[first + 1] not in ("in", "with") or min(o.pos for o in options) != lead:  # ("two in the barn red")
        # "and two salmon" after two yellowtail nigiri: two more, salmon - the choices right after the count and
        # nothing else said but them
        said = {i for o in options for i in range(o.pos, o.pos + max(len(o.said.split()), 1))}
        whom = cue.find(toks, _FOR_SOMEONE)  # ("and one white small for my daughter": who it is for said last)
        end = whom if whom > max(said, default=first) else len(toks)
        rest = [t for i, t in enumerate(toks[first + 1:end], first + 1) if i not in said]
        ones = max(said, default=first) + 1  # "and two grape ones": the "ones" after the choices, no word more
        if ones < end and toks[ones] in ("one", "ones"):
            rest = [t for i, t in enumerate(toks[first + 1:end], first + 1) if i not in said and i != ones]
        return n if _ADDING_LEADS & set(toks[:first]) and min(o.pos for o in options) == first + 1 \
            and all(t in ("and", "please", "too") for t in rest) else None
    return n if _ADDING_LEADS & set(toks[:first]) or cue.has(toks, _FOR_SOMEONE) else None


def count_as_pieces(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """"make it twelve" to an order of wings sold as 6 or 12 pieces, "no, a dozen is plenty" to two dozen roses:
    the line's piece-count choice, not twelve orders (a number the product has no such choice of stays the
    count); "make the siu mai a six": its basket of six)."""
    if p.intent == Intent.MODIFY and len(p.items) == 1 and not p.options and p.quantity \
            and (it := p.items[0]).quantity in (None, p.quantity) and not it.options and len(it.skus) == 1 \
            and it.skus[0] in ctx.line_skus and cue.has(toks, MAKE_THE) \
            and any(toks[k] == str(p.quantity) and (toks[k - 1] in ("a", "an") or k == len(toks) - 1)
                    for k in range(it.end, len(toks))):  # ("make the garlic knots twelve": of 6 or 12 knots)
        pieces = piece_count(lex, it.skus, p.quantity)  # "make the siu mai a six": its basket of six
        if pieces is not None:
            it.options, it.quantity, p.quantity = [pieces], None, None
        return
    in_units = any(t == str(p.quantity) and k + 1 < len(toks) and toks[k + 1] in COUNT_UNITS
                   for k, t in enumerate(toks))  # "no, a dozen is plenty" to two dozen roses: one dozen
    if p.intent != Intent.MODIFY or p.items or p.options or not p.quantity or not ctx.last_sku \
            or p.ref not in (None, "it") or not (cue.has(toks, MAKE_IT) or in_units):
        return
    pieces = piece_count(lex, (ctx.last_sku,), p.quantity)
    if pieces is not None:
        p.options, p.quantity = [pieces], None
    elif any(t in COUNT_UNITS for t in toks) and (packs := packs_of(lex, (ctx.last_sku,), p.quantity)):
        p.quantity, p.options = packs[0], [packs[1]]  # "make it two dozen" of balloons by the dozen: two of it


def units_made_one_pack(toks: Sequence[str], options: Sequence[OptionSpec], was: int) -> int | None:
    """"Twelve cans of cat food" - "actually the case of twelve instead": one choice of a pack, said after "the" or
    "a", that holds as many as the line in focus has units (``was``) is one pack of them, not that many packs: 1;
    None for any other turn."""
    if was < 2 or len(options) != 1 or options[0].pos < 1 or toks[options[0].pos - 1] not in ("the", "a", "an"):
        return None
    said = options[0].said.split()
    sizes = [int(w) for w in said if w.isdigit()]
    if sizes != [was] or not any(w in PACK_WORDS or w in _PACKAGES for w in said):
        return None
    return 1
