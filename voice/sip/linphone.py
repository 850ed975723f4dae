"""Drive ``linphonec`` (Debian's linphone-cli 5.x) as a second, independent SIP peer for interop tests.

Commands go to its standard input; its console lines become events (``CALL_ESTABLISHED`` on "connected",
``CALL_CLOSED`` on "ended"/"error"). ``soundcard use files`` makes a WAV tape the microphone and records
what it heard. linphonec needs a writable HOME (its database) and ``auto_net_state_mon=0`` in a namespace
with only loopback. Only ever run it inside a private network namespace.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

RC = """\
[sip]
sip_port={port}
sip_udp_port={port}
sip_tcp_port=0
sip_tls_port=0
bind_address=127.0.0.1
contact=sip:{user}@127.0.0.1:{port}
guess_hostname=0
auto_net_state_mon=0
use_ipv6=0
default_proxy=-1
[rtp]
audio_rtp_port={rtp}
[sound]
echocancellation=0
"""


def available() -> str | None:
    return None if shutil.which("linphonec") else "linphonec is not installed (apt-get install linphone-cli)"


class Linphonec:
    def __init__(self, workdir: Path, *, sip_port: int, tape: Path | None, user: str = "linphone", rtp_port: int = 7078):
        self.workdir = Path(workdir)
        self.sip_port = sip_port
        self.tape = tape
        self.user = user
        self.rtp_port = rtp_port
        self.heard = self.workdir / "heard.wav"
        self.events: list[dict[str, Any]] = []
        self.proc: subprocess.Popen[str] | None = None
        self._cv = threading.Condition()

    def start(self, *, max_seconds: float = 60.0) -> None:
        home = self.workdir / "home"
        (home / ".local" / "share" / "linphone").mkdir(parents=True, exist_ok=True)
        rc = self.workdir / "linphonerc"
        rc.write_text(RC.format(port=self.sip_port, user=self.user, rtp=self.rtp_port))
        self.proc = subprocess.Popen(
            ["timeout", str(int(max_seconds)), "linphonec", "-c", str(rc), "-d", "0"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env=dict(os.environ, HOME=str(home)),
        )
        threading.Thread(target=self._read, daemon=True).start()
        time.sleep(1.5)  # the console comes up

    def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        with open(self.workdir / "linphonec.log", "w") as log:
            for line in self.proc.stdout:
                log.write(line)
                kind = None
                if " connected." in line:
                    kind = "CALL_ESTABLISHED"
                elif " ended " in line or line.rstrip().endswith(" error."):
                    kind = "CALL_CLOSED"
                if kind:
                    with self._cv:
                        self.events.append({"event": True, "type": kind, "param": line.strip(), "_t": time.time()})
                        self._cv.notify_all()

    def command(self, text: str) -> None:
        if self.proc is None or self.proc.stdin is None or self.proc.poll() is not None:
            raise RuntimeError("linphonec is not running")
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def dial(self, uri: str) -> None:
        self.command("soundcard use files")
        if self.tape is not None:
            self.command(f"play {self.tape}")
        self.command(f"record {self.heard}")
        self.command(f"call {uri}")

    def hangup(self) -> None:
        self.command("terminate")

    def send_dtmf(self, digit: str) -> None:
        raise NotImplementedError("linphonec has no DTMF command; use baresip for DTMF tests")

    def wait_event(self, kind: str, timeout: float) -> dict[str, Any] | None:
        deadline = time.monotonic() + timeout
        with self._cv:
            while True:
                for ev in self.events:
                    if ev["type"] == kind:
                        return ev
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cv.wait(left)

    def stop(self, timeout: float = 5.0) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                self.command("quit")
                self.proc.wait(timeout)
            except (OSError, RuntimeError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait(5)

    def recordings(self, kind: str = "dec") -> list[Path]:
        return [self.heard] if kind == "dec" and self.heard.exists() else []
