"""Docstring examples run: the analysis modules' examples are checked like any test."""

from __future__ import annotations

import doctest
import importlib

import pytest

from tests.conftest import REPO

MODULES = [
    "arggraph.analysis.alignment_evidence",
    "arggraph.analysis.balance",
    "arggraph.analysis.contested",
    "arggraph.analysis.debate",
    "arggraph.analysis.contestedness",
    "arggraph.analysis.positions",
    "arggraph.analysis.rebuttals",
    "arggraph.analysis.results",
    "arggraph.analysis.signed",
    "arggraph.analysis.objections",
    "arggraph.analysis.statuses",
    "arggraph.collector",
    "arggraph.io.formats",
    "arggraph.io.sniff",
    "arggraph.io.yaml_dialect",
    "arggraph.quotes",
    "arggraph.render.text",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # examples name graphs/deepseek.yaml as a user in the repo would
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no example"
    assert result.failed == 0
