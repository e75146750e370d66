"""extract --into, review and apply on the command line, run as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arggraph.errors import FormatError
from arggraph.io.yaml_json import read_graph
from arggraph.patch import parse_patch
from tests.test_cli import run

OLD_TEXT = (
    "Heim: Export controls on advanced chips slow down Chinese AI labs considerably. "
    "Compute still decides who leads the AI race, and it will for years.\n"
)
NEW_TEXT = (
    "Wagner: I agree that export controls on advanced chips slow down Chinese AI labs "
    "considerably. But efficiency gains now matter more than raw compute <b>today</b>.\n"
    "Chilson: Open models spread faster than any rule can follow them.\n"
)
GRAPH = """\
arggraph: 1
title: Small
documents:
  - {id: old, title: Old talk, kind: transcript, path: old.txt}
speakers:
  - {id: heim, name: Heim}
topics:
  - {id: compute, label: Compute}
claims:
  - id: controls-slow
    statement: Export controls on advanced chips slow down Chinese AI labs.
    topics: [compute]
    attributions:
      - {speaker: heim, document: old, quote: "Export controls on advanced chips slow down"}
  - id: compute-decides
    statement: Compute still decides who leads the AI race.
    topics: [compute]
    attributions:
      - {speaker: heim, document: old, quote: "Compute still decides who leads the AI race"}
relations:
  - {source: compute-decides, target: controls-slow, kind: supports}
"""
PATCH = """\
arggraph_patch: 1
document: {id: new, title: New talk, kind: transcript, path: new.txt}
speakers: [{id: wagner, name: Wagner}]
claims:
  - id: efficiency
    statement: Efficiency gains matter more than raw compute.
    topics: [compute]
    attributions:
      - {speaker: wagner, document: new, quote: "efficiency gains now matter more than raw compute"}
attributions:
  - claim: controls-slow
    attribution:
      speaker: wagner
      document: new
      quote: export controls on advanced chips slow down Chinese AI labs considerably
relations:
  - {source: efficiency, target: compute-decides, kind: rebuts}
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "old.txt").write_text(OLD_TEXT, encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW_TEXT, encoding="utf-8")
    (tmp_path / "graph.yaml").write_text(GRAPH, encoding="utf-8")
    (tmp_path / "patch.yaml").write_text(PATCH, encoding="utf-8")
    return tmp_path


def test_extract_into_proposes_a_merge_with_its_evidence(folder: Path) -> None:
    result = run("extract", "new.txt", "--into", "graph.yaml", "-o", "review.json", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "1 merge," in result.stderr
    review = json.loads((folder / "review.json").read_text(encoding="utf-8"))
    assert review["arggraph_review"] == 1
    assert review["document"]["id"] == "new"
    merge = next(p for p in review["proposals"] if p["kind"] == "merge")
    assert merge["other"] == "controls-slow"
    assert merge["confidence"] >= 0.5
    assert {"export", "chip", "control"} <= set(merge["evidence"]["shared_words"])
    assert merge["other_quotes"][0]["quote"] == "Export controls on advanced chips slow down"
    claim = next(c for c in review["claims"] if c["id"] == merge["claim"])
    assert NEW_TEXT[claim["quote"]["start"] : claim["quote"]["end"]] == claim["quote"]["quote"]


def test_extract_into_proposes_every_claim_once_at_least(folder: Path) -> None:
    run("extract", "new.txt", "--into", "graph.yaml", "-o", "review.json", cwd=folder)
    review = json.loads((folder / "review.json").read_text(encoding="utf-8"))
    proposed = {p["claim"] for p in review["proposals"] if p["scope"] == "existing"}
    assert proposed == {c["id"] for c in review["claims"]}
    assert [p["id"] for p in review["proposals"]] == sorted(p["id"] for p in review["proposals"])


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["new.txt", "old.txt", "--into", "graph.yaml", "-o", "r.json"], 2, "one new document"),
        (["new.txt", "--into", "graph.yaml"], 2, "-o REVIEW.json"),
        (["new.txt", "--into", "graph.yaml", "-o", "graph.yaml"], 3, "refusing to write over"),
        (["old.txt", "--into", "graph.yaml", "-o", "r.json"], 1, "already in the graph"),
    ],
)
def test_extract_into_refuses(folder: Path, args: list[str], code: int, message: str) -> None:
    result = run("extract", *args, cwd=folder)
    assert result.returncode == code, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_review_writes_an_escaped_offline_page(folder: Path) -> None:
    run("extract", "new.txt", "--into", "graph.yaml", "-o", "review.json", cwd=folder)
    result = run("review", "review.json", "-o", "queue.html", cwd=folder)
    assert result.returncode == 0, result.stderr
    page = (folder / "queue.html").read_text(encoding="utf-8")
    assert "<b>today</b>" not in page
    assert "&lt;b&gt;today&lt;/b&gt;" in page
    assert "http://" not in page
    assert "https://" not in page


def test_review_refuses_a_file_that_is_not_a_review(folder: Path) -> None:
    result = run("review", "graph.yaml", "-o", "queue.html", cwd=folder)
    assert result.returncode == 1
    assert "graph.yaml" in result.stderr
    assert "error[invalid-review]" in result.stderr
    assert not (folder / "queue.html").exists()


def test_apply_adds_claims_attributions_and_relations(folder: Path) -> None:
    result = run("apply", "patch.yaml", "--to", "graph.yaml", "-o", "out/new.yaml", cwd=folder)
    assert result.returncode == 0, result.stderr
    graph = read_graph(folder / "out" / "new.yaml")
    assert [d.id for d in graph.documents] == ["old", "new"]
    assert graph.claim("controls-slow").speakers == ["heim", "wagner"]
    assert graph.claim("efficiency").attributions[0].start == NEW_TEXT.index("efficiency")
    assert ("efficiency", "compute-decides", "rebuts") in {
        (r.source, r.target, r.kind) for r in graph.relations
    }
    assert (folder / "graph.yaml").read_text(encoding="utf-8") == GRAPH


@pytest.mark.parametrize(
    ("change", "output", "code", "message"),
    [
        (("", ""), "graph.yaml", 3, "refusing to write over"),
        (('raw compute"}', 'raw chips"}'), "new.yaml", 1, "not found"),
        (("claim: controls-slow", "claim: nowhere"), "new.yaml", 1, "'nowhere'"),
        (("id: new,", "id: old,"), "new.yaml", 1, "already in the graph"),
        (("kind: rebuts", "kind: attacks"), "new.yaml", 1, "error[invalid-patch]"),
    ],
)
def test_apply_refuses_and_writes_nothing(
    folder: Path, change: tuple[str, str], output: str, code: int, message: str
) -> None:
    (folder / "patch.yaml").write_text(PATCH.replace(*change), encoding="utf-8")
    result = run("apply", "patch.yaml", "--to", "graph.yaml", "-o", output, cwd=folder)
    assert result.returncode == code, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert (folder / "graph.yaml").read_text(encoding="utf-8") == GRAPH
    assert not (folder / "new.yaml").exists()


def test_patch_format_is_strict() -> None:
    with pytest.raises(FormatError, match="unknown"):
        parse_patch("arggraph_patch: 1\ndocument: {id: d, title: T, text: x}\nunknown: 1\n")
