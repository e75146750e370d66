"""Helpers for the hardening tests: run the real command line, as a user does."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.render.conftest import browser, open_page  # noqa: F401  (shared fixtures)

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"


@dataclass(frozen=True)
class Ran:
    """What one ``arggraph`` run printed and returned."""

    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path, timeout: float = 120, env: dict[str, str] | None = None) -> Ran:
    """``python -m arggraph ARGS`` in ``cwd``, in a separate process."""
    environment = {**os.environ, **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "arggraph", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        env=environment,
        check=False,
    )
    return Ran(done.returncode, done.stdout, done.stderr)


def assert_no_traceback(ran: Ran) -> None:
    """Bad input is never a crash: no traceback and no 'internal error'."""
    for text in (ran.out, ran.err):
        assert "Traceback" not in text, text[-3000:]
        assert "internal error" not in text, text[-3000:]
