"""One local Ray for the batch tests that run in-process (starting Ray takes seconds).

Its Ray Data runs with a sort-based shuffle: Ray's default hash shuffle starts actors for each
shuffle, about 11 of a small run's 29 seconds here, and these tests are about what a run
writes, resumes and refuses, which is the same either way. The commands these tests start in
a process of their own are given it too (Ray Data reads ``RAY_DATA_DEFAULT_SHUFFLE_STRATEGY``
when it starts). The tests of stage 1 pair rows under both (test_batch_pairing.py), and one
end-to-end run keeps Ray's default (:func:`ray_default_shuffle`)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

#: Ray Data's default shuffle (2.60): hash partitioning by actors.
RAY_DEFAULT_SHUFFLE = "shuffle_v2"
#: The shuffle of the batch tests.
TEST_SHUFFLE = "sort_shuffle_pull_based"


@pytest.fixture(autouse=True)
def sort_shuffle_in_started_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch command a test starts in a process of its own shuffles by sorting."""
    monkeypatch.setenv("RAY_DATA_DEFAULT_SHUFFLE_STRATEGY", TEST_SHUFFLE)


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
    from ray.data import DataContext
    from ray.data.context import ShuffleStrategy

    context = DataContext.get_current()
    before = context.shuffle_strategy
    context.shuffle_strategy = ShuffleStrategy(TEST_SHUFFLE)
    yield
    context.shuffle_strategy = before
    if started:
        ray.shutdown()


@pytest.fixture
def ray_default_shuffle(local_ray: None) -> Iterator[None]:
    """Ray Data's own default shuffle for one test (the one a real run uses)."""
    from ray.data import DataContext
    from ray.data.context import ShuffleStrategy

    context = DataContext.get_current()
    before = context.shuffle_strategy
    context.shuffle_strategy = ShuffleStrategy(RAY_DEFAULT_SHUFFLE)
    yield
    context.shuffle_strategy = before
