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

A file of the plain shape (each claim asserted by at most one locution, each RA/CA node
one premise and one conclusion claim: what :func:`aif_data` writes) is made column by
column (:mod:`arggraph.io.aif_plain`); any other file node by node (``_Builder``), with
the same result.

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
from pathlib import Path
from typing import Any

from arggraph.collector import collector_paused
from arggraph.io import aif_items as item
from arggraph.io.aif_graph import graph_of
from arggraph.io.aif_plain import plain_data
from arggraph.io.aif_structure import (
    Aif,
    Node,
    NodeLines,
    node_columns,
    parse_body,
    read_structure,
)
from arggraph.io.atomic import write_text_atomic
from arggraph.io.formats import (
    ImportedData,
    ImportLog,
    Progress,
    expand_paths,
    read_each,
    read_import_text,
    safe_id,
)
from arggraph.model import ArgumentGraph

_SCHEMES = ("RA", "CA", "MA")


# --- parsing ---------------------------------------------------------------------------


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
    doc_id = safe_id(name or Path(source).stem, fallback="aif")
    body = parse_body(text, source)
    nodes = node_columns(body["nodes"])
    plain = plain_data(body, nodes, NodeLines(source, text), prefix, doc_id)
    if plain is not None:  # most files: made column by column
        return plain
    return _Builder(read_structure(text, source, body, nodes), prefix, doc_id).build()


# --- building ---------------------------------------------------------------------------


class _Builder(item.FileItems):
    """Turns a parsed AIF graph into arggraph data, a whole file at a time.

    Items are made with every field of their model, in the model's order, so that
    :func:`arggraph.io.aif_graph.graph_of` can wrap them without validating again.
    Claims are made in one pass over the I nodes, and a scheme node with one premise
    and one conclusion (most) makes its relation inline; other shapes take the general
    walk (:meth:`_relations_from`), in the same order.
    """

    def __init__(self, aif: Aif, prefix: str, doc_id: str) -> None:
        self.aif = aif
        self.prefix = prefix
        values = list(aif.nodes.values())
        self.statements = [n for n in values if n.type == "I"]
        self.locutions = [n for n in values if n.type == "L"]
        self.schemes = [n for n in values if n.type in _SCHEMES]
        super().__init__(doc_id, [n.text for n in self.locutions], aif.person_of, aif.names)
        self.claim_notes: dict[str, list[str]] = defaultdict(list)
        self.relations: dict[str, dict[str, Any]] = {}
        self.relation_node: dict[str, str] = {}
        """The scheme node each relation (by key) was made from."""
        self.relations_of: dict[str, list[str]] = {}
        self.pairs: dict[tuple[str, str], str] = {}
        statements = [n.id for n in self.statements]
        claim_ids = [prefix + i for i in item.safe_ids(statements)]
        self.claim_ids = dict(zip(statements, claim_ids, strict=True))
        """The claim id of each I node."""
        schemes = [n.id for n in self.schemes]
        self.scheme_keys = dict(zip(schemes, item.safe_ids(schemes), strict=True))
        """The safe id of each scheme node: its relation's id (after the prefix)."""
        self.said: dict[str, item.Said] = {}
        """What each locution anchored so far says (read when first anchored: in AIFdb
        files most locutions are dialogue, anchored to no claim)."""

    def build(self) -> ImportedData:
        attributions = self._claim_attributions()
        for node, found in zip(self.statements, attributions, strict=True):
            if not found:
                found.append(self.unanchored(node.id, node.text))
        self._relations()
        return self._data(attributions)

    def _said(self, locution: Node) -> item.Said:
        """What ``locution`` says, read once."""
        said = self.said.get(locution.id)
        if said is None:
            person_of, names = self.person_of, self.names
            said = item.said_of([locution.id], [locution.text], person_of, names)[locution.id]
            self.said[locution.id] = said
        return said

    def _speaker(self, locution: Node) -> str:
        """The speaker of a locution, added the first time it is named."""
        said = self._said(locution)
        if said.speaker not in self.speakers:  # most locutions: a speaker seen before
            self.speakers[said.speaker] = (item.speaker_entry(said.speaker, said.name), locution.id)
        return said.speaker

    def _anchors(self, node: Node) -> Iterable[tuple[Node, Node]]:
        """The L nodes anchored to ``node`` through a YA node, with that YA, in file order."""
        nodes = self.aif.nodes
        for ya in node.into:
            if nodes[ya].type == "YA":
                for source in nodes[ya].into:
                    if nodes[source].type == "L":
                        yield nodes[source], nodes[ya]

    def _claim_attributions(self) -> list[list[dict[str, Any]]]:
        """Each I node's attributions: one per locution anchored to it, in file order."""
        nodes, doc_id = self.aif.nodes, self.doc_id
        every: list[list[dict[str, Any]]] = []
        for node in self.statements:
            found: list[dict[str, Any]] = []
            for ya_id in node.into:
                ya = nodes[ya_id]
                if ya.type != "YA":
                    continue  # a conclusion's scheme node: most edges into a claim
                for source in ya.into:
                    if nodes[source].type != "L" or not nodes[source].text.strip():
                        continue  # an empty locution quotes nothing; the I node's text stands in
                    # A question put is not a view held: asked.
                    quote = self._said(nodes[source]).quote
                    attribution = item.attribution(
                        self._speaker(nodes[source]), doc_id, quote, item.asks(ya.text)
                    )
                    if attribution not in found:
                        found.append(attribution)
            every.append(found)
        return every

    def _relations(self) -> None:
        """Every scheme node's relations, in file order (an undercut's target first)."""
        claim_of, keys, prefix = self.claim_ids.get, self.scheme_keys, self.prefix
        relations, relation_node, pairs = self.relations, self.relation_node, self.pairs
        relations_of = self.relations_of
        for node in self.schemes:
            if node.id in relations_of:
                continue  # made already: an undercut before it attacks it
            into, out = node.into, node.out
            if len(into) == 1 and len(out) == 1 and node.type != "MA":
                source, target = claim_of(into[0]), claim_of(out[0])
                if source is None or target is None or source == target:
                    self._relations_from(node, ())  # an end not a claim, or a claim to itself
                    continue
                pair = (source, target)
                if pair not in pairs:  # one premise claim, one conclusion claim: most
                    # An id arggraph's export made of "source->target" keeps no id.
                    implicit = "->" in node.id and node.id == f"{into[0]}->{out[0]}"
                    relation_id = None if implicit and not prefix else prefix + keys[node.id]
                    key = relation_id or f"{source}->{target}"
                    relations[key] = {
                        "id": relation_id,
                        "source": source,
                        "target": target,
                        "kind": "rebuts" if node.type == "CA" else "supports",
                        "attribution": None,
                        "note": None,
                    }
                    relation_node[key] = node.id
                    pairs[pair] = key
                    relations_of[node.id] = [key]
                    continue
            self._relations_from(node, ())

    def _data(self, attributions: list[list[dict[str, Any]]]) -> ImportedData:
        """The file's document, speakers, claims and relations, each with its origin."""
        data = item.file_data(
            self.aif.lines,
            self.doc_id,
            self.text_lines,
            self.speakers,
            (list(self.claim_ids), list(self.claim_ids.values()), self._texts(), attributions),
            (list(self.relations.values()), self.relation_node.values()),
            transcript=bool(self.locutions),
        )
        if self.claim_notes:
            claims = data.sections["claims"]
            index = {node.id: i for i, node in enumerate(self.statements)}
            for node_id, notes in self.claim_notes.items():
                claims[index[node_id]]["note"] = "; ".join(notes)
        return data

    def _texts(self) -> list[str]:
        return [node.text for node in self.statements]

    def _relations_from(self, node: Node, stack: tuple[str, ...]) -> list[str]:
        """Relation ids made from scheme ``node``: one per premise and target (memoised;
        undercut chains recursed)."""
        made = self.relations_of.get(node.id)
        if made is not None:
            return made
        made = self.relations_of[node.id] = []
        nodes = self.aif.nodes
        premises = [p for p in map(nodes.__getitem__, node.into) if p.type == "I"]
        targets = self._targets(node, premises, stack)
        if not premises or not targets:
            self._note_incomplete(node, premises)
            return made
        kind = "rebuts" if node.type == "CA" else "supports"
        # Anchored only through a YA node, which is never a premise: most have none.
        attribution = self._relation_attribution(node) if len(premises) < len(node.into) else None
        numbered = len(premises) * len(targets) > 1
        index = 0
        for premise in premises:
            for target, undercut in targets:
                index += 1
                made_id = self._add_relation(
                    node,
                    item.safe_id_of(f"{node.id}.{index}")
                    if numbered
                    else self.scheme_keys[node.id],
                    premise,
                    target,
                    kind,
                    None if attribution is None else dict(attribution),
                    _relation_note(node, premises, undercut),
                )
                if made_id is not None:
                    made.append(made_id)
        return made

    def _targets(
        self, node: Node, premises: list[Node], stack: tuple[str, ...]
    ) -> list[tuple[str, bool]]:
        """What scheme ``node`` concludes: claims, and for a CA the relations it undercuts
        (``True``); a conclusion arggraph cannot relate to is noted on the premises."""
        nodes = self.aif.nodes
        targets: list[tuple[str, bool]] = []
        for out in node.out:
            end = nodes[out]
            if end.type == "I":
                targets.append((self.claim_ids[end.id], False))
            elif end.type in _SCHEMES and node.type == "CA" and out not in stack:
                targets.extend((r, True) for r in self._relations_from(end, (*stack, node.id)))
            else:
                for premise in premises:
                    self.claim_notes[premise.id].append(
                        f"AIF {node.type} node {node.id} points at a {end.type} node "
                        f"({end.id}), which arggraph cannot relate to; not kept"
                    )
        return targets

    def _note_incomplete(self, node: Node, premises: list[Node]) -> None:
        missing = "premise" if not premises else "conclusion"
        message = f"AIF {node.type} node {node.id} has no {missing}; not kept as a relation"
        for end in premises or [
            self.aif.nodes[o] for o in node.out if self.aif.nodes[o].type == "I"
        ]:
            self.claim_notes[end.id].append(message)

    def _add_relation(
        self,
        node: Node,
        key: str,
        premise: Node,
        target: str,
        kind: str,
        attribution: dict[str, Any] | None,
        note: str | None,
    ) -> str | None:
        """Add the relation ``premise`` -> ``target`` made from ``node`` (``key``: its safe
        id, without the prefix); its id, or ``None`` when it cannot be kept."""
        source = self.claim_ids[premise.id]
        if source == target:
            self.claim_notes[premise.id].append(
                f"AIF {node.type} node {node.id} relates this claim to itself; not kept"
            )
            return None
        existing = self.pairs.get((source, target))
        if existing is not None:
            kept = self.relations[existing]
            same = "also" if kept["kind"] == kind else f"also {kind} (conflicting, not kept):"
            kept["note"] = _join(kept["note"], f"{same} AIF {node.type} node {node.id}")
            return existing
        # An id arggraph's export made of "source->target" (checked as a string only then).
        implicit = "->" in node.id and len(node.out) == 1
        implicit = implicit and node.id == f"{premise.id}->{node.out[0]}"
        relation_id = None if implicit and not self.prefix else self.prefix + key
        key_id = relation_id or f"{source}->{target}"
        self.relations[key_id] = {
            "id": relation_id,
            "source": source,
            "target": target,
            "kind": kind,
            "attribution": attribution,
            "note": note,
        }
        self.relation_node[key_id] = node.id
        self.pairs[(source, target)] = key_id
        return key_id

    def _relation_attribution(self, node: Node) -> dict[str, Any] | None:
        for locution, _ in self._anchors(node):
            quote = self._said(locution).quote
            return item.attribution(self._speaker(locution), self.doc_id, quote)
        return None


def _relation_note(node: Node, premises: list[Node], undercut: bool) -> str | None:
    if not undercut and len(premises) == 1 and node.type != "MA":
        return None  # most relations: nothing to say
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
        return graph_of(imported)


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
        if not key or speaker["id"] == item.UNATTRIBUTED or re.fullmatch(r"person \d+", key):
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
