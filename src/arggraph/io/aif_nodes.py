"""Reading an AIF file node by node: any shape AIF allows, defects kept as notes.

:class:`NodeBuilder` turns a parsed AIF graph (:func:`~arggraph.io.aif_structure.read_structure`)
into arggraph data. :func:`arggraph.io.aif.parse_aif` uses it for files that are not of
the plain shape :mod:`arggraph.io.aif_plain` reads column by column; a property test
holds the two readings equal where both apply.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from arggraph.io import aif_items as item
from arggraph.io.aif_structure import Aif, Node
from arggraph.io.formats import ImportedData

_SCHEMES = ("RA", "CA", "MA")


class NodeBuilder(item.FileItems):
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
