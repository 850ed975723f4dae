"""The Taskmaster-4 benchmark scores the engine's literal final state: every cart line counts."""

from __future__ import annotations

from collections import Counter
from typing import Any

from bench.taskmaster4 import run

MENU: dict[str, Any] = {
    "items": {"flat white": 9, "hot cocoa": 7, "herbal infusion": 5},
    "attributes": {"milk-options": {"oat milk": 6, "whole milk": 5}, "order-type": {"here": 4, "togo": 3}},
    "addons": {"cinnamon": 3, "honey": 3},
}


def _dialog(ident: str, scenario: str, user: list[str], items: list[dict[str, Any]], placed: bool) -> dict[str, Any]:
    return {"id": ident, "scenario": scenario, "turns": [{"speaker": "user", "text": t} for t in user],
            "expected": {"items": items, "order_type": "here", "placed": placed}}


def test_an_unconfirmed_line_is_in_the_final_state() -> None:
    # the shopper asks for a drink and never says yes: the read-back line is still in the cart
    dialogs = [_dialog("a", "left unconfirmed", ["One flat white with oat milk, please."], [], False)]
    classes: dict[str, Counter[str]] = {}
    figures = run(dialogs, MENU, classes=classes)
    assert figures["phantom_rate"] == 1.0
    assert figures["exact_match"] == 0.0
    assert figures["phantom_rate_confirmed"] == 0.0  # the secondary reading leaves unconfirmed lines out
    assert figures["exact_match_confirmed"] == 1.0
    assert classes["phantom"] == Counter({"left unconfirmed": 1})


def test_a_placed_order_and_a_browsing_question_score_as_expected() -> None:
    dialogs = [
        _dialog("b", "orders", ["Two hot cocoas to go please", "yes"],
                [{"name": "hot cocoa", "quantity": 2, "options": {}, "addons": []}], True),
        _dialog("c", "asks", ["Which kinds of herbal infusion do you have?"], [], False),
    ]
    dialogs[0]["expected"]["order_type"] = "togo"
    errors: list[dict[str, Any]] = []
    figures = run(dialogs, MENU, errors=errors)
    assert errors == []
    assert figures["exact_match"] == 1.0 and figures["phantom_rate"] == 0.0
    assert figures["placed_accuracy"] == 1.0


def test_an_annotators_other_spelling_of_a_menu_value_counts_only_in_the_folded_figures() -> None:
    # the menu folds "oat-milk" into "oat milk" and "cinamon" into "cinnamon" (its own _merge_values); an annotation
    # written with the other spelling is the same value in the *_folded figures, and a miss in the raw ones
    menu = {"items": {"flat white": 9, "hot cocoa": 7}, "attributes": {"milk-options": {"oat milk": 6, "oat-milk": 2,
            "whole milk": 5}, "order-type": {"here": 4}}, "addons": {"cinnamon": 5, "cinamon": 2, "honey": 3}}
    dialogs = [_dialog("d", "spelled", ["a flat white with oat milk and cinnamon please", "yes"],
                       [{"name": "flat white", "quantity": 1, "options": {"milk-options": "oat-milk"},
                         "addons": ["cinamon"]}], True),
               _dialog("e", "wrong", ["a flat white with whole milk and honey please", "yes"],
                       [{"name": "flat white", "quantity": 1, "options": {"milk-options": "oat-milk"},
                         "addons": ["cinamon"]}], True)]
    figures = run(dialogs, menu)
    assert figures["exact_match"] == 0.0 and figures["exact_match_confirmed"] == 0.0
    assert figures["exact_match_folded"] == 0.5 and figures["exact_match_confirmed_folded"] == 0.5
