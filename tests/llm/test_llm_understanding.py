"""The LLM fallback over the real ``openai`` client and a real HTTP server on 127.0.0.1.

The server (``stub_server``) speaks the OpenAI chat-completions protocol for real; what answers is a
deterministic *stand-in for the model*: scripted replies per shopper turn. These tests check the protocol,
the checks and the fallbacks, never a model's understanding.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from catalog.sqlite_store import SQLiteStore
from dialogue import llm
from dialogue.lexicon import Lexicon
from dialogue.llm import LLMSettings, LLMUnderstanding, ModelParse, catalog_prompt, check_answer
from dialogue.parse_records import Context
from dialogue.session import Session
from dialogue.understanding import RuleUnderstanding
from tests.llm.conftest import SHOP, LLMChat
from tests.llm.stub_server import Canned, StubServer, as_json, by_turn, tool

USUAL = "gimme the usual"
OAT_LATTES = tool("add_items", {"items": [{"sku": "LATTE", "quantity": 2, "options": [
    {"group": "milk", "value": "oat"}, {"group": "size", "value": "large"}]}]})


def test_a_turn_the_rules_cannot_read_goes_to_the_model_and_becomes_a_normal_order_line(make_chat: Any) -> None:
    chat: LLMChat = make_chat(by_turn({USUAL: OAT_LATTES}))
    reply = chat.say(USUAL)
    assert chat.lines and chat.lines[0][:3] == ("LATTE", 2, chat.lines[0][2])
    assert chat.lines[0][2]["milk"] == "oat" and chat.lines[0][2]["size"] == "large"
    assert "two large lattes with oat milk" in reply.lower()
    assert isinstance(chat.session.last_parse, ModelParse)
    assert chat.understanding.stats.used == 1
    req = chat.srv.chat_requests()[0]
    assert req["model"] == "stub-model" and req["tool_choice"] == "required"
    names = {t["function"]["name"] for t in req["tools"]}
    assert names == {"add_items", "remove_items", "change_item", "answer_question", "no_action"}
    sku_enum = req["tools"][0]["function"]["parameters"]["properties"]["items"]["items"]["properties"]["sku"]["enum"]
    assert "LATTE" in sku_enum and "CROISSANT" in sku_enum
    assert json.loads(req["messages"][1]["content"])["shopper_said"] == USUAL


def test_turns_the_rules_read_never_reach_the_model(make_chat: Any) -> None:
    chat: LLMChat = make_chat(by_turn({}))
    for text in ("two lattes with oat milk", "what's in my cart", "that's all", "yes"):
        chat.say(text)
    assert chat.srv.chat_requests() == []
    assert len(chat.store.orders()) == 1  # placed by the policy on the rules' reading of "yes"


def test_json_schema_mode(make_chat: Any) -> None:
    chat: LLMChat = make_chat(lambda req: as_json({"action": "add", "items": [{"sku": "MOCHA", "quantity": 1}]}),
                              mode="json")
    chat.say(USUAL)
    assert [ln[0] for ln in chat.lines] == ["MOCHA"]
    req = chat.srv.chat_requests()[0]
    assert "tools" not in req
    schema = req["response_format"]["json_schema"]["schema"]
    assert schema["properties"]["action"]["enum"] == ["add", "remove", "change", "question", "none"]


def test_json_object_mode_for_llama_cpp_python(make_chat: Any) -> None:
    chat: LLMChat = make_chat(lambda req: as_json({"action": "add", "items": [{"sku": "MOCHA", "quantity": 1}]}),
                              mode="json_object")
    chat.say(USUAL)
    assert [ln[0] for ln in chat.lines] == ["MOCHA"]
    req = chat.srv.chat_requests()[0]
    assert "tools" not in req and req["response_format"]["type"] == "json_object"
    assert req["response_format"]["schema"]["properties"]["action"]["enum"][0] == "add"


@pytest.mark.parametrize("mode,canned", [
    ("tools", tool("add_items", {"items": [{"sku": "MOCHA"}]})),
    ("json", as_json({"action": "add", "items": [{"sku": "MOCHA"}]})),
])
def test_streaming_answers_are_gathered(make_chat: Any, mode: str, canned: Canned) -> None:
    chat: LLMChat = make_chat(lambda req: canned, mode=mode, stream=True)
    chat.say(USUAL)
    assert chat.srv.chat_requests()[0]["stream"] is True
    assert [ln[0] for ln in chat.lines] == ["MOCHA"]


def test_remove_and_change_only_touch_lines_in_this_cart(make_chat: Any) -> None:
    chat: LLMChat = make_chat(by_turn({
        "get rid of the brown thing": tool("remove_items", {"items": [{"sku": "LATTE"}]}),
        "swap the bean juice": tool("change_item", {"sku": "AMERICANO", "options": [
            {"group": "milk", "value": "oat"}]}),
        "the brown thing needs the grain stuff": tool("change_item", {"sku": "LATTE", "options": [
            {"group": "milk", "value": "oat"}]}),
    }))
    chat.say("a latte and a croissant")
    chat.say("the brown thing needs the grain stuff")
    assert {ln[0]: ln[2].get("milk") for ln in chat.lines}["LATTE"] == "oat"
    chat.say("get rid of the brown thing")
    assert [ln[0] for ln in chat.lines] == ["CROISSANT"]
    chat.say("swap the bean juice")  # AMERICANO is not in the cart: dropped
    assert chat.understanding.stats.rejected == 1
    assert [ln[0] for ln in chat.lines] == ["CROISSANT"]


def test_an_open_question_answered_from_the_catalog_is_said(make_chat: Any) -> None:
    answer = "A latte or a cappuccino goes nicely with an all-butter croissant."
    chat: LLMChat = make_chat(by_turn({"what goes well with a croissant?": tool(
        "answer_question", {"skus": ["LATTE", "CAPPUCCINO", "CROISSANT"], "answer": answer})}))
    reply = chat.say("what goes well with a croissant?")
    assert reply.startswith(answer)
    assert chat.lines == []  # a question changes nothing
    assert chat.understanding.stats.answers == 1


@pytest.mark.parametrize("answer", [
    "Try our banana bread, it goes well with a croissant.",  # a product that is not in the catalog
    "A latte goes well with it and costs only three dollars.",  # a price
    "A latte is $1 today.",
    "A latte pairs nicely; I have placed your order.",  # an order promise
    "Latte. " * 60,  # too long
])
def test_an_answer_not_grounded_in_the_catalog_is_replaced_by_the_engines_own_sentences(
        make_chat: Any, answer: str) -> None:
    chat: LLMChat = make_chat(lambda req: tool("answer_question", {"skus": ["LATTE"], "answer": answer}))
    reply = chat.say("what goes well with a croissant?")
    assert answer.strip() not in reply
    assert "latte" in reply.lower()  # the engine's own sentence about the product named
    assert chat.understanding.stats.answers_replaced == 1


def test_check_answer_words_come_from_the_named_products(cafe: SQLiteStore) -> None:
    lex = Lexicon.for_store(cafe)
    chai = [lex.products["CHAI-LATTE"]]
    assert check_answer("The chai latte is spiced with cinnamon, cardamom and ginger.", chai, "is the chai spicy?")
    assert check_answer("The chai latte is sugar free and vegan.", chai, "is the chai spicy?") is None
    assert check_answer("The chai latte is spiced.", [], "q") is None
    assert check_answer({"text": "x"}, chai, "q") is None


def test_the_catalog_prompt_is_built_once_and_is_the_same_prefix_every_turn(cafe: SQLiteStore,
                                                                             stub: StubServer) -> None:
    stub.script = lambda req: tool("no_action")
    a = LLMChat(cafe, stub)
    built = llm.PROMPT_BUILDS[0]
    b = LLMChat(cafe, stub)
    assert llm.PROMPT_BUILDS[0] == built  # a second session reuses it
    a.say(USUAL)
    b.say("play some jazz")
    first, second = stub.chat_requests()
    assert first["messages"][0] == second["messages"][0] and first["tools"] == second["tools"]
    assert catalog_prompt(Lexicon.for_store(cafe)) is a.understanding.prompt


def test_no_action_keeps_the_rules_reply(make_chat: Any) -> None:
    chat: LLMChat = make_chat(lambda req: tool("no_action"))
    reply = chat.say("can you play some music")
    assert "only help with" in reply
    assert chat.understanding.stats.none == 1 and chat.lines == []


# --- failures: the rules' reading stands ----------------------------------------------------------
def _rule_reply(cafe: SQLiteStore, text: str) -> str:
    return Session(cafe, shop=SHOP).handle(text).text


@pytest.mark.parametrize("canned", [
    Canned(status=500),
    Canned(status=429),
    Canned(status=401),
    Canned(body=b"this is not json at all"),
    Canned(body=b'{"id": "x", "object": "chat.completion", "choices": []}'),
    Canned(content="Sure! I'll add a latte for you."),  # prose instead of JSON
    Canned(content='{"action": "add", "items": [{"sku": "LATTE"'),  # cut off
    Canned(content='{"action": "place_order"}'),
    tool("add_items", '{"items": [{"sku": "LATTE", }]'),  # malformed arguments
    tool("add_items", "[1, 2, 3]"),
    tool("add_items", {"items": "LATTE"}),
    tool("add_items", {"items": []}),
    tool("add_items", {"items": [{"sku": "UNICORN-FRAPPE"}]}),
    tool("add_items", {"items": [{"sku": "LATTE", "quantity": 0}]}),
    tool("add_items", {"items": [{"sku": "LATTE", "quantity": -3}]}),
    tool("add_items", {"items": [{"sku": "LATTE", "quantity": 10_000}]}),
    tool("add_items", {"items": [{"sku": "LATTE", "quantity": 2.5}]}),
    tool("add_items", {"items": [{"sku": "LATTE", "quantity": True}]}),
    tool("add_items", {"items": [{"sku": "LATTE", "options": [{"group": "milk", "value": "unicorn"}]}]}),
    tool("add_items", {"items": [{"sku": "CROISSANT", "options": [{"group": "milk", "value": "oat"}]}]}),
    tool("add_items", {"items": [{"sku": "LATTE"}, {"sku": "NOPE"}]}),  # one bad item drops the whole proposal
    tool("answer_question", {"skus": ["NOPE"], "answer": "Yes."}),
    tool("remove_items", {"items": [{"sku": "LATTE"}]}),  # nothing in the cart
    tool("change_item", {"sku": "LATTE"}),
    tool("rm_rf", {}),
])
def test_errors_and_malformed_output_fall_back_to_the_rules(make_chat: Any, cafe: SQLiteStore,
                                                           canned: Canned) -> None:
    chat: LLMChat = make_chat(lambda req: canned)
    reply = chat.say("can you play some music")
    assert reply == _rule_reply(cafe, "can you play some music")
    assert chat.lines == []
    s = chat.understanding.stats
    assert s.used == 0 and s.errors + s.rejected == 1


def test_a_slow_model_times_out_to_the_rules_reply(make_chat: Any, cafe: SQLiteStore) -> None:
    """The server holds its answer until the test releases it; the client's own timeout ends the wait."""
    chat: LLMChat = make_chat(lambda req: Canned(block=True, tool=("add_items", {"items": [{"sku": "LATTE"}]})),
                              timeout_s=0.3)
    t0 = time.perf_counter()
    reply = chat.say("can you play some music")
    waited = time.perf_counter() - t0
    chat.srv.release.set()
    assert reply == _rule_reply(cafe, "can you play some music")
    assert chat.understanding.stats.timeouts == 1 and chat.lines == []
    assert 0.3 <= waited < 3.0


def test_a_stream_that_stalls_times_out(make_chat: Any) -> None:
    chat: LLMChat = make_chat(lambda req: Canned(block_after_first=True, tool=("add_items", {"items": [
        {"sku": "LATTE"}]})), timeout_s=0.3, stream=True)
    t0 = time.perf_counter()
    chat.say("can you play some music")
    chat.srv.release.set()
    assert time.perf_counter() - t0 < 3.0
    assert chat.lines == [] and chat.understanding.stats.used == 0


def test_an_unreachable_server_falls_back(cafe: SQLiteStore) -> None:
    with StubServer() as srv:
        url = srv.base_url
    lex = Lexicon.for_store(cafe)  # the port is closed now: connection refused
    u = LLMUnderstanding(RuleUnderstanding(lex), lex, LLMSettings(base_url=url, model="m", timeout_s=1.0))
    parse = u.parse("can you play some music", Context())
    assert parse.intent == "out_of_scope" and u.stats.errors == 1


def test_the_api_key_comes_from_the_named_environment_variable(cafe: SQLiteStore, stub: StubServer,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOP_LLM_KEY", "sk-test-123")
    llm._clients.clear()
    chat = LLMChat(cafe, stub, api_key_env="SHOP_LLM_KEY")
    chat.say(USUAL)
    assert stub.requests[-1].headers["authorization"] == "Bearer sk-test-123"
    llm._clients.clear()


def test_a_question_never_becomes_a_cart_change(make_chat: Any) -> None:
    """Found by bench/llm.py: a stand-in proposing an add for "is it vegan?" must not order anything."""
    chat: LLMChat = make_chat(lambda req: tool("add_items", {"items": [{"sku": "MOCHA"}]}))
    chat.say("a latte please")
    chat.say("is it vegan?")
    chat.say("what goes well with a croissant?")
    assert [ln[0] for ln in chat.lines] == ["LATTE"]
    s = chat.understanding.stats
    assert s.used == 0 and s.rejected == s.asked >= 1


def test_completeness_checks_never_ask_the_model(tmp_path: Any) -> None:
    """Semantic endpointing and the voice layer's product checks read turns with the rules alone: a model behind
    them would be asked on every pause (latency, and words leaving the machine for a check)."""
    from catalog.bundled import open_store
    from dialogue.completeness import is_complete, may_name_a_new_product, names_a_product, needs_no_item
    from dialogue.lexicon import Lexicon
    from dialogue.llm import LLMSettings, LLMUnderstanding
    from dialogue.session import Session
    from dialogue.understanding import RuleUnderstanding

    class Refuses:  # client.chat.completions.create(...) is a request: refused
        def __getattr__(self, name: str) -> Any:
            if name == "create":
                raise AssertionError("the model was asked")
            return self

    store = open_store(tmp_path / "c.sqlite3", catalog="cafe")
    lex = Lexicon.for_store(store)
    llm = LLMUnderstanding(RuleUnderstanding(lex), lex, LLMSettings.from_table({"base_url": "http://127.0.0.1:9/v1",
                                                                              "model": "m"}), client=Refuses())
    session = Session(store, lexicon=lex, understanding=llm)
    for text in ("I'd like a quaso please", "blorp the fnord", "a large latte"):
        is_complete(session, text)
        needs_no_item(session, text)
        names_a_product(session, text)
        may_name_a_new_product(session, text)
    assert llm.stats.asked == 0  # (a refused request would be swallowed as a failure: count the asks)
    session.handle("blorp the fnord")  # the turn itself does ask: the check above could fail
    assert llm.stats.asked == 1
