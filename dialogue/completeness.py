"""Is what the shopper said so far a complete turn? For semantic endpointing: the voice layer may end a
turn at a short pause when it is, and waits for the long silence when it is not ("a large latte with ...").

Read-only: nothing in the session changes. Complete means one of:
- a clear yes or no of two words or more to the question the assistant asked (a read-back, an offer, a
  cancellation): a lone "yes" may go on ("yes, please");
- an order whose items are all one known product with every required choice made, not ending on a word that
  leads into more ("with", "and", "a");
- a question that ends on a product, an option or a question word's object (not on "the", "a", "of").
"""

from __future__ import annotations

from dialogue.confirm import Also, Verdict, decide
from dialogue.intents import Intent
from dialogue.parse_records import Parse
from dialogue.resolve import resolve_item
from dialogue.session import Session

_LEADS_ON = frozenset({"with", "and", "a", "an", "the", "of", "some", "plus", "but", "or", "in", "to", "for",
                       "no", "extra", "um", "uh", "like", "can", "could", "i", "would", "me",
                       "is", "are", "make", "it", "my"})
_ANSWERED = frozenset({"checkout", "confirm_change", "offer", "cancel_order", "low_conf"})


def _read(session: Session, text: str) -> Parse:
    """The rules' reading of ``text`` in this state. A model behind the rules (``[llm]``) is never asked here:
    these checks run on every pause and every turn, and must be quick, local and free of side effects."""
    understanding = session.understanding
    rules = getattr(understanding, "rules", None)
    reader = rules if rules is not None and hasattr(rules, "parse") else understanding
    parse: Parse = reader.parse(text, session.state.context())
    return parse


def is_complete(session: Session, text: str) -> bool:
    """True when ``text`` reads as a whole turn in this session's state (see the module docstring)."""
    st = session.state
    parse = _read(session, text)
    toks = parse.tokens
    if not toks or toks[-1] in _LEADS_ON:
        return False
    if st.pending is not None and st.pending.kind in _ANSWERED:
        c = decide(text, toks)
        if c.verdict in (Verdict.AFFIRM, Verdict.DENY) and not c.also & {Also.MORE, Also.HEDGES}:
            # a lone "yes" or "no" often goes on after a breath ("yes, please", "no, make it large"): wait for
            # the long silence; cut short, a one-word turn is also the one Whisper most often drops
            return len(toks) >= 2
    if parse.intent in (Intent.ADD, Intent.MODIFY) and parse.items:
        for spec in parse.items:
            r = resolve_item(session.lexicon, spec)
            if r.product is None or r.missing is not None:
                return False
        return True
    if parse.question:
        return True
    return parse.intent in (Intent.CHECKOUT, Intent.CART, Intent.HUMAN, Intent.GOODBYE, Intent.THANKS,
                            Intent.GREET, Intent.REPEAT, Intent.CLEAR, Intent.REMOVE)


def needs_no_item(session: Session, text: str) -> bool:
    """True when ``text`` reads as a turn that names no product by its nature: a yes or no to the question the
    assistant asked, a question, or a request such as checkout, the cart, a person, goodbye. The voice layer
    decodes a turn again with more of the catalog when the recognizer heard no product and this is False."""
    st = session.state
    parse = _read(session, text)
    if not parse.tokens:
        return True
    if st.pending is not None and st.pending.kind in _ANSWERED:
        if decide(text, parse.tokens).verdict in (Verdict.AFFIRM, Verdict.DENY):
            return True
    if parse.question and not parse.items:
        return True
    return parse.intent in _NO_ITEM


_NO_ITEM = frozenset({Intent.CHECKOUT, Intent.CART, Intent.HUMAN, Intent.GOODBYE, Intent.THANKS, Intent.GREET,
                      Intent.REPEAT, Intent.CLEAR, Intent.AFFIRM, Intent.DENY, Intent.ORDER_STATUS,
                      Intent.CANCEL_ORDER, Intent.ORDER_TYPE, Intent.SHOP_INFO, Intent.HELP})


def names_a_product(session: Session, text: str) -> bool:
    """True when the dialogue reads a known product in ``text`` (by any of its names, loosely or in the plural).
    Read-only. The voice layer tries harder to hear a product only when this is False."""
    parse = _read(session, text)
    return any(resolve_item(session.lexicon, spec).product is not None for spec in parse.items)


def may_name_a_new_product(session: Session, text: str) -> bool:
    """True when ``text`` may be an order for a product the dialogue did not recognise: no question of the
    assistant's is waiting for an answer, and it reads as an order or as nothing understood, not as a change to
    or removal of a line already in the cart ("make it crunchy", "black please", "take two off")."""
    if session.state.pending is not None:
        return False
    parse = _read(session, text)
    if parse.question:
        return False
    ordering = parse.intent in (Intent.ADD, Intent.SEARCH, Intent.OUT_OF_SCOPE, Intent.EMPTY)
    if session.cart.lines and (parse.ref is not None or not ordering):
        return False  # it may be about a line in the cart; with an empty cart there is none to change
    return parse.intent not in _NO_ITEM and not names_a_product(session, text)
