"""The validating stage on the SIP socket in front of PJSIP: a small stateless proxy on one thread.

The front owns the public UDP socket (``--listen``). PJSIP listens on ``127.0.0.1:<internal port>`` behind
it and never sees a datagram the validator (``voice.sip.validator``) has not passed. Per datagram:

* **from the network, a request**: rate-limited per source address; checked against ``allow`` (403 for
  others, or dropped); validated. Malformed requests are answered here (400/505/416/420/415/...) to the
  datagram's source address; unanswerable ones are dropped. A valid request is relayed to PJSIP as RFC 3261
  16.11 says a stateless proxy does: the caller's Via gets ``received``/``rport`` (RFC 3581), the front pushes
  its own Via (``127.0.0.1:<front internal port>``, branch derived from the caller's so a CANCEL matches its
  INVITE), Route entries naming the front are removed, and a dialog-creating request gets two Record-Route
  entries (``<sip:127.0.0.1:<internal>;lr>`` then ``<sip:<advertised>:<public port>;lr>``) so that both
  PJSIP's and the caller's in-dialog requests pass through the front too;
* **from the network, a response** (to a request PJSIP sent through the front): its top Via must be the
  front's; popped and handed to PJSIP, else dropped;
* **from PJSIP, a response**: the front's Via is popped and the response goes where the next Via says
  (``received`` + ``rport``/sent-by port, RFC 3261 18.2.2 / RFC 3581) - the ``received`` address is the one
  the front stamped, i.e. the real source, so a forged Via cannot aim answers at a third party;
* **from PJSIP, a request** (BYE, re-INVITE, REFER, NOTIFY in a dialog; REGISTER when PJSIP's outbound proxy
  is the front): Route entries naming the front are removed, the front's public Via is pushed and the request
  leaves from the public socket towards the next Route or the Request-URI (numeric addresses; host names
  resolved once and cached).

Bounded: datagrams over 65,507 bytes cannot arrive; the validator caps size, header count and length; each
source address gets ``rate`` datagrams per second (burst ``burst``; a call in progress may use another
``burst``, so new requests are refused first), at most ``max_sources`` addresses are tracked; one thread does
all socket work (``stats`` is read under a lock). RTP does not pass through the front: PJSIP's media transport
must bind the public address itself.

Enabling it in the bridge (see ``run_front_for`` for the few lines ``SipEngine`` needs).
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import re
import selectors
import socket
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from voice.sip.validator import (
    _VIA_RE,
    Action,
    ValidatorConfig,
    Verdict,
    _split_commas,
    _split_semis,
    build_response,
    validate,
)

log = logging.getLogger(__name__)

BRANCH_PREFIX = "z9hG4bK-vf"
DIALOG_METHODS = frozenset({"INVITE", "SUBSCRIBE", "REFER", "NOTIFY"})
_URI_HOSTPORT = re.compile(r"^(?:sips?:)?(?:[^@;>?]*@)?(\[[^\]]+\]|[^:;>?\s]+)(?::(\d+))?", re.IGNORECASE)


@dataclass
class FrontConfig:
    public_host: str = "127.0.0.1"  # address the front binds (--listen host)
    public_port: int = 5060
    advertised: str | None = None  # address written into Record-Route/Via (--public-address), else public_host
    pjsip_port: int = 5090  # PJSIP's transport on 127.0.0.1
    internal_port: int = 0  # the front's own socket towards PJSIP (0: any free port)
    allow: tuple[str, ...] = ()  # CIDRs; empty: everyone
    refuse_outside: bool = True  # True: 403 for requests from outside ``allow``; False: drop them silently
    rate: float = 200.0  # datagrams per second per source address (a PBX carries every line from one address)
    burst: float = 400.0
    max_sources: int = 4096
    validator: ValidatorConfig = field(default_factory=ValidatorConfig)


class _Buckets:
    """Token buckets per source address, the oldest forgotten past ``max_sources``.

    A datagram of a call in progress (``in_dialog``) may overdraw its source's bucket by another ``burst``: when
    one address carries many lines (a PBX, a trunk) and goes over its rate, new requests are refused first, and
    the ACKs, BYEs and responses of calls already up still pass. Dropping those instead makes the other side
    retransmit (more load) and leaves answered calls half set up."""

    def __init__(self, rate: float, burst: float, max_sources: int, clock: Callable[[], float] = time.monotonic):
        self.rate, self.burst, self.max = rate, burst, max_sources
        self.clock = clock
        self._b: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, key: str, in_dialog: bool = False) -> bool:
        now = self.clock()
        tokens, at = self._b.pop(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        ok = tokens - 1.0 >= (-self.burst if in_dialog else 0.0)
        self._b[key] = (tokens - 1.0 if ok else tokens, now)
        while len(self._b) > self.max:
            self._b.popitem(last=False)
        return ok


# --- message surgery (pure, on the validated message's lines) -------------------------------------------
def _split(data: bytes) -> tuple[list[bytes], bytes]:
    i = data.find(b"\r\n\r\n")
    if i < 0:
        return data.split(b"\r\n"), b""
    return data[:i].split(b"\r\n"), data[i + 4:]


def _unfolded(lines: list[bytes]) -> list[bytes]:
    out: list[bytes] = []
    for line in lines:
        if line[:1] in (b" ", b"\t") and out:
            out[-1] += b" " + line.strip(b" \t")
        elif line:
            out.append(line)
    return out


def _name(line: bytes) -> str:
    name = line.split(b":", 1)[0].strip().decode("latin-1").lower()
    return {"v": "via", "m": "contact", "l": "content-length"}.get(name, name)


def _join(lines: list[bytes], body: bytes) -> bytes:
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def _via_values(lines: list[bytes]) -> list[tuple[int, list[str]]]:
    return [(i, _split_commas(ln.split(b":", 1)[1].decode("latin-1")))
            for i, ln in enumerate(lines) if i and _name(ln) == "via"]


def _top_via(lines: list[bytes]) -> tuple[int, list[str]] | None:
    vias = _via_values(lines)
    return vias[0] if vias else None


def _pop_top_via(lines: list[bytes]) -> str | None:
    """Remove the first Via value; returns it."""
    top = _top_via(lines)
    if top is None:
        return None
    i, values = top
    first = values[0].strip()
    if len(values) == 1:
        del lines[i]
    else:
        lines[i] = b"Via: " + ",".join(v.strip() for v in values[1:]).encode("latin-1")
    return first


def _stamp(via: str, src: tuple[str, int]) -> str:
    """RFC 3261 18.2.1 and RFC 3581: ``received`` = source address always, ``rport`` filled in if asked."""
    m = _VIA_RE.match(via.strip())
    if m is None:
        return via
    params = [p.strip() for p in _split_semis(m.group(5))[1:]] if m.group(5).strip().startswith(";") else []
    out = []
    for p in params:
        key = p.split("=", 1)[0].strip().lower()
        if key == "rport":
            out.append(f"rport={src[1]}")
        elif key != "received":
            out.append(p)
    out.append(f"received={src[0]}")
    return via.strip()[: m.start(5)].rstrip() + "".join(";" + p for p in out)


def via_destination(via: str) -> tuple[str, int] | None:
    """Where a response goes by this Via (RFC 3261 18.2.2, RFC 3581); None when it cannot be read (garbage
    after the sent-by, e.g. a port of six digits, whose first five would otherwise be taken for the port)."""
    m = _VIA_RE.match(via.strip())
    if m is None or (m.group(5).strip() and not m.group(5).strip().startswith(";")):
        return None
    params = {}
    for p in _split_semis(m.group(5))[1:] if m.group(5).strip().startswith(";") else []:
        k, _, v = p.partition("=")
        params[k.strip().lower()] = v.strip()
    host = params.get("received") or m.group(3).strip("[]")
    port = params.get("rport") or m.group(4) or "5060"
    if not port.isdigit() or not 0 < int(port) < 65536:
        return None
    return host, int(port)


def _branch_for(via: str, lines: list[bytes]) -> str:
    m = re.search(r";\s*branch\s*=\s*([^;,\s]+)", via, re.IGNORECASE)
    if m and m.group(1).lower().startswith("z9hg4bk") and len(m.group(1)) > 7:
        key = m.group(1)
    else:  # RFC 2543 client: Via, Call-ID, From tag and CSeq number identify the transaction
        wanted = {"call-id", "i", "from", "f", "cseq"}
        parts = [via] + [ln.decode("latin-1") for ln in lines[1:] if _name(ln) in wanted]
        key = "|".join(p.replace("ACK", "").replace("CANCEL", "").replace("INVITE", "") for p in parts)
    return BRANCH_PREFIX + hashlib.sha1(key.encode("latin-1", "replace")).hexdigest()[:16]


def _is_ours(via: str) -> bool:
    return BRANCH_PREFIX.lower() in via.lower()


def _strip_own_routes(lines: list[bytes], own: Iterable[str]) -> None:
    """Remove leading Route entries that name the front (loose routing, RFC 3261 16.4)."""
    own_set = {o.lower() for o in own}
    while True:
        idx = next((i for i, ln in enumerate(lines) if i and _name(ln) == "route"), None)
        if idx is None:
            return
        values = _split_commas(lines[idx].split(b":", 1)[1].decode("latin-1"))
        hp = _uri_hostport(values[0])
        if hp is None or f"{hp[0]}:{hp[1]}".lower() not in own_set:
            return
        if len(values) == 1:
            del lines[idx]
        else:
            lines[idx] = b"Route: " + ",".join(v.strip() for v in values[1:]).encode("latin-1")


def _uri_hostport(value: str) -> tuple[str, int] | None:
    v = value.strip()
    if "<" in v:
        v = v[v.find("<") + 1:]
        v = v[: v.find(">")] if ">" in v else v
    m = _URI_HOSTPORT.match(v)
    if m is None:
        return None
    port = int(m.group(2)) if m.group(2) else 5060
    return m.group(1).strip("[]"), port


def _first_route(lines: list[bytes]) -> str | None:
    for i, ln in enumerate(lines):
        if i and _name(ln) == "route":
            return _split_commas(ln.split(b":", 1)[1].decode("latin-1"))[0]
    return None


_TO_TAG_RE = re.compile(rb"\r?\n(?:to|t)[ \t]*:[^\r\n]*;[ \t]*tag[ \t]*=", re.IGNORECASE)


def _in_dialog(data: bytes) -> bool:
    """A cheap look before validation: a response, an ACK, or a request whose To has a tag (RFC 3261 12.2).
    Wrong guesses cost nothing but the order in which an overloaded source is refused."""
    if data.startswith((b"SIP/2.0 ", b"ACK ")):
        return True
    head = data[:4096]
    end = head.find(b"\r\n\r\n")
    return _TO_TAG_RE.search(head if end < 0 else head[:end]) is not None


def _has_to_tag(lines: list[bytes]) -> bool:
    for i, ln in enumerate(lines):
        if i and _name(ln) in ("to", "t"):
            value = ln.split(b":", 1)[1].decode("latin-1")
            after = value[value.rfind(">") + 1:] if ">" in value else value
            return re.search(r";\s*tag\s*=", after, re.IGNORECASE) is not None
    return False


class SipFront:
    """See the module docstring. ``start()`` binds both sockets (raises ``OSError`` if it cannot)."""

    def __init__(self, config: FrontConfig, on_event: Callable[[dict[str, Any]], None] | None = None):
        self.cfg = config
        self.on_event = on_event
        self._allow = [ipaddress.ip_network(c, strict=False) for c in config.allow]
        self._buckets = _Buckets(config.rate, config.burst, config.max_sources)
        self._lock = threading.Lock()
        self.stats: dict[str, int] = {"relayed_in": 0, "relayed_out": 0, "answered": 0, "dropped": 0,
                                      "rate_limited": 0, "refused": 0, "from_pjsip": 0}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._dns: dict[str, str | None] = {}
        self.public: socket.socket | None = None
        self.internal: socket.socket | None = None
        self.pjsip_addr = ("127.0.0.1", config.pjsip_port)
        self._seen: OrderedDict[tuple[str, str, str], None] = OrderedDict()

    @property
    def advertised(self) -> str:
        return self.cfg.advertised or self.cfg.public_host

    @property
    def internal_port(self) -> int:
        if self.internal is None:
            return self.cfg.internal_port
        return int(self.internal.getsockname()[1])

    def own_addresses(self) -> list[str]:
        return [f"{self.advertised}:{self.cfg.public_port}", f"{self.cfg.public_host}:{self.cfg.public_port}",
                f"127.0.0.1:{self.internal_port}"]

    # --- lifecycle -------------------------------------------------------------------------------------
    def start(self) -> None:
        self.public = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.public.bind((self.cfg.public_host, self.cfg.public_port))
        if self.cfg.public_port == 0:
            self.cfg.public_port = self.public.getsockname()[1]
        self.internal = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.internal.bind(("127.0.0.1", self.cfg.internal_port))
        for s in (self.public, self.internal):
            s.setblocking(False)
        self._thread = threading.Thread(target=self._run, name="sip-front", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        for s in (self.public, self.internal):
            if s is not None:
                s.close()

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return dict(self.stats)

    def _count(self, key: str) -> None:
        with self._lock:
            self.stats[key] += 1

    def _emit(self, event: str, **fields: Any) -> None:
        if self.on_event is not None:
            try:
                self.on_event({"t": round(time.time(), 3), "event": event, **fields})
            except Exception:  # noqa: BLE001
                log.exception("front event sink failed")

    def _run(self) -> None:
        assert self.public is not None and self.internal is not None
        sel = selectors.DefaultSelector()
        sel.register(self.public, selectors.EVENT_READ, self._from_network)
        sel.register(self.internal, selectors.EVENT_READ, self._from_pjsip)
        try:
            while not self._stop.is_set():
                for key, _ in sel.select(0.2):
                    sock = key.fileobj
                    assert isinstance(sock, socket.socket)
                    for _ in range(64):  # drain a little, then let the other socket have a turn
                        try:
                            data, src = sock.recvfrom(65535)
                        except (BlockingIOError, InterruptedError):
                            break
                        except OSError:
                            break
                        try:
                            key.data(data, (src[0], src[1]))
                        except Exception:  # noqa: BLE001 - one datagram never stops the front
                            log.exception("front: datagram from %s failed", src)
                            self._count("dropped")
        finally:
            sel.close()

    def _send(self, sock: socket.socket | None, data: bytes, dest: tuple[str, int]) -> bool:
        if sock is None:
            return False
        try:
            sock.sendto(data, dest)
            return True
        except OSError as exc:
            log.debug("front: send to %s failed: %s", dest, exc)
            return False

    # --- network side ----------------------------------------------------------------------------------
    def _allowed(self, host: str) -> bool:
        if not self._allow:
            return True
        try:
            ip = ipaddress.ip_address(host)
        except ValueError:
            return False
        return any(ip in net for net in self._allow)

    def _refused(self, msg: Any, src: tuple[str, int], status: int | None, reason: str) -> None:
        """One ``refused`` event per request (retransmissions are not counted again), in the engine's shape."""
        key = ((msg.first("call-id") or "")[:200], (msg.first("cseq") or "")[:64],
               ((msg.all("via") or [""])[0])[:300])
        if key in self._seen:
            return
        self._seen[key] = None
        while len(self._seen) > 1024:
            self._seen.popitem(last=False)
        fields: dict[str, Any] = {"status": status, "method": (msg.method or "")[:32], "source": f"{src[0]}:{src[1]}",
                                  "reason": reason[:200], "by": "front"}
        if status is None:
            fields["dropped"] = True
        call_id = msg.first("call-id")
        if call_id:
            fields["call"] = call_id[:200]
        if msg.method == "INVITE" and msg.first("from"):
            from voice.sip.handler import caller_id_from_uri

            fields["caller"] = caller_id_from_uri(str(msg.first("from")))
        self._emit("refused", **fields)

    def answer_destination(self, response: bytes, src: tuple[str, int]) -> tuple[str, int]:
        """Where the front's own answer goes: the top Via of the response (``received`` = the datagram's source
        address, which ``build_response`` stamps, and ``rport`` or the sent-by port), RFC 3261 18.2.2 /
        RFC 3581; the datagram's source when that Via cannot be read."""
        lines, _ = _split(response)
        top = _top_via(_unfolded(lines))
        dest = via_destination(top[1][0]) if top else None
        if dest is None:
            return src
        resolved = self._resolve(dest[0])
        return (resolved, dest[1]) if resolved else src

    def _answer(self, verdict: Verdict, src: tuple[str, int]) -> None:
        out = build_response(verdict, src, self.cfg.validator)
        self._send(self.public, out, self.answer_destination(out, src))

    def _from_network(self, data: bytes, src: tuple[str, int]) -> None:
        if not self._buckets.take(src[0], in_dialog=_in_dialog(data)):
            self._count("rate_limited")
            return
        verdict = validate(data, self.cfg.validator)
        msg = verdict.message
        if msg is not None and msg.is_request and not self._allowed(src[0]):
            self._count("refused")
            if msg.method == "ACK":
                return
            answer = self.cfg.refuse_outside and bool(msg.all("via"))
            self._refused(msg, src, 403 if answer else None, "outside the allow list")
            if answer:
                self._answer(Verdict(Action.REPLY, 403, "Forbidden", message=msg), src)
            return
        if verdict.action is Action.DROP:
            self._count("dropped")
            return
        if verdict.action is Action.REPLY:
            assert msg is not None
            self._count("answered")
            self._refused(msg, src, verdict.status, verdict.reason)
            self._answer(verdict, src)
            return
        assert msg is not None
        if msg.is_request:
            out = self.inbound_request(verdict.data, src, msg.method)
            if self._send(self.internal, out, self.pjsip_addr):
                self._count("relayed_in")
        else:
            lines, body = _split(verdict.data)
            top = _pop_top_via(lines)
            if top is None or not _is_ours(top):
                self._count("dropped")
                return
            if self._send(self.internal, _join(lines, body), self.pjsip_addr):
                self._count("relayed_in")

    def inbound_request(self, data: bytes, src: tuple[str, int], method: str) -> bytes:
        """A valid request from the network, rewritten for PJSIP (see the module docstring)."""
        head, body = _split(data)
        lines = _unfolded(head)
        top = _top_via(lines)
        assert top is not None
        i, values = top
        caller_via = _stamp(values[0], src)
        lines[i] = b"Via: " + ",".join([caller_via, *(v.strip() for v in values[1:])]).encode("latin-1")
        _strip_own_routes(lines, self.own_addresses())
        branch = _branch_for(values[0], lines)
        own_via = f"Via: SIP/2.0/UDP 127.0.0.1:{self.internal_port};branch={branch};rport".encode()
        lines.insert(1, own_via)
        names = {_name(ln) for ln in lines[1:]}
        if method == "INVITE" and "contact" not in names:
            # an RFC 2543 INVITE may lack Contact (RFC 4475 3.4.1); PJSIP refuses that, so give it the
            # address the request came from, the one in-dialog requests must reach anyway
            user = "caller"
            frm = next((ln for ln in lines[1:] if _name(ln) in ("from", "f")), b"")
            m = re.search(rb"sips?:([A-Za-z0-9+\-_.!~*'()&=$,;?/%]+)@", frm)
            if m:
                user = m.group(1).decode("latin-1")
            lines.insert(2, f"Contact: <sip:{user}@{src[0]}:{src[1]}>".encode("latin-1"))
        if "max-forwards" not in names:
            lines.insert(2, b"Max-Forwards: 70")
        if method in DIALOG_METHODS and not _has_to_tag(lines):
            lines.insert(2, f"Record-Route: <sip:127.0.0.1:{self.internal_port};lr>".encode())
            lines.insert(3, f"Record-Route: <sip:{self.advertised}:{self.cfg.public_port};lr>".encode())
        return _join(lines, body)

    # --- PJSIP side ------------------------------------------------------------------------------------
    def _from_pjsip(self, data: bytes, src: tuple[str, int]) -> None:
        if src != self.pjsip_addr:
            self._count("dropped")
            return
        self._count("from_pjsip")
        if data.strip(b"\r\n") == b"":
            return
        if data[:4].upper() == b"SIP/":
            out, dest = self.outbound_response(data)
        else:
            out, dest = self.outbound_request(data)
        if out is None or dest is None:
            self._count("dropped")
            return
        if self._send(self.public, out, dest):
            self._count("relayed_out")

    def outbound_response(self, data: bytes) -> tuple[bytes | None, tuple[str, int] | None]:
        head, body = _split(data)
        lines = _unfolded(head)
        top = _pop_top_via(lines)
        if top is None or not _is_ours(top):
            return None, None
        nxt = _top_via(lines)
        if nxt is None:
            return None, None
        dest = via_destination(nxt[1][0])
        if dest is None:
            return None, None
        resolved = self._resolve(dest[0])
        return (_join(lines, body), (resolved, dest[1])) if resolved else (None, None)

    def outbound_request(self, data: bytes) -> tuple[bytes | None, tuple[str, int] | None]:
        head, body = _split(data)
        lines = _unfolded(head)
        _strip_own_routes(lines, self.own_addresses())
        route = _first_route(lines)
        parts = lines[0].decode("latin-1").split(" ")
        if len(parts) != 3:
            return None, None
        target = _uri_hostport(route) if route else _uri_hostport(parts[1])
        if target is None:
            return None, None
        top = _top_via(lines)
        key = top[1][0] if top else lines[0].decode("latin-1")
        branch = _branch_for(key, lines)
        via = f"Via: SIP/2.0/UDP {self.advertised}:{self.cfg.public_port};branch={branch};rport".encode()
        lines.insert(1, via)
        resolved = self._resolve(target[0])
        return (_join(lines, body), (resolved, target[1])) if resolved else (None, None)

    def _resolve(self, host: str) -> str | None:
        try:
            ipaddress.ip_address(host)
            return host
        except ValueError:
            pass
        if host not in self._dns:
            if len(self._dns) > 256:
                self._dns.clear()
            try:
                self._dns[host] = str(socket.getaddrinfo(host, None, socket.AF_INET, socket.SOCK_DGRAM)[0][4][0])
            except (OSError, IndexError):
                self._dns[host] = None
        return self._dns[host]


def run_front_for(host: str, port: int, *, public_address: str | None = None, allow: Iterable[str] = (),
                  pjsip_port: int | None = None,
                  on_event: Callable[[dict[str, Any]], None] | None = None) -> tuple[SipFront, int]:
    """Start a front on ``host:port`` for a PJSIP transport that the caller then binds on
    ``127.0.0.1:<returned port>``. The bridge enables it with these lines (``SipEngine._run``, before
    ``transportCreate``; ``SipEngine.stop`` calls ``front.stop()`` after the engine thread ends)::

        front, inner = run_front_for(settings.host, settings.port, public_address=settings.public_address,
                                     allow=settings.allow, on_event=self.emit_record)
        tcfg.port, tcfg.boundAddress = inner, "127.0.0.1"   # PJSIP's SIP transport, behind the front
        # media (RTP) still binds settings.host / publicAddress: account_config(bound=settings.host, ...)
        # account id/Contact keep settings.port (the public one); for --register also set
        # acfg.sipConfig.proxies.append(f"sip:127.0.0.1:{front.internal_port};lr")

    and ``CallPolicy`` then sees 127.0.0.1 as every source: pass ``--allow`` to the front (done here) rather
    than to the engine's policy, or read the caller's address from the ``received`` parameter the front
    stamps on the second Via.
    """
    if pjsip_port is None:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.bind(("127.0.0.1", 0))
            pjsip_port = int(probe.getsockname()[1])
    front = SipFront(FrontConfig(public_host=host, public_port=port, advertised=public_address,
                                 pjsip_port=pjsip_port, allow=tuple(allow)), on_event)
    front.start()
    return front, pjsip_port


__all__ = ["FrontConfig", "SipFront", "run_front_for", "via_destination"]
