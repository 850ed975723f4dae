"""One value of a choice of several swapped for another: "a gift bag instead of wrapping" to a toy gift wrapped
with a card, "oat milk in place of the almond" to a drink with two add-ins. What is said after "instead of" is a
value of the same several-choice group the line holds: that value goes, the new one comes, the rest stay (the
card is kept); without this, the new value was added and the one set last (the card) taken back as a correction.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.lexicon import Lexicon, Target
from dialogue.parse_records import Context, ParseDraft
from dialogue.phrasebook import phrases, words
from dialogue.specs import OptionSpec

_INSTEAD_OF = phrases("instead_of")
_DEFINITE_LINE = words("definite_line")
_ARTICLES = frozenset({"a", "an", "some"})


def value_swapped(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """A change whose new choices are of a several-choice group and which says "instead of" a value of that group
    some cart line holds: that value goes (added to ``p.selector``, what the change swaps out)."""
    at = cue.find(toks, _INSTEAD_OF)
    if at < 0 or not p.options or not ctx.line_options:
        return
    k = at + next(len(ph) for ph in _INSTEAD_OF if tuple(toks[at:at + len(ph)]) == ph)
    while k < len(toks) and (toks[k] in _DEFINITE_LINE or toks[k] in _ARTICLES):
        k += 1
    new_groups = {t.group for o in p.options if o.pos < at for t in o.targets if _several(lex, t)}
    held = {pair for opts in ctx.line_options for pair in opts}
    taken = {(t.group, t.value) for o in p.selector for t in o.targets}
    for size in range(min(lex.max_len, len(toks) - k), 0, -1):
        said = tuple(toks[k:k + size])
        gone = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option" and t.group in new_groups
                     and (t.group, t.value) in held and (t.group, t.value) not in taken)
        if gone:
            p.selector = [*p.selector, OptionSpec(gone, pos=k, said=" ".join(said))]
            p.options = [o for o in p.options if o.pos < k or o.pos >= k + size]
            return


def _several(lex: Lexicon, t: Target) -> bool:
    """The target is a value of a group that holds several values at once on some product."""
    if t.kind != "option":
        return False
    for sku in lex.option_skus.get((t.group, t.value), ()):
        product = lex.products.get(sku)
        group = product.group(t.group) if product is not None else None
        if group is not None and group.multiple:
            return True
    return False

