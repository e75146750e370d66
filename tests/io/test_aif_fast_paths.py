"""The AIF importer's bulk reading gives what reading item by item gives.

Each rule of AIF is written once (``NODE_RULES``, ``EDGE_RULES``) as a test over
columns of values; a file is read at once when every rule holds for all its items.
So the bulk path equals the general one when a rule holds for a whole column exactly
when it holds for each item alone (with the ids read before it): shown here.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.errors import Problem
from arggraph.io.aif_items import safe_id_of as _safe_id
from arggraph.io.aif_items import safe_ids as _safe_ids
from arggraph.io.aif_structure import (
    EDGE_RULES,
    NODE_RULES,
    Aif,
    EdgeColumns,
    Node,
    NodeColumns,
    all_hold,
    edge_columns,
    edges_one_by_one,
    node_columns,
    nodes_one_by_one,
    read_edges,
    read_nodes,
)
from arggraph.io.formats import safe_id


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZ09_.:->># \u00e9\t", max_size=210))
def test_safe_id_shortcut_equals_safe_id(raw: str) -> None:
    assert _safe_id(raw) == safe_id(raw)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="aZ09_.:->># \n\u00e9", max_size=12), max_size=5))
def test_safe_ids_at_once_equal_safe_id_of_each(raws: list[str]) -> None:
    assert _safe_ids(raws) == [_safe_id(raw) for raw in raws]


def _empty() -> Aif:
    return Aif({}, {}, {}, "x.json", "")


def _one_by_one(raws: list[Any], edges: list[Any]) -> tuple[dict[str, Node], list[str]]:
    """Nodes (with their links) and problems as the item-by-item code reads them."""
    aif, problems = _empty(), list[Problem]()
    nodes_one_by_one(node_columns(raws), aif, problems)
    edges_one_by_one(edge_columns(edges, aif.nodes), aif, problems)
    return aif.nodes, [p.message for p in problems]


def _at_once(raws: list[Any], edges: list[Any]) -> tuple[dict[str, Node], list[str]]:
    aif, problems = _empty(), list[Problem]()
    read_nodes(raws, aif, problems)
    read_edges(edges, aif, problems)
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
    assert all_hold(NODE_RULES, node_columns(SOUND_NODES))
    nodes, problems = _at_once(SOUND_NODES, SOUND_EDGES)
    assert problems == []
    assert (nodes, problems) == _one_by_one(SOUND_NODES, SOUND_EDGES)
    assert nodes["2"].into == ["1"]
    assert nodes["2"].out == ["3"]


@pytest.mark.parametrize(
    ("defect", "told"),
    [
        ({"nodeID": None, "type": "I", "text": "x"}, "nodes[4]: node without a 'nodeID'"),
        ({"nodeID": "9", "type": "XX", "text": "x"}, 'node 9: unknown node type "XX"'),
        ({"nodeID": "9", "type": ["I"], "text": "x"}, 'node 9: unknown node type ["I"]'),
        ({"nodeID": "9", "type": "I", "text": 3}, "node 9: 'text' must be a string"),
        ({"nodeID": "9", "type": "I", "text": "  "}, "node 9: I node has no text"),
        ({"nodeID": "9", "type": "I"}, "node 9: I node has no text"),
        ({"nodeID": 1, "type": "I", "text": "again"}, "node 1: node id '1' is used twice"),
        ("not an object", "nodes[4]: node without a 'nodeID'"),
    ],
)
def test_a_node_with_a_problem_is_told_and_left_out(defect: Any, told: str) -> None:
    raws = [*SOUND_NODES, defect]
    assert not all_hold(NODE_RULES, node_columns(raws))
    nodes, problems = _at_once(raws, SOUND_EDGES)
    assert len(problems) == 1
    assert problems[0].startswith(told)
    assert list(nodes) == ["1", "2", "3", "4"]


@pytest.mark.parametrize(
    ("edges", "told"),
    [
        ([*SOUND_EDGES, {"edgeID": "e1", "fromID": "3", "toID": "4"}], "edge e1: edge id 'e1'"),
        ([*SOUND_EDGES, {"edgeID": "e9", "fromID": "1", "toID": "99"}], "edge e9: edge from"),
        ([*SOUND_EDGES, "not an object"], "edge 2: an edge must be an object"),
    ],
)
def test_an_edge_with_a_problem_is_told_and_not_linked(edges: list[Any], told: str) -> None:
    assert not all_hold(
        EDGE_RULES, edge_columns(edges, {n: Node(n, "I", "x", [], []) for n in "1234"})
    )
    nodes, problems = _at_once(SOUND_NODES, edges)
    assert len(problems) == 1
    assert problems[0].startswith(told)
    assert nodes["3"].into == ["2"]
    assert nodes["4"].into == []


def test_edges_without_ids_are_read_one_by_one_and_linked() -> None:
    edges = [{"fromID": "1", "toID": "2"}, {"fromID": 2, "toID": "3"}]
    assert not all_hold(EDGE_RULES, edge_columns(edges, {}))  # ids are indexes: told apart
    nodes, problems = _at_once(SOUND_NODES, edges)
    assert problems == []
    assert nodes["2"].out == ["3"]


_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(0, 3),
    st.sampled_from(["1", "2", "I", "RA", "XX", " ", "", "Compute matters."]),
    st.lists(st.just("I"), max_size=1),
)
_NODE = st.one_of(
    st.fixed_dictionaries({}, optional={"nodeID": _VALUES, "type": _VALUES, "text": _VALUES}),
    _VALUES,
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_NODE, max_size=6))
def test_node_rules_hold_for_a_column_exactly_when_for_each_node(raws: list[Any]) -> None:
    columns = node_columns(raws)
    for rule in NODE_RULES:
        each = [rule.holds(_one_node(columns, i), set(columns.names[:i])) for i in range(len(raws))]
        assert rule.holds(columns, ()) == all(each)


def _one_node(columns: NodeColumns, i: int) -> NodeColumns:
    c = columns
    return NodeColumns([c.ids[i]], [c.types[i]], [c.texts[i]], [c.names[i]], i)


_EDGE = st.one_of(
    st.fixed_dictionaries({}, optional={"edgeID": _VALUES, "fromID": _VALUES, "toID": _VALUES}),
    _VALUES,
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_EDGE, max_size=6))
def test_edge_rules_hold_for_a_column_only_when_for_each_edge(edges: list[Any]) -> None:
    """The converse may fail: edges without ids are told apart one by one."""
    columns = edge_columns(edges, {n: Node(n, "I", "x", [], []) for n in ("1", "2", "None")})
    for rule in EDGE_RULES:
        each = [rule.holds(_one_edge(columns, i), set(columns.ids[:i])) for i in range(len(edges))]
        assert not rule.holds(columns, ()) or all(each)


def _one_edge(columns: EdgeColumns, i: int) -> EdgeColumns:
    c = columns
    return EdgeColumns(
        [c.raws[i]], [c.ids[i]], [c.named[i]], [c.starts[i]], [c.ends[i]], c.nodes, i
    )
