"""One local Ray for the batch tests that run in-process (starting Ray takes seconds)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def local_ray() -> Iterator[None]:
    ray = pytest.importorskip("ray", reason="the batch extra (Ray Data) is not installed")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    started = not ray.is_initialized()
    if started:
        from carelens.batch.engine import ray_http_confined

        with ray_http_confined():  # as a real local run starts it
            ray.init(
                address="local",  # not a cluster named by RAY_ADDRESS or `ray start`
                num_cpus=2,
                num_gpus=0,
                include_dashboard=False,
                _node_ip_address="127.0.0.1",
                log_to_driver=False,
            )
    yield
    if started:
        ray.shutdown()
