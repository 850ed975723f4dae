"""A real HTTP server on 127.0.0.1 speaking the OpenAI API, with a deterministic stand-in for the *model*.

The protocol is real: ``POST /v1/chat/completions`` (tool calls, JSON content, ``stream: true`` server-sent
events, HTTP errors), ``POST /v1/audio/transcriptions`` (multipart upload) and ``POST /v1/audio/speech``
(WAV bytes), answered over a socket to the real ``openai`` client. What answers is not a model: a scripted
function of the request (:class:`Script`), so every test is deterministic. It says nothing about how well a
real model would understand shoppers.

A reply can block on :attr:`StubServer.release` (a ``threading.Event``) so a client's own timeout is tested
without sleeping; the event is set when the server stops, and a blocked handler gives up after 10 s anyway.
"""

from __future__ import annotations

import email.parser
import email.policy
import io
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np
import soundfile as sf

BLOCK_LIMIT_S = 10.0


@dataclass
class Canned:
    """One scripted answer. ``tool``: (name, arguments as dict or raw text); ``content``: message text;
    ``stream``: send it as server-sent events (also done whenever the request asks for a stream); ``status``/``body``: an HTTP error or raw bytes;
    ``block``: wait for ``release`` first (``block_after_first`` for a stream: after its first event)."""

    tool: tuple[str, Any] | None = None
    content: str | None = None
    stream: bool = False
    status: int = 200
    body: bytes | None = None
    block: bool = False
    block_after_first: bool = False


def tool(name: str, args: Any = None, **kw: Any) -> Canned:
    return Canned(tool=(name, {} if args is None else args), **kw)


def as_json(obj: Any, **kw: Any) -> Canned:
    return Canned(content=json.dumps(obj), **kw)


Script = Callable[[dict[str, Any]], Canned]


def shopper_said(req: dict[str, Any]) -> str:
    """The shopper's turn as the client sent it (the JSON user message)."""
    try:
        return str(json.loads(req["messages"][-1]["content"]).get("shopper_said", ""))
    except (KeyError, IndexError, TypeError, ValueError):
        return ""


def by_turn(table: dict[str, Canned], default: Canned | None = None) -> Script:
    """A stand-in that answers each known shopper turn with its canned reply (else ``no_action``)."""
    return lambda req: table.get(shopper_said(req), default or tool("no_action"))


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: bytes
    json: Any = None
    form: dict[str, Any] = field(default_factory=dict)


class StubServer:
    """``with StubServer(script) as srv: srv.base_url`` — a threaded server on an ephemeral loopback port."""

    def __init__(self, script: Script | None = None):
        self.script: Script = script or (lambda req: tool("no_action"))
        self.requests: list[Recorded] = []
        self.release = threading.Event()
        self.transcript_text = "two lattes please"
        self.transcript_segments: list[dict[str, Any]] | None = None
        self.speech_status = 200
        self.asr_status = 200
        self.asr_block = False
        self.tts_block = False
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - the http.server API
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n)
                rec = Recorded(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                with outer._lock:
                    outer.requests.append(rec)
                try:
                    if self.path.endswith("/chat/completions"):
                        rec.json = json.loads(body)
                        outer._chat(self, rec.json)
                    elif self.path.endswith("/audio/transcriptions"):
                        rec.form = _multipart(self.headers.get("Content-Type", ""), body)
                        outer._transcribe(self, rec.form)
                    elif self.path.endswith("/audio/speech"):
                        rec.json = json.loads(body)
                        outer._speech(self, rec.json)
                    else:
                        self._send(404, b'{"error": {"message": "not found"}}')
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (its timeout): nothing to answer

            def _send(self, status: int, body: bytes, ctype: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.Handler = Handler
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    # --- lifecycle ------------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> StubServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)

    def chat_requests(self) -> list[dict[str, Any]]:
        return [r.json for r in self.requests if r.path.endswith("/chat/completions")]

    def _wait(self) -> None:
        self.release.wait(BLOCK_LIMIT_S)

    # --- chat ---------------------------------------------------------------------------------
    def _chat(self, h: Any, req: dict[str, Any]) -> None:
        c = self.script(req)
        if c.block:
            self._wait()
        if c.status != 200 or c.body is not None:
            body = c.body if c.body is not None else json.dumps(
                {"error": {"message": "scripted failure", "type": "server_error"}}).encode()
            h._send(c.status, body)
            return
        model = str(req.get("model", "stub"))
        if c.stream or req.get("stream"):  # a real server streams when asked to
            self._stream(h, c, model)
            return
        message: dict[str, Any] = {"role": "assistant", "content": c.content}
        finish = "stop"
        if c.tool is not None:
            name, args = c.tool
            message["tool_calls"] = [{"id": "call_1", "type": "function", "function": {
                "name": name, "arguments": args if isinstance(args, str) else json.dumps(args)}}]
            finish = "tool_calls"
        h._send(200, json.dumps({
            "id": "chatcmpl-stub", "object": "chat.completion", "created": 0, "model": model,
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode())

    def _stream(self, h: Any, c: Canned, model: str) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/event-stream")
        h.send_header("Connection", "close")
        h.end_headers()
        deltas: list[dict[str, Any]] = []
        if c.tool is not None:
            name, args = c.tool
            text = args if isinstance(args, str) else json.dumps(args)
            deltas.append({"role": "assistant", "tool_calls": [{"index": 0, "id": "call_1", "type": "function",
                                                                "function": {"name": name, "arguments": ""}}]})
            for i in range(0, len(text), 7):  # the arguments in small pieces, as servers send them
                deltas.append({"tool_calls": [{"index": 0, "function": {"arguments": text[i:i + 7]}}]})
        else:
            text = c.content or ""
            deltas.append({"role": "assistant", "content": ""})
            deltas += [{"content": text[i:i + 5]} for i in range(0, len(text), 5)]
        for n, delta in enumerate(deltas):
            event = {"id": "chatcmpl-stub", "object": "chat.completion.chunk", "created": 0, "model": model,
                     "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
            h.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
            h.wfile.flush()
            if n == 0 and c.block_after_first:
                self._wait()
        h.wfile.write(b"data: [DONE]\n\n")
        h.wfile.flush()
        h.close_connection = True

    # --- audio --------------------------------------------------------------------------------
    def _transcribe(self, h: Any, form: dict[str, Any]) -> None:
        if self.asr_block:
            self._wait()
        if self.asr_status != 200:
            h._send(self.asr_status, b'{"error": {"message": "scripted failure"}}')
            return
        body: dict[str, Any] = {"text": self.transcript_text}
        if form.get("response_format") == "verbose_json":
            audio, rate = sf.read(io.BytesIO(form["file"]))
            body |= {"task": "transcribe", "language": "english", "duration": len(audio) / rate,
                     "segments": self.transcript_segments if self.transcript_segments is not None else [
                         {"id": 0, "seek": 0, "start": 0.0, "end": len(audio) / rate, "text": self.transcript_text,
                          "tokens": [], "temperature": 0.0, "avg_logprob": -0.2, "compression_ratio": 1.1,
                          "no_speech_prob": 0.01}]}
        h._send(200, json.dumps(body).encode())

    def _speech(self, h: Any, req: dict[str, Any]) -> None:
        if self.tts_block:
            self._wait()
        if self.speech_status != 200:
            h._send(self.speech_status, b'{"error": {"message": "scripted failure"}}')
            return
        rate = 24000
        n = rate // 10 * max(1, len(str(req.get("input", "")).split()))  # 100 ms a word
        tone = (0.2 * np.sin(2 * np.pi * 440 * np.arange(n) / rate)).astype(np.float32)
        buf = io.BytesIO()
        sf.write(buf, tone, rate, format="WAV", subtype="PCM_16")
        h._send(200, buf.getvalue(), "audio/wav")


def _multipart(ctype: str, body: bytes) -> dict[str, Any]:
    msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {ctype}\r\n\r\n".encode() + body)
    out: dict[str, Any] = {}
    for part in msg.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload: Any = part.get_payload(decode=True)
        out[str(name)] = payload if part.get_filename() else bytes(payload).decode()
    return out


# --- a stand-in "model" for the benchmark -----------------------------------------------------------
_LINE = re.compile(r"^([A-Z0-9][A-Z0-9_.:/-]*) \| ([^|]+) \|", re.M)


def keyword_model(req: dict[str, Any]) -> Canned:
    """A deterministic stand-in: the catalog product whose name shares the most words with the turn, added
    once; ``no_action`` when none shares a word. Not a language model: a protocol and latency stand-in."""
    said = set(re.findall(r"[a-z]+", shopper_said(req).lower()))
    best, score = None, 0
    for sku, name in _LINE.findall(req["messages"][0]["content"]):
        words = set(re.findall(r"[a-z]+", name.lower()))
        hit = len(words & said)
        if hit > score:
            best, score = sku, hit
    if best is None:
        return tool("no_action")
    return tool("add_items", {"items": [{"sku": best, "quantity": 1}]})
