"""Shares of one job run in forked worker processes: how ``arggraph render`` uses several cores.

The parent builds what every page shares (the graph, its statuses, the views'
look-ups), then forks ``jobs - 1`` workers (start method ``fork``: they see all of it
copy-on-write, nothing big is pickled) and works beside them: each process takes the
next page not yet taken (a counter in shared memory), writes it, and at the end sends
back a small result. Where ``fork`` is not
offered (Windows) or not safe (macOS, whose system libraries may not survive it), and
for small graphs, everything runs in this process, giving the same bytes.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from arggraph.errors import OutputError

__all__ = ["MAX_DEFAULT_JOBS", "PARALLEL_ABOVE", "default_jobs", "fork_available", "run_shares"]

T = TypeVar("T")

MAX_DEFAULT_JOBS = 8
"""The default number of worker processes is the usable cores, at most this many."""

PARALLEL_ABOVE = 2000
"""Graphs of fewer claims are rendered in one process: forking and starting the workers
costs more than it saves there (benchmarks/results/render.md)."""

_WORK: Callable[[], Any] | None = None
"""The share function the forked workers call (set just before they are forked)."""


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity where known), at most
    :data:`MAX_DEFAULT_JOBS`."""
    affinity = getattr(os, "sched_getaffinity", None)
    cores = len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)
    return max(1, min(MAX_DEFAULT_JOBS, cores))


def fork_available() -> bool:
    """Whether worker processes can be forked safely here (not on Windows or macOS)."""
    return sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()


def run_shares(jobs: int, work: Callable[[Callable[[], int]], T], *, folder: object) -> list[T]:
    """``work(take)`` in ``jobs`` processes: here, and in ``jobs - 1`` forked workers
    when ``jobs`` is above 1 and forking is available (else once, here). ``take()``
    hands out 0, 1, 2, ... across all of them, each number once, so whoever is free
    takes the next item; the results come back in process order, this one's first.

    Every process runs to its end even if another fails (each writes its own files
    atomically); then the first error is raised. A worker that dies without an answer
    (killed, out of memory) is an :class:`OutputError` naming ``folder``.
    """
    if jobs <= 1 or not fork_available():
        return [work(itertools.count().__next__)]
    context = multiprocessing.get_context("fork")
    counter = context.Value("q", 0)  # shared memory, inherited by the forked workers

    def take() -> int:
        with counter.get_lock():
            taken: int = counter.value
            counter.value = taken + 1
        return taken

    global _WORK
    _WORK = functools.partial(work, take)
    mine: list[T] = []
    errors: list[BaseException | None] = [None]
    try:
        with ProcessPoolExecutor(max_workers=jobs - 1, mp_context=context) as pool:
            futures = [pool.submit(_run_share) for _ in range(1, jobs)]
            try:
                mine.append(work(take))
            except Exception as exc:  # the workers still finish what they took
                errors[0] = exc
            errors += [future.exception() for future in futures]
    finally:
        _WORK = None
    for error in errors:
        if isinstance(error, BrokenProcessPool):
            raise OutputError(
                f"{folder}: a worker process writing the pages stopped without an answer "
                "(killed, or out of memory); the pages it had written are complete, the "
                "rest are missing or as they were; rerun with --jobs 1 to use one process"
            ) from None
        if error is not None:
            raise error
    return mine + [future.result() for future in futures]


def _run_share() -> Any:
    """In a forked worker: the work the parent set before forking."""
    assert _WORK is not None, "run_shares sets the work before forking"
    return _WORK()
