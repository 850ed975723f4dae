"""A counter shopper's redo of a line just ordered, read into the turn's parse after its intent is decided (the
words are found by the modules named; this puts what they mean into the parse the policy reads):

- "actually the other size on the tub": the line's other choice of that group, or its choices listed when it has
  more than one other (dialogue/other_choice.py);
- "double that": the line in focus twice as many; "double the fries": that line twice as many (dialogue/multiples.py);
- "no scratch that just the one", "ok just the one poster then": the line's count (dialogue/counts_again.py);
- "one more of everything": every line that many more (dialogue/multiples.py; done by dialogue/again.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dialogue import intents as cue
from dialogue.counts_again import count_again
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon
from dialogue.multiples import doubled, doubled_named, more_of_everything
from dialogue.other_choice import other_choice
from dialogue.specs import ItemSpec

if TYPE_CHECKING:
    from dialogue.parse_records import Context, ParseDraft


def _asks_only(p: ParseDraft, toks: Sequence[str]) -> bool:
    """A question that asks for nothing ("what other sizes are there"); "can I get the other size" asks for it."""
    return p.question and cue.order_request(toks) < 0


def _other_choice(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    other = other_choice(lex, toks, p.items, p.options, line_skus=ctx.line_skus, line_options=ctx.line_options,
                         focus_sku=ctx.last_sku, focus_options=ctx.focus_options)
    if other is None:
        return False
    item = other.item or ItemSpec((other.sku,), None, [], 0, 0, True)
    if other.spec is None:  # more than one other: which?
        p.intent, p.items, p.options, p.groups, p.ref = Intent.OPTIONS, [item], [], [other.group], None
        return True
    p.intent, p.quantity, p.replace, p.replaces = Intent.MODIFY, None, False, None
    if other.item is not None:
        p.items, p.options, p.ref = [ItemSpec(item.skus, None, [other.spec], item.start, item.end, True)], [], None
    else:
        p.items, p.options, p.ref = [], [other.spec], "it"
    return True


def read(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> None:
    """The turn's parse made the redo it says, if it says one (else left as it is)."""
    if not ctx.has_lines or _asks_only(p, toks):
        return
    if _other_choice(lex, p, toks, ctx):
        return
    if ctx.focus_quantity and doubled(toks, p.items, p.options):
        p.intent, p.items, p.options, p.ref = Intent.MODIFY, [], [], "it"  # "actually double that"
        p.quantity, p.replace, p.replaces = 2 * ctx.focus_quantity, False, None
        return
    named = doubled_named(toks, p.items, p.options, ctx.line_skus) if not p.question else None
    if named is not None:  # "double the fries we're sharing": that line twice as many
        n = 2 * ctx.line_units[list(ctx.line_skus).index(named.skus[0])]
        p.intent, p.options, p.quantity, p.replace, p.replaces, p.portion = Intent.MODIFY, [], n, False, None, None
        p.items, p.ref = [ItemSpec(named.skus, n, [], named.start, named.end, True)], None
        return
    recounted = count_again(lex, toks, p.items, ctx.line_skus, ctx.last_sku) \
        if ctx.pending in (None, "confirm_change", "checkout") and not p.question else None
    if recounted is not None:  # "no scratch that just the one", "ok just the one poster then": the line's count
        n, sku, by_item = recounted
        p.intent, p.options, p.quantity, p.replace, p.replaces, p.portion = Intent.MODIFY, [], n, False, None, None
        p.items = [ItemSpec((sku,), n, [], by_item.start, by_item.end, True)] if by_item is not None else []
        p.ref = None if by_item is not None else "it"
        return
    n_each = more_of_everything(toks, p.items)
    if n_each is not None:  # "one more of everything": every line that many more (dialogue/again.py)
        p.intent, p.items, p.options, p.ref = Intent.ADD, [], [], "all"
        p.quantity, p.replace, p.replaces = n_each, False, None
