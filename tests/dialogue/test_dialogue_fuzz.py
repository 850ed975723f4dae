"""Property tests: random utterances never crash a session, and an order is only ever placed on a yes
given to a read-back that asked for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.bundled import bundled_path, open_store
from catalog.sqlite_store import SQLiteStore
from dialogue.intents import Intent
from dialogue.lexicon import Lexicon
from dialogue.session import Session
from dialogue.types import Action, TurnMeta

WORDS = ["a", "latte", "mocha", "two", "large", "oat", "milk", "no", "yes", "yeah", "sure", "please", "make",
         "it", "iced", "actually", "three", "remove", "the", "that", "check", "out", "place", "order", "cancel",
         "what", "is", "in", "my", "cart", "clear", "another", "one", "second", "tea", "earl", "grey", "muffin",
         "to", "go", "okay", "not", "right", "done", "send", "with", "lots", "of", "sugar", "decaf", "and",
         "four", "five", "one", "two", "correct", "wrong", "hmm", "person", "help", "bye", "?", ",", "."]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> SQLiteStore:
    if not bundled_path("cafe").exists():
        pytest.skip("bundled cafe catalog missing")
    path: Path = tmp_path_factory.mktemp("fuzz") / "cafe.sqlite3"
    s = open_store(path, catalog="cafe", tax_rate_bp=825)
    return s


utterance = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join)
turns = st.lists(st.one_of(utterance, st.text(max_size=40)), min_size=1, max_size=8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(turns=turns, confidence=st.one_of(st.none(), st.floats(0, 1)))
def test_orders_only_on_a_yes_to_a_read_back(store: SQLiteStore, turns: list[str], confidence: float | None) -> None:
    session = Session(store, lexicon=Lexicon.for_store(store))
    asked_to_place = False
    for text in turns:
        reply = session.handle(text, TurnMeta(asr_confidence=confidence))
        assert isinstance(reply.text, str) and reply.text
        if Action.ORDER_PLACED in reply.actions:
            parse = session.last_parse
            assert asked_to_place, (turns, text)
            assert parse is not None and (parse.affirm or parse.intent == Intent.AFFIRM), (turns, text)
            assert reply.order_number
        asked_to_place = "place the order" in reply.text.lower()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(turns=st.lists(st.text(max_size=200), min_size=1, max_size=5))
def test_arbitrary_text_never_raises_or_orders(store: SQLiteStore, turns: list[str]) -> None:
    session = Session(store, lexicon=Lexicon.for_store(store))
    for text in turns:
        reply = session.handle(text)
        assert reply.text and Action.ORDER_PLACED not in reply.actions
