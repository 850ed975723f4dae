"""The items of a turn read again against the rest of the turn and the conversation: a product let go ("ok then no
peonies make it four lilies", "ok no drill too expensive"), one of several products picked by a later word ("the
chews ... for the teeth"), a choice that only describes the product ("the green smoothie the one with spinach"), "two
of those" for the product offered, "one of those, eggs over easy" for the product talked about, and a choice said in
words of the product's own name ("make the cream cheese a half pound").
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.lexicon import Lexicon, phrase_of
from dialogue.matcher import Mention
from dialogue.normalize import tokens
from dialogue.parse_records import Context
from dialogue.phrasebook import phrases, words
from dialogue.quantity import GLUE
from dialogue.specs import ItemSpec
from dialogue.turn_words import DEFINITE, FILLERS, LEAD_FILL, SEPARATORS

_COUNTED_REFS = words("counted_refs")
_DESCRIBED_WITH = phrases("described_with")


def without_ones_said_not(toks: Sequence[str], items: Sequence[ItemSpec], ctx: Context) -> list[ItemSpec]:
    """"ok then no peonies make it four lilies": a product said after "no" (or "not"), in no line of the cart,
    with a line of the cart named after it and no "and" between: the shopper lets that product go and turns to
    the line; the product is no item of the turn (nothing to add, nothing to take off)."""
    out = list(items)
    for k, it in enumerate(items[:-1]):
        nxt = items[k + 1]
        if it.start > 0 and toks[it.start - 1] in ("no", "not") and it.quantity is None and not it.options \
                and not set(it.skus) & set(ctx.line_skus) and set(nxt.skus) & set(ctx.line_skus) \
                and "and" not in toks[it.end:nxt.start] and all(t in LEAD_FILL for t in toks[:it.start - 1]):
            out.remove(it)
    last = out[-1] if out else None  # "ok no drill too expensive" after its price: that product declined
    if last is not None and len(out) == 1 and last.start > 0 and toks[last.start - 1] in ("no", "not") \
            and last.quantity is None and not last.options and not set(last.skus) & set(ctx.line_skus) \
            and ctx.topic in last.skus and all(t in LEAD_FILL for t in toks[:last.start - 1]):
        out.remove(last)
    return out


def which_by_a_later_choice(toks: Sequence[str], items: Sequence[ItemSpec]) -> list[ItemSpec]:
    """"i need the chews for cleaning the teeth for my dog he's a big dog": a product that may be several (the bully
    stick, the dental chews, the rope toy) and, later in the turn, a part of the name of only one of them ("teeth",
    of "teeth chews") or choices alone only it offers ("big dog"): that one product, one item with those choices,
    not a "which one?" and a second line."""
    out = list(items)
    for k in range(len(out) - 1):
        it, nxt = out[k], out[k + 1]
        said = {i for o in nxt.options if o.pos >= 0 for i in range(o.pos, o.pos + max(1, len(o.said.split())))}
        only_choices = bool(nxt.options) and all(i in said or toks[i] in GLUE for i in range(nxt.start, nxt.end))
        if len(it.skus) < 2 or len(nxt.skus) != 1 or nxt.skus[0] not in it.skus or nxt.quantity is not None \
                or not (only_choices or not nxt.exact and toks[nxt.start - 1] not in ("a", "an", "and")):
            continue
        out[k] = ItemSpec(nxt.skus, it.quantity, [*it.options, *nxt.options], it.start, nxt.end, it.exact)
        del out[k + 1]
        break
    return out


def described_not_chosen(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec]) -> None:
    """"the green smoothie the one with spinach i think": a choice said right after "the one with" (and the like)
    whose words the product's own description names (made with spinach) describes the product the shopper means;
    it is taken off the item (in place). A choice the description does not name ("the one with oat milk") stays."""
    for it in items:
        product = lex.products.get(it.skus[0]) if len(it.skus) == 1 else None
        if product is None or not product.description:
            continue
        described = set(tokens(product.description))
        it.options = [o for o in it.options if not (
            o.pos > 0 and o.said and set(o.said.split()) <= described
            and any(tuple(toks[max(0, at - len(ph)):at]) == ph for ph in _DESCRIBED_WITH
                    for at in (o.pos, o.pos - 1) if at == o.pos or toks[at] in DEFINITE))]


def offered_counted(toks: Sequence[str], items: list[ItemSpec], topic: str) -> list[ItemSpec]:
    """"great, two of those and a medium coffee" to "we have the boston cream, would you like one?": a count of
    "those" said before the other items named is that many of the product offered, a line of its own."""
    for i in range(len(toks) - 2):
        if not (toks[i + 1] == "of" and toks[i + 2] in _COUNTED_REFS and (toks[i].isdigit() or toks[i] == "one")):
            continue
        n = int(toks[i]) if toks[i].isdigit() else 1
        after = [it for it in items if it.start > i]
        upto = after[0].start if after else len(toks)
        before_all = not any(it.start < i for it in items)  # (after the items: "a coffee and two of those", only
        if 0 < n < 1000 and (before_all or (toks[i - 1] in SEPARATORS and all(  # with nothing said of them)
                t in SEPARATORS or t in FILLERS or t in ("please", "too") for t in toks[i + 3:upto]))):
            return sorted([ItemSpec((topic,), n, [], i, i + 3), *items], key=lambda it: it.start)
    return items


def group_of_those(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], mentions: Sequence[Mention],
                    topic: str) -> list[ItemSpec]:
    """"what comes with the big breakfast" - "ok one of those, eggs over easy": a count "of those" points at the
    product talked about; words right after it that name a product but also a group of choices of that product
    ("eggs") with a choice of it said after them are the product's choice, not the other product."""
    product = lex.products.get(topic)
    if product is None:
        return items
    own = {g.code for g in product.option_groups}
    out = []
    for it in items:
        k = it.start
        if topic not in it.skus and k >= 3 and toks[k - 2] == "of" and toks[k - 1] in _COUNTED_REFS \
                and (toks[k - 3].isdigit() or toks[k - 3] == "one") and it.options \
                and all(any(topic in lex.option_skus.get((t.group, t.value), ()) for t in o.targets) for o in it.options) \
                and any(m.start == k and m.end == it.end and any(t.kind == "group" and t.group in own for t in m.targets)
                        for m in mentions):
            n = int(toks[k - 3]) if toks[k - 3].isdigit() else 1
            it = ItemSpec((topic,), n if 0 < n < 1000 else it.quantity, it.options, k - 3, it.end, True)
        out.append(it)
    return out


def name_not_choice(lex: Lexicon, toks: Sequence[str], item: ItemSpec) -> ItemSpec:
    """"make the cream cheese a half pound" for a tub of cream cheese: a choice of other products (the cream
    cheese spread of a bagel) said in words of the product's own name, which the product does not offer,
    names the product, not a choice of it: the item starts where those words do."""
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    if product is None:
        return item
    name = set(phrase_of(product.name))
    kept = [o for o in item.options if not (
        0 <= o.pos and o.said and set(o.said.split()) <= name
        and not any((g := product.group(t.group)) is not None and g.value(t.value) is not None for t in o.targets))]
    if len(kept) == len(item.options):
        return item
    start = min([item.start, *(o.pos for o in item.options if o not in kept)])
    return ItemSpec(item.skus, item.quantity, kept, start, item.end, item.exact)
