"""YAML 1.2 core-schema integers, on both loading paths and through a round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

import arggraph
from arggraph.errors import InvalidGraphError
from arggraph.io.yaml_dialect import Dumper, _load_plain, load_yaml, load_yaml_items

CASES = [
    ("012", 12),  # decimal in YAML 1.2; PyYAML's YAML 1.1 rule read it as octal 10
    ("-007", -7),
    ("+3", 3),
    ("0", 0),
    ("0o17", 15),
    ("0x1F", 31),
    ("0x1f", 31),
]


@pytest.mark.parametrize(("text", "value"), CASES)
def test_core_schema_integers_on_both_paths(text: str, value: int) -> None:
    document = f"start: {text}\nitems:\n  - {text}\n"
    expected = {"start": value, "items": [value]}
    assert _load_plain(document) == expected
    assert load_yaml_items(document) == expected
    assert load_yaml(document) == expected


@pytest.mark.parametrize("text", ["0o8", "0x", "0b11", "1_000", "0xG1", "12:30"])
def test_what_is_not_a_core_integer_stays_text(text: str) -> None:
    assert load_yaml(f"a: {text}") == {"a": text}


@pytest.mark.parametrize("text", ["012", "0o17", "0x1F", "+3"])
def test_a_string_that_reads_as_an_integer_is_quoted_when_written(text: str) -> None:
    import yaml

    written = yaml.dump({"a": text}, Dumper=Dumper)
    assert load_yaml(written) == {"a": text}


@pytest.mark.parametrize(
    ("tagged", "kind"),
    [
        ("!!int abc", "int"),
        ("!!int 0b101", "int"),
        ("!!float abc", "float"),
        ("!!bool maybe", "bool"),
        ("!!bool 12", "bool"),
        ("!!timestamp x", "timestamp"),
    ],
)
def test_a_value_its_explicit_tag_cannot_read_is_a_located_problem(
    tmp_path: Path, tagged: str, kind: str
) -> None:
    graph = tmp_path / "graph.yaml"
    graph.write_text(f"title: Test\nclaims:\n  - id: {tagged}\n", encoding="utf-8")
    with pytest.raises(InvalidGraphError) as raised:
        arggraph.load(graph)
    [problem] = raised.value.problems
    assert (problem.code, problem.line) == ("yaml-syntax", 3)
    assert f"cannot be read as {kind}" in problem.message
