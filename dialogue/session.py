"""One conversation over a store: ``Session(store).handle(text, meta) -> Reply``. Never raises."""

from __future__ import annotations

import copy
import logging
import re
import uuid
from dataclasses import fields
from typing import Any

from catalog.cart import Cart
from catalog.models import CartLine, Order
from catalog.store import Store
from dialogue import asides, compound, confirm, moves, noise_tags, reasons, restated_lines, scopes, supposed
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon
from dialogue.parse_records import Parse, Understanding
from dialogue.policy import CHANGING, READBACK_KINDS, Policy
from dialogue.replies import cart_payload, join, product_payload
from dialogue.shop import ShopInfo
from dialogue.state import Outcome, Pending, State
from dialogue.types import Action, Reply, TurnMeta
from dialogue.understanding import RuleUnderstanding

log = logging.getLogger(__name__)
_DTMF = {"1": "yes", "2": "no", "0": "I want to talk to a person"}
MAX_TEXT = 2000
# a line break or tab written out as an escape ("yes, thanks.\\r"), as text copied out of a log or a form may
# carry: a break between words, never a letter said
_ESCAPED_BREAK = re.compile(r"\\+[rnt]")


class Session:
    """A conversation: greeting, then one :meth:`handle` per shopper turn."""

    def __init__(self, store: Store, *, shop: ShopInfo | None = None, session_id: str | None = None,
                 understanding: Understanding | None = None, lexicon: Lexicon | None = None,
                 low_confidence: float = 0.5):
        self.store = store
        self.shop = shop or ShopInfo()
        self.lexicon = lexicon if lexicon is not None else Lexicon.for_store(store)
        self.understanding: Understanding = understanding or RuleUnderstanding(self.lexicon)
        self.state = State(Cart(currency=store.currency, tax_rate_bp=store.tax_rate_bp),
                           session_id or uuid.uuid4().hex[:12], stock_of=store.stock)
        self.policy = Policy(store, self.lexicon, self.shop, self.state, low_confidence=low_confidence)
        self.last_parse: Parse | None = None

    # --- the Conversation protocol -------------------------------------------------------------
    def greeting(self) -> Reply:
        reply = Reply(f"Hi, welcome to {self.shop.name}. What can I get you?", display=self._display(Outcome()))
        self.state.last_reply = reply
        return reply

    def handle(self, text: str, meta: TurnMeta | None = None) -> Reply:
        meta = meta or TurnMeta()
        try:
            return self._handle(text, meta)
        except Exception:  # a conversation must never crash on its shopper
            log.exception("dialogue turn failed for %r", text[:200] if isinstance(text, str) else text)
            self.state.pending = None
            return Reply("Sorry, something went wrong on my side. Could you say that again?",
                         display=self._safe_display())

    # --- state the callers may read ------------------------------------------------------------
    @property
    def cart(self) -> Cart:
        return self.state.cart

    @property
    def orders(self) -> list[Order]:
        return list(self.state.placed)

    @property
    def order_type(self) -> str | None:
        return self.state.order_type

    def confirmed_lines(self) -> list[CartLine]:
        """Cart lines the shopper has not objected to (a change read back and answered no is not here)."""
        return self.state.confirmed_lines()

    # ------------------------------------------------------------------------------------------
    def _handle(self, text: str, meta: TurnMeta) -> Reply:
        st = self.state
        st.turns += 1
        if meta.caller_id:
            st.customer = meta.caller_id
        st.channel = meta.channel or st.channel
        text = text if isinstance(text, str) else str(text or "")
        text = _ESCAPED_BREAK.sub(" ", text[:MAX_TEXT])
        if meta.dtmf:
            digits = "".join(c for c in meta.dtmf if c.isdigit())
            text = _DTMF.get(digits, f"{text} {' '.join(digits)}".strip())
            meta = TurnMeta(None, meta.caller_id, meta.channel, None)  # keypresses are certain
        # "[BLANK_AUDIO]", "[music] yes place it": a recogniser's tag for a sound is no speech ("[cough] yes" is read as
        # its word, said with a yes: dialogue/confirm.py)
        text = noise_tags.without_tags(text, confirm.filler_words())
        text = asides.without_aside(text)  # "hang on what do you want - ok and a coke": the order, not the aside
        if st.cart.lines:  # "she says two not three": the change relayed
            text = asides.without_relay(text, someone_marked=any(any(m) for m in st.owners.values()))
        if asides.only_a_hold(text):  # "just a sec my phone": a pause, never a sandwich called "sec"
            text = asides.HOLD_SAID
        # "make it six shirts, I found another one", "i got a flat i need a tube": the change, not the story told
        text = reasons.without_reasons(text, first_order=not st.cart.lines)
        if st.cart.lines:  # "if you put two orders of gyoza that's wrong i meant one": the guess orders nothing
            text = supposed.without_guesses(text)
        text = scopes.scope_last(text)  # "on the plate can i switch the collards for beans": the swap, on the plate
        stepped = self._in_steps(text, meta) if meta.dtmf is None and st.cart.lines else None
        if stepped is not None:
            parse, out = stepped
        else:
            parse = self.understanding.parse(text, st.context())
            out = self.policy.turn(parse, meta)
        self.last_parse = parse
        answer = getattr(parse, "answer", "")  # a checked answer from a fallback understanding (dialogue/llm.py)
        if answer and isinstance(answer, str) and parse.intent in (Intent.SEARCH, Intent.DESCRIBE):
            out.parts.insert(0, answer)
        if out.shown:
            st.topic = out.shown[0] if len(out.shown) == 1 else None
        elif Action.CART_CHANGED in out.actions:
            focus = st.focus()
            st.topic = focus.sku if focus else None
        if not out.parts:
            out.say("Sorry, I didn't get that. What would you like?")
        if parse.intent == Intent.REPEAT and st.last_reply is not None:
            reply = Reply(st.last_reply.text, display=st.last_reply.display)
            return reply
        reply = Reply(join(*out.parts), tuple(Action(a) for a in out.actions), self._display(out), out.order_number)
        st.last_reply = reply
        return reply

    def _in_steps(self, text: str, meta: TurnMeta) -> tuple[Parse, Outcome] | None:
        """"take the pickle off and add a cookie": two cart edits joined in one turn, done in order as steps of
        this turn (one reply, one read-back at the end). Every step must be a cart edit; a question one step
        asks ("add a cake and take the scone off": which cake?) is put once the other steps are done, in place of
        the read-back. A turn whose steps are no cart edits, or ask two questions, is undone to how it was and
        read as one (None)."""
        parts = compound.clauses(text)
        st = self.state
        if len(parts) < 2 and restated_lines.cued(text):  # "no the other way around large chai medium fog"
            parts = restated_lines.clauses(self.lexicon, self.understanding.parse(text, st.context()),
                                           st.context().line_skus)
        if len(parts) < 2:
            return None
        if moves.cued(text) and moves.planned(st, self.lexicon, self.understanding.parse(text, st.context())):
            return None  # "take the sprinkles off the cone and put them on the shake": one move, not two edits
        before = copy.deepcopy(st, {id(st.stock_of): st.stock_of})
        said: list[str] = []
        actions: list[str] = []
        asked: tuple[Pending, list[str]] | None = None  # a question of an earlier step, put at the end
        for k, part in enumerate(parts):
            parse = self.understanding.parse(part, st.context())
            if parse.intent not in CHANGING:
                break
            out = self.policy.turn(parse, meta)
            if len(st.placed) != len(before.placed):  # never expected (a step is no yes); an order placed is
                return parse, out  # never taken back, and nothing more is done in this turn
            actions.extend(a for a in out.actions if a not in actions)
            open_question = st.pending is not None and st.pending.kind not in READBACK_KINDS
            if open_question and asked is not None:
                break  # two questions in one reply: read the turn as one
            if k == len(parts) - 1:
                if asked is not None:  # the question asked before, instead of the read-back
                    out.parts = [*out.parts[:out.readback_at], *asked[1]]
                    st.pending, st.readback = asked[0], None
                out.parts[:0] = said
                out.actions = actions
                return parse, out
            if open_question and st.pending is not None:
                asked = (st.pending, list(out.parts))  # (the rest would be read as its answer: asked after them)
            else:
                said.extend(out.parts[:out.readback_at])  # the read-back is said once, after the last step
            st.pending = None  # (that read-back was never said: the next step is no answer to it, and a "no"
            # to the one at the end takes back every step of the turn)
        for f in fields(st):
            setattr(st, f.name, getattr(before, f.name))
        return None

    def _display(self, out: Outcome) -> dict[str, Any]:
        st = self.state
        shown = out.shown if out.shown is not None else []
        return {
            "products": [product_payload(self.lexicon.products[s]) for s in shown if s in self.lexicon.products],
            "cart": cart_payload(st.cart, st.baseline is not None),
            "pending": st.pending.kind if st.pending else None,
            "order_type": st.order_type,
            "orders": [o.number for o in st.placed],
        }

    def _safe_display(self) -> dict[str, Any]:
        try:
            return self._display(Outcome())
        except Exception:
            return {}
