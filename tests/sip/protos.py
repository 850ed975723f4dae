"""PROTOS-style malformed INVITEs (in the manner of the PROTOS c07-sip suite) and a runner that sends them.

**The generator.** ``cases()`` builds one valid INVITE with an SDP offer (``base()``), made of named fields:
the request line (method, Request-URI user/host/port/parameters, SIP version), Via (protocol, transport,
host, port, branch, parameters), From (display name, URI, tag), To, Call-ID, CSeq (number, method),
Max-Forwards, Contact (display name, URI, parameters), Expires, Content-Type, Content-Length, Supported,
Require, Allow, User-Agent, and every SDP line and sub-field (v; o user/session id/version/network type/
address type/address; s; c network type/address type/address; b; t start/stop; m media/port/port count/
transport/formats; a=rtpmap payload type/encoding/clock rate; a=fmtp, a=ptime, a=sendrecv, a=rtcp). Each case
replaces exactly one field with one anomaly of PROTOS's classes:

- overflow: the field filled with ``a`` or with its own value repeated, to 128, 255, 256, 1024, 4096,
  16384 and 65000 bytes (cut so that the whole datagram fits in 65,507 bytes; the name says the size sent);
- format strings (``%s%n%x`` ...);
- integers: -1, 0, 2^31-1, 2^31, 2^32, 2^63, 2^64, huge digit strings, leading zeros, non-digits;
- control and non-ASCII bytes inserted into the value: NUL, CR alone, LF alone, CRLF, ESC, DEL, 0xFF,
  invalid and overlong UTF-8, a valid UTF-8 letter, a BOM;
- the value empty, the field missing (with its delimiter), the field duplicated;
- for hosts, ports and URIs a few values of their own (bad IPv4/IPv6 literals, 65536, other schemes ...);
- whole header lines (Via, From, To, CSeq, Contact) missing or duplicated.

Each case has a name in PROTOS's manner (``"SIP-Via-Host 17: overflow 4096 'a'"``), the field it targets and
the bytes. Content-Length is recomputed for the body sent (except in the Content-Length cases). Every case
carries a token (``PR00042``) in its branch, From tag and Call-ID, so answers can be matched even when one
of those is the field replaced. Deterministic: the same arguments give the same bytes.

**The runner** (``torture``, and ``main`` for a run inside a private network namespace, which
``bench/sip_torture.py`` and ``tests/sip/test_protos.py`` start): sends each case from 127.0.0.1:5060 like
PROTOS, followed by an OPTIONS as a barrier (it passes the same front thread and PJSIP thread, so once its
200 is back, whatever the case was going to get at once has been sent); waits for the case's final answer
(bounded); a 2xx is ACKed and hung up, a case that only got a provisional answer is CANCELled. Calls are
paced (an INVITE PJSIP saw is followed by the next at least ``1/rate`` s later: the bridge admits at most 12
new calls a second), and all datagrams at most ``max_per_s`` a second (the front's per-source limit is 200).
After every case the bridge process must be alive; its RSS and descriptors are sampled; at the end an
OPTIONS must get 200 and a normal call must be answered.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import select
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.sip.soak import proc_sample  # noqa: E402  (the bridge's descriptors and RSS, as the soak samples them)

MAX_DATAGRAM = 65507
OVERFLOW_SIZES = (128, 255, 256, 1024, 4096, 16384, 65000)
FORMAT_STRINGS = ("%s%s%s%s%s%s%s%s%s%s", "%n%n%n%n%n%n%n%n%n%n", "%x%x%x%x%x%x%x%x", "%s%p%x%d",
                  "%.1024d", "%99999999999s", "%n" * 64, "%@%@%@%@")
INTEGERS = ("-1", "0", "2147483647", "2147483648", "-2147483649", "4294967295", "4294967296",
            "9223372036854775807", "9223372036854775808", "18446744073709551616", "9" * 64, "9" * 512,
            "0000000000000000000000001", "1a", "0x7fffffff", "1e99", "+1", "-0", "1.5", "12 34")
# (label, inserted bytes as latin-1 characters); UTF-8 sequences as their bytes
CONTROL = (("NUL", "\x00"), ("CR", "\r"), ("LF", "\n"), ("CRLF", "\r\n"), ("ESC", "\x1b"), ("DEL", "\x7f"),
           ("0xFF", "\xff"), ("invalid UTF-8", "\xc3\x28"), ("overlong UTF-8", "\xc0\xaf"),
           ("UTF-8 letter", "\xc3\xa9"), ("UTF-8 BOM", "\xef\xbb\xbf"), ("BEL TAB", "\x07\t"))
HOSTS = ("999.999.999.999", "256.0.0.1", "1.2.3", "0.0.0.0", "255.255.255.255", "[::1]", "::1", "[::1",
         "[fe80::1%eth0]", "[::ffff:127.0.0.1]", "a.", ".", "-a-", "a" * 64 + ".com", "a" * 253, "a" * 254,
         "localhost", "\xe4\xbe\x8b\xe3\x81\x88.jp")
PORTS = ("65535", "65536", "99999", "0", "00005060", "-5060", "0:0")
URIS = ("sip:", "sip:@", "sip:a@", "sips:a@127.0.0.1", "tel:+15550100", "mailto:a@b", "http://127.0.0.1/",
        "sip:a@b:c", "sip:a@[::1", "<sip:a@127.0.0.1>", "sip:a@127.0.0.1;lr;lr;lr;lr", "sip:%00@127.0.0.1",
        "sip:a@127.0.0.1?h=v", "sip:a:b:c@127.0.0.1", "127.0.0.1")


@dataclass(frozen=True)
class Field:
    """One replaceable part of the base INVITE: ``pre + value + post`` (``missing`` drops all three)."""

    group: str  # the case name's prefix, e.g. "SIP-Via-Host"
    pre: str
    value: str
    post: str = ""
    kind: str = "text"  # text | host | port | uri: adds the values of that kind
    line: str = ""  # the header name or SDP line type it lives on ("Via", "o"): for the tests


@dataclass(frozen=True)
class Case:
    index: int
    name: str  # "SIP-Via-Host 17: overflow 4096 'a'"
    group: str
    anomaly: str
    line: str
    data: bytes
    token: str


HEAD = ("{method}sip:{ruri_user}{ruri_host}{ruri_port}{ruri_params} {version}\r\n"
        "Via: {via_proto}{via_transport} {via_host}{via_port}{via_branch}{via_params}\r\n"
        "{max_forwards}"
        "From: {from_display}<{from_uri}>{from_tag}\r\n"
        "To: {to_display}<{to_uri}>\r\n"
        "{call_id}"
        "CSeq: {cseq_num}{cseq_method}\r\n"
        "Contact: {contact_display}<{contact_uri}>{contact_params}\r\n"
        "{expires}{supported}{require}{allow}{user_agent}{content_type}{content_length}"
        "\r\n")
BODY = ("{v}"
        "o={o_user}{o_sess}{o_version}{o_net}{o_addrtype}{o_addr}\r\n"
        "{s}"
        "c={c_net}{c_addrtype}{c_addr}\r\n"
        "{b}"
        "t={t_start}{t_stop}\r\n"
        "m={m_media}{m_port}{m_count} {m_transport}{m_formats}\r\n"
        "a=rtpmap:{rtpmap_pt}{rtpmap_enc}{rtpmap_clock}\r\n"
        "a=rtpmap:101 telephone-event/8000\r\n"
        "{fmtp}{ptime}{sendrecv}{rtcp}")
BODY_FIELDS = frozenset(re.findall(r"\{(\w+)\}", BODY))


def fields(host: str = "127.0.0.1", port: int = 5060, target: tuple[str, int] = ("127.0.0.1", 5070),
           rtp_port: int = 40000, token: str = "PR00000") -> dict[str, Field]:
    th, tp = target
    me = f"{host}:{port}"
    f = {
        "method": Field("SIP-Method", "", "INVITE", " ", line="start"),
        "ruri_user": Field("SIP-Request-URI-User", "", "shop", "@", line="start"),
        "ruri_host": Field("SIP-Request-URI-Host", "", th, kind="host", line="start"),
        "ruri_port": Field("SIP-Request-URI-Port", ":", str(tp), kind="port", line="start"),
        "ruri_params": Field("SIP-Request-URI-Params", ";", "transport=udp", line="start"),
        "version": Field("SIP-Version", "", "SIP/2.0", line="start"),
        "via_proto": Field("SIP-Via-Version", "", "SIP/2.0", "/", line="Via"),
        "via_transport": Field("SIP-Via-Transport", "", "UDP", line="Via"),
        "via_host": Field("SIP-Via-Host", "", host, kind="host", line="Via"),
        "via_port": Field("SIP-Via-Port", ":", str(port), kind="port", line="Via"),
        "via_branch": Field("SIP-Via-Branch", ";branch=", f"z9hG4bK-{token}", line="Via"),
        "via_params": Field("SIP-Via-Params", ";", "rport", line="Via"),
        "max_forwards": Field("SIP-Max-Forwards", "Max-Forwards: ", "70", "\r\n", line="Max-Forwards"),
        "from_display": Field("SIP-From-Displayname", '"', "protos", '" ', line="From"),
        "from_uri": Field("SIP-From-URI", "", f"sip:protos@{me}", kind="uri", line="From"),
        "from_tag": Field("SIP-From-Tag", ";tag=", token, line="From"),
        "to_display": Field("SIP-To-Displayname", '"', "shop", '" ', line="To"),
        "to_uri": Field("SIP-To-URI", "", f"sip:shop@{th}:{tp}", kind="uri", line="To"),
        "call_id": Field("SIP-Call-ID", "Call-ID: ", f"{token}@{host}", "\r\n", line="Call-ID"),
        "cseq_num": Field("SIP-CSeq-Integer", "", "1", " ", line="CSeq"),
        "cseq_method": Field("SIP-CSeq-Method", "", "INVITE", line="CSeq"),
        "contact_display": Field("SIP-Contact-Displayname", '"', "protos", '" ', line="Contact"),
        "contact_uri": Field("SIP-Contact-URI", "", f"sip:protos@{me}", kind="uri", line="Contact"),
        "contact_params": Field("SIP-Contact-Params", ";", "expires=120", line="Contact"),
        "expires": Field("SIP-Expires", "Expires: ", "120", "\r\n", line="Expires"),
        "supported": Field("SIP-Supported", "Supported: ", "timer, replaces", "\r\n", line="Supported"),
        "require": Field("SIP-Require", "Require: ", "timer", "\r\n", line="Require"),
        "allow": Field("SIP-Allow", "Allow: ", "INVITE, ACK, CANCEL, BYE, OPTIONS", "\r\n", line="Allow"),
        "user_agent": Field("SIP-User-Agent", "User-Agent: ", "protos-style torture", "\r\n", line="User-Agent"),
        "content_type": Field("SIP-Content-Type", "Content-Type: ", "application/sdp", "\r\n",
                              line="Content-Type"),
        "content_length": Field("SIP-Content-Length", "Content-Length: ", "0", "\r\n", line="Content-Length"),
        # SDP
        "v": Field("SDP-Version", "v=", "0", "\r\n", line="v"),
        "o_user": Field("SDP-Origin-Username", "", "protos", " ", line="o"),
        "o_sess": Field("SDP-Origin-Sessionid", "", "1", " ", line="o"),
        "o_version": Field("SDP-Origin-Version", "", "1", " ", line="o"),
        "o_net": Field("SDP-Origin-Networktype", "", "IN", " ", line="o"),
        "o_addrtype": Field("SDP-Origin-Addresstype", "", "IP4", " ", line="o"),
        "o_addr": Field("SDP-Origin-Address", "", host, kind="host", line="o"),
        "s": Field("SDP-Session", "s=", "protos", "\r\n", line="s"),
        "c_net": Field("SDP-Connection-Networktype", "", "IN", " ", line="c"),
        "c_addrtype": Field("SDP-Connection-Addresstype", "", "IP4", " ", line="c"),
        "c_addr": Field("SDP-Connection-Address", "", host, kind="host", line="c"),
        "b": Field("SDP-Bandwidth", "b=", "AS:64", "\r\n", line="b"),
        "t_start": Field("SDP-Time-Start", "", "0", " ", line="t"),
        "t_stop": Field("SDP-Time-Stop", "", "0", line="t"),
        "m_media": Field("SDP-Media-Media", "", "audio", " ", line="m"),
        "m_port": Field("SDP-Media-Port", "", str(rtp_port), kind="port", line="m"),
        "m_count": Field("SDP-Media-Portcount", "/", "1", line="m"),
        "m_transport": Field("SDP-Media-Transport", "", "RTP/AVP", " ", line="m"),
        "m_formats": Field("SDP-Media-Formats", "", "0 101", line="m"),
        "rtpmap_pt": Field("SDP-Attribute-Rtpmap-Payloadtype", "", "0", " ", line="a=rtpmap:0"),
        "rtpmap_enc": Field("SDP-Attribute-Rtpmap-Encoding", "", "PCMU", line="a=rtpmap:0"),
        "rtpmap_clock": Field("SDP-Attribute-Rtpmap-Clockrate", "/", "8000", line="a=rtpmap:0"),
        "fmtp": Field("SDP-Attribute-Fmtp", "a=fmtp:", "101 0-15", "\r\n", line="a=fmtp"),
        "ptime": Field("SDP-Attribute-Ptime", "a=ptime:", "20", "\r\n", line="a=ptime"),
        "sendrecv": Field("SDP-Attribute-Direction", "a=", "sendrecv", "\r\n", line="a=sendrecv"),
        "rtcp": Field("SDP-Attribute-Rtcp", "a=rtcp:", str(rtp_port + 1), "\r\n", kind="port", line="a=rtcp"),
    }
    body = BODY.format(**{k: x.pre + x.value + x.post for k, x in f.items() if k in BODY_FIELDS})
    f["content_length"] = Field("SIP-Content-Length", "Content-Length: ", str(len(body.encode("latin-1"))), "\r\n",
                                line="Content-Length")
    return f


HEADER_LINES = ("Via", "From", "To", "CSeq", "Contact")  # whole lines missing / duplicated


def _render(values: dict[str, str], override: tuple[str, str] | None = None) -> str:
    """The message with every field rendered (``values``: name -> rendered text); ``override`` = (field name,
    rendered text); Content-Length follows the body unless it is the field overridden."""
    vals = dict(values)
    if override is not None:
        vals[override[0]] = override[1]
    body = BODY.format(**{k: vals[k] for k in BODY_FIELDS})
    if override is None or override[0] != "content_length":
        vals["content_length"] = f"Content-Length: {len(body.encode('latin-1'))}\r\n"
    head = HEAD.format(**{k: v for k, v in vals.items() if k not in BODY_FIELDS})
    return head + body


MISSING, DUPLICATED = "missing", "duplicated"


def _anomalies(fld: Field, room: int) -> Iterator[tuple[str, str, str]]:
    """(label, how, value) for one field: how is "value" (``pre + value + post``), ``MISSING`` (nothing) or
    ``DUPLICATED`` (the field twice). ``room``: how many bytes the value may take so that the datagram stays
    within 65,507 bytes."""
    for size in OVERFLOW_SIZES:
        n = min(size, room)
        yield f"overflow {n} 'a'", "value", "a" * n
        if fld.value:
            yield f"overflow {n} repeated", "value", (fld.value * (n // len(fld.value) + 1))[:n]
    for s in FORMAT_STRINGS:
        yield f"format string {s[:24]}", "value", s
    for i in INTEGERS:
        yield f"integer {i[:24]}{'...' if len(i) > 24 else ''}", "value", i
    k = len(fld.value) // 2
    for label, ch in CONTROL:
        yield f"{label} inserted", "value", fld.value[:k] + ch + fld.value[k:]
    for x in {"host": HOSTS, "port": PORTS, "uri": URIS}.get(fld.kind, ()):
        yield f"{fld.kind} {x[:40]!r}", "value", x
    yield "empty", "value", ""
    yield "missing", MISSING, ""
    yield "duplicated", DUPLICATED, ""


def _values(fl: dict[str, Field]) -> dict[str, str]:
    return {k: f.pre + f.value + f.post for k, f in fl.items()}


def base(host: str = "127.0.0.1", port: int = 5060, target: tuple[str, int] = ("127.0.0.1", 5070),
         rtp_port: int = 40000, token: str = "PR00000") -> bytes:
    """The valid INVITE every case starts from."""
    return _render(_values(fields(host, port, target, rtp_port, token))).encode("latin-1")


def cases(host: str = "127.0.0.1", port: int = 5060, target: tuple[str, int] = ("127.0.0.1", 5070),
          rtp_port: int = 40000) -> list[Case]:
    """Every case (see the module docstring), in a fixed order."""
    out: list[Case] = []
    probe = fields(host, port, target, rtp_port)
    for name, fld in probe.items():
        rest = len(_render(_values(probe), (name, fld.pre + fld.post)).encode("latin-1"))
        room = MAX_DATAGRAM - rest - 8  # Content-Length may grow by a few digits
        seen: set[str] = set()
        number = 0
        for label, how, value in _anomalies(fld, room):
            token = f"PR{len(out):05d}"
            fl = fields(host, port, target, rtp_port, token)
            f = fl[name]
            vals = _values(fl)
            text = {MISSING: "", DUPLICATED: vals[name] * 2}.get(how, f.pre + value + f.post)
            msg = _render(vals, (name, text))
            key = msg.replace(token, "")
            if msg == _render(vals) or key in seen:
                continue  # the anomaly is the field's own value (e.g. integer 0 for t=0 0)
            seen.add(key)
            number += 1
            data = msg.encode("latin-1")
            assert len(data) <= MAX_DATAGRAM, (f.group, label, len(data))
            out.append(Case(len(out), f"{f.group} {number}: {label}", f.group, label, f.line, data, token))
    for hname in HEADER_LINES:
        for number, label in enumerate(("missing header", "duplicated header"), 1):
            token = f"PR{len(out):05d}"
            lines = base(host, port, target, rtp_port, token).decode("latin-1").split("\r\n")
            i = next(j for j, ln in enumerate(lines) if ln.startswith(hname + ":"))
            lines[i:i + 1] = [] if number == 1 else [lines[i], lines[i]]
            out.append(Case(len(out), f"SIP-{hname} {number}: {label}", f"SIP-{hname}", label, hname,
                            "\r\n".join(lines).encode("latin-1"), token))
    return out


# --- the runner --------------------------------------------------------------------------------------------
def _status(data: bytes) -> int:
    try:
        return int(data[8:11]) if data.startswith(b"SIP/2.0 ") else 0
    except ValueError:
        return 0


def _header(data: bytes, *names: str) -> str:
    for line in data.split(b"\r\n\r\n", 1)[0].split(b"\r\n")[1:]:
        k, sep, v = line.partition(b":")
        if sep and k.strip().lower().decode("latin-1") in names:
            return v.strip().decode("latin-1")
    return ""


def _cseq_method(data: bytes) -> str:
    return _header(data, "cseq").rpartition(" ")[2]


def _lines_of(case: bytes, *names: str) -> list[str]:
    head = case.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    return [ln for ln in head[1:] if ln.partition(":")[0].strip().lower() in names]


def cancel_for(case: bytes) -> bytes:
    """A CANCEL for a case INVITE that PJSIP took: its Request-URI, Via, From, To, Call-ID and CSeq number."""
    start = case.split(b"\r\n", 1)[0].decode("latin-1").split(" ")
    uri = start[1] if len(start) == 3 else "sip:shop@127.0.0.1"
    keep = _lines_of(case, "via", "v", "from", "f", "to", "t", "call-id", "i")
    num = _header(case, "cseq").split(" ")[0]
    return ("\r\n".join([f"CANCEL {uri} SIP/2.0", *keep, "Max-Forwards: 70", f"CSeq: {num} CANCEL",
                         "Content-Length: 0"]) + "\r\n\r\n").encode("latin-1")


def ack_for(case: bytes, final: bytes, n: int) -> list[bytes]:
    """ACK (and BYE) for a 2xx to a case INVITE: sent to the Contact along the Record-Route set."""
    frm = _header(case, "from", "f")
    to = _header(final, "to", "t")
    call_id = _header(case, "call-id", "i")
    num = _header(case, "cseq").split(" ")[0]
    target = _header(final, "contact", "m").split(">")[0].strip(" <") or "sip:shop@127.0.0.1"
    rrs = [r.strip() for line in _lines_of(final, "record-route") for r in line.partition(":")[2].split(",")]
    routes = "".join(f"Route: {r}\r\n" for r in reversed(rrs))
    common = f"Max-Forwards: 70\r\nFrom: {frm}\r\nTo: {to}\r\nCall-ID: {call_id}\r\n{routes}"
    nxt = int(num) + 1 if num.isdigit() and int(num) < 2**31 - 1 else 2
    ack = (f"ACK {target} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-pack{n};rport\r\n{common}"
           f"CSeq: {num} ACK\r\nContent-Length: 0\r\n\r\n")
    bye = (f"BYE {target} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-pbye{n};rport\r\n{common}"
           f"CSeq: {nxt} BYE\r\nContent-Length: 0\r\n\r\n")
    return [ack.encode("latin-1"), bye.encode("latin-1")]


def _options(n: int, port: int) -> bytes:
    return (f"OPTIONS sip:shop@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-pbar{n};"
            f"rport\r\nMax-Forwards: 70\r\nFrom: <sip:harness@127.0.0.1>;tag=pb{n}\r\nTo: <sip:shop@127.0.0.1>\r\n"
            f"Call-ID: pbarrier-{n}@harness\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").encode()


def _ok_to(request: bytes) -> bytes:
    """A 200 to a request the bridge sent us (a BYE of a call we did not hang up ourselves)."""
    keep = _lines_of(request, "via", "v", "from", "f", "to", "t", "call-id", "i", "cseq")
    return ("\r\n".join(["SIP/2.0 200 OK", *keep, "Content-Length: 0"]) + "\r\n\r\n").encode("latin-1")


class _Ear:
    """127.0.0.1:5060, where every case's Via points (with ``rport``: answers come to the source anyway)."""

    def __init__(self, bridge: tuple[str, int], port: int = 5060):
        self.bridge = bridge
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1 << 20)
        self.sock.bind(("127.0.0.1", port))
        self.sent = 0
        self.send_errors = 0

    def close(self) -> None:
        self.sock.close()

    def send(self, data: bytes) -> None:
        try:
            self.sock.sendto(data, self.bridge)
            self.sent += 1
        except OSError:
            self.send_errors += 1

    def recv(self, timeout: float) -> bytes | None:
        ready, _, _ = select.select([self.sock], [], [], max(0.0, timeout))
        if not ready:
            return None
        data, _ = self.sock.recvfrom(65535)
        if data and not data.startswith(b"SIP/2.0 "):
            if not data.startswith(b"ACK "):
                self.send(_ok_to(data))  # a BYE (or other request) from the bridge: answered, not a result
            return b""
        return data


def torture(bridge: tuple[str, int], selected: list[Case], *, alive: Any = None, rate: float = 8.0,
            max_per_s: float = 60.0, final_timeout: float = 6.0, barrier_timeout: float = 10.0,
            on_case: Any = None) -> dict[str, Any]:
    """Send ``selected`` cases (see the module docstring). ``alive()``: False once the bridge process is
    gone. Returns counts and, per case, the statuses seen (``front`` = the validator's own answer)."""
    ear = _Ear(bridge)
    results: list[dict[str, Any]] = []
    finals: Counter[str] = Counter()
    by_who: Counter[str] = Counter()
    first_failure: dict[str, Any] | None = None
    hung_up = answered = cancelled = 0
    last_call = last_send = 0.0
    open_calls: dict[str, bytes] = {}  # token -> case bytes, for 2xx that come late
    try:
        for c in selected:
            gap = max(last_call + 1.0 / rate, last_send + 1.0 / max_per_s) - time.monotonic()
            if gap > 0:  # pacing, not waiting for an event: the bridge admits at most 12 calls a second and
                time.sleep(gap)  # the front at most 200 datagrams a second from one source
            last_send = time.monotonic()
            ear.send(c.data)
            ear.send(_options(c.index, bridge[1]))
            statuses: list[int] = []
            front = pjsip_saw = barrier = False
            final: bytes | None = None
            deadline = time.monotonic() + barrier_timeout
            waiting_final = False
            while True:
                if barrier and (final is not None or not pjsip_saw):
                    break  # PJSIP never saw it, or it has its final answer
                if barrier and not waiting_final:  # PJSIP took it: its final answer comes on a later loop turn
                    waiting_final = True
                    deadline = min(deadline, time.monotonic() + final_timeout)
                got = ear.recv(deadline - time.monotonic())
                if got is None:
                    break
                if not got:
                    continue
                if f"pbarrier-{c.index}@".encode() in got:
                    barrier = True
                elif c.token.encode() in got:  # answers to our ACK/BYE/CANCEL are read elsewhere
                    st = _status(got)
                    statuses.append(st)
                    if b"\r\nServer: " in got.split(b"\r\n\r\n")[0]:
                        front = True  # the validator's own answer
                    else:
                        pjsip_saw = True
                    if st >= 200 and final is None:
                        final = got
                else:
                    _late(ear, got, open_calls, c.index)
            if pjsip_saw:
                last_call = time.monotonic()
            outcome: dict[str, Any] = {"i": c.index, "statuses": statuses}
            if final is not None:
                st = _status(final)
                finals[str(st)] += 1
                by_who[f"{'front' if front else 'pjsip'} {st}"] += 1
                if 200 <= st < 300:
                    answered += 1
                    open_calls.pop(c.token, None)
                    if _hang_up(ear, c.data, final, c.index):
                        hung_up += 1
            elif statuses:
                finals["provisional only"] += 1
                by_who["pjsip provisional only"] += 1
                ear.send(cancel_for(c.data))
                cancelled += 1
                open_calls[c.token] = c.data
            else:
                finals["none"] += 1
                by_who["no answer"] += 1
            if not barrier:
                outcome["barrier"] = False
            is_alive = alive() if alive is not None else True
            outcome["alive"] = is_alive
            results.append(outcome)
            if on_case is not None:
                on_case(c, outcome)
            if (not is_alive or not barrier) and first_failure is None:
                first_failure = {"case": c.name, "index": c.index, "alive": is_alive, "barrier": barrier}
            if not is_alive:
                break
        # late 2xx to CANCELled cases, BYEs from the bridge: answered for a little while longer
        end = time.monotonic() + 3.0
        while time.monotonic() < end:
            got = ear.recv(end - time.monotonic())
            if got is None:
                break
            if got:
                _late(ear, got, open_calls, -1)
    finally:
        ear.close()
    return {"sent": len(results), "finals": dict(finals), "answers": dict(by_who), "answered": answered,
            "hung_up": hung_up, "cancelled": cancelled, "first_failure": first_failure,
            "no_barrier": sum(1 for r in results if r.get("barrier") is False),
            "send_errors": ear.send_errors, "results": results}


def _hang_up(ear: _Ear, case: bytes, final: bytes, n: int) -> bool:
    ack, bye = ack_for(case, final, n)
    ear.send(ack)
    ear.send(bye)
    deadline = time.monotonic() + 8.0
    while time.monotonic() < deadline:
        got = ear.recv(deadline - time.monotonic())
        if got is None:
            return False
        if f"z9hG4bK-pbye{n}".encode() in got and _status(got) >= 200:
            return _status(got) == 200
    return False


def _late(ear: _Ear, got: bytes, open_calls: dict[str, bytes], n: int) -> None:
    """A 2xx to an earlier case that was CANCELled (the 200 crossed the CANCEL): ACK and BYE it."""
    if not (200 <= _status(got) < 300 and _cseq_method(got) == "INVITE"):
        return
    m = re.search(rb"PR\d{5}", got)
    if m is None or m.group().decode() not in open_calls:
        return
    case = open_calls.pop(m.group().decode())
    for data in ack_for(case, got, 100000 + abs(n)):
        ear.send(data)


# --- in a private network namespace ------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    """``protos.py WORK [--every K] [--cases N] [--port P]``, INSIDE a private network namespace: starts the
    bridge (``WORK/voicecart.toml``), runs the cases, checks OPTIONS and a normal call, writes ``WORK/protos.json``."""
    from tests.sip.fuzz import options_ping
    from tests.sip.rawsip import RawCaller
    from tests.sip.run_scenario import start_bridge, stop_bridge, wait_lines_free
    from voice.sip.netns import in_private_netns

    ap = argparse.ArgumentParser()
    ap.add_argument("work", type=Path)
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--cases", type=int, default=0, help="at most this many (0: all selected)")
    ap.add_argument("--port", type=int, default=5070)
    ap.add_argument("--also", action="append", default=[], metavar="REGEX",
                    help="also the cases whose name matches (e.g. the ones that once aborted the bridge)")
    args = ap.parse_args(argv)
    if not in_private_netns():
        print("refusing to run SIP traffic outside a private network namespace", file=sys.stderr)
        return 3
    work = args.work.resolve()
    target = ("127.0.0.1", args.port)
    suite = cases(target=target)
    selected = suite[args.offset::max(1, args.every)]
    if args.cases:
        selected = selected[: args.cases]
    if args.also:
        chosen = {c.index for c in selected}
        chosen |= {c.index for c in suite if any(re.search(rx, c.name) for rx in args.also)}
        selected = [c for c in suite if c.index in chosen]
    bridge = start_bridge(work, {"port": args.port, "bridge_args": ["--silence-timeout", "1"]})
    samples: list[dict[str, Any]] = []
    progress = {"done": 0}
    stop = threading.Event()

    def sampler() -> None:
        t0 = time.monotonic()
        while not stop.wait(1.0):
            s = proc_sample(bridge.pid)
            if s:
                samples.append({"t": round(time.monotonic() - t0, 1), "cases": progress["done"], **s})

    def on_case(c: Case, outcome: dict[str, Any]) -> None:
        progress["done"] += 1
        if progress["done"] % 250 == 0:
            print(f"{progress['done']}/{len(selected)} {c.name[:60]!r} {outcome['statuses']}", flush=True)

    start = proc_sample(bridge.pid)
    control = Case(99999, "the base INVITE (control)", "base", "none", "", base(target=target, token="PR99999"),
                   "PR99999")
    before = torture(target, [control], alive=lambda: bridge.poll() is None)
    warm = proc_sample(bridge.pid)  # after one call: the first call loads what every call needs
    threading.Thread(target=sampler, daemon=True).start()
    t0 = time.monotonic()
    run = torture(target, selected, alive=lambda: bridge.poll() is None, on_case=on_case)
    seconds = time.monotonic() - t0
    after_cases = proc_sample(bridge.pid)
    lines_free = wait_lines_free(work / "events.jsonl", 90.0) if bridge.poll() is None else False
    options = options_ping(target) if bridge.poll() is None else None
    call: dict[str, Any] = {}
    if bridge.poll() is None:
        with RawCaller(target, user="afterwards", seed=7) as caller:
            out = caller.invite(timeout=10.0)
            call = {"final": out.final, "responses": out.responses}
            if 200 <= out.final < 300:
                call["bye"] = caller.bye(timeout=8.0).final
    end = proc_sample(bridge.pid)
    alive = bridge.poll() is None
    stop.set()
    rc = stop_bridge(bridge)
    groups: Counter[str] = Counter(c.group for c in selected)
    names = {c.index: c.name for c in selected}
    for r in run["results"]:
        r["name"] = names[r["i"]]
    result = {"cases_total": len(suite), "selected": len(selected), "every": args.every,
              "seconds": round(seconds, 1), **run,
              "control": {k: before[k] for k in ("finals", "answers", "hung_up")}, "groups": len(groups), "alive_at_end": alive,
              "bridge_rc": rc, "lines_free": lines_free, "options_after": options, "call_after": call,
              "start": start, "warm": warm, "after_cases": after_cases, "end": end, "samples": samples}
    (work / "protos.json").write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    raise SystemExit(main())
