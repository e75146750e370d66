"""Kialo export import: the claim tree, pro/con, links, and located errors.

A small export written for the tests lives in ``tests/data/kialo``; the real
discussion in ``../shared/data/kialo`` (not redistributable) is read when present.
"""

from __future__ import annotations

import logging
import warnings
from collections import Counter
from pathlib import Path

import pytest

from arggraph.errors import FormatError
from arggraph.io.kialo import SPEAKER, kialo_statement, read_kialo
from tests.conftest import REPO, WriteFiles

SMALL = REPO / "tests" / "data" / "kialo" / "small-debate.txt"
SHARED = REPO.parent / "shared" / "data" / "kialo" / "should-hate-speech-be-illegal-6148.txt"
HEADER = "Discussion Title: Is it?\n\n1. It is.\n"


def test_tree_becomes_claims_and_relations() -> None:
    graph = read_kialo(SMALL)
    assert [c.id for c in graph.claims] == ["1", "1.1", "1.1.1", "1.2", "1.2.2"]
    assert [(r.source, r.kind, r.target) for r in graph.relations] == [
        ("1.1", "supports", "1"),
        ("1.1.1", "rebuts", "1.1"),
        ("1.2", "rebuts", "1"),
        ("1.1.1", "supports", "1.2"),  # 1.2.1. Pro: -> See 1.1.1.
        ("1.2.2", "rebuts", "1.2"),
    ]
    assert "link" in (graph.relations[3].note or "")


def test_quotes_are_the_raw_text_and_statements_are_clean() -> None:
    graph = read_kialo(SMALL)
    text = SMALL.read_text(encoding="utf-8")
    claim = graph.claim("1.1.1")
    assert claim.statement == "Delivery vans would still need access, see this study."
    att = claim.attributions[0]
    assert att.speaker == SPEAKER
    assert text[att.start : att.end] == att.quote
    assert "](http://example.org/study)" in att.quote
    assert graph.claim("1.2").statement.endswith("customers who come from the suburbs by car.")


def test_title_is_the_topic_and_top_level_sides_are_stances() -> None:
    graph = read_kialo(SMALL)
    topic = graph.topics[0]
    assert topic.question == "Should cities ban cars from their centres?"
    assert graph.claim("1").stances == {topic.id: "yes"}
    assert graph.claim("1.2").stances == {topic.id: "no"}
    assert graph.claim("1.1.1").stances == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"a \(b\) c", "a (b) c"),
        ("see [Kialo](http://www.kialo.com) now", "see Kialo now"),
        ("two\n  lines", "two lines"),
    ],
)
def test_kialo_statement(text: str, expected: str) -> None:
    assert kialo_statement(text) == expected


@pytest.mark.parametrize(
    ("body", "problems"),
    [
        ("1.1. Pro: Yes.\n1.1. Con: No.\n", [("duplicate-id", 5)]),
        ("1.3.1. Pro: Orphan.\n", [("unknown-id", 4)]),
        ("1.1. Pro: -> See 1.9.\n", [("unknown-id", 4)]),
        (
            "1.1. Pro: Yes.\n1.1. Con: No.\n1.4.2. Con: Orphan.\n",
            [("duplicate-id", 5), ("unknown-id", 6)],
        ),
    ],
    ids=["repeated-number", "missing-parent", "unknown-link", "all-together"],
)
def test_bad_exports_are_located(
    write_files: WriteFiles, body: str, problems: list[tuple[str, int]]
) -> None:
    folder = write_files(**{"k.txt": HEADER + body})
    with pytest.raises(FormatError) as caught:
        read_kialo(folder / "k.txt")
    assert [(p.code, p.line) for p in caught.value.problems] == problems
    assert all(p.file and p.file.endswith("k.txt") for p in caught.value.problems)


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", "malformed-input"), (b"just words\n", "malformed-input"), (b"1. caf\xe9\n", "not-utf8")],
    ids=["empty", "not-kialo", "latin-1"],
)
def test_unreadable_exports(write_files: WriteFiles, content: bytes, code: str) -> None:
    folder = write_files(**{"k.txt": content})
    with pytest.raises(FormatError) as caught:
        read_kialo(folder / "k.txt")
    assert [p.code for p in caught.value.problems] == [code]


needs_shared = pytest.mark.skipif(not SHARED.is_file(), reason="shared Kialo export absent")


@needs_shared
def test_real_discussion() -> None:
    graph = read_kialo(SHARED)
    kinds = Counter(r.kind for r in graph.relations)
    assert len(graph.claims) == 105  # 106 entries, one of them a '-> See' link
    assert (kinds["supports"], kinds["rebuts"]) == (42, 63)


@pytest.mark.parametrize("path", [SMALL, pytest.param(SHARED, marks=needs_shared)])
def test_counts_agree_with_arguebuf(path: Path) -> None:
    arguebuf = pytest.importorskip("arguebuf")
    from arguebuf.model.node import Attack, Support

    logging.disable(logging.WARNING)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with path.open(encoding="utf-8") as handle:
                theirs = arguebuf.load.kialo(handle)
    finally:
        logging.disable(logging.NOTSET)
    schemes = [n.scheme for n in theirs.scheme_nodes.values()]
    graph = read_kialo(path)
    kinds = Counter(r.kind for r in graph.relations)
    assert len(theirs.atom_nodes) == len(graph.claims)
    assert sum(isinstance(s, Support) for s in schemes) == kinds["supports"]
    assert sum(isinstance(s, Attack) for s in schemes) == kinds["rebuts"]
