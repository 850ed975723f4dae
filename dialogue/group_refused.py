"""A choice refused by its group's name: "a hot sausage po'boy twelve inch with no dressing", where the po'boy's
"dressing" group (dressed by default) holds a value that says none of it ("plain", also called "not dressed").
"no <group>" after an item whose product has that single-choice group is that value, not a question about the group.
"""

from __future__ import annotations

from collections.abc import Sequence

from catalog.models import OptionGroup
from dialogue.lexicon import Lexicon, Target, phrase_of
from dialogue.matcher import Mention
from dialogue.phrasebook import words
from dialogue.specs import ItemSpec, OptionSpec

_REFUSING = words("group_refusing")  # "no", "without": said right before the group's name
_NEGATING = words("value_negating")  # "not", "no": a value's name that negates the group's ("not dressed")
_NONE_NAMES = words("none_value_names")  # "plain", "none": a value that is the group's nothing


def none_value(group: OptionGroup) -> str | None:
    """The one value of a single-choice group that says none of it: named (or aliased) as the group's name or its
    default value's name negated ("not dressed", "no dressing", "undressed"), or by a word for nothing ("plain");
    None when no value or more than one does."""
    if group.multiple:
        return None
    default = group.value(group.default) if group.default else None
    stems = {phrase_of(n) for n in (group.name, *group.aliases, *((default.name, *default.aliases) if default else ()))}
    stems.discard(())
    hits = set()
    for v in group.values:
        if v.code == group.default:
            continue
        for name in (v.name, *v.aliases):
            ph = phrase_of(name)
            if ph and (ph[0] in _NEGATING and ph[1:] in stems
                       or len(ph) == 1 and ph[0].startswith("un") and (ph[0][2:],) in stems
                       or len(ph) == 1 and ph[0] in _NONE_NAMES):
                hits.add(v.code)
    return next(iter(hits)) if len(hits) == 1 else None


def refused_by_group(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec],
                     mentions: Sequence[Mention]) -> tuple[list[ItemSpec], set[str]]:
    """Each group named alone right after "no" / "without", after an item whose one product has it with a value
    that says none of it: that value on the item. The items, and the codes of the groups so taken."""
    taken: set[str] = set()
    for m in mentions:
        if m.products or m.options or not m.groups or m.start < 1 or toks[m.start - 1] not in _REFUSING:
            continue
        before = [it for it in items if it.end <= m.start and len(it.skus) == 1]
        product = lex.products.get(before[-1].skus[0]) if before else None
        if product is None:
            continue
        for t in m.groups:
            group = product.group(t.group)
            code = none_value(group) if group is not None else None
            if group is None or code is None or any(x.group == group.code for o in before[-1].options for x in o.targets):
                continue
            said = " ".join(toks[m.start - 1:m.end])
            before[-1].options.append(OptionSpec((Target("option", group=group.code, value=code),), pos=m.start - 1,
                                                 said=said))
            taken.add(group.code)
            break
    return items, taken
