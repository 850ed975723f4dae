"""Intent cues: which kind of turn this is, from phrases over normalised tokens.

Catalog mentions (products, options) are found by :mod:`dialogue.matcher`; this module knows the words
people use around them: greetings, yes and no in their many forms, "check out", "what's in my cart",
"to go", "talk to a person", and so on. :mod:`dialogue.understanding` combines both into one intent.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence


class Intent(enum.StrEnum):
    EMPTY = "empty"
    GREET = "greet"
    SEARCH = "search"
    PRICE = "price"
    STOCK = "stock"
    OPTIONS = "options"  # "what milks do you have", "does it come in blue"
    DESCRIBE = "describe"  # "what is in a cortado"
    ADD = "add"
    MODIFY = "modify"
    REMOVE = "remove"
    CART = "cart"
    CLEAR = "clear"
    CHECKOUT = "checkout"
    AFFIRM = "affirm"
    DENY = "deny"
    ORDER_STATUS = "order_status"
    CANCEL_ORDER = "cancel_order"
    ORDER_TYPE = "order_type"
    SHOP_INFO = "shop_info"
    HELP = "help"
    REPEAT = "repeat"
    HUMAN = "human"
    GOODBYE = "goodbye"
    THANKS = "thanks"
    OUT_OF_SCOPE = "out_of_scope"


def _p(*phrases: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in phrases)


AFFIRM = _p("yes", "yeah", "yea", "ya", "yep", "yup", "yes please", "sure", "correct", "right", "perfect",
            "affirmative", "absolutely", "definitely", "exactly", "indeed", "of course", "go ahead", "looks good",
            "look good", "sounds good", "sound good", "looks great", "looks fine", "all good", "good to go",
            "that is it", "that is right", "that is correct", "that is good", "that is fine", "it is", "it does",
            "they are", "they do", "you got it", "do it", "place it", "send it", "please do", "alright",
            "all right", "ok", "okay", "fine", "great", "good", "excellent", "awesome", "confirm", "confirmed",
            "spot on", "accurate", "that works", "works for me", "uh huh", "mhm", "yessir", "certainly",
            "you have got it", "got it", "what i ordered", "what i wanted", "what i asked for", "what i want",
            "that is my order", "is my order", "all set", "all clear", "no issues", "no issue", "looks right", "seems right", "will work",
            "nailed it", "yes it is", "it is right", "it is correct", "looking good", "looking fine",
            "everything is there", "everything looks", "all there", "looks perfect", "beautiful",
            "thanks for confirming", "you did", "wonderful", "fantastic", "exactly right", "bingo", "agreed",
            "that is the one", "that will do", "go for it", "i confirm", "please proceed", "proceed", "in order",
            "checks out", "sounds right", "sounds perfect", "looks about right")
DENY = _p("no", "nope", "nah", "not", "incorrect", "wrong", "negative", "do not", "not right", "not correct",
          "cancel that", "never mind", "nevermind", "hold on", "wait", "not yet", "not quite", "not really")
_NOT_DENY_AFTER_NO = frozenset({"problem", "problems", "worries", "worry", "rush", "hurry", "doubt"})
GREET = _p("hi", "hello", "hey", "hiya", "howdy", "good morning", "good afternoon", "good evening",
           "greetings", "yo", "hi there", "hello there", "hey there", "how are you", "how are you doing")
THANKS = _p("thanks", "thank you", "thanks a lot", "thank you very much", "thanks so much", "cheers", "much appreciated",
            "appreciate it", "great thanks", "ok thanks", "okay thanks", "thank you so much", "awesome thanks")
GOODBYE = _p("bye", "goodbye", "good bye", "bye bye", "see you", "see ya", "have a nice day", "have a good day",
             "talk to you later", "farewell", "i am leaving", "that will be all thanks bye")
HELP = _p("help", "what can i say", "what can you do", "how does this work", "how do i order",
          "what do i say", "help me", "i need help", "how does it work", "instructions")
REPEAT = _p("repeat", "say that again", "say again", "come again", "pardon", "what did you say",
            "i did not catch that", "i did not hear", "one more time", "sorry what", "excuse me")
HUMAN = _p("person", "human", "real person", "someone", "somebody", "staff", "employee", "manager",
           "agent", "representative", "operator", "cashier", "barista", "attendant", "live person")
_HUMAN_VERBS = _p("speak to", "speak with", "talk to", "talk with", "get me", "connect me", "transfer me",
                  "put me through", "i want a", "i need a", "can i get a", "let me speak", "i would like to speak")
CHECKOUT = _p("check out", "checkout", "that is all", "that is it", "that will be all", "that will be it",
              "i am done", "i am finished", "we are done", "done ordering", "finished ordering", "place the order",
              "place my order", "place order", "place it", "submit", "submit my order", "complete my order",
              "complete the order", "finish my order", "finish the order", "ready to pay", "pay now",
              "i will pay", "nothing else", "nothing more", "no more", "that is everything", "ring me up",
              "ring it up", "send the order", "send it", "finalize", "confirm my order", "confirm the order")
CART = _p("my cart", "the cart", "my basket", "my order", "what do i have", "what have i got",
          "what did i order", "read back", "read it back", "read my order", "repeat my order", "my total",
          "the total", "order so far", "what is in my", "how much do i owe", "how much is it all",
          "how much altogether", "what i have", "what have i ordered", "review my order", "so far", "do i owe",
          "what is my total", "how much is that", "how much is it", "what is the damage")
CLEAR = _p("clear the cart", "clear my cart", "empty the cart", "empty my cart", "clear it all", "clear everything",
           "start over", "start again", "remove everything", "delete everything", "cancel everything",
           "scratch everything", "forget everything", "forget it all", "remove all", "reset")
WANT_TO_ORDER = _p("i would like to order", "i want to order", "can i order", "ready to order", "can i place an order",
                   "i would like to place an order", "i want to place an order", "i need to order", "let me order",
                   "i would like to get something", "can i get something", "i want to get something")
REMOVE = _p("remove", "take off", "never mind the", "nevermind the", "forget the", "forget about the", "take away", "take out", "delete", "drop", "get rid of", "do not want",
            "no longer want", "cancel the", "cancel that", "minus", "without the", "lose the", "not the",
            "do not need", "skip the", "scratch the")
SHOP_INFO = _p("open", "opening", "hours", "close", "closing", "closed", "address", "located", "location",
               "directions", "return", "returns", "refund", "refunds", "exchange", "wifi", "parking",
               "phone number", "where are you")
STATUS = _p("status", "where is my order", "where is order", "where is the order", "order status", "status of", "is my order ready", "is it ready", "track", "tracking",
            "order number", "how long", "when will", "ready yet", "check my order", "check on my order")
CANCEL_ORDER = _p("cancel my order", "cancel order", "cancel the order", "cancel this order", "cancel it")
MODIFY = _p("make it", "make that", "make them", "make those", "make this", "change", "switch", "instead",
            "rather", "swap", "to be", "be a", "have it", "have that", "get it", "get that", "i want it",
            "would like it", "like that", "can it be", "could it be", "update", "replace", "want that",
            "want it", "in a", "with it", "that in", "it in", "it with", "that with", "turn it", "to my", "to the",
            "to it", "to that", "on it", "on that", "in it")
ADD_VERBS = _p("add", "get", "have", "take", "want", "need", "like", "order", "buy", "give me", "i will do",
               "let me get", "can i", "could i", "may i", "i would", "i am going to", "gonna", "put", "bring",
               "grab", "make me", "one", "i will take", "i will have", "go with", "try", "include", "throw in")
TAKE_IT = _p("add it", "add that", "add one", "add those", "add them", "i will take it", "i will take one",
             "i will take that", "i will take those", "i will have it", "i will have one", "i will have that",
             "get it", "get one", "get that", "buy it", "buy one", "take it", "take one", "one of those",
             "of those", "of them", "of these", "i want it", "i want one", "i would like one", "i would like it",
             "sounds good i will", "put it in", "in my cart", "to my cart", "to the cart")
MORE = _p("another", "one more", "same again", "the same again", "another one", "one more of those",
          "same thing again", "another of", "more of", "the same thing", "same one", "same as before",
          "the same in", "the same but", "same but", "the same with", "one more in", "one more with")
TOGO = _p("to go", "togo", "take away", "takeaway", "take out", "takeout", "to take away", "carry out",
          "carryout", "for the road", "take it with me", "take with me", "take it away", "to go order",
          "grab and go", "on the go", "get it to go", "pick up", "pickup")
HERE = _p("for here", "here order", "a here order", "eat in", "dine in", "drink it here", "have it here",
          "stay here", "to stay", "for there", "eat here", "drink here", "staying in", "sit in")
DELIVERY = _p("delivery", "deliver", "delivered")
CORRECTION = _p("no", "sorry", "i mean", "i meant", "actually", "rather", "or rather", "make that",
                "scratch that", "wait", "no wait", "instead", "oops", "correction", "change that to")
QUESTION_PRICE = _p("how much", "price", "prices", "cost", "costs", "what does", "how expensive", "pricing")
QUESTION_STOCK = _p("in stock", "available", "availability", "have any left", "sold out", "out of stock",
                    "any left", "do you carry", "do you sell", "do you stock")
QUESTION_DESCRIBE = _p("what is in", "what is a", "what is an", "what is the", "what goes in",
                       "what comes in", "made with", "made of", "ingredients", "tell me about", "describe",
                       "what kind of drink is", "how is", "what are the ingredients")
BROWSE = _p("what kind", "what kinds", "what type", "what types", "what sort", "which", "what do you have",
            "what have you got", "do you have", "do you guys have", "show me", "looking for", "menu",
            "options", "choices", "selection", "offer", "recommend", "suggest", "what else", "varieties",
            "what can i get", "what can i order", "anything", "any", "sell", "serve", "carry")

# A sentence that asks for information about what there is ("what kinds of tea do you have", "what is in a
# cortado"), wherever in the sentence the asking starts.
INFO_ASK = _p("what kind", "what kinds", "what type", "what types", "what sort", "what sorts", "which kind",
              "which kinds", "which type", "which types", "kinds of", "types of", "sorts of", "the kind of",
              "the type of", "varieties", "variety of", "what do you have", "what have you got", "what do you got",
              "do you have", "do you guys have", "do you all have", "do you serve", "do you offer", "do you carry",
              "do you sell", "do you make", "do you stock", "you have available", "you guys have", "are available",
              "what is in", "what goes in",
              "what comes in", "what are the ingredients", "ingredients", "information on", "information about",
              "walk me through", "tell me about", "wondering if", "wondering what", "wondering which",
              "wonder if", "wonder what", "curious what", "curious about", "your options", "the options",
              "my options", "your choices", "the choices", "my choices", "what else", "what are your",
              "what is your", "what drinks", "what teas", "what coffees", "which drinks", "what flavors",
              "what flavours", "what choices", "what options", "choices do i have", "options do i have", "tell me what",
              "i am wondering", "i was wondering", "i wonder", "just wondering", "i am curious", "i was curious",
              "just curious")
# Words that make a request an order ("I'd like", "can I get"), not a question.
ORDER_REQUEST = _p("i would like", "i would love", "i want", "i will have", "i will take", "i will get",
                   "i will do", "i will go with", "i will try", "i am going to have", "i am going to get",
                   "i am going to go with", "i need", "i would take", "i would have", "i will order",
                   "i would order", "i would prefer", "i prefer", "i am in the mood for", "i think i will",
                   "can i get", "can i have", "can i order", "can i try", "can i grab", "could i get",
                   "could i have", "could i order", "could i try", "could i grab", "may i get", "may i have",
                   "may i order", "let me get", "let me have", "let me try", "give me", "get me", "grab me",
                   "make me", "bring me", "can you make me", "could you make me", "can i please get",
                   "can i please have", "could i please get", "could i please have", "may i please have",
                   "i would like to order", "i want to order", "i could get", "i could have", "i can get", "i can have",
                   "i could order", "i can order", "add")
_NOT_AN_ORDER_AFTER = frozenset({"know", "ask", "see", "hear", "find", "learn", "check", "understand", "look",
                                 "information", "info", "details", "list", "rundown", "idea", "hand", "minute",
                                 "second", "moment", "advice", "recommendation", "suggestion", "suggestions",
                                 "overview", "sense", "menu", "help"})
# Requests no shop can serve ("can you play some music"): never an order, whatever product word they hold.
OFF_TOPIC = _p("play", "playing", "music", "song", "songs", "sing", "movie", "movies", "film", "weather",
               "joke", "jokes", "trivia", "news", "game", "score", "president", "election", "homework")


def has(toks: Sequence[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return find(toks, phrases) >= 0


def find(toks: Sequence[str], phrases: tuple[tuple[str, ...], ...], start: int = 0) -> int:
    """Index of the first occurrence of any phrase at or after ``start``, -1 if none."""
    n = len(toks)
    for i in range(start, n):
        for p in phrases:
            if toks[i] == p[0] and tuple(toks[i:i + len(p)]) == p:
                return i
    return -1


def whole(toks: Sequence[str], phrases: tuple[tuple[str, ...], ...], extra: frozenset[str] = frozenset()) -> bool:
    """True when the tokens consist only of these phrases (plus filler words)."""
    i, n = 0, len(toks)
    matched = False
    while i < n:
        if toks[i] in extra:
            i += 1
            continue
        for p in sorted(phrases, key=len, reverse=True):
            if tuple(toks[i:i + len(p)]) == p:
                i += len(p)
                matched = True
                break
        else:
            return False
    return matched


_FILL = frozenset("please thanks thank you very much so um uh well oh and then that is it all sir maam "
                  "mate buddy friend just now it looks look seems is good yes i think guess this was "
                  "for everything order my the".split())


def is_deny(toks: Sequence[str]) -> bool:
    """Starts with a no (or a "that's wrong"), not "no problem"."""
    if not toks:
        return False
    head = [t for t in toks[:4] if t not in ("oh", "um", "uh", "well", "actually", "hmm", "ah", "sorry")]
    if head and head[0] in ("no", "nope", "nah", "negative", "incorrect", "wrong"):
        return not (head[0] == "no" and len(head) > 1 and head[1] in _NOT_DENY_AFTER_NO)
    if head[:3] == ["i", "did", "not"]:
        return True  # "I did not." (to "is that right?")
    return has(toks, _p("not right", "not correct", "is wrong", "not what i", "not quite", "incorrect",
                        "that is wrong", "not my order", "do not place", "do not send", "do not order"))


_SHORT_YES = _p("i am", "i do", "we are", "we do", "i did", "i have", "i will", "it will")
_DAYTIME = frozenset({"morning", "afternoon", "evening", "day", "night"})


def _without_greetings(toks: Sequence[str]) -> list[str]:
    """"good morning" greets; its "good" is no yes."""
    out: list[str] = []
    for i, t in enumerate(toks):
        if t == "good" and i + 1 < len(toks) and toks[i + 1] in _DAYTIME:
            continue
        if t in _DAYTIME and i and toks[i - 1] == "good":
            continue
        out.append(t)
    return out


def is_affirm(toks: Sequence[str]) -> bool:
    """Says yes (in any of its forms) and does not also say no."""
    if not toks or is_deny(toks):
        return False
    toks = _without_greetings(toks)
    if tuple(t for t in toks if t not in ("yes", "yeah", "yep", "please", "oh", "well", "sure")) in _SHORT_YES:
        return True  # "I am." / "We do."
    if has(toks[:6], _p("not", "wrong", "incorrect", "change", "but")):
        return False
    return find(toks[:6], AFFIRM) >= 0


def order_type(toks: Sequence[str]) -> str | None:
    """"togo", "here" or "delivery" when the shopper says which, else None."""
    i = find(toks, TOGO)
    while i >= 0:
        prev = toks[i - 1] if i else ""
        nxt = toks[i + 2] if i + 2 < len(toks) else ""
        idiom = toks[i] == "to" and (prev in ("good", "ready", "going", "set", "want", "need", "have", "got", "place",
                                             "able", "like", "love", "decided", "try", "about")
                                     or nxt in ("for", "with", "through", "ahead", "back", "and", "now", "then"))
        if not idiom:
            return "togo"
        i = find(toks, TOGO, i + 1)
    if has(toks, HERE):
        return "here"
    if has(toks, DELIVERY):
        return "delivery"
    return None


def order_request(toks: Sequence[str]) -> int:
    """Index of an explicit order request ("I'd like", "can I get"), -1 if none ("I'd like to know" asks)."""
    i = find(toks, ORDER_REQUEST)
    while i >= 0:
        phrase_end = next(len(p) for p in ORDER_REQUEST if tuple(toks[i:i + len(p)]) == p)
        after = [t for t in toks[i + phrase_end:i + phrase_end + 4]
                 if t not in ("to", "please", "just", "a", "an", "some", "the", "more", "quick", "little")]
        if not (after and after[0] in _NOT_AN_ORDER_AFTER):
            return i
        i = find(toks, ORDER_REQUEST, i + 1)
    return -1


def asks_info(toks: Sequence[str]) -> bool:
    """Asks what there is or what something is, and makes no order request."""
    return has(toks, INFO_ASK) and order_request(toks) < 0


def human_request(toks: Sequence[str]) -> bool:
    return has(toks, _HUMAN_VERBS) and has(toks, HUMAN) or whole(toks, HUMAN, _FILL)


def cue_words() -> frozenset[str]:
    """Every word the cue tables use: the lexicon never "corrects" these into catalog words."""
    words: set[str] = set()
    for value in globals().values():
        if isinstance(value, tuple) and value and isinstance(value[0], tuple):
            for phrase in value:
                words.update(w for w in phrase if isinstance(w, str))
    return frozenset(words)
