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
