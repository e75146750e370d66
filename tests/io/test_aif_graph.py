"""The AIF importer's graph, built without validating its own data again, equals the
validated one; and any data validation would refuse goes through validation."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from arggraph.errors import FormatError
from arggraph.io.aif import merge_speakers_by_name, parse_aif
from arggraph.io.aif_graph import _ids_valid, graph_of
from arggraph.io.formats import ImportedData, build_imported
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "aif"


def _imported(*paths: Path) -> ImportedData:
    merged = ImportedData()
    for path in paths:
        prefix = f"{path.stem}." if len(paths) > 1 else ""
        merged.extend(parse_aif(path.read_text(), source=path.name, prefix=prefix))
    merge_speakers_by_name(merged)
    return merged


@pytest.mark.parametrize(
    "names",
    [
        ["nodeset6064.json"],
        ["undercut.json"],
        ["dialogue-a.json", "dialogue-b.json", "nodeset6064.json", "undercut.json"],
    ],
)
def test_graph_equals_the_validated_graph(names: list[str]) -> None:
    imported = _imported(*(DATA / n for n in names))
    validated = build_imported(copy.deepcopy(imported))
    built = graph_of(imported)
    assert built == validated
    assert built.model_dump_json() == validated.model_dump_json()
    assert built.text_of(built.documents[0].id) == validated.text_of(built.documents[0].id)


def _aif(*statements: str, node_ids: tuple[str, ...] = ("1", "2")) -> str:
    nodes = [
        {"nodeID": i, "type": "I", "text": s} for i, s in zip(node_ids, statements, strict=True)
    ]
    nodes.append({"nodeID": "9", "type": "RA", "text": "Default Inference"})
    edges = [
        {"edgeID": "e1", "fromID": node_ids[0], "toID": "9"},
        {"edgeID": "e2", "fromID": "9", "toID": node_ids[1]},
    ]
    return json.dumps({"nodes": nodes, "edges": edges})


def _problems(text: str) -> list[str]:
    with pytest.raises(FormatError) as raised:
        graph_of(parse_aif(text, source="x.json", prefix="x."))
    return [str(p) for p in raised.value.problems]


def _validated_problems(text: str) -> list[str]:
    with pytest.raises(FormatError) as raised:
        build_imported(parse_aif(text, source="x.json", prefix="x."))
    return [str(p) for p in raised.value.problems]


@pytest.mark.parametrize(
    "text",
    [
        _aif("Compute matters.", "Chips matter.", node_ids=("a b", "a-b")),  # one claim id twice
        _aif("Compute matters.", "Chips matter.", node_ids=("x" * 201, "2")),  # too long, prefixed
    ],
)
def test_a_problem_is_placed_as_validation_places_it(text: str) -> None:
    assert _problems(text) == _validated_problems(text)


@pytest.mark.parametrize(
    ("ids", "valid"),
    [
        (["a", "b-c", "x.y:1"], True),
        ([], True),
        (["_b"], False),
        (["a b"], False),
        (["a", ""], False),
        (["a\nb"], False),
        (["é"], False),
    ],
)
def test_ids_are_tested_as_the_model_tests_them(ids: list[str], valid: bool) -> None:
    assert _ids_valid(ids) is valid


def test_every_item_holds_exactly_its_models_fields() -> None:
    """The builder's dicts stand in for validation: a field added to a model but not to
    the builder (or the other way round) must fail here, not as an AttributeError later."""
    graph = graph_of(_imported(DATA / "undercut.json", DATA / "nodeset6064.json"))
    attributions = [a for c in graph.claims for a in c.attributions]
    attributions += [r.attribution for r in graph.relations if r.attribution is not None]
    items = [*graph.documents, *graph.speakers, *graph.claims, *graph.relations, *attributions]
    assert {type(i).__name__ for i in items} >= {"Claim", "Relation", "Attribution", "Speaker"}
    for item in items:
        assert set(vars(item)) == set(type(item).model_fields), type(item).__name__
