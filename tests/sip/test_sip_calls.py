"""Real calls from baresip to the bridge on 127.0.0.1, inside a private network namespace.

The caller's microphone is an espeak-ng tape; what the caller heard is transcribed with the shared Whisper
model, and orders are read back from the bridge's SQLite database.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.sip.harness import events, make_tape, orders_for, run_scenario, transcribe
from voice.sip.baresip import available as baresip_missing
from voice.sip.lines import kamailio_missing
from voice.sip.linphone import available as linphone_missing
from voice.sip.netns import netns_usable

pjsua2 = pytest.importorskip("pjsua2", reason="the phone extra (pjsua2-python) is not installed")

_why = baresip_missing() or netns_usable()
pytestmark = [pytest.mark.slow, pytest.mark.skipif(_why is not None, reason=_why or "")]

ORDER_WORDS = ["I would like a large latte please.", 9.0, "Yes, please.", 8.0]


NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def _words(n: int) -> str:
    if n < 20:
        return NUMBER_WORDS[n]
    return TENS[n // 10] + ("" if n % 10 == 0 else f"[- ]{NUMBER_WORDS[n % 10]}")


def amount_heard(text: str, cents: int) -> bool:
    """The amount read back, as Whisper writes it: "5.25", "$5.25", "525" or "five twenty-five"."""
    d, c = divmod(cents, 100)
    forms = [rf"\b{d}[.:,]?\s?{c:02d}\b", rf"\b{_words(d)}( dollars?( and)?)? {_words(c)}\b"]
    return any(re.search(f, text) for f in forms)


CONCURRENT = {
    # caller: (order, product sku fragment, word that must be heard, confirm by, codec)
    "bob": ("I would like a large latte please.", "LATTE", "latte", "voice", "g722"),
    "carol": ("I'd like a blueberry muffin.", "MUFFIN", "muffin", "dtmf", "g711"),
    "dave": ("I'd like a cinnamon roll please.", "CINNAMON", "cinnamon", "voice", "g722"),
    "erin": ("Can I have a banana bread please.", "BANANA", "banana", "voice", "g722"),
}


def test_four_simultaneous_calls_each_place_their_own_order(tmp_path: Path, espeak: Any, whisper: Any) -> None:
    """Each caller says yes twice (a low-confidence order is confirmed first: "I think you said ..."). Bob's call
    is also followed in full: G.722 chosen, the notice and the price heard, a bare "Yes." taken as its own turn,
    the one order in the database under his caller ID, every turn's latency measured."""
    callers = []
    for i, (name, (words, _sku, _word, confirm, codec)) in enumerate(CONCURRENT.items()):
        if name == "bob":  # first a bare "Yes." (a short answer the endpointer must not drop), then "Yes, please."
            parts: list[str | float] = [10.0, words, 9.0, "Yes.", 8.0, "Yes, please.", 7.0]
            actions: list[list[Any]] = []
        elif confirm == "voice":
            parts = [10.0, words, 7.0, "Yes, please.", 7.0, "Yes, please.", 6.0]
            actions = []
        else:
            parts = [10.0, words, 24.0]
            actions = [[19.0, "dtmf", "1"], [27.0, "dtmf", "1"]]
        rate = 16000 if codec == "g722" else 8000
        tape = make_tape(espeak, tmp_path / f"{name}.wav", parts, rate=rate)
        callers.append({"name": name, "user": name, "sip_port": 5100 + 10 * i, "ctrl_port": 4441 + i, "tape": str(tape),
                        "codecs": [codec], "dial_at": 0.4 * i, "actions": actions, "max_seconds": 70})
    result = run_scenario(tmp_path, {"callers": callers}, timeout=200)
    assert result["bridge_rc"] == 0
    assert len(events(result, "answered")) == 4
    assert events(result, "dtmf", digit="1")
    db = tmp_path / "shop.sqlite3"
    for name, (_words, sku, word, _confirm, _codec) in CONCURRENT.items():
        orders = orders_for(db, name)
        assert len(orders) == 1, (name, [t for t in events(result, "turn", caller=name)])
        assert any(sku in line.sku for line in orders[0].lines), (name, orders[0].lines)
        heard = transcribe(whisper, result["callers"][name]["heard"][0])
        assert word in heard, (name, heard)
        others = [w for n, (_a, _b, w, _c, _d) in CONCURRENT.items() if n != name]
        assert not [w for w in others if w in heard], (name, heard)  # no crossed audio
    turns = events(result, "turn")
    assert all(t["latency_ms"] is not None and t["latency_ms"] > 0 for t in turns if t["transcript"]), turns
    # bob, in full
    bob = {e["caller"]: e["call"] for e in events(result, "incoming")}["bob"]
    media = events(result, "media", call=bob)
    assert media and media[0]["codec"] == "G722"  # wideband preferred when the peer offers it
    heard = transcribe(whisper, result["callers"]["bob"]["heard"][0])
    assert "automated assistant" in heard and "latte" in heard, heard
    said = [t["transcript"].lower() for t in events(result, "turn", call=bob) if t["transcript"]]
    # the bare "Yes." was heard as a turn of its own (by its words, not its place: a line noise or an echo heard as
    # a turn of its own under load moves it along without changing what this checks)
    assert len(said) >= 3 and any(re.fullmatch(r"\W*yes\W*", s) for s in said[1:]), said
    placed = [t for t in events(result, "turn", call=bob) if t.get("order")]
    orders = orders_for(db, "bob")
    assert len(placed) == 1 and [o.number for o in orders] == [placed[0]["order"]], (placed, orders)
    assert amount_heard(heard, orders[0].total_cents), heard  # the price read back is the order's total


def _closed(result: dict[str, Any], name: str) -> str:
    evs = [e for e in result["callers"][name]["events"] if e.get("type") == "CALL_CLOSED"]
    return str(evs[0].get("param", "")) if evs else ""


def test_signalling_cancel_busy_forbidden_bye_both_ways_reinvite_silence_and_refer(tmp_path: Path, espeak: Any) -> None:
    silent = make_tape(espeak, tmp_path / "silent.wav", [40.0])
    person = make_tape(espeak, tmp_path / "person.wav", [9.0, "I want to talk to a person.", 16.0], rate=16000)
    quiet = make_tape(espeak, tmp_path / "quiet.wav", [30.0])
    quiet16 = make_tape(espeak, tmp_path / "quiet16.wav", [30.0], rate=16000)
    spec = {
        "bridge_args": ["--max-calls", "1", "--answer-delay", "1.5", "--allow", "127.0.0.1/32",
                        "--silence-timeout", "4", "--transfer-to", "sip:person@127.0.0.1:5090"],
        "callers": [
            # CANCEL before the answer
            {"name": "cancel", "sip_port": 5100, "ctrl_port": 4442, "tape": str(quiet), "dial_at": 0.0,
             "actions_from": "dial", "actions": [[0.6, "hangup"]], "max_seconds": 10},
            # silent caller: re-prompted, then the bridge says goodbye and sends BYE
            {"name": "silent", "sip_port": 5110, "ctrl_port": 4443, "tape": str(silent), "dial_at": 3.0,
             "max_seconds": 45},
            # past --max-calls while the silent call holds the only slot
            {"name": "busy", "sip_port": 5120, "ctrl_port": 4444, "tape": str(quiet), "dial_at": 8.0,
             "max_seconds": 10},
            # from a source outside --allow
            {"name": "stranger", "host": "127.0.0.2", "sip_port": 5130, "ctrl_port": 4445, "tape": str(quiet),
             "dial_at": 9.0, "max_seconds": 10},
            # the caller hangs up (BYE from the caller); dials once the silent call is over (the only slot)
            {"name": "hangs_up", "sip_port": 5140, "ctrl_port": 4446, "tape": str(quiet), "dial_after": "silent",
             "actions": [[1.5, "hold"], [3.0, "resume"], [5.0, "hangup"]], "max_seconds": 15},
            # asks for a person: REFER to --transfer-to, where an auto-answering peer takes the call
            {"name": "wants_person", "sip_port": 5150, "ctrl_port": 4447, "tape": str(person),
             "dial_after": "hangs_up",
             "codecs": ["g722"], "max_seconds": 40},
            {"name": "person", "user": "person", "sip_port": 5090, "ctrl_port": 4448, "tape": str(quiet16),
             "codecs": ["g722"], "dial": False, "auto_answer": True, "max_seconds": 75},
        ],
    }
    result = run_scenario(tmp_path, spec, timeout=200)
    assert result["bridge_rc"] == 0
    by_caller = {e["caller"]: e["call"] for e in events(result, "incoming")}
    # CANCEL: never answered, ended with 487
    cancel_id = by_caller["cancel"]
    assert not events(result, "answered", call=cancel_id)
    assert "487" in events(result, "ended", call=cancel_id)[0]["reason"]
    # silent caller: one re-prompt, then a polite hang-up from the bridge
    silent_id = by_caller["silent"]
    assert len(events(result, "reprompt", call=silent_id)) == 1
    assert events(result, "silent_caller", call=silent_id)
    assert "reset by peer" in _closed(result, "silent")  # the bridge sent the BYE
    # busy and forbidden
    busy = [e for e in events(result, "refused") if e["status"] == 486]
    forbidden = [e for e in events(result, "refused") if e["status"] == 403]
    assert busy and busy[0]["source"].endswith(":5120")
    assert forbidden and forbidden[0]["source"].startswith("127.0.0.2")
    assert "486" in _closed(result, "busy")
    assert "403" in _closed(result, "stranger")
    # BYE from the caller
    hangs_id = by_caller["hangs_up"]
    assert events(result, "answered", call=hangs_id) and events(result, "ended", call=hangs_id)
    assert "reset by user" in _closed(result, "hangs_up")  # the caller sent the BYE
    updates = events(result, "media_update", call=hangs_id)  # re-INVITEs: hold, then resume
    assert [u["held"] for u in updates][:2] == [True, False], updates
    # REFER on "a person please"
    person_id = by_caller["wants_person"]
    assert events(result, "transfer_sent", call=person_id, target="sip:person@127.0.0.1:5090")
    final = [e for e in events(result, "transfer_status", call=person_id) if e["final"]]
    assert final and final[0]["status"] == 200
    assert "TRANSFER" in [e["type"] for e in result["callers"]["wants_person"]["events"]]
    assert "CALL_ESTABLISHED" in [e["type"] for e in result["callers"]["person"]["events"]]


@pytest.mark.skipif(linphone_missing() is not None, reason=linphone_missing() or "")
def test_linphonec_orders_too(tmp_path: Path, espeak: Any, whisper: Any) -> None:
    """A second, independent SIP stack (liblinphone/belle-sip) as the caller."""
    words = "I'd like a blueberry muffin."  # PCMU (8 kHz) is what linphonec negotiates here
    # two phrasings of yes: over PCMU under load Whisper once heard "Yes, please." as "Yes, clean." both times
    tape = make_tape(espeak, tmp_path / "lin.wav", [10.0, words, 9.0, "Yes, that's right.", 9.0, "Yes.", 6.0])
    spec = {"callers": [{"peer": "linphonec", "name": "gina", "user": "gina", "sip_port": 5200, "tape": str(tape),
                         "actions": [[44.0, "hangup"]], "max_seconds": 60}]}
    result = run_scenario(tmp_path, spec, timeout=150)
    assert result["bridge_rc"] == 0
    assert events(result, "incoming", caller="gina") and events(result, "answered")
    orders = orders_for(tmp_path / "shop.sqlite3", "gina")
    assert len(orders) == 1 and any("MUFFIN" in line.sku for line in orders[0].lines), events(result, "turn")
    heard = transcribe(whisper, result["callers"]["gina"]["heard"][0])
    assert "automated assistant" in heard and "muffin" in heard, heard


def test_register_with_digest_authentication_and_refresh(tmp_path: Path) -> None:
    spec = {
        "registrar": {"port": 5300, "user": "shop", "password": "s3cret-pw", "grant_expires": 7},
        "env": {"VOICECART_TEST_SIP_PASSWORD": "s3cret-pw"},
        "bridge_args": ["--register", "sip:shop@127.0.0.1:5300", "--password-env", "VOICECART_TEST_SIP_PASSWORD"],
        "settle": 6.0,
    }
    result = run_scenario(tmp_path, spec, timeout=90)
    assert result["bridge_rc"] == 0
    reg = result["registrar"]
    assert reg["challenged"] >= 1 and reg["rejected"] == 0, reg
    assert reg["expires"] == 300  # what the bridge asked for
    assert reg["bindings"] >= 2, reg  # granted 7 s only, so it refreshed within the 6 s it ran
    assert reg["unregistered"] == 1, reg  # and removed its binding at shutdown
    assert [e["status"] for e in events(result, "registration")][:1] == [200]
    assert "s3cret-pw" not in (tmp_path / "bridge.log").read_text()  # the password never reaches the logs


def test_public_address_goes_into_contact_and_sdp(tmp_path: Path) -> None:
    """Behind NAT the PBX must be told the public address, in SIP (Contact) and in SDP (c=), or audio is one-way."""
    spec = {"bridge_args": ["--public-address", "127.0.0.9"], "probe": True}
    result = run_scenario(tmp_path, spec, timeout=90)
    assert result["bridge_rc"] == 0
    responses = result["probe"]
    ok = [r for r in responses if r.startswith("SIP/2.0 200")]
    assert ok, responses
    contact = [line for line in ok[0].split("\r\n") if line.lower().startswith(("contact:", "m:"))]
    assert contact and "127.0.0.9" in contact[0], ok[0]
    assert "c=IN IP4 127.0.0.9" in ok[0], ok[0]
    assert "PCMU/8000" in ok[0]  # the offer had PCMU and PCMA only: the answer picks PCMU


def test_stopping_the_bridge_mid_call_hangs_up_and_exits_cleanly(tmp_path: Path, espeak: Any) -> None:
    tape = make_tape(espeak, tmp_path / "long.wav", [30.0])
    spec = {
        "terminate_after": 8.0,
        "callers": [{"name": f"c{i}", "sip_port": 5100 + 10 * i, "ctrl_port": 4441 + i, "tape": str(tape),
                     "dial_at": 0.3 * i, "max_seconds": 20} for i in range(2)],
    }
    result = run_scenario(tmp_path, spec, timeout=90)
    assert result["bridge_rc"] == 0  # no abort in PJSIP's teardown with calls and media ports alive
    assert len(events(result, "answered")) == 2 and len(events(result, "ended")) == 2
    assert events(result, "stopped")
    for name in ("c0", "c1"):
        assert "reset by peer" in _closed(result, name)  # the bridge sent BYE on the way out


RFC4475_EXPECTED_ON_THE_WIRE = {
    # what RFC 4475 expects of a UAS, as seen on the wire (tests/sip/test_rfc4475.py restates the RFC per message);
    # "pass": processed by PJSIP (any answer from it); "drop": no answer (a response not for us is discarded)
    **{n: ("pass",) for n in ("wsinv", "esc01", "lwsdisp", "longreq", "semiuri", "transports", "mpart01",
                              "zeromf", "inv2543")},
    **{n: ("pass", "drop") for n in ("unreason", "noreason", "bcast")},
    "intmeth": (501, "pass"), "escnull": (405, "pass"), "esc02": (501,), "dblreq": (405, "pass"),
    "regaut01": (405, "pass"), "cparam01": (405, "pass"), "cparam02": (405, "pass"), "regescrt": (405, "pass"),
    "badbranch": (400, "pass"), "mismatch02": (501, 400), "sdp01": (406, 400),
    "scalarlg": ("drop",), "bigcode": ("drop",), "unkscm": (416,), "novelsc": (416,), "bext01": (420,),
    "invut": (415,), "badvers": (505,),
    **{n: (400,) for n in ("badinv01", "clerr", "ncl", "scalar02", "quotbal", "ltgtruri", "lwsruri", "lwsstart",
                           "trws", "escruri", "baddate", "regbadct", "badaspec", "baddn", "mismatch01", "insuf",
                           "unksm2", "multi01", "mcl01")},
}


def test_rfc4475_and_mutated_sdp_then_fuzz_during_a_call_and_the_caller_still_orders(
    tmp_path: Path, espeak: Any, whisper: Any
) -> None:
    """The bridge as deployed (front + PJSIP): RFC 4475's 49 messages (exact bytes), then a few hundred INVITEs
    with mutated SDP offers; it stays up, and a baresip caller then orders as usual while thousands of fuzzed SIP
    datagrams and random RTP packets hit the bridge in the middle of the call."""
    assert len(RFC4475_EXPECTED_ON_THE_WIRE) == 49
    tape = make_tape(espeak, tmp_path / "after.wav", [10.0, *ORDER_WORDS[:2], "Yes, please.", 8.0], rate=16000)
    spec = {
        "bridge_args": ["--max-calls", "2"],
        "rfc4475": True,
        "sdp_fuzz": {"cases": 240, "seed": 4475},
        "callers": [{"name": "after", "user": "after", "sip_port": 5100, "ctrl_port": 4441, "tape": str(tape),
                     "codecs": ["g722"], "max_seconds": 60}],
        "fuzz": {"start_after": 12.0, "sip": 3000, "rtp": 2000, "seed": 11},
    }
    result = run_scenario(tmp_path, spec, timeout=420)
    before = result["before"]
    verdicts = before["rfc4475"]["verdicts"]
    wrong = {n: v for n, v in verdicts.items() if v not in RFC4475_EXPECTED_ON_THE_WIRE[n]}
    print(f"RFC 4475 on the wire: {49 - len(wrong)} of 49 as expected; {wrong}; fuzz {before['sdp_fuzz']}")
    assert len(verdicts) == 49 and not wrong, wrong
    assert all(v == 200 for v in before["rfc4475"]["hangups"].values()), before["rfc4475"]["hangups"]
    sdp = before["sdp_fuzz"]
    assert sum(sdp["finals"].values()) == 240 and "0" not in sdp["finals"], sdp  # every INVITE got an answer
    assert sdp["answered"] > 0 and sdp["hung_up"] == sdp["answered"], sdp
    assert before["alive"] and before["options_after"] == 200 and before["lines_free"], before
    fuzz = result["fuzz"]  # during the call
    assert fuzz["sip"]["sent"] >= 2900 and fuzz["rtp"]["sent"] >= 1900, fuzz
    # the flood came from elsewhere than the caller: the call's audio must not have gone to it (voice.sip.rtp_guard)
    assert fuzz["rtp"]["received"] == 0, fuzz
    assert [e["mode"] for e in events(result, "rtp_locked")] == ["first"], events(result, "rtp_locked")
    assert fuzz["bridge_alive"] and fuzz["options_after"] == 200, fuzz  # still answering SIP right after
    assert result["bridge_alive_at_end"] and result["bridge_rc"] == 0
    orders = orders_for(tmp_path / "shop.sqlite3", "after")
    assert len(orders) == 1 and any("LATTE" in line.sku for line in orders[0].lines), events(result, "turn")
    heard = transcribe(whisper, result["callers"]["after"]["heard"][0])
    assert "latte" in heard and "order" in heard, heard
    closed = _closed(result, "after")
    assert "end of file" in closed, closed  # the caller's tape ran out: nobody cut the call


# products Whisper keeps hearing when audio is lost: an espeak-ng order with 0-8 % of its 20 ms frames zeroed,
# transcribed by tiny.en and handed to the dialogue, read back the right product 20 of 20 times for these three
# (a large latte 13/20, banana bread 15/20, hot chocolate 9/20)
CLEAR_ORDERS = [
    # (what the caller says, sku, words any one of which in the transcript means the product was heard)
    ("I'd like a blueberry muffin.", "BLUEBERRY-MUFFIN", ("muffin", "blueberry")),
    ("I'd like a chocolate chip cookie please.", "COOKIE", ("cookie", "chocolate chip")),
    ("I'd like a cinnamon roll please.", "CINNAMON-ROLL", ("cinnamon",)),
]

# caller IDs without digits: the events file cuts numbers to their last four digits (privacy by default)
LINE_CALLERS = ["ann", "ben", "cal", "dee", "eve", "fay", "gus", "hal"]


@pytest.mark.skipif(kamailio_missing() is not None, reason=kamailio_missing() or "")
def test_eight_lines_kamailio_in_front_of_two_bridges_all_order(tmp_path: Path, espeak: Any) -> None:
    """`voicecart sip --lines 8`: the front, Kamailio's dispatcher and two bridges of four calls; eight baresip
    callers at once. Every call is answered, reaches the dialogue and hears its order read back; every caller
    whose order was transcribed as said has exactly that order in the one database, under its own caller ID."""
    callers = []
    for i, name in enumerate(LINE_CALLERS):
        words = CLEAR_ORDERS[i % len(CLEAR_ORDERS)][0]
        tape = make_tape(espeak, tmp_path / f"{name}.wav", [10.0, words, 8.0, "Yes, please.", 8.0, "Yes, please.", 6.0],
                         rate=16000)
        callers.append({"name": name, "user": name, "sip_port": 5100 + 10 * i, "ctrl_port": 4441 + i,
                        "tape": str(tape), "codecs": ["g722"], "dial_at": 0.2 * i, "max_seconds": 80})
    result = run_scenario(tmp_path, {"bridge_args": ["--lines", "8"], "callers": callers}, timeout=330)
    assert result["bridge_rc"] == 0
    assert len(events(result, "bridge_listening")) == 2  # two bridges behind Kamailio
    assert len(events(result, "answered")) == 8 and not events(result, "refused"), events(result, "refused")
    calls = {e["caller"]: e["call"] for e in events(result, "incoming")}
    assert sorted(calls) == sorted(LINE_CALLERS), calls
    db = tmp_path / "shop.sqlite3"
    heard_as_said = []
    for i, name in enumerate(LINE_CALLERS):
        _words, sku, keys = CLEAR_ORDERS[i % len(CLEAR_ORDERS)]
        assert events(result, "answered", call=calls[name]), (name, "not answered")
        turns = [t for t in events(result, "turn", caller=name) if t["transcript"]]
        assert turns, (name, "never reached the dialogue", events(result, "turn", caller=name))
        assert any("is that right" in t["reply"].lower() for t in turns), (name, "no read-back", turns)
        orders = orders_for(db, name)
        assert len(orders) <= 1, (name, orders)  # never two orders on one call (no crossed calls)
        if any(k in t["transcript"].lower() for t in turns for k in keys):
            heard_as_said.append(name)
            assert len(orders) == 1 and any(line.sku == sku for line in orders[0].lines), (name, orders, turns)
            assert [o.number for o in orders] == [t["order"] for t in turns if t.get("order")], (name, turns)
    assert heard_as_said, [t["transcript"] for t in events(result, "turn") if t["transcript"]]
    stopped = events(result, "lines_stopped")
    assert stopped and stopped[0]["bridges_rc"] == [0, 0] and sum(stopped[0]["decodes"].values()) >= 16, stopped
