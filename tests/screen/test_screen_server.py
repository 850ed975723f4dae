"""The screen's server and state without a browser: loopback only, request guards, one order under a crowd of
presses and spoken yeses, the event stream's first message, the operator view's file following."""

from __future__ import annotations

import http.client
import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from dialogue.session import Session
from dialogue.types import TurnMeta
from voice.screen import KioskScreen, OperatorFeed, ScreenServer
from voice.screen.operator import OperatorState


def request(server: ScreenServer, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
            ) -> tuple[int, bytes, http.client.HTTPResponse]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    data = json.dumps(body).encode() if body is not None and not isinstance(body, bytes) else body
    hdrs = {"Content-Type": "application/json"} if data is not None else {}
    hdrs.update(headers or {})
    conn.request(method, path, body=data, headers=hdrs)
    r = conn.getresponse()
    out = r.read()
    conn.close()
    return r.status, out, r


def to_readback(screen: KioskScreen) -> int:
    for said in ("a large latte with oat milk", "and a blueberry muffin", "that's all"):
        screen.type_text(said)
    assert screen.readback
    return screen.turn


def test_loopback_only(kiosk: tuple[KioskScreen, ScreenServer]) -> None:
    screen, _ = kiosk
    for host in ("0.0.0.0", "192.168.1.10", "::", "example.com"):
        with pytest.raises(ValueError, match="loopback"):
            ScreenServer(screen, host=host)
    with pytest.raises(ValueError):
        ScreenServer(None, None)


def test_request_guards(kiosk: tuple[KioskScreen, ScreenServer]) -> None:
    screen, server = kiosk
    status, _, r = request(server, "GET", "/")
    assert status == 200 and "default-src 'self'" in (r.getheader("Content-Security-Policy") or "")
    assert request(server, "GET", "/static/kiosk.js")[0] == 200
    assert request(server, "GET", "/static/../hub.py")[0] == 404
    assert request(server, "GET", "/static/%2e%2e/hub.py")[0] == 404
    assert request(server, "GET", "/operator")[0] == 404  # no events file given
    assert request(server, "GET", "/", headers={"Host": "attacker.example"})[0] == 421  # DNS rebinding
    turn = to_readback(screen)
    press = {"button": "confirm", "turn": turn}
    assert request(server, "POST", "/api/press", press, {"Origin": "http://attacker.example"})[0] == 403
    assert request(server, "POST", "/api/press", json.dumps(press).encode(), {"Content-Type": "text/plain"})[0] == 415
    assert request(server, "POST", "/api/press", {"button": "confirm", "turn": "7"})[0] == 400
    assert request(server, "POST", "/api/press", {"button": "order-twice", "turn": turn})[0] == 400
    assert request(server, "POST", "/api/press", b"{not json")[0] == 400
    assert request(server, "POST", "/api/press", "x" * 10000)[0] == 400
    assert screen.turn == turn and not screen.orders_placed  # nothing above took a turn
    origin = f"http://127.0.0.1:{server.port}"
    status, body, _ = request(server, "POST", "/api/press", press, {"Origin": origin})
    assert status == 200 and json.loads(body)["state"]["order_number"] == screen.orders_placed[0]


def test_typing_only_in_text_mode(store: Any) -> None:
    screen = KioskScreen(Session(store))  # the voice kiosk: no text box
    with ScreenServer(screen, port=0) as server:
        assert request(server, "POST", "/api/say", {"text": "a latte"})[0] == 403
        assert screen.turn == 0


def test_a_crowd_of_presses_and_spoken_yeses_places_one_order(kiosk: tuple[KioskScreen, ScreenServer],
                                                              store: Any) -> None:
    screen, server = kiosk
    turn = to_readback(screen)
    start = threading.Barrier(16)
    statuses: list[int] = []
    spoken: list[str] = []

    def click() -> None:
        start.wait()
        statuses.append(request(server, "POST", "/api/press", {"button": "confirm", "turn": turn})[0])

    def say_yes() -> None:
        start.wait()
        spoken.append(screen.handle("yes", TurnMeta(asr_confidence=0.9, channel="kiosk")).text)

    threads = [threading.Thread(target=click) for _ in range(12)] + [threading.Thread(target=say_yes)
                                                                      for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(store.orders()) == 1 and len(screen.orders_placed) == 1
    assert statuses.count(200) <= 1 and set(statuses) <= {200, 409}
    assert len(spoken) == 4


def test_change_something_is_a_no(kiosk: tuple[KioskScreen, ScreenServer], store: Any) -> None:
    screen, server = kiosk
    turn = to_readback(screen)
    status, body, _ = request(server, "POST", "/api/press", {"button": "change", "turn": turn})
    state = json.loads(body)["state"]
    assert status == 200 and "not placed" in state["reply"] and not state["readback"]
    assert len(state["cart"]["lines"]) == 2 and not store.orders()
    assert request(server, "POST", "/api/press", {"button": "confirm", "turn": state["turn"]})[0] == 409


def test_the_stream_starts_with_the_current_state(kiosk: tuple[KioskScreen, ScreenServer]) -> None:
    screen, server = kiosk
    screen.type_text("a large latte with oat milk")
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("GET", "/events")
    r = conn.getresponse()
    assert r.status == 200 and r.getheader("Content-Type", "").startswith("text/event-stream")
    assert r.readline() == b"retry: 1000\n" and r.readline() == b"\n"
    assert r.readline().startswith(b"id: ")
    first = json.loads(r.readline().removeprefix(b"data: "))
    assert first["turn"] == 1 and first["cart"]["total"] == "$5.95"
    screen.type_text("and a blueberry muffin")
    assert r.readline() == b"\n" and r.readline().startswith(b"id: ")
    assert json.loads(r.readline().removeprefix(b"data: "))["cart"]["total"] == "$9.20"
    server.drop_clients()
    assert r.readline() == b"\n" and r.readline() == b""  # the stream ended: the page reconnects
    conn.close()


def test_operator_state_follows_the_file(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    call = {"event": "incoming", "call": "a", "caller": "+15551234567", "t": 1.0}
    path.write_text(json.dumps(call) + "\nnot json\n" + json.dumps({"event": "turn", "call": "a", "transcript": "hi"})[:20])
    feed = OperatorFeed(path)
    live = feed.state.live
    assert list(live) == ["a"] and live["a"]["caller"] == "…4567" and live["a"]["transcript"] == ""
    with path.open("a") as f:  # the rest of the half-written line arrives
        f.write(json.dumps({"event": "turn", "call": "a", "transcript": "hi"})[20:] + "\n")
    assert feed.poll() and feed.state.live["a"]["transcript"] == "hi"
    tmp = tmp_path / "rewritten"
    tmp.write_text(json.dumps({"event": "refused", "status": 403, "reason": "nope"}) + "\n")
    os.replace(tmp, path)  # retention rewrote the file: read again from the start
    assert feed.poll() and not feed.state.live and feed.state.refusals[0]["status"] == 403
    feed.close()


def test_operator_state_ends_calls_when_the_bridge_stops() -> None:
    st = OperatorState()
    for rec in ({"event": "incoming", "call": "a"}, {"event": "answered", "call": "a"},
                {"event": "transfer", "call": "a", "target": "+15550001111"},
                {"event": "incoming", "call": "b"}, {"event": "stopped"}):
        st.apply(rec)
    assert not st.live and [c["call"] for c in st.ended] == ["b", "a"] and st.bridge == "stopped"
    assert st.ended[1]["state"] == "ended" and st.ended[1]["reason"] == "bridge stopped"
