"""Choices compared in a question while a choice is asked ("what type for the test strips?" - "what's the
difference between the four way and the seven way"): a question that names two or more choices of the group asked
picks none of them. The answer is each one's price, and the question is put again; nothing is added."""

from __future__ import annotations

from collections.abc import Sequence

from catalog.cart import resolve_options, unit_price
from catalog.errors import CatalogError
from catalog.models import OptionGroup, Product, SelectedOption
from dialogue.numbers import say_price
from dialogue.parse_records import Parse
from dialogue.replies import say_list
from dialogue.specs import OptionSpec


def values_compared(product: Product, group: OptionGroup, specs: Sequence[OptionSpec], parse: Parse) -> list[str]:
    """The codes of the choices of ``group`` a question names, in the order said, when it names two or more of them
    ("is the four way or the seven way better?"); none otherwise (a question about one choice, or no question)."""
    if not parse.question:
        return []
    said = [t.value for s in specs for t in s.targets
            if t.group == group.code and t.value is not None and group.value(t.value) is not None]
    said = list(dict.fromkeys(said))
    return said if len(said) >= 2 else []


def compare_reply(product: Product, group: OptionGroup, codes: Sequence[str]) -> str:
    """"For the test strips, the 4 way is ten ninety nine and the 7 way sixteen ninety nine." Each choice with its
    price, the other choices of the product as they come."""
    priced: list[tuple[str, str]] = []
    for code in codes:
        value = group.value(code)
        if value is None:
            continue
        try:
            cents = unit_price(product, resolve_options(product, [SelectedOption(group.code, code)]))[0]
        except CatalogError:
            continue
        priced.append((value.name, say_price(cents, product.currency)))
    if not priced:
        return f"For the {product.name}, each comes at its own price"
    first, *rest = priced
    said = [f"the {first[0]} is {first[1]}", *(f"the {name} {cost}" for name, cost in rest)]
    return f"For the {product.name}, {say_list(said)}"
