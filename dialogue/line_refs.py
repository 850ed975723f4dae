"""Which cart line a product named means, or whether it is a new one: by its place ("change the second one to a
shoyu", "make the second pizza a large"), with "the" or an owner ("the latte", "my daughter's biryani"), by a
shortened name ("the cookies" for the oatmeal raisin cookie line, "instead of the plain one"), said again righted ("no
I said a large cappuccino") or as it was meant ("the turkey was supposed to be a footlong"); the line talked about
last; a new item said before its change ("and a korma with paneer and make it mild"); and an ordinal that says when,
not which ("let me measure the yard first").
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.matcher import Mention
from dialogue.numbers import ORDINALS
from dialogue.parse_records import Context, ParseDraft
from dialogue.phrasebook import phrases, words
from dialogue.references import line_holding
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.turn_words import (
    ADDING,
    DEFINITE,
    INSTEAD_OF,
    LEAD_FILL,
    MAKE_IT,
    MORE_WORDS,
    ONTO_PREPS,
    SWAP_VERBS,
    WITH,
)

_LIKEWISE = words("likewise")
_INTO = words("into_preps")
_POSSESSIVES = words("possessives")
_RESTATED = phrases("restated")
_SUBJECTS = words("subject_pronouns")
_CHANGE_AFTER = phrases("change_after_line")
_EVERY_OF = words("every_of_a_product")
_PART_PREPS = frozenset({"on", "of", "in"})  # "the rice on the meal"
_PART_ENDS = frozenset({"to", "into", "for", "with"})  # "... on the meal to egg fried": the change follows


def _singular(word: str) -> str:
    """"cookies" -> "cookie", "dishes" -> "dish": a noun said in the plural, compared with a product's name."""
    if word.endswith("es") and word[:-2].endswith(("sh", "ch", "x", "ss")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def line_after_of(toks: Sequence[str], item: ItemSpec, ctx: Context) -> bool:
    """"make one of the croissants chocolate": the item said as "of the <noun>" names a line in the cart (the one
    whose units change), not the product some of them become ("make one of them a hawaiian")."""
    at = item.start - 1 if item.start >= 3 and toks[item.start - 1].isdigit() else item.start  # "of the 3 lattes"
    return at >= 2 and toks[at - 1] in DEFINITE and toks[at - 2] == "of" \
        and any(sku in ctx.line_skus for sku in item.skus)


def nth_line(toks: Sequence[str], p: ParseDraft, ctx: Context) -> str | None:
    """The product of the cart line a swap names by its place ("change the second one to a shoyu", "make the
    last one a coke"): a swap verb, then "the" and the ordinal, then the one product it becomes."""
    if len(p.items) != 1 or p.ordinal is None or not ctx.line_skus or p.ordinal > len(ctx.line_skus):
        return None
    at = next((i for i, t in enumerate(toks) if t in ORDINALS), -1)
    verb = next((i for i in range(max(at, 0)) if toks[i] in SWAP_VERBS), -1)
    if verb < 0 or toks[at - 1] != "the" or p.items[0].start <= at:
        return None
    return ctx.line_skus[p.ordinal - 1] if p.ordinal > 0 else ctx.line_skus[p.ordinal]


def nth_of_kind(toks: Sequence[str], p: ParseDraft, ctx: Context) -> str | None:
    """"make the second pizza a large" with a pepperoni and a hawaiian in the cart: "the" and an ordinal right
    before a noun that names several products counts among the cart's lines of those products; the product of that
    line when it is the only line of it, and choices said after the noun (its change). None otherwise (a product
    named alone, "the second latte" among two latte lines: the ordinal as before)."""
    if len(p.items) != 1 or p.ordinal is None or p.ordinal < 0 or not ctx.line_skus:
        return None
    item = p.items[0]
    if item.quantity is not None or len(item.skus) < 2 or item.start < 2 or toks[item.start - 1] not in ORDINALS \
            or toks[item.start - 2] != "the" or not item.options or any(o.pos < item.end for o in item.options):
        return None
    kind = [sku for sku in ctx.line_skus if sku in item.skus]
    if p.ordinal > len(kind) or len(kind) < 2:
        return None
    sku = kind[p.ordinal - 1]
    return sku if kind.count(sku) == 1 else None


def made_after_said(toks: Sequence[str], item: ItemSpec) -> bool:
    """"and a korma with paneer and make it mild", "another latte but make it iced": a new item said with an article
    or a word of more, and only after it a word of change ("make it"): the change is of that item, said in the same
    breath, not of the line before."""
    own = {i for o in item.options if 0 <= o.pos < item.start for i in range(o.pos, o.pos + max(len(o.said.split()), 1))}
    lead = [t for i, t in enumerate(toks[:item.start]) if t not in ("and", "also", "plus", "then") and i not in own]
    said = cue.find(toks, cue.MODIFY)  # ("and a lamb rogan josh but make it mild": past its own choices)
    opened = len(lead) == 1 and lead[-1] in ("a", "an")
    more = any(t in MORE_WORDS for t in lead) \
        and all(t in MORE_WORDS or t in LEAD_FILL or t.isdigit() or t == "one" for t in lead)
    # ("another latte but make it iced", "one more latte and make it iced": one more, made so - never the lines there)
    return said >= item.end and (opened or more) and not cue.has(toks, cue.CORRECTION)


def restated(toks: Sequence[str], item: ItemSpec) -> bool:
    """"no I said a large cappuccino", "I meant two lattes": the shopper says again, righted, what is already
    ordered; the line of that product is changed to it, not joined by another."""
    at = cue.find(toks, _RESTATED)
    return 0 <= at < item.start and not cue.has(toks, ADDING) and not any(t in MORE_WORDS for t in toks)


def righted_choice(item: ItemSpec, held: Sequence[tuple[str, str]]) -> bool:
    """"oh no wait not two pounds just the one pound": the item says a choice the line (holding ``held``) has is
    not wanted, and another of the same group is: that line righted, not one more."""
    wanted = {t.group for o in item.options if o.amount != "none" for t in o.targets}
    return any((t.group, t.value) in held and t.group in wanted
               for o in item.options if o.amount == "none" for t in o.targets)


def restated_choice(toks: Sequence[str], first: int) -> bool:
    """"oh wait sorry it's an eleven speed": choices said again, righted, with an article after words that say what
    it is: the line in focus made so, not one more of it."""
    at = cue.find(toks, _RESTATED)
    return 0 <= at < first and not cue.has(toks, ADDING) and not any(t in MORE_WORDS for t in toks)


def adverb_ordinal(toks: Sequence[str], i: int) -> bool:
    """"let me measure the yard first i'll come back": an ordinal with no article before it and a new clause's
    subject right after says when, not which line or choice ("the first i think" still picks)."""
    return i + 1 < len(toks) and toks[i + 1] in _SUBJECTS and (i == 0 or toks[i - 1] not in DEFINITE)


def changed_after(toks: Sequence[str], item: ItemSpec) -> bool:
    """"the turkey was supposed to be a footlong too", "the calzone needs sausage in it too": words right after
    "the <product>" that say how that line was meant to be - a change of it, as a verb of a change before it."""
    return item.start >= 1 and toks[item.start - 1] in DEFINITE and cue.find(toks, _CHANGE_AFTER, item.end) == item.end


def names_a_line(toks: Sequence[str], item: ItemSpec, edit_verb: bool) -> bool:
    """"the latte" for a product already in the cart, with no word that asks for more of it: the line. After a
    verb of a change, "too" / "also" say "as well as the other change" ("make the cheese one large too")."""
    if item.quantity not in (None, 1):
        return False
    k = item.start - 1
    option_words = {t for o in item.options if 0 <= o.pos < len(toks) for t in toks[o.pos:o.pos + 1]}
    spans = {i for o in item.options if 0 <= o.pos < item.start for i in range(o.pos, o.pos + max(len(o.said.split()), 1))}
    placed = set()  # "the second bunch": a place among the units, not "a second" (one more)
    while k >= 0 and (toks[k] in option_words or k in spans or toks[k] in ORDINALS):  # ("the big dogs chews")
        placed |= {k} if toks[k] in ORDINALS else set()
        k -= 1  # "make the small latte large": past the line's own modifiers to the article
    more = MORE_WORDS - _LIKEWISE if edit_verb else MORE_WORDS
    chosen = {i for o in item.options if o.pos >= 0 for i in range(o.pos, o.pos + max(len(o.said.split()), 1))}
    chosen |= placed
    chosen |= {i for i, t in enumerate(toks) if t == "too" and i > 0 and toks[i - 1] == "not"}  # "not too spicy":
    # how spicy, no word of more
    if _put_onto(toks, item, k):
        return True
    return k >= 0 and (toks[k] in DEFINITE or _owned(toks, k)) \
        and not any(t in more for i, t in enumerate(toks) if i not in chosen)  # "make it extra hot": a choice


def _put_onto(toks: Sequence[str], item: ItemSpec, k: int) -> bool:
    """"And add honeycomb to the board", "put bacon on the burger", "put a hash brown in the sandwich too", "add
    protein to both of the green ones": choices said before "to the <product>" (or "to both", "to all of the") go
    on that line, even with a word of more ("add", "too"); the article at ``k``."""
    said = [o.pos for o in item.options if o.pos >= 0]
    if k < 1 or not (toks[k] in DEFINITE or toks[k] in _EVERY_OF):
        return False
    j = k - 1
    while j > 0 and (toks[j] in _EVERY_OF or toks[j] == "of" or toks[j].isdigit()):
        j -= 1  # "to both of the", "to all three of the": past the words that say every unit
    if j < k - 1 and not any(toks[i] in _EVERY_OF for i in range(j + 1, k)):
        j = k - 1
    return bool(said) and all(pos < j for pos in said) \
        and (toks[j] in ONTO_PREPS or toks[j] in _INTO or toks[j] in WITH)


def _owned(toks: Sequence[str], k: int) -> bool:
    """"My daughter's biryani not spicy", "his curry extra hot": a line named by its owner (the apostrophe is
    gone: "my daughters") is that line, as "the biryani" is."""
    return toks[k] in _POSSESSIVES or k > 0 and toks[k - 1] in _POSSESSIVES and len(toks[k]) > 3 and toks[k][-1] == "s"


def line_talked_of(ctx: Context) -> bool:
    """The cart line in focus was talked about after the products last shown ("do you have moussaka" - sold out -
    "then a spanakopita" - "make it two of those"): "it" is that line, not the product shown before it."""
    return ctx.topic is not None and ctx.topic == ctx.last_sku and ctx.topic not in ctx.shown


def count_of_line_shown(toks: Sequence[str], ctx: Context) -> bool:
    """"How much is the clarifier" - "two please" - "actually make that one": "make it" (or "make that") with a count,
    when the line in focus, just ordered, is of the product shown, corrects that line's count; it orders none more."""
    return cue.has(toks, MAKE_IT) and ctx.focus_fresh and ctx.last_sku is not None and ctx.last_sku in ctx.shown


def line_named(found: Sequence[Mention], ctx: Context) -> str | None:
    """The product whose line a change is about, for a common word that is its choice: the one product of a cart
    line the turn names ("make the falafel salad a side", the spanakopita said last), else the one in focus."""
    if not ctx.has_lines:
        return None
    named = {t.sku for m in found for t in m.exact_products if t.sku in ctx.line_skus}
    return named.pop() if len(named) == 1 else ctx.last_sku


def the_line_of(lex: Lexicon, toks: Sequence[str], item: ItemSpec, ctx: Context) -> ItemSpec:
    """"only one of the croissants" with almond croissants in the cart, or "actually just two croissants" with
    chocolate croissants: a product that no line holds, named with "the" or with a new count, means the one line
    whose product's name holds its name (the shopper shortens the name; "and two croissants" still adds, see
    :func:`recount`); else the item as said."""
    named = item.start >= 1 and toks[item.start - 1] == "the" or item.quantity is not None
    if not named or any(s in ctx.line_skus for s in item.skus):
        return item
    held = line_holding(lex, item.skus, ctx.line_skus)
    if held is None:
        return item
    return ItemSpec((held,), item.quantity, item.options, item.start, item.end, item.exact)


def loose_line(lex: Lexicon, toks: Sequence[str], item: ItemSpec, ctx: Context) -> ItemSpec:
    """"another two of the cookies" after oatmeal cookies were added: "the <noun>" names the one cart line whose
    product's name holds every word said (an oatmeal raisin cookie), not another product that answers to that
    word alone (a vegan cookie aliased "cookie") and is not in the cart. A product said by its own name stays."""
    if not ctx.line_skus or any(s in ctx.line_skus for s in item.skus) or item.start < 1 \
            or toks[item.start - 1] not in DEFINITE:
        return item
    chosen = {o.pos for o in item.options}
    said = {_singular(t) for i, t in enumerate(toks[item.start:item.end], item.start) if i not in chosen}
    holders = [sku for sku in dict.fromkeys(ctx.line_skus) if (product := lex.products.get(sku))
               and said and said <= {_singular(w) for w in phrase_of(product.name)}]
    own = any((product := lex.products.get(s)) and said == {_singular(w) for w in phrase_of(product.name)}
              for s in item.skus)  # "and the latte" for a latte, an iced latte in the cart: the latte itself
    if len(holders) != 1 or own:
        return item
    return ItemSpec((holders[0],), item.quantity, item.options, item.start, item.end, item.exact)


def line_by_word(lex: Lexicon, toks: Sequence[str], p: ParseDraft, ctx: Context) -> str | None:
    """"... instead of the plain one": after "instead of", "the <word> one" names the one cart line whose
    product has that word in its name or aliases ("plain croissant")."""
    at = cue.find(toks, INSTEAD_OF)
    if at < 0 or p.items[0].start > at:
        return None
    rest = toks[at:]
    for k in range(len(rest) - 2):
        if rest[k] == "the" and rest[k + 2] in ("one", "ones"):
            word = rest[k + 1]
            hits = {sku for sku in ctx.line_skus if sku in lex.products and any(
                word in phrase_of(n) for n in (lex.products[sku].name, *lex.products[sku].aliases))}
            if not hits:  # "... instead of the mango one": the one line whose product has that choice
                hits = {sku for sku in ctx.line_skus if sku in lex.products and any(
                    word in phrase_of(n) for g in lex.products[sku].option_groups for v in g.values
                    for n in (v.name, *v.aliases))}
            return hits.pop() if len(hits) == 1 else None
    return None


def choice_for_line_named(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """"Can the belgian one get ice cream too": "the <words> one" whose words are words of one cart line's product
    name (no item of their own), and after it only items whose words are also choices that product offers (the
    waffle's "ice cream" topping, though ice cream is sold too): that line with those choices. True when so read."""
    for a in range(len(toks) - 2):
        if toks[a] not in DEFINITE:
            continue
        o = next((k for k in range(a + 1, min(a + 4, len(toks))) if toks[k] in ("one", "ones")), None)
        if o is None or o == a + 1 or any(it.start < o for it in p.items):
            continue
        said = {_singular(t) for t in toks[a + 1:o]}
        lines = [sku for sku in dict.fromkeys(ctx.line_skus) if (product := lex.products.get(sku))
                 and said <= {_singular(w) for w in phrase_of(product.name)}]
        if len(lines) != 1:
            return False
        sku = lines[0]
        specs = []
        for it in p.items:
            said_words = tuple(toks[it.start:it.end])
            mine = tuple(t for t in lex.phrases.get(said_words, ()) if t.kind == "option"
                         and sku in lex.option_skus.get((t.group, t.value), ()))
            if not mine or sku in it.skus:
                return False
            specs.extend([OptionSpec(mine, pos=it.start, said=" ".join(said_words)), *it.options])
        p.items = [ItemSpec((sku,), None, _taken_out(toks, specs), a + 1, o)]
        return True
    return False


def _taken_out(toks: Sequence[str], specs: list[OptionSpec]) -> list[OptionSpec]:
    """"Can the kids one have peas instead of beans": a choice said right after "instead of" ("rather than"), with
    another of its group said too, is what the line had, not part of the change: left out."""
    def gone(o: OptionSpec) -> bool:
        return any(tuple(toks[o.pos - len(ph):o.pos]) == ph for ph in INSTEAD_OF) and any(
            s is not o and {t.group for t in s.targets} & {t.group for t in o.targets} for s in specs)
    return [o for o in specs if not gone(o)]


def part_of_a_line(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """"Change the rice on the meal to egg fried": an item whose words name a group of choices of a cart line's
    product (the meal deal's rice, though "rice" is a product of its own too), said with "on/of/in the <words of that
    line's name>", is that line with the choices said: the meal made with egg fried rice, no rice added."""
    if len(p.items) != 1 or not ctx.line_skus or p.question:
        return
    item = p.items[0]
    own = {o.pos + k for o in item.options if o.pos >= 0 for k in range(max(len(o.said.split()), 1))}
    named = tuple(t for k, t in enumerate(toks[item.start:item.end], item.start) if k not in own)
    groups = {g.code for g in lex.named_groups.get(named, ())}
    at = item.end
    while at < len(toks) and at in own:
        at += 1
    if not groups or at + 2 >= len(toks) or toks[at] not in _PART_PREPS or toks[at + 1] not in DEFINITE:
        return
    end = at + 2
    while end < len(toks) and toks[end] not in _PART_PREPS and toks[end] not in _PART_ENDS:
        end += 1
    said = {_singular(t) for t in toks[at + 2:end]}
    lines = [sku for sku in dict.fromkeys(ctx.line_skus) if sku not in item.skus
             and (product := lex.products.get(sku)) is not None
             and said <= {_singular(w) for w in phrase_of(product.name)}
             and any(product.group(code) is not None for code in groups)]
    if len(lines) != 1:
        return
    p.items = [ItemSpec((lines[0],), None, item.options, item.start, end, True)]


def line_by_its_kind(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], ctx: Context) -> list[ItemSpec]:
    """"can you gift wrap the wine" to a sauvignon blanc in the cart: an item heard only from a part of some name
    ("wine" of "rose wine"), said after "the" as one word that is the category of the product of one cart line
    only, is that line's product (the line named by its kind), not the product whose name holds the word. So is
    such a word, even one naming some product in full, that ends the name of the product of one cart line only
    ("make the paint a gallon" to a quart of exterior paint: not the interior paint called "paint"), and so is it
    after "on/to the" with the choices said before it ("and bacon on the burger" to a double cheeseburger: no
    hamburger added)."""
    out: list[ItemSpec] = []
    for it in items:
        if it.end - it.start != 1 or it.start == 0 or toks[it.start - 1] not in DEFINITE \
                or any(s in ctx.line_skus for s in it.skus):
            out.append(it)
            continue
        word = toks[it.start]
        forms = ((word,), (word.removesuffix("s"),))
        held = set() if it.exact else {s for s in ctx.line_skus if (p := lex.products.get(s)) is not None
                                       and p.category and phrase_of(p.category)[-1:] in forms}
        lead = toks[:it.start]
        # "oh and bacon on the burger", "add bacon to the burger": the choices said before "on/to the <word>" go
        # onto that line, whatever word of more was said
        onto = it.start >= 2 and toks[it.start - 2] in ONTO_PREPS and all(o.pos < it.start - 2 for o in it.options)
        if not held and it.options and (onto or not cue.has(lead, ADDING) and not any(t in MORE_WORDS for t in lead)
                                        and ("and" not in lead or cue.has(lead, cue.MODIFY))):
            # "make the paint a gallon" to the exterior paint: the one line whose product's name ends in the word,
            # with a choice said for it, no word of more
            held = {s for s in ctx.line_skus if (p := lex.products.get(s)) is not None
                    and any(len(phrase_of(n)) > 1 and phrase_of(n)[-1:] in forms for n in (p.name, *p.aliases))}
        out.append(ItemSpec((held.pop(),), it.quantity, it.options, it.start, it.end, True) if len(held) == 1 else it)
    return out


def nth_line_for_more(toks: Sequence[str], ordinal: int | None, count: int) -> int | None:
    """"One more of the first one", "another of the second thing", "and one more of the last one": more of the cart
    line said by its place among the ``count`` lines (an ordinal after "of the", then nothing or a word of a unit,
    ``unit_after_ordinal`` / ``line_nouns``): its index (the last line -1 is ``count - 1``); None when not said so."""
    if ordinal is None or not count or ordinal > count:
        return None
    for i, tok in enumerate(toks):
        if tok not in ORDINALS or i < 2 or toks[i - 1] != "the" or toks[i - 2] != "of":
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if ORDINALS[tok] == ordinal and (not nxt or nxt in _LINE_NOUNS or nxt in ("but", "for", "and", "please")):
            return ordinal - 1 if ordinal > 0 else count - 1
    return None


_LINE_NOUNS = words("line_nouns")
