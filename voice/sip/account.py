"""The SIP identity the bridge answers as (optionally registered to a PBX/trunk with digest auth)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import pjsua2 as pj

from voice.sip.call import BridgeCall

if TYPE_CHECKING:
    from voice.sip.engine import SipEngine

log = logging.getLogger(__name__)


def account_config(
    *, id_uri: str, register_uri: str | None, password: str | None, bound: str, public: str | None,
    contact: str | None = None, proxy: str | None = None,
) -> Any:
    cfg = pj.AccountConfig()
    cfg.idUri = register_uri or id_uri
    if contact:  # behind the front: the public address and port, never PJSIP's inner 127.0.0.1 port
        cfg.sipConfig.contactForced = contact
        cfg.natConfig.contactRewriteUse = 0
        cfg.natConfig.viaRewriteUse = 0
    if proxy:
        cfg.sipConfig.proxies.append(proxy)
    if register_uri:
        user, host = _split_aor(register_uri)
        cfg.regConfig.registrarUri = f"sip:{host}"
        cfg.regConfig.registerOnAdd = True
        cfg.regConfig.timeoutSec = 300
        cfg.regConfig.retryIntervalSec = 60
        cred = pj.AuthCredInfo("digest", "*", user, 0, password or "")
        cfg.sipConfig.authCreds.append(cred)
    else:
        cfg.regConfig.registrarUri = ""
        cfg.regConfig.registerOnAdd = False
    media = cfg.mediaConfig.transportConfig
    media.port = 0
    if bound and bound not in ("0.0.0.0", "::"):
        media.boundAddress = bound
    if public:
        media.publicAddress = public
    return cfg


def _split_aor(uri: str) -> tuple[str, str]:
    text = uri.strip()
    for scheme in ("sips:", "sip:"):
        if text.lower().startswith(scheme):
            text = text[len(scheme) :]
    if "@" not in text:
        raise ValueError(f"--register {uri!r} must look like sip:USER@HOST")
    user, host = text.split("@", 1)
    return user, host.split(";", 1)[0]


class BridgeAccount(pj.Account):  # type: ignore[misc]
    def __init__(self, engine: SipEngine):
        super().__init__()
        self.engine = engine

    def onIncomingCall(self, prm: Any) -> None:  # noqa: N802
        call = BridgeCall(self, prm.callId, self.engine)
        source = ""
        try:
            source = self.engine.source_of(str(prm.rdata.wholeMsg), str(prm.rdata.srcAddress))
        except Exception:  # noqa: BLE001
            pass
        self.engine.on_incoming(call, source)

    def onRegState(self, prm: Any) -> None:  # noqa: N802
        self.engine.emit("registration", status=int(prm.code), reason=str(prm.reason), expiration=int(prm.expiration))
