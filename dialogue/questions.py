"""Which words of a turn ask, and what a question asks: the sentences of a turn read as questions or not ("what
teas, do you serve?"; "do you have an X, please?" asks for it), an order joined onto a question ("how much is a
bagel and I'll have two"), an item only asked about or held until the question is answered, and the intent of a
question (the cart, a price, the choices or kinds of a product, what is in it, stock, a search).
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogue import intents as cue
from dialogue.asking import is_question
from dialogue.intents import Intent
from dialogue.kinds import kind_group
from dialogue.lexicon import Lexicon, phrase_of
from dialogue.matcher import find_mentions, prepare
from dialogue.normalize import clauses, pieces
from dialogue.owners import offers_choice
from dialogue.parse_records import Context, ParseDraft, rule_facts
from dialogue.phrasebook import phrases, rule, words
from dialogue.recounts import bare_quantity
from dialogue.specs import ItemSpec
from dialogue.turn_words import GENERIC_GOODS, LEAD_FILL

_RULE_PRICE_OF_TOPIC = rule("price_of_topic")
_PRICE_LIMIT = phrases("price_limit")
_COMES_IN = phrases("comes_in")
_ADDABLE = phrases("addable")
_KIND_OF = phrases("kind_of")
_ASKING_WORDS = words("asking_words")
_NOT_ABOUT_GOODS = cue.CART + cue.QUESTION_PRICE + cue.SHOP_INFO + cue.STATUS + phrases("not_about_goods")
_ORDER_JOINS = words("order_joins")
_ORDER_UNJOINED = phrases("order_unjoined")
_ORDER_UNDER = words("order_under")
_WANTED_VERBS = words("what_wanted_verbs")
_ASKING_AUX = words("what_wanted_aux")
_SUBJECT_MAX = 3  # "what my little sister wants": who wants it, in a few words
_FEW_ASKED = 8  # products of an item read to see whether a group asked about is theirs
_HELD_OPENERS = words("held_question_openers")
_ADDING_LEADS = words("adding_leads")
_TAKEN_TAIL = words("taken_after_question_tail")
_TAKEN_JOINS = words("taken_after_question_joins")
_MAX_TAKEN = 100


def _order_joined(toks: Sequence[str]) -> int:
    """Where an order request joined onto a question begins ("how much is a bagel and I'll have two", "is the
    french press in stock, I'll take one"): what follows the joining word orders; the length when none."""
    at = cue.order_request(toks)
    if at > 1 and toks[at - 1] in _ORDER_JOINS:
        return at - 1
    return at if at > 1 and _order_unjoined(toks, at) else len(toks)


def _order_unjoined(toks: Sequence[str], at: int) -> bool:
    """"how much are the garlic knots i'll take the twelve piece": a decided first-person request ("i'll take",
    "give me") run on after a question with no joining word starts an order of its own; not one said under
    "if"/"when" ("is it cheaper if I'll take two"), which still asks."""
    return cue.find(toks[at:], _ORDER_UNJOINED) == 0 and toks[at - 1] not in _ORDER_UNDER \
        and not any(t in _ORDER_UNDER for t in toks[max(0, at - 3):at])


def _topic_of_question(toks: Sequence[str], asked: Sequence[bool], item: ItemSpec) -> bool:
    """"(ok) the lentil soup how many bowls can you do", "the hummus, is it vegan": an item said with no count and no
    word of ordering, only lead words and an article before it, right before a question in the same breath: what
    the question is about, not an order."""
    if item.quantity is not None or not item.end < len(toks) or asked[item.start] or not asked[item.end]:
        return False
    before = [t for t in toks[:item.start] if t not in LEAD_FILL]
    return before in ([], ["the"]) and cue.order_request(list(toks[:item.end])) < 0


def what_they_want(ct: Sequence[str]) -> bool:
    """"(my sister sent me) what everybody wants, a small hot chocolate ...", "here's what the kids want": "what",
    who, and a verb of wanting with no asking word between ("what do you want" asks): what is wanted, told, not a
    question."""
    toks = [t for t in ct if t not in LEAD_FILL]
    if toks[:1] != ["what"]:
        return False
    at = next((k for k in range(2, min(len(toks), 2 + _SUBJECT_MAX)) if toks[k] in _WANTED_VERBS), -1)
    return at > 0 and not any(t in _ASKING_AUX for t in toks[1:at])


def sentences(lex: Lexicon, text: str) -> tuple[list[str], list[bool], list[bool], list[list[str]], frozenset[int]]:
    """Tokens of the turn; per token whether it sits in a question and in a question about what there is
    or what something is; the tokens per sentence; where each comma piece or sentence starts."""
    toks: list[str] = []
    asked: list[bool] = []  # per token: does it sit in a question?
    info: list[bool] = []  # per token: does it sit in a question about what there is / what it is?
    parts: list[list[str]] = []
    breaks: set[int] = set()
    for c in clauses(text):
        sentence: list[str] = []
        in_question = in_info = False
        for piece in pieces(c):
            ct = prepare(lex, piece)
            breaks.add(len(toks) + len(sentence))
            wants = cue.order_request(ct) >= 0
            q = is_question(piece) and not what_they_want(ct)
            lead = [t for t in ct[:4] if t not in LEAD_FILL]
            about = (cue.asks_info(ct) or q and bool(lead) and lead[0] in ("what", "which")) \
                and not cue.has(ct, _NOT_ABOUT_GOODS)  # "what's my total", "what time do you close"
            q = q or about or (in_question and not wants)  # "what teas, do you serve?"
            about = about or (in_info and not wants)
            in_question, in_info = q, about
            told = _order_joined(ct) if q else len(ct)
            sentence.extend(ct)
            asked.extend([q] * told + [False] * (len(ct) - told))
            info.extend([about] * told + [False] * (len(ct) - told))
        if any(asked[len(toks):]) and _polite_request(lex, sentence):
            asked[len(toks):] = info[len(toks):] = [False] * len(sentence)  # "do you have an X, please?"
        parts.append(sentence)
        toks.extend(sentence)
    return toks, asked, info, parts, frozenset(breaks - {0})


def _added_then_asked(toks: Sequence[str], asked: Sequence[bool], item: ItemSpec) -> bool:
    """"and twelve wings what sauces do you have for those", "and a rice roll what fillings do you have": an item
    said with a count or an article after a word that adds to the order, and a question about it right after it in
    the same breath: an order that waits for the answer (held), not a question alone."""
    if not item.end < len(toks) or not asked[item.end] or toks[item.end] not in _HELD_OPENERS:
        return False
    before = [t for t in toks[:item.start] if t not in LEAD_FILL or t in _ADDING_LEADS]
    return bool(before) and before[0] in _ADDING_LEADS and (  # ("twelve" may be read as the wings' 12 piece)
        before[1:] == [] and item.quantity is not None or before[1:] in (["a"], ["an"])
        or len(before) == 2 and before[1].isdigit())


def ordering(lex: Lexicon, p: ParseDraft, toks: list[str], asked: list[bool], info: list[bool]) -> None:
    """Is an item named here being ordered (``p.ordering``), or held until a question is answered?"""
    for it in p.items:  # "ok the lentil soup how many bowls can you do": the item the question is about
        if _topic_of_question(toks, asked, it):
            asked[it.start:it.end] = [True] * (it.end - it.start)
    if p.items and _added_then_asked(toks, asked, p.items[0]):
        p.ordering, p.hold = False, True  # "and twelve wings what sauces do you have for those"
        return
    ordered = [it for it in p.items if not asked[min(it.start, len(asked) - 1)]]
    if ordered:  # ("do you have scones? I'll take three" alone: read below, as a question then an order)
        ordered = [it for it in p.items if it in ordered or _taken_after(toks, asked, p.items, it)]
    p.ordering = bool(ordered)
    if ordered and len(ordered) < len(p.items) and cue.order_request([t for t, a in zip(toks, asked, strict=True)
                                                                      if not a]) >= 0:
        p.asked_about = [it for it in p.items if it not in ordered]
        p.items = ordered  # "how much is a muffin, and I'll have a latte": the muffin was only asked about
    if p.items and not ordered:  # "Do you do iced mochas? I'd like that." / "..., and use oat milk please"
        later = [i for i in range(p.items[0].start, len(toks)) if not asked[i]]
        said = [toks[i] for i in later]
        placed_opts = any(o.pos in later for it in p.items for o in it.options)
        p.ordering = cue.order_request(said) >= 0 or (placed_opts and "please" in said)
        if p.ordering:  # "how much is a baguette and i'll have two": asked about, then taken; a price asked is
            p.asked_about = list(p.items)  # said with the order (dialogue/policy.py)
        if p.ordering and len(p.items) == 1 and p.items[0].quantity is None:
            chosen = {k for k, i in enumerate(later) if i in p.option_at}  # "I'll take the 12 piece": a choice
            p.items[0].quantity = bare_quantity(said, frozenset(chosen))  # "do you have croissants? I'll take two"
    if ordered and any(info[ordered[0].start:]):
        # an item named, then a question about what there is: without an order request the item was a
        # topic ("I'm into matcha. What matcha drinks are there?"); with one, a question about the item
        # ("I'd like a latte, but what milks do you have?") is answered first and the item waits for it
        said = [t for t, a in zip(toks, asked, strict=True) if not a]
        if cue.order_request(said) < 0 and "please" not in said:  # "a latte please, ..." asks for it
            p.ordering = False
        elif _about(lex, ordered[0], toks, info):
            p.ordering, p.hold = False, True


def _taken_after(toks: list[str], asked: list[bool], items: Sequence[ItemSpec], item: ItemSpec) -> bool:
    """"do you guys have a squeeze filter i'll take one and a pack of the tablets": the last item asked about, then
    an order request with only a count ("i'll take one", "i'll take two"): that item, ordered with that count (set
    on it); the other items of the turn keep their own reading."""
    if item.start >= len(asked) or not asked[item.start] or any(it.start > item.start and it.start < len(asked)
                                                                and asked[it.start] for it in items):
        return False
    j = next((k for k in range(item.end, len(toks)) if not asked[k]), len(toks))
    nxt = min((it.start for it in items if it.start > item.start), default=len(toks))
    at = cue.order_request(toks[j:nxt])
    if at != 0 or item.quantity is not None and item.quantity != 1:
        return False
    seg = toks[j:nxt]
    size = max((len(ph) for ph in cue.ORDER_REQUEST if tuple(seg[:len(ph)]) == ph), default=0)
    cut = next((k for k in range(size, len(seg)) if seg[k] in _TAKEN_JOINS), len(seg))
    said = [t for t in seg[size:cut] if t not in _TAKEN_TAIL]
    n = 1 if said in (["one"], ["it"], ["that"], ["one", "of", "those"]) else int(said[0]) \
        if len(said) == 1 and said[0].isdigit() and 0 < int(said[0]) < _MAX_TAKEN else None
    if n is None:
        return False
    item.quantity = n
    return True


def _about(lex: Lexicon, item: ItemSpec, toks: list[str], info: list[bool]) -> bool:
    """Does the question after ``item`` ask about it ("what milks", "what kinds", "the latte") rather than
    about other goods ("do you have any pastries")?"""
    asked = [t for t, i in zip(toks[item.end:], info[item.end:], strict=True) if i]
    mine = {w for s in item.skus if s in lex.products
            for w in lex.search_words(lex.products[s])}
    def other_goods(t: str) -> bool:
        if t not in lex.search_index or t in mine or t[:-1] in mine or t in GENERIC_GOODS:
            return False
        return all(target.kind == "product" for target in lex.phrases.get((t,), ()))  # not "milk"

    return not any(other_goods(t) for t in asked)


def _polite_request(lex: Lexicon, toks: list[str]) -> bool:
    """"Do you have X, please?" / "Can you do me an X, please?": a yes-no question naming a product and
    saying please asks for it."""
    lead = [t for t in toks[:4] if t not in LEAD_FILL]
    if "please" not in toks or len(lead) < 2 or lead[0] not in ("do", "can", "could", "would", "will") \
            or lead[1] != "you" or any(t in _ASKING_WORDS for t in toks):
        return False
    return any(m.exact_products for m in find_mentions(lex, toks))


def _focus_made_so(lex: Lexicon, p: ParseDraft, ctx: Context) -> ItemSpec | None:
    """"how much for the 100 watt", "how much is the large" with a product in focus: choices said with no product,
    all of which the product in focus offers, ask about that product made so. None otherwise."""
    sku = ctx.topic or ctx.last_sku
    if sku is None or not p.options or not all(offers_choice(lex, sku, o) for o in p.options):
        return None
    return ItemSpec((sku,), None, list(p.options), min(o.pos for o in p.options), max(o.pos for o in p.options) + 1)


def asks(toks: list[str]) -> bool:
    return cue.has(toks, cue.BROWSE) or cue.has(toks, cue.QUESTION_PRICE)


def question(lex: Lexicon, p: ParseDraft, toks: list[str], ctx: Context) -> Intent | None:
    products = [it for it in p.items]
    if cue.has(toks, cue.CART) and not products:
        price = _RULE_PRICE_OF_TOPIC
        if price.holds(toks, rule_facts(p, ctx), ctx.pending):
            return price.intent  # the product just offered, not the order
        return Intent.CART
    if cue.has(toks, cue.QUESTION_PRICE) and not cue.has(toks, _PRICE_LIMIT):
        if not products and p.ref in (None, "it") and (focus := _focus_made_so(lex, p, ctx)) is not None:
            p.items = [focus]  # "how much for the 100 watt" of the bulb in focus: that bulb made so
            return Intent.PRICE
        return Intent.PRICE if products or p.ref else Intent.SEARCH
    kinds = _kinds_of(lex, p, toks)
    if kinds is not None:  # "what kind of juice do you have": the juice's flavours
        p.groups = [kinds]
        return Intent.OPTIONS
    if cue.has(toks, cue.QUESTION_DESCRIBE) and (products or p.ref == "it"):  # "what's in it"
        return Intent.DESCRIBE
    if p.groups and products and not p.options and not any(it.options for it in products) and any(
            (prod := lex.products.get(sku)) is not None and prod.group(g) is not None
            for it in products for sku in it.skus[:_FEW_ASKED] for g in p.groups):
        return Intent.OPTIONS  # "what grades of synthetic oil do you carry": its grades, not whether it is sold
    if cue.has(toks, cue.QUESTION_STOCK) and (products or p.ref):
        return Intent.STOCK
    if p.groups or (p.options and not products and cue.has(toks, _COMES_IN)):
        return Intent.OPTIONS
    if products and cue.has(toks, _ADDABLE):  # "what can I add to a smoothie": its add-ons
        addable = [g.code for sku in p.items[0].skus if (prod := lex.products.get(sku))
                   for g in prod.option_groups if g.multiple]
        if addable:
            p.groups = list(dict.fromkeys(addable))
            return Intent.OPTIONS
    if p.options and not products:
        return Intent.OPTIONS
    if products and p.items[0].options:
        return Intent.OPTIONS
    if products or cue.has(toks, cue.BROWSE) or p.max_cents is not None or p.min_cents is not None:
        p.search_words = [t for t in toks if t not in cue._FILL and t.isalpha()]
        return Intent.SEARCH
    if cue.has(toks, cue.SHOP_INFO):
        return Intent.SHOP_INFO
    return None


def _kinds_of(lex: Lexicon, p: ParseDraft, toks: Sequence[str]) -> str | None:
    """"What kind of juice do you have", "what kinds of bagels are there": a question about the variety of the
    one product named, answered with the group that says its kind (:func:`dialogue.kinds.kind_group`); "what
    kind of milk does the latte come with": the group named (here by the word that is also its plain value),
    not whether the latte comes with plain milk."""
    if len(p.items) != 1 or len(p.items[0].skus) != 1 or not p.items[0].exact or not cue.has(toks, _KIND_OF) \
            or p.deny:  # "no, I wanted a mocha... what kinds of tea?": a no to the change, then a search
        return None
    product = lex.products.get(p.items[0].skus[0])
    if product is None or any(product.group(c) is not None for c in p.groups):
        return None
    if p.items[0].options:
        named = {t.group for o in p.items[0].options for t in o.targets
                 if (g := product.group(t.group)) is not None and phrase_of(o.said) in (
                     phrase_of(g.name), *(phrase_of(a) for a in g.aliases))}
        return named.pop() if len(named) == 1 else None
    main = kind_group(product)
    return main.code if main is not None else None
