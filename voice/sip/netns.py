"""Run SIP traffic only inside a private network namespace that has nothing but loopback.

SIP answers go where a request's Via says, so tests, fuzzing and benchmarks must not be able to reach any
real network. ``reexec_argv`` wraps a command in ``unshare -n`` (then ``ip link set lo up``);
``in_private_netns`` tells whether this process is already inside such a namespace.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Sequence


class NetnsUnavailable(RuntimeError):
    """``unshare -n`` cannot run here (not root / no user namespaces, or util-linux missing)."""


def interfaces() -> list[str]:
    """Network interfaces of this process's namespace (netlink; /sys may show the host's)."""
    return sorted(name for _, name in socket.if_nameindex())


def in_private_netns() -> bool:
    """True when the only network interface is loopback and 127.0.0.1 is usable."""
    if interfaces() != ["lo"]:
        return False
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.bind(("127.0.0.1", 0))
    except OSError:
        return False
    return True


def reexec_argv(argv: Sequence[str]) -> list[str]:
    """``argv`` wrapped so that it runs in a fresh network namespace with only ``lo`` up."""
    unshare = shutil.which("unshare")
    ip = shutil.which("ip") or "/usr/sbin/ip"
    if unshare is None or not os.path.exists(ip):
        raise NetnsUnavailable("needs `unshare` (util-linux) and `ip` (iproute2) to isolate SIP traffic")
    return [unshare, "-n", "sh", "-c", f'{ip} link set lo up && exec "$@"', "sh", *argv]


def netns_usable() -> str | None:
    """None when ``unshare -n`` works here, else the reason it does not."""
    import subprocess

    try:
        argv = reexec_argv(["true"])
    except NetnsUnavailable as exc:
        return str(exc)
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unshare -n failed: {exc}"
    if proc.returncode != 0:
        return f"unshare -n failed: {proc.stderr.strip() or proc.returncode}"
    return None
