"""A local `carelens batch` run makes no connection off this machine.

Sockets of a subprocess tree cannot be blocked from Python (Ray's servers are C++), so this
test watches them instead: every 50 ms it lists the internet connections of the run and all
its descendants (psutil) and records every remote address. Each must be one of this
machine's own addresses (loopback or its interfaces): Ray's processes talk to each other and
to nothing else (usage statistics are off, and the cloud-metadata probe of Ray's dashboard goes
to a closed loopback proxy: the second test shows where it goes)."""

from __future__ import annotations

import ipaddress
import json
import os
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
    assert {a for a in remotes if not is_own(a, own)} == set()


PROBE_SCRIPT = r"""
import json, os, socket, sys, threading, time
os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
import ray
from carelens.batch.engine import ray_http_confined

listener = socket.create_server(("127.0.0.1", 0))
port = listener.getsockname()[1]
requests_seen = []

def serve():
    while True:
        conn, _ = listener.accept()
        with conn:
            data = conn.recv(4096).decode("latin-1")
            requests_seen.append(data.split("\r\n", 1)[0])
            conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")

threading.Thread(target=serve, daemon=True).start()
with ray_http_confined(proxy_port=port):
    ray.init(num_cpus=1, num_gpus=0, include_dashboard=False, _node_ip_address="127.0.0.1",
             log_to_driver=False)
after = {k: os.environ.get(k) for k in ("http_proxy", "no_proxy")}
deadline = time.monotonic() + 60
while time.monotonic() < deadline and len(requests_seen) < 3:
    time.sleep(0.2)
alive = ray.get(ray.remote(lambda: 41 + 1).remote())
ray.shutdown()
print(json.dumps({"requests": requests_seen, "after": after, "alive": alive}))
"""


@pytest.mark.slow
def test_ray_cloud_probe_goes_to_the_loopback_proxy(tmp_path: Path) -> None:
    # A listener stands in for the closed proxy port, so the probe can be seen: Ray's
    # dashboard sends its metadata requests to 127.0.0.1 (and would be refused there in a
    # real run); Ray itself still works, and the driver's environment is restored.
    script = tmp_path / "probe.py"
    script.write_text(PROBE_SCRIPT)
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=240, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["alive"] == 42
    assert found["after"] == {"http_proxy": None, "no_proxy": None}
    hosts = " ".join(found["requests"])
    assert "169.254.169.254" in hosts and "metadata.google.internal" in hosts, found
