"""AIF's structure read from JSON: nodes, edges and persons, with every problem located.

Each rule a node or an edge keeps is written once, as a test over columns of values
(``nodeID``s, types, texts ...). A file is read at once when every rule holds for all
its nodes and edges (the common case: a few set operations); otherwise each node and
edge is tested on its own with the same rules, to say which one breaks which rule and
where. :mod:`arggraph.io.aif` turns the structure into claims and relations.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import attrgetter, eq, itemgetter
from typing import Any, NamedTuple

from arggraph.errors import FormatError, InvalidGraphError, Problem
from arggraph.io.formats import Located, Origin
from arggraph.io.parsing import parse_json

NODE_TYPES = ("I", "L", "RA", "CA", "MA", "PA", "TA", "YA")
"""AIF node types arggraph reads; ``PA`` (preference) and ``TA`` are read but not kept."""

_NODE_ID = re.compile(r'"nodeID"\s*:\s*"?(?P<id>[^",}\s]+)')
_ID_TYPES = frozenset({str, int, bool})
"""JSON values a ``nodeID`` may be (``isinstance(value, str | int)``; a bool is an int)."""
_STRINGS = frozenset({str})
_NODE_TYPES = frozenset(NODE_TYPES)
_OBJECTS = frozenset({dict})
_NODE_FIELDS = itemgetter("nodeID", "type", "text")
_EDGE_FIELDS = itemgetter("edgeID", "fromID", "toID")
_OUT = attrgetter("out")
_INTO = attrgetter("into")


class Node(NamedTuple):
    """One AIF node, with the ids of its neighbours (lists filled as edges are read)."""

    id: str
    type: str
    text: str
    into: list[str]
    out: list[str]


def _nodes(names: Sequence[str], types: Sequence[Any], texts: Sequence[Any]) -> list[Node]:
    """Nodes made in bulk (``tuple.__new__`` through ``map``: no Python call per node)."""
    size = len(names)
    into: Iterator[list[str]] = map(list, repeat((), size))
    out: Iterator[list[str]] = map(list, repeat((), size))
    fields = zip(names, types, texts, into, out, strict=False)  # the maps run as long as names
    return list(map(tuple.__new__, repeat(Node), fields))


class NodeLines:
    """Where each node of an AIF file is: its line, found on the first question.

    Lines are only needed to place a problem; scanning every file for them took a
    tenth of an import. The file's text is kept until the import ends instead.
    """

    __slots__ = ("_lines", "raw_text", "source")

    def __init__(self, source: str, raw_text: str) -> None:
        self.source, self.raw_text = source, raw_text
        self._lines: dict[str, int] | None = None

    def line(self, node_id: str) -> int | None:
        """The line of the node's first ``nodeID`` in the file, for messages."""
        if self._lines is None:
            self._lines = {}
            line, last = 1, 0
            for match in _NODE_ID.finditer(self.raw_text):
                line += self.raw_text.count("\n", last, match.start())
                last = match.start()
                self._lines.setdefault(match["id"], line)
        return self._lines.get(node_id)


class NodeOrigin(NamedTuple):
    """Where an item made from a node came from (a :class:`Located`); line found when asked.

    A tuple, so that a file's origins are made in bulk (:func:`node_origins`).
    """

    lines: NodeLines
    node_id: str

    @property
    def file(self) -> str:
        """The file's name, as messages give it."""
        return self.lines.source

    @property
    def line(self) -> int | None:
        """The line of the node in the file."""
        return self.lines.line(self.node_id)

    @property
    def element(self) -> str:
        """``node <nodeID>``."""
        return f"node {self.node_id}"


def node_origins(lines: NodeLines, node_ids: Iterable[str]) -> list[Located]:
    """The origin of each item made from the nodes ``node_ids`` (no Python call per item)."""
    return list(map(tuple.__new__, repeat(NodeOrigin), zip(repeat(lines), node_ids)))


@dataclass
class Aif:
    """A parsed AIF file: nodes by id (file order), persons, and where to find lines."""

    nodes: dict[str, Node]
    person_of: dict[str, str]
    names: dict[str, str]
    source: str
    raw_text: str
    lines: NodeLines = field(init=False)

    def __post_init__(self) -> None:
        self.lines = NodeLines(self.source, self.raw_text)

    def origin(self, node_id: str) -> NodeOrigin:
        """Where the item made from node ``node_id`` came from."""
        return NodeOrigin(self.lines, node_id)


def located(
    message: str, origin: Located, *, code: str = "malformed-input", hint: str | None = None
) -> Problem:
    """A problem at ``origin``, its message led by the element (``node 12: ...``)."""
    return Problem(
        f"{origin.element}: {message}" if origin.element else message,
        code=code,
        file=origin.file,
        line=origin.line,
        id=origin.element,
        hint=hint,
    )


# --- nodes --------------------------------------------------------------------------------


class NodeColumns(NamedTuple):
    """Nodes' values side by side: all of a file's, or one node's (``first`` its index)."""

    ids: Sequence[Any]
    types: Sequence[Any]
    texts: Sequence[Any]
    names: Sequence[str]
    first: int = 0


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule of AIF: ``holds`` tests columns of values at once (``seen``: the ids read
    before them); ``problem`` says, located, how the one item in ``columns`` breaks it."""

    holds: Callable[[Any, Collection[str]], bool]
    problem: Callable[[Any, Aif], Problem]


def _no_id(nodes: NodeColumns, aif: Aif) -> Problem:
    where = Origin(aif.source, None, f"nodes[{nodes.first}]")
    return located("node without a 'nodeID'", where, hint="give every node an id")


def _unknown_type(nodes: NodeColumns, aif: Aif) -> Problem:
    return located(
        f"unknown node type {json.dumps(nodes.types[0])}",
        aif.origin(nodes.names[0]),
        hint=f"AIF node types are {', '.join(NODE_TYPES)}",
    )


def _text_not_string(nodes: NodeColumns, aif: Aif) -> Problem:
    return located("'text' must be a string", aif.origin(nodes.names[0]))


def _empty_statement(nodes: NodeColumns, aif: Aif) -> Problem:
    return located(
        "I node has no text: a proposition must say something",
        aif.origin(nodes.names[0]),
        code="empty-statement",
        hint="give the node its proposition, or remove it and its edges",
    )


def _node_id_twice(nodes: NodeColumns, aif: Aif) -> Problem:
    return located(
        f"node id '{nodes.names[0]}' is used twice",
        aif.origin(nodes.names[0]),
        code="duplicate-id",
        hint="every nodeID must be unique in a file",
    )


def _only(allowed: frozenset[Any], values: Iterable[Any]) -> bool:
    """True when every value is one of ``allowed`` (the values hashable)."""
    return set(values) <= allowed


def _ids_unique(names: Sequence[str], seen: Collection[str]) -> bool:
    return len(set(names)) == len(names) and (not seen or not any(map(seen.__contains__, names)))


NODE_RULES: tuple[Rule, ...] = (
    Rule(lambda n, _: _only(_ID_TYPES, map(type, n.ids)), _no_id),
    Rule(
        lambda n, _: _only(_STRINGS, map(type, n.types)) and _only(_NODE_TYPES, n.types),
        _unknown_type,
    ),
    Rule(lambda n, _: _only(_STRINGS, map(type, n.texts)), _text_not_string),
    Rule(
        lambda n, _: all(map(str.strip, compress(n.texts, map(eq, n.types, repeat("I"))))),
        _empty_statement,
    ),
    Rule(lambda n, seen: _ids_unique(n.names, seen), _node_id_twice),
)
"""What makes a node, in the order a node's problem is told (one problem per node)."""


def read_nodes(
    raws: list[Any], aif: Aif, problems: list[Problem], columns: NodeColumns | None = None
) -> None:
    """Every node that keeps :data:`NODE_RULES` into ``aif.nodes``; one problem per other node
    (``columns``: the nodes' :func:`node_columns`, when read already)."""
    columns = node_columns(raws) if columns is None else columns
    if all_hold(NODE_RULES, columns):
        names, types, texts = columns.names, columns.types, columns.texts
        aif.nodes = dict(zip(names, _nodes(names, types, texts), strict=True))
    else:
        nodes_one_by_one(columns, aif, problems)


def node_columns(raws: list[Any]) -> NodeColumns:
    """The ``nodeID``, type and text of every node (``None`` where a node has none)."""
    try:  # every node an object with all three (most files): one pass over them
        ids, types, texts = _columns(map(_NODE_FIELDS, raws), 3)
    except (KeyError, TypeError):
        objects = raws if set(map(type, raws)) <= _OBJECTS else [_object(r) for r in raws]
        ids = list(map(dict.get, objects, repeat("nodeID")))
        types = list(map(dict.get, objects, repeat("type")))
        texts = list(map(dict.get, objects, repeat("text"), repeat("")))
    return NodeColumns(ids, types, texts, _strings(ids))


def _columns(rows: Iterable[tuple[Any, ...]], width: int) -> list[Sequence[Any]]:
    """Rows of ``width`` values as that many columns."""
    columns: list[Sequence[Any]] = list(zip(*rows, strict=True))
    return columns or [()] * width


def _strings(values: Sequence[Any]) -> Sequence[str]:
    """Each value as a string (``values`` itself when all are: most ids)."""
    return values if set(map(type, values)) <= _STRINGS else list(map(str, values))


def all_hold(rules: Sequence[Rule], columns: Any) -> bool:
    """True when every item of ``columns`` keeps every rule (tested column by column)."""
    return all(rule.holds(columns, ()) for rule in rules)


def _first_broken(rules: Sequence[Rule], one: Any, seen: Collection[str]) -> Rule | None:
    return next((rule for rule in rules if not rule.holds(one, seen)), None)


def nodes_one_by_one(columns: NodeColumns, aif: Aif, problems: list[Problem]) -> None:
    """Each node tested on its own: kept, or the first rule it breaks told (and left out)."""
    each = zip(columns.ids, columns.types, columns.texts, columns.names, strict=True)
    for index, (node_id, node_type, text, name) in enumerate(each):
        one = NodeColumns([node_id], [node_type], [text], [name], index)
        broken = _first_broken(NODE_RULES, one, aif.nodes)
        if broken is not None:
            problems.append(broken.problem(one, aif))
        else:
            aif.nodes[name] = Node(name, node_type, text, [], [])


def _object(raw: Any) -> dict[str, Any]:
    """``raw`` if it is a JSON object, else an empty one (which has no ``nodeID``)."""
    return raw if isinstance(raw, dict) else {}


# --- edges --------------------------------------------------------------------------------


class EdgeColumns(NamedTuple):
    """Edges' values side by side: all of a file's, or one edge's (``first`` its index)."""

    raws: Sequence[Any]
    ids: Sequence[str]
    named: Sequence[bool]
    starts: Sequence[str]
    ends: Sequence[str]
    nodes: Collection[str]
    first: int = 0


def _edge_origin(edges: EdgeColumns, aif: Aif) -> Origin:
    # Only for a problem: finding the line scans the file, once per edge would be quadratic.
    edge_id = edges.ids[0]
    match = re.search(r'"edgeID"\s*:\s*"?' + re.escape(edge_id) + r'"?\s*[,}]', aif.raw_text)
    line = aif.raw_text.count("\n", 0, match.start()) + 1 if match else None
    return Origin(aif.source, line, f"edge {edge_id}")


def _edge_not_object(edges: EdgeColumns, aif: Aif) -> Problem:
    return located("an edge must be an object", _edge_origin(edges, aif))


def _edge_id_twice(edges: EdgeColumns, aif: Aif) -> Problem:
    return located(
        f"edge id '{edges.ids[0]}' is used twice", _edge_origin(edges, aif), code="duplicate-id"
    )


def _dangling(edges: EdgeColumns, aif: Aif) -> Problem:
    start, end = edges.starts[0], edges.ends[0]
    missing = [e for e in (start, end) if e not in edges.nodes]
    return located(
        f"edge from '{start}' to '{end}' names node "
        f"{' and '.join(repr(m) for m in missing)}, which does not exist",
        _edge_origin(edges, aif),
        code="unknown-id",
        hint="add the node or remove the edge; a dangling edge is never skipped",
    )


def _edge_ids_unique(edges: EdgeColumns, seen: Collection[str]) -> bool:
    """No ``edgeID`` given repeats an id before it. A file with an edge without one
    fails this guard of the bulk path, and its edges are told one by one (where an
    edge without an id takes none)."""
    if all(edges.named):
        return _ids_unique(edges.ids, seen)
    return len(edges.ids) == 1  # unnamed edges among many: told edge by edge


EDGE_RULES: tuple[Rule, ...] = (
    Rule(lambda e, _: _only(_OBJECTS, map(type, e.raws)), _edge_not_object),
    Rule(_edge_ids_unique, _edge_id_twice),
    Rule(lambda e, _: e.nodes >= {*e.starts, *e.ends}, _dangling),
)
"""What makes an edge, in the order an edge's problem is told (one problem per edge)."""


def read_edges(edges: Any, aif: Aif, problems: list[Problem]) -> None:
    """Link the nodes of every edge that keeps :data:`EDGE_RULES`; one problem per other edge."""
    if not isinstance(edges, list):
        problems.append(located("'edges' must be a list", Origin(aif.source, 1)))
        return
    columns = edge_columns(edges, aif.nodes)
    if all_hold(EDGE_RULES, columns):
        _link(aif.nodes, columns.starts, columns.ends)
    else:
        edges_one_by_one(columns, aif, problems)


def edge_columns(edges: list[Any], nodes: Mapping[str, Any]) -> EdgeColumns:
    """Each edge's id (its index when it has none), whether it names one, and its ends."""
    try:  # every edge an object with all three (most files): one pass over them
        ids, starts, ends = _columns(map(_EDGE_FIELDS, edges), 3)
        named: Sequence[bool] = [True] * len(edges)
    except (KeyError, TypeError):
        objects = edges if set(map(type, edges)) <= _OBJECTS else [_object(e) for e in edges]
        ids = list(map(dict.get, objects, repeat("edgeID"), range(len(edges))))
        named = list(map(dict.__contains__, objects, repeat("edgeID")))
        starts = list(map(dict.get, objects, repeat("fromID")))
        ends = list(map(dict.get, objects, repeat("toID")))
    return EdgeColumns(edges, _strings(ids), named, _strings(starts), _strings(ends), nodes.keys())


def edges_one_by_one(columns: EdgeColumns, aif: Aif, problems: list[Problem]) -> None:
    """Each edge tested on its own: linked, or the first rule it breaks told."""
    seen: set[str] = set()
    c = columns
    each = zip(c.raws, c.ids, c.named, c.starts, c.ends, strict=True)
    for index, (raw, edge_id, has_id, start, end) in enumerate(each):
        one = EdgeColumns([raw], [edge_id], [has_id], [start], [end], c.nodes, index)
        broken = _first_broken(EDGE_RULES, one, seen)
        if broken is None:
            _link(aif.nodes, one.starts, one.ends)
        else:
            problems.append(broken.problem(one, aif))
        if has_id and (broken is None or broken is EDGE_RULES[-1]):
            seen.add(edge_id)  # an edge between missing nodes still takes its id


def _link(nodes: dict[str, Node], starts: Sequence[str], ends: Sequence[str]) -> None:
    """Each edge's end into its start's ``out`` and its start into its end's ``into``
    (with ``map``: a file has thousands of edges)."""
    node = nodes.__getitem__
    deque(map(list.append, map(_OUT, map(node, starts)), ends), maxlen=0)
    deque(map(list.append, map(_INTO, map(node, ends)), starts), maxlen=0)


# --- persons ------------------------------------------------------------------------------


def persons(body: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """Who speaks each locution (``locutions``) and the persons' names (``participants``)."""
    person_of: dict[str, str] = {}
    names: dict[str, str] = {}
    for entry in body.get("locutions") or []:
        if isinstance(entry, dict) and None not in (entry.get("nodeID"), entry.get("personID")):
            person_of[str(entry["nodeID"])] = str(entry["personID"])
    for entry in body.get("participants") or []:
        if isinstance(entry, dict) and entry.get("participantID") is not None:
            full = f"{entry.get('firstname') or ''} {entry.get('surname') or ''}".strip()
            if full:
                names[str(entry["participantID"])] = full
    return person_of, names


def parse_body(text: str, source: str) -> dict[str, Any]:
    """The AIF object of ``text``: the file itself, or xAIF's ``"AIF"``; it has a node list."""
    try:
        data = parse_json(text, source=source)
    except InvalidGraphError as exc:
        raise FormatError(exc.problems) from None
    body = data.get("AIF", data) if isinstance(data, dict) else data
    if not isinstance(body, dict) or not isinstance(body.get("nodes"), list):
        raise FormatError(
            [
                Problem(
                    "not AIF: expected an object with a 'nodes' list",
                    code="malformed-input",
                    file=source,
                    line=1,
                    hint="AIF JSON has 'nodes', 'edges' and optionally 'locutions'",
                )
            ]
        )
    return body


def read_structure(
    text: str, source: str, body: dict[str, Any] | None = None, nodes: NodeColumns | None = None
) -> Aif:
    """Nodes, edges and persons of AIF (``nodes``/``edges``) or xAIF (``{"AIF": ...}``);
    ``body`` (:func:`parse_body`) and its ``nodes`` columns when read already."""
    body = parse_body(text, source) if body is None else body
    aif = Aif({}, *persons(body), source, text)
    problems: list[Problem] = []
    read_nodes(body["nodes"], aif, problems, nodes)
    read_edges(body.get("edges", []), aif, problems)
    if problems:
        raise FormatError(problems)
    return aif
