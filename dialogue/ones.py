"""Items said by "one" or said again: "a large one", "another one", "a quart of white", "the peach one", "the hot
dogs with relish", and "a brisket one" or "the glass one" for the line or product just talked about.
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.models import Product
from dialogue.corrections import SWAP
from dialogue.intents import find
from dialogue.item_words import PACKAGES, REFINE, SUB_WORDS, WITH, WITH_LIST
from dialogue.lexicon import Lexicon, phrase_of, singulars
from dialogue.matcher import Mention, _person_at, part_of_name, words_run
from dialogue.phrasebook import words
from dialogue.quantity import GLUE, SEPARATORS, count_of_described, quantity_token, read_quantity
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.turn_words import BASE_PREPS, DEFINITE, HOLDER_PREPS

_LIKEWISE = words("likewise")  # "too", "also" said last: as well
_APPOSITIVE_GAP = words("appositive_gap")  # words that may stand between an item and its "a <choices> one"
_SINGLE = words("single_unit")  # "a single spinach one": one by itself
_LINE_SAID = words("line_pronouns")  # "make it a ... one": the line itself, changed


def _appositive(toks: Sequence[str], prev: ItemSpec, a: int, moved: Sequence[OptionSpec]) -> bool:
    """"a watering can a red one", "a latte, a large one": "a <choices> one" right after a single item, with no
    word between but its own choices ("a hot chocolate with whipped cream on top, a large one"), says that item again with its choices, not one more; unless the item already has another value
    of the same choice ("a red watering can a blue one": two cans)."""
    if toks[a] not in ("a", "an") or prev.quantity not in (None, 1):
        return False
    own = {i for o in prev.options if o.pos < a for i in range(o.pos, o.pos + max(len(o.said.split()), 1))}
    if any(i not in own and toks[i] not in _APPOSITIVE_GAP for i in range(prev.end, a)):
        return False  # "a hot chocolate with whipped cream on top a large one": only its own choices between
    kept = {t.group for o in prev.options if not a <= o.pos for t in o.targets}
    return not any(t.group in kept for o in moved for t in o.targets)


def another_one(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], covered: set[int]) -> list[ItemSpec]:
    """"a medium pepperoni and a large one with mushrooms", "a black t-shirt in medium and a red one in
    small": "a <options> one" after an item is one more of that product, made as said after the article."""
    out = list(items)
    for a, tok in enumerate(toks):
        measured = _measured_ones(toks, covered, a)  # "and half a pound of heirloom ones"
        if (tok not in ("a", "an", "another") and not (tok.isdigit() and 1 < int(tok) < 100) or a in covered) \
                and not measured:
            continue
        o = a + 1
        plain = False
        while o < len(toks) and (o in covered or toks[o] in SUB_WORDS or toks[o] == "of" and o - 1 in covered
                                 and o + 1 in covered):  # "and a kilo of roma ones"
            plain = plain or o not in covered  # "two regular ones": made the plain way
            o += 1  # past the option words
        if o >= len(toks) or toks[o] not in ("one", "1", "ones") or o in covered or tok.isdigit() and toks[o] != "ones":
            continue
        before = [it for it in out if it.end <= a]
        after = [it for it in out if it.start > o]
        if not before or (after and after[0].start <= o + 1):
            continue
        prev = before[-1]
        end = after[0].start if after else len(toks)
        moved = [opt for opt in prev.options if a <= opt.pos < end]
        if any(a <= it.start <= o for it in out):
            continue  # a line already made of these words ("and two mango ones", split by split)
        if not moved and not plain or tok.isdigit() and moved:
            continue  # "a latte and a ... one" with nothing said of it: no new line on a guess (and "two mango
            # ones" is a split of the line before, made by split)
        if prev.quantity in (None, 1) and any(toks[i] in REFINE for i in range(prev.end, a)):
            continue  # "a mocha but a decaf one": that mocha, made so (its options stay on it)
        if _appositive(toks, prev, a, moved):
            continue  # "a watering can, a red one, and a hose": that watering can, said again with its colour
        prev.options[:] = [opt for opt in prev.options if not a <= opt.pos < end]
        count = int(tok) if tok.isdigit() else None
        out.insert(out.index(prev) + 1, ItemSpec(prev.skus, count, [*_kind_of(lex, prev, moved), *moved], a, o + 1,
                                                 prev.exact))
    return out


def another_unnamed(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], covered: set[int]) -> list[ItemSpec]:
    """"a quart of black exterior paint and a quart of white", "a roll of painters tape the one inch and a roll of
    the two inch": after "and", an article or a count followed only by choice words (and glue) that give another
    value of a one-choice group the item before already has is one more line of that product, with the noun left
    out, not a change of the first one."""
    out = list(items)
    for a in range(1, len(toks)):
        if a in covered or toks[a - 1] not in SEPARATORS or quantity_token(toks, a) is None and _the_one(
                toks, covered, a) is None:
            continue  # ("and the cedar lakes one": another value of it, so another of it)
        before = [it for it in out if it.end <= a]
        after = [it for it in out if it.start >= a]
        end = after[0].start if after else len(toks)
        end = next((j for j in range(a + 1, end) if toks[j] == "for" and _person_at(lex, toks, j + 1) > j + 1), end)
        # ("and a small penguin for my nephew": who it is for closes it)
        while end - 1 > a and toks[end - 1] in _LIKEWISE and end - 1 not in covered:
            end -= 1  # "and a ten inch pinstripe too": "as well" closes it
        if (closed := _the_one(toks, covered, a)) is not None:
            end = min(end, closed)  # "and the north fork one and a spork": its "one" closes it
        if not before or len(before[-1].skus) != 1 or (product := lex.products.get(before[-1].skus[0])) is None:
            continue
        prev = before[-1]
        opening = set(toks[before[-2].end if len(before) > 1 else 0:a])
        if any(toks[i] in REFINE for i in range(prev.end, a)) or not all(
                i in covered or toks[i] in ("a", "an", "the") or toks[i] in opening and (toks[i] in GLUE or toks[i] in
                                                                                         PACKAGES)
                or toks[i] in ("one", "ones") and i == end - 1 for i in range(a + 1, end)):
            continue  # only choice words, articles and the item's own glue or packaging again ("a roll of"): no noun
            # of its own ("and a side of ranch" is no second salad)
        moved = [o for o in prev.options if a < o.pos < end]
        if not _other_value(product, [o for o in prev.options if o.pos < a], moved):
            continue
        prev.options[:] = [o for o in prev.options if not a < o.pos < end]
        out.insert(out.index(prev) + 1, ItemSpec(prev.skus, int(toks[a]) if toks[a].isdigit() else None,
                                                 [*_kind_of(lex, prev, moved), *moved], a, end, prev.exact))
    return out


def _the_one(toks: Sequence[str], covered: set[int], a: int) -> int | None:
    """"the cedar lakes one" at ``a``: "the", choice words and "one" ending the sentence or the phrase: where it
    ends; None when no such words are there."""
    o = a + 1
    while o < len(toks) and o in covered:
        o += 1
    if toks[a] == "the" and o > a + 1 and toks[o:o + 1] in (["one"], ["ones"]) \
            and (o + 1 == len(toks) or toks[o + 1] in SEPARATORS or toks[o + 1] in _LIKEWISE):
        return o + 1
    return None


def _other_value(product: Product, had: Sequence[OptionSpec], said: Sequence[OptionSpec]) -> bool:
    """Whether ``said`` gives a one-choice group of ``product`` another value than ``had`` gave it ("white" after
    "black" for a paint's colour; "two inch" after "one inch" for a tape's width)."""
    def values(specs: Sequence[OptionSpec]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for o in specs:
            for t in o.targets:
                if (g := product.group(t.group)) is not None and not g.multiple and g.value(t.value) is not None:
                    out.setdefault(g.code, set()).add(t.value)
        return out

    old, new = values(had), values(said)
    return any(code in old and not vals & old[code] for code, vals in new.items())


def _measured_ones(toks: Sequence[str], covered: set[int], a: int) -> bool:
    """"a pound of roma tomatoes and half a pound of heirloom ones": after "and", choice words (a measure, a kind)
    running up to "ones" say one more line of the product before, as "a red one" does, though no article or count
    opens them."""
    if a == 0 or a not in covered or a - 1 in covered or toks[a - 1] not in SEPARATORS:
        return False
    o = a
    while o < len(toks) and (o in covered or toks[o] == "of" and o > a):
        o += 1  # ("half a kilo of roma ones")
    return o > a + 1 and o < len(toks) and toks[o] == "ones"


def _kind_of(lex: Lexicon, prev: ItemSpec, moved: Sequence[OptionSpec]) -> list[OptionSpec]:
    """"a large apple juice and a small one": "one" stands for the apple juice, so the new line takes the earlier
    one's answers to the product's required single choices (its flavour) that are not said again; not its optional
    or several-at-once choices ("a medium pepperoni and a large one with mushrooms": no pepperoni)."""
    if len(prev.skus) != 1 or (product := lex.products.get(prev.skus[0])) is None:
        return []
    said = {t.group for o in moved for t in o.targets}
    required = {g.code for g in product.option_groups if g.required and g.default is None and not g.multiple}
    return [o for o in prev.options if len({t.group for t in o.targets} & required - said) == 1
            and len({t.group for t in o.targets}) == 1]


def one_said_at(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec], covered: set[int], a: int
                 ) -> tuple[tuple[int, ...], ItemSpec, list[tuple[ItemSpec, OptionSpec]]] | None:
    """"the peach one" at ``a`` after the items: the item said with that choice ("a peach fruit tea and a grapefruit
    one"), or the one whose product's name holds those words ("one classic ahi and one salmon lover, the salmon
    one"): (the "one" words' positions, that item, the selecting choices with the items they sit on); None when
    the words there select no single item said before."""
    if toks[a] != "the" or a in covered:
        return None
    o = a + 1
    while o < len(toks) and o in covered:
        o += 1
    if o == a + 1 or o >= len(toks) or toks[o] not in ("one", "ones") or any(it.start > a for it in items):
        return None
    chosen = [(it, opt) for it in items for opt in it.options if a < opt.pos < o]
    picked = {(t.group, t.value) for _, opt in chosen for t in opt.targets}
    named = [it for it in items if any(opt.pos < a and {(t.group, t.value) for t in opt.targets} & picked
                                       for opt in it.options)]
    if not named:
        said = tuple(toks[a + 1:o])
        named = [it for it in items if len(it.skus) == 1 and (p := lex.products.get(it.skus[0])) is not None
                 and any(words_run(said, phrase_of(n)) for n in (p.name, *p.aliases))]
    return ((o,), named[0], chosen) if len(named) == 1 else None


def the_one_said(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], covered: set[int]) -> None:
    """"a peach fruit tea and a grapefruit one, the peach one large", "one classic ahi and one salmon lover, the
    salmon one on quinoa": after the items, "the <choice> one" or "the <part of a name> one" names that item
    (:func:`one_said_at`); the choices said after it go on that item (and the selecting words on none)."""
    for a in range(len(toks)):
        said = one_said_at(lex, toks, items, covered, a)
        if said is None:
            continue
        (o,), named, chosen = said
        for it, opt in chosen:
            it.options.remove(opt)
        later = [(it, opt) for it in items for opt in it.options if opt.pos > o]
        for it, opt in later:
            it.options.remove(opt)
            named.options.append(opt)


def named_again(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"two hot dogs and a coke, the hot dogs with relish": a product said again with "the" and no count, after an
    item of that product in the same sentence, is that item; what is said with it goes on it. Not when it is said
    with another choice of a one-choice group the item has already ("a set of dive rings and the torpedoes"): another
    item of that product."""
    out: list[ItemSpec] = []
    for item in items:
        same = [it for it in out if it.skus == item.skus]
        if same and item.quantity is None and item.start > 0 and toks[item.start - 1] == "the" \
                and find(toks[same[-1].end:item.start], SWAP) < 0 and not _other_choice(lex, same[-1], item) \
                and not _counted_of_the(toks, same[-1].end, item.start - 1):  # not "a vanilla shake instead of the
            # strawberry shake"
            same[-1].options.extend(o for o in item.options if o not in same[-1].options)
            continue
        out.append(item)
    return out


def _other_choice(lex: Lexicon, held: ItemSpec, item: ItemSpec) -> bool:
    """``item`` is said with a choice of a one-choice group of its one product that ``held`` has another choice of."""
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    if product is None:
        return False
    had = {(t.group, t.value) for o in held.options for t in o.targets if len(o.targets) == 1}
    for o in item.options:
        for t in o.targets[:1] if len(o.targets) == 1 else ():
            group = product.group(t.group)
            if group is not None and not group.multiple and any(g == t.group and v != t.value for g, v in had):
                return True
    return False


def _counted_of_the(toks: Sequence[str], floor: int, the: int) -> bool:
    """"a pack of eighth ounce jig heads in chartreuse and a pack of the quarter ounce in white": "the" after "of"
    and a count or an article said with a package or measure word ("a pack of the", "two of the") opens a noun
    phrase of its own, another line of that product, not the item said again."""
    of = the - 1
    return of > floor and toks[of] == "of" and any(quantity_token(toks, i) is not None
                                                   for i in range(max(floor, of - 3), of))


def one_of_the_kind(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], last_sku: str | None) -> list[ItemSpec]:
    """"A pulled pork sandwich" - "and a brisket one": a product name said before "one" stands for the product of
    that kind named before (earlier in the turn, else the line last touched): the product named with its words in
    front of that one's head ("brisket" + "sandwich" -> the brisket sandwich), else that product with the choice
    the words name ("a sandwich combo and a brisket one": a combo with the brisket)."""
    out: list[ItemSpec] = []
    for it in items:
        before = [o for o in out if o.end <= it.start]
        ref = before[-1].skus[0] if before and len(before[-1].skus) == 1 else last_sku
        ones = it.end < len(toks) and toks[it.end] in ("one", "ones") and it.start > 0 \
            and (toks[it.start - 1] in ("a", "an", "another") or toks[it.start - 1].isdigit())
        product = lex.products.get(ref or "")
        if not ones or product is None or ref in it.skus or it.options:
            out.append(it)
            continue
        out.append(_kind_of_ref(lex, tuple(toks[it.start:it.end]), product, it))
    return out


def choice_named_kind(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], options: list[OptionSpec],
                      last_sku: str | None) -> tuple[list[ItemSpec], list[OptionSpec]]:
    """"Half a dozen empanadas, all spicy beef" - "and a single spinach one": choice words said as "a <choice> one"
    (no product named) that, with the head noun of the product of the line last touched, name another product (the
    line's "spinach" filling + "empanada": the spinach empanada) are an item of that product, as "a brisket one" is
    of the brisket sandwich (:func:`one_of_the_kind`), not a change of the line. Gives the items and the loose
    choices; unchanged when not so said."""
    product = lex.products.get(last_sku or "")
    if product is None or items or len(options) != 1 or not options[0].said:
        return items, options
    spec = options[0]
    said = tuple(spec.said.split())
    a, b = spec.pos, spec.pos + len(said)
    if tuple(toks[a:b]) != said or toks[b:b + 1] not in (["one"], ["ones"]):
        return items, options
    k = a
    while k > 0 and toks[k - 1] in _SINGLE:
        k -= 1
    if k == 0 or toks[k - 1] not in ("a", "an", "another") or any(t in _LINE_SAID for t in toks[:k - 1]):
        return items, options  # ("make it a spinach one", "can that be a spinach one": the line changed)
    name = phrase_of(product.name)
    for j in range(1, len(name)):
        for head in dict.fromkeys((name[-1], *singulars(name[-1]))):
            named = {t.sku for t in lex.phrases.get((*said, *name[j:-1], head), ()) if t.kind == "product" and t.exact}
            if len(named) == 1 and product.sku not in named:
                return [ItemSpec((named.pop(),), None, [], k - 1, b + 1, True)], []
    return items, options


def choice_one_of_the_line(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], last_sku: str | None
                           ) -> tuple[list[ItemSpec], list[OptionSpec], int | None]:
    """"Two black ink cartridges" - "and one colour one": choice words said as "a/one <choice> one" with no product
    named, every one of them a choice the product of the line last touched offers, are one more like that line,
    made so (its printer kept), not the other product those words would name on their own (the "coloured" paper
    clips). Gives the items left, the choices for the line and the count said; ``items`` unchanged otherwise."""
    product = lex.products.get(last_sku or "")
    if product is None or len(items) != 1 or items[0].skus == (last_sku,) or not items[0].options:
        return items, [], None
    it = items[0]
    said = tuple(toks[it.start:it.end])
    lead = toks[it.start - 1] if it.start > 0 else ""
    ones = said[-1:] in (("one",), ("ones",)) or it.end < len(toks) and toks[it.end] in ("one", "ones")
    if not ones or not (lead in ("a", "an", "another", "one") or lead.isdigit()):
        return items, [], None
    if any(t.kind == "product" for a in range(len(said)) for b in range(a + 1, len(said) + 1)
           for t in lex.phrases.get(said[a:b], ())):
        return items, [], None  # a product's own words ("a chicken one"): :func:`one_of_the_kind`
    if not all(any((g := product.group(t.group)) is not None and g.value(t.value) is not None for t in o.targets)
               for o in it.options):
        return items, [], None
    return [], list(it.options), it.quantity


def kind_named_alone(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], ref_sku: str | None) -> list[ItemSpec]:
    """"Do you have the cast iron teapot" (sold out) - "ok the glass one then": words that name no item on their
    own, said between "the"/"a" and "one", stand for the product of the kind talked about (``ref_sku``, one not in
    the cart) named with those words in front of that one's head ("glass" + "teapot" -> the glass teapot);
    ``items`` when the turn names any item or no such product is named."""
    product = lex.products.get(ref_sku or "")
    if items or product is None:
        return items
    for i, tok in enumerate(toks):
        if tok not in ("one", "ones"):
            continue
        for j in range(max(0, i - 3), i):
            if j == 0 or toks[j - 1] not in ("the", "a", "an", "another"):
                continue
            it = _kind_of_ref(lex, tuple(toks[j:i]), product, ItemSpec((product.sku,), None, [], j, i + 1))
            if it.skus != (product.sku,) and not it.options:
                return [it]
    return items


def _kind_of_ref(lex: Lexicon, said: tuple[str, ...], product: Product, it: ItemSpec) -> ItemSpec:
    """``it`` (said as ``said`` + "one") as a kind of ``product``; ``it`` itself when no product or choice fits."""
    name = phrase_of(product.name)
    for k in range(1, len(name)):
        named = [t.sku for t in lex.phrases.get((*said, *name[k:]), ()) if t.kind == "product" and t.exact]
        if len(set(named)) == 1 and named[0] != product.sku:
            return ItemSpec((named[0],), it.quantity, [], it.start, it.end, True)
    values = [t for t in lex.phrases.get(said, ()) if t.kind == "option"
              and product.sku in lex.option_skus.get((t.group, t.value), ())]
    if values:
        return ItemSpec((product.sku,), it.quantity, [OptionSpec(tuple(values), "regular", "", it.start, " ".join(said))],
                        it.start, it.end, True)
    return it



def line_of_a_name_word(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], options: list[OptionSpec],
                        lines: Sequence[tuple[str, tuple[tuple[str, str], ...]]]) -> tuple[list[ItemSpec], list[OptionSpec]]:
    """"Only two of the strawberry ones" to three strawberries and cream crepes: words said as "the <words> one(s)"
    that read as a choice no line of the cart holds (the crepes' strawberry topping) but are words of the name or an
    alias of the product of one line ("strawberry crepe") name that line; so do "the <words>" with no "one" where no
    line's product offers that choice at all ("never mind the mochi" to a butter mochi, "mochi" a shave ice topping).
    ``lines``: the cart's (sku, choices). Gives the items and the loose choices, that line made the item when so
    read."""
    if items or len(options) != 1 or not lines:
        return items, options
    spec = options[0]
    said = tuple(spec.said.split())
    a, b = spec.pos, spec.pos + len(said)
    if not said or a < 1 or toks[a - 1] != "the" or tuple(toks[a:b]) != said:
        return items, options
    held = {c for _, opts in lines for c in opts}
    if any((t.group, t.value) in held for t in spec.targets):
        return items, options  # "the mango one": a line picked by a choice it holds (read elsewhere)
    if toks[b:b + 1] not in (["one"], ["ones"]) and any(
            sku in lex.option_skus.get((t.group, t.value), ()) for sku, _ in lines for t in spec.targets):
        return items, options  # "the mochi" with no "one": only where no line could have that choice at all

    skus = {sku for sku, _ in lines if part_of_name(lex, said, sku)}
    if len(skus) != 1:
        return items, options
    qty, explicit = read_quantity(toks, a, 0, set())
    qty = qty if explicit else count_of_described(toks, a, b, 0, set())  # "two of the strawberry ones"
    return [ItemSpec((skus.pop(),), qty, [], a, b, True)], []


def choice_one_of_the_topic(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], options: list[OptionSpec],
                            topic: str | None) -> tuple[list[ItemSpec], list[OptionSpec]]:
    """"What colours do the teddy bears come in?" - "a cream one and a birthday card": "a/one/two <choices> one(s)"
    said with no product, before or between the items named, every choice one the product talked about (``topic``,
    not in the cart) offers, is an item of that product made so. Gives the items and the choices left unattached;
    ``items``, ``options`` unchanged when no such words are said."""
    product = lex.products.get(topic or "")
    if product is None or not items or not options:
        return items, options
    out, free = list(items), list(options)
    for a, tok in enumerate(toks):
        if tok not in ("a", "an", "one") and not (tok.isdigit() and 0 < int(tok) < 100):
            continue
        said = [o for o in free if o.pos > a]
        o = a + 1
        while o < len(toks) and any(s.pos <= o < s.pos + max(len(s.said.split()), 1) for s in said):
            o += 1
        if o == a + 1 or o >= len(toks) or toks[o] not in ("one", "ones") or any(a <= it.start <= o for it in out):
            continue
        chosen = [s for s in said if s.pos < o]
        if not all(any(product.sku in lex.option_skus.get((t.group, t.value), ()) for t in s.targets) for s in chosen):
            continue
        free = [s for s in free if s not in chosen]
        out.append(ItemSpec((product.sku,), int(tok) if tok.isdigit() else None, chosen, a, o + 1))
    return sorted(out, key=lambda it: it.start), free


def choices_of_the_topic(lex: Lexicon, items: list[ItemSpec], mentions: Sequence[Mention],
                         topic: str | None) -> list[ItemSpec]:
    """"What flavours do you have for the wings?" - "ok a ten piece lemon pepper then": an item named by its choices
    alone (no word of it names a product) of another product, every choice of which the product talked about
    (``topic``, not in the cart) offers, is an item of that product (not the tenders that also come by the 10)."""
    product = lex.products.get(topic or "")
    if product is None:
        return items
    out = []
    said = {t.sku for m in mentions for t in m.products}  # ("two spicy tuna rolls one of them on brown rice": a
    for it in items:  # unit of the rolls named, not the roll talked about)
        named = any(m.products and m.start <= it.start < m.end for m in mentions) or set(it.skus) <= said
        if named or product.sku in it.skus or not it.options or not all(
                any(product.sku in lex.option_skus.get((t.group, t.value), ()) for t in o.targets) for o in it.options):
            out.append(it)
            continue
        out.append(ItemSpec((product.sku,), it.quantity, it.options, it.start, it.end, it.exact))
    return out


def package_of_the_topic_one(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], options: list[OptionSpec],
                             topic: str | None) -> tuple[list[ItemSpec], list[OptionSpec]]:
    """"Does the dry cat food come in kitten?" - "a bag of the kitten one in chicken and a case of cat cans": "a
    <package> of the <choices> one", every choice one the product talked about (``topic``, not in the cart) offers,
    with choices of it said after "in" / "with" right after, is an item of that product made so; the package word
    names no product of its own there (a bag of treats), and the choices after it are not the next item's. The
    items and loose choices as they were when no such words are said."""
    product = lex.products.get(topic or "")
    if product is None:
        return items, options

    def offered(s: OptionSpec) -> bool:
        return any(product.sku in lex.option_skus.get((t.group, t.value), ()) for t in s.targets)

    every = [*options, *(o for it in items for o in it.options)]
    for a in range(len(toks) - 4):
        if not (toks[a] in ("a", "an") or toks[a].isdigit()) or toks[a + 1] not in PACKAGES \
                or toks[a + 2] != "of" or toks[a + 3] not in DEFINITE:
            continue
        chosen = [s for s in every if s.pos == a + 4]
        o = a + 4 + (max(len(s.said.split()) for s in chosen) if chosen else 0)
        if not chosen or o >= len(toks) or toks[o] not in ("one", "ones") or not all(offered(s) for s in chosen):
            continue
        end = o + 1
        while end < len(toks) and toks[end] in (*BASE_PREPS, *HOLDER_PREPS, *WITH):
            then = [s for s in every if s.pos == end + 1 and offered(s)]
            if not then:
                break
            chosen += then
            end += 1 + max(len(s.said.split()) for s in then)
        kept = [ItemSpec(it.skus, it.quantity, [x for x in it.options if x not in chosen], it.start, it.end, it.exact)
                for it in items if not (a <= it.start < end)]
        made = ItemSpec((product.sku,), int(toks[a]) if toks[a].isdigit() else None, chosen, a, end, True)
        return sorted([*kept, made], key=lambda it: it.start), [x for x in options if x not in chosen]
    return items, options


_LEAD = words("lead_fill")


def one_with_the_listed(lex: Lexicon, toks: Sequence[str], listed: tuple[str, str] | None,
                        line_skus: Sequence[str]) -> ItemSpec | None:
    """"What can I put in a build your own crepe?" - "ok one with turkey brie and spinach": "one with" (or "a",
    "two") opening the turn, then only choices of the product whose choices were just listed (not in the cart),
    is that product made so, though the words may also name another product ("turkey brie", a crepe of its own).
    None when any word after "with" is no such choice."""
    product = lex.products.get(listed[0]) if listed is not None and listed[0] not in line_skus else None
    k = next((i for i, t in enumerate(toks) if t not in _LEAD), len(toks))
    if product is None or k + 2 >= len(toks) or toks[k + 1] not in WITH \
            or not (toks[k] in ("one", "a", "an") or toks[k].isdigit() and 0 < int(toks[k]) < 100):
        return None
    specs: list[OptionSpec] = []
    i = k + 2
    while i < len(toks):
        if toks[i] in WITH_LIST or toks[i] in ("a", "an", "some"):
            i += 1
            continue
        for j in range(min(len(toks), i + lex.max_len), i, -1):
            mine = tuple(t for t in lex.phrases.get(tuple(toks[i:j]), ()) if t.kind == "option"
                         and product.sku in lex.option_skus.get((t.group, t.value), ()))
            if mine:
                specs.append(OptionSpec(mine, pos=i, said=" ".join(toks[i:j])))
                i = j
                break
        else:
            return None
    if not specs:
        return None
    return ItemSpec((product.sku,), int(toks[k]) if toks[k].isdigit() else None, specs, k, len(toks))
