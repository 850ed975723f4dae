"""Replies for the ear: short sentences, prices as people say them, lists of at most three, no markup."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from catalog.cart import Cart
from catalog.models import CartLine, OptionGroup, Product, SelectedOption
from dialogue.amounts import qualifier_words
from dialogue.numbers import say_number, say_price
from dialogue.phrasebook import phrases, words

MAX_LIST = 3
_AFTER_NAME_LEADS = words("after_name_leads")


def say_list(items: Sequence[str], conj: str = "and", more: str = "more", *, limit: int | None = MAX_LIST) -> str:
    """"a, b and c" — at most ``limit`` (three; None: all), then "and N more"."""
    items = [i for i in items if i]
    if not items:
        return ""
    if limit is not None and len(items) > limit:
        head = items[:limit]
        extra = len(items) - limit
        if extra == 1 and more.endswith("s"):
            more = more[:-1]  # "and one more item"
        return f"{', '.join(head)}, {conj} {say_number(extra)} {more}"
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


_IRREGULAR = {p[0]: p[1] for p in phrases("irregular_plurals")}


def plural(name: str, n: int) -> str:
    if n == 1:
        return name
    head, _, last = name.rpartition(" ")
    if last.lower() in _IRREGULAR:  # "two optical mice"
        return f"{head} {_IRREGULAR[last.lower()]}".strip()
    if re.search(r"[^s]s$", name):
        return name  # already plural ("running shoes")
    if re.search(r"(s|x|z|ch|sh)$", name):
        return name + "es"
    if re.search(r"[^aeiou]y$", name):
        return name[:-1] + "ies"
    return name + "s"


def agree(name: str, singular: str, plural_form: str) -> str:
    """The verb for a product name: "the running shoes are", "the hoodie is"."""
    last = name.split()[-1] if name.split() else ""
    return plural_form if re.search(r"[^s]s$", last) else singular


_BEFORE, _WITH, _TAIL = "before", "with", "tail"


def _option_phrase(product: Product | None, opt: SelectedOption) -> tuple[str, str]:
    """How one option sounds, and where it goes: before the name ("large", "iced"), in the "with" list ("with oat
    milk", "with no dressing", a value named "with two batteries") or after the name as said ("on the side")."""
    group = product.group(opt.group) if product else None
    value = group.value(opt.value) if group else None
    name = value.name if value else opt.value
    if opt.amount == "none":
        return f"no {name}", _WITH
    words = opt.qualifier or qualifier_words(opt.amount)
    if words:
        return f"{words} {name}", _WITH
    lead, _, rest = name.partition(" ")
    if rest and lead.lower() in _AFTER_NAME_LEADS:
        if lead.lower() == "with":
            return rest, _WITH
        if lead.lower() in ("no", "without"):
            return f"no {rest}", _WITH
        return name, _TAIL
    if product is not None and group is not None and _said_in_another_group(product, group, name):
        return _with_its_group(group, name), _WITH  # "with mushroom on one half", not "with mushroom"
    before = group is not None and not group.amounts and not group.multiple
    return name, _BEFORE if before else _WITH


def _said_in_another_group(product: Product, group: OptionGroup, name: str) -> bool:
    """A group listed before this one on the product offers a value of the same name (toppings on the whole pie,
    then on one half, then on the other half): said alone, the read-back would sound like the first group's."""
    for g in product.option_groups:
        if g.code == group.code:
            return False
        if any(v.name == name for v in g.values):
            return True
    return False


def _with_its_group(group: OptionGroup, name: str) -> str:
    """The value with its group: "mushroom on one half" (the group "toppings on one half" from its preposition on),
    else "left side: olive"."""
    words = group_name(group).split()
    at = next((i for i, w in enumerate(words) if i and w.lower() in _AFTER_NAME_LEADS), None)
    return f"{name} {' '.join(words[at:])}" if at is not None else f"{group_name(group)} {name}"


def describe_options(product: Product | None, options: Sequence[SelectedOption], skip_defaults: bool = True) -> tuple[str, str]:
    """(words before the name, words after it) for a line's options."""
    placed: dict[str, list[str]] = {_BEFORE: [], _WITH: [], _TAIL: []}
    for opt in options:
        group = product.group(opt.group) if product else None
        if skip_defaults and group is not None and group.default == opt.value and opt.amount == "regular" \
                and not opt.qualifier:
            continue
        words, where = _option_phrase(product, opt)
        placed[where].append(words)
    before, after, tail = placed[_BEFORE], placed[_WITH], placed[_TAIL]
    head = product.name.split()[-1].lower() if product is not None and product.name.split() else ""
    before.sort(key=lambda w: w.split()[-1].lower() == head)  # "large orange juice": the one ending on the noun last
    return " ".join(before), "".join(" " + t for t in tail) + (" with " + say_list(after) if after else "")


def describe_line(line: CartLine, product: Product | None) -> str:
    """"two large iced lattes with oat milk"."""
    pre, post = describe_options(product, line.options)
    base = line.name
    if base.lower().startswith("the ") and len(base.split()) > 1:
        base = base[4:]  # "one scrambled big breakfast", not "one scrambled the big breakfast"
    if pre and len(base.split()) == 1 and pre.split()[-1].lower() == base.lower():
        pre, base = "", pre  # the choice's name ends with the product's: "two apple juices", not "apple juice juices"
    name = plural(base, line.quantity)
    qty = say_number(line.quantity)
    return " ".join(x for x in (qty, pre, name) if x) + post


def describe_cart(cart: Cart, products: Mapping[str, Product]) -> str:
    """Every line of the cart with its options: a read-back never leaves a line out."""
    return say_list([describe_line(line, products.get(line.sku)) for line in cart.lines], limit=None)


def total_sentence(cart: Cart) -> str:
    tax = " with tax" if cart.tax_cents else ""
    return f"That's {say_price(cart.total_cents, cart.currency)}{tax}."


_GENERIC = ("options", "option", "choices", "choice", "types", "type", "kinds", "kind", "selection")


def group_name(group: OptionGroup) -> str:
    """How to say a group's name: "milk-options" -> "milk"."""
    words = re.sub(r"[-_]+", " ", group.name).split()
    while len(words) > 1 and words[-1].lower() in _GENERIC:
        words.pop()
    return " ".join(words)


def group_choices(group: OptionGroup, limit: int = MAX_LIST) -> str:
    names = [v.name for v in group.values]
    if len(names) <= limit:
        return say_list(names, "or")
    return f"{', '.join(names[:limit])}, or another {group_name(group)}"


def sentence(text: str) -> str:
    """Capitalised, ends with punctuation, no markup characters, single spaces."""
    text = re.sub(r"[*_#`<>\[\]{}|]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\b(the) the\b", r"\1", text, flags=re.IGNORECASE)  # a product named "the big breakfast"
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".?!" else text + "."


def join(*parts: str) -> str:
    """The sentences of a reply, each said once (two lines lacking the same choice give one note)."""
    said = [sentence(p) for p in parts if p and p.strip()]
    return " ".join(x for i, x in enumerate(said) if x not in said[:i])


def cart_payload(cart: Cart, pending: bool) -> dict[str, Any]:
    return {
        "lines": [
            {"line_id": line.line_id, "sku": line.sku, "name": line.name, "quantity": line.quantity,
             "unit_price_cents": line.unit_price_cents, "total_cents": line.total_cents,
             "options": [{"group": o.group, "value": o.value, "amount": o.amount, "qualifier": o.qualifier}
                         for o in line.options]}
            for line in cart.lines
        ],
        "subtotal_cents": cart.subtotal_cents,
        "tax_cents": cart.tax_cents,
        "total_cents": cart.total_cents,
        "currency": cart.currency,
        "unconfirmed": pending,
    }


def product_payload(p: Product) -> dict[str, Any]:
    return {"sku": p.sku, "name": p.name, "price_cents": p.price_cents, "category": p.category}
