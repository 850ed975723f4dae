"""Choices said with no product that order one: the one product offering them all, or of a kind no line is ("coke
large" to a cart of garlic knots), one more line measured anew ("so one gallon of white in flat"), one item per phrase
opened again ("a scoop of mango sorbet and a scoop of raspberry sorbet"), and no product for a choice word that
modifies a noun the shop does not sell ("i'm getting school supplies").
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.amounts import qualifier_before
from dialogue.kinds import kind_group
from dialogue.lexicon import Lexicon
from dialogue.owners import offers_choice, value_owner
from dialogue.parse_records import Context, ParseDraft
from dialogue.phrasebook import words
from dialogue.specs import OptionSpec
from dialogue.turn_words import MAKE_IT, SEPARATORS
from dialogue.words import COMMON

# Words after a choice that are no noun it modifies: a list going on ("marinara plus a coke zero") or the rest said
# as it comes ("a two thirty regular").
_NO_NOUN = words("list_joins") | words("plain_part") | words("as_it_comes")


def of_a_noun_not_sold(lex: Lexicon, toks: Sequence[str], options: Sequence[OptionSpec]) -> bool:
    """"i'm getting school supplies": a choice word said right before a noun that names nothing the shop sells (nor an
    everyday word) modifies that noun; it names no product of the shop that comes that way ("school" scissors). A
    word that is itself part of another choice said ("tylenol rapid release gels", "brown rice spicy tuna"), or the
    amount words opening one ("spicy tuna extra avocado"), is no such noun: choices said one after another, with no
    product, still make the item they name. Nor is a word joining a list ("in marinara plus a coke zero") or one
    saying the rest is as it comes ("a two thirty regular")."""
    said = {k for o in options if 0 <= o.pos for k in range(o.pos, o.pos + max(len(o.said.split()), 1))}
    opened = {q.start for o in options if 0 <= o.pos and (q := qualifier_before(toks, o.pos)) is not None}
    for o in options:
        end = o.pos + max(len(o.said.split()), 1)
        if 0 <= o.pos and end < len(toks) and toks[end].isalpha() and len(toks[end]) > 3 \
                and end not in said and end not in opened \
                and toks[end] not in COMMON and toks[end] not in _NO_NOUN and not lex.phrases.get((toks[end],)) \
                and not lex.phrases.get((toks[end].removesuffix("s"),)):
            return True
    return False


def opened_again(toks: Sequence[str], options: Sequence[OptionSpec]) -> list[tuple[int, int]]:
    """Choices said with no product, in phrases each opened by the same words, an article or a count and a noun
    ("a scoop of mango sorbet and a scoop of raspberry sorbet", "a bowl of X with Y and a bowl of Z"): one item per
    phrase, each with the choices said in it, not one item with them all. (start, end) of each phrase; empty when
    the opening words are not said again after "and" or a separator, or a phrase holds no choice."""
    if not options:
        return []
    first = min(o.pos for o in options)
    a = next((k for k in range(first - 1, max(-1, first - 4), -1)
              if toks[k] in ("a", "an", "one") or toks[k].isdigit()), -1)
    opener = tuple(toks[a:first]) if a >= 0 else ()
    if len(opener) < 2:
        return []
    starts = [a, *(b for b in range(first + 1, len(toks) - len(opener) + 1)
                   if tuple(toks[b:b + len(opener)]) == opener and (toks[b - 1] == "and" or toks[b - 1] in SEPARATORS))]
    bounds = [*starts, len(toks)]
    spans = list(zip(bounds, bounds[1:], strict=False))
    if len(spans) < 2 or not all(any(x <= o.pos < y for o in options) for x, y in spans) \
            or any(o.pos < a for o in options):
        return []
    return spans


def values_apart(lex: Lexicon, toks: Sequence[str], owner: str, options: Sequence[OptionSpec]) -> list[tuple[int, int]]:
    """Choices said with no product, two of them values of one one-choice group of ``owner`` joined by "and" ("a
    set of dive rings and the torpedoes", "a vanilla and a chocolate"): one item per value, each with the choices
    said in its phrase, not one item with the last value. (start, end) of each phrase; empty when no group's value
    is said twice."""
    product = lex.products.get(owner)
    if product is None or len(options) < 2:
        return []
    starts, prev_end = [0], 0
    groups: set[str] = set()
    for o in sorted(options, key=lambda o: o.pos):
        mine = {t.group for t in o.targets if (g := product.group(t.group)) is not None and not g.multiple
                and g.value(t.value) is not None}
        joins = [k for k in range(prev_end, o.pos) if toks[k] == "and" or toks[k] in SEPARATORS]
        if mine & groups and joins and o.pos > 0:
            starts.append(joins[-1] + 1)
            groups = set()
        groups |= mine
        prev_end = o.pos + max(len(o.said.split()), 1)
    if len(starts) < 2:
        return []
    bounds = [*starts, len(toks)]
    spans = []
    for a, b in zip(bounds, bounds[1:], strict=False):  # each phrase from its count, if one is said ("i want two
        first = min(o.pos for o in options if a <= o.pos < b)  # dive rings": the 2)
        spans.append((next((k for k in range(a, first) if toks[k].isdigit()), a), b))
    return spans


def measured_anew(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> str | None:
    """"so one gallon of white in flat", "and two quarts of the blue" with lines in the cart and no product named:
    a count and a unit said as the head of a noun phrase ("<count> <unit> of <choice>") order one more line of
    the cart's product that offers every choice said (the one in focus first), not a change of a line; None when
    the turn says a change ("make it one gallon of white"), asks, or no line's product offers them all."""
    if not ctx.has_lines or not p.options or p.question or p.items or p.ref in ("all", "more") \
            or cue.has(toks, MAKE_IT) or cue.has(toks, cue.MODIFY):
        return None
    head = min(p.options, key=lambda o: o.pos)
    said = head.said.split()
    end = head.pos + len(said)
    counted = len(said) == 2 and (said[0] == "one" or said[0].isdigit()) \
        or len(said) == 1 and head.pos >= 1 and toks[head.pos - 1].isdigit()
    if not counted or toks[end:end + 1] != ["of"] or len(p.options) < 2:
        return None
    for sku in dict.fromkeys(s for s in (ctx.last_sku, *reversed(ctx.line_skus)) if s):
        if all(offers_choice(lex, sku, o) for o in p.options):
            return sku
    return None


def kind_of_no_line(lex: Lexicon, p: ParseDraft, ctx: Context, owner: str) -> bool:
    """"coke large" to a cart of garlic knots: choices no line of the cart offers, one of them the kind of
    ``owner`` (a product not in the cart), name that product as one more item, not a change of a line."""
    product = lex.products.get(owner)
    kind = kind_group(product) if product is not None and owner not in ctx.line_skus else None
    return kind is not None and any(t.group == kind.code for o in p.options for t in o.targets) \
        and not any(offers_choice(lex, sku, o) for sku in dict.fromkeys(ctx.line_skus) for o in p.options)


def sole_owner(lex: Lexicon, options: list[OptionSpec]) -> str | None:
    """The one product that offers every option said (of several, the one they complete), if there is one."""
    return value_owner(lex, options) if options else None
