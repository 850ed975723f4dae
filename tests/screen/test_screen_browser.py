"""The kiosk screen and the operator view in a real headless Chromium (Debian's chromium + chromium-driver).

Every check waits explicitly for a page condition (``WebDriverWait``, generous bounds); nothing sleeps in place
of an event. The page is driven as a shopper would: turns typed into the page's text box (the same Session a
spoken turn reaches), the read-back answered with the on-screen buttons, and spoken turns injected into the
same ``KioskScreen`` the voice loop would call.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from dialogue.types import TurnMeta
from tests.screen.conftest import WAIT_S, viewport
from voice.screen import KioskScreen, OperatorFeed, ScreenServer
from voice.sip.privacy import for_events

SCRIPT = [  # (typed turn, expected cart lines as (qty, name, options, line total), total, read-back)
    ("a large latte with oat milk", [("1×", "large latte", "with oat milk", "$5.95")], "$5.95", True),
    ("what muffins do you have", [("1×", "large latte", "with oat milk", "$5.95")], "$5.95", False),
    ("a blueberry muffin", [("1×", "large latte", "with oat milk", "$5.95"),
                            ("1×", "blueberry muffin", "", "$3.25")], "$9.20", True),
    ("make it two muffins", [("1×", "large latte", "with oat milk", "$5.95"),
                             ("2×", "blueberry muffin", "", "$6.50")], "$12.45", True),
    ("that's all", [("1×", "large latte", "with oat milk", "$5.95"),
                    ("2×", "blueberry muffin", "", "$6.50")], "$12.45", True),
]


def wait(driver: Any, cond: Callable[[Any], Any], what: str) -> Any:
    return WebDriverWait(driver, WAIT_S, poll_frequency=0.05).until(cond, f"page never showed: {what}")


def text(driver: Any, css: str) -> str:
    return str(driver.find_element(By.CSS_SELECTOR, css).text)


def turn_shown(driver: Any) -> int:
    return int(driver.find_element(By.TAG_NAME, "body").get_attribute("data-turn"))


def open_page(driver: Any, url: str, turn: int | None = None) -> None:
    driver.get(url)
    wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-conn") == "connected",
         "connected")
    if turn is not None:
        wait(driver, lambda d: turn_shown(d) == turn, f"turn {turn}")


def cart_rows(driver: Any) -> list[tuple[str, str, str, str]]:
    rows = []
    for tr in driver.find_elements(By.CSS_SELECTOR, "#cart-lines tr"):
        opts = tr.find_elements(By.CSS_SELECTOR, ".opts")
        rows.append((tr.find_element(By.CSS_SELECTOR, ".qty").text, tr.find_element(By.CSS_SELECTOR, ".lname").text,
                     opts[0].text if opts else "", tr.find_element(By.CSS_SELECTOR, ".ltotal").text))
    return rows


def type_turn(driver: Any, said: str) -> None:
    before = turn_shown(driver)
    box = driver.find_element(By.ID, "say-text")
    box.send_keys(said)
    driver.find_element(By.ID, "say-send").click()
    wait(driver, lambda d: turn_shown(d) == before + 1, f"the turn after {said!r}")


def to_readback(driver: Any, screen: KioskScreen) -> None:
    for said in ("a large latte with oat milk", "and a blueberry muffin", "that's all"):
        type_turn(driver, said)
    assert screen.readback
    wait(driver, lambda d: d.find_element(By.ID, "confirm").is_displayed()
         and d.find_element(By.ID, "confirm").is_enabled(), "the confirm button")


def layout_ok(driver: Any) -> None:
    """Large type, no sideways scrolling, the read-back buttons on screen without scrolling."""
    m = driver.execute_script("""
        const r = (id) => document.getElementById(id).getBoundingClientRect();
        const px = (id) => parseFloat(getComputedStyle(document.getElementById(id)).fontSize);
        return {sw: document.documentElement.scrollWidth, w: innerWidth, h: innerHeight,
                confirm: r('confirm').bottom, change: r('change').bottom,
                body: parseFloat(getComputedStyle(document.body).fontSize), total: px('total'),
                yes: px('confirm'), bg: getComputedStyle(document.body).backgroundColor,
                fg: getComputedStyle(document.body).color};""")
    assert m["sw"] <= m["w"], m
    assert m["confirm"] <= m["h"] and m["change"] <= m["h"], m
    assert m["body"] >= 28 and m["total"] >= 40 and m["yes"] >= 40, m
    assert (m["bg"], m["fg"]) == ("rgb(0, 0, 0)", "rgb(255, 255, 255)"), m


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_scripted_conversation(kiosk: tuple[KioskScreen, ScreenServer], store: Any, browser: Any,
                               screenshot: Callable[[str], Path], size: tuple[int, int]) -> None:
    screen, server = kiosk
    viewport(browser, *size)
    open_page(browser, server.url, turn=0)
    assert "Hi, welcome" in text(browser, "#reply")
    assert text(browser, "#cart-empty") == "Nothing yet."
    assert text(browser, "#state") == "Ready"
    for n, (said, lines, total, readback) in enumerate(SCRIPT, start=1):
        type_turn(browser, said)
        assert turn_shown(browser) == n
        assert text(browser, "#heard") == said
        assert text(browser, "#reply") == screen.hub.snapshot()["reply"]
        assert cart_rows(browser) == lines, said
        assert text(browser, "#total") == total
        assert browser.find_element(By.ID, "readback").is_displayed() == readback, said
        if said.startswith("what muffins"):
            products = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#product-list li")]
            assert products and "blueberry muffin" in products[0] and "$3.25" in products[0]
        screenshot(f"{n}")
    layout_ok(browser)
    screenshot("mid-order")
    browser.find_element(By.ID, "confirm").click()
    wait(browser, lambda d: d.find_element(By.ID, "placed").is_displayed(), "the order number")
    orders = store.orders()
    assert len(orders) == 1
    assert text(browser, "#order-number") == orders[0].number
    assert text(browser, "#heard") == "Yes, place my order"
    assert text(browser, "#cart-empty") == "Nothing yet."
    assert not browser.find_element(By.ID, "readback").is_displayed()
    screenshot("placed")


def test_double_click_places_one_order(kiosk: tuple[KioskScreen, ScreenServer], store: Any, browser: Any,
                                       screenshot: Callable[[str], Path]) -> None:
    screen, server = kiosk
    open_page(browser, server.url, turn=0)
    to_readback(browser, screen)
    turn = turn_shown(browser)
    ActionChains(browser).double_click(browser.find_element(By.ID, "confirm")).perform()
    wait(browser, lambda d: d.find_element(By.ID, "placed").is_displayed(), "the order number")
    # the page's own guard aside, the server takes one press per read-back: two presses sent at once
    statuses = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const press = () => fetch('/api/press', {method: 'POST', headers: {'Content-Type': 'application/json'},
                                                 body: JSON.stringify({button: 'confirm', turn: arguments[0]})});
        Promise.all([press(), press()]).then((rs) => done(rs.map((r) => r.status)));""", turn)
    assert statuses == [409, 409]  # the read-back was answered: both are stale
    assert len(store.orders()) == 1 and screen.orders_placed == [store.orders()[0].number]
    assert text(browser, "#order-number") == store.orders()[0].number
    assert screen.turn == turn + 1  # exactly one turn for the double click
    screenshot("placed")


def test_two_presses_at_once_one_order(kiosk: tuple[KioskScreen, ScreenServer], store: Any, browser: Any) -> None:
    screen, server = kiosk
    open_page(browser, server.url, turn=0)
    to_readback(browser, screen)
    statuses = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const press = () => fetch('/api/press', {method: 'POST', headers: {'Content-Type': 'application/json'},
                                                 body: JSON.stringify({button: 'confirm', turn: arguments[0]})});
        Promise.all([press(), press(), press()]).then((rs) => done(rs.map((r) => r.status)));""",
                                            turn_shown(browser))
    assert sorted(statuses) == [200, 409, 409]
    assert len(store.orders()) == 1
    wait(browser, lambda d: text(d, "#order-number") == store.orders()[0].number, "the order number")


def test_two_tabs_and_a_reload(kiosk: tuple[KioskScreen, ScreenServer], store: Any, browser: Any) -> None:
    screen, server = kiosk
    open_page(browser, server.url, turn=0)
    tab_a = browser.current_window_handle
    to_readback(browser, screen)
    turn = turn_shown(browser)
    rows = cart_rows(browser)
    history = screen.hub.snapshot()["history"]
    browser.refresh()  # a reload mid-order: the same state, no new turn
    open_page(browser, server.url, turn=turn)
    assert cart_rows(browser) == rows and screen.hub.snapshot()["history"] == history
    browser.switch_to.new_window("tab")  # a second tab mid-order: the same read-back
    tab_b = browser.current_window_handle
    open_page(browser, server.url, turn=turn)
    assert cart_rows(browser) == rows and browser.find_element(By.ID, "confirm").is_displayed()
    assert len(store.orders()) == 0
    browser.find_element(By.ID, "confirm").click()  # tab B places it
    wait(browser, lambda d: d.find_element(By.ID, "placed").is_displayed(), "tab B: the order number")
    number = store.orders()[0].number
    browser.switch_to.window(tab_a)  # tab A follows, its buttons gone
    wait(browser, lambda d: text(d, "#order-number") == number, "tab A: the order number")
    assert not browser.find_element(By.ID, "readback").is_displayed()
    # a press tab A sent for the read-back it showed (before the update reached it) takes no turn
    status = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch('/api/press', {method: 'POST', headers: {'Content-Type': 'application/json'},
                             body: JSON.stringify({button: 'confirm', turn: arguments[0]})}).then((r) => done(r.status));""",
                                          turn)
    assert status == 409
    assert len(store.orders()) == 1 and screen.turn == turn + 1
    browser.switch_to.window(tab_b)
    assert text(browser, "#order-number") == number


def test_click_and_spoken_yes_at_once(kiosk: tuple[KioskScreen, ScreenServer], store: Any, browser: Any) -> None:
    screen, server = kiosk
    open_page(browser, server.url, turn=0)
    to_readback(browser, screen)
    go = threading.Event()
    spoken: list[str] = []

    def speak() -> None:  # the voice loop's worker: a transcribed "yes" through the same KioskScreen
        go.wait(WAIT_S)
        spoken.append(screen.handle("yes", TurnMeta(asr_confidence=0.95, channel="kiosk")).text)

    t = threading.Thread(target=speak)
    t.start()
    button = browser.find_element(By.ID, "confirm")
    go.set()
    try:
        button.click()
    except Exception:  # noqa: BLE001 - the spoken yes won and the button went away first: fine
        pass
    t.join(WAIT_S)
    number = store.orders()[0].number
    wait(browser, lambda d: text(d, "#order-number") == number, "the order number")
    assert len(store.orders()) == 1 and screen.orders_placed == [number]
    assert spoken and ("placed" in spoken[0].lower())


def test_dropped_stream_reconnects(kiosk: tuple[KioskScreen, ScreenServer], store: Any, browser: Any) -> None:
    screen, server = kiosk
    open_page(browser, server.url, turn=0)
    type_turn(browser, "a large latte with oat milk")
    server.drop_clients()  # every event stream ends; the page must come back by itself
    screen.type_text("and a blueberry muffin")  # a turn while it may be disconnected
    wait(browser, lambda d: turn_shown(d) == 2 and text(d, "#total") == "$9.20", "the turn made while away")
    port = server.port
    server.close()  # the server goes away entirely ...
    wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-conn") == "reconnecting",
         "reconnecting")
    assert text(browser, "#conn") == "Reconnecting…"
    screen.type_text("make it two muffins")
    again = ScreenServer(screen, port=port).start()  # ... and comes back on the same port
    try:
        wait(browser, lambda d: turn_shown(d) == 3 and text(d, "#total") == "$12.45", "the state after restart")
        wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-conn") == "connected",
             "connected again")
        assert text(browser, "#conn") == ""
    finally:
        again.close()


def test_loop_states_and_missing_microphone(kiosk: tuple[KioskScreen, ScreenServer], browser: Any,
                                            screenshot: Callable[[str], Path]) -> None:
    screen, server = kiosk
    open_page(browser, server.url, turn=0)
    for state, label in (("listening", "Listening"), ("hearing", "Hearing you…"), ("thinking", "Thinking…"),
                         ("speaking", "Speaking"), ("microphone missing", "Microphone missing: use the screen")):
        screen.loop_state(state)
        wait(browser, lambda d, label=label: text(d, "#state") == label, label)
    screenshot("microphone-missing")


# --- the operator view ------------------------------------------------------------------------------------

def _events(path: Path, *records: dict[str, Any], personal: bool = False) -> None:
    """Append records as the bridge writes them (``for_events``: numbers redacted unless --log-personal)."""
    with path.open("a", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(for_events(rec, personal)) + "\n")


def test_operator_view(tmp_path: Path, browser: Any, screenshot: Callable[[str], Path]) -> None:
    events = tmp_path / "events.jsonl"
    t = 1_760_000_000.0
    _events(events,
            {"t": t, "event": "listening", "host": "0.0.0.0", "port": 5060},
            {"t": t + 1, "event": "incoming", "call": "c1", "caller": "+15551234567", "source": "10.0.0.5"},
            {"t": t + 1.2, "event": "answered", "call": "c1"},
            {"t": t + 2, "event": "turn", "kind": "greeting", "call": "c1", "caller": "+15551234567",
             "transcript": "", "reply": "Hi, welcome to our shop. What can I get you?", "order": None},
            {"t": t + 5, "event": "turn", "kind": "caller", "call": "c1", "caller": "+15551234567",
             "transcript": "a large latte with oat milk", "reply": "One large latte with oat milk. Is that right?",
             "order": None},
            {"t": t + 6, "event": "refused", "status": 403, "reason": "not in --allow", "source": "203.0.113.9"},
            {"t": t + 7, "event": "incoming", "call": "c2", "caller": "sip:+447700900123@pbx.example",
             "source": "10.0.0.6"},
            {"t": t + 7.1, "event": "answered", "call": "c2"},
            {"t": t + 9, "event": "turn", "kind": "caller", "call": "c2", "caller": "sip:+447700900123@pbx.example",
             "transcript": "yes", "reply": "Thank you! Your order is placed.", "order": "2495"})
    _events(events, {"t": t + 10, "event": "turn", "kind": "caller", "call": "c1", "caller": "+15559876543",
                     "transcript": "what muffins do you have", "reply": "We have the blueberry muffin.",
                     "order": None}, personal=True)  # a --log-personal file: the view still redacts
    feed = OperatorFeed(events, poll_s=0.05)
    server = ScreenServer(None, feed, port=0).start()
    try:
        browser.get(server.url)  # no kiosk here: / leads to /operator
        wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-conn") == "connected",
             "connected")
        wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#live tr.call")) == 2, "two live calls")
        page = browser.find_element(By.TAG_NAME, "body").text
        assert "5551234567" not in page and "9876543" not in page and "447700900123" not in page
        c1 = text(browser, '#live tr[data-call="c1"]')
        assert "…6543" in c1 and "talking" in c1 and "what muffins do you have" in c1
        assert "…0123" in text(browser, '#live tr[data-call="c2"]')
        assert "2495" in text(browser, "#orders") and "…0123" in text(browser, "#orders")
        assert "403" in text(browser, "#refusals") and "not in --allow" in text(browser, "#refusals")
        assert text(browser, "#bridge") == "Bridge: running"
        screenshot("operator")
        _events(events, {"t": t + 20, "event": "ended", "call": "c2", "reason": "caller hung up"})  # the file grows
        wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#live tr.call")) == 1, "c2 ended")
        assert "…0123" in text(browser, "#ended")
        viewport(browser, 1080, 1920)
        screenshot("operator-portrait")
    finally:
        server.close()
