"""The choice group that says what kind of a product it is — the danish's flavour, the bagel's bagel, the juice's
fruit — asked for by "what danishes do you have" or "what kind of juice is there" and answered with its values.

One rule for every question of the kind: the product's first required single choice; else the first single choice
named like a kind (flavour, type, filling: ``kind_groups`` in words.toml) or by the product's own head noun (a
bagel's "bagel"); else the first single choice with no default. A group of one value says no kind. None when no
group says one.
"""

from __future__ import annotations

from catalog.models import OptionGroup, Product
from dialogue.lexicon import phrase_of
from dialogue.phrasebook import words

_KIND_GROUPS = words("kind_groups")


def kind_group(product: Product) -> OptionGroup | None:
    """The group of ``product`` that says its kind, by the rule above; None when none does."""
    single = [g for g in product.option_groups if not g.multiple and len(g.values) > 1]
    if not single:
        return None
    head = phrase_of(product.name)[-1:]

    def named_like_a_kind(group: OptionGroup) -> bool:
        said = {w for n in (group.name, *group.aliases) for w in phrase_of(n)}
        return bool(_KIND_GROUPS & said) or phrase_of(group.name)[-1:] == head

    return next((g for g in single if g.required), None) or next((g for g in single if named_like_a_kind(g)), None) \
        or next((g for g in single if not g.default), None)
