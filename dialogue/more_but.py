"""One more like the line in focus, made otherwise: "same again but on an everything bagel" after a bacon egg and
cheese on a croissant. What follows "same again but" (or "another one but", ...) and names a product too ("an
everything bagel" is also a bagel sold on its own) is a choice of the line's product when that product offers it:
one more sandwich on that bread, not a bagel.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.lexicon import Lexicon, Target
from dialogue.parse_records import Context, ParseDraft
from dialogue.phrasebook import words
from dialogue.specs import OptionSpec

_BUT = words("more_but")
_ARTICLES = frozenset({"a", "an", "the", "some"})


def choices_of_more(lex: Lexicon, p: ParseDraft, toks: Sequence[str], ctx: Context) -> bool:
    """The items said after a cue of one more and a word of otherwise ("same again but ...") made choices of the
    line in focus's product, when each names one it offers; True when so (the turn is then one more of the line)."""
    at = cue.find(toks, cue.MORE)
    sku = ctx.last_sku
    if at < 0 or sku is None or not p.items or not ctx.has_lines or "not" in toks[max(0, at - 10):at]:
        return False
    but = next((k for k in range(at, len(toks)) if toks[k] in _BUT), -1)
    if but < 0 or any(it.start < but for it in p.items):
        return False
    made: list[OptionSpec] = []
    for it in p.items:
        targets = _offered(lex, sku, [t for o in it.options for t in o.targets])
        pos = min((o.pos for o in it.options), default=it.start)
        if not targets:
            said = tuple(t for t in toks[it.start:it.end] if t not in _ARTICLES)
            targets = _offered(lex, sku, list(lex.phrases.get(said, ())))
            pos = it.start
        if not targets:
            return False
        made.append(OptionSpec(targets, pos=pos, said=" ".join(toks[it.start:it.end])))
    p.items = []
    p.options = [*p.options, *made]
    return True


def _offered(lex: Lexicon, sku: str, targets: Sequence[Target]) -> tuple[Target, ...]:
    return tuple(t for t in targets if t.kind == "option" and sku in lex.option_skus.get((t.group, t.value), set()))
