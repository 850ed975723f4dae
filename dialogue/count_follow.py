"""A count said on its own right after a line was ordered is how many of that line the shopper wants, not a new
line: "can I get poppadoms with that" - "three please"; "some trash bags" - "thirty gallon" - "two boxes please";
"i need some sausage" - "sweet italian" - "six links"; "a four pack of led bulbs" - "and I'll take two packs".

The turn is a count (two or more), at most one word after it and nothing else besides openers ("ok", "um"), a
lead that asks for it ("I'll take", "can I get") and closers ("please", "then"). The word after the count may be:

- none ("three please"), or a word of the line's own product names ("six links" to the sausage sold as links);
- a package word ("boxes", "packs") when the line's product is itself sold in packages (a word of packs in its
  names or in the names of its choices: "trash bags", "aa batteries 8 pack", the bulbs' "4 pack"): then the
  word counts those packages, even where it also names some product of its own (the shop's "storage box"). A
  package word to a product not so sold ("a baguette" - "two rolls") names what it names.

Said after "and", only a package word the line's own names or choices hold is read so ("and I'll take two
packs" of the bulbs' 4 pack): "a latte" - "and two lattes" is more lattes, and "and three please" is no recount.
The line must be the one the conversation is on (the product talked about last), with no question of another
kind open (an offer of a product listed is answered by ordering it: "how much is a baguette" - "three please").
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.lexicon import Lexicon, phrase_of
from dialogue.parse_records import Context
from dialogue.pending import PendingKind
from dialogue.phrasebook import phrases, words

_OPEN = words("focus_count_open")
_CLOSE = words("focus_count_close")
_LEADS = phrases("focus_count_leads")
_PACK_WORDS = words("pack_words")
_PACKAGES = words("packages") | _PACK_WORDS
_ANSWERED = (None, PendingKind.CONFIRM_CHANGE, PendingKind.CHECKOUT)
_MAX = 100


def _forms(word: str) -> set[str]:
    """The word and its singular ("boxes" -> "box", "links" -> "link")."""
    out = {word, word.removesuffix("s")}
    if word.endswith(("xes", "ches", "shes")):
        out.add(word.removesuffix("es"))
    return out


def _body(toks: Sequence[str]) -> tuple[list[str], bool]:
    """The turn without openers, leads and closers, and whether it was joined on with "and"."""
    body = list(toks)
    joined = False
    changed = True
    while body and changed:
        changed = False
        if body[0] in _OPEN or body[0] == "and":
            joined = joined or body[0] == "and"
            body, changed = body[1:], True
            continue
        for ph in _LEADS:
            if tuple(body[:len(ph)]) == ph:
                body, changed = body[len(ph):], True
                break
    while body and body[-1] in _CLOSE:
        body = body[:-1]
    return body, joined


def _names(lex: Lexicon, sku: str) -> set[str]:
    product = lex.products.get(sku)
    if product is None:
        return set()
    return {w for text in (product.name, *product.aliases) for w in phrase_of(text)}


def _choice_words(lex: Lexicon, sku: str, chosen: Sequence[tuple[str, str]]) -> set[str]:
    product = lex.products.get(sku)
    if product is None:
        return set()
    out: set[str] = set()
    for group in product.option_groups:
        for value in group.values:
            if (group.code, value.code) in chosen:
                out.update(phrase_of(value.name))
    return out


def count_for_focus(lex: Lexicon, toks: Sequence[str], ctx: Context) -> int | None:
    """The count the turn sets on the line in focus, as the module says; None when the turn is anything else."""
    sku = ctx.last_sku
    if not ctx.has_lines or sku is None or ctx.topic != sku or ctx.pending not in _ANSWERED:
        return None
    body, joined = _body(toks)
    if not body or not body[0].isdigit() or not 2 <= int(body[0]) < _MAX or len(body) > 2:
        return None
    count = int(body[0])
    if len(body) == 1:
        return None if joined else count
    forms = _forms(body[1])
    names = _names(lex, sku)
    chosen = _choice_words(lex, sku, ctx.focus_options)
    if forms & _PACKAGES and forms & (names | chosen):
        return count  # "and i'll take two packs" of the bulbs' 4 pack
    if joined:
        return None
    if forms & names:
        return count  # "six links" to the sausage sold as links
    if forms & _PACKAGES and (names | chosen) & _PACK_WORDS:
        return count  # "two boxes" of trash bags (not "two rolls" to the baguette called a "french stick")
    return None
