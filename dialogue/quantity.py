"""How many of an item a shopper said: a count before the noun ("two", "a couple of", "another"), after it
("lattes, three of them"; "times two"), in units or packs ("a dozen", "two 4-packs"), as pieces of a container
("a dozen siu mai" is three baskets of four), and the words that may sit between a count and its product.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

from catalog.models import OptionValue, Product
from dialogue.amounts import qualifier_before
from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.matcher import Mention
from dialogue.normalize import tokens
from dialogue.numbers import COUNT_UNITS, to_digits
from dialogue.phrasebook import phrases, words
from dialogue.sold_by import measure_as_pieces, sold_by
from dialogue.specs import ItemSpec, OptionSpec

_SIZE_UNITS = words("size_units")
_MEASURE_UNITS = words("measure_units")
PREPOSITION_UNITS = words("preposition_units")
_PREPOSITION_DETERMINERS = words("preposition_unit_determiners")
_PACK_WORDS = words("pack_words")
_SERVINGS = words("servings")
_PAGE_UNITS = words("page_units")
_COPY_WORDS = words("copy_words")
_POSSESSIVES = words("possessives")
_PAIRED_GOODS = words("paired_goods")
_PAIRED_PHRASES = phrases("paired_goods_phrases")
_PLACES = words("booked_places")
_PLACE_LINKS = words("booked_place_links")
_UNIT_REACH = 8  # tokens before a product a count unit may stand ("a pair of six and a half millimetre straights")
_PAIR_STOPS = words("pair_stops")
_PACKAGE_DETERMINERS = words("package_determiners")
_POINTING_BACK = words("said_before_pointers")
# Words that may sit between a quantity and its product or between modifiers ("two cups of", "a 12 oz").
GLUE = words("glue")
SEPARATORS = words("separators")


def quantity_token(toks: Sequence[str], i: int) -> int | None:
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    if t.isdigit() and (nxt not in _SIZE_UNITS or _preposition_after(toks, i + 1)) and 0 < int(t) < 1000:
        return int(t)
    if t in ("one", "a", "an", "another"):
        return 1
    return None


def _preposition_after(toks: Sequence[str], i: int) -> bool:
    """The size unit at ``i`` is a preposition starting a noun phrase ("two in the barn red"), no unit of the number
    before it ("a 9 in cable")."""
    return toks[i] in PREPOSITION_UNITS and i + 1 < len(toks) and toks[i + 1] in _PREPOSITION_DETERMINERS


def _code_letter(toks: Sequence[str], i: int, covered: set[int]) -> bool:
    """"two a four notebooks" (an "a4" said apart): an "a" right before a number that names a choice is the code's
    letter, not an article taking the place of the count said before it."""
    return toks[i] in ("a", "an") and i + 1 in covered and toks[i + 1].isdigit()


def read_quantity(toks: Sequence[str], start: int, floor: int, covered: set[int]) -> tuple[int | None, bool]:
    """Quantity said just before ``start`` (skipping modifiers): (value, explicit)."""
    i = start - 1
    steps = 0
    while i >= floor and steps < 8:
        if toks[i] in COUNT_UNITS and i > floor and toks[i - 1].isdigit():
            i -= 1  # "12 dozen eggs" (from "a dozen eggs"): the count before the unit
            continue
        if _measure_said_counted(toks, i, floor, covered):
            return read_quantity(toks, i - 1, floor, covered)  # "two of the one pound propane bottles": the count
            # before the size said with the product's name (one of its words), not the size's own number
        if toks[i] in _PLACE_LINKS and i - 2 >= floor and toks[i - 1] in _PLACES \
                and quantity_token(toks, i - 2) is not None:
            i -= 2  # "two spots in the sock workshop", "three seats for the class": places booked, counted
            continue
        if toks[i] == "of" and i - 2 >= floor and i - 1 not in covered and toks[i - 1].isalpha() \
                and (quantity_token(toks, i - 2) is not None or toks[i - 2] in COUNT_UNITS or i - 2 in covered):
            i -= 2  # "three plates of gyoza", "a dozen cans of cat food": a container of the product, counted
            # ("three half pound bags of trail mix": past the bags' choice, to their count)
            continue
        if i in covered or toks[i] in GLUE and toks[i] not in ("a", "an") or _code_letter(toks, i, covered) \
                or (toks[i].endswith("ed") and len(toks[i]) > 4 and i > floor):  # "2 steamed mochas"
            i -= 1
            steps += 1
            continue
        if toks[i] in _PACKAGE_DETERMINERS and i - 1 > floor and toks[i - 1] == "of":
            i -= 1  # "two bottles of your table red", "two bottles of that merlot": the package's count before "of"
            steps += 1
            continue
        if _copies_of_one(toks, i, floor):
            i -= 3  # "two copies of a house key": the count of the copies
            continue
        q = quantity_token(toks, i)
        if q is None and i + 1 == start and toks[i].isdigit() and 0 < int(toks[i]) < 1000:
            q = int(toks[i])  # "four pump filters": the unit word starts the product's name, the number counts it
        if q is not None:
            explicit = toks[i] not in ("a", "an")
            # "a couple" was already turned into "2"; "a 2" does not happen
            return q, explicit
        if qualifier_before(toks, i + 1) is not None:
            i -= 1
            steps += 1
            continue
        return None, False
    return None, False


def _measure_said_counted(toks: Sequence[str], i: int, floor: int, covered: set[int]) -> bool:
    """A measure no choice holds ("one pound") said at ``i`` right before the product, with a count said before it
    ("two of the one pound propane bottles"); not "two pound ground beef", where the number counts the pounds."""
    if i in covered or toks[i] not in _MEASURE_UNITS or toks[i] in COUNT_UNITS or i - 1 <= floor \
            or not (toks[i - 1].isdigit() or toks[i - 1] == "one"):
        return False
    q, explicit = read_quantity(toks, i - 1, floor, covered)
    return q is not None and explicit


def count_of_described(toks: Sequence[str], start: int, end: int, floor: int, covered: AbstractSet[int]) -> int | None:
    """"two of the long french ones": a count, "of the", a few words describing the product and "ones" after its
    name: how many of it (the words said between, that name nothing the shop sells, are how it looks, not a
    count's end; not "two of the small blueberry ones", where "small" is a choice)."""
    if end >= len(toks) or toks[end] not in ("ones", "one"):
        return None
    for j in range(start - 3, max(floor, start - 6) - 1, -1):
        if j >= floor and toks[j].isdigit() and toks[j + 1] == "of" and toks[j + 2] in _PACKAGE_DETERMINERS \
                and all(t.isalpha() and i not in covered for i, t in enumerate(toks[j + 3:start], j + 3)) \
                and 0 < int(toks[j]) < 1000:
            return int(toks[j])
    return None


def _copies_of_one(toks: Sequence[str], i: int, floor: int) -> bool:
    """"two copies of a house key", "two copies of my house key": the article (or "my") at ``i`` names the one
    thing copied; the count before "copies" counts the item."""
    return (toks[i] in ("a", "an") or toks[i] in _POSSESSIVES) and i - 3 >= floor and toks[i - 1] == "of" and toks[i - 2] in _COPY_WORDS \
        and quantity_token(toks, i - 3) is not None


def in_units(lex: Lexicon, toks: Sequence[str], start: int, floor: int, skus: Sequence[str],
              qty: int | None) -> int | None:
    """"a dozen eggs" is one when the product is sold by the dozen ("eggs, dozen"), twelve when it is sold
    by the piece; "a pair of boots" is one pair of a product named in the plural."""
    product = lex.products.get(skus[0]) if qty and skus else None
    if product is None or qty is None:
        return qty
    names = [phrase_of(n) for n in (product.name, *product.aliases)]
    for j in range(max(floor, start - 4), start):
        if toks[j].isdigit() and j + 1 < len(toks) and any(
                (toks[j], toks[j + 1]) in zip(words, words[1:], strict=False) for words in names):
            # "a six pack of cola" for "cola 6 pack": the number is the product's own size, not a count
            return int(toks[j - 1]) if j > floor and toks[j - 1].isdigit() else 1
    pieces = measure_as_pieces(product, toks[max(floor, start - _UNIT_REACH):start], qty)
    if pieces != qty and not _measure_is_choice(lex, product, toks[max(floor, start - _UNIT_REACH):start], qty):
        return pieces  # "forty feet of emt" of 10 foot sticks: four sticks
    at = next((i for i in range(start, max(floor, start - _UNIT_REACH) - 1, -1) if toks[i] in COUNT_UNITS), None)
    if at is None:
        return qty
    if toks[at] == "pair" and _pair_of_paired_goods(toks, at):
        return max(1, qty // COUNT_UNITS["pair"])  # "a pair of trousers hemmed": one hemming, of one pair
    return _pieces_to_orders(lex, product, toks[at], qty)


def _measure_is_choice(lex: Lexicon, product: Product, toks: Sequence[str], qty: int) -> bool:
    """The count and the unit after it ("100 grams") are a choice the product offers: a choice, no pieces."""
    return any(t.kind == "option" and product.sku in lex.option_skus.get((t.group, t.value), ())
               for k in range(len(toks) - 1) if toks[k] == str(qty)
               for t in lex.phrases.get((toks[k], toks[k + 1]), ()))


def _pair_of_paired_goods(toks: Sequence[str], at: int) -> bool:
    """"pair (of)" at ``at`` is said of goods that come as a pair, named in the plural right after it ("a pair of
    trousers", "two pairs of dress pants"): the pairs are the count, whatever product the words go on to name (a
    service done to them: "a pair of trousers hemmed"). A singular word there ("a pair of flat whites") is no such
    noun: that pair is two."""
    for t in toks[at + 1:at + 5]:  # ("of" is read away with the count: "2 pair trousers")
        if t in _PAIR_STOPS:
            return False
        if t in _PAIRED_GOODS and t.endswith("s"):
            return True
    return False




def _pieces_to_orders(lex: Lexicon, product: Product, unit: str, qty: int) -> int:
    """``qty`` pieces said with a count unit ("a dozen" = 12) as a count of the product's orders: one per unit
    when it is sold by that unit ("a dozen eggs" for "eggs, dozen"), the pieces over its default container when
    it comes in containers of so many pieces ("a dozen siu mai" sold by the basket of 4: 3 baskets), else the
    pieces themselves (a dumpling sold by the piece)."""
    names = [phrase_of(n) for n in (product.name, *product.aliases)]
    if any(unit in words for words in names) or unit in sold_by(product) \
            or (unit == "pair" and sold_by_the_pair(product)):
        return max(1, qty // COUNT_UNITS[unit])
    size = _container_pieces(product)
    if size and size > 1 and qty % size == 0 and piece_count(lex, (product.sku,), qty) is None:
        return qty // size  # (a count that is a choice, "a dozen" for a 12 piece tray, stays that choice)
    return qty


def sold_by_the_pair(product: Product) -> bool:
    """Whether one of the product is a pair: its name or category ends in a thing that comes as a pair
    (:data:`_PAIRED_GOODS`: "work gloves", "women's running shoe", category "boots"). A name in the plural alone
    makes none ("hash browns", "fries": "a pair of" them is two orders)."""
    own = phrase_of(product.name)
    return any(words[-1] in _PAIRED_GOODS or any(tuple(words[-len(ph):]) == ph for ph in _PAIRED_PHRASES)
               for words in (own, phrase_of(product.category)) if words)


def _container_pieces(product: Product) -> int | None:
    """How many pieces the product's default container holds, when it is sold in containers of a counted number
    of pieces (a basket group of "3 piece", "4 piece", "6 piece", default 4: 4); None otherwise."""
    nouns = _piece_nouns(product)
    for group in product.option_groups:
        value = group.value(group.default) if group.default and not group.multiple else None
        if value is None:
            continue
        found = _said_counts(value, nouns)
        if found and all(_counted_value(v, nouns) for v in group.values) and not any(
                u in phrase_of(n) for v in group.values for n in (v.name, *v.aliases) for u in COUNT_UNITS):
            return found[0]  # (not for a "half dozen" or "dozen" choice: the unit names that choice)
    return None


def _piece_nouns(product: Product) -> frozenset[str]:
    """The words a count of the product's pieces may be said with: "piece", "dozen", its own name's words."""
    return COUNT_NOUNS | frozenset(COUNT_UNITS) | {w for n in (product.name, *product.aliases) for w in phrase_of(n)}


def _said_counts(value: OptionValue, nouns: frozenset[str]) -> list[int]:
    """The counts a choice is said as, written as a number and then only ``nouns`` ("4 piece", "12 wings"); as
    written, so "a three" (the a3 size) is no count of three."""
    said = [tuple(to_digits(tokens(n))) for n in (value.name, *value.aliases)]
    return [int(w[0]) for w in said if w and w[0].isdigit() and all(x in nouns for x in w[1:])]


def _counted_value(value: OptionValue, nouns: frozenset[str]) -> bool:
    """Whether a choice is said as a bare count of pieces ("4 piece", "4 pieces")."""
    return bool(_said_counts(value, nouns))


COUNT_NOUNS = words("count_nouns")


def piece_count(lex: Lexicon, skus: Sequence[str], qty: int | None) -> OptionSpec | None:
    """"twenty four wings" for a product sold as 6, 12 or 24 pieces, "a dozen roses" for a bouquet of 6, 12 or 24
    stems: one order of that choice, not that many orders. Only a group whose every value is said as a bare count
    ("12", "12 piece", "a dozen", "12 roses") reads a number so, and not one that sells it singly ("1 pack" or
    "2 pack" screen protectors: "two screen protectors" are two of them, not one 2 pack)."""
    product = lex.products.get(skus[0]) if len(skus) == 1 and qty and qty > 1 else None
    if product is None:
        return None
    for group, counts in _counted_groups(product):
        if qty in counts:
            return OptionSpec((Target("option", group=group, value=counts[qty]),))
    return None


def _counted_groups(product: Product) -> list[tuple[str, dict[int, str]]]:
    """The product's one-choice groups whose every value is said as a bare count of pieces and none as one piece
    ("8 count", "20 count", "50 count"): each group's code and its counts to value codes."""
    nouns = _piece_nouns(product)
    out: list[tuple[str, dict[int, str]]] = []
    for group in product.option_groups:
        if group.multiple or not group.values:
            continue
        counts: dict[int, str] = {}
        for v in group.values:
            found = _said_counts(v, nouns)
            if not found:
                break
            for c in found:
                counts.setdefault(c, v.code)
        else:
            if 1 not in counts:
                out.append((group.code, counts))
    return out


def packs_of(lex: Lexicon, skus: Sequence[str], qty: int | None) -> tuple[int, OptionSpec] | None:
    """"a hundred plates", "sixteen cups" for plates and cups sold 8, 20 or 50 to a pack: a count of pieces that is
    no pack size but a whole number of one is that many packs, of the largest pack that fits it (two of the 50,
    two of the 8); None when the count is a pack size itself (:func:`piece_count`) or no pack divides it."""
    product = lex.products.get(skus[0]) if len(skus) == 1 else None
    if product is None or qty is None or qty < 2:
        return None
    for group, counts in _counted_groups(product):
        if qty in counts:
            return None
        fits = [c for c in counts if 1 < c < qty and qty % c == 0]
        if fits:
            size = max(fits)
            return qty // size, OptionSpec((Target("option", group=group, value=counts[size]),))
    return None


def unit_choice(lex: Lexicon, toks: Sequence[str], start: int, floor: int, skus: Sequence[str],
                 qty: int | None) -> tuple[int, OptionSpec] | None:
    """"two dozen eggs" where the eggs come as a "half dozen", a "dozen" or "eighteen": the unit said before the
    product ("24 dozen", from "two dozen") is the product's own choice named by that unit, and the number how many
    of it (2 of the "dozen" choice), not 24 cartons. None when no unit is said or the product has no such choice."""
    product = lex.products.get(skus[0]) if qty and len(skus) == 1 else None
    unit = next((toks[i] for i in range(start - 1, max(floor, start - 4) - 1, -1) if toks[i] in COUNT_UNITS), None)
    if product is None or qty is None or unit is None or qty % COUNT_UNITS[unit]:
        return None
    named = (str(COUNT_UNITS[unit]), unit)  # the unit said alone ("dozen", "a dozen", "one dozen")
    for group in product.option_groups:
        for v in group.values:
            if group.multiple is False and any(tuple(to_digits(tokens(n))) == named for n in (v.name, *v.aliases)):
                return qty // COUNT_UNITS[unit], OptionSpec((Target("option", group=group.code, value=v.code),))
    return None


def counted_in_units(lex: Lexicon, item: ItemSpec) -> ItemSpec:
    """"five quarts of 5w-30" for oil sold as a "1 quart" or a "5 quart jug": a number and a plural unit, read as
    the choice named with that number ("5 quart"), is how many of the choice the same group names by the unit alone
    (five of the "quart"); "a 5 quart jug" and "5 quart" (no plural) stay that choice, and so does a group with no
    choice named by the unit alone, and a choice named by the plural as said ("3 pounds")."""
    product = lex.products.get(item.skus[0]) if item.quantity is None and len(item.skus) == 1 else None
    if product is None:
        return item
    for o in item.options:
        said = o.said.split()
        if len(said) != 2 or not said[0].isdigit() or not 1 < int(said[0]) < 100 or not said[1].endswith("s") \
                or said[1].endswith("ss"):
            continue
        units = {said[1][:-1], said[1][:-2]}
        alone = {(u,) for u in units} | {(w, u) for u in units for w in ("1", "one")}
        for t in o.targets:
            group = product.group(t.group)
            value = group.value(t.value) if group is not None else None
            if value is None or tuple(said) in {phrase_of(n) for n in (value.name, *value.aliases)}:
                continue  # "three pounds of mussels" sold as "3 pounds": that choice, as named
            unit = next((v for v in group.values if v.code != t.value and any(
                phrase_of(n) in alone for n in (v.name, *v.aliases))), None) if group is not None else None
            if unit is not None:
                spec = replace(o, targets=(Target("option", group=t.group, value=unit.code),),
                               pos=o.pos + 1, said=said[1])
                options = [spec if x is o else x for x in item.options]
                return ItemSpec(item.skus, int(said[0]), options, item.start, item.end, item.exact)
    return item


def counted_by_unit(lex: Lexicon, toks: Sequence[str], item: ItemSpec) -> ItemSpec:
    """"a dozen white ones with helium too" of balloons sold by the dozen: an item whose count was said with a unit
    ("12 dozen") before it or its choices, still counting pieces, is that many of the product's choice named by the
    unit (one dozen), as "a dozen white balloons" is; the item as it was otherwise."""
    if item.quantity is None or len(item.skus) != 1:
        return item
    k = next((c - 2 for c in sorted({item.start, *(o.pos for o in item.options if o.pos >= 0)})
              if c >= 2 and toks[c - 2] == str(item.quantity) and toks[c - 1] in COUNT_UNITS), -1)
    if k < 0:
        return item
    unit = unit_choice(lex, toks, k + 2, k, item.skus, item.quantity)
    if unit is None or {t.group for o in item.options for t in o.targets} & {t.group for t in unit[1].targets}:
        return item
    return ItemSpec(item.skus, unit[0], [unit[1], *item.options], item.start, item.end, item.exact)


def each_of_values(lex: Lexicon, toks: Sequence[str], item: ItemSpec) -> list[ItemSpec]:
    """"three quarts each of 5w-30 and 10w-30": a count said with "each" before two or more values of one
    one-choice group that the item holds is that many of each value, a line each; the item as it was otherwise
    (without "each" the last value said stands, as before)."""
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    e = next((i for i in range(item.start - 1, -1, -1) if toks[i] == "each"), -1)
    if product is not None and e < 1 and item.quantity is None and said_plural(lex, toks, item):
        return _plural_of_values(product, toks, item)
    if product is not None and e < 1:  # "dye in purple and in teal, two of the teal": a line each
        return _values_each_with_prep(product, toks, item)
    if product is None or e < 1:
        return [item]
    chosen = {i for o in item.options if o.pos >= 0 for i in range(o.pos, o.pos + max(1, len(o.said.split())))}
    k = e - 1
    while k > 0 and k in chosen and not toks[k].isdigit():
        k -= 1  # "three quarts each", "a half yard each": the count before the unit
    count = 1 if toks[k] in ("a", "an") and k + 1 in chosen else \
        int(toks[k]) if toks[k].isdigit() and 0 < int(toks[k]) < 100 else None
    if count is None:
        return [item]
    by_group: dict[str, list[OptionSpec]] = {}
    for o in item.options:
        groups = {t.group for t in o.targets if (g := product.group(t.group)) is not None and not g.multiple
                  and g.value(t.value) is not None}
        if o.pos > e and len(groups) == 1:
            by_group.setdefault(groups.pop(), []).append(o)
    shared = next((said for said in by_group.values() if len(said) > 1), None)
    if shared is None:
        return [item]
    rest = [o for o in item.options if all(o is not x for x in shared)]
    return [ItemSpec(item.skus, count, [*rest, o], item.start, item.end, item.exact) for o in shared]


_EACH_OF_JOINS = frozenset({"and", "or", "the", "some"})


def _values_each_with_prep(product: Product, toks: Sequence[str], item: ItemSpec) -> list[ItemSpec]:
    """"semi permanent dye in purple and in teal": two or more values of one one-choice group, each after the same
    word ("in", "on", ...) and joined by "and", are one line each (one jar is one colour); a value said again
    after a count ("um two of the teal") is that line's count. The item as it was otherwise."""
    said = sorted((o for o in item.options if o.pos >= item.end and len(
        {t.group for t in o.targets if (g := product.group(t.group)) is not None and not g.multiple
         and g.value(t.value) is not None}) == 1), key=lambda o: o.pos)
    groups = {next(t.group for t in o.targets if product.group(t.group) is not None) for o in said}
    if len(said) < 2 or len(groups) != 1 or said[0].pos < 1 or toks[said[0].pos - 1] not in _IN_WORDS:
        return [item]
    prep = toks[said[0].pos - 1]
    firsts: list[OptionSpec] = []
    counts: dict[int, int] = {}
    for o in said:
        same = next((k for k, f in enumerate(firsts) if set(f.targets) == set(o.targets)), None)
        if same is None:
            firsts.append(o)
            continue
        k = o.pos - 1
        while k > 0 and toks[k] in ("the", "of"):
            k -= 1
        if not (toks[k].isdigit() and 0 < int(toks[k]) < 100 and "of" in toks[k:o.pos]):
            return [item]  # said again, not as a count of it
        counts[same] = int(toks[k])
    gaps = [toks[a.pos + len(a.said.split()):b.pos] for a, b in zip(firsts, firsts[1:], strict=False)]
    if len(firsts) < 2 or not all("and" in gap and prep in gap and all(t in ("and", "the", prep) for t in gap)
                                  for gap in gaps):
        return [item]
    if item.quantity is not None and item.quantity not in counts.values():
        return [item]  # a count of the whole said apart ("two ... in purple and in teal"): as it was
    rest = [o for o in item.options if all(o is not x for x in said)]
    return [ItemSpec(item.skus, counts.get(k), [*rest, o], item.start, item.end, item.exact)
            for k, o in enumerate(firsts)]


def _plural_of_values(product: Product, toks: Sequence[str], item: ItemSpec) -> list[ItemSpec]:
    """"sample pots of agreeable gray and repose gray": the product said in the plural, no count, then two or more
    values of one one-choice group joined by "and" only: one of each, a line each (one pot can be one colour only)."""
    said = [o for o in item.options if o.pos >= item.end and len(
        {t.group for t in o.targets if (g := product.group(t.group)) is not None and not g.multiple
         and g.value(t.value) is not None}) == 1]
    groups = {next(t.group for t in o.targets if product.group(t.group) is not None) for o in said}
    if len(said) < 2 or len(groups) != 1:
        return [item]
    said.sort(key=lambda o: o.pos)
    gaps = [toks[a.pos + len(a.said.split()):b.pos] for a, b in zip(said, said[1:], strict=False)]
    if not all(gap and all(t in ("and", "the") for t in gap) for gap in gaps):
        return [item]
    rest = [o for o in item.options if all(o is not x for x in said)]
    return [ItemSpec(item.skus, None, [*rest, o], item.start, item.end, item.exact) for o in said]


def measure_each(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec], loose: Sequence[OptionSpec]
                 ) -> list[OptionSpec]:
    """"a half pound each of gummy bears and sour worms", "two pounds each of X and Y": a measure said right
    before "each of", with no item before it, is each item's in the list joined by "and" right after it (the count
    before the measure each one's count). Returns the options still loose."""
    out = list(loose)
    for e in range(1, len(toks) - 1):
        if toks[e] != "each" or toks[e + 1] != "of":
            continue
        said = [o for o in out if o.pos >= 0 and o.pos + max(1, len(o.said.split())) == e]
        listed: list[ItemSpec] = []
        for it in items:
            if it.start <= e or listed and any(toks[i] not in _EACH_OF_JOINS for i in range(listed[-1].end, it.start)
                                               if all(not o.pos <= i < o.pos + max(1, len(o.said.split()))
                                                      for o in it.options)):
                if listed:
                    break
                continue
            listed.append(it)
        if not said or not listed:
            continue
        count = next((q for i in range(said[0].pos - 1, max(-1, said[0].pos - 3), -1)
                      if toks[i].isdigit() and (q := quantity_token(toks, i)) is not None), None)
        for it in listed:
            product = lex.products.get(it.skus[0]) if len(it.skus) == 1 else None
            mine = [o for o in said if product is not None and any(
                (g := product.group(t.group)) is not None and g.value(t.value) is not None for t in o.targets)]
            it.options.extend(mine)
            if mine and count is not None and it.quantity is None:
                it.quantity = count
        out = [o for o in out if o not in said]
    return out


def counted_choice(lex: Lexicon, toks: Sequence[str], start: int, floor: int, skus: Sequence[str],
                    qty: int | None, said: Sequence[OptionSpec], named: bool = True
                    ) -> tuple[int | None, list[OptionSpec]]:
    """The count and the count-named choice of a product said with a number ("a dozen eggs": one of the "dozen"
    choice; "two dozen eggs": two of it; "a half dozen duck eggs": one "half dozen"); the count as it was and no
    choice when the number is only how many, or when the choice ``said`` is of that group. ``named``: the product's own name was said (a bare piece count,
    "6", reads as that choice only then: "two vanilla cones" are no "2 scoops")."""
    pieces = piece_count(lex, skus, qty) if named else None
    if pieces is not None and not {t.group for o in said for t in o.targets} & {t.group for t in pieces.targets}:
        return None, [pieces]  # (not "two short stacks" for a stack of two pancakes: the choice is said, two of it)
    unit = unit_choice(lex, toks, start, floor, skus, qty)
    return (unit[0], [unit[1]]) if unit is not None else (in_units(lex, toks, start, floor, skus, qty), [])
    # ("a pair of gel insoles": one pair of the insoles the choice names)


def offered_pieces(lex: Lexicon, item: ItemSpec) -> ItemSpec:
    """"how much are the wings" - "ok ten lemon pepper then": right after a question about a product sold as 6, 10 or
    20 pieces, a count that is one of those (said with a choice, the product unnamed) is one order of that many, as
    "a dozen" is one box of twelve; the item as it was otherwise."""
    pieces = piece_count(lex, item.skus, item.quantity)
    if pieces is None or any(t.group == p.group for o in item.options for t in o.targets for p in pieces.targets):
        return item
    return ItemSpec(item.skus, None, [pieces, *item.options], item.start, item.end, item.exact)


def count_of_pieces(toks: Sequence[str], start: int, floor: int, pieces: int) -> tuple[int, int] | None:
    """"two three piece combos": when the number before a product is its piece count, a number said right before
    that one is the count of items (where it was said, its value), not another piece count; so is one said before
    a package word and "of" ("two boxes of 250 business cards": two of the box of 250)."""
    at = next((i for i in range(start - 1, max(floor, start - 4) - 1, -1) if toks[i] == str(pieces)), -1)
    if at - 4 >= floor and toks[at - 1] == "the" and toks[at - 2] == "of":
        at -= 1  # "two orders of the six garlic knots"
    if at - 3 >= floor and toks[at - 1] == "of" and (toks[at - 2] in _PACK_WORDS or toks[at - 2] in _SERVINGS):
        at -= 2  # "two boxes of 250 business cards": two boxes, each the 250 one ("two orders of six knots")
    if at - 1 < floor or not toks[at - 1].isdigit() or not 0 < int(toks[at - 1]) < 100:
        return None
    return at - 1, int(toks[at - 1])


def said_plural(lex: Lexicon, toks: Sequence[str], item: ItemSpec) -> bool:
    """The product was said in a plural of one of its names ("cods" of "cod", "coffees", "pastries")."""
    said = tuple(toks[item.start:item.end])
    last = said[-1] if said else ""
    if len(last) < 3 or not last.endswith("s") or last.endswith("ss"):
        return False
    stems = {last[:-1], last[:-2], last[:-3] + "y"}
    return any(t.kind == "product" and t.sku in item.skus
               for stem in stems for t in lex.phrases.get((*said[:-1], stem), ()))


def _plural_of(toks: Sequence[str], item: ItemSpec) -> bool:
    """"five bottles of bubbles", "two packs of markers": a plural noun before "of", in the item's name or right
    before it, says what the count counts; it closes the noun phrase as a plural name does."""
    k0 = max(0, item.start - 2)
    return any(toks[k].endswith("s") and not toks[k].endswith("ss") and len(toks[k]) > 3 and toks[k + 1] == "of"
               for k in range(k0, item.end - 1))


def pair_count(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], breaks: frozenset[int]) -> None:
    """"two cod and chips": a count before a name said in the singular, joined by a bare "and" to a second name with
    no count or article of its own, counts the pair as one dish, so it covers both (two cod and two chips). Not "two
    coffees and a muffin" (an article starts a noun phrase of its own), nor "three tacos and chips" (the plural
    closes the first noun phrase)."""
    said = [it.quantity for it in items]  # counts as said: "two cod and chips and peas" does not chain
    for n in range(len(items) - 1):
        a, b, count = items[n], items[n + 1], said[n]
        if count is None or count < 2 or said[n + 1] is not None or len(a.skus) != 1 or b.start in breaks \
                or list(toks[a.end:b.start]) != ["and"] or said_plural(lex, toks, a) or _plural_of(toks, a) \
                or toks[a.end - 1].isdigit():  # ("forty 2x4s and delivery": a size's plural "s" is not kept)
            continue
        b.quantity = count


def times_said(toks: Sequence[str], named: set[int], breaks: frozenset[int]) -> tuple[int, int, int, bool] | None:
    """A count over the whole list said after it, closing its sentence: "cod and chips twice please", "... times two",
    "x 2", "two times" repeat the list; "for the four of us" gives each of that many people one of each.
    Returns (start, end, count, per person) of the words, or None."""
    for i, t in enumerate(toks):
        span: tuple[int, int, int, bool] | None = None
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if i in named:
            continue
        if t in _TWICE:
            span = (i, i + 1, 2, False)
        elif t in _TIMES and nxt.isdigit():
            span = (i, i + 2, int(nxt), False)
        elif t.isdigit() and nxt in _TIMES and i > 0:
            span = (i, i + 2, int(t), False)
        elif t == "for":
            j = i + 1
            while j < len(toks) and toks[j] in _PARTY_LEADS:
                j += 1
            if j + 2 < len(toks) and toks[j].isdigit() and toks[j + 1] == "of" and toks[j + 2] in _PARTY_HEADS:
                span = (i, j + 3, int(toks[j]), True)
        if span is None or not 1 < span[2] < 100 or any(k in named for k in range(span[0], span[1])):
            continue
        close = min((b for b in breaks if b >= span[1]), default=len(toks))
        if i > 0 and i not in breaks and all(toks[k] in FILLER_WORDS for k in range(span[1], close)):
            return span
    return None


def times_over(items: list[ItemSpec], times: tuple[int, int, int, bool], breaks: frozenset[int]) -> None:
    """Applies a count said after the list (:func:`times_said`) to the items of its sentence before it: "cod and
    chips twice" is two of each, "two cod and a coke twice" four cod and two cokes; "for the four of us" gives each
    item said without a count (or with "a") that many."""
    start, _end, n, each = times
    opened = max((b for b in breaks if b <= start), default=0)
    for it in items:
        if opened <= it.start and it.end <= start:
            if not each:
                it.quantity = (it.quantity or 1) * n
            elif it.quantity in (None, 1):
                it.quantity = n


def count_after(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], mentions: Sequence[Mention],
                 breaks: frozenset[int]) -> None:
    """"some heavy a4 paper two reams", "copy paper, three boxes": a count said after the product with the package it
    comes in (a package word, or a choice of the group the catalog calls its pack), closing its phrase, is how many,
    when none was said before it. Not "a tea two sugars": a sugar is no package. So are servings and containers
    ("lava buns please, two orders", "soup dumplings two baskets the crab ones": a group of the product whose
    choices are piece counts), count units ("pork dumplings a dozen": twelve pieces) and the pages a service is
    counted in ("fax five pages international", "scan twelve pages to my email"). A count unit naming as many pieces
    as a choice of the product holds is that choice ("the roses two dozen": the bouquet of 24 stems)."""
    for n, item in enumerate(items):
        k = _past_choices_of(lex, toks, mentions, item)  # "the tape blue two roll": past the tape's own colour
        while k < len(toks) and (toks[k] in FILLER_WORDS or _phrase_at(toks, k, _FOR_EVERYONE)):
            k += _phrase_at(toks, k, _FOR_EVERYONE) or 1  # "lava buns please, two orders", "gloves for everybody
            # that's four pairs"
        if item.quantity is not None or len(item.skus) != 1 or k + 1 >= len(toks) or not toks[k].isdigit() \
                or any(o.start <= k < o.end for o in mentions) or not 0 < int(toks[k]) < 1000:
            continue
        unit = next((o for o in mentions if o.start == k + 1), None)
        end = unit.end if unit is not None else k + 2
        if not (toks[k + 1] in _PACK_WORDS or toks[k + 1] in _SERVINGS or toks[k + 1] in COUNT_UNITS
                or toks[k + 1] in _PAGE_UNITS or toks[k + 1] in _PACKAGES or _in_pairs(lex, toks[k + 1], item.skus[0])
                or unit is not None and (_packaging(lex, item.skus[0], unit)
                                         or _container_group(lex, item.skus[0], unit)
                                         or _measured_choice(lex, toks, item.skus[0], unit))):
            continue
        nxt = items[n + 1].start if n + 1 < len(items) else len(toks)
        if end < len(toks) and toks[end] == "of" and (own := _own_choice_at(lex, mentions, end + 1, item)) is not None \
                and not (n + 1 < len(items) and own.end == nxt):
            end = own.end  # "the screws for wood two boxes of hundred": its boxes of a hundred, counted; not when
            # the choice leads straight into the next product's name ("beef with broccoli two pints of chicken lo
            # mein": the chicken lo mein's pints, its count, though chicken is a protein the broccoli offers too)
        if end < len(toks) and toks[end] == "of" or nxt <= k + 1 \
                or toks[k + 1] in COUNT_UNITS and end == nxt < len(toks) \
                or toks[k + 1] in COUNT_UNITS and n + 1 < len(items) and end < nxt and all(
                    any(o.start <= j < o.end and o.options and not o.products
                        and _own_choice_at(lex, mentions, o.start, item) is None for o in mentions)
                    for j in range(end, nxt)):
            continue  # "a red planter four bags of gravel", "thick bacon a dozen wings": the count of what follows
            # (so "a number six candle two dozen green balloons": the green balloons' two dozen)
        end = _past_own_choices(toks, mentions, end, nxt)
        worked = next((o for o in mentions if o.start == end and o.options and toks[k + 1] == "pair"
                       and _pair_of_paired_goods(toks, k + 1)
                       and any(item.skus[0] in lex.option_skus.get((t.group, t.value), ()) for t in o.options)), None)
        end = worked.end if worked is not None else end  # "hem two pairs of pants": the pants hemmed, counted
        while end < nxt and toks[end] in FILLER_WORDS:
            end += 1  # "... two plates please"
        if end == len(toks) or end in breaks or end == nxt or toks[end] in SEPARATORS:
            product = lex.products.get(item.skus[0])
            qty = int(toks[k])
            pieces = piece_count(lex, item.skus, qty) if toks[k + 1] in COUNT_UNITS else None
            if pieces is not None and not {t.group for o in item.options for t in o.targets} \
                    & {t.group for t in pieces.targets}:
                item.options.append(replace(pieces, pos=k, said=" ".join(toks[k:k + 2])))  # "the roses two dozen" for a bouquet of 6, 12 or 24 stems: that choice,
                continue  # as "two dozen roses" is
            item.quantity = max(1, qty // COUNT_UNITS["pair"]) if toks[k + 1] == "pair" \
                and _pair_of_paired_goods(toks, k + 1) else _pieces_to_orders(lex, product, toks[k + 1], qty) \
                if product is not None and toks[k + 1] in COUNT_UNITS else qty  # ("hem two pairs of pants": two)


def count_of_those(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> None:
    """"four ounce pyramid sinkers i need like three packs of those": a count, a package word (or servings) and "of
    those" said after an item with no count of its own, and before any other item, is how many of it (not when the
    count and package name a choice of it: "the fifty pack of those")."""
    for k in range(1, len(toks) - 3):
        if not (toks[k].isdigit() and 0 < int(toks[k]) < 100 and (toks[k + 1] in _PACK_WORDS or toks[k + 1] in _SERVINGS)
                and toks[k + 2] == "of" and toks[k + 3] in _POINTING_BACK):
            continue
        before = [it for it in items if it.end <= k]
        if before and any(t.kind == "option" and before[-1].skus[0] in lex.option_skus.get((t.group, t.value), ())
                          for t in lex.phrases.get((toks[k], toks[k + 1]), ())):
            continue  # "give me the fifty pack of those": the "50 pack", a choice, not fifty packs
        if before and len(before[-1].skus) == 1 and before[-1].quantity is None \
                and not any(it.start > before[-1].start and it.start <= k + 3 for it in items):
            before[-1].quantity = int(toks[k])


def _own_choice_at(lex: Lexicon, mentions: Sequence[Mention], at: int, item: ItemSpec) -> Mention | None:
    """The mention of a choice the item offers said at ``at`` (no product of its own), if any."""
    m = next((o for o in mentions if o.start == at and o.options and not o.products), None)
    return m if m is not None and any(item.skus[0] in lex.option_skus.get((t.group, t.value), ()) for t in m.options) \
        else None


def _in_pairs(lex: Lexicon, word: str, sku: str) -> bool:
    """"work gloves for everybody, four pairs": pairs of a product sold by the pair, each pair one of it."""
    product = lex.products.get(sku)
    return word == "pairs" and product is not None and sold_by_the_pair(product)


def _past_choices_of(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], item: ItemSpec) -> int:
    """Where the words after an item stop being its own choices ("the tape blue ...", "agreeable gray interior
    ...") or words of its own name ("the screws for wood ..."): the count said after them is still the item's."""
    k = item.end
    product = lex.products.get(item.skus[0])
    own = {w for n in (product.name, *product.aliases) for w in phrase_of(n)} if product is not None else set()
    while True:
        if (m := _own_choice_at(lex, mentions, k, item)) is not None:
            k = m.end
        elif k + 1 < len(toks) and toks[k] == "for" and toks[k + 1] in own and toks[k + 1] not in GLUE \
                and not any(o.start <= k + 1 < o.end and (o.options or o.exact_products
                                                          or all(t.sku != item.skus[0] for t in o.products))
                            for o in mentions):
            k += 2  # "the screws for wood two boxes": a word of its own name ("wood screws"), said after it
        else:
            return k


def _measured_choice(lex: Lexicon, toks: Sequence[str], sku: str, m: Mention) -> bool:
    """Whether the mention is one word of a measure the product comes in by the container, a choice of it ("the
    interior paint two gallons", "lo mein two pints"): the count is of containers of that size. Not "a tea two
    sugars", nor "the steak two pounds" (a weight, one steak)."""
    if m.end != m.start + 1 or toks[m.start] not in _MEASURE_CONTAINERS:
        return False
    product = lex.products.get(sku)
    return product is not None and any((g := product.group(t.group)) is not None and not g.multiple
                                       and g.value(t.value) is not None for t in m.options)


_MEASURE_CONTAINERS = words("measure_containers")
_PACKAGES = words("packages")


def _container_group(lex: Lexicon, sku: str, m: Mention) -> bool:
    """Whether the mention names a group of the product whose every choice is a count of pieces ("baskets" for a
    basket of 3, 4 or 6 pieces): a container the product is counted in."""
    product = lex.products.get(sku)
    if product is None or m.products or m.options:
        return False
    nouns = _piece_nouns(product)
    return any((g := product.group(t.group)) is not None and not g.multiple and bool(g.values)
               and all(_counted_value(v, nouns) for v in g.values) for t in m.groups)


def _past_own_choices(toks: Sequence[str], mentions: Sequence[Mention], end: int, limit: int) -> int:
    """"soup dumplings two baskets the crab ones": past the choices said right after a count (with "the", "ones"
    and fillers), where the phrase of the count closes."""
    choices = {i for o in mentions if o.options and not o.products for i in range(o.start, o.end)}
    j = end
    while j < limit and (j in choices or toks[j] in ("the", "ones", "one") or toks[j] in FILLER_WORDS
                         or toks[j] in _IN_WORDS and j + 1 in choices):  # "four pairs in large"
        j += 1
    return j if any(i in choices for i in range(end, j)) else end


_COUNT_HEDGES = words("count_hedges")
_FOR_EVERYONE = phrases("for_everyone")
_IN_WORDS = words("in_words")
_COUNT_EACH = phrases("count_each")
_COUNT_OF_THEM = phrases("count_of_them")
_THEM_LEADS = words("count_of_them_leads")
_CHOICE_PREPS = words("count_choice_preps")


def _phrase_at(toks: Sequence[str], i: int, table: Sequence[tuple[str, ...]]) -> int:
    """How many words the longest phrase of ``table`` said at ``i`` has (0: none)."""
    return max((len(p) for p in table if tuple(toks[i:i + len(p)]) == p), default=0)


def _only_choices(toks: Sequence[str], mentions: Sequence[Mention], a: int, b: int,
                  also: frozenset[str] = frozenset()) -> bool:
    """Whether the words from ``a`` to ``b`` are only choices, fillers and separators ("lattes, oat milk, ...")
    (or words of ``also``)."""
    choices = {i for m in mentions if not m.products for i in range(m.start, m.end)}
    return all(i in choices or toks[i] in FILLER_WORDS or toks[i] in SEPARATORS or toks[i] in also
               or toks[i] in _CHOICE_PREPS and i + 1 in choices for i in range(a, b))


def _group_unit(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], j: int,
                items: Sequence[ItemSpec]) -> int:
    """Where the package or serving word right after a count ends ("two baskets each", "two orders each"): a word
    the items come in, or a group of theirs whose choices are piece counts; ``j`` itself when there is none."""
    if j < len(toks) and (toks[j] in _PACK_WORDS or toks[j] in _SERVINGS):
        return j + 1
    unit = next((m for m in mentions if m.start == j and not m.products), None)
    if unit is not None and items and all(len(it.skus) == 1 and (_container_group(lex, it.skus[0], unit)
                                                                 or _packaging(lex, it.skus[0], unit)) for it in items):
        return unit.end
    return j


def group_count(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], mentions: Sequence[Mention]) -> set[int]:
    """A count said once for several items, or after its item: "a mocha and a chai latte two each", "cannolis and
    brownies, two of each", "siu mai and har gow two baskets each" (or before the list: "two of each, a mocha and a
    chai", "one each of the muffin and the scone") give each item said without a count of its own that many;
    "pepperoni pizzas three of them large" gives the item right before it that many (its choices may follow); a
    count its product is sold in is that choice ("garlic knots twelve of them": one order of twelve). Sets the counts;
    returns where the count words were said."""
    named = {i for m in mentions if m.products for i in range(m.start, m.end)}
    said: set[int] = set()
    for i, t in enumerate(toks):
        if i in named or not (t.isdigit() and 0 < int(t) < 1000 or t == "one"):
            continue
        before = [it for it in items if it.end <= i]
        run: list[ItemSpec] = []
        for it in reversed(before):  # the items said without a count right before it
            if it.quantity is not None:
                break
            run.insert(0, it)
        j = _group_unit(lex, toks, mentions, i + 1, run)
        each, them = _phrase_at(toks, j, _COUNT_EACH), _phrase_at(toks, j, _COUNT_OF_THEM)
        if run and not _only_choices(toks, mentions, run[-1].end, i, _THEM_LEADS if them and not each else frozenset()):
            run = []  # ("a cheese quesadilla so two of those": the quesadilla's count)
            j = _group_unit(lex, toks, mentions, i + 1, run)
            each, them = _phrase_at(toks, j, _COUNT_EACH), _phrase_at(toks, j, _COUNT_OF_THEM)
        n = 1 if t == "one" else int(t)
        if each and not before:  # "two of each, a mocha and a chai latte" ("two each of the ...": read as the first's)
            run = []
            for it in (it for it in items if it.start >= j + each):
                if it.quantity not in (None, n):
                    break
                run.append(it)
        elif them and not each:  # "a mug and three of those": a new item after "and", not the mug's count
            run = run[-1:] if run and not any(toks[k] in SEPARATORS for k in range(run[-1].end, i)) else []
        if not run or not (each or them):
            continue
        for it in run:  # "garlic knots twelve of them" for knots sold as 6 or 12: one order of twelve
            pieces = piece_count(lex, it.skus, n) if j == i + 1 else None
            if pieces is None:
                it.quantity = n
            else:
                it.options.append(pieces)
        said |= set(range(i, j + max(each, them)))
    return said




def _numbered_value(lex: Lexicon, sku: str, n: int, groups: frozenset[str] | None = None) -> OptionSpec | None:
    """The one choice of the product (of a group of ``groups``, when given) said as the number ``n`` with only
    count words or the product's own words ("12 piece", "card of 12" said "12 buttons"); None when none or several
    are."""
    product = lex.products.get(sku)
    if product is None:
        return None
    nouns = _piece_nouns(product)
    found = [(g.code, v.code) for g in product.option_groups if not g.multiple and (groups is None or g.code in groups)
             for v in g.values if n in _said_counts(v, nouns)]
    if len(found) != 1:
        return None
    return OptionSpec((Target("option", group=found[0][0], value=found[0][1]),))


def numbered_choice(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], mentions: Sequence[Mention]) -> set[int]:
    """"garlic knots the twelve" for knots sold as 6 or 12, "a card of buttons the black ones twelve count" for a
    card of 6 or 12: a number said after its item (past its own choices) after "the", or before the name of a group
    of the item, that names one choice of the item is that choice, not how many. Sets the choices; returns where
    the words were said."""
    said: set[int] = set()
    for n, item in enumerate(items):
        if len(item.skus) != 1:
            continue
        nxt = items[n + 1].start if n + 1 < len(items) else len(toks)
        choices = {i for o in mentions if o.options and not o.products for i in range(o.start, o.end)}
        k = item.end
        while k < nxt and not toks[k].isdigit() and (k in choices or toks[k] in FILLER_WORDS
                                                     or toks[k] in ("the", "ones", "one")):
            k += 1
        if not (k < nxt and toks[k].isdigit() and 0 < int(toks[k]) < 10_000) \
                or any(o.start <= k < o.end and o.end > k + 1 for o in mentions):
            continue
        unit = next((o for o in mentions if o.start == k + 1 and o.targets
                     and all(t.kind == "group" for t in o.targets)), None)
        if unit is not None:
            choice = _numbered_value(lex, item.skus[0], int(toks[k]), frozenset(t.group for t in unit.targets))
            end = unit.end
        elif toks[k - 1] == "the":
            choice = _numbered_value(lex, item.skus[0], int(toks[k]))
            end = k + 1
        else:
            continue
        if choice is None or {t.group for o in item.options for t in o.targets} & {t.group for t in choice.targets}:
            continue
        item.options.append(replace(choice, pos=k, said=" ".join(toks[k:end])))
        said |= set(range(k, end))
    return said


def count_closing(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], mentions: Sequence[Mention],
                  taken: AbstractSet[int] = frozenset()) -> set[int]:
    """"some spotty bananas for banana bread maybe three", "lemons, say four": a bare number closing the sentence
    after the last item, with only its own choices, fillers and hedges ("maybe", "about") between, is how many
    of it when no count was said before it (not a numbered choice the item does not offer, "3 lb"). Sets the
    count; returns where the number was said."""
    if not items or items[-1].quantity is not None or len(items[-1].skus) != 1:
        return set()
    item = items[-1]
    j = len(toks) - 1
    while j > item.end and (toks[j] in _COUNT_HEDGES or toks[j] in FILLER_WORDS):
        j -= 1  # "... three of them", "... four or so"
    if j < item.end or j in taken or not toks[j].isdigit() or not 0 < int(toks[j]) < 100:
        return set()
    at = [o for o in mentions if o.start <= j < o.end]
    if any(o.start != j or o.end != j + 1 or any(item.skus[0] in lex.option_skus.get((t.group, t.value), ())
                                                 for t in o.options) for o in at):
        return set()  # "3" is a choice the item offers ("a tomato, 3 lb"), or part of longer words
    own = {i for o in mentions if o.end <= j and o.start >= item.end and not o.products for i in range(o.start, o.end)}
    own |= {i for a in range(item.end, j) for i in range(a, a + _phrase_at(toks, a, _FOR_EVERYONE))}
    if not all(i in own or toks[i] in _COUNT_HEDGES or toks[i] in FILLER_WORDS for i in range(item.end, j)):
        return set()
    item.quantity = int(toks[j])
    return {j}


def _packaging(lex: Lexicon, sku: str, m: Mention) -> bool:
    """Whether the mention names a choice of how the product is packed (a group the catalog calls a pack: "ream")."""
    product = lex.products.get(sku)
    groups = [g for t in m.options if product is not None and (g := product.group(t.group)) is not None
              and g.value(t.value) is not None]
    return any(w in _PACK_WORDS for g in groups for n in (g.name, g.code, *g.aliases) for w in phrase_of(n))


FILLER_WORDS = words("fillers")
_TIMES = words("times_words")
_TWICE = words("twice_words")
_PARTY_LEADS = words("party_leads")
_PARTY_HEADS = words("party_heads")
