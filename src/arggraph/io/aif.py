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
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from arggraph.collector import collector_paused
from arggraph.io.aif_graph import graph_of
from arggraph.io.aif_structure import Aif, Node, node_origins, read_structure
from arggraph.io.atomic import write_text_atomic
from arggraph.io.formats import (
    ImportedData,
    ImportLog,
    Origin,
    Progress,
    expand_paths,
    read_each,
    read_import_text,
    safe_id,
    slug,
)
from arggraph.model import ArgumentGraph

_SCHEMES = ("RA", "CA", "MA")
_QUESTIONING = re.compile(r"question", re.IGNORECASE)
"""YA illocutions that ask (Pure, Assertive, Rhetorical Questioning): the speaker holds nothing."""
UNATTRIBUTED = "aif-unattributed"
_SPEAKER_PREFIX = re.compile(r"^\s*(?P<name>[^\n]{1,100}?)\s+:\s+(?P<words>.+)$", re.DOTALL)
_ID = itemgetter("id")


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
    aif = read_structure(text, source)
    return _Builder(aif, prefix, safe_id(name or Path(source).stem, fallback="aif")).build()


# --- building ---------------------------------------------------------------------------


class _Said(NamedTuple):
    """What a locution says: its speaker's id and name as shown, and the words quoted."""

    speaker: str
    name: str
    quote: str


class _Builder:
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
        self.doc_id = doc_id
        values = list(aif.nodes.values())
        self.statements = [n for n in values if n.type == "I"]
        self.locutions = [n for n in values if n.type == "L"]
        self.schemes = [n for n in values if n.type in _SCHEMES]
        self.lines = [n.text for n in self.locutions]
        self.claim_notes: dict[str, list[str]] = defaultdict(list)
        self.relations: dict[str, dict[str, Any]] = {}
        self.relation_node: dict[str, str] = {}
        """The scheme node each relation (by key) was made from."""
        self.relations_of: dict[str, list[str]] = {}
        self.pairs: dict[tuple[str, str], str] = {}
        self.speakers: dict[str, tuple[dict[str, Any], str]] = {}
        """Each speaker's entry and the node that first named it, in that order."""
        statements = [n.id for n in self.statements]
        claim_ids = [prefix + i for i in _safe_ids(statements)]
        self.claim_ids = dict(zip(statements, claim_ids, strict=True))
        """The claim id of each I node."""
        schemes = [n.id for n in self.schemes]
        self.scheme_keys = dict(zip(schemes, _safe_ids(schemes), strict=True))
        """The safe id of each scheme node: its relation's id (after the prefix)."""
        self.said = self._said()

    def build(self) -> ImportedData:
        attributions = self._claim_attributions()
        for node, found in zip(self.statements, attributions, strict=True):
            if not found:
                found.append(self._unanchored(node))
        self._relations()
        return self._data(attributions)

    def _said(self) -> dict[str, _Said]:
        """What each locution says (``"Speaker : words"``; its person named in
        ``locutions`` and ``participants`` before the name in its text)."""
        person_of, names = self.aif.person_of, self.aif.names
        said: dict[str, _Said] = {}
        for node in self.locutions:
            match = _SPEAKER_PREFIX.match(node.text)
            name = match["name"].strip() if match else None
            words = match["words"].strip() if match else node.text.strip()
            person = person_of.get(node.id)
            name = names.get(person or "", name)
            if person is not None:
                speaker_id = _person_speaker(person)
            elif name:
                speaker_id = _name_speaker(name)
            else:
                speaker_id = UNATTRIBUTED
            display = name or (f"Person {person}" if person else "Unattributed")
            said[node.id] = _Said(speaker_id, display, words or node.text)
        return said

    def _speaker(self, locution: Node) -> str:
        """The speaker of a locution, added the first time it is named."""
        said = self.said[locution.id]
        if said.speaker not in self.speakers:  # most locutions: a speaker seen before
            self.speakers[said.speaker] = (_speaker(said.speaker, said.name), locution.id)
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
        nodes, said, doc_id = self.aif.nodes, self.said, self.doc_id
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
                    quote = said[source].quote
                    attribution = _attribution(
                        self._speaker(nodes[source]), doc_id, quote, _asks(ya.text)
                    )
                    if attribution not in found:
                        found.append(attribution)
            every.append(found)
        return every

    def _unanchored(self, node: Node) -> dict[str, Any]:
        """An I node no locution asserts: its text joins the document, held by its person."""
        person = self.aif.person_of.get(node.id)
        if person is not None:
            speaker = _person_speaker(person)
            name = self.aif.names.get(person, f"Person {person}")
        else:
            speaker, name = UNATTRIBUTED, "Unattributed"
        if speaker not in self.speakers:
            # Whoever put an unattributed proposition forward is unrecorded: a group.
            kind = "group" if speaker == UNATTRIBUTED else "person"
            self.speakers[speaker] = (_speaker(speaker, name, kind), node.id)
        quote = node.text.strip() or node.text
        if quote.strip():
            self.lines.append(node.text)
        return _attribution(speaker, self.doc_id, quote)

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
        text = "\n".join(self.lines) + ("\n" if self.lines else "")
        lines = self.aif.lines
        document: dict[str, Any] = {
            "id": self.doc_id,
            "title": Path(self.aif.source).name,
            "authors": [],
            "date": None,
            "kind": "transcript" if self.locutions else "other",
            "path": None,
            "text": text,
            "url": None,
        }
        speakers = [entry for entry, _ in self.speakers.values()]
        claim_ids = list(self.claim_ids.values())
        claims: list[dict[str, Any]] = [
            {
                "id": claim_id,
                "statement": node.text.strip(),
                "topics": [],
                "stances": {},
                "attributions": found,
                "note": None,
            }
            for claim_id, node, found in zip(claim_ids, self.statements, attributions, strict=True)
        ]
        if self.claim_notes:
            index = {node.id: i for i, node in enumerate(self.statements)}
            for node_id, notes in self.claim_notes.items():
                claims[index[node_id]]["note"] = "; ".join(notes)
        relations = list(self.relations.values())
        return ImportedData(
            sections={
                "documents": [document],
                "speakers": speakers,
                "topics": [],
                "claims": claims,
                "relations": relations,
            },
            origins={
                "documents": [Origin(self.aif.source, 1, "document")],
                "speakers": node_origins(lines, [n for _, n in self.speakers.values()]),
                "topics": [],
                "claims": node_origins(lines, self.claim_ids),
                "relations": node_origins(lines, self.relation_node.values()),
            },
            texts={self.doc_id: text},
            _ids={  # what ``add`` would keep of each item: its id, if it has one
                "documents": {self.doc_id},
                "speakers": set(self.speakers),
                "topics": set(),
                "claims": set(claim_ids),
                "relations": {i for i in map(_ID, relations) if i is not None},
            },
        )

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
                    _safe_id(f"{node.id}.{index}") if numbered else self.scheme_keys[node.id],
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
            return _attribution(self._speaker(locution), self.doc_id, self.said[locution.id].quote)
        return None


def _attribution(speaker: str, document: str, quote: str, asked: bool = False) -> dict[str, Any]:
    """An attribution's fields, every one, in the model's order."""
    return {
        "speaker": speaker,
        "document": document,
        "quote": quote,
        "start": None,
        "end": None,
        "segments": [],
        "implicit": False,
        "asked": asked,
    }


def _speaker(speaker_id: str, name: str, kind: str = "person") -> dict[str, Any]:
    """A speaker's fields, every one, in the model's order."""
    return {"id": speaker_id, "name": name, "role": None, "kind": kind}


_PLAIN_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_.:\-]{0,198}[A-Za-z0-9_.:])?")
"""An id that :func:`safe_id` returns unchanged: most AIF node ids (numbers)."""


_PLAIN_IDS = re.compile(f"(?:{_PLAIN_ID.pattern}\n)*{_PLAIN_ID.pattern}")


def _safe_ids(raws: list[str]) -> list[str]:
    """:func:`_safe_id` of each: in one scan when every id is safe, or safe but for single
    ``>`` (most files: numbers, and ``a->b`` relation keys), else one by one."""
    lines = "\n".join(raws)
    arrows_out = lines.replace(">", "-")
    one_a_line = lines.count("\n") == len(raws) - 1
    if raws and one_a_line and ">>" not in lines and _PLAIN_IDS.fullmatch(arrows_out):
        return arrows_out.split("\n")
    return list(map(_safe_id, raws))


@lru_cache(maxsize=4096)
def _person_speaker(person: str) -> str:
    """The speaker id of an AIF person (``person-12``), made once per person."""
    return f"person-{person}" if person.isascii() and person.isdigit() else safe_id(person)


@lru_cache(maxsize=4096)
def _name_speaker(name: str) -> str:
    """The speaker id of a name a locution gives (``claire-cooper``), made once per name."""
    return slug(name, fallback="speaker")


@lru_cache(maxsize=1024)
def _asks(illocution: str) -> bool:
    """True when a YA illocution asks (``Pure Questioning``...): tested once per wording."""
    return _QUESTIONING.search(illocution) is not None


def _safe_id(raw: str) -> str:
    """:func:`safe_id`, with one regex test for ids that are already safe, or safe but
    for single ``>`` (relation keys ``a->b``), which :func:`safe_id` makes ``-``."""
    if _PLAIN_ID.fullmatch(raw):
        return raw
    arrows_out = raw.replace(">", "-")
    if ">>" not in raw and _PLAIN_ID.fullmatch(arrows_out):
        return arrows_out
    return safe_id(raw)


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
