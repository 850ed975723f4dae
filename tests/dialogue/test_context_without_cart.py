"""``Context.without_the_cart``: how a turn reads when no cart line is there to take its words. Every field of
:class:`Context` is either about the cart (cleared) or not (kept); a field added later must be sorted here too."""

from __future__ import annotations

import dataclasses

from dialogue.parse_records import Context

CART_FIELDS = {"last_sku", "has_lines", "line_skus", "line_options", "line_units", "focus_units", "focus_options",
               "focus_fresh", "focus_quantity"}
FILTERED = {"topic", "shown"}  # kept unless they name a product of the cart
KEPT = {"pending", "expect_group", "expect_sku", "candidates", "listing", "listed", "asked", "unsold"}


def full_context() -> Context:
    return Context(pending="clarify_option", expect_group="size", expect_sku="LAT", candidates=("LAT", "MOC"),
                   last_sku="LAT", has_lines=True, shown=("LAT", "SCN"), line_skus=("LAT", "MUF"),
                   line_options=((("size", "large"),), ()), line_units=(2, 1), listing=True, topic="LAT",
                   listed=("LAT", "milk"), focus_units=2, focus_options=(("size", "large"),), focus_fresh=True,
                   focus_quantity=2)


def test_every_field_is_sorted() -> None:
    assert {f.name for f in dataclasses.fields(Context)} == CART_FIELDS | FILTERED | KEPT


def test_cart_fields_are_cleared_and_others_kept() -> None:
    ctx = full_context()
    bare = ctx.without_the_cart()
    blank = Context()
    for name in CART_FIELDS:
        assert getattr(bare, name) == getattr(blank, name), name
    for name in KEPT:
        assert getattr(bare, name) == getattr(ctx, name), name


def test_topic_and_shown_lose_only_the_cart_products() -> None:
    bare = full_context().without_the_cart()
    assert bare.topic is None  # the latte is a cart line
    assert bare.shown == ("SCN",)
    other = dataclasses.replace(full_context(), topic="SCN").without_the_cart()
    assert other.topic == "SCN"


def test_an_empty_context_is_unchanged() -> None:
    assert Context().without_the_cart() == Context()
