"""A count said again of a line named by a choice it holds: "two gyoza" - "twelve pieces" - "i meant one order of the
twelve" (or "... of the twelve piece", "just one of the 12 piece"): that line's new count, not one more line. The
choice may be said by its words or, after "the", by the bare number its name opens with ("the twelve": the
"12 pieces" the line holds). Read only with a word that says the count again ("i meant", "just", "only"), one count
before "of the", and one line holding the choice. The choice selects that line and the count is that line's own, not
the product's in all ("only two of the iced ones" to three iced lattes and a hot one: two iced, the hot one kept); a
count the line has already ("just one of the ube ones" to one ube and one black sesame) is no recount: "just" keeps
that line alone (dialogue/removals.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.parse_records import Context, ParseDraft
from dialogue.phrasebook import phrases, words
from dialogue.specs import ItemSpec, OptionSpec
from dialogue.turn_words import MORE_WORDS

_AGAIN = phrases("count_said_again")
_ADDING = words("adding_leads")
_SERVINGS = words("servings")  # "one order of the twelve"
_ONES = ("one", "ones")


def _count(word: str) -> int | None:
    if word in ("one", "a"):
        return 1
    return int(word) if word.isdigit() and 0 < int(word) < 100 else None


def _lines_holding(lex: Lexicon, said: tuple[str, ...], ctx: Context) -> list[tuple[int, tuple[str, str]]]:
    """The cart lines holding a choice said as ``said`` (its words, or a number its name opens with), each with
    that choice."""
    targets = {(t.group, t.value) for t in lex.phrases.get(said, ()) if t.kind == "option"}
    out = []
    for k, (sku, held) in enumerate(zip(ctx.line_skus, ctx.line_options, strict=False)):
        product = lex.products.get(sku)
        if product is None:
            continue
        hit = next((c for c in held if c in targets), None)
        if hit is None and len(said) == 1 and said[0].isdigit():
            hit = next((c for c in held if (g := product.group(c[0])) is not None and (v := g.value(c[1])) is not None
                        and len(name := phrase_of(v.name)) > 1 and name[0] == said[0]), None)  # "the twelve": the
            # "12 pieces" the line holds
        if hit is not None:
            out.append((k, hit))
    return out


def recounted_by_choice(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """When the turn says a line's count again, naming it by a choice it holds, make it that line's count (the
    parse holds that line's item, counted) and say so; False, with nothing changed, otherwise."""
    if not ctx.has_lines or p.question or not cue.has(toks, _AGAIN):
        return False
    at = next((i for i in range(len(toks) - 2) if toks[i] == "of" and toks[i + 1] == "the"), None)
    if at is None or at == 0 or any(t in _ADDING or t in MORE_WORDS for t in toks[:at]):
        return False  # "and just one of the spicy ones", "one more of the twelve": more, not the count again
    k = at - 1
    while k > 0 and toks[k] in _SERVINGS:
        k -= 1  # "one order of the", "two boxes of the"
    count = _count(toks[k])
    if count is None or any(_count(t) is not None for t in toks[:k] if t != "a"):
        return False
    end = len(toks)
    while end > at + 2 and toks[end - 1] in _ONES:
        end -= 1
    said = tuple(toks[at + 2:end])
    if not said or any(set(it.skus) & set(ctx.line_skus) and it.start >= at + 2 and _product_said(lex, toks, it)
                       for it in p.items):
        return False  # "i meant one order of the gyoza": the product said (read as ever)
    lines = _lines_holding(lex, said, ctx)
    if len(lines) != 1:
        return False
    k, (group, value) = lines[0]
    if k < len(ctx.line_units) and ctx.line_units[k] == count:
        return False  # "just one of the ube ones" to one ube and one black sesame: its own count, no recount (that
        # line kept alone, dialogue/removals.py)
    chosen = OptionSpec((Target("option", group=group, value=value),), pos=at + 2, said=" ".join(said))
    # that line, by its choice: the choice selects the line, the count is its own (not the product's in all: "only
    # two of the iced ones" to three iced lattes and a hot one keeps the hot one)
    p.items, p.selector = [], [chosen]
    p.options, p.quantity, p.ref, p.portion = [], count, None, None  # (a count of one is said too: the line's
    # new count; "one of the" is no unit of the line)
    p.intent = Intent.MODIFY
    return True


def _product_said(lex: Lexicon, toks: Sequence[str], it: ItemSpec) -> bool:
    return any(t.kind == "product" for a in range(it.start, it.end) for b in range(a + 1, it.end + 1)
               for t in lex.phrases.get(tuple(toks[a:b]), ()))
