"""A product named by how many choices it holds, given more: "a mixed plate with kalua pig teri beef and mochiko
chicken" where the "two choice mixed plate" (aliased "mixed plate") sits beside a "three choice mixed plate", "a two
topping pizza with pepperoni mushroom and olives" beside a "three topping pizza". The name of the product said holds
one number; when the shopper gives more choices of one of its groups of several than that number, and the catalog
sells the product whose name is the same with the number of choices given, offering that group too, the item is that
product. Fewer choices than the number, or no such product, leave the item as said.

Only choices of the group the name counts are counted: the group named by the word after the number (its name, code
or an alias: "meat" of the "two meat plate" is its meats, "choice" of the mixed plate its mains, aliased "choices").
"a two meat plate brisket and turkey with collards and potato salad and cornbread": three sides said (cornbread is
also a side) are no third meat; the plate stays the two meat plate. A name whose word after the number names no group
of the product counts none.
"""

from __future__ import annotations

from dataclasses import replace

from catalog.models import OptionGroup
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.specs import ItemSpec


def counted_sibling(lex: Lexicon, it: ItemSpec) -> ItemSpec:
    """The item made the product whose name says as many choices as it was given (see the module)."""
    product = lex.products.get(it.skus[0]) if len(it.skus) == 1 else None
    if product is None:
        return it
    name = phrase_of(product.name)
    numbers = [k for k, w in enumerate(name) if w.isdigit()]
    if len(numbers) != 1:
        return it
    at, count = numbers[0], int(name[numbers[0]])
    for group in product.option_groups:
        if not group.multiple or at + 1 >= len(name) or not _names_group(name[at + 1], group):
            continue
        given = {t.value for o in it.options if o.amount != "none" for t in o.targets
                 if t.kind == "option" and t.group == group.code and group.value(t.value) is not None}
        if len(given) <= count:
            continue
        other = (*name[:at], str(len(given)), *name[at + 1:])
        sibling = next((t.sku for t in lex.phrases.get(other, ()) if t.kind == "product" and t.exact
                        and t.sku != product.sku), None)
        found = lex.products.get(sibling) if sibling is not None else None
        if found is not None and found.group(group.code) is not None:
            return replace(it, skus=(found.sku,))
    return it


def _names_group(word: str, group: OptionGroup) -> bool:
    """Whether ``word`` (the word after the number of a product's name) is the name, code or an alias of ``group``,
    one word, singular or plural ("meat" the meats, "choice" a group aliased "choices")."""
    forms = {word, word + "s", word + "es", word[:-1] if word.endswith("s") else word}
    names = [phrase_of(n) for n in (group.name, group.code.replace("_", " "), *group.aliases)]
    return any(len(n) == 1 and n[0] in forms for n in names)
