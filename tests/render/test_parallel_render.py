"""``arggraph render`` on several cores: the same bytes as one process, a worker's error
reported like any other, and one process where forking does not pay or is not offered."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import arggraph
from arggraph.errors import OutputError
from arggraph.io import atomic
from arggraph.model import ArgumentGraph
from arggraph.render import page_workers, pages, render_views
from arggraph.synthetic import synthetic_graph

ROOT = Path(__file__).resolve().parents[2]

needs_fork = pytest.mark.skipif(
    not page_workers.fork_available(), reason="worker processes are forked"
)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small graphs use workers too (by default they stay in one process)."""
    monkeypatch.setattr(pages, "PARALLEL_ABOVE", 0)


@pytest.fixture
def no_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if a worker pool is started."""

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("a worker pool was started")

    monkeypatch.setattr(page_workers, "ProcessPoolExecutor", refuse)


@needs_fork
@pytest.mark.usefixtures("any_size")
@pytest.mark.parametrize("which", ["deepseek", "synthetic-overview"])
def test_two_workers_write_the_same_bytes_as_one_process(
    which: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if which == "deepseek":
        graph = arggraph.load(ROOT / "graphs" / "deepseek.yaml")
    else:  # opens on the overview, so its page and graph-all.html are written too
        monkeypatch.setattr(pages, "OVERVIEW_ABOVE", 100)
        graph = synthetic_graph(300, seed=3)
    one = render_views(graph, tmp_path / "one", jobs=1)
    two = render_views(graph, tmp_path / "two", jobs=2)
    assert [p.name for p in one] == [p.name for p in two]
    written = _files(tmp_path / "one")
    assert len(written) > 20
    assert written == _files(tmp_path / "two")


@needs_fork
@pytest.mark.usefixtures("any_size")
@pytest.mark.parametrize("where", ["workers", "everywhere"])
def test_a_disk_error_is_an_output_error_and_leaves_no_partial_file(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = synthetic_graph(200, seed=1)
    reference = tmp_path / "reference"
    render_views(graph, reference, jobs=1)
    expected = _files(reference)
    out = tmp_path / "views"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    old_page = next(n for n in expected if n.startswith("speaker-"))
    (out / old_page).write_text("old page", encoding="utf-8")
    parent = os.getpid()
    real_flush = atomic._flush_to_disk

    def full(paths: list[str]) -> None:
        # the parent's first batch (the shared asset) is written either way
        asset = any("arggraph-views.js" in p for p in paths)
        if os.getpid() != parent or (where == "everywhere" and not asset):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_flush(paths)

    monkeypatch.setattr(atomic, "_flush_to_disk", full)
    with pytest.raises(OutputError, match="No space left on device"):
        render_views(graph, out, jobs=2)
    found = _files(out)
    assert found.pop("notes.txt") == b"mine"
    assert not [n for n in found if n.endswith(".tmp")]
    assert "index.html" not in found
    assert found["assets/arggraph-views.js"] == expected["assets/arggraph-views.js"]
    if where == "everywhere":
        assert sorted(found) == sorted([old_page, "assets/arggraph-views.js"])
    # every file is complete (as one process writes it) or as it was
    for name, data in found.items():
        assert data == expected[name] or (name == old_page and data == b"old page"), name


@needs_fork
def test_a_worker_that_dies_is_an_output_error() -> None:
    parent = os.getpid()

    def die_in_the_worker(take: Callable[[], int]) -> int:
        if os.getpid() != parent:
            os._exit(3)
        return take()

    with pytest.raises(OutputError, match="stopped without an answer"):
        page_workers.run_shares(2, die_in_the_worker, folder="views")


@needs_fork
def test_every_item_is_taken_once_across_the_processes() -> None:
    def take_until_20(take: Callable[[], int]) -> list[int]:
        taken = []
        while (n := take()) < 20:
            taken.append(n)
        return taken

    results = page_workers.run_shares(3, take_until_20, folder="views")
    assert len(results) == 3
    assert sorted(n for taken in results for n in taken) == list(range(20))


@pytest.mark.usefixtures("no_fork")
def test_a_small_graph_is_written_in_one_process(tmp_path: Path) -> None:
    graph: ArgumentGraph = synthetic_graph(50, seed=2)
    assert len(graph.claims) < pages.PARALLEL_ABOVE
    assert render_views(graph, tmp_path / "views", jobs=4)


@pytest.mark.usefixtures("no_fork", "any_size")
def test_without_fork_the_shares_run_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_workers, "fork_available", lambda: False)
    graph = synthetic_graph(50, seed=2)
    render_views(graph, tmp_path / "one", jobs=1)
    render_views(graph, tmp_path / "three", jobs=3)
    assert _files(tmp_path / "one") == _files(tmp_path / "three")


def test_the_default_jobs_are_the_usable_cores_at_most_eight() -> None:
    jobs = page_workers.default_jobs()
    assert 1 <= jobs <= page_workers.MAX_DEFAULT_JOBS
    if hasattr(os, "sched_getaffinity"):
        assert jobs == min(page_workers.MAX_DEFAULT_JOBS, len(os.sched_getaffinity(0)))
