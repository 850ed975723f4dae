"""A choice said once before two products joined by "and": "dinosaur plates and napkins", where the napkins cannot be
had without a design either. The second product, said bare, takes the same choice for what it must have chosen,
rather than being asked for it again.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.attach import needed
from dialogue.lexicon import Lexicon
from dialogue.specs import ItemSpec, OptionSpec


def _fills(lex: Lexicon, sku: str, spec: OptionSpec) -> OptionSpec | None:
    """``spec`` narrowed to the values of a needed group of ``sku`` (None when it names none)."""
    targets = tuple(t for t in spec.targets if sku in lex.option_skus.get((t.group, t.value), ())
                    and needed(lex, sku, t.group))
    return OptionSpec(targets, spec.amount, spec.qualifier, spec.pos, spec.said, spec.part) if targets else None


def shared_before_and(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """For each item said right after "and" with no count, article or choice of its own, whose one product must
    have a choice made that the choices said before the item just before it (and only "and" between the two)
    make: those choices, on it too. The items as they were otherwise."""
    for first, second in zip(items, items[1:], strict=False):
        if len(second.skus) != 1 or second.options or second.quantity is not None \
                or list(toks[first.end:second.start]) != ["and"]:
            continue
        before = [o for o in first.options if 0 <= o.pos < first.start]
        if not before or first.start > 0 and toks[first.start - 1] not in {t for o in before for t in o.said.split()}:
            continue  # ("dinosaur plates": the choices said right before the first product)
        shared = [f for o in before if (f := _fills(lex, second.skus[0], o)) is not None]
        if shared:
            second.options = [*second.options, *shared]
    return items
