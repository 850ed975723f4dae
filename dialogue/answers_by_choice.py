"""One answer for several items waiting for the same choice, each named by a choice it already has: "two shave ice"
- "one keiki and one large" - "which flavours?" - "the keiki strawberry and the large li hing mui and mango with ice
cream"; "two lattes, one small one large" - "which milk?" - "the small with oat and the large with whole". Each part
of the answer, from "the <choice>" to the next such, goes to the waiting item that has that choice; nothing is
guessed when a part of the answer comes before the first such word or two items share the choice said.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.lexicon import Lexicon
from dialogue.specs import ItemSpec, OptionSpec


def _one_choices(lex: Lexicon, item: ItemSpec) -> dict[str, str]:
    """The item's choices of groups of one choice only, by group (a choice said with several readings left out)."""
    product = lex.products.get(item.skus[0]) if len(item.skus) == 1 else None
    out: dict[str, str] = {}
    for o in item.options:
        codes = {(t.group, t.value) for t in o.targets if t.kind == "option"
                 and product is not None and (g := product.group(t.group)) is not None and not g.multiple}
        if len(codes) == 1 and o.amount != "none":
            group, value = codes.pop()
            out[group] = value
    return out


def answers_by_choice(lex: Lexicon, toks: Sequence[str], item: ItemSpec, rest: Sequence[ItemSpec],
                      specs: Sequence[OptionSpec]) -> list[ItemSpec] | None:
    """The waiting items (``item`` and those of ``rest`` of its product) each with its part of the answer ``specs``,
    followed by the rest; None when the answer is not said so (see the module)."""
    waiting = [item, *(r for r in rest if r.skus == item.skus)]
    if len(waiting) < 2 or len(item.skus) != 1:
        return None
    held = [_one_choices(lex, w) for w in waiting]
    for group in held[0]:
        values = [h.get(group) for h in held]
        if None in values or len(set(values)) != len(values):
            continue
        marks: dict[int, int] = {}  # position of the choice said -> the waiting item that has it
        for o in specs:
            said = {t.value for t in o.targets if t.kind == "option" and t.group == group}
            if len(said) == 1 and 0 < o.pos < len(toks) + 1 and toks[o.pos - 1] == "the":
                marks[o.pos] = values.index(said.pop())
        if len(set(marks.values())) < 2 or len(set(marks.values())) != len(marks):
            continue
        parts: dict[int, list[OptionSpec]] = {}
        for o in sorted(specs, key=lambda s: s.pos):
            if o.pos in marks:
                parts.setdefault(marks[o.pos], [])
                continue
            before = [p for p in marks if p < o.pos]
            if not before:
                return None  # a choice said before the first "the <choice>": whose it is, unknown
            parts.setdefault(marks[max(before)], []).append(o)
        made = [ItemSpec(w.skus, w.quantity, [*w.options, *parts.get(k, [])], w.start, w.end, w.exact)
                for k, w in enumerate(waiting)]
        return [*made, *(r for r in rest if r.skus != item.skus)]
    return None
