"""A question asked while an item waits for a required choice: "what fit for the paper filters?" - "are the chemex
ones more expensive", "what's in the ginger shot", "what's the difference in price between the fourteen two and the
twelve two". The question is answered, and nothing is chosen by the words it asks about: the item still waits for
its choice, and the question is put again (the shopper then says "ok the chemex ones then").

Not a question said as an answer ("what milk?" - "can i get oat", "do you have oat?"): those are orders or stock
checks, read as answers by the handler of the pending question.
"""

from __future__ import annotations

from dialogue.intents import Intent
from dialogue.parse_records import Parse

_ASIDE_INTENTS = frozenset({Intent.SEARCH, Intent.DESCRIBE, Intent.PRICE})


def asked_aside(parse: Parse) -> bool:
    """The turn only asks (a search, a description or a price asked, as a question), ordering nothing: it answers
    no choice waiting."""
    return parse.intent in _ASIDE_INTENTS and parse.question and not parse.ordering and not parse.hold


def choice_asked_of(parse: Parse) -> bool:
    """"Do you have them in stainless", "does it come in black": a choice asked about (whether it is offered), not
    said as one to take."""
    return parse.question and parse.intent in (Intent.OPTIONS, Intent.STOCK) and not parse.ordering
