"""Every script in examples/ runs as a user runs it, and prints what it promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

EXAMPLES = sorted((REPO / "examples").glob("*.py"))

EXPECTED = {
    "load_deepseek.py": ["compute matters less", "rebutted by:", "Lennart Heim", "Keegan McBride"],
    "contested_topics.py": ["1. ", "score", "yes: ", "direct clashes"],
    "positions.py": ["Does compute matter less", "no  Lennart Heim", "no  Keegan McBride"],
    "microtext_corpus.py": [
        "5 texts",
        "rank  score  question",
        "Every score is 0: one group speaker stands for all",
        "rank  score  rebuttals  claim",
    ],
    "draw_topic.py": ["compute.html"],
}


def test_every_example_is_checked() -> None:
    assert {p.name for p in EXAMPLES} >= set(EXPECTED)


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=300
    )
    assert result.returncode == 0, result.stderr
    for text in EXPECTED.get(script.name, []):
        assert text in result.stdout, f"{script.name}: {text!r} not in output"
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == WRITES.get(script.name, [])


WRITES = {"draw_topic.py": ["compute.html"]}
"""The files each example writes into the folder it runs in; the others write none."""


def test_drawn_topic_page_is_self_contained(tmp_path: Path) -> None:
    script = REPO / "examples" / "draw_topic.py"
    subprocess.run([sys.executable, str(script)], check=True, cwd=tmp_path, timeout=300)
    html = (tmp_path / "compute.html").read_text(encoding="utf-8")
    assert "Topic: Compute" in html
    assert "vis.Network" in html or "vis-network" in html
    assert 'src="http' not in html
    assert 'href="http' not in html
