"""Whether a sentence asks rather than orders ("what milks do you have", "is it in stock?", "got any cod left").

The words that open, lead into or rule out a question are data (``dialogue/data/words.toml``, the tables named
below); what is code is how they are read: skip what opens any sentence, read past a lead-in ("quick question,
..."), rule out a polite request ("I was wondering if I could get a mocha"), then look at how what is left begins.
"""

from __future__ import annotations

from dialogue.normalize import FILLERS, tokens
from dialogue.phrasebook import Phrases, phrases, words

# Words that open a sentence and say nothing of whether it asks ("so", "yeah", "wait"); fillers too, but "you" and
# "thank" begin what they begin ("you got any ...").
_SKIPPED = (FILLERS - {"you", "thank"}) | words("question_skipped")
_ASKING_AHEAD = phrases("asking_ahead")  # "quick question, does the boba milk have tea in it": what follows is asked
_POLITE_REQUESTS = tuple(" ".join(p) for p in phrases("polite_requests"))  # anywhere in the sentence
_LEAD_INS = phrases("question_lead_ins")  # "I wonder what ...", "can you tell me which ..."
_LEAD_IN_ASKS = words("question_lead_in_asks")  # what follows a lead-in when it asks
_GREETINGS = phrases("greetings_asking_nothing")  # "what's up, I'd like a mocha"
_SMALL_TALK = phrases("small_talk_asking_nothing")  # "how are you"
_PROPOSALS = phrases("proposal_openers")  # "how about a latte"
_ASKS_AGAIN = words("question_asks_again")  # a question begun after "how about X"
_OF_OWN = words("question_of_own")  # "what I ordered"
_QUESTION_WORDS = words("question_words")
_PRICE_NOUNS = words("price_nouns")
_PRICE_OF = words("price_of")
_AUX = words("asking_aux")
_AUX_SUBJECTS = words("asking_aux_subjects")
_ASKS_HAVING = phrases("asks_having")  # "have you got any plaice left", "got any cod"
_ASKS_TO_BE_TOLD = phrases("asks_to_be_told")  # "can you tell me ...", "tell me about ..."
_ORDER_VERBS = words("order_verbs_late")
_GO_AHEAD_OBJECTS = words("go_ahead_objects")
_GO_AHEAD_TAILS = words("go_ahead_tails")
_MADE_AS = words("made_as")  # "do the yellowtail as sashimi"
_ASKED_OF = words("asked_of")  # "do the wings come with ranch"


def _opens(toks: list[str], table: Phrases, more: int = -1) -> tuple[str, ...] | None:
    """The first phrase of ``table`` the tokens begin with and go on after by more than ``more`` tokens, if any."""
    return next((p for p in table if tuple(toks[:len(p)]) == p and len(toks) > len(p) + more), None)


def is_question(text: str) -> bool:
    """A sentence that asks rather than orders ("what milks do you have", "is it in stock?")."""
    toks = tokens(text)
    while toks and toks[0] in _SKIPPED:
        toks = toks[1:]
    lead = _opens(toks, _ASKING_AHEAD, more=1)
    if lead:
        toks = toks[len(lead):]
    joined = " ".join(toks)
    if any(p in joined for p in _POLITE_REQUESTS):
        return False  # a polite request ("I was wondering if I could get a mocha"), not a question
    for lead in _LEAD_INS:
        if tuple(toks[:len(lead)]) == lead and len(toks) > len(lead) and toks[len(lead)] in _LEAD_IN_ASKS:
            return True
    if not toks:
        return False
    greeting = _opens(toks, _GREETINGS, more=2)
    if greeting:
        toks = toks[len(greeting):]  # "what's up, I'd like a mocha": the greeting asks nothing
    if _opens(toks, _SMALL_TALK):
        return False
    proposal = _opens(toks, _PROPOSALS)
    if proposal:  # "how about a latte" proposes an order; "how about the celery juice, how many are left?" asks of it
        return any(toks[j] in _ASKS_AGAIN and is_question(" ".join(toks[j:]))
                   for j in range(len(proposal) + 1, len(toks) - 1))
    first, second = toks[0], toks[1] if len(toks) > 1 else None
    if first in _QUESTION_WORDS:
        return not (first == "what" and second in _OF_OWN)  # "what I ordered" says, it does not ask
    if first in _PRICE_NOUNS and second in _PRICE_OF:
        return True  # "price of a cortado?"
    if first in _AUX and second in _AUX_SUBJECTS and not _made_as_asked(toks):
        return True
    if _opens(toks, _ASKS_HAVING):
        return True  # "have you got any plaice left", "got any cod": asked, no order
    return bool(_opens(toks, _ASKS_TO_BE_TOLD)) and not any(t in _ORDER_VERBS for t in toks[3:5])


def _made_as_asked(toks: list[str]) -> bool:
    """"Do the yellowtail as sashimi", "do the carnitas ones on flour": "do the <thing>" and then how it is to be made
    (a word of ``made_as`` before any verb a question about it would have: "do the wings come with ranch") is a
    request, not a question; so is "ok do that", "sure do it then" (a go-ahead)."""
    if toks[:1] == ["do"] and len(toks) <= 3 and toks[1:2] and toks[1] in _GO_AHEAD_OBJECTS \
            and (len(toks) == 2 or toks[2] in _GO_AHEAD_TAILS):
        return True
    if toks[:2] != ["do", "the"]:
        return False
    for t in toks[2:]:
        if t in _ASKED_OF:
            return False
        if t in _MADE_AS:
            return True
    return False
