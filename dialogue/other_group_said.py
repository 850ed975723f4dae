"""Products named in the answer to a required-choice question that are choices of other groups of the waiting
item: "what meal size for the curry goat?" - "sides mac and cheese and cabbage" chooses the sides (the cabbage is a
side of the meal, not a dish of its own), and the size is still asked; "which sandwich for the combo?" - "fries and
a sweet tea" chooses its side and drink. The waiting item is never dropped for them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from catalog.models import OptionGroup, Product
from dialogue.intents import has
from dialogue.parse_records import Parse
from dialogue.phrasebook import phrases, words
from dialogue.specs import ItemSpec, OptionSpec

ValueNamed = Callable[[Product, OptionGroup, Sequence[str], ItemSpec], OptionSpec | None]

_LEAD_FILL = words("lead_fill")
_ADDING_LEADS = words("adding_leads")
_ALSO = phrases("also")


def _groups(spec: OptionSpec) -> set[str]:
    return {t.group for t in spec.targets if t.group}


def _open_value(product: Product, asked: OptionGroup, chosen: set[str], toks: Sequence[str], item: ItemSpec,
                value_named: ValueNamed) -> tuple[OptionGroup, OptionSpec] | None:
    """The group not chosen yet (nor asked) of which ``item``'s words name a value, and that value."""
    if item.quantity not in (None, 1) or item.options:
        return None
    for group in product.option_groups:
        if group.code != asked.code and group.code not in chosen \
                and (found := value_named(product, group, toks, item)) is not None:
            return group, found
    return None


def other_choice_named(product: Product, asked: OptionGroup, parse: Parse, item: ItemSpec, waiting: ItemSpec,
                       value_named: ValueNamed) -> OptionSpec | None:
    """The choice of ``product`` (waiting for ``asked``) that ``item`` of the answer names, when it is a value of
    another group not chosen yet and the answer makes it that group's: the group said by name ("sides ..."),
    another of its values said with it ("mac and cheese and cabbage" with the mac and cheese heard as the side), or
    every item of the answer such a value ("fries and a sweet tea" to a combo still without side and drink), unless
    the answer opens as more besides ("and a mac and cheese": one more dish). None otherwise."""
    toks = parse.tokens
    chosen = {g for o in waiting.options for g in _groups(o)}
    said = _open_value(product, asked, chosen, toks, item, value_named)
    if said is None:
        return None
    group, found = said
    if group.code in parse.groups or any(group.code in _groups(o) for o in parse.options):
        return found
    lead = next((t for t in toks if t not in _LEAD_FILL or t in _ADDING_LEADS), "")
    if lead in _ADDING_LEADS or has(toks, _ALSO) or parse.options:
        return None
    if all(_open_value(product, asked, chosen, toks, it, value_named) is not None for it in parse.items):
        return found
    return None
