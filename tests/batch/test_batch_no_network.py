"""A local `carelens batch` run makes no connection off this machine.

Sockets of a subprocess tree cannot be blocked from Python (Ray's servers are C++), so this
test watches them instead: every 50 ms it lists the internet connections of the run and all
its descendants (psutil) and records every remote address. Each must be one of this
machine's own addresses (loopback or its interfaces): Ray's processes talk to each other and
to nothing else (usage statistics are off) — except one probe of Ray's own, allowed by name
below and documented as a known gap."""

from __future__ import annotations

import ipaddress
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("ray", reason="the batch extra (Ray Data) is not installed")
psutil = pytest.importorskip("psutil")

DATA = Path(__file__).resolve().parents[1] / "data" / "readers"


def own_addresses() -> set[str]:
    found = {"127.0.0.1", "::1"}
    for addresses in psutil.net_if_addrs().values():
        for a in addresses:
            if a.family.name in ("AF_INET", "AF_INET6"):
                found.add(a.address.split("%")[0])
    return found


def is_own(address: str, own: set[str]) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback or str(ip) in own


def remote_addresses(root: psutil.Process) -> set[str]:
    seen: set[str] = set()
    try:
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return seen
    for proc in procs:
        try:
            for conn in proc.net_connections(kind="inet"):
                if conn.raddr:
                    seen.add(conn.raddr.ip)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return seen


@pytest.mark.slow
def test_local_batch_connects_to_nothing_off_this_machine(tmp_path: Path) -> None:
    command = [
        sys.executable, "-m", "carelens.cli.main", "batch", str(DATA / "thread.csv"),
        str(DATA / "turns.jsonl"), "-o", str(tmp_path / "out"), "--workers", "2", "-q",
    ]  # fmt: skip
    remotes: set[str] = set()
    samples = 0
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as proc:
        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            remotes |= remote_addresses(root)
            samples += 1
            time.sleep(0.05)
        stderr = proc.stderr.read().decode() if proc.stderr else ""
    assert proc.returncode == 0, stderr[-2000:]
    assert samples > 20 and remotes, "the watch saw no connection at all: it is not working"
    own = own_addresses()
    # KNOWN GAP (Ray 2.60): the usage-stats module of Ray's dashboard head asks the cloud
    # metadata service (link-local 169.254.169.254: Azure, then AWS; GCP by name) which cloud
    # it runs on, before it checks that usage statistics are off. No conversation data is
    # sent, but it is a connection off this machine; it shows up in some runs. Allowed here
    # by name so that any other address still fails; see docs/batch.md and reliability.md.
    known_ray_probe = {"169.254.169.254"}
    assert {a for a in remotes if not is_own(a, own)} - known_ray_probe == set()
