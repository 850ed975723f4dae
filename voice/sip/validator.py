"""A lenient SIP message validator for the socket in front of PJSIP: pure functions on bytes, no PJSIP.

``validate(datagram)`` parses one UDP datagram tolerantly (leading CRLFs, folded header lines, compact header
names, LWS around ``:`` ``/`` ``;``, unusual token characters, escaped header names, a body framed by
Content-Length with any trailing octets ignored) and returns a :class:`Verdict`:

* ``PASS`` - a well-formed message (however odd): hand ``verdict.data`` (the message without the octets
  after Content-Length) to PJSIP;
* ``REPLY`` - a request that deserves an answer of its own: ``build_response(verdict, source)`` gives the
  bytes (RFC 3261 8.2.6: Via, From, To with a tag, Call-ID and CSeq copied, plus any header the status
  needs: ``Unsupported`` for 420, ``Accept`` for 415, ``Allow`` for 405, ``Warning`` for 406);
* ``DROP`` - a response that is malformed (RFC 4475: "simply discard it"), an ACK that cannot be processed,
  or garbage without a usable Via, which cannot be answered.

The codes are the ones RFC 3261 and RFC 4475 expect: 400 with a reason phrase naming the fault (malformed
start line or header, unterminated quote, spaces in an addr-spec, Content-Length that is negative, larger
than the datagram or given twice, missing or repeated required header fields, CSeq out of range or naming
another method, ...), 505 for another SIP version, 416 for a Request-URI scheme other than sip/sips/tel, 420
for an unknown ``Require`` option, 415 for a body type or encoding the bridge does not take, 406 for an
INVITE whose ``Accept`` excludes SDP, 501 for an unknown method, 405 for a known one the bridge does not
serve (REGISTER), 513 for a message over the size cap, and 400/488 for an SDP offer with any field PJSIP
would assert on (addresses of 254+ characters, host names, ports out of range, payload types, too many
media lines, formats or attributes, overlong lines). ``ValidatorConfig`` holds the caps and method sets.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
from dataclasses import dataclass, field
from enum import StrEnum

PASS_METHODS = frozenset({"INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "INFO", "UPDATE", "PRACK", "REFER",
                          "NOTIFY", "MESSAGE", "SUBSCRIBE"})
# Methods a SIP stack knows but this bridge does not serve: answered 405 with Allow (RFC 3261 8.2.1).
KNOWN_METHODS = frozenset({"REGISTER", "PUBLISH"})
SUPPORTED_OPTIONS = frozenset({"100rel", "timer", "replaces", "norefersub", "path", "outbound", "gruu"})
URI_SCHEMES = frozenset({"sip", "sips", "tel"})
SDP_TYPES = frozenset({"application/sdp"})
# Bodies PJSIP takes with these methods (anything else gets 415 when the method carries a session body).
SESSION_METHODS = frozenset({"INVITE", "UPDATE", "PRACK", "ACK"})

COMPACT = {"i": "call-id", "m": "contact", "e": "content-encoding", "l": "content-length", "c": "content-type",
           "f": "from", "s": "subject", "k": "supported", "t": "to", "v": "via", "o": "event", "r": "refer-to",
           "b": "referred-by", "u": "allow-events", "x": "session-expires", "a": "accept-contact",
           "j": "reject-contact", "d": "request-disposition", "y": "identity", "n": "identity-info"}
SINGLE = ("to", "from", "call-id", "cseq", "max-forwards", "content-length", "content-type")
NAME_ADDR = ("to", "from", "contact", "route", "record-route", "reply-to", "refer-to", "referred-by")

TOKEN = r"[A-Za-z0-9\-.!%*_+`'~]+"
_TOKEN_RE = re.compile(rf"^{TOKEN}$")
_VERSION_RE = re.compile(r"^SIP/(\d+)\.(\d+)$", re.IGNORECASE)
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_VIA_RE = re.compile(rf"^SIP\s*/\s*({TOKEN})\s*/\s*({TOKEN})\s+(\[[0-9A-Fa-f:.]+\]|[^\s;:,\[\]]+)"
                     r"(?:\s*:\s*(\d{1,5}))?\s*(.*)$", re.IGNORECASE | re.DOTALL)
_CSEQ_RE = re.compile(rf"^(\d{{1,20}})\s+({TOKEN})$")
_DATE_RE = re.compile(r"^[A-Za-z]{3},\s\d{1,2}\s[A-Za-z]{3}\s\d{4}\s\d{2}:\d{2}:\d{2}\sGMT$")
_HOST_IN_URI = re.compile(r"sips?:(?:[^@<>\s]*@)?(\[[^\]]*\]|[^:;>?,\s]*)(?::([^;>?,\s]*))?", re.IGNORECASE)
_HOSTNAME_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}\.?)*$")
_PARAM_RE = re.compile(rf"^\s*({TOKEN})\s*(?:=\s*(\"(?:[^\"\\]|\\.)*\"|[^\s;,]+|\[[^\]]*\]))?\s*$", re.DOTALL)

MAX_HOST = 253  # PJSIP asserts in pj_sockaddr_in_set_str_addr on 254+ (PJ_MAX_HOSTNAME)
MAX_INT31 = 2**31 - 1


class Action(StrEnum):
    PASS = "pass"
    REPLY = "reply"
    DROP = "drop"


@dataclass(frozen=True)
class ValidatorConfig:
    max_message: int = 4000  # PJSIP_MAX_PKT_LEN of the wheel's build
    max_headers: int = 100
    max_header_len: int = 2048  # one header field, after unfolding
    max_body: int = 3000
    pass_methods: frozenset[str] = PASS_METHODS
    known_methods: frozenset[str] = KNOWN_METHODS
    supported: frozenset[str] = SUPPORTED_OPTIONS
    # SDP caps, all below PJMEDIA's compile-time limits (16 media, 68 attributes, 32 formats)
    sdp_max_media: int = 8
    sdp_max_attrs: int = 48
    sdp_max_formats: int = 24
    sdp_max_line: int = 512
    sdp_max_lines: int = 200
    server: str = "voicecart"


@dataclass
class Message:
    """A tolerantly parsed SIP message: start line parts, unfolded headers (canonical lower-case names)."""

    is_request: bool
    method: str = ""
    uri: str = ""
    version: str = ""
    status: int = 0
    headers: list[tuple[str, str, str]] = field(default_factory=list)  # (canonical name, name as sent, value)
    body: bytes = b""
    head_end: int = 0

    def all(self, name: str) -> list[str]:
        return [v for n, _, v in self.headers if n == name]

    def first(self, name: str) -> str | None:
        for n, _, v in self.headers:
            if n == name:
                return v
        return None


@dataclass
class Verdict:
    action: Action
    status: int = 0
    reason: str = ""
    extra: list[tuple[str, str]] = field(default_factory=list)
    message: Message | None = None
    data: bytes = b""  # PASS: what to hand on (trailing octets after Content-Length cut off)

    def __str__(self) -> str:
        return f"{self.action.value} {self.status or ''} {self.reason}".strip()


class _Reject(Exception):
    def __init__(self, status: int, reason: str, extra: list[tuple[str, str]] | None = None):
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.extra = extra or []


# --- parsing ---------------------------------------------------------------------------------------------
def _split_head(data: bytes) -> tuple[bytes, bytes, int] | None:
    for sep in (b"\r\n\r\n", b"\n\n"):
        i = data.find(sep)
        if i >= 0:
            return data[:i], data[i + len(sep):], i + len(sep)
    return None


def _lines(head: bytes) -> list[str]:
    text = head.decode("latin-1")
    return text.replace("\r\n", "\n").split("\n")


def parse(data: bytes) -> Message:
    """Parse one message; raises ``_Reject`` (400) on framing it cannot make sense of."""
    data = data.lstrip(b"\r\n")
    split = _split_head(data)
    if split is None:
        head, body, end = data, b"", len(data)
    else:
        head, body, end = split
    lines = _lines(head)
    start = lines[0]
    if start.startswith("SIP/") or start[:4].upper() == "SIP/":
        msg = Message(is_request=False)
        parts = start.split(" ", 2)
        msg.version = parts[0]
        if len(parts) < 2 or not parts[1].isdigit() or len(parts[1]) != 3:
            raise _Reject(400, "Bad Status Line")
        msg.status = int(parts[1])
    else:
        msg = Message(is_request=True)
        msg.method, msg.uri, msg.version = _request_line(start)
    unfolded: list[str] = []
    for line in lines[1:]:
        if line[:1] in (" ", "\t") and unfolded:
            unfolded[-1] += " " + line.strip(" \t")
        elif line == "":
            continue
        else:
            unfolded.append(line)
    for line in unfolded:
        name, sep, value = line.partition(":")
        name = name.rstrip(" \t")
        if not sep or not _TOKEN_RE.match(name):
            raise _Reject(400, "Malformed Header Line")
        canon = name.lower()
        canon = COMPACT.get(canon, canon)
        msg.headers.append((canon, name, value.strip(" \t")))
    msg.body = body
    msg.head_end = end
    return msg


def _request_line(line: str) -> tuple[str, str, str]:
    if "\x00" in line:
        raise _Reject(400, "NUL in Request-Line")
    parts = line.split(" ")
    if len(parts) != 3 or any(p == "" for p in parts):
        if line != line.rstrip(" \t"):
            raise _Reject(400, "Trailing Whitespace in Request-Line")
        if "  " in line or "\t" in line:
            raise _Reject(400, "Extra Whitespace in Request-Line")
        if len(parts) > 3 and _VERSION_RE.match(parts[-1]):
            raise _Reject(400, "Whitespace in Request-URI")
        raise _Reject(400, "Malformed Request-Line")
    method, uri, version = parts
    if not _TOKEN_RE.match(method):
        raise _Reject(400, "Bad Method in Request-Line")
    return method, uri, version


# --- helpers ---------------------------------------------------------------------------------------------
def _split_commas(value: str) -> list[str]:
    """Split a header value at commas outside quotes and <...>."""
    out: list[str] = []
    cur: list[str] = []
    quote, angle, esc = False, False, False
    for ch in value:
        if esc:
            esc = False
        elif quote and ch == "\\":
            esc = True
        elif ch == '"':
            quote = not quote
        elif not quote and ch == "<":
            angle = True
        elif not quote and ch == ">":
            angle = False
        elif ch == "," and not quote and not angle:
            out.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    out.append("".join(cur))
    return out


def _check_params(params: str, what: str) -> dict[str, str]:
    """``;name[=value]`` parameters; an empty parameter (``;;``) or garbage is a fault."""
    out: dict[str, str] = {}
    params = params.strip()
    if not params:
        return out
    if not params.startswith(";"):
        raise _Reject(400, f"Malformed {what}")
    for item in _split_semis(params[1:]):
        m = _PARAM_RE.match(item)
        if m is None:
            raise _Reject(400, f"Malformed {what} Parameter")
        out[m.group(1).lower()] = (m.group(2) or "").strip('"')
    return out


def _split_semis(text: str) -> list[str]:
    out: list[str] = []
    cur: list[str] = []
    quote, esc = False, False
    for ch in text:
        if esc:
            esc = False
        elif quote and ch == "\\":
            esc = True
        elif ch == '"':
            quote = not quote
        elif ch == ";" and not quote:
            out.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    out.append("".join(cur))
    return out


def _check_host(host: str, what: str) -> None:
    if len(host) > MAX_HOST:
        raise _Reject(400, f"Host Name Too Long in {what}")
    if host.startswith("["):
        try:
            ipaddress.IPv6Address(host.strip("[]"))
        except ValueError:
            raise _Reject(400, f"Bad IPv6 Reference in {what}") from None


def _check_port(port: str | None, what: str) -> None:
    if port is None:
        return
    if not port.isdigit() or len(port) > 5 or int(port) > 65535:
        raise _Reject(400, f"Bad Port in {what}")


def _check_uri_hosts(value: str, what: str) -> None:
    for m in _HOST_IN_URI.finditer(value):
        if not m.group(1):
            raise _Reject(400, f"Empty Host in {what}")
        _check_host(m.group(1), what)
        _check_port(m.group(2), what)


def _name_addr(value: str, what: str) -> str:
    """Check one name-addr / addr-spec; returns the URI."""
    v = value.strip()
    if not _quotes_balanced(v):
        raise _Reject(400, f"Unterminated Quoted String in {what}")
    if v.startswith('"'):
        end = _end_quote(v)
        rest = v[end + 1:].lstrip()
        if not rest.startswith("<"):
            raise _Reject(400, f"Malformed {what}")
        v = rest
    elif "<" in v:
        display, _, rest = v.partition("<")
        if display.strip() and not all(_TOKEN_RE.match(t) for t in display.split()):
            raise _Reject(400, f"Invalid Display Name in {what}")
        v = "<" + rest
    if v.startswith("<"):
        close = v.find(">")
        if close < 0:
            raise _Reject(400, f"Unclosed <> in {what}")
        uri = v[1:close]
        if uri != uri.strip() or any(c in uri for c in " \t"):
            raise _Reject(400, f"Spaces within addr-spec in {what}")
        _check_params(v[close + 1:], what)
        return uri
    if v == "*" and what == "Contact":
        return v
    # addr-spec form: URI parameters belong to the header; a URI with headers ('?') or a display name would
    # need <> (RFC 3261 20)
    uri, _, params = v.partition(";")
    uri = uri.strip()
    if " " in uri or "\t" in uri:
        raise _Reject(400, f"Invalid Display Name in {what}")
    if "?" in uri or "," in uri:
        raise _Reject(400, f"URI with Headers Not Enclosed in <> in {what}")
    _check_params(";" + params if params else "", what)
    return uri


def _quotes_balanced(v: str) -> bool:
    quote, esc = False, False
    for ch in v:
        if esc:
            esc = False
        elif quote and ch == "\\":
            esc = True
        elif ch == '"':
            quote = not quote
    return not quote


def _end_quote(v: str) -> int:
    esc = False
    for i in range(1, len(v)):
        ch = v[i]
        if esc:
            esc = False
        elif ch == "\\":
            esc = True
        elif ch == '"':
            return i
    return len(v) - 1


def _scheme(uri: str) -> str | None:
    m = _SCHEME_RE.match(uri)
    return m.group(1).lower() if m else None


def _int_header(msg: Message, name: str, what: str, limit: int) -> int | None:
    value = msg.first(name)
    if value is None:
        return None
    if not value.isdigit() or len(value) > 12 or int(value) > limit:
        raise _Reject(400, f"Bad {what}")
    return int(value)


# --- the verdict -----------------------------------------------------------------------------------------
def validate(data: bytes, config: ValidatorConfig | None = None) -> Verdict:
    """Decide what to do with one datagram (see the module docstring)."""
    cfg = config or ValidatorConfig()
    stripped = data.lstrip(b"\r\n")
    if not stripped:
        return Verdict(Action.DROP, reason="keep-alive or empty datagram")
    offset = len(data) - len(stripped)
    try:
        msg = parse(stripped)
    except _Reject as rej:
        return _reply_or_drop(stripped, rej)
    except Exception as exc:  # noqa: BLE001 - never let a datagram raise
        return Verdict(Action.DROP, reason=f"unparseable: {type(exc).__name__}")
    if not msg.is_request:
        return _check_response(msg, stripped, cfg)
    try:
        data_out = _check_request(msg, stripped, cfg)
    except _Reject as rej:
        if msg.method == "ACK":
            return Verdict(Action.DROP, rej.status, rej.reason, message=msg)
        if not msg.all("via"):
            return Verdict(Action.DROP, rej.status, f"{rej.reason} (no Via to answer)", message=msg)
        return Verdict(Action.REPLY, rej.status, rej.reason, rej.extra, message=msg)
    del offset
    return Verdict(Action.PASS, message=msg, data=data_out)


def _reply_or_drop(data: bytes, rej: _Reject) -> Verdict:
    """The message could not be parsed as a whole: answer if a request with a Via can still be read."""
    if data[:4].upper() == b"SIP/":
        return Verdict(Action.DROP, rej.status, rej.reason)
    split = _split_head(data)
    head = split[0] if split else data
    msg = Message(is_request=True)
    lines = _lines(head)
    msg.method = lines[0].split(" ", 1)[0]
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep and _TOKEN_RE.match(name.strip()):
            canon = COMPACT.get(name.strip().lower(), name.strip().lower())
            msg.headers.append((canon, name.strip(), value.strip()))
    if not msg.all("via") or msg.method == "ACK":
        return Verdict(Action.DROP, rej.status, f"{rej.reason} (cannot answer)")
    return Verdict(Action.REPLY, rej.status, rej.reason, rej.extra, message=msg)


def _check_response(msg: Message, data: bytes, cfg: ValidatorConfig) -> Verdict:
    try:
        if len(data) > cfg.max_message:
            raise _Reject(513, "Message Too Large")
        if msg.version.upper() != "SIP/2.0":
            raise _Reject(505, "Version Not Supported")
        if not 100 <= msg.status <= 699:
            raise _Reject(400, "Bad Status Code")
        _check_common(msg, cfg)
        cseq = msg.first("cseq")
        if cseq is None or not msg.all("via"):
            raise _Reject(400, "Missing Required Header Field")
        out = _frame(msg, data)
    except _Reject as rej:
        return Verdict(Action.DROP, rej.status, rej.reason, message=msg)
    return Verdict(Action.PASS, message=msg, data=out)


def _frame(msg: Message, data: bytes) -> bytes:
    """Apply Content-Length: the message bytes to hand on, or a fault."""
    lengths = msg.all("content-length")
    if len(lengths) > 1:
        raise _Reject(400, "Multiple Content-Length Values")
    if not lengths:
        return data
    value = lengths[0]
    if not value.isdigit():
        raise _Reject(400, "Negative Content-Length" if value.startswith("-") else "Bad Content-Length")
    if len(value) > 9 or int(value) > len(msg.body):
        raise _Reject(400, "Content-Length Larger Than Message")
    n = int(value)
    msg.body = msg.body[:n]
    return data[: msg.head_end + n]


def _bare_control(value: str) -> bool:
    """A control character (other than HTAB) outside a quoted-pair: RFC 3261 allows one only escaped inside a
    quoted string (``"BEL:\\\x07"``), and never CR or LF."""
    quote = esc = False
    for ch in value:
        control = (ch < " " and ch != "\t") or ch == "\x7f"
        if esc:
            esc = False
            if ch in "\r\n":
                return True
            continue
        if control:
            return True
        if quote and ch == "\\":
            esc = True
        elif ch == '"':
            quote = not quote
    return False


def _check_common(msg: Message, cfg: ValidatorConfig) -> None:
    if len(msg.headers) > cfg.max_headers:
        raise _Reject(400, "Too Many Header Fields")
    for _, name, value in msg.headers:
        if len(value) + len(name) > cfg.max_header_len:
            raise _Reject(400, f"Header Field Too Long: {name[:40]}")
        if _bare_control(value):
            raise _Reject(400, f"Control Character in {name[:40]}")
    cseq = msg.first("cseq")
    if cseq is not None:
        m = _CSEQ_RE.match(cseq)
        if m is None:
            raise _Reject(400, "Malformed CSeq")
        if int(m.group(1)) > MAX_INT31:
            raise _Reject(400, "CSeq Number Too Large")
    for via in msg.all("via"):
        for one in _split_commas(via):
            _check_via(one)


def _check_via(value: str) -> dict[str, str]:
    m = _VIA_RE.match(value.strip())
    if m is None:
        raise _Reject(400, "Malformed Via")
    _check_host(m.group(3), "Via")
    _check_port(m.group(4), "Via")
    params = _check_params(m.group(5), "Via")
    if "received" in params:
        _check_host(params["received"], "Via received")
    if "maddr" in params:
        _check_host(params["maddr"], "Via maddr")
    if params.get("rport"):
        _check_port(params["rport"], "Via rport")
    return params


def _check_request(msg: Message, data: bytes, cfg: ValidatorConfig) -> bytes:
    if len(data) > cfg.max_message:
        raise _Reject(513, "Message Too Large")
    vm = _VERSION_RE.match(msg.version)
    if vm is None:
        raise _Reject(400, "Bad SIP Version in Request-Line")
    if (vm.group(1), vm.group(2)) != ("2", "0"):
        raise _Reject(505, "Version Not Supported")
    uri = msg.uri
    if uri.startswith("<"):
        raise _Reject(400, "Request-URI Enclosed in <>")
    scheme = _scheme(uri)
    if scheme is None:
        raise _Reject(400, "Malformed Request-URI")
    _check_common(msg, cfg)
    # required header fields (RFC 3261 8.1.1; Max-Forwards may be absent, as in RFC 2543 requests)
    missing = [h for h in ("to", "from", "call-id", "cseq", "via") if msg.first(h) is None]
    if missing:
        names = ", ".join({"call-id": "Call-ID", "cseq": "CSeq"}.get(h, h.title()) for h in missing)
        raise _Reject(400, f"Missing Required Header Field: {names}")
    for name in SINGLE:
        if len(msg.all(name)) > 1:
            label = {"call-id": "Call-ID", "cseq": "CSeq"}.get(name, name.title())
            raise _Reject(400, f"Multiple Values in Single-Value Header {label}")
    cseq = _CSEQ_RE.match(msg.first("cseq") or "")
    assert cseq is not None  # checked in _check_common
    top_via = _check_via(_split_commas(msg.all("via")[0])[0])
    branch = top_via.get("branch")
    if branch is not None and branch.lower() == "z9hg4bk":
        raise _Reject(400, "Missing Transaction Identifier")
    data_out = _frame(msg, data)
    for name in NAME_ADDR:
        label = name.title()
        for value in msg.all(name):
            for one in _split_commas(value) if name in ("contact", "route", "record-route") else [value]:
                if not one.strip():
                    raise _Reject(400, f"Empty Value in {label}")
                addr = _name_addr(one, label)
                if addr != "*" and _scheme(addr) is None:
                    raise _Reject(400, f"Malformed URI in {label}")
                _check_uri_hosts(one, label)
    mf = msg.first("max-forwards")
    if mf is not None and (not mf.isdigit() or len(mf) > 10 or int(mf) > 255):
        raise _Reject(400, "Bad Max-Forwards")
    _int_header(msg, "expires", "Expires", 2**32 - 1)
    date = msg.first("date")
    if date is not None and not _DATE_RE.match(date):
        raise _Reject(400, "Invalid Date")
    if cseq.group(2) != msg.method:
        if msg.method in cfg.pass_methods or msg.method in cfg.known_methods:
            raise _Reject(400, "CSeq Method Does Not Match Request-Line")
        raise _Reject(501, "Not Implemented")
    if scheme not in URI_SCHEMES:
        raise _Reject(416, "Unsupported URI Scheme")
    if scheme in ("sip", "sips"):
        if "?" in uri.rsplit("@", 1)[-1]:  # a '?' in the user part is just a character there
            raise _Reject(400, "Headers in Request-URI")
        _check_uri_hosts(uri, "Request-URI")
    if msg.method == "INVITE":  # RFC 3261 8.1.1.8: a dialog's remote target (PJSIP answers 500 to another)
        for value in msg.all("contact"):
            for one in _split_commas(value):
                if _scheme(_name_addr(one, "Contact")) not in ("sip", "sips"):
                    raise _Reject(400, "Contact Must Be a SIP or SIPS URI")
    if msg.method == "REGISTER":
        to_uri = _name_addr(msg.first("to") or "", "To")
        if _scheme(to_uri) not in ("sip", "sips"):
            raise _Reject(400, "To Must Be a SIP or SIPS URI")
    if msg.method not in cfg.pass_methods:
        allow = ", ".join(sorted(cfg.pass_methods))
        if msg.method in cfg.known_methods:
            raise _Reject(405, "Method Not Allowed", [("Allow", allow)])
        raise _Reject(501, "Not Implemented", [("Allow", allow)])
    if msg.method not in ("ACK", "CANCEL"):
        unknown = []
        for value in msg.all("require"):
            for tag in value.split(","):
                tag = tag.strip()
                if tag and tag.lower() not in cfg.supported:
                    unknown.append(tag)
        if unknown:
            raise _Reject(420, "Bad Extension", [("Unsupported", ", ".join(unknown))])
    _check_body(msg, cfg)
    return data_out


def _media_type(value: str) -> str:
    return value.split(";", 1)[0].strip().lower().replace(" ", "")


def _check_body(msg: Message, cfg: ValidatorConfig) -> None:
    accept_sdp = [("Accept", "application/sdp")]
    encoding = msg.first("content-encoding")
    if encoding is not None and msg.body and encoding.strip().lower() not in ("", "identity"):
        raise _Reject(415, "Unsupported Content-Encoding", [("Accept-Encoding", "identity"), *accept_sdp])
    if msg.method == "INVITE":
        accepts = msg.all("accept")
        if accepts:
            types = {_media_type(t) for v in accepts for t in v.split(",") if t.strip()}
            if types and not types & {"application/sdp", "application/*", "*/*"}:
                raise _Reject(406, "Not Acceptable",
                              [("Warning", '399 voicecart "only application/sdp can be answered"')])
    if len(msg.body) > cfg.max_body:
        raise _Reject(513, "Message Body Too Large")
    if not msg.body:
        return
    ctype = msg.first("content-type")
    if ctype is None:
        raise _Reject(400, "Body Without Content-Type")
    mtype = _media_type(ctype)
    if msg.method in SESSION_METHODS:
        if mtype in SDP_TYPES:
            check_sdp(msg.body, cfg)
        elif mtype.startswith("multipart/"):
            for part_type, part in _multipart(ctype, msg.body):
                if part_type in SDP_TYPES:
                    check_sdp(part, cfg)
        else:
            raise _Reject(415, "Unsupported Media Type", accept_sdp)


def _multipart(ctype: str, body: bytes) -> list[tuple[str, bytes]]:
    m = re.search(r'boundary\s*=\s*"?([^";]+)"?', ctype, re.IGNORECASE)
    if m is None:
        raise _Reject(400, "Multipart Body Without Boundary")
    boundary = b"--" + m.group(1).strip().encode("latin-1")
    parts = []
    for chunk in body.split(boundary)[1:]:
        if chunk.startswith(b"--"):
            break
        split = _split_head(chunk.lstrip(b"\r\n"))
        if split is None:
            continue
        head, content, _ = split
        ptype = "text/plain"
        for line in _lines(head):
            name, _, value = line.partition(":")
            if name.strip().lower() in ("content-type", "c"):
                ptype = _media_type(value)
        parts.append((ptype, content.rstrip(b"\r\n")))
    return parts


# --- SDP -------------------------------------------------------------------------------------------------
def _sdp_addr(addr: str, line: str, addrtype: str = "") -> None:
    """An SDP address; with ``addrtype`` (IP4/IP6) a literal address must be of that family: PJSIP takes an
    IPv6 address in a c= line of type IP4 for IPv4, leaves the socket address without a family and aborts
    (``pj_sockaddr_get_len`` asserts)."""
    host = addr.split("/", 1)[0]
    if not host or len(host) > MAX_HOST:
        raise _Reject(488, f"Not Acceptable Here: {line} address too long")
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        ip = None
    if ip is not None:
        if addrtype and f"IP{ip.version}" != addrtype:
            raise _Reject(400, f"Bad SDP: {line} address is not {addrtype}")
        return
    if not _HOSTNAME_RE.match(host) or any(len(label) > 63 for label in host.split(".")):
        raise _Reject(400, f"Bad SDP: {line} address is not a host")


def check_sdp(body: bytes, config: ValidatorConfig | None = None) -> None:
    """Raise ``_Reject`` (400/488) for an SDP body with anything PJSIP's SDP parser or media code would
    assert on or overrun; pass anything else (PJSIP itself answers what it cannot negotiate)."""
    cfg = config or ValidatorConfig()
    text = body.decode("latin-1")
    lines = [ln for ln in text.replace("\r\n", "\n").split("\n") if ln != ""]
    if len(lines) > cfg.sdp_max_lines:
        raise _Reject(488, "Not Acceptable Here: SDP too long")
    if not lines or lines[0].strip() != "v=0":
        raise _Reject(400, "Bad SDP: v=0 must come first")
    media = 0
    attrs = 0
    for line in lines:
        if len(line) > cfg.sdp_max_line:
            raise _Reject(400, "Bad SDP: line too long")
        if len(line) < 2 or line[1] != "=" or not ("a" <= line[0] <= "z"):
            raise _Reject(400, "Bad SDP: malformed line")
        if "\x00" in line:
            raise _Reject(400, "Bad SDP: NUL")
        kind, value = line[0], line[2:]
        fields = value.split()
        if kind == "o":
            if len(fields) != 6 or not fields[1].isdigit() or not fields[2].isdigit():
                raise _Reject(400, "Bad SDP: malformed o= line")
            if len(fields[1]) > 20 or len(fields[2]) > 20:
                raise _Reject(400, "Bad SDP: o= number too large")
            _sdp_net(fields[3:], "o=")
        elif kind == "c":
            if len(fields) != 3:
                raise _Reject(400, "Bad SDP: malformed c= line")
            _sdp_net(fields, "c=")
        elif kind == "m":
            media += 1
            attrs = 0
            if media > cfg.sdp_max_media:
                raise _Reject(488, "Not Acceptable Here: too many m= lines")
            if len(fields) < 4:
                raise _Reject(400, "Bad SDP: malformed m= line")
            port, _, count = fields[1].partition("/")
            if not port.isdigit() or len(port) > 5 or int(port) > 65535:
                raise _Reject(400, "Bad SDP: m= port out of range")
            if count and (not count.isdigit() or len(count) > 3 or int(count) > 64):
                raise _Reject(400, "Bad SDP: m= port count")
            fmts = fields[3:]
            if len(fmts) > cfg.sdp_max_formats:
                raise _Reject(488, "Not Acceptable Here: too many formats")
            if "RTP/" in fields[2].upper():
                for pt in fmts:
                    if not pt.isdigit() or len(pt) > 3 or int(pt) > 127:
                        raise _Reject(400, "Bad SDP: RTP payload type out of range")
            elif any(len(f) > 32 for f in fmts):
                raise _Reject(400, "Bad SDP: format too long")
        elif kind == "a":
            attrs += 1
            if attrs > cfg.sdp_max_attrs:
                raise _Reject(488, "Not Acceptable Here: too many attributes")
            _sdp_attr(value)
        elif kind == "b":
            btype, _, bw = value.partition(":")
            if not bw.isdigit() or len(bw) > 9:
                raise _Reject(400, "Bad SDP: b= value")


def _sdp_net(fields: list[str], line: str) -> None:
    nettype, addrtype, addr = fields
    if nettype != "IN" or addrtype not in ("IP4", "IP6"):
        raise _Reject(488, f"Not Acceptable Here: {line} network type")
    _sdp_addr(addr, line, addrtype if line != "o=" else "")  # o= names the session's creator: not used


def _sdp_attr(value: str) -> None:
    name, _, rest = value.partition(":")
    name = name.lower()
    if name in ("rtpmap", "fmtp"):
        pt, _, spec = rest.partition(" ")
        if not pt.isdigit() or len(pt) > 3 or int(pt) > 127:
            raise _Reject(400, f"Bad SDP: a={name} payload type")
        if name == "rtpmap":
            parts = spec.strip().split("/")
            if not parts[0] or len(parts[0]) > 32:
                raise _Reject(400, "Bad SDP: a=rtpmap encoding")
            # a missing clock rate (RFC 4475's 'a=rtpmap:31 LPC') is PJSIP's to refuse, gracefully
            if len(parts) > 1 and (not parts[1].isdigit() or len(parts[1]) > 9):
                raise _Reject(400, "Bad SDP: a=rtpmap clock rate")
            if len(parts) > 2 and (not parts[2].isdigit() or len(parts[2]) > 2 or int(parts[2]) > 8):
                raise _Reject(400, "Bad SDP: a=rtpmap channels")
    elif name == "rtcp":
        fields = rest.split()
        if not fields or not fields[0].isdigit() or len(fields[0]) > 5 or int(fields[0]) > 65535:
            raise _Reject(400, "Bad SDP: a=rtcp port")
        if len(fields) >= 4:
            _sdp_addr(fields[3], "a=rtcp", fields[2] if fields[2] in ("IP4", "IP6") else "")
        elif len(fields) != 1:
            raise _Reject(400, "Bad SDP: malformed a=rtcp")
    elif name == "ptime" or name == "maxptime":
        if not rest.strip().isdigit() or len(rest.strip()) > 4:
            raise _Reject(400, f"Bad SDP: a={name}")


# --- responses -------------------------------------------------------------------------------------------
def _to_tag(msg: Message) -> str:
    key = "|".join([msg.first("call-id") or "", msg.first("from") or "", msg.first("cseq") or "",
                    (msg.all("via") or [""])[0]])
    return "vf" + hashlib.sha1(key.encode("latin-1", "replace")).hexdigest()[:12]


def _safe(value: str) -> str:
    return "".join(ch for ch in value if ch not in "\r\n\x00")


def build_response(verdict: Verdict, source: tuple[str, int] | None = None,
                   config: ValidatorConfig | None = None) -> bytes:
    """The answer for a ``REPLY`` verdict (RFC 3261 8.2.6). With ``source`` (the datagram's sender), the top
    Via gets ``received`` and a filled-in ``rport`` as RFC 3261 18.2.1 / RFC 3581 say."""
    cfg = config or ValidatorConfig()
    msg = verdict.message
    assert msg is not None and verdict.action is Action.REPLY
    reason = "".join(ch for ch in verdict.reason if 32 <= ord(ch) < 127) or "Bad Request"
    out = [f"SIP/2.0 {verdict.status} {reason}"]
    vias: list[str] = []
    for value in msg.all("via"):
        vias.extend(v.strip() for v in _split_commas(value))
    for i, via in enumerate(vias):
        if i == 0 and source is not None:
            via = _stamp_via(via, source)
        out.append(f"Via: {_safe(via)}")
    frm = msg.first("from")
    if frm is not None:
        out.append(f"From: {_safe(frm)}")
    to = msg.first("to")
    if to is not None:
        to = _safe(to)
        if verdict.status > 100 and not re.search(r";\s*tag\s*=", _after_uri(to), re.IGNORECASE):
            to += f";tag={_to_tag(msg)}"
        out.append(f"To: {to}")
    for name, label in (("call-id", "Call-ID"), ("cseq", "CSeq")):
        found = msg.first(name)
        if found is not None:
            out.append(f"{label}: {_safe(found)}")
    for name, extra in verdict.extra:
        out.append(f"{name}: {_safe(extra)}")
    out.append(f"Server: {cfg.server}")
    out.append("Content-Length: 0")
    return ("\r\n".join(out) + "\r\n\r\n").encode("latin-1", "replace")


def _after_uri(value: str) -> str:
    """The header parameters of a name-addr/addr-spec (where a tag would be)."""
    if ">" in value:
        return value[value.rfind(">") + 1:]
    return value[value.find(";"):] if ";" in value else ""


def _stamp_via(via: str, source: tuple[str, int]) -> str:
    host, port = source
    m = _VIA_RE.match(via)
    if m is None or (m.group(5).strip() and not m.group(5).strip().startswith(";")):
        return via  # unreadable (e.g. a port of six digits): answered to the datagram's source, as it is
    params = m.group(5)
    parts = [p for p in _split_semis(params)[1:]] if params.strip().startswith(";") else []
    names = [p.split("=", 1)[0].strip().lower() for p in parts]
    new = []
    for p, n in zip(parts, names, strict=True):
        if n == "rport":
            new.append(f"rport={port}")
        elif n != "received":
            new.append(p.strip())
    sent_host = m.group(3)
    if "received" in names or "rport" in names or sent_host.strip("[]") != host:
        new.append(f"received={host}")
    head = via[: m.start(5)].rstrip()
    return head + "".join(";" + p for p in new)
