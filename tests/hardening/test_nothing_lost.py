"""Nothing the user wrote is ever lost: inputs are never written, outputs change atomically."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pytest

from arggraph.errors import OutputError
from arggraph.io import atomic
from arggraph.io.atomic import write_text_atomic
from tests.conftest import SMALL_GRAPH, TALK
from tests.hardening.conftest import DATA, assert_no_traceback, run_cli


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder of inputs: a graph, its document, and one file of each import format."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "g.yaml").write_text(SMALL_GRAPH, encoding="utf-8")
    (folder / "talk.txt").write_text(TALK, encoding="utf-8")
    for source in (
        DATA / "microtexts" / "micro_b001.xml",
        DATA / "microtexts" / "micro_b001.txt",
        DATA / "aif" / "undercut.json",
        DATA / "argdown" / "argdown-primer.argdown",
        DATA / "kialo" / "small-debate.txt",
    ):
        (folder / source.name).write_bytes(source.read_bytes())
    return folder


COMMANDS: list[tuple[list[str], int]] = [
    (["validate", "in/g.yaml"], 0),
    (["info", "in/g.yaml", "--json"], 0),
    (["topics", "in/g.yaml"], 0),
    (["alignment", "in/g.yaml", "--json"], 0),
    (["report", "in/g.yaml", "-o", "out/report.html"], 0),
    (["render", "in/g.yaml", "-o", "out/views"], 0),
    (["export", "in/g.yaml", "--format", "yaml", "-o", "out/g.yaml"], 0),
    (["export", "in/g.yaml", "--format", "graphml", "-o", "out/g.graphml"], 0),
    (["export", "in/g.yaml", "--format", "aif"], 0),
    (["import", "microtexts", "in/micro_b001.xml", "-o", "out/m.yaml"], 0),
    (["import", "aif", "in/undercut.json", "-o", "out/a.json"], 0),
    (["import", "argdown", "in/argdown-primer.argdown", "-o", "out/ad.yaml"], 0),
    (["import", "kialo", "in/small-debate.txt"], 0),
    # refused: each would overwrite an input
    (["export", "in/g.yaml", "-o", "in/g.yaml"], 3),
    (["export", "in/g.yaml", "--format", "json", "-o", "in/talk.txt"], 3),
    (["report", "in/g.yaml", "-o", "in/talk.txt"], 3),
    (["render", "in/g.yaml", "-o", "in/g.yaml"], 3),
    (["import", "kialo", "in/small-debate.txt", "-o", "in/small-debate.txt"], 3),
    (["import", "aif", "in/undercut.json", "-o", "in/undercut.json"], 3),
    (["import", "microtexts", "in/micro_b001.xml", "-o", "in/micro_b001.txt"], 3),
    (["import", "argdown", "in/argdown-primer.argdown", "-o", "in/argdown-primer.argdown"], 3),
]


@pytest.mark.parametrize(
    ("args", "exit_code"), COMMANDS, ids=[" ".join(a[:2] + a[-1:]) for a, _ in COMMANDS]
)
def test_no_command_writes_its_inputs(
    args: list[str], exit_code: int, inputs: Path, tmp_path: Path
) -> None:
    before = _hashes(inputs)
    ran = run_cli(*args, cwd=tmp_path)
    assert_no_traceback(ran)
    assert ran.code == exit_code, ran.err
    if exit_code == 3:
        assert "refusing to write over an input file" in ran.err or "is a file" in ran.err
    assert _hashes(inputs) == before


def test_an_interrupted_write_leaves_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_text("the previous report", encoding="utf-8")

    def interrupted(_src: object, _dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, "the new report, never complete")
    assert target.read_text(encoding="utf-8") == "the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temp file left


def test_a_full_disk_is_an_output_error_and_keeps_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "g.json"
    target.write_text("{}", encoding="utf-8")

    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.json"]


def test_a_process_killed_before_the_rename_leaves_the_previous_output(
    inputs: Path, tmp_path: Path
) -> None:
    """A real process dies (``os._exit``) with the new report written but not renamed."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("the previous report", encoding="utf-8")
    script = (
        "import os, sys\n"
        "os.replace = lambda *a: os._exit(9)\n"
        "from arggraph.cli import main\n"
        "sys.exit(main(['report', 'in/g.yaml', '-o', 'out/report.html']))\n"
    )
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, check=False
    )
    assert done.returncode == 9
    assert (out / "report.html").read_text(encoding="utf-8") == "the previous report"
    leftovers = [p.name for p in out.iterdir() if p.name != "report.html"]
    assert all(name.startswith(".report.html.") for name in leftovers)  # a hidden temp file
    assert os.path.getsize(out / "report.html") == len("the previous report")
