"""Argdown import and export: the relation markers, real examples against Argdown's own
JSON output, and a round trip.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from arggraph.errors import FormatError
from arggraph.io.argdown import dump_argdown, read_argdown, write_argdown
from arggraph.model import ArgumentGraph
from tests.conftest import REPO, WriteFiles

DATA = REPO / "tests" / "data" / "argdown"
SHARED = REPO.parent / "shared" / "data" / "argdown"


def _read(write_files: WriteFiles, text: str) -> ArgumentGraph:
    folder = write_files(**{"x.argdown": text})
    return read_argdown(folder / "x.argdown")


@pytest.mark.parametrize(
    ("marker", "expected"),
    [
        ("+", ("B", "supports", "A")),
        ("<+", ("B", "supports", "A")),
        ("-", ("B", "rebuts", "A")),
        ("<-", ("B", "rebuts", "A")),
        ("+>", ("A", "supports", "B")),
        ("->", ("A", "rebuts", "B")),
    ],
)
def test_relation_markers(write_files: WriteFiles, marker: str, expected: tuple[str, ...]) -> None:
    graph = _read(write_files, f"[A]: Cats are best.\n  {marker} [B]: Dogs are.\n")
    assert [(r.source, r.kind, r.target) for r in graph.relations] == [expected]


def test_nesting_follows_indentation(write_files: WriteFiles) -> None:
    text = """\
[A]: Top.
  + [B]: Under A,
  written over two lines.
    - [C]: Under B.
  - [D]: Under A again.
"""
    graph = _read(write_files, text)
    assert [(r.source, r.target) for r in graph.relations] == [("B", "A"), ("C", "B"), ("D", "A")]
    assert graph.claim("B").statement == "Under A, written over two lines."


def test_undercut_attacks_the_arguments_relation(write_files: WriteFiles) -> None:
    text = """\
[Ban]: Ban it.
  + <Harm>: It harms.
    <_ <Weak>: The harm is small.
"""
    graph = _read(write_files, text)
    undercut = graph.relations[-1]
    assert graph.is_undercut(undercut)
    target = next(r for r in graph.relations if r.key == undercut.target)
    assert (target.source, target.kind, target.target) == ("Harm", "supports", "Ban")


def test_tags_comments_and_front_matter(write_files: WriteFiles) -> None:
    text = """\
===
title: A test
author: Ann Lee
===

// a comment
[A]: Cats are best. #pets #(big cats) /* not this */
  - [B]: Dogs are. {source: "x"}
"""
    graph = _read(write_files, text)
    assert graph.title == "A test"
    assert [s.name for s in graph.speakers] == ["Ann Lee"]
    assert {t.id: t.label for t in graph.topics} == {"pets": "pets", "big-cats": "big cats"}
    assert graph.claim("A").statement == "Cats are best."
    assert graph.claim("A").topics == ["pets", "big-cats"]
    assert graph.claim("B").statement == "Dogs are."


def test_premise_conclusion_structure(write_files: WriteFiles) -> None:
    text = """\
<Arg>: Because of 1 and 2.

(1) [P1]: First premise.
(2) Second premise.
----
(3) [C]: Conclusion.
"""
    graph = _read(write_files, text)
    assert [(r.source, r.target) for r in graph.relations] == [
        ("P1", "C"),
        ("untitled-1", "C"),
        ("Arg", "C"),
    ]


def test_quotes_ground_in_the_argdown_file() -> None:
    graph = read_argdown(DATA / "legalisation-softdrugs.argdown")
    text = (DATA / "legalisation-softdrugs.argdown").read_text(encoding="utf-8")
    for _, att in graph.iter_attributions():
        assert att.start is not None
        assert " ".join(text[att.start : att.end].split()) == " ".join(att.quote.split())


def _reference_counts(reference: Path) -> tuple[int, int, int, int]:
    """Claims and map relations (support, attack, undercut) by Argdown's own CLI."""
    data = json.loads(reference.read_text(encoding="utf-8"))
    kinds = Counter(r["relationType"] for r in data["relations"])
    attacks = kinds["attack"] + kinds["contrary"] + 2 * kinds["contradictory"]
    return (
        len(data["statements"]) + len(data["arguments"]),
        kinds["support"],
        attacks,
        kinds["undercut"],
    )


def _our_counts(graph: ArgumentGraph) -> tuple[int, int, int, int]:
    """The same counts; relations made for premise-conclusion structures are left out."""
    inner = ("premise-conclusion", "concludes this")
    mapped = [r for r in graph.relations if not any(s in (r.note or "") for s in inner)]
    undercuts = sum(graph.is_undercut(r) for r in mapped)
    kinds = Counter(r.kind for r in mapped)
    return len(graph.claims), kinds["supports"], kinds["rebuts"] - undercuts, undercuts


def _examples() -> list[tuple[Path, Path]]:
    pairs = [
        (DATA / f"{n}.argdown", DATA / f"{n}.reference.json")
        for n in ("legalisation-softdrugs", "argdown-primer")
    ]
    source = SHARED / "format=argdown,lang=en"
    if source.is_dir():
        for path in sorted(source.glob("*.argdown")):
            pairs.append((path, SHARED / "format=argdown-json,lang=en" / f"{path.stem}.json"))
    return pairs


@pytest.mark.parametrize(("source", "reference"), _examples(), ids=lambda p: Path(p).name)
def test_counts_agree_with_argdowns_own_parser(source: Path, reference: Path) -> None:
    assert _our_counts(read_argdown(source)) == _reference_counts(reference)


def _structure(graph: ArgumentGraph) -> dict[str, object]:
    return {
        "claims": [(c.id, c.statement, c.topics) for c in graph.claims],
        "relations": sorted(
            (r.source, r.kind, r.target if not graph.is_undercut(r) else "u")
            for r in graph.relations
        ),
    }


def test_argdown_round_trip(tmp_path: Path) -> None:
    graph = read_argdown(DATA / "legalisation-softdrugs.argdown")
    again = read_argdown(write_argdown(graph, tmp_path / "out.argdown"))
    assert _structure(again) == _structure(graph)
    assert dump_argdown(again) == dump_argdown(graph)


def test_nothing_argumentative_is_an_error(write_files: WriteFiles) -> None:
    folder = write_files(**{"x.argdown": "// only a comment\n"})
    with pytest.raises(FormatError) as caught:
        read_argdown(folder / "x.argdown")
    assert [p.code for p in caught.value.problems] == ["malformed-input"]


def test_not_utf8_is_located(write_files: WriteFiles) -> None:
    folder = write_files(**{"x.argdown": b"[A]: caf\xe9\n"})
    with pytest.raises(FormatError) as caught:
        read_argdown(folder / "x.argdown")
    assert [(p.code, p.line) for p in caught.value.problems] == [("not-utf8", 1)]
