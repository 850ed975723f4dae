"""How a cart line is said: a choice whose name ends with the product's noun is not followed by the noun again
("two apple juices", not "two apple juice juices"), and a product named "the ..." loses its article after a count
("one scrambled big breakfast"). Read from the line as the cart holds it."""

from __future__ import annotations

from catalog.models import CartLine, OptionGroup, OptionValue, Product, SelectedOption
from dialogue.replies import describe_line

_JUICE = Product("JUICE", "juice", 350, option_groups=(
    OptionGroup("flavour", "flavour", (OptionValue("apple", "apple juice"), OptionValue("orange", "orange juice")),
                required=True),
    OptionGroup("size", "size", (OptionValue("small", "small"), OptionValue("large", "large")), default="small")))
_PLATE = Product("BIG", "the big breakfast", 1200, option_groups=(
    OptionGroup("eggs", "eggs", (OptionValue("scrambled", "scrambled"), OptionValue("fried", "fried")),
                required=True),))


def _line(product: Product, qty: int, *opts: tuple[str, str]) -> CartLine:
    return CartLine(1, product.sku, product.name, qty, product.price_cents,
                    tuple(SelectedOption(g, v) for g, v in opts))


def test_a_choice_ending_with_the_products_noun_is_said_once() -> None:
    assert describe_line(_line(_JUICE, 2, ("flavour", "apple")), _JUICE) == "two apple juices"
    assert describe_line(_line(_JUICE, 1, ("flavour", "orange"), ("size", "large")), _JUICE) == "one large orange juice"


def test_a_name_with_its_own_article_loses_it_after_a_count() -> None:
    assert describe_line(_line(_PLATE, 1, ("eggs", "scrambled")), _PLATE) == "one scrambled big breakfast"
    assert describe_line(_line(_PLATE, 2, ("eggs", "fried")), _PLATE) == "two fried big breakfasts"


def test_a_sentence_never_says_the_twice() -> None:
    from dialogue.replies import sentence

    assert sentence("the the big breakfast doesn't come with rye") == "The big breakfast doesn't come with rye."
    assert sentence("Sorry, the The Big Breakfast is sold out") == "Sorry, the Big Breakfast is sold out."


def test_a_reply_says_each_sentence_once() -> None:
    from dialogue.replies import join

    assert join("One tea", "The tea doesn't come with rye", "the tea doesn't come with rye.", "Anything else?") \
        == "One tea. The tea doesn't come with rye. Anything else?"
