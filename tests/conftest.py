"""Shared fixtures: real files in temporary folders, the repository's own paths."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so CI is reproducible; set
# ARGGRAPH_HYPOTHESIS=explore to search new random examples (and keep any failure
# found as a plain regression test).
settings.register_profile("deterministic", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("ARGGRAPH_HYPOTHESIS", "deterministic"))

REPO = Path(__file__).resolve().parent.parent
DEEPSEEK = REPO / "graphs" / "deepseek.yaml"

TALK = (
    "Heim: I think compute still matters \u2014 a lot.\n"
    "Wagner: Efficiency means \u201ccompute matters less\u201d now.\n"
)

SMALL_GRAPH = """\
arggraph: 1
title: Small
documents:
  - id: talk
    title: A talk
    kind: transcript
    path: talk.txt
speakers:
  - {id: heim, name: Lennart Heim, role: RAND}
  - {id: wagner, name: Lauren Wagner}
topics:
  - {id: compute, label: Compute, question: Does compute still matter?}
claims:
  - id: still-matters
    statement: Compute still matters.
    topics: [compute]
    attributions:
      - {speaker: heim, document: talk, quote: "compute still matters - a lot"}
  - id: matters-less
    statement: Compute matters less.
    topics: [compute]
    attributions:
      - {speaker: wagner, document: talk, quote: '"compute matters less" now'}
relations:
  - {source: still-matters, target: matters-less, kind: rebuts}
"""

WriteFiles = Callable[..., Path]


@pytest.fixture
def write_files(tmp_path: Path) -> WriteFiles:
    """Write ``name=text`` files into a temporary folder; return the folder.

    Text is dedented; bytes are written as they are.
    """

    def write(**files: str | bytes) -> Path:
        for name, content in files.items():
            path = tmp_path / name.replace("__", "/")
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content), encoding="utf-8")
        return tmp_path

    return write


@pytest.fixture
def small_graph(write_files: WriteFiles) -> Path:
    """A valid two-claim graph file with its document, in a temporary folder."""
    return write_files(**{"g.yaml": SMALL_GRAPH, "talk.txt": TALK}) / "g.yaml"
