"""PJSIP's lifecycle on one thread the bridge owns.

The engine creates the library, polls ``libHandleEvents`` and destroys it, all on its own thread; SIP
callbacks therefore arrive there too. Other threads never call into pjsua2 directly: they ``post`` a function
that the SIP thread runs. Calls (and their media ports) stay referenced in ``self.calls`` until they are
disconnected, then are dropped on the SIP thread, and all of them before ``libDestroy``.
"""

from __future__ import annotations

import collections
import dataclasses
import gc
import heapq
import itertools
import json
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pjsua2 as pj

from voice.sip.account import BridgeAccount, account_config
from voice.sip.admission import AdmissionGate, Request, parse_request, via_source
from voice.sip.call import BridgeCall
from voice.sip.handler import CallInfo, HandlerFactory, caller_id_from_uri
from voice.sip.policy import CallPolicy, Verdict, admit
from voice.sip.privacy import for_events, for_log
from voice.sip.rtp_guard import RtpSource

log = logging.getLogger(__name__)

CODEC_PRIORITY = {"G722/16000": 255, "PCMU/8000": 254, "PCMA/8000": 253}
# The pjsua2-python 2.15.1.post1 wheel is compiled with PJSUA_MAX_CALLS = 4: whatever uaConfig.maxCalls says,
# PJSIP itself answers a 5th simultaneous INVITE with 486 ("too many calls"). Measured; see README.
PJSUA_MAX_CALLS = 4
# Each admitted call creates an RTP and an RTCP socket. PJSIP's select() ioqueue has 64 keys and keeps a closed
# socket's key for 500 ms (PJ_IOQUEUE_KEY_FREE_DELAY) before it can be reused; with calls lasting a few ms (a
# flood of INVITE + CANCEL, or answered-and-hung-up calls) ~32 calls in half a second exhaust it and PJSIP
# aborts (`pj_ioqueue_register_sock2: Assertion '!pj_list_empty(&ioqueue->free_list)'`). So new calls are
# admitted at most CALL_RATE_PER_S per second (24 keys closing + 8 in use at most); the rest get 486.
CALL_RATE_PER_S = 12


class SipEngineError(RuntimeError):
    """PJSIP could not start (port in use, bad address, ...); the message says what failed."""


@dataclass
class SipSettings:
    host: str = "127.0.0.1"
    port: int = 5060
    public_address: str | None = None
    max_calls: int = 4
    allow: tuple[str, ...] = ()
    register_uri: str | None = None
    password: str | None = None
    answer_delay_s: float = 0.0  # ring this long before answering (0: answer at once)
    pjsip_log_level: int = 1
    user_agent: str = "voicecart"
    outside: str = "403"  # requests from outside ``allow``: "403" (answer Forbidden) or "drop" (no answer)
    refer_status: int = 403  # the answer to a caller's REFER (403 Forbidden or 405 Method Not Allowed)
    log_personal: bool = False  # full numbers in events, caller IDs and transcripts in the log
    # The validating front (voice.sip.front) owns the public socket and PJSIP listens on 127.0.0.1 behind it;
    # False: PJSIP binds host:port itself (the admission module alone guards it).
    front: bool = True
    pjsip_port: int = 0  # PJSIP's port behind the front (0: a free one)
    media_host: str | None = None  # RTP binds here (default: host); a bridge behind Kamailio binds the public one
    media_public: str | None = None  # the address in SDP (default: public_address)
    listening_event: str = "listening"  # "bridge_listening" for the bridges `voicecart sip --lines` starts
    rtp_source: RtpSource = RtpSource.FIRST  # whose RTP a call accepts (voice.sip.rtp_guard)

    def advertised(self) -> str:
        """The address callers are told (Contact, Record-Route, SDP): --public-address, else the listen host, else
        (listening on every interface) the address that routes outwards."""
        if self.public_address:
            return self.public_address
        if self.host not in ("0.0.0.0", "::", ""):
            return self.host
        return _outward_address()


def _outward_address() -> str:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 5060))  # no packet is sent: this only asks the routing table
            return str(s.getsockname()[0])
        except OSError:
            return "127.0.0.1"


class _PyLogWriter(pj.LogWriter):  # type: ignore[misc]
    def write(self, entry: Any) -> None:
        log.debug("pjsip: %s", str(entry.msg).rstrip())


class _Control:
    """``CallControl`` for one call: posts to the SIP thread, so any thread may use it."""

    def __init__(self, engine: SipEngine, call: BridgeCall):
        self._engine = engine
        self._pj_id = call.pj_id
        self._key = call.call_key

    def hangup(self) -> None:
        self._engine.post(lambda: self._engine.with_call(self._pj_id, self._key, lambda c: c.end()))

    def transfer(self, target: str) -> None:
        self._engine.post(lambda: self._engine.with_call(self._pj_id, self._key, lambda c: c.refer(target)))


class SipEngine:
    def __init__(
        self,
        settings: SipSettings,
        handler_factory: HandlerFactory,
        on_event: Callable[[dict[str, Any]], None] | None = None,
    ):
        self.settings = settings
        # behind the front every request comes from 127.0.0.1: the front enforces --allow (for every method)
        self.policy = CallPolicy(() if settings.front else settings.allow, min(settings.max_calls, PJSUA_MAX_CALLS))
        self.front: Any = None
        self.handler_factory = handler_factory
        self.on_event = on_event
        self.calls: dict[int, BridgeCall] = {}
        self._graveyard: list[BridgeCall] = []
        self._posted: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._timers: list[tuple[float, int, Callable[[], None]]] = []
        self._seq = itertools.count()
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._lock = threading.Lock()
        self.stats = {"answered": 0, "refused_403": 0, "refused_486": 0, "ended": 0}
        self.gate: AdmissionGate | None = None
        self._admitted: collections.deque[float] = collections.deque()

    # --- public, any thread ---------------------------------------------------------------------
    def start(self, timeout: float = 15.0) -> None:
        self._thread = threading.Thread(target=self._run, name="sip-engine", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise SipEngineError(f"PJSIP did not start within {timeout:.0f} s")
        if self._error is not None:
            raise SipEngineError(str(self._error)) from self._error

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        if self.front is not None:
            self.front.stop()

    def wait(self) -> None:
        while self._thread is not None and self._thread.is_alive():
            self._thread.join(0.5)

    def post(self, fn: Callable[[], None]) -> None:
        self._posted.put(fn)

    def active_calls(self) -> int:
        with self._lock:
            return sum(1 for c in self.calls.values() if c.handler is not None and not c.disconnected)

    def emit(self, event: str, **fields: Any) -> None:
        """One call event: to ``on_event`` (numbers redacted) and to the log at INFO (no personal fields),
        unless ``settings.log_personal``."""
        record = {"t": round(time.time(), 3), "event": event, **fields}
        personal = self.settings.log_personal
        log.info("%s", json.dumps(for_log(record, personal), default=str))
        if self.on_event is not None:
            try:
                self.on_event(for_events(record, personal))
            except Exception:  # noqa: BLE001
                log.exception("event sink failed")

    # --- SIP thread -----------------------------------------------------------------------------
    def control_for(self, call: BridgeCall) -> _Control:
        return _Control(self, call)

    def later(self, delay_s: float, fn: Callable[[], None]) -> None:
        heapq.heappush(self._timers, (time.monotonic() + delay_s, next(self._seq), fn))

    def with_call(self, pj_id: int, key: str, fn: Callable[[BridgeCall], None]) -> None:
        call = self.calls.get(pj_id)
        if call is not None and call.call_key == key and not call.disconnected:
            fn(call)

    # --- admission (SIP thread, inside PJSIP's receive path) ----------------------------------------
    def pjsua_calls(self) -> int:
        gate = self.gate
        if gate is None:
            return 0
        return int(gate._lib.pjsua_call_get_count())

    def real_source(self, source: str, via2: str) -> str:
        """The caller's address: behind the front, the one the front stamped on the caller's Via."""
        if self.front is not None and source == f"127.0.0.1:{self.front.internal_port}":
            return via_source(via2) or source
        return source

    def source_of(self, whole_msg: str, source: str) -> str:
        if self.front is None:
            return source
        req = parse_request(whole_msg.encode("utf-8", "replace"), source)
        return self.real_source(source, req.via2) if req is not None else source

    def _admit(self, req: Request) -> Verdict:
        if self.front is not None and req.source:
            req = dataclasses.replace(req, source=self.real_source(req.source, req.via2))
        busy = self.active_calls() >= self.policy.max_calls or self.pjsua_calls() >= PJSUA_MAX_CALLS
        allowed = self.policy.allowed(req.source) if req.source else not self.policy.networks
        verdict = admit(req.method, allowed, req.in_dialog, busy, self.settings.outside, req.hazard)
        if verdict.action == "pass" and req.method == "INVITE" and not req.in_dialog:
            now = time.monotonic()
            while self._admitted and now - self._admitted[0] > 1.0:
                self._admitted.popleft()
            if len(self._admitted) >= CALL_RATE_PER_S:
                return Verdict("refuse", 486, "Busy Here", f"more than {CALL_RATE_PER_S} new calls in a second")
            self._admitted.append(now)
        return verdict

    def _refused_by_gate(self, req: Request, verdict: Verdict) -> None:
        if self.front is not None and req.source:
            req = dataclasses.replace(req, source=self.real_source(req.source, req.via2))
        key = f"refused_{verdict.status}" if verdict.action == "refuse" else "dropped"
        self.stats[key] = self.stats.get(key, 0) + 1
        fields: dict[str, Any] = {"method": req.method, "source": req.source, "reason": verdict.why}
        if req.call_id:
            fields["call"] = req.call_id
        if req.method == "INVITE" and req.from_uri:
            fields["caller"] = caller_id_from_uri(req.from_uri)
        if verdict.action == "refuse":
            self.emit("refused", status=verdict.status, **fields)
        else:
            self.emit("refused", status=None, dropped=True, **fields)

    def on_transfer_request(self, call: BridgeCall, target: str) -> int:
        """A caller's REFER: always refused (toll fraud otherwise); the status goes back to PJSIP."""
        status = self.settings.refer_status
        self.stats["transfer_refused"] = self.stats.get("transfer_refused", 0) + 1
        self.emit("transfer_refused", call=call.call_key, target=target, status=status, by="caller")
        return status

    def on_incoming(self, call: BridgeCall, source: str) -> None:
        with self._lock:
            old = self.calls.get(call.pj_id)
            if old is not None and old is not call:
                # PJSIP reused this call id before the old object was dropped: deleting the old object
                # now would make its C++ destructor hang up the NEW call, so keep it until shutdown.
                self._graveyard.append(old)
                if old.port is not None:
                    old.port.close()
                if old.disconnected:  # its hang-up was handled: keep only the PJSIP wrapper until shutdown,
                    old.handler = None  # not the call's conversation and queues
            self.calls[call.pj_id] = call
        try:
            ci = call.getInfo()
            remote, sip_call_id = ci.remoteUri, ci.callIdString
        except pj.Error:
            remote, sip_call_id = "", str(call.pj_id)
        info = CallInfo(call_id=sip_call_id, caller_id=caller_id_from_uri(remote), remote_uri=remote, source=source)
        call.info = info
        decision = self.policy.decide(source, self.active_calls())
        if not decision.accept:
            call.refused = True
            self.stats[f"refused_{decision.status_code}"] = self.stats.get(f"refused_{decision.status_code}", 0) + 1
            self.emit("refused", call=info.call_id, status=decision.status_code, reason=decision.reason, source=source)
            reason = "Forbidden" if decision.status_code == 403 else "Busy Here"
            # Never answer or hang up inside onIncomingCall (PJSIP may still be creating the media
            # transport; doing so asserts under load): respond on the next loop turn instead.
            pj_id, code = call.pj_id, decision.status_code
            self.later(0.0, lambda: self._respond(pj_id, info.call_id, code, reason))
            return
        try:
            call.handler = self.handler_factory(info)
        except Exception as exc:  # noqa: BLE001 - a broken session must refuse the call, not the line
            log.exception("could not create a session for %s", info.call_id)
            self.emit("refused", call=info.call_id, status=500, reason=str(exc), source=source)
            pj_id = call.pj_id
            self.later(0.0, lambda: self._respond(pj_id, info.call_id, 500, "Server Internal Error"))
            return
        self.emit("incoming", call=info.call_id, caller=info.caller_id, source=source)
        pj_id = call.pj_id
        self.later(0.0, lambda: self._respond(pj_id, info.call_id, 180, ""))
        delay = max(0.0, self.settings.answer_delay_s)
        self.later(delay, lambda: self._answer(pj_id, info.call_id))

    def _respond(self, pj_id: int, key: str, status: int, reason: str) -> None:
        call = self.calls.get(pj_id)
        if call is not None and call.call_key == key and not call.disconnected:
            call.respond(status, reason)

    def _answer(self, pj_id: int, key: str) -> None:
        call = self.calls.get(pj_id)
        if call is None or call.call_key != key or call.disconnected:
            return
        try:
            call.respond(200)
            self.stats["answered"] += 1
            self.emit("answered", call=key)
        except pj.Error as exc:
            self.emit("answer_failed", call=key, error=exc.info())

    def on_disconnected(self, call: BridgeCall, reason: str) -> None:
        self.stats["ended"] += 1
        media: dict[str, Any] = {}
        if call.port is not None:
            media = {"frames_in": call.port.frames_in, "frames_out": call.port.frames_out,
                     "max_media_gap_ms": round(call.port.max_gap_ms, 1)}
        self.emit("ended", call=call.call_key, reason=reason, refused=call.refused, **media)
        if call.handler is not None:
            try:
                call.handler.on_hangup(reason)
            except Exception:  # noqa: BLE001
                log.exception("handler hang-up failed")
        # Drop the Python objects right after this callback has returned (next loop turn), still on this
        # thread, and before PJSIP can hand the same call id to a new call (ids are allocated round-robin).
        pj_id, key = call.pj_id, call.call_key
        self.post(lambda: self._drop(pj_id, key))

    def _drop(self, pj_id: int, key: str) -> None:
        with self._lock:
            call = self.calls.get(pj_id)
            if call is None or call.call_key != key or not call.disconnected:
                return
            del self.calls[pj_id]
        port, call.port = call.port, None
        if port is not None:
            port.close()  # PJSIP's side of the port goes now, on this thread, while the Python object is whole
        del port, call

    def _run(self) -> None:
        ep: Any = None
        account: Any = None
        writer = _PyLogWriter()
        try:
            ep = pj.Endpoint()
            ep.libCreate()
            ep.libInit(self._ep_config(writer))
            tcfg = pj.TransportConfig()
            if self.settings.front:
                self._start_front()
                tcfg.port = self.front.cfg.pjsip_port
                tcfg.boundAddress = "127.0.0.1"
            else:
                tcfg.port = self.settings.port
                if self.settings.host not in ("0.0.0.0", "::", ""):
                    tcfg.boundAddress = self.settings.host
                if self.settings.public_address:
                    tcfg.publicAddress = self.settings.public_address
            ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, tcfg)
            ep.libStart()
            ep.audDevManager().setNullDev()
            for codec in ep.codecEnum2():
                ep.codecSetPriority(codec.codecId, 0)
            for prefix, prio in CODEC_PRIORITY.items():
                ep.codecSetPriority(prefix, prio)
            self.gate = AdmissionGate(self._admit, self._refused_by_gate)
            self.gate.register()
            account = BridgeAccount(self)
            host = self.settings.advertised() if self.settings.front else (
                self.settings.public_address or self.settings.host)
            front = self.front
            account.create(
                account_config(
                    id_uri=f"sip:voicecart@{host}:{self.settings.port}",
                    register_uri=self.settings.register_uri,
                    password=self.settings.password,
                    bound=self.settings.media_host or self.settings.host,
                    public=self.settings.media_public or self.settings.public_address,
                    # behind the front: Contact names the public socket, REGISTER leaves through the front
                    contact=f"<sip:voicecart@{host}:{self.settings.port}>" if front is not None else None,
                    proxy=f"sip:127.0.0.1:{front.internal_port};lr" if front is not None else None,
                ),
                True,
            )
        except OSError as exc:
            self._error = SipEngineError(f"cannot listen on {self.settings.host}:{self.settings.port}: {exc}")
        except pj.Error as exc:
            self._error = SipEngineError(f"PJSIP failed to start on {self.settings.host}:{self.settings.port}: "
                                         f"{exc.info()}")
        except Exception as exc:  # noqa: BLE001
            self._error = exc
        self._ready.set()
        if self._error is None:
            self.emit(self.settings.listening_event, host=self.settings.host, port=self.settings.port)
            self._loop(ep)
            self._shutdown(ep)
        account = None
        if self.gate is not None:
            self.gate.unregister()
        # Nothing may hold a Call once the library is gone (its destructor would abort): an exception that
        # escaped a callback is kept by SWIG in sys.last_traceback, and cycles wait for the collector.
        sys.last_type = sys.last_value = sys.last_traceback = None
        gc.collect()
        if ep is not None:
            try:
                ep.libDestroy()
            except pj.Error:
                log.exception("libDestroy failed")
        del account, ep, writer

    def _start_front(self) -> None:
        import socket

        from voice.sip.front import FrontConfig, SipFront

        inner = self.settings.pjsip_port
        if not inner:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
                probe.bind(("127.0.0.1", 0))
                inner = int(probe.getsockname()[1])
        s = self.settings
        cfg = FrontConfig(public_host=s.host if s.host not in ("", "::") else "0.0.0.0", public_port=s.port,
                          advertised=s.advertised(), pjsip_port=inner, allow=s.allow,
                          refuse_outside=s.outside != "drop")
        front = SipFront(cfg, on_event=self._front_event)
        front.start()  # OSError when the port is taken
        self.front = front

    def _front_event(self, record: dict[str, Any]) -> None:
        fields = {k: v for k, v in record.items() if k not in ("t", "event")}
        if record.get("event") == "refused":
            key = f"refused_{fields.get('status')}" if fields.get("status") else "dropped"
            with self._lock:
                self.stats[key] = self.stats.get(key, 0) + 1
        self.emit(str(record.get("event")), **fields)

    def _ep_config(self, writer: Any) -> Any:
        cfg = pj.EpConfig()
        cfg.uaConfig.threadCnt = 0
        cfg.uaConfig.mainThreadOnly = False
        cfg.uaConfig.maxCalls = PJSUA_MAX_CALLS
        cfg.uaConfig.userAgent = self.settings.user_agent
        cfg.logConfig.level = self.settings.pjsip_log_level
        cfg.logConfig.consoleLevel = self.settings.pjsip_log_level  # gates the writer callback too
        cfg.logConfig.writer = writer
        med = cfg.medConfig
        med.clockRate = 16000
        med.sndClockRate = 16000
        med.channelCount = 1
        med.audioFramePtime = 20
        med.noVad = True
        med.ecTailLen = 0
        med.quality = 6
        med.threadCnt = 1
        # RTP gets its own ioqueue and thread: otherwise the media thread also polls the SIP socket, and SIP
        # callbacks (Python) would run on two threads instead of only on the engine's SIP thread.
        med.hasIoqueue = True
        return cfg

    def _pump(self, ep: Any) -> None:
        ep.libHandleEvents(10)
        while True:
            try:
                fn = self._posted.get_nowait()
            except queue.Empty:
                break
            self._safe(fn)
        now = time.monotonic()
        while self._timers and self._timers[0][0] <= now:
            _, _, fn = heapq.heappop(self._timers)
            self._safe(fn)

    @staticmethod
    def _safe(fn: Callable[[], None]) -> None:
        try:
            fn()
        except pj.Error as exc:
            log.warning("PJSIP: %s", exc.info())
        except Exception:  # noqa: BLE001
            log.exception("SIP thread task failed")

    def _loop(self, ep: Any) -> None:
        while not self._stop.is_set():
            self._pump(ep)

    def _shutdown(self, ep: Any) -> None:
        try:
            ep.hangupAllCalls()
        except pj.Error:
            pass
        deadline = time.monotonic() + 3.0
        while time.monotonic() < deadline and any(not c.disconnected for c in self.calls.values()):
            self._pump(ep)
        self._timers.clear()
        while True:  # what was posted while hanging up (drops of disconnected calls) runs now
            try:
                fn = self._posted.get_nowait()
            except queue.Empty:
                break
            self._safe(fn)
        for call in list(self.calls.values()) + self._graveyard:
            if not call.disconnected and call.handler is not None:
                try:
                    call.handler.on_hangup("shutdown")
                except Exception:  # noqa: BLE001
                    log.exception("handler hang-up failed")
            if call.port is not None:
                call.port.close()
        self._graveyard.clear()
        self.calls.clear()
        ep.libHandleEvents(50)  # let the conference bridge apply the port removals
        front = {f"front_{k}": v for k, v in self.front.snapshot().items()} if self.front is not None else {}
        self.emit("stopped", **self.stats, **front)

