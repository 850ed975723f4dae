"""Replies to the read-back that sound like a yes and are not one (trust rounds 9 and mt21).

"Ok, that's all" after the order is read back says "I'm done ordering", not "place it": a yes that may only say
heard ("ok", "alright") with a closing that is no yes alone places nothing and the question is asked again, where
"yes that's all" and "ok that's it" still place. "Perfect, just perfect" is a sigh, and "yes go ah" was cut off
inside "ahead". Checked through ``decide()`` and in sessions on a corpus shop and the bundled cafe."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogue.confirm import decide
from tests.dialogue.conftest import Chat, chat_of, corpus_catalog


@pytest.mark.parametrize("reply", ["ok that's all", "okay that is all thanks", "alright that's everything",
                                   "cool that's all", "right that's all", "fine that is all"])
def test_a_heard_with_a_closing_does_not_place(reply: str) -> None:
    assert not decide(reply).places


@pytest.mark.parametrize("reply", ["yes that's all", "ok yes that's all", "ok that's it", "okay that is all correct",
                                   "ok", "yeah that's all i need thanks", "yes that's all thanks a mil",
                                   "that's all right", "yes that's all right"])
def test_a_yes_with_a_closing_still_places(reply: str) -> None:
    assert decide(reply).places


@pytest.mark.parametrize("reply", ["that's alright", "that's alright thanks", "that's alright no need"])
def test_that_is_alright_in_one_word_is_no_yes(reply: str) -> None:
    """Round 10: "that's alright" (one word) is the British "no need" ("you're alright thanks" in round 5), while
    "that's all right" (two words: all of it is right), as Taskmaster-4 shoppers answer a read-back, places. This
    test listed "that's alright" with the yeses before round 10 labelled it a hold; no Taskmaster-4 reply spells it
    so."""
    assert not decide(reply).places


@pytest.mark.parametrize("reply", ["fantastic just fantastic", "perfect just perfect", "wonderful just wonderful",
                                   "yes go ah", "yes go ahe", "yes that is ri"])
def test_irony_and_a_word_cut_off_do_not_place(reply: str) -> None:
    assert not decide(reply).places


@pytest.mark.parametrize("reply", ["perfect just what i wanted", "yes go ahead", "yes go", "yes ah"])
def test_a_yes_near_them_still_places(reply: str) -> None:
    assert decide(reply).places


def test_ok_thats_all_after_asking_for_the_order_is_asked_again(tmp_path: Path) -> None:
    for chat in chat_of(tmp_path, corpus_catalog("donuts")):
        chat.say("three apple fritters and four boston creams")
        chat.say("what's in my order so far")
        r = chat.say("ok that's all")
        assert not chat.session.orders, r.text
        assert "place" in r.text.lower()
        chat.say("yes")
        assert len(chat.session.orders) == 1


def test_ok_thats_all_at_the_cafe_read_back(chat: Chat) -> None:
    chat.say("two lattes and a blueberry muffin")
    chat.say("that's all")
    chat.say("okay that's all")
    assert not chat.session.orders
    assert [sku for sku, _, _ in chat.lines] == ["LATTE", "BLUEBERRY-MUFFIN"]


@pytest.mark.parametrize("reply", ["i'm done", "I'm done", "we're done", "it's done", "i'm done thanks"])
def test_im_done_is_done_ordering_not_a_go_ahead(reply: str) -> None:
    assert not decide(reply).places  # "done" after "i am" completes the clause: I am done ordering (asked again)


@pytest.mark.parametrize("reply", ["yes i'm done", "yep done", "yes done", "i'm all set", "yes go"])
def test_done_after_a_yes_still_places(reply: str) -> None:
    assert decide(reply).places


@pytest.mark.parametrize(("reply", "places"), [("done", True), ("done deal", True), ("ok done", True),
                                               ("well done", False), ("are we done", False), ("that's done", False),
                                               ("i'm done for now", False), ("done yet", False)])
def test_done_alone_is_a_go_ahead_but_not_after_other_words(reply: str, places: bool) -> None:
    assert decide(reply).places is places  # round 11: "done" opening the reply or after a yes ([linking] predicates)
