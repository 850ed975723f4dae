"""Which item a choice said in a sentence belongs to ("a pumpernickel with lox spread": the bagel's), and the
predicates on choices the other item readers share: what an item offers, what a product cannot be made without, the
product named inside a choice's words.
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue.amounts import qualifier_before
from dialogue.corrections import SWAP, swap_frame
from dialogue.intents import find
from dialogue.item_words import (
    BASE_PREPS,
    LIST_ARTICLES,
    PACKAGE_DETERMINERS,
    PACKAGES,
    PURPOSE_LEADS,
    WITH,
    WITH_LIST,
    glue_only,
)
from dialogue.lexicon import Lexicon
from dialogue.matcher import Mention
from dialogue.phrasebook import phrases, words
from dialogue.specs import ItemSpec, OptionSpec

_ONTO_IT = phrases("onto_it")
_SWAP_VERBS = words("swap_verbs")
_FOR_IT = phrases("for_what_was_said")
_SIZE_WORDS = words("big") | words("small") | words("biggest") | words("smallest")


def needed(lex: Lexicon, sku: str, group: str) -> bool:
    """A choice ``sku`` cannot be made without: one value, required, no default (a meal's drink). Said with the
    item's "with" list, "and a lemonade" is that choice though counted and the name of a product too."""
    product = lex.products.get(sku)
    g = product.group(group) if product is not None else None
    return g is not None and g.required and g.default is None and not g.multiple


def offered_here(lex: Lexicon, mentions: Sequence[Mention], m: Mention) -> bool:
    """Some other product named in the sentence offers a choice ``m`` names."""
    skus = {t.sku for o in mentions if o is not m and not o.options for t in o.exact_products}
    return any(sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options for sku in skus)


def for_what(toks: Sequence[str], at: int, before: Sequence[ItemSpec]) -> bool:
    """"a zipper for a dress", "a separating zipper for a jacket": a choice said right after "for a" (or "for the",
    "for my") past an item says what that item is for: a choice of it when it offers that choice, else nothing
    unless one item of the sentence offers it ("a screen protector and installation for an iphone 15": the screen
    protector's model); never an item of its own (not in a swap: "swap the toast for a biscuit")."""
    return bool(before) and any(tuple(toks[max(0, at - len(p)):at]) == p for p in PURPOSE_LEADS) \
        and find(toks, SWAP) < 0 and swap_frame(toks) is None


def bought_for(toks: Sequence[str], at: int, before: Sequence[Mention]) -> bool:
    """"ten bags of concrete for fence posts", "glue for the pine boards": a product named right after "for" (bare,
    or "for the", "for my") past an item of the sentence says what that item is for, not an item of its own (not
    in a swap: "swap the fries for onion rings")."""
    here = {t.sku for m in before if m.start == at for t in m.products}
    return any(m.products and m.end <= at for m in before) and at > 0 \
        and (toks[at - 1] == "for" or any(tuple(toks[max(0, at - len(p)):at]) == p for p in PURPOSE_LEADS)) \
        and find(toks, SWAP) < 0 and swap_frame(toks) is None \
        and not any(t in _SWAP_VERBS for t in toks[:at]) \
        and not any(here & {t.sku for t in m.products} for m in before if m.end <= at)
    # (not "swap the stromboli for a calzone", nor "boots for hiking": a kind of the boots named, the hiking boot)


def kind_said_for(toks: Sequence[str], m: Mention, before: Sequence[Mention]) -> bool:
    """"socks for hiking", "a bag for sleeping": a word of a product's name said right after "for" and the product
    it names ("hiking" of the merino hiking socks, and of the hiking poles) says which kind of that product, no
    item of its own: it may name every product the words right before "for" named."""
    if m.options or not m.products or m.start < 2 or toks[m.start - 1] != "for":
        return False
    own = {t.sku for t in m.products}
    return any(o.end == m.start - 1 and o.products and not o.options and {t.sku for t in o.products} <= own
               for o in before)


def option_spec(toks: Sequence[str], m: Mention, floor: int) -> OptionSpec:
    if m.end < len(toks) and toks[m.end] == "free":
        return OptionSpec(m.options, "none", "", m.start)  # "make it sugar free"
    end = m.start - 1 if m.start - 1 >= floor and toks[m.start - 1] == "added" else m.start  # "no added sugar"
    q = qualifier_before(toks, end, floor)
    said = " ".join(toks[m.start:m.end])
    if m.part:  # "half glazed": the kind, its share said with it
        return OptionSpec(m.options, pos=m.start, said=said, part=True)
    if q is None and end - 1 >= floor and toks[end - 1] in _SIZE_WORDS:  # "the big bag": the word kept aside,
        return OptionSpec(m.options, pos=m.start, said=said, size_word=toks[end - 1])  # for a size group so named
    if q is None:
        return OptionSpec(m.options, pos=m.start, said=said)
    return OptionSpec(m.options, q.amount, q.words, m.start, said)


def before_its_owner(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], loose: list[OptionSpec],
                      covered: set[int]) -> list[OptionSpec]:
    """"two pounds of roma tomatoes": a choice said before "of" and an item named only by a choice of its own
    (made after the choice was read) is that item's choice when its product offers it, as before a product named
    ("two pounds of tomatoes"). The loose choices left."""
    out: list[OptionSpec] = []
    for o in loose:
        end = o.pos + max(1, len(o.said.split()))
        nxt = next((it for it in items if it.start >= end), None)
        if nxt is not None and toks[end:end + 1] == ["of"] and glue_only(toks, end, nxt.start, covered) and any(
                sku in lex.option_skus.get((t.group, t.value), ()) for t in o.targets for sku in nxt.skus):
            nxt.options.insert(0, o)
        else:
            out.append(o)
    return out


def named_for_it(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], loose: list[OptionSpec]) -> list[OptionSpec]:
    """"i'm heading up to eagle peak ... i need the map for it": an item said with "for it" ("for that") right after
    it takes the loose choice said before it that it offers, when no other item of the sentence offers it and it has
    no choice of that group yet. The loose choices left."""
    out: list[OptionSpec] = []
    for o in loose:
        owners = [it for it in items if any(sku in lex.option_skus.get((t.group, t.value), ())
                                             for t in o.targets for sku in it.skus)]
        it = owners[0] if len(owners) == 1 else None
        if it is None or o.pos >= it.start or tuple(toks[it.end:it.end + 2]) not in _FOR_IT \
                or {t.group for t in o.targets} & {t.group for c in it.options for t in c.targets}:
            out.append(o)
            continue
        it.options.insert(0, o)
    return out


def choice_of_the_one_before(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec]) -> list[ItemSpec]:
    """"A kids meal with fish bites and peas and a water", "a bento with brown rice and a cucumber roll in it": a
    product named alone (no count, no choice) that the item before offers as a choice of a group not chosen yet is
    that item's choice, not a line of its own, when it goes on in the list of that item's choices after "with" or
    is said with "in it" / "with it" right after it. "A burger with cheese and a coke": the burger has no drink."""
    out: list[ItemSpec] = []
    for it in items:
        before = out[-1] if out else None
        choice = _choice_of(lex, toks, before, it) if before is not None else None
        if before is not None and choice is not None:
            before.options.append(choice)
            continue
        out.append(it)
    return out


def _choice_of(lex: Lexicon, toks: Sequence[str], before: ItemSpec, it: ItemSpec) -> OptionSpec | None:
    product = lex.products.get(before.skus[0]) if len(before.skus) == 1 else None
    if product is None or it.quantity is not None or it.start < before.end \
            or any(not it.start <= o.pos < it.end for o in it.options):
        return None  # (a choice read in its own name, "turkey sausage" of a side of sausage, is no choice said with it)
    said = tuple(toks[it.start:it.end])
    chosen = {t.group for o in before.options for t in o.targets}
    targets = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option" and t.group not in chosen
                    and (g := product.group(t.group)) is not None and g.value(t.value) is not None)
    if not targets:
        return None
    after = [o for o in before.options if o.pos >= before.end]
    last = max((o.pos + max(len(o.said.split()), 1) for o in after), default=-1)
    listed = bool(after) and any(t in WITH for t in toks[before.end:min(o.pos for o in after)]) \
        and 0 <= last <= it.start and all(t in ("and", *LIST_ARTICLES) for t in toks[last:it.start]) \
        and "and" in toks[last:it.start]
    run_on = bool(after) and min(o.pos for o in after) == before.end and last == it.start \
        and all((g := product.group(t.group)) is not None and g.required for t in targets)
    # ("the country breakfast over easy sausage links sourdough toast": its choices said one after another right
    # after it, one of them a needed choice that names a side too)
    if not listed and not run_on and not any(tuple(toks[it.end:it.end + len(ph)]) == ph for ph in _ONTO_IT):
        return None
    return OptionSpec(targets, pos=it.start, said=" ".join(said))


def choice_listed_for_topic(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], options: list[OptionSpec],
                            topic: str | None) -> tuple[list[ItemSpec], list[OptionSpec]]:
    """"How much is the steak and eggs?" - "i'll do that with scrambled eggs and wheat toast": a product named alone
    (no count, no choice but those of its own name) that goes on the list of choices said with "with" and no
    product, for the product talked about (``topic``, not in the cart), is that product's choice of a group not
    chosen yet (the plate's toast), not a side of toast of its own."""
    product = lex.products.get(topic or "")
    if product is None or not options:
        return items, options
    out, free = [], list(options)
    for it in items:
        said = tuple(toks[it.start:it.end])
        chosen = {t.group for o in free for t in o.targets}
        targets = tuple(t for t in lex.phrases.get(said, ()) if t.kind == "option" and t.group not in chosen
                        and (g := product.group(t.group)) is not None and g.value(t.value) is not None)
        before = [o for o in free if o.pos < it.start]
        last = max((o.pos + max(len(o.said.split()), 1) for o in before), default=-1)
        if targets and it.quantity is None and product.sku not in it.skus and before and last <= it.start \
                and all(it.start <= o.pos < it.end for o in it.options) \
                and any(t in WITH for t in toks[:min(o.pos for o in before)]) \
                and all(t in ("and", *LIST_ARTICLES) for t in toks[last:it.start]) and "and" in toks[last:it.start]:
            free.append(OptionSpec(targets, pos=it.start, said=" ".join(said)))
            continue
        out.append(it)
    return out, free


def own_choice(lex: Lexicon, toks: Sequence[str], m: Mention, skus: Sequence[str]) -> list[OptionSpec]:
    """"a crowler of the hazy" where "crowler" names the growler fill and its size: a product named by a word that
    is also a value of one of its own one-choice groups is made with that value; so too with a choice of a group of
    several said inside the words of its name ("a portion of cheesy chips")."""
    product = lex.products.get(skus[0]) if len(skus) == 1 else None
    if product is None:
        return []
    own = tuple(t for t in m.options if (g := product.group(t.group)) is not None and not g.multiple
                and g.value(t.value) is not None)
    if not own and m.end - m.start > 1 and not any(  # "a portion of cheesy chips": a choice of many said inside
            t.kind == "product" and t.sku == product.sku  # its name (not "two cheese quesadillas", a name of its own)
            for t in lex.phrases.get(tuple(toks[m.start:m.end]), ())):
        own = tuple(t for t in m.options if (g := product.group(t.group)) is not None and g.value(t.value) is not None)
    return [OptionSpec(own, pos=m.start, said=" ".join(toks[m.start:m.end]))] if len(own) == 1 else []


def with_earlier(lex: Lexicon, toks: Sequence[str], items: Sequence[ItemSpec], m: Mention) -> bool:
    """"a pumpernickel with lox spread", "egg and cheese on an egg bagel": a choice said right after "with" or a
    base preposition goes on the item before it when that item offers it, though its words name a product. So
    too further on in the list that "with" opens ("a denver omelette with egg whites and rye toast": the rye
    toast is the omelette's, though "toast" names a side), past the item's own choices, list words and articles."""
    before = [it for it in items if it.end <= m.start]
    if not before:
        return False
    j = m.start - 1 if m.start > 0 and toks[m.start - 1] in ("a", "an", "the") else m.start
    said_with = toks[m.start] in WITH or (j > 0 and (toks[j - 1] in WITH or toks[j - 1] in BASE_PREPS))
    if not said_with:
        k = m.start - 1
        chosen = {i for o in before[-1].options for i in range(o.pos, o.pos + max(1, len(o.said.split())))}
        while k >= before[-1].end and (k in chosen or toks[k] in WITH_LIST or toks[k] in LIST_ARTICLES):
            k -= 1  # "with egg whites and rye toast", "with a lamb jalfrezi and garlic naan": past its choices, "and"
        said_with = k >= before[-1].end and k < m.start - 1 and toks[k] in WITH
    return said_with and offers(lex, before[-1], m)


def offers(lex: Lexicon, item: ItemSpec, m: Mention) -> bool:
    return any(sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options for sku in item.skus)


def ones_of_package(lex: Lexicon, toks: Sequence[str], items: list[ItemSpec], covered: set[int]) -> None:
    """"six bags of red mulch, the big ones": "ones" stands for the package counted ("bags"), so the choice is the
    one the product names "big bag", though "big" alone is another product's size."""
    for it in items:
        k = it.start - 1
        while k > 0 and (k in covered or toks[k] in PACKAGE_DETERMINERS) and toks[k] != "of":
            k -= 1
        if not (k > 0 and toks[k] == "of" and toks[k - 1] in PACKAGES) or len(it.skus) != 1:
            continue
        package = toks[k - 1]
        for n, spec in enumerate(it.options):
            if not spec.said or spec.pos <= it.start:
                continue
            end = spec.pos + len(spec.said.split())
            if end >= len(toks) or toks[end] not in ("one", "ones"):
                continue
            forms = {package, package[:-1] if package.endswith("s") else package + "s"}
            targets = tuple(t for w in sorted(forms) for t in lex.phrases.get((*spec.said.split(), w), ())
                            if t.kind == "option" and it.skus[0] in lex.option_skus.get((t.group, t.value), ()))
            if targets:
                it.options[n] = OptionSpec(targets, spec.amount, spec.qualifier, spec.pos, f"{spec.said} {package}")


def named_owner(lex: Lexicon, toks: Sequence[str], m: Mention) -> str | None:
    """The one product offering this choice whose own name is said inside the choice's words ("raspberry
    danish" is a flavour of the danish, though macarons come in raspberry too), else None."""
    said = tuple(toks[m.start:m.end])
    if len(said) < 2:
        return None
    named = {t.sku for a in range(len(said)) for b in range(a + 1, len(said) + 1) if (a, b) != (0, len(said))
             for t in lex.phrases.get(said[a:b], ()) if t.kind == "product" and t.exact}
    named = {sku for sku in named if any(sku in lex.option_skus.get((t.group, t.value), ()) for t in m.options)}
    return next(iter(named)) if len(named) == 1 else None  # membership only: never lists a value's products

