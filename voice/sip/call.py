"""One SIP call as PJSIP sees it: answer or refuse, connect its audio to a ``PcmPort``, relay DTMF and REFER.

Every method here runs on the engine's SIP thread (PJSIP callbacks arrive there because the engine polls
``libHandleEvents`` itself). The engine keeps each ``BridgeCall`` (and through it the port) referenced until
the call is disconnected and torn down; deleting them earlier aborts the process.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import pjsua2 as pj

from voice.sip.handler import CallHandler, CallInfo
from voice.sip.media import PcmPort
from voice.sip.rtp_guard import Peer, RtpGuardError, RtpSource, lock, unlock

if TYPE_CHECKING:
    from voice.sip.engine import SipEngine

log = logging.getLogger(__name__)


class BridgeCall(pj.Call):  # type: ignore[misc]
    def __init__(self, account: Any, call_id: int, engine: SipEngine):
        super().__init__(account, call_id)
        self.engine = engine
        self.pj_id = call_id
        self.info: CallInfo | None = None
        self.handler: CallHandler | None = None
        self.port: PcmPort | None = None
        self.media_started = False
        self.disconnected = False
        self.refused = False
        self.rtp_sdp_peer = ""  # the caller's RTP address in its SDP when the guard last (re)started
        self.rtp_locked = False

    # --- actions (SIP thread) -------------------------------------------------------------------
    def respond(self, status_code: int, reason: str = "") -> None:
        prm = pj.CallOpParam()
        prm.statusCode = status_code
        if reason:
            prm.reason = reason
        if 200 <= status_code < 300 or status_code < 200:
            self.answer(prm)
        else:
            self.hangup(prm)

    def end(self) -> None:
        if self.disconnected:
            return
        prm = pj.CallOpParam()
        prm.statusCode = pj.PJSIP_SC_DECLINE if not self.media_started else 200
        try:
            self.hangup(prm)
        except pj.Error as exc:
            log.debug("hang-up of %s: %s", self.pj_id, exc.info())

    def refer(self, target: str) -> None:
        if self.disconnected:
            return
        try:
            self.xfer(target, pj.CallOpParam(True))
            self.engine.emit("transfer_sent", call=self.call_key, target=target)
        except pj.Error as exc:
            self.engine.emit("transfer_failed", call=self.call_key, target=target, error=exc.info())
            if self.handler is not None:
                self.handler.on_transfer_status(500, True)

    @property
    def call_key(self) -> str:
        return self.info.call_id if self.info else str(self.pj_id)

    # --- PJSIP callbacks (SIP thread) -----------------------------------------------------------
    def onCallState(self, prm: Any) -> None:  # noqa: N802
        try:
            ci = self.getInfo()
        except pj.Error:
            return
        if ci.state == pj.PJSIP_INV_STATE_DISCONNECTED and not self.disconnected:
            self.disconnected = True
            reason = f"{ci.lastStatusCode} {ci.lastReason}".strip()
            self.engine.on_disconnected(self, reason)

    def onCallMediaState(self, prm: Any) -> None:  # noqa: N802
        # An exception must not escape into SWIG: it prints it and keeps it (sys.last_traceback), and the
        # traceback keeps this Call alive past libDestroy, whose destructor then aborts the process.
        try:
            self._media_state()
        except pj.Error as exc:
            log.warning("media of call %s: %s", self.pj_id, exc.info())
        except Exception:  # noqa: BLE001
            log.exception("media of call %s", self.pj_id)

    def _media_state(self) -> None:
        if self.handler is None or self.disconnected:
            return
        ci = self.getInfo()
        for mi in ci.media:
            if mi.type != pj.PJMEDIA_TYPE_AUDIO or mi.status not in (
                pj.PJSUA_CALL_MEDIA_ACTIVE,
                pj.PJSUA_CALL_MEDIA_REMOTE_HOLD,
            ):
                continue
            audio = self.getAudioMedia(mi.index)
            if self.port is None:
                self.port = PcmPort(f"call{self.pj_id}", self.handler)
            audio.startTransmit(self.port)
            self.port.startTransmit(audio)
            codec = rtp = remote = ""
            try:
                stream = self.getStreamInfo(mi.index)
                codec, remote = stream.codecName, stream.remoteRtpAddress
                rtp = self.getMedTransportInfo(mi.index).localRtpName
            except pj.Error:
                pass
            if rtp and remote != self.rtp_sdp_peer:  # a new call, or a re-INVITE that moved the caller's media
                self.rtp_sdp_peer = remote
                self._guard_rtp(mi.index, rtp, remote)
            held = mi.status == pj.PJSUA_CALL_MEDIA_REMOTE_HOLD
            if not self.media_started:
                self.media_started = True
                self.engine.emit("media", call=self.call_key, codec=codec, rtp=rtp)
                assert self.info is not None
                self.handler.on_start(self.info, self.engine.control_for(self))
            else:  # a re-INVITE: hold, resume, codec or address change
                self.engine.emit("media_update", call=self.call_key, codec=codec, rtp=rtp, held=held)
            break

    # --- whose RTP this call takes (voice.sip.rtp_guard) --------------------------------------------
    def _guard_rtp(self, med_idx: int, local: str, remote: str) -> None:
        mode = self.engine.settings.rtp_source
        self.rtp_locked = False
        try:
            unlock(local)  # PJSIP may hand this call ports a locked call used before
            if mode is RtpSource.SDP:
                self._lock(local, Peer.parse(remote))
            elif mode is RtpSource.FIRST:
                self._learn_source(med_idx, local)
        except RtpGuardError as exc:
            self.engine.emit("rtp_guard_failed", call=self.call_key, error=str(exc))

    def _learn_source(self, med_idx: int, local: str) -> None:
        """Lock to where RTP first comes from: asked of PJSIP every 20 ms until a packet has arrived."""
        if self.disconnected or self.rtp_locked:
            return
        try:
            source = self.getMedTransportInfo(med_idx).srcRtpName
        except pj.Error:
            return
        if not source:  # the timer holds numbers only: a Call kept past libDestroy aborts the process
            pj_id, key, engine = self.pj_id, self.call_key, self.engine
            engine.later(0.02, lambda: engine.with_call(pj_id, key, lambda c: c._learn_source(med_idx, local)))
            return
        try:
            self._lock(local, Peer.parse(source))
        except RtpGuardError as exc:
            self.engine.emit("rtp_guard_failed", call=self.call_key, error=str(exc))

    def _lock(self, local: str, peer: Peer) -> None:
        lock(local, peer)
        self.rtp_locked = True
        self.engine.emit("rtp_locked", call=self.call_key, mode=self.engine.settings.rtp_source.value)

    def onDtmfDigit(self, prm: Any) -> None:  # noqa: N802
        digit = str(prm.digit)
        self.engine.emit("dtmf", call=self.call_key, digit=digit)
        if self.handler is not None and not self.disconnected:
            self.handler.on_dtmf(digit)

    def onCallTransferRequest(self, prm: Any) -> None:  # noqa: N802
        """A REFER from the caller. PJSIP's default accepts it and dials whatever URI the caller names (toll
        fraud), reusing this Call object; so it is always refused here (no new call, no slot taken)."""
        target = ""
        try:
            target = str(prm.dstUri)
        except Exception:  # noqa: BLE001
            pass
        status = 403
        try:
            status = self.engine.on_transfer_request(self, target)
        finally:
            prm.statusCode = status

    def onCallReplaceRequest(self, prm: Any) -> None:  # noqa: N802
        """An INVITE with Replaces (call pick-up/attended transfer into this call): refused the same way."""
        prm.statusCode = 403
        prm.reason = "Forbidden"
        self.engine.emit("transfer_refused", call=self.call_key, target="", status=403, by="replaces")

    def onCallTransferStatus(self, prm: Any) -> None:  # noqa: N802
        code = int(prm.statusCode)
        final = bool(prm.finalNotify)
        self.engine.emit("transfer_status", call=self.call_key, status=code, final=final)
        if self.handler is not None:
            self.handler.on_transfer_status(code, final)
        if final and 200 <= code < 300:
            self.end()
        prm.cont = not final
