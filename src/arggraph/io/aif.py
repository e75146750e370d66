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
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from arggraph.collector import collector_paused
from arggraph.io.aif_graph import graph_of
from arggraph.io.aif_structure import Aif, Node, NodeOrigin, read_structure
from arggraph.io.atomic import write_text_atomic
from arggraph.io.formats import (
    ImportedData,
    ImportLog,
    Located,
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


class _Builder:
    """Turns a parsed AIF graph into arggraph data, one section at a time.

    Items are made with every field of their model, in the model's order, so that
    :func:`arggraph.io.aif_graph.graph_of` can wrap them without validating again.
    """

    def __init__(self, aif: Aif, prefix: str, doc_id: str) -> None:
        self.aif = aif
        self.prefix = prefix
        self.doc_id = doc_id
        self.data = ImportedData()
        self.lines: list[str] = []
        self.claim_notes: dict[str, list[str]] = defaultdict(list)
        self.relations: dict[str, dict[str, Any]] = {}
        self.relation_origin: dict[str, Located] = {}
        self.relations_of: dict[str, list[str]] = {}
        self.pairs: dict[tuple[str, str], str] = {}
        statements = [n.id for n in aif.nodes.values() if n.type == "I"]
        claim_ids = [prefix + i for i in _safe_ids(statements)]
        self.claim_ids = dict(zip(statements, claim_ids, strict=True))
        """The claim id of each I node."""
        schemes = [n.id for n in aif.nodes.values() if n.type in _SCHEMES]
        self.scheme_keys = dict(zip(schemes, _safe_ids(schemes), strict=True))
        """The safe id of each scheme node: its relation's id (after the prefix)."""

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
                "authors": [],
                "date": None,
                "kind": "transcript" if locutions else "other",
                "path": None,
                "text": text,
                "url": None,
            },
            Origin(self.aif.source, 1, "document"),
        )
        for node in nodes.values():
            if node.type in _SCHEMES:
                self._relations_from(node, ())
        for node in nodes.values():
            if node.type == "I":
                self._add_claim(node, attributions[node.id])
        add = self.data.add
        origins = self.relation_origin.values()
        deque(map(add, repeat("relations"), self.relations.values(), origins), maxlen=0)
        return self.data

    def _speaker(self, node: Node) -> tuple[str, str | None]:
        """The speaker id for a locution (added once) and the words it says."""
        match = _SPEAKER_PREFIX.match(node.text)
        name = match["name"].strip() if match else None
        words = match["words"].strip() if match else node.text.strip()
        person = self.aif.person_of.get(node.id)
        name = self.aif.names.get(person or "", name)
        if person is not None:
            speaker_id = _person_speaker(person)
        elif name:
            speaker_id = slug(name, fallback="speaker")
        else:
            speaker_id = UNATTRIBUTED
        if not self.data.has("speakers", speaker_id):  # most locutions: a speaker seen before
            display = name or (f"Person {person}" if person else "Unattributed")
            self.data.add("speakers", _speaker(speaker_id, display), self.aif.origin(node.id))
        return speaker_id, words or None

    def _anchors(self, node: Node) -> Iterable[tuple[Node, Node]]:
        """The L nodes anchored to ``node`` through a YA node, with that YA, in file order."""
        nodes = self.aif.nodes
        for ya in node.into:
            if nodes[ya].type == "YA":
                for source in nodes[ya].into:
                    if nodes[source].type == "L":
                        yield nodes[source], nodes[ya]

    def _attributions(self, node: Node) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for locution, illocution in self._anchors(node):
            if not locution.text.strip():
                continue  # an empty locution quotes nothing; the I node's text stands in
            speaker, words = self._speaker(locution)
            # A question put is not a view held: asked.
            asked = _asks(illocution.text)
            attribution = _attribution(speaker, self.doc_id, words or locution.text, asked)
            if attribution not in found:
                found.append(attribution)
        return found

    def _unanchored(self, node: Node) -> dict[str, Any]:
        """An I node no locution asserts: its text joins the document, held by its person."""
        person = self.aif.person_of.get(node.id)
        if person is not None:
            speaker = _person_speaker(person)
            name = self.aif.names.get(person, f"Person {person}")
        else:
            speaker, name = UNATTRIBUTED, "Unattributed"
        # Whoever put an unattributed proposition forward is unrecorded: a group.
        entry = _speaker(speaker, name, "group" if speaker == UNATTRIBUTED else "person")
        self.data.add_once("speakers", entry, self.aif.origin(node.id))
        quote = node.text.strip() or node.text
        if quote.strip():
            self.lines.append(node.text)
        return _attribution(speaker, self.doc_id, quote)

    def _add_claim(self, node: Node, attributions: list[dict[str, Any]]) -> None:
        notes = self.claim_notes.get(node.id)
        claim: dict[str, Any] = {
            "id": self.claim_ids[node.id],
            "statement": node.text.strip(),
            "topics": [],
            "stances": {},
            "attributions": attributions,
            "note": "; ".join(notes) if notes else None,
        }
        self.data.add("claims", claim, NodeOrigin(self.aif.lines, node.id))

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
        self.relation_origin[key_id] = NodeOrigin(self.aif.lines, node.id)
        self.pairs[(source, target)] = key_id
        return key_id

    def _relation_attribution(self, node: Node) -> dict[str, Any] | None:
        for locution, _ in self._anchors(node):
            speaker, words = self._speaker(locution)
            return _attribution(speaker, self.doc_id, words or locution.text)
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
