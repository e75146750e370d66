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
column (:mod:`arggraph.io.aif_plain`); any other file node by node
(:mod:`arggraph.io.aif_nodes`), with the same result.

Example
-------
>>> g = read_aif(["nodeset6064.json"])             # doctest: +SKIP
>>> text = dump_aif(g)                              # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from arggraph.collector import collector_paused
from arggraph.io import aif_items as item
from arggraph.io.aif_graph import graph_of
from arggraph.io.aif_nodes import NodeBuilder
from arggraph.io.aif_plain import plain_data
from arggraph.io.aif_structure import (
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
    return NodeBuilder(read_structure(text, source, body, nodes), prefix, doc_id).build()


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
