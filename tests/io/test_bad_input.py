"""Every kind of bad graph input gives a located problem; all problems come together.

Each case writes real files into a temporary folder, loads them, and checks the
problem codes with the line (and id) where each is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

import arggraph
from arggraph.errors import InvalidGraphError
from tests.conftest import SMALL_GRAPH, TALK, WriteFiles

HEADER = """\
documents:
  - {id: talk, title: A talk, kind: transcript, path: talk.txt}
speakers:
  - {id: heim, name: Lennart Heim}
topics:
  - {id: compute, label: Compute}
"""
CLAIM = """\
  - id: {id}
    statement: Compute still matters.
    topics: [compute]
    attributions:
      - {{speaker: heim, document: talk, quote: "compute still matters"}}
"""


def claims(*ids: str) -> str:
    return "claims:\n" + "".join(CLAIM.format(id=i) for i in ids)


@dataclass
class Case:
    name: str
    graph: str
    expected: list[tuple[str, int | None]]  # (problem code, line) in reading order
    extra: dict[str, str | bytes] = field(default_factory=dict)


CASES = [
    Case(
        "yaml syntax error", "claims:\n  - id: a\n   statement: [unclosed\n", [("yaml-syntax", 3)]
    ),
    Case("json syntax error", '{"claims": [}', [("json-syntax", 1)], {"name": "g.json"}),
    Case("duplicate key", HEADER + "topics:\n  - {id: x, label: X}\n", [("duplicate-key", 7)]),
    Case("empty file", "", [("empty-file", None)]),
    Case("top level is a list", "- a\n- b\n", [("wrong-type", 1)]),
    Case("unknown top-level field", HEADER + "claimz: []\n", [("unknown-field", 7)]),
    Case(
        "unknown field in a claim",
        HEADER + claims("a").replace("    topics:", "    colour: red\n    topics:"),
        [("unknown-field", 10)],
    ),
    Case("wrong type", HEADER + claims("a").replace("[compute]", "compute"), [("wrong-type", 10)]),
    Case(
        "number where text is expected",
        HEADER + claims("a").replace("Compute still matters.", "42"),
        [("wrong-type", 9)],
    ),
    Case(
        "missing required field", HEADER + "claims:\n  - statement: No id\n", [("missing-field", 8)]
    ),
    Case("id with a non-ASCII look-alike", HEADER + claims("\u0430lpha"), [("invalid-value", 8)]),
    Case("duplicate claim id", HEADER + claims("a", "a"), [("duplicate-id", 13)]),
    Case(
        "unknown topic", HEADER + claims("a").replace("[compute]", "[compte]"), [("unknown-id", 10)]
    ),
    Case(
        "unknown speaker",
        HEADER + claims("a").replace("speaker: heim", "speaker: him"),
        [("unknown-id", 12)],
    ),
    Case(
        "unknown document",
        HEADER + claims("a").replace("document: talk", "document: tlk"),
        [("unknown-id", 12)],
    ),
    Case(
        "dangling relation end",
        HEADER + claims("a") + "relations:\n  - {source: a, target: ghost, kind: rebuts}\n",
        [("unknown-id", 14)],
    ),
    Case(
        "self relation",
        HEADER + claims("a") + "relations:\n  - {source: a, target: a, kind: supports}\n",
        [("self-relation", 14)],
    ),
    Case(
        "supports and rebuts the same pair",
        HEADER + claims("a", "b") + "relations:\n  - {source: a, target: b, kind: supports}\n"
        "  - {source: a, target: b, kind: rebuts}\n",
        [("contradictory-relation", 20)],
    ),
    Case(
        "same relation twice",
        HEADER + claims("a", "b") + "relations:\n  - {source: a, target: b, kind: rebuts}\n"
        "  - {source: a, target: b, kind: rebuts}\n",
        [("duplicate-relation", 20)],
    ),
    Case(
        "unknown relation kind",
        HEADER + claims("a", "b") + "relations:\n  - {source: a, target: b, kind: attacks}\n",
        [("invalid-value", 19)],
    ),
    Case(
        "claim with no attribution",
        HEADER + "claims:\n  - {id: a, statement: X, topics: [compute], attributions: []}\n",
        [("no-attribution", 8)],
    ),
    Case(
        "empty statement",
        HEADER + claims("a").replace("Compute still matters.", '"  "'),
        [("empty-statement", 9)],
    ),
    Case(
        "missing document file",
        HEADER.replace("talk.txt", "nowhere.txt") + claims("a"),
        [("missing-document", 2)],
    ),
    Case(
        "document not UTF-8", HEADER + claims("a"), [("missing-document", None)], {"talk.txt": b""}
    ),
    Case(
        "quote not in the document",
        HEADER + claims("a").replace('"compute still matters"', '"compute matters a lot"'),
        [("quote-not-found", 12)],
    ),
    Case(
        "changed quote in a claim with an unknown field",
        HEADER
        + claims("a")
        .replace("    topics:", "    colour: red\n    topics:")
        .replace('"compute still matters"', '"compute matters a lot"'),
        [("unknown-field", 10), ("quote-not-found", 13)],
    ),
    Case(
        "changed quote in an attribution with an unknown field",
        HEADER
        + claims("a").replace(
            'quote: "compute still matters"', 'quote: "compute matters a lot", p: 3'
        ),
        [("quote-not-found", 12), ("unknown-field", 12)],
    ),
    Case(
        "changed quote whose document has an unknown field",
        HEADER.replace("path: talk.txt", "path: talk.txt, pages: 3")
        + claims("a").replace('"compute still matters"', '"compute matters a lot"'),
        [("unknown-field", 2), ("quote-not-found", 12)],
    ),
    Case(
        "document with path and text",
        HEADER.replace("path: talk.txt", "path: t, text: x") + claims("a"),
        [("invalid-value", 2)],
    ),
    Case(
        "date that is not ISO",
        HEADER.replace("kind: transcript", "date: 'Feb 2025'") + claims("a"),
        [("invalid-value", 2)],
    ),
    Case(
        "include of a missing file",
        "include: [nothere.yaml]\n" + HEADER + claims("a"),
        [("unreadable-file", 1)],
    ),
    Case(
        "included files loop",
        "include: [g.yaml]\n" + HEADER + claims("a"),
        [("include-cycle", None)],
    ),
]
# The not-UTF-8 case needs real bad bytes; set them here to keep the table readable.
CASES[23].expected = [("not-utf8", 2)]
CASES[23].extra = {"talk.txt": b"Heim: compute still matters \xe9\xe9 ok\n"}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_located(case: Case, write_files: WriteFiles) -> None:
    name = str(case.extra.get("name", "g.yaml"))
    files: dict[str, str | bytes] = {name: case.graph, "talk.txt": TALK}
    files.update({k: v for k, v in case.extra.items() if k != "name"})
    folder = write_files(**files)
    with pytest.raises(InvalidGraphError) as caught:
        arggraph.load(folder / name)
    found = [(p.code, p.line) for p in caught.value.problems]
    assert found == case.expected, caught.value.report()
    for problem in caught.value.problems:
        assert problem.file is not None
        assert problem.file.endswith((name, "talk.txt", "nowhere.txt"))


def test_table_covers_every_problem_code_of_graph_files() -> None:
    covered = {code for case in CASES for code, _ in case.expected}
    file_codes = {
        "yaml-syntax",
        "json-syntax",
        "duplicate-key",
        "not-utf8",
        "unreadable-file",
        "empty-file",
        "include-cycle",
        "unknown-field",
        "missing-field",
        "wrong-type",
        "invalid-value",
        "duplicate-id",
        "unknown-id",
        "self-relation",
        "duplicate-relation",
        "contradictory-relation",
        "no-attribution",
        "empty-statement",
        "missing-document",
        "quote-not-found",
    }
    assert file_codes <= covered


def test_all_problems_are_reported_together(write_files: WriteFiles) -> None:
    graph = (
        HEADER
        + claims("a", "b").replace("[compute]", "[nope]", 1)
        + "  - {id: c, statement: '', topics: [compute], attributions: []}\n"
        + "relations:\n  - {source: a, target: a, kind: rebuts}\n"
        + "  - {source: b, target: zzz, kind: supports}\n"
    )
    folder = write_files(**{"g.yaml": graph, "talk.txt": TALK})
    with pytest.raises(InvalidGraphError) as caught:
        arggraph.load(folder / "g.yaml")
    codes = sorted(p.code for p in caught.value.problems)
    assert codes == [
        "empty-statement",
        "no-attribution",
        "self-relation",
        "unknown-id",
        "unknown-id",
    ]
    assert caught.value.report().endswith("5 problems found")


def test_a_type_error_does_not_hide_other_problems(write_files: WriteFiles) -> None:
    graph = (
        HEADER
        + claims("a").replace("Compute still matters.", "[not, text]")
        + claims("b").replace("claims:\n", "").replace("speaker: heim", "speaker: nobody")
        + "relations:\n  - {source: b, target: a, kind: rebuts}\n"
    )
    folder = write_files(**{"g.yaml": graph, "talk.txt": TALK})
    with pytest.raises(InvalidGraphError) as caught:
        arggraph.load(folder / "g.yaml")
    found = [(p.code, p.id) for p in caught.value.problems]
    # The relation to the broken claim 'a' is not reported again as an unknown id.
    assert found == [("wrong-type", None), ("unknown-id", "nobody")]


def test_problems_in_an_included_file_name_that_file(write_files: WriteFiles) -> None:
    folder = write_files(
        **{
            "main.yaml": "include: [parts/claims.yaml]\n" + HEADER,
            "parts__claims.yaml": claims("a").replace("[compute]", "[missing]"),
            "talk.txt": TALK,
        }
    )
    with pytest.raises(InvalidGraphError) as caught:
        arggraph.load(folder / "main.yaml")
    (problem,) = caught.value.problems
    assert problem.code == "unknown-id"
    assert Path(str(problem.file)).name == "claims.yaml"
    assert problem.line == 4


def test_duplicate_ids_across_files(write_files: WriteFiles) -> None:
    folder = write_files(
        **{
            "main.yaml": "include: [more.yaml]\n" + HEADER + claims("a"),
            "more.yaml": claims("a"),
            "talk.txt": TALK,
        }
    )
    with pytest.raises(InvalidGraphError) as caught:
        arggraph.load(folder / "main.yaml")
    (problem,) = caught.value.problems
    assert (problem.code, Path(str(problem.file)).name, problem.line) == (
        "duplicate-id",
        "more.yaml",
        2,
    )


def test_quote_miss_hint_names_the_nearest_passage(write_files: WriteFiles) -> None:
    graph = SMALL_GRAPH.replace(
        "compute still matters - a lot", "compute still matters a great deal"
    )
    folder = write_files(**{"g.yaml": graph, "talk.txt": TALK})
    with pytest.raises(InvalidGraphError) as caught:
        arggraph.load(folder / "g.yaml")
    (problem,) = caught.value.problems
    assert problem.hint is not None
    assert "line 1, column 15" in problem.hint
    assert "compute still matters \u2014 a lot." in problem.hint
