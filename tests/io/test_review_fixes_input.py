"""Inputs a review found mishandled: a superscript digit as an AIF person, an AIF edge
id equal to an unnamed edge's place, and numbers too long for Python to read."""

from __future__ import annotations

import json

import pytest

from arggraph.errors import InvalidGraphError
from arggraph.io.aif import read_aif
from arggraph.io.parsing import parse_data
from tests.conftest import REPO, WriteFiles

UNDERCUT = REPO / "tests" / "data" / "aif" / "undercut.json"


def test_a_person_id_of_non_ascii_digits_gets_a_safe_speaker_id(write_files: WriteFiles) -> None:
    data = json.loads(UNDERCUT.read_text(encoding="utf-8"))
    data["locutions"][0]["personID"] = "\u00b2"  # '²': str.isdigit() says True
    folder = write_files(**{"x.json": json.dumps(data)})
    speakers = [s.id for s in read_aif(folder / "x.json").speakers]
    assert "person-\u00b2" not in speakers
    assert len(speakers) == 3


def test_an_unnamed_edge_does_not_take_the_id_of_its_place(write_files: WriteFiles) -> None:
    data = {
        "nodes": [
            {"nodeID": "1", "text": "a", "type": "I"},
            {"nodeID": "2", "text": "b", "type": "I"},
            {"nodeID": "3", "text": "Default Inference", "type": "RA"},
        ],
        "edges": [
            {"fromID": "1", "toID": "3"},  # no edgeID: it was known as "0"
            {"edgeID": 0, "fromID": "3", "toID": "2"},
        ],
    }
    folder = write_files(**{"x.json": json.dumps(data)})
    assert len(read_aif(folder / "x.json").relations) == 1


@pytest.mark.parametrize(
    ("text", "fmt", "line"),
    [
        ('{"a":\n  ' + "1" * 5000 + "}", "json", 2),
        ("a: 1\nb: " + "1" * 5000 + "\n", "yaml", 2),
    ],
)
def test_a_number_too_long_to_read_is_a_located_syntax_problem(
    text: str, fmt: str, line: int
) -> None:
    with pytest.raises(InvalidGraphError) as caught:
        parse_data(text, fmt=fmt, source=f"g.{fmt}")
    [problem] = caught.value.problems
    assert (problem.code, problem.line) == (f"{fmt}-syntax", line)
    assert "too long" in problem.message
    assert problem.hint
