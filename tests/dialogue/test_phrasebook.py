"""Word lists, phrase tables and context rules as data (dialogue/data/words.toml, dialogue/data/context.toml):
checked at load, every table read by some module, and a context rule that holds only in its state."""

from __future__ import annotations

from typing import Any

import pytest

import dialogue.session  # noqa: F401  (imports the whole engine: every module asks for its tables)
from dialogue import phrasebook
from dialogue.datafiles import PhraseDataError
from dialogue.intents import Intent
from dialogue.parse_records import Context, Parse, rule_facts


def test_every_table_and_rule_is_read_by_the_engine() -> None:
    assert phrasebook.unread() == []


def test_the_conditions_the_understanding_computes_are_those_rules_may_name() -> None:
    assert set(rule_facts(Parse(Intent.EMPTY), Context())) == set(phrasebook.CONDITIONS)


@pytest.mark.parametrize(("raw", "says"), [
    ({"words": {"lead": ["that's"]}}, "normal form"),
    ({"words": {"lead": ["make it"]}}, "not one word"),
    ({"words": {"lead": ["um", "um"]}}, "twice"),
    ({"words": {"lead": []}}, "non-empty"),
    ({"phrases": {"x": ["do not", 3]}}, "non-empty list of phrases"),
    ({"words": {"x": ["a"]}, "phrases": {"x": ["a b"]}}, "both"),
    ({"cues": {"x": ["a"]}}, "unknown tables"),
])
def test_a_malformed_words_file_is_refused_naming_the_table(raw: dict[str, Any], says: str) -> None:
    with pytest.raises(PhraseDataError, match=says):
        phrasebook.load_words(raw, "words.toml")


GOOD = {"name": "r", "intent": "search", "ref": "next", "requires": ["listing"], "phrases": ["what else"]}


@pytest.mark.parametrize(("change", "says"), [
    ({"intent": "browse"}, "intent"),
    ({"ref": "that one"}, "ref"),
    ({"requires": ["after_readback"]}, "conditions among"),
    ({"rejects": ["listing"]}, "both required and rejected"),
    ({"pending": ["checkout", "the_usual"]}, "pending must list"),
    ({"phrases": ["what's else"]}, "normal form"),
    ({"when": "always"}, "unknown keys"),
    ({"name": ""}, "name"),
])
def test_a_malformed_context_rule_is_refused(change: dict[str, Any], says: str) -> None:
    with pytest.raises(PhraseDataError, match=says):
        phrasebook.load_rules({"rule": [{**GOOD, **change}]}, "context.toml")


def test_two_rules_of_one_name_are_refused() -> None:
    with pytest.raises(PhraseDataError, match="name of its own"):
        phrasebook.load_rules({"rule": [GOOD, GOOD]}, "context.toml")


def test_a_rule_holds_only_in_its_state() -> None:
    r = phrasebook.load_rules({"rule": [{**GOOD, "rejects": ["items"], "pending": ["offer"]}]}, "x")["r"]
    facts = dict.fromkeys(phrasebook.CONDITIONS, False)
    said = ["um", "what", "else"]
    assert not r.holds(said, {**facts, "listing": True}, None)  # no offer pending
    assert r.holds(said, {**facts, "listing": True}, "offer")
    assert not r.holds(said, facts, "offer")  # nothing listed
    assert not r.holds(said, {**facts, "listing": True, "items": True}, "offer")
    assert not r.holds(["what", "now"], {**facts, "listing": True}, "offer")


def test_what_else_is_the_rest_of_a_list_only_right_after_one(chat: Any) -> None:
    first = chat.say("what teas do you have")
    rest = chat.say("what else")
    assert rest.text != first.text and chat.session.last_parse.ref == "next"
    fresh = dialogue.session.Session(chat.session.store)
    fresh.handle("what else")
    assert fresh.last_parse is not None and fresh.last_parse.ref != "next"
