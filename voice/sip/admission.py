"""Admission for every SIP request, inside PJSIP, before pjsua answers anything.

pjsua answers OPTIONS and out-of-dialog MESSAGE with 200 itself, accepts SUBSCRIBE (and sends NOTIFYs), and
refuses a fifth INVITE with its own 486 before the application hears of it. pjsua2 offers no hook for any of
that, so the bridge registers a small PJSIP module of its own (through ``ctypes``: the wheel exports
PJSIP's C API) with priority just after the transaction layer: it sees every request that is not a
retransmission, before the dialog layer and pjsua, on the thread that polls PJSIP (the engine's SIP thread).

For each request ``voice.sip.policy.admit`` decides: pass it on, answer it statelessly (403 outside
``--allow``, 405/489 for MESSAGE/PUBLISH/SUBSCRIBE, 486 at the call limit), or drop it silently (``--outside
drop``). Every refusal is reported once per transaction (retransmissions are not counted twice).

The request's source address and bytes are read from ``pjsip_rx_data`` at offsets computed from PJSIP
2.15.1's headers (``PJSIP_MAX_PKT_LEN`` 4000 in this wheel) and checked on every request: the method PJSIP
parsed must start the packet, the length must fit, and the socket address must agree with the printed
source. If a check fails the layout is not trusted: with an allow list the request is refused (fail closed),
without one it is passed on, and an error is logged once.
"""

from __future__ import annotations

import ctypes
import ipaddress
import logging
import socket
import struct
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from voice.sip.policy import Verdict

log = logging.getLogger(__name__)

PJSIP_MOD_PRIORITY_TSX_LAYER = 16
PJSIP_MAX_PKT_LEN = 4000
PJ_INET6_ADDRSTRLEN = 46
ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, NOTIFY, UPDATE, PRACK"


class PjStr(ctypes.Structure):
    _fields_ = [("ptr", ctypes.c_void_p), ("slen", ctypes.c_ssize_t)]


_LOAD = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)
_VOID = ctypes.CFUNCTYPE(ctypes.c_int)
_RX = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)
_TX = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)
_TSX = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)


class PjsipModule(ctypes.Structure):
    _fields_ = [
        ("prev", ctypes.c_void_p), ("next", ctypes.c_void_p), ("name", PjStr), ("id", ctypes.c_int),
        ("priority", ctypes.c_int), ("load", _LOAD), ("start", _VOID), ("stop", _VOID), ("unload", _VOID),
        ("on_rx_request", _RX), ("on_rx_response", _RX), ("on_tx_request", _TX), ("on_tx_response", _TX),
        ("on_tsx_state", _TSX),
    ]


class _OpKey(ctypes.Structure):
    _fields_ = [("internal", ctypes.c_void_p * 32), ("activesock_data", ctypes.c_void_p),
                ("user_data", ctypes.c_void_p)]


class _RxOpKey(ctypes.Structure):
    _fields_ = [("op_key", _OpKey), ("rdata", ctypes.c_void_p)]


class _TpInfo(ctypes.Structure):
    _fields_ = [("pool", ctypes.c_void_p), ("transport", ctypes.c_void_p), ("tp_data", ctypes.c_void_p),
                ("op_key", _RxOpKey)]


class _TimeVal(ctypes.Structure):
    _fields_ = [("sec", ctypes.c_long), ("msec", ctypes.c_long)]


class _SockAddr(ctypes.Structure):  # pj_sockaddr: a union of sockaddr_in / sockaddr_in6, 28 bytes, 4-aligned
    _fields_ = [("family", ctypes.c_uint16), ("port", ctypes.c_uint16), ("rest", ctypes.c_uint32 * 6)]


class _PktInfo(ctypes.Structure):
    _fields_ = [("timestamp", _TimeVal), ("packet", ctypes.c_char * PJSIP_MAX_PKT_LEN), ("zero", ctypes.c_uint32),
                ("len", ctypes.c_ssize_t), ("src_addr", _SockAddr), ("src_addr_len", ctypes.c_int),
                ("src_name", ctypes.c_char * PJ_INET6_ADDRSTRLEN), ("src_port", ctypes.c_int)]


class RxHead(ctypes.Structure):
    """The leading part of ``pjsip_rx_data`` (``tp_info`` and ``pkt_info``)."""

    _fields_ = [("tp_info", _TpInfo), ("pkt_info", _PktInfo)]


@dataclass(frozen=True)
class Request:
    method: str
    source: str  # "ip:port"
    call_id: str
    cseq: str
    from_uri: str
    to_tag: str
    branch: str
    hazard: str = ""  # why PJSIP must not see this body (see ``sdp_hazard``), or ""
    via2: str = ""  # the second Via value (the caller's, stamped by the front, when the front relayed it)

    @property
    def in_dialog(self) -> bool:
        return bool(self.to_tag)


_COMPACT = {"i": "call-id", "f": "from", "t": "to", "v": "via"}
MAX_SDP_ADDRESS = 253  # PJSIP asserts (and this wheel aborts) on a longer address: pj_sockaddr_in_set_str_addr


def sdp_hazard(body: str) -> str:
    """An SDP address PJSIP would assert on (``c=``, ``o=``, ``a=rtcp:`` longer than 253 characters, in any
    offer or answer: INVITE, re-INVITE, UPDATE, a late-offer ACK); "" when there is none. The full validation
    of SIP and SDP is the front stage's job; this is the bridge's own last guard against the one known abort."""
    for line in body.replace("\r\n", "\n").split("\n"):
        line = line.strip()
        if line.startswith(("c=", "o=", "a=rtcp:")):
            parts = line.split()
            if parts and len(parts[-1]) > MAX_SDP_ADDRESS:
                return f"SDP address of {len(parts[-1])} characters in {line[:2]}"
    return ""


def parse_request(packet: bytes, source: str) -> Request | None:
    """The few fields admission needs, from a request PJSIP has already parsed (so it is well formed)."""
    text = packet.decode("utf-8", errors="replace")
    sep = "\r\n\r\n" if "\r\n\r\n" in text else "\n\n"
    head, _, body = text.partition(sep)
    lines = head.replace("\r\n", "\n").split("\n")
    if not lines or " " not in lines[0]:
        return None
    method = lines[0].split(" ", 1)[0]
    fields: dict[str, str] = {}
    vias: list[str] = []
    last = ""
    for line in lines[1:]:
        if line[:1] in (" ", "\t") and last:
            fields[last] += " " + line.strip()
            continue
        name, sep, value = line.partition(":")
        if not sep:
            continue
        key = name.strip().lower()
        key = _COMPACT.get(key, key)
        if key == "via" and len(vias) < 2:
            vias.extend(v.strip() for v in value.split(",") if v.strip())
        last = key
        if key not in fields:  # the first Via, the first of anything
            fields[key] = value.strip()
        else:
            last = ""
    return Request(method=method, source=source, call_id=fields.get("call-id", ""), cseq=fields.get("cseq", ""),
                   from_uri=fields.get("from", ""), to_tag=_param(fields.get("to", ""), "tag"),
                   branch=_param(fields.get("via", ""), "branch"), hazard=sdp_hazard(body) if body else "",
                   via2=vias[1] if len(vias) > 1 else "")


def via_source(via: str) -> str:
    """``"ip:port"`` a request came from, by the Via the front stamped (``received``, ``rport``); "" if unknown."""
    params: dict[str, str] = {}
    for part in via.split(";")[1:]:
        k, _, v = part.strip().partition("=")
        params[k.strip().lower()] = v.strip()
    host, port = params.get("received", ""), params.get("rport", "")
    if not host:
        return ""
    if not port.isdigit():
        sent_by = via.split(";", 1)[0].split()[-1] if via.split(";", 1)[0].split() else ""
        port = sent_by.rpartition(":")[2] if ":" in sent_by and not sent_by.endswith("]") else "5060"
        port = port if port.isdigit() else "5060"
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _param(value: str, name: str) -> str:
    # parameters after the URI's closing '>' (or after the value when there are no brackets)
    tail = value[value.rindex(">") + 1 :] if ">" in value else value
    for part in tail.split(";")[1:]:
        k, _, v = part.strip().partition("=")
        if k.strip().lower() == name:
            return v.strip()
    return ""


class AdmissionGate:
    """The PJSIP module. ``decide(request) -> Verdict``; ``on_refused(request, verdict)`` is told of refusals."""

    def __init__(self, decide: Callable[[Request], Verdict], on_refused: Callable[[Request, Verdict], None]):
        import pjsua2  # the module lives in pjsua2's extension: load its symbols from there

        self._lib = ctypes.CDLL(pjsua2._pjsua2.__file__)
        self._decide = decide
        self._on_refused = on_refused
        self._seen: OrderedDict[tuple[str, str, str], None] = OrderedDict()
        self._layout_warned = False
        self.stats = {"passed": 0, "refused": 0, "dropped": 0, "unreadable": 0}
        lib = self._lib
        lib.pjsua_get_pjsip_endpt.restype = ctypes.c_void_p
        lib.pjsip_endpt_register_module.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        lib.pjsip_endpt_unregister_module.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        lib.pjsip_endpt_respond_stateless.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int,
                                                      ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
        lib.pjsip_rx_data_get_info.restype = ctypes.c_char_p
        lib.pjsip_rx_data_get_info.argtypes = [ctypes.c_void_p]
        lib.pjsip_generic_string_hdr_create.restype = ctypes.c_void_p
        lib.pjsip_generic_string_hdr_create.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
        self._name = ctypes.create_string_buffer(b"mod-voicecart-admission")
        self._on_rx = _RX(self._rx_request)  # referenced for as long as PJSIP may call it
        self.module = PjsipModule()
        self.module.name = PjStr(ctypes.cast(self._name, ctypes.c_void_p).value, len(self._name.value))
        self.module.id = -1
        self.module.priority = PJSIP_MOD_PRIORITY_TSX_LAYER + 1
        self.module.on_rx_request = self._on_rx
        self._endpt: int | None = None
        self._strings: list[Any] = []

    def register(self) -> None:
        """After ``libStart``; on the SIP thread."""
        endpt = self._lib.pjsua_get_pjsip_endpt()
        status = self._lib.pjsip_endpt_register_module(endpt, ctypes.byref(self.module))
        if status != 0:
            raise RuntimeError(f"PJSIP refused the admission module (status {status})")
        self._endpt = endpt

    def unregister(self) -> None:
        """Before ``libDestroy``; on the SIP thread."""
        if self._endpt is not None:
            self._lib.pjsip_endpt_unregister_module(self._endpt, ctypes.byref(self.module))
            self._endpt = None

    # --- reading pjsip_rx_data ----------------------------------------------------------------------
    def read(self, rdata: int) -> Request | None:
        head = RxHead.from_address(rdata)
        pkt = head.pkt_info
        info = self._lib.pjsip_rx_data_get_info(rdata) or b""
        # "Request msg OPTIONS/cseq=2 (rdata0x...)"
        parsed_method = info.split(b" ")[2].split(b"/")[0] if info.count(b" ") >= 2 else b""
        length = int(pkt.len)
        if not 0 < length <= PJSIP_MAX_PKT_LEN or not parsed_method:
            return None
        packet = ctypes.string_at(ctypes.addressof(pkt) + _PktInfo.packet.offset, length)
        if not packet.startswith(parsed_method + b" "):
            return None
        name = pkt.src_name.decode("ascii", errors="replace")
        try:
            ip = ipaddress.ip_address(name)
        except ValueError:
            return None
        port = int(pkt.src_port)
        family = int(pkt.src_addr.family)
        if family == socket.AF_INET:
            raw = struct.pack("<I", pkt.src_addr.rest[0])
            if ip.version != 4 or raw != ip.packed or socket.ntohs(pkt.src_addr.port) != port:
                return None
        elif family == socket.AF_INET6:
            if ip.version != 6 or socket.ntohs(pkt.src_addr.port) != port:
                return None
        else:
            return None
        source = f"[{name}]:{port}" if ip.version == 6 else f"{name}:{port}"
        return parse_request(packet, source)

    # --- the callback -------------------------------------------------------------------------------
    def _rx_request(self, rdata: int) -> int:
        try:
            return self._handle(rdata)
        except Exception:  # noqa: BLE001 - never let an exception cross into PJSIP
            log.exception("admission check failed; passing the request on")
            return 0

    def _handle(self, rdata: int) -> int:
        req = self.read(rdata)
        if req is None:
            self.stats["unreadable"] += 1
            if not self._layout_warned:
                self._layout_warned = True
                log.error("cannot read the source of a SIP request from PJSIP (unexpected pjsip_rx_data layout)")
            req = Request(method="", source="", call_id="", cseq="", from_uri="", to_tag="", branch="")
        verdict = self._decide(req)
        if verdict.action == "pass":
            self.stats["passed"] += 1
            return 0
        key = (req.call_id, req.cseq, req.branch)
        first = key not in self._seen
        if first:
            self._seen[key] = None
            while len(self._seen) > 512:
                self._seen.popitem(last=False)
        if verdict.action == "drop" or req.method == "ACK":
            self.stats["dropped"] += 1
        else:
            self.stats["refused"] += 1
            self._respond(rdata, verdict)
        if first and req.method != "ACK":
            self._on_refused(req, verdict)
        return 1

    def _respond(self, rdata: int, verdict: Verdict) -> None:
        reason = ctypes.create_string_buffer(verdict.reason.encode())
        text = PjStr(ctypes.cast(reason, ctypes.c_void_p).value, len(verdict.reason.encode()))
        hdrs = None
        if verdict.status == 405:
            hdrs = self._header_list(rdata, "Allow", ALLOW)
        self._lib.pjsip_endpt_respond_stateless(self._endpt, rdata, verdict.status, ctypes.byref(text),
                                                hdrs, None)

    def _header_list(self, rdata: int, name: str, value: str) -> Any:
        pool = RxHead.from_address(rdata).tp_info.pool
        n, v = name.encode(), value.encode()
        nb, vb = ctypes.create_string_buffer(n), ctypes.create_string_buffer(v)
        ns = PjStr(ctypes.cast(nb, ctypes.c_void_p).value, len(n))
        vs = PjStr(ctypes.cast(vb, ctypes.c_void_p).value, len(v))
        hdr = self._lib.pjsip_generic_string_hdr_create(pool, ctypes.byref(ns), ctypes.byref(vs))
        if not hdr:
            return None
        head = (ctypes.c_void_p * 8)()  # a list head: only prev/next are read
        head_addr = ctypes.addressof(head)
        links = (ctypes.c_void_p * 2).from_address(hdr)  # the header's prev/next
        links[0] = links[1] = head_addr
        head[0] = head[1] = hdr
        self._strings = [nb, vb, head]  # alive until the next response (the call is synchronous)
        return ctypes.c_void_p(head_addr)
