"""AIF and xAIF JSON (AIFdb, OVA, arguebuf): import and export.

AIF (the Argument Interchange Format, Chesñevar et al. 2006) is a graph of typed
nodes joined by edges. The mapping:

- ``I`` nodes (propositions) are claims; their id is the ``nodeID``.
- ``RA`` (inference) is ``supports`` from each premise to each conclusion; ``CA``
  (conflict) is ``rebuts``; a ``CA`` whose target is an ``RA``/``CA``/``MA`` node
  rebuts the relations made from that node: an undercut. ``MA`` (rephrase) becomes
  ``supports`` with a note, since a restatement supports what it restates.
  A node with several premises or conclusions gives one relation per pair, with ids
  ``<nodeID>.1``, ``<nodeID>.2`` ... and a note naming the linked premises.
- ``L`` nodes (locutions, ``"Speaker : words"``) anchored to an ``I`` node through a
  ``YA`` node give that claim's attribution: the speaker (``locutions`` personID, name
  from ``participants`` or the L text) and the quote (the words after the name); an
  L-YA anchoring an ``RA``/``CA`` gives the relation's attribution. ``TA`` and other
  ``YA`` structure (dialogue) is not kept.
- AIF has no document, so one is made per file: the locutions' texts, one per line,
  then the text of every ``I`` node no locution anchors, so that every quote grounds.
- Defects that arggraph cannot hold (a node without premise or conclusion, a second
  relation between the same claims, an attack on a locution) are not dropped silently:
  they are recorded in the notes of the claims or relations involved.

Malformed JSON, unknown node types, repeated node ids and edges whose ends do not
exist are errors, all reported together with the node id and line.

Example
-------
>>> g = read_aif(["nodeset6064.json"])             # doctest: +SKIP
>>> text = dump_aif(g)                              # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import eq
from pathlib import Path
from typing import Any

from arggraph.collector import collector_paused
from arggraph.errors import FormatError, InvalidGraphError, Problem
from arggraph.io.atomic import write_text_atomic
from arggraph.io.formats import (
    ImportedData,
    ImportLog,
    Located,
    Origin,
    Progress,
    build_imported,
    expand_paths,
    read_each,
    read_import_text,
    safe_id,
    slug,
)
from arggraph.io.parsing import parse_json
from arggraph.model import ArgumentGraph

NODE_TYPES = ("I", "L", "RA", "CA", "MA", "PA", "TA", "YA")
"""AIF node types arggraph reads; ``PA`` (preference) and ``TA`` are read but not kept."""
_NODE_TYPE_SET = frozenset(NODE_TYPES)

_SCHEMES = ("RA", "CA", "MA")
_QUESTIONING = re.compile(r"question", re.IGNORECASE)
"""YA illocutions that ask (Pure, Assertive, Rhetorical Questioning): the speaker holds nothing."""
UNATTRIBUTED = "aif-unattributed"
_NODE_ID = re.compile(r'"nodeID"\s*:\s*"?(?P<id>[^",}\s]+)')
_SPEAKER_PREFIX = re.compile(r"^\s*(?P<name>[^\n]{1,100}?)\s+:\s+(?P<words>.+)$", re.DOTALL)


@dataclass(slots=True)
class _Node:
    """One AIF node, with the ids of its neighbours."""

    id: str
    type: str
    text: str
    raw: dict[str, Any]
    into: list[str] = field(default_factory=list)
    out: list[str] = field(default_factory=list)


class _NodeLines:
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


class _NodeOrigin:
    """Where an item made from a node came from (a :class:`Located`); line found when asked."""

    __slots__ = ("lines", "node_id")

    def __init__(self, lines: _NodeLines, node_id: str) -> None:
        self.lines, self.node_id = lines, node_id

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


@dataclass
class _Aif:
    """A parsed AIF file: nodes by id (file order), persons, and where to find lines."""

    nodes: dict[str, _Node]
    person_of: dict[str, str]
    names: dict[str, str]
    source: str
    raw_text: str
    lines: _NodeLines = field(init=False)

    def __post_init__(self) -> None:
        self.lines = _NodeLines(self.source, self.raw_text)

    def origin(self, node_id: str) -> _NodeOrigin:
        """Where the item made from node ``node_id`` came from."""
        return _NodeOrigin(self.lines, node_id)


# --- parsing ----------------------------------------------------------------------------


def parse_aif(text: str, *, source: str, prefix: str = "", name: str | None = None) -> ImportedData:
    """One AIF or xAIF JSON text as graph data (claims, relations, speakers, a document).

    Parameters
    ----------
    text
        The JSON text; parsed once.
    source
        The file name, for messages and the document's title.
    prefix
        Put before every claim and relation id (for several files in one graph).
    name
        The document's id and title; defaults to ``source``'s stem.

    Raises
    ------
    FormatError
        With every problem in the file at once.
    """
    try:
        data = parse_json(text, source=source)
    except InvalidGraphError as exc:
        raise FormatError(exc.problems) from None
    aif = _read_structure(data, source, text)
    return _Builder(aif, prefix, safe_id(name or Path(source).stem, fallback="aif")).build()


def _read_structure(data: Any, source: str, raw_text: str) -> _Aif:
    """Nodes, edges and persons of AIF (``nodes``/``edges``) or xAIF (``{"AIF": ...}``)."""
    problems: list[Problem] = []
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
    aif = _Aif({}, {}, {}, source, raw_text)
    nodes = _sound_nodes(body["nodes"])
    if nodes is not None:
        aif.nodes = nodes
    else:
        for index, raw in enumerate(body["nodes"]):
            node = _node(raw, index, aif, problems)
            if node is not None:
                aif.nodes[node.id] = node
    edges = body.get("edges", [])
    if problems or not _link_sound_edges(edges, aif.nodes):
        _read_edges(edges, aif, problems)
    _read_persons(body, aif, problems)
    if problems:
        raise FormatError(problems)
    return aif


def _sound_nodes(raws: list[Any]) -> dict[str, _Node] | None:
    """Every node by id when none has a problem (the common case), read with bulk
    operations; ``None`` otherwise, and :func:`_node` reads them one by one to say why."""
    if not raws:
        return {}
    if set(map(type, raws)) != {dict}:
        return None
    ids: list[Any] = list(map(dict.get, raws, repeat("nodeID")))
    types: list[Any] = list(map(dict.get, raws, repeat("type")))
    texts: list[Any] = list(map(dict.get, raws, repeat("text"), repeat("")))
    names = list(map(str, ids))
    sound = (
        set(map(type, ids)) <= {str, int}
        and set(map(type, types)) == {str}
        and set(types) <= _NODE_TYPE_SET
        and set(map(type, texts)) == {str}
        and all(map(str.strip, compress(texts, map(eq, types, repeat("I")))))
        and len(set(names)) == len(names)
    )
    if not sound:
        return None
    return dict(zip(names, map(_Node, names, types, texts, raws), strict=True))


def _link_sound_edges(edges: Any, nodes: dict[str, _Node]) -> bool:
    """Link every edge's nodes when no edge has a problem (each an object with its own
    ``edgeID``, between nodes that exist); else link nothing and return False."""
    if not isinstance(edges, list):
        return False
    if not edges:
        return True
    if set(map(type, edges)) != {dict} or not all(map(dict.__contains__, edges, repeat("edgeID"))):
        return False
    edge_ids = list(map(str, map(dict.get, edges, repeat("edgeID"))))
    starts = list(map(str, map(dict.get, edges, repeat("fromID"))))
    ends = list(map(str, map(dict.get, edges, repeat("toID"))))
    if len(set(edge_ids)) != len(edge_ids) or not nodes.keys() >= {*starts, *ends}:
        return False
    for start, end in zip(starts, ends, strict=True):
        nodes[start].out.append(end)
        nodes[end].into.append(start)
    return True


def _node(raw: Any, index: int, aif: _Aif, problems: list[Problem]) -> _Node | None:
    where = Origin(aif.source, None, f"nodes[{index}]")
    if not isinstance(raw, dict) or not isinstance(raw.get("nodeID"), str | int):
        problems.append(_located("node without a 'nodeID'", where, hint="give every node an id"))
        return None
    node_id = str(raw["nodeID"])
    node_type = raw.get("type")
    text = raw.get("text", "")
    sound = node_type in NODE_TYPES and isinstance(text, str) and node_id not in aif.nodes
    if sound and (node_type != "I" or text.strip()):
        return _Node(node_id, str(node_type), text, raw)  # the common case, checked at once
    origin = aif.origin(node_id)
    if node_type not in NODE_TYPES:
        problems.append(
            _located(
                f"unknown node type {json.dumps(node_type)}",
                origin,
                hint=f"AIF node types are {', '.join(NODE_TYPES)}",
            )
        )
        return None
    if not isinstance(text, str):
        problems.append(_located("'text' must be a string", origin))
        return None
    if node_type == "I" and not text.strip():
        problems.append(
            _located(
                "I node has no text: a proposition must say something",
                origin,
                code="empty-statement",
                hint="give the node its proposition, or remove it and its edges",
            )
        )
        return None
    if node_id in aif.nodes:
        problems.append(
            _located(
                f"node id '{node_id}' is used twice",
                origin,
                code="duplicate-id",
                hint="every nodeID must be unique in a file",
            )
        )
        return None
    return _Node(node_id, node_type, text, raw)


def _read_edges(edges: Any, aif: _Aif, problems: list[Problem]) -> None:
    if not isinstance(edges, list):
        problems.append(_located("'edges' must be a list", Origin(aif.source, 1)))
        return
    seen: set[str] = set()

    def origin(edge_id: str) -> Origin:
        # Only for a problem: finding the line scans the file, once per edge would be quadratic.
        return Origin(aif.source, _edge_line(aif.raw_text, edge_id), f"edge {edge_id}")

    nodes = aif.nodes
    for index, edge in enumerate(edges):
        if not isinstance(edge, dict):
            problems.append(_located("an edge must be an object", origin(str(index))))
            continue
        edge_id = str(edge.get("edgeID", index))
        if edge_id in seen and "edgeID" in edge:
            problems.append(
                _located(f"edge id '{edge_id}' is used twice", origin(edge_id), code="duplicate-id")
            )
            continue
        seen.add(edge_id)
        start, end = str(edge.get("fromID")), str(edge.get("toID"))
        first, second = nodes.get(start), nodes.get(end)
        if first is not None and second is not None:
            first.out.append(end)
            second.into.append(start)
            continue
        missing = [e for e in (start, end) if e not in nodes]
        problems.append(
            _located(
                f"edge from '{start}' to '{end}' names node "
                f"{' and '.join(repr(m) for m in missing)}, which does not exist",
                origin(edge_id),
                code="unknown-id",
                hint="add the node or remove the edge; a dangling edge is never skipped",
            )
        )


def _edge_line(raw_text: str, edge_id: str) -> int | None:
    match = re.search(r'"edgeID"\s*:\s*"?' + re.escape(edge_id) + r'"?\s*[,}]', raw_text)
    return raw_text.count("\n", 0, match.start()) + 1 if match else None


def _read_persons(body: dict[str, Any], aif: _Aif, problems: list[Problem]) -> None:
    for entry in body.get("locutions") or []:
        if isinstance(entry, dict) and None not in (entry.get("nodeID"), entry.get("personID")):
            aif.person_of[str(entry["nodeID"])] = str(entry["personID"])
    for entry in body.get("participants") or []:
        if isinstance(entry, dict) and entry.get("participantID") is not None:
            full = f"{entry.get('firstname') or ''} {entry.get('surname') or ''}".strip()
            if full:
                aif.names[str(entry["participantID"])] = full


def _located(
    message: str, origin: Located, *, code: str = "malformed-input", hint: str | None = None
) -> Problem:
    return Problem(
        f"{origin.element}: {message}" if origin.element else message,
        code=code,
        file=origin.file,
        line=origin.line,
        id=origin.element,
        hint=hint,
    )


# --- building ---------------------------------------------------------------------------


class _Builder:
    """Turns a parsed AIF graph into arggraph data, one section at a time."""

    def __init__(self, aif: _Aif, prefix: str, doc_id: str) -> None:
        self.aif = aif
        self.prefix = prefix
        self.doc_id = doc_id
        self.data = ImportedData()
        self.lines: list[str] = []
        self.offsets: dict[str, int] = {}
        self.claim_notes: dict[str, list[str]] = defaultdict(list)
        self.relations: dict[str, dict[str, Any]] = {}
        self.relation_origin: dict[str, Located] = {}
        self.relations_of: dict[str, list[str]] = {}
        self.pairs: dict[tuple[str, str], str] = {}
        self._claim_ids: dict[str, str] = {}

    def claim_id(self, node_id: str) -> str:
        known = self._claim_ids.get(node_id)
        if known is None:
            known = self._claim_ids[node_id] = self.prefix + _safe_id(node_id)
        return known

    def build(self) -> ImportedData:
        nodes = self.aif.nodes
        locutions = [n for n in nodes.values() if n.type == "L"]
        self.lines = [n.text for n in locutions]
        attributions = {n.id: self._attributions(n) for n in nodes.values() if n.type == "I"}
        for node_id, found in attributions.items():
            if not found:
                found.append(self._unanchored(nodes[node_id]))
        text = "\n".join(self.lines) + ("\n" if self.lines else "")
        self.data.texts[self.doc_id] = text
        self.data.add(
            "documents",
            {
                "id": self.doc_id,
                "title": Path(self.aif.source).name,
                "kind": "transcript" if locutions else "other",
                "text": text,
            },
            Origin(self.aif.source, 1, "document"),
        )
        for node in nodes.values():
            if node.type in _SCHEMES:
                self._relations_from(node, ())
        for node in nodes.values():
            if node.type == "I":
                self._add_claim(node, attributions[node.id])
        for key, relation in self.relations.items():
            self.data.add("relations", relation, self.relation_origin[key])
        return self.data

    def _speaker(self, node: _Node) -> tuple[str, str | None]:
        """The speaker id for a locution (added once) and the words it says."""
        match = _SPEAKER_PREFIX.match(node.text)
        name = match["name"].strip() if match else None
        words = match["words"].strip() if match else node.text.strip()
        person = self.aif.person_of.get(node.id)
        name = self.aif.names.get(person or "", name)
        if person is not None:
            speaker_id = f"person-{person}" if person.isdigit() else safe_id(person)
        elif name:
            speaker_id = slug(name, fallback="speaker")
        else:
            speaker_id = UNATTRIBUTED
        if not self.data.has("speakers", speaker_id):  # most locutions: a speaker seen before
            display = name or (f"Person {person}" if person else "Unattributed")
            self.data.add("speakers", {"id": speaker_id, "name": display}, self.aif.origin(node.id))
        return speaker_id, words or None

    def _anchors(self, node: _Node) -> Iterable[tuple[_Node, _Node]]:
        """The L nodes anchored to ``node`` through a YA node, with that YA, in file order."""
        nodes = self.aif.nodes
        for ya in node.into:
            if nodes[ya].type == "YA":
                for source in nodes[ya].into:
                    if nodes[source].type == "L":
                        yield nodes[source], nodes[ya]

    def _attributions(self, node: _Node) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for locution, illocution in self._anchors(node):
            if not locution.text.strip():
                continue  # an empty locution quotes nothing; the I node's text stands in
            speaker, words = self._speaker(locution)
            attribution: dict[str, Any] = {
                "speaker": speaker,
                "document": self.doc_id,
                "quote": words or locution.text,
            }
            if _QUESTIONING.search(illocution.text):
                attribution["asked"] = True  # a question put, not a view held
            if attribution not in found:
                found.append(attribution)
        return found

    def _unanchored(self, node: _Node) -> dict[str, Any]:
        """An I node no locution asserts: its text joins the document, held by its person."""
        person = self.aif.person_of.get(node.id)
        if person is not None:
            speaker = f"person-{person}" if person.isdigit() else safe_id(person)
            name = self.aif.names.get(person, f"Person {person}")
        else:
            speaker, name = UNATTRIBUTED, "Unattributed"
        entry = {"id": speaker, "name": name}
        if speaker == UNATTRIBUTED:
            entry["kind"] = "group"  # whoever put the proposition forward, unrecorded
        self.data.add_once("speakers", entry, self.aif.origin(node.id))
        quote = node.text.strip() or node.text
        if quote.strip():
            self.lines.append(node.text)
        return {"speaker": speaker, "document": self.doc_id, "quote": quote}

    def _add_claim(self, node: _Node, attributions: list[dict[str, Any]]) -> None:
        claim: dict[str, Any] = {
            "id": self.claim_id(node.id),
            "statement": node.text.strip(),
            "attributions": attributions,
        }
        if self.claim_notes.get(node.id):
            claim["note"] = "; ".join(self.claim_notes[node.id])
        self.data.add("claims", claim, self.aif.origin(node.id))

    def _relations_from(self, node: _Node, stack: tuple[str, ...]) -> list[str]:
        """Relation ids made from scheme ``node`` (memoised; undercut chains recursed)."""
        if node.id in self.relations_of:
            return self.relations_of[node.id]
        self.relations_of[node.id] = []
        nodes = self.aif.nodes
        if len(node.into) == 1 and len(node.out) == 1:  # most: one premise, one conclusion
            premise, end = nodes[node.into[0]], nodes[node.out[0]]
            if premise.type == "I" and end.type == "I":
                made = self._one_relation(node, premise, self.claim_id(end.id))
                self.relations_of[node.id] = made
                return made
        premises = [nodes[i] for i in node.into if nodes[i].type == "I"]
        targets: list[tuple[str, bool]] = []
        for out in node.out:
            end = nodes[out]
            if end.type == "I":
                targets.append((self.claim_id(end.id), False))
            elif end.type in _SCHEMES and node.type == "CA" and out not in stack:
                targets.extend((r, True) for r in self._relations_from(end, (*stack, node.id)))
            else:
                for premise in premises:
                    self.claim_notes[premise.id].append(
                        f"AIF {node.type} node {node.id} points at a {end.type} node "
                        f"({end.id}), which arggraph cannot relate to; not kept"
                    )
        if not premises or not targets:
            self._note_incomplete(node, premises)
            return []
        kind = "rebuts" if node.type == "CA" else "supports"
        pairs = [(p, t) for p in premises for t in targets]
        # Anchored only through a YA node, which is never a premise: most have none.
        attribution = self._relation_attribution(node) if len(premises) < len(node.into) else None
        notes = {u: _relation_note(node, premises, u) for u in {u for _, u in targets}}
        made = []
        for index, (premise, (target, undercut)) in enumerate(pairs, start=1):
            key = node.id if len(pairs) == 1 else f"{node.id}.{index}"
            extra: dict[str, Any] = {}
            if attribution is not None:
                extra["attribution"] = dict(attribution)
            if notes[undercut]:
                extra["note"] = notes[undercut]
            made_id = self._add_relation(node, key, premise, target, kind, extra)
            if made_id is not None:
                made.append(made_id)
        self.relations_of[node.id] = made
        return made

    def _one_relation(self, node: _Node, premise: _Node, target: str) -> list[str]:
        """What the general loop makes of a node with one I premise and one I conclusion."""
        kind = "rebuts" if node.type == "CA" else "supports"
        note = _relation_note(node, [premise], False)
        made_id = self._add_relation(
            node, node.id, premise, target, kind, {"note": note} if note else {}
        )
        return [] if made_id is None else [made_id]

    def _note_incomplete(self, node: _Node, premises: list[_Node]) -> None:
        missing = "premise" if not premises else "conclusion"
        message = f"AIF {node.type} node {node.id} has no {missing}; not kept as a relation"
        for end in premises or [
            self.aif.nodes[o] for o in node.out if self.aif.nodes[o].type == "I"
        ]:
            self.claim_notes[end.id].append(message)

    def _add_relation(
        self,
        node: _Node,
        key: str,
        premise: _Node,
        target: str,
        kind: str,
        extra: dict[str, Any],
    ) -> str | None:
        """Add the relation ``premise`` -> ``target`` (with ``extra`` fields: attribution,
        note) made from ``node``; its id, or ``None`` when it cannot be kept."""
        source = self.claim_id(premise.id)
        if source == target:
            self.claim_notes[premise.id].append(
                f"AIF {node.type} node {node.id} relates this claim to itself; not kept"
            )
            return None
        existing = self.pairs.get((source, target))
        if existing is not None:
            kept = self.relations[existing]
            same = "also" if kept["kind"] == kind else f"also {kind} (conflicting, not kept):"
            kept["note"] = _join(kept.get("note"), f"{same} AIF {node.type} node {node.id}")
            return existing
        implicit = len(node.out) == 1 and node.id == f"{premise.id}->{node.out[0]}"
        relation: dict[str, Any] = {
            "id": None if implicit and not self.prefix else self.prefix + _safe_id(key),
            "source": source,
            "target": target,
            "kind": kind,
            **extra,
        }
        if relation["id"] is None:
            del relation["id"]
        key_id = relation.get("id", f"{source}->{target}")
        self.relations[key_id] = relation
        self.relation_origin[key_id] = self.aif.origin(node.id)
        self.pairs[(source, target)] = key_id
        return str(key_id)

    def _relation_attribution(self, node: _Node) -> dict[str, Any] | None:
        for locution, _ in self._anchors(node):
            speaker, words = self._speaker(locution)
            return {"speaker": speaker, "document": self.doc_id, "quote": words or locution.text}
        return None


_PLAIN_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_.:\-]{0,198}[A-Za-z0-9_.:])?")
"""An id that :func:`safe_id` returns unchanged: most AIF node ids (numbers)."""


def _safe_id(raw: str) -> str:
    """:func:`safe_id`, with one regex test for ids that are already safe, or safe but
    for single ``>`` (relation keys ``a->b``), which :func:`safe_id` makes ``-``."""
    if _PLAIN_ID.fullmatch(raw):
        return raw
    arrows_out = raw.replace(">", "-")
    if ">>" not in raw and _PLAIN_ID.fullmatch(arrows_out):
        return arrows_out
    return safe_id(raw)


def _relation_note(node: _Node, premises: list[_Node], undercut: bool) -> str | None:
    notes = []
    if node.type == "MA":
        notes.append(f"AIF MA (rephrase) node {node.id}: the source restates the target")
    if len(premises) > 1:
        notes.append(
            f"linked premises of AIF {node.type} node {node.id}: "
            + ", ".join(p.id for p in premises)
        )
    if undercut:
        notes.append(f"undercut: AIF CA node {node.id} attacks an inference")
    return "; ".join(notes) or None


def _join(first: str | None, second: str) -> str:
    return f"{first}; {second}" if first else second


def parse_aif_file(path: Path, prefix: str = "") -> ImportedData:
    """Read one AIF file; ids get ``prefix``. Problems raise a located :class:`FormatError`."""
    text, display = read_import_text(path)
    imported = parse_aif(text, source=display, prefix=prefix)
    imported.inputs.append(path)
    return imported


def read_aif(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    log: ImportLog | None = None,
) -> ArgumentGraph:
    """Read AIF/xAIF JSON files (or folders of them) into one checked graph.

    With several files, ids are prefixed by the file's stem (``nodeset6064.29045``),
    and speakers with the same name are one speaker (each merge is a note in ``log``).
    """
    files = expand_paths(paths, (".json",))
    with collector_paused():
        imported = read_each(files, parse_aif_file, progress=progress, log=log)
        for note in merge_speakers_by_name(imported):
            if log is not None:
                log.notes.append(note)
        return build_imported(imported)


def _name_key(name: str) -> str:
    """A person's name for matching: case, accents' spacing and punctuation ignored."""
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())


def merge_speakers_by_name(imported: ImportedData) -> list[str]:
    """Make one speaker of the speakers with the same normalised name; return what merged.

    Nodesets number their persons each on their own, so one moderator can be
    ``person-12`` in one file and ``person-40`` in the next. The first id is kept and
    every attribution of the others is moved to it. Placeholder speakers
    (``aif-unattributed``, ``Person <n>`` for a person with no name) are never merged.
    """
    speakers = imported.sections["speakers"]
    first: dict[str, str] = {}
    into: dict[str, str] = {}
    for speaker in speakers:
        name = str(speaker.get("name", ""))
        key = _name_key(name)
        if not key or speaker["id"] == UNATTRIBUTED or re.fullmatch(r"person \d+", key):
            continue
        if key in first and first[key] != speaker["id"]:
            into[speaker["id"]] = first[key]
        else:
            first.setdefault(key, speaker["id"])
    if not into:
        return []
    kept = [
        (s, o)
        for s, o in zip(speakers, imported.origins["speakers"], strict=True)
        if s["id"] not in into
    ]
    imported.sections["speakers"] = [s for s, _ in kept]
    imported.origins["speakers"] = [o for _, o in kept]
    for claim in imported.sections["claims"]:
        for attribution in claim["attributions"]:
            attribution["speaker"] = into.get(attribution["speaker"], attribution["speaker"])
    for relation in imported.sections["relations"]:
        if relation.get("attribution"):
            speaker = relation["attribution"]["speaker"]
            relation["attribution"]["speaker"] = into.get(speaker, speaker)
    names = {s["id"]: s["name"] for s in speakers}
    merged: dict[str, list[str]] = {}
    for old, new in into.items():
        merged.setdefault(new, []).append(old)
    return [
        f"speakers {', '.join(sorted(olds))} merged into {new} ('{names[new]}'): same name"
        for new, olds in sorted(merged.items())
    ]


# --- export -----------------------------------------------------------------------------


def aif_data(graph: ArgumentGraph) -> dict[str, Any]:
    """The graph as AIF data: I, RA, CA, L and YA nodes, edges, locutions, participants.

    Claim and relation ids become node ids, so importing the result gives them back.
    Each attribution becomes an L node ``"<speaker name> : <quote>"`` anchored by a
    ``YA`` (Asserting) node; undercuts are CA nodes pointing at the attacked RA/CA.
    """
    names = {s.id: s.name for s in graph.speakers}
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []

    def edge(source: str, target: str) -> None:
        edges.append(
            {"edgeID": f"e{len(edges) + 1}", "fromID": source, "toID": target, "formEdgeID": None}
        )

    def locution(owner: str, speaker: str, quote: str, index: int, scheme: str) -> None:
        l_id, ya_id = f"{owner}#L{index}", f"{owner}#YA{index}"
        nodes.append(
            {"nodeID": l_id, "text": f"{names.get(speaker, speaker)} : {quote}", "type": "L"}
        )
        nodes.append({"nodeID": ya_id, "text": scheme, "type": "YA"})
        locutions.append({"nodeID": l_id, "personID": speaker})
        edge(l_id, ya_id)
        edge(ya_id, owner)

    for claim in graph.claims:
        nodes.append({"nodeID": claim.id, "text": claim.statement, "type": "I"})
        for index, att in enumerate(claim.attributions, start=1):
            scheme = "Pure Questioning" if att.asked else "Asserting"
            locution(claim.id, att.speaker, att.quote, index, scheme)
    for rel in graph.relations:
        kind = "RA" if rel.kind == "supports" else "CA"
        text = "Default Inference" if kind == "RA" else "Default Conflict"
        nodes.append({"nodeID": rel.key, "text": text, "type": kind})
        edge(rel.source, rel.key)
        edge(rel.key, rel.target)
        if rel.attribution is not None:
            locution(rel.key, rel.attribution.speaker, rel.attribution.quote, 1, "Arguing")
    participants = [
        {"participantID": s.id, "firstname": s.name, "surname": ""} for s in graph.speakers
    ]
    return {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants}


def dump_aif(graph: ArgumentGraph) -> str:
    """The graph as AIF JSON text (two-space indent, UTF-8, final newline)."""
    return json.dumps(aif_data(graph), ensure_ascii=False, indent=2) + "\n"


def write_aif(graph: ArgumentGraph, path: str | os.PathLike[str]) -> Path:
    """Write :func:`dump_aif` output to ``path`` atomically."""
    return write_text_atomic(Path(path), dump_aif(graph), inputs=graph.input_paths)
