"""Whether a number said is how many or a choice's own number: "12 dozen", "six glazed donuts", "ten large padded
envelopes" and "three please" to an offer count; "6 inch", "a 10 glue stick", "the 20000 one" name a choice; "just
one roll of tape" counts a product that has no "just one" choice; "the roses two dozen" says the 24 stem choice.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.matcher import Mention
from dialogue.normalize import tokens
from dialogue.numbers import COUNT_UNITS, to_digits
from dialogue.owners import offers_choice
from dialogue.phrasebook import words
from dialogue.quantity import GLUE
from dialogue.specs import ItemSpec, OptionSpec

_COUNTED_PIECES = words("counted_pieces")
_PACKAGES = words("packages")
_PACK_WORDS = words("pack_words")
_PLAIN_WORDS = words("sub_words")
_REMAKE = words("remake_verbs")
_REFS = words("recount_refs")
_AFTER_RECOUNT = words("after_recount")


def counts_what_follows(toks: Sequence[str], end: int) -> bool:
    """A number said before a unit ("12 dozen") or a container of what follows ("3 orders of", "two plates
    of"), or before "the" ("a couple of the little canisters", read "2 the little canisters"): a count, not a
    number-named option value of some product ("3 pieces", "2 person")."""
    return end < len(toks) and (toks[end] in COUNT_UNITS or toks[end] == "the" or (
        end + 1 < len(toks) and toks[end + 1] == "of" and toks[end].isalpha()) or (
        toks[end] == "of" and tuple(toks[end + 1:end + 2]) in (("them",), ("those",), ("these",))))  # "ten of them"


def packages_counted(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], k: int) -> bool:
    """"size four treble hooks two packs": a number said before a package word ("packs", "boxes") is how many of
    them, though it is a choice of a product named in the sentence too (the hooks' "size 2")."""
    m = mentions[k]
    skus = {t.sku for o in mentions for t in o.exact_products}
    return m.end < len(toks) and toks[m.end] in _PACK_WORDS and any(
        sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options for sku in skus)


def _offered(lex: Lexicon, targets: Sequence[Target], skus: set[str]) -> bool:
    return any(sku in lex.option_skus.get((t.group, t.value), ()) for t in targets for sku in skus)


def count_before_choice(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention]) -> list[Mention]:
    """"two quart mason jars", "the advil one fifty count": a number opening a choice's name ("two quarts", of the
    syrup; "one fifty count", of another product's bottle) that the product said nearest (the next one, else the one
    before) does not offer, where the words after the number name a choice it does ("quart", "fifty count"): the
    number is how many, and those words that choice."""
    out = list(mentions)
    for n, m in enumerate(mentions):
        if not m.options or m.products or m.end - m.start < 2 or not (toks[m.start] == "one" or toks[m.start].isdigit()):
            continue
        if (split := _counted_plural(lex, toks, m)) is not None:
            out[n] = split  # "two fifty gram bags": two bags of the 50 grams, not one of 250
            continue
        near = [o for o in mentions[n + 1:] if o.exact_products][:1] or [o for o in mentions[:n] if o.exact_products][-1:]
        skus = {t.sku for t in near[0].exact_products} if near else set()
        if not skus or _offered(lex, m.options, skus):
            continue
        rest = tuple(t for t in _choices_after_number(lex, toks, m) if _offered(lex, (t,), skus))
        if rest:
            out[n] = Mention(m.start + 1, m.end, rest, m.part)
    return out


def _choices_after_number(lex: Lexicon, toks: Sequence[str], m: Mention) -> tuple[Target, ...]:
    """The choices the words of ``m`` after its opening number name by themselves ("quart" of "2 quart", "50 gram" of
    "2 50 gram")."""
    return tuple(t for t in lex.phrases.get(tuple(toks[m.start + 1:m.end]), ()) if t.kind == "option")


def _counted_plural(lex: Lexicon, toks: Sequence[str], m: Mention) -> Mention | None:
    """A number said before words that name, by themselves, another choice of the same group ("2 50 gram" is "250
    g", and "50 gram" is "50 g"), with a plural after them ("two fifty gram bags") and no "a" before ("a two fifty
    gram bag" is the 250): the number counts the things, the rest is their choice. None otherwise."""
    if m.end >= len(toks) or not toks[m.end].endswith("s") or m.start > 0 and toks[m.start - 1] in ("a", "an") \
            or not toks[m.start + 1].isdigit():
        return None  # (the rest a number too: "2 50 gram", not "4 ounce" of "four ounce sinkers")
    groups = {(t.sku, t.group) for t in m.options}
    rest = tuple(t for t in _choices_after_number(lex, toks, m) if (t.sku, t.group) in groups and t not in m.options)
    return Mention(m.start + 1, m.end, rest, m.part) if rest else None


def _ones_for(toks: Sequence[str], mentions: Sequence[Mention], k: int) -> Mention | None:
    """"three organic bananas and three regular ones": "ones" after a number and choice words stands for the
    product named before, so the number counts it as it would the product said again; that product's mention,
    placed at the "ones" (None when no "ones" comes next or no product was named before)."""
    o = mentions[k].end
    for m in mentions[k + 1:]:
        while o < m.start and toks[o] in _PLAIN_WORDS:
            o += 1  # "three regular ones"
        if m.start != o or m.products:
            break
        o = m.end
    while o < len(toks) and toks[o] in _PLAIN_WORDS:
        o += 1
    before = [m for m in mentions[:k] if m.exact_products]
    if o >= len(toks) or toks[o] != "ones" or not before:
        return None
    return Mention(o, o + 1, before[-1].exact_products)


def pointed(toks: Sequence[str], o: OptionSpec) -> bool:
    """"the 20000 one": a choice said between "the" and "one", which points at a thing made so, not a count."""
    end = o.pos + len(o.said.split())
    return 0 < o.pos and toks[o.pos - 1] == "the" and end < len(toks) and toks[end] in ("one", "ones", "1")


def counted_choices_at(toks: Sequence[str], items: Sequence[ItemSpec], mentions: Sequence[Mention]) -> frozenset[int]:
    """Where a choice read from a count said after its item ("the roses two dozen": the 24 stem bouquet) was said,
    outside every mention: those words are the choice, no count of the line."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    return frozenset(o.pos + j for it in items for o in it.options if 0 <= o.pos < len(toks) and o.pos not in covered
                     and o.said and toks[o.pos].isdigit() for j in range(len(o.said.split())))


def counts_next(lex: Lexicon, toks: Sequence[str], mentions: Sequence[Mention], k: int) -> bool:
    """A number before the product it counts ("six glazed donuts"), with only modifiers between, that no
    product named there offers as a choice: a count, not some other product's numbered choice ("6 inch"). So is
    one the product offers only with a unit ("ten large padded envelopes" for a "10 pack"), unless an article
    comes before it ("a 10 glue stick")."""
    m = mentions[k]
    ones = _ones_for(toks, mentions, k)
    nxt = next((o for o in mentions[k + 1:] if o.exact_products), None) or ones
    if nxt is None:
        return False
    covered = {i for o in mentions[k + 1:] if o.end <= nxt.start for i in range(o.start, o.end)}
    if not all(i in covered or toks[i] in GLUE or nxt is ones and toks[i] in _PLAIN_WORDS
               for i in range(m.end, nxt.start)):
        return False
    if m.end < nxt.start and toks[m.end] in ("a", "an"):
        return False  # "sizes nine and eleven a kids snowboard package": an article opens the next item
    skus = {t.sku for t in nxt.exact_products}
    offered = [(sku, t) for t in m.options for sku in skus if sku in lex.option_skus.get((t.group, t.value), ())]
    return not offered or not (m.start > 0 and toks[m.start - 1] in ("a", "an")) and not any(
        _named_by_number(lex, toks[m.start], sku, t) for sku, t in offered)


def _named_by_number(lex: Lexicon, number: str, sku: str, target: Target) -> bool:
    """"ten large padded envelopes" for envelopes in a "10 pack", "ten big glue sticks" for a "10 g" stick: a
    number is that choice only when said with its unit ("10 pack", "a box of 100", "a 10 g"), or when the catalog
    names the choice by the number alone; else it is how many."""
    product = lex.products.get(sku)
    group = product.group(target.group) if product is not None else None
    value = group.value(target.value) if group is not None else None
    return value is not None and (number,) in {tuple(to_digits(tokens(n))) for n in (value.name, *value.aliases)}
    # (as written: "a three" for the a3 size is no bare "3")


def count_to_offer(lex: Lexicon, toks: Sequence[str], spec: OptionSpec, sku: str) -> bool:
    """"ok three please" to "we have the lavender, would you like one?": a bare number (no article before it)
    is how many, though "3" is short for the lavender's "3 gallon"; a value the catalog names by the number
    alone ("12" for a dozen wings) stays that choice."""
    at = spec.pos
    if not (0 <= at < len(toks) and toks[at].isdigit() and spec.said == toks[at]) \
            or (at > 0 and toks[at - 1] in ("a", "an")):
        return False
    product = lex.products.get(sku)
    if product is None:
        return False
    for t in spec.targets:
        group = product.group(t.group)
        value = group.value(t.value) if group is not None else None
        if value is not None and (toks[at],) in {phrase_of(n) for n in (value.name, *value.aliases)}:
            return False
    return True


def recount_not_choice(lex: Lexicon, toks: Sequence[str], spec: OptionSpec, sku: str) -> bool:
    """"make it three" (or "yes but make it three") of two 10 ft cables: a bare number right after a remaking verb
    and the line's pronoun, with nothing but fillers after it, is the line's new count, though "3" is short for the
    cable's "3 ft"; said with its unit ("make it three foot"), an article ("make it a three") or the choice's group it
    is that choice, and so is a value the catalog names by the number alone."""
    at = spec.pos
    return 2 <= at and toks[at - 2] in _REMAKE and toks[at - 1] in _REFS \
        and all(t in _AFTER_RECOUNT for t in toks[at + 1:]) and count_to_offer(lex, toks, spec, sku)


def count_not_choice(lex: Lexicon, toks: Sequence[str], item: ItemSpec) -> ItemSpec:
    """"just one roll of electrical tape": words that name a choice of other products ("just one" for a
    single pack) but only a count ("just", "only" and a number), said of a product that has no such choice,
    are how many of it; so is a number of pieces said before "of" ("four pieces of salmon nigiri")."""
    if item.quantity is not None or len(item.skus) != 1:
        return item
    for o in item.options:
        said = to_digits(tokens(o.said))
        end = o.pos + len(o.said.split())
        pieces = len(said) == 2 and said[0].isdigit() and said[1] in _COUNTED_PIECES and toks[end:end + 1] == ["of"]
        pieces = pieces or (len(said) == 2 and said[0].isdigit() and int(said[0]) > 1 and said[1] in _PACKAGES
                            and said[1].endswith("s"))  # "make the wood screws two packs": two of the line
        if said and (said[-1] in ("one", *map(str, range(1, 100))) and all(t in ("just", "only") for t in said[:-1])
                     or pieces) and not offers_choice(lex, item.skus[0], o):
            count = 1 if said[-1] == "one" else int(said[0] if pieces else said[-1])
            rest = [x for x in item.options if x is not o]
            return ItemSpec(item.skus, count, rest, item.start, item.end, item.exact)
    return item
