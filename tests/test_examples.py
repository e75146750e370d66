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
    "contested_topics.py": ["1. ", "score", "side A"],
    "microtext_corpus.py": ["5 texts", "  1. "],
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
    assert list(tmp_path.iterdir()) == [] or script.name in WRITES_FILES


WRITES_FILES = {"draw_topic.py"}
