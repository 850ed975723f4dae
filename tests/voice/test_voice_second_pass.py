"""The second decode for turns that named no product (``voice.pipeline.SecondPass``): built from the catalog
names the first prompt left out, used only when the first transcript names no product and is not a whole turn,
with the real recognizer, dialogue and espeak-ng speech."""

from __future__ import annotations

from typing import Any

import pytest

from catalog.bundled import open_store
from dialogue.session import Session
from voice.asr import prompt_phrases
from voice.pipeline import VoicePipeline, catalog_prompt
from voice.second_pass import second_pass
from voice.tts import EspeakSynthesizer

pytestmark = pytest.mark.slow


def test_second_pass_prompts_hold_what_the_first_left_out(cafe_store: Any) -> None:
    products = cafe_store.products()
    first = catalog_prompt(products)
    sp = second_pass(products, first)
    assert sp is not None
    first_phrases = set(prompt_phrases(first))
    again = {ph for p in sp.prompts for ph in prompt_phrases(p)}
    assert ("croissant",) in again and ("croissant",) not in first_phrases
    assert not again & first_phrases  # nothing the first prompt already says
    names = {tuple(p.name.lower().split()) for p in products}
    assert first_phrases & names | again == names | (first_phrases & names)  # every product in one of them
    assert all(len(p) <= 700 for p in sp.prompts)


def test_second_pass_prompts_are_bounded_for_a_large_catalog(tmp_path: Any) -> None:
    products = open_store(tmp_path / "s.sqlite3", catalog="store").products()
    sp = second_pass(products, catalog_prompt(products), limit=2)
    assert sp is not None and len(sp.prompts) == 2


@pytest.fixture
def pipeline(whisper: Any, cafe_store: Any) -> Any:
    products = cafe_store.products()
    p = VoicePipeline(whisper, EspeakSynthesizer(), output_rate=8000, prompt=catalog_prompt(products))
    p.second_pass = second_pass(products, p.prompt)
    yield p
    p.close()


@pytest.mark.parametrize(("said", "product"), [("a chocolate croissant please", "chocolate croissant"),
                                             ("an almond croissant please", "almond croissant")])
def test_a_product_the_first_prompt_left_out_is_heard_on_the_second_pass(pipeline: Any, cafe_store: Any, speak: Any,
                                                                          said: str, product: str) -> None:
    session = Session(cafe_store)
    turns = pipeline.session(session)
    audio = speak(said)
    first = pipeline.transcribe(audio)
    assert product not in first.text.lower()  # the case this exists for: heard as something else at first
    r = turns.process(audio, endpoint_delay_ms=600)
    assert r.trace.second_pass in ("used", "sounds_like") and product in r.trace.transcript.lower()
    assert [line.name for line in session.cart.lines] == [product]
    assert r.trace.to_dict()["second_pass"] == r.trace.second_pass


def test_turns_that_name_a_product_or_are_whole_are_decoded_once(pipeline: Any, cafe_store: Any, speak: Any) -> None:
    session = Session(cafe_store)
    turns = pipeline.session(session)
    r = turns.process(speak("a large latte with oat milk please"))
    assert r.trace.second_pass == "none" and session.cart.lines
    r = turns.process(speak("yes please"))
    assert r.trace.second_pass == "none"


def test_names_said_in_the_plural_count_as_said(cafe_store: Any) -> None:
    products = cafe_store.products()
    sp = second_pass(products, catalog_prompt(products))
    assert sp is not None
    assert sp.names_literally("two lattes and three chocolate chip cookies please")
    assert sp.names_literally("a croissant")
    assert sp.names_literally("Two croissants, please.")  # punctuation does not hide a plural
    assert not sp.names_literally("I'd like a quaso please")


def test_turns_that_need_no_product_are_told_apart(cafe_store: Any) -> None:
    from dialogue.completeness import needs_no_item

    session = Session(cafe_store)
    session.greeting()
    assert not needs_no_item(session, "I'd like a glass off, please.")  # an order that named nothing known
    assert not needs_no_item(session, "and one glass up")
    assert needs_no_item(session, "what are your opening hours?")
    assert needs_no_item(session, "that's all, thanks")
    session.handle("a small latte please")
    assert needs_no_item(session, "yes please")
    assert needs_no_item(session, "no")


def test_respelling_reads_the_catalog_and_the_dialogue(cafe_store: Any, tmp_path: Any) -> None:
    products = cafe_store.products()
    sp = second_pass(products, catalog_prompt(products))
    assert sp is not None and sp.respeller is not None
    session = Session(cafe_store)
    # a product named by sound when none was heard; an unknown word before a product's last word completes it
    assert sp.respell(session, "a double shot and smoke with a bit of sugar") == "a double shot and mocha with a bit of sugar"
    assert sp.respell(session, "an eight ounce dice coffee") == "an eight ounce iced coffee"
    # an option value only of a product the turn names; never a second product from an unknown word
    assert sp.respell(session, "a latte with skin milk") == "a latte with skim milk"
    assert sp.respell(session, "a latte and a smoke") == "a latte and a smoke"
    # right after amount words a value may sound a little further off; a value of three sounds ("iced") never
    assert sp.respell(session, "a latte with a little bit of spinner") == "a latte with a little bit of sweetener"
    assert sp.respell(session, "a latte with spinner") == "a latte with spinner"
    assert sp.respell(session, "a latte with milk and lost sweetener") == "a latte with milk and lost sweetener"
    # the dialogue's own words and everyday words are placed: a question is left as it was
    store = open_store(tmp_path / "s.sqlite3", catalog="store")
    sp2 = second_pass(store.products(), catalog_prompt(store.products()))
    assert sp2 is not None
    s2 = Session(store)
    for said in ("um do you sell colanders", "what kitchen stuff do you sell", "a dozen eggs please"):
        assert sp2.respell(s2, said) == said


def test_a_catalog_that_fits_the_first_prompt_is_only_respelled(tmp_path: Any) -> None:
    products = open_store(tmp_path / "p.sqlite3", catalog="pizzeria").products()
    sp = second_pass(products, catalog_prompt(products))
    assert sp is not None and not sp.prompts and sp.sounds_like is None and sp.respeller is not None
    assert second_pass(products, catalog_prompt(products), respell=False) is None


class _Heard:
    """A recognizer that hears the same words whatever the prompt (the second decodes find nothing new)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.calls = 0

    def transcribe(self, chunk: Any, hotwords: str | None = None, prompt: str | None = None) -> Any:
        from voice.asr import Transcript

        self.calls += 1
        return Transcript(self.text, 0.8)


def test_a_turn_naming_no_product_takes_the_best_beam_candidate_that_names_one(cafe_store: Any) -> None:
    from voice.asr import Transcript
    from voice.audio import silence
    from voice.trace import TurnTrace

    products = cafe_store.products()
    sp = second_pass(products, catalog_prompt(products))
    assert sp is not None
    heard = "I'd like a double shot milk with cream."
    first = Transcript(heard, 0.8, alternatives=("I'd like to double shot milk with cream.",
                                                 "I'd like a double shot mocha with cream.",
                                                 "I'd like a double shot latte with cream."))
    trace = TurnTrace()
    got = sp.hear(_Heard(heard), Session(cafe_store), silence(500), first, trace)
    assert got.text == "I'd like a double shot mocha with cream." and trace.second_pass == "alternative"
    assert got.raw_text == heard
    # not when a question of the assistant's waits for its answer, nor with the step off
    session = Session(cafe_store)
    session.handle("a latte please")
    assert session.state.pending is not None
    assert sp.hear(_Heard(heard), session, silence(500), first, TurnTrace()).text == heard
    off = second_pass(products, catalog_prompt(products), alternatives=False)
    assert off is not None and off.hear(_Heard(heard), Session(cafe_store), silence(500), first, TurnTrace()).text == heard
