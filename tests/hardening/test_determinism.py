"""Same input, same bytes: every artefact is identical across processes and hash seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hardening.conftest import REPO, assert_no_traceback, run_cli
from tests.render.conftest import hostile_data

COMMANDS: dict[str, list[str]] = {
    "export.json": ["export", "{graph}", "--format", "json", "-o", "{out}/export.json"],
    "export.yaml": ["export", "{graph}", "--format", "yaml", "-o", "{out}/export.yaml"],
    "topics.json": ["topics", "{graph}", "--json"],
    "alignment.json": ["alignment", "{graph}", "--json"],
    "report.html": ["report", "{graph}", "-o", "{out}/report.html"],
    "views": ["render", "{graph}", "-o", "{out}/views"],
}


def _artefacts(graph: Path, out: Path, seed: str) -> dict[str, bytes]:
    """Run every command in its own process with ``PYTHONHASHSEED=seed``; collect the bytes."""
    out.mkdir()
    found: dict[str, bytes] = {}
    for name, template in COMMANDS.items():
        args = [a.format(graph=graph, out=out) for a in template]
        ran = run_cli(*args, cwd=graph.parent, env={"PYTHONHASHSEED": seed})
        assert_no_traceback(ran)
        assert ran.code == 0, ran.err
        if "-o" not in args:
            found[name] = ran.out.encode()
    for path in sorted(out.rglob("*")):
        if path.is_file():
            found[str(path.relative_to(out))] = path.read_bytes()
    return found


@pytest.mark.parametrize(
    "graph_file",
    [
        pytest.param(
            "hostile", id="hostile graph (markup everywhere, undercut)", marks=pytest.mark.slow
        ),
        pytest.param(
            str(REPO / "graphs" / "deepseek.yaml"), id="deepseek graph", marks=pytest.mark.slow
        ),
    ],
)
def test_two_processes_with_different_hash_seeds_write_the_same_bytes(
    graph_file: str, tmp_path: Path
) -> None:
    if graph_file == "hostile":
        graph = tmp_path / "hostile.json"
        graph.write_text(json.dumps(hostile_data(), indent=2), encoding="utf-8")
    else:
        graph = Path(graph_file)
    first = _artefacts(graph, tmp_path / "run1", "1")
    second = _artefacts(graph, tmp_path / "run2", "4242")
    assert sorted(first) == sorted(second)
    assert len([n for n in first if n.startswith("views/")]) >= 3
    for name in first:
        assert first[name] == second[name], f"{name} differs between runs"
