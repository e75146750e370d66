"""The columnar reading of plain AIF files gives what the node-by-node builder gives.

:func:`arggraph.io.aif_plain.plain_data` takes a file only when its shape is plain
(one locution per claim, one premise and one conclusion per RA/CA node); these tests
draw small files of nearly that shape, with every defect the shape excludes, and hold
both readings to the same items, in the same order, with the same origins.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.errors import FormatError
from arggraph.io.aif import aif_data, parse_aif
from arggraph.io.aif_nodes import NodeBuilder
from arggraph.io.aif_plain import plain_data
from arggraph.io.aif_structure import NodeLines, node_columns, parse_body, read_structure
from arggraph.io.formats import ImportedData
from arggraph.synthetic import synthetic_graph

DATA = Path(__file__).parent.parent / "data" / "aif"


def _general(text: str, prefix: str) -> ImportedData:
    return NodeBuilder(read_structure(text, "x.json"), prefix, "x").build()


def _plain(text: str, prefix: str) -> ImportedData | None:
    body = parse_body(text, "x.json")
    return plain_data(body, node_columns(body["nodes"]), NodeLines("x.json", text), prefix, "x")


def _placed(data: ImportedData) -> dict[str, list[tuple[Any, ...]]]:
    return {
        section: [(o.file, o.element) for o in origins] for section, origins in data.origins.items()
    }


def _assert_same(plain: ImportedData, general: ImportedData) -> None:
    assert plain.sections == general.sections
    assert plain.texts == general.texts
    assert _placed(plain) == _placed(general)
    assert plain._ids == general._ids


def test_the_export_of_a_graph_is_read_as_plain_and_as_the_builder_reads_it() -> None:
    text = json.dumps(aif_data(synthetic_graph(60, seed=3)))
    for prefix in ("", "n1."):
        plain = _plain(text, prefix)
        assert plain is not None
        assert len(plain.sections["claims"]) == 60
        _assert_same(plain, _general(text, prefix))


def test_a_plain_dialogue_file_is_read_alike() -> None:
    text = (DATA / "dialogue-b.json").read_text(encoding="utf-8")
    plain = _plain(text, "")
    assert plain is not None
    _assert_same(plain, _general(text, ""))


def test_files_with_undercuts_are_left_to_the_builder() -> None:
    assert _plain((DATA / "undercut.json").read_text(encoding="utf-8"), "") is None


def test_a_node_type_that_is_not_a_string_is_told_not_raised() -> None:
    text = json.dumps({"nodes": [{"nodeID": "1", "type": ["I"], "text": "x"}], "edges": []})
    with pytest.raises(FormatError, match=r'node 1: unknown node type \["I"\]'):
        parse_aif(text, source="x.json")


_TYPES = st.sampled_from(["I", "I", "I", "L", "L", "YA", "RA", "CA", "MA", "TA"])
_TEXTS = st.sampled_from(
    ["Compute matters.", "Ann : Compute matters.", "Bob : x", "Pure Questioning", "Asserting", " "]
)


@st.composite
def _files(draw: st.DrawFn) -> dict[str, Any]:
    """Small AIF files whose edges mostly join the types a plain file joins."""
    types = draw(st.lists(_TYPES, min_size=1, max_size=9))
    ids = draw(
        st.lists(
            st.sampled_from(["1", "2", "3", "a->b", "1->2", "x y", "4", "5", "6", "7", "8"]),
            min_size=len(types),
            max_size=len(types),
            unique=True,
        )
    )
    nodes = [
        {"nodeID": i, "type": t, "text": draw(_TEXTS)} for i, t in zip(ids, types, strict=True)
    ]
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=2 * len(ids))
    )
    edges = [{"edgeID": f"e{k}", "fromID": a, "toID": b} for k, (a, b) in enumerate(pairs)]
    locutions = [
        {"nodeID": i, "personID": draw(st.sampled_from(["p1", "p2"]))}
        for i in draw(st.lists(st.sampled_from(ids), max_size=2))
    ]
    participants = [{"participantID": "p1", "firstname": "Ann", "surname": "Lee"}]
    return {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants}


@st.composite
def _nearly_plain_files(draw: st.DrawFn) -> dict[str, Any]:
    """Files of the plain shape (claims asserted by locutions, one premise and one
    conclusion per RA/CA node, ids like the export's), with a few edges added at random."""
    claims = [f"c{i}" for i in range(draw(st.integers(1, 5)))]
    nodes = [{"nodeID": c, "type": "I", "text": draw(_TEXTS.filter(str.strip))} for c in claims]
    edges: list[tuple[str, str]] = []
    locutions = []
    for claim in claims:
        if draw(st.booleans()):
            said, ya = f"{claim}#L", f"{claim}#YA"
            nodes.append({"nodeID": said, "type": "L", "text": draw(_TEXTS)})
            nodes.append({"nodeID": ya, "type": "YA", "text": draw(_TEXTS)})
            edges += [(said, ya), (ya, claim)]
            if draw(st.booleans()):
                locutions.append({"nodeID": said, "personID": draw(st.sampled_from(["p1", "p2"]))})
    for k in range(draw(st.integers(0, 6))):
        premise, conclusion = draw(st.sampled_from(claims)), draw(st.sampled_from(claims))
        scheme = draw(st.sampled_from([f"{premise}->{conclusion}", f"s{k}", f"s {k}"]))
        if scheme in {n["nodeID"] for n in nodes}:
            continue
        nodes.append({"nodeID": scheme, "type": draw(st.sampled_from(["RA", "CA"])), "text": "x"})
        edges += [(premise, scheme), (scheme, conclusion)]
    ids = [n["nodeID"] for n in nodes]
    extra = st.tuples(st.sampled_from(ids), st.sampled_from(ids))
    edges += draw(st.lists(extra, max_size=2))
    unattributed = [{"nodeID": c, "personID": "p2"} for c in claims if draw(st.booleans())]
    return {
        "nodes": nodes,
        "edges": [{"edgeID": f"e{k}", "fromID": a, "toID": b} for k, (a, b) in enumerate(edges)],
        "locutions": locutions + unattributed,
        "participants": [{"participantID": "p1", "firstname": "Ann", "surname": "Lee"}],
    }


@settings(max_examples=600, deadline=None)
@given(st.one_of(_files(), _nearly_plain_files()), st.sampled_from(["", "f."]))
def test_a_file_read_as_plain_is_read_as_the_builder_reads_it(
    file: dict[str, Any], prefix: str
) -> None:
    text = json.dumps(file)
    plain = _plain(text, prefix)
    if plain is not None:
        _assert_same(plain, _general(text, prefix))
