"""The AIF importer's shortcuts give what the general code gives."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.errors import Problem
from arggraph.io.aif import _Aif, _link_sound_edges, _node, _read_edges, _safe_id, _sound_nodes
from arggraph.io.formats import safe_id


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZ09_.:->># \u00e9\t", max_size=210))
def test_safe_id_shortcut_equals_safe_id(raw: str) -> None:
    assert _safe_id(raw) == safe_id(raw)


def _one_by_one(raws: list[Any], edges: Any) -> tuple[dict[str, Any], list[str]]:
    """Nodes (with their links) and problems as the general code reads them."""
    aif = _Aif({}, {}, {}, "x.json", "")
    problems: list[Problem] = []
    for index, raw in enumerate(raws):
        node = _node(raw, index, aif, problems)
        if node is not None:
            aif.nodes[node.id] = node
    _read_edges(edges, aif, problems)
    return aif.nodes, [p.message for p in problems]


SOUND_NODES: list[Any] = [
    {"nodeID": "1", "type": "I", "text": "Compute matters."},
    {"nodeID": 2, "type": "RA", "text": "Default Inference"},
    {"nodeID": "3", "type": "I", "text": "Export controls work."},
    {"nodeID": "4", "type": "L", "text": "Heim : Compute matters."},
]
SOUND_EDGES: list[Any] = [
    {"edgeID": "e1", "fromID": "1", "toID": "2"},
    {"edgeID": 7, "fromID": 2, "toID": "3"},
]


def test_sound_nodes_and_edges_read_at_once_equal_one_by_one() -> None:
    nodes = _sound_nodes(SOUND_NODES)
    assert nodes is not None
    assert _link_sound_edges(SOUND_EDGES, nodes)
    expected, problems = _one_by_one(SOUND_NODES, SOUND_EDGES)
    assert problems == []
    assert nodes == expected


@pytest.mark.parametrize(
    "defect",
    [
        {"nodeID": True, "type": "I", "text": "x"},
        {"nodeID": None, "type": "I", "text": "x"},
        {"nodeID": "9", "type": "XX", "text": "x"},
        {"nodeID": "9", "type": ["I"], "text": "x"},
        {"nodeID": "9", "type": "I", "text": 3},
        {"nodeID": "9", "type": "I", "text": "  "},
        {"nodeID": "9", "type": "I"},
        {"nodeID": 1, "type": "I", "text": "again"},
        "not an object",
    ],
)
def test_a_node_with_a_problem_is_left_to_the_general_code(defect: Any) -> None:
    assert _sound_nodes([*SOUND_NODES, defect]) is None


@pytest.mark.parametrize(
    "edges",
    [
        [*SOUND_EDGES, {"fromID": "1", "toID": "3"}],
        [*SOUND_EDGES, {"edgeID": "e1", "fromID": "3", "toID": "4"}],
        [*SOUND_EDGES, {"edgeID": "e9", "fromID": "1", "toID": "99"}],
        [*SOUND_EDGES, "not an object"],
        {"edgeID": "e1"},
    ],
)
def test_an_edge_with_a_problem_links_nothing(edges: Any) -> None:
    nodes = _sound_nodes(SOUND_NODES)
    assert nodes is not None
    assert not _link_sound_edges(edges, nodes)
    assert all(not n.into and not n.out for n in nodes.values())
