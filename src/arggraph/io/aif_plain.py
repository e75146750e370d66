"""AIF files of the plain shape made into arggraph data column by column, without a node walk.

A file is *plain* when every claim is asserted by at most one locution (``L -> YA -> I``)
and every RA or CA node has one premise claim and one other conclusion claim, no two
the same pair: the shape arggraph's own export writes, and most argument maps. Then
claims, attributions and relations are columns made with ``map``, ``zip`` and
comprehensions from the edges grouped by kind, with no object per node and no
per-relation calls. Anything else (MA, TA, undercuts, linked premises, a relation's
own locution, a defect to note) returns ``None``, and :mod:`arggraph.io.aif` reads the
file node by node; tests hold both to the same result.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, repeat
from operator import eq
from typing import Any

from arggraph.io import aif_items as item
from arggraph.io.aif_structure import (
    EDGE_RULES,
    NODE_RULES,
    EdgeColumns,
    NodeColumns,
    NodeLines,
    all_hold,
    edge_columns,
    persons,
)
from arggraph.io.formats import ImportedData

_PLAIN_TYPES = frozenset({"I", "L", "YA", "RA", "CA"})
_SCHEMES = frozenset({"RA", "CA"})
_KINDS = {
    ("L", "YA"): "says",
    ("YA", "I"): "asserts",
    ("I", "RA"): "premise",
    ("I", "CA"): "premise",
    ("RA", "I"): "conclusion",
    ("CA", "I"): "conclusion",
}
"""The edges of a plain file, by the types of their ends."""
_EDGE_KINDS = frozenset(_KINDS.values())


class _Edges:
    """A file's edges of one kind each, as ``(start, end)`` columns."""

    def __init__(self, edges: EdgeColumns, kinds: list[str | None]) -> None:
        self.edges, self.kinds = edges, kinds

    def of(self, kind: str) -> tuple[list[str], list[str]]:
        """The starts and the ends of the edges of ``kind``, in file order."""
        chosen = list(map(eq, self.kinds, repeat(kind)))
        return list(compress(self.edges.starts, chosen)), list(compress(self.edges.ends, chosen))


def plain_data(
    body: dict[str, Any], nodes: NodeColumns, lines: NodeLines, prefix: str, doc_id: str
) -> ImportedData | None:
    """The file's data when it is sound and plain (see the module), else ``None``."""
    try:  # a type JSON cannot hash (a list) breaks NODE_RULES: the builder tells it
        plain_types = set(nodes.types) <= _PLAIN_TYPES
    except TypeError:
        return None
    if not plain_types or not all_hold(NODE_RULES, nodes):
        return None
    raws = body.get("edges", [])
    type_of = dict(zip(nodes.names, nodes.types, strict=True))
    if not isinstance(raws, list):
        return None
    edges = edge_columns(raws, type_of)
    if not all_hold(EDGE_RULES[:-1], edges):
        return None
    try:  # the last rule, every end a node, holds when every end has a type
        kinds = list(
            map(
                _KINDS.get,
                zip(
                    map(type_of.__getitem__, edges.starts),
                    map(type_of.__getitem__, edges.ends),
                    strict=True,
                ),
            )
        )
    except KeyError:
        return None
    if not set(kinds) <= _EDGE_KINDS:
        return None
    return _PlainFile(body, nodes, lines, prefix, doc_id).data(_Edges(edges, kinds))


def _one_each(starts: Sequence[str], ends: Sequence[str]) -> dict[str, str] | None:
    """Each end's one start (``None`` if an end has two)."""
    start_of = dict(zip(ends, starts, strict=True))
    return start_of if len(start_of) == len(ends) else None


class _PlainFile(item.FileItems):
    """The columns of one plain file and the data made of them."""

    def __init__(
        self, body: dict[str, Any], nodes: NodeColumns, lines: NodeLines, prefix: str, doc_id: str
    ) -> None:
        self.lines, self.prefix = lines, prefix
        names, types, texts = nodes.names, nodes.types, nodes.texts
        self.ids = {t: _of_type(names, types, t) for t in ("I", "L", "YA")}
        self.texts = {t: _of_type(texts, types, t) for t in ("I", "L", "YA")}
        super().__init__(doc_id, list(self.texts["L"]), *persons(body))
        schemes = list(map(_SCHEMES.__contains__, types))
        self.schemes = list(compress(names, schemes))
        """The RA and CA nodes, in file order."""
        self.kinds = ["rebuts" if t == "CA" else "supports" for t in compress(types, schemes)]

    def data(self, edges: _Edges) -> ImportedData | None:
        """The file's items, or ``None`` when its shape is not plain after all."""
        claim_nodes = self.ids["I"]
        claim_ids = [self.prefix + i for i in item.safe_ids(claim_nodes)]
        claim_of = dict(zip(claim_nodes, claim_ids, strict=True))
        attributions = self._attributions(edges)
        relations = self._relations(edges, claim_of)
        if attributions is None or relations is None:
            return None
        held = [
            found or [self.unanchored(node_id, text)]
            for node_id, text, found in zip(claim_nodes, self.texts["I"], attributions, strict=True)
        ]
        return item.file_data(
            self.lines,
            self.doc_id,
            self.text_lines,
            self.speakers,
            (claim_nodes, claim_ids, self.texts["I"], held),
            (relations, self.schemes),
            transcript=bool(self.ids["L"]),
        )

    def _attributions(self, edges: _Edges) -> list[list[dict[str, Any]] | None] | None:
        """Each claim's one attribution (``None``: no locution asserts it), speakers added."""
        ya_of = _one_each(*edges.of("asserts"))
        locution_of = _one_each(*edges.of("says"))
        l_texts = self.texts["L"]
        if ya_of is None or locution_of is None or not all(map(str.strip, l_texts)):
            return None  # a claim asserted twice, an assertion by two, an empty locution
        if not locution_of.keys() >= set(ya_of.values()):
            return None  # an assertion by no one
        said = item.said_of(self.ids["L"], l_texts, self.person_of, self.names)
        asks = dict(zip(self.ids["YA"], map(item.asks, self.texts["YA"]), strict=True))
        speakers, doc_id = self.speakers, self.doc_id
        every: list[list[dict[str, Any]] | None] = []
        for ya in map(ya_of.get, self.ids["I"]):
            if ya is None:
                every.append(None)
                continue
            locution = locution_of[ya]
            who = said[locution]
            if who.speaker not in speakers:
                speakers[who.speaker] = (item.speaker_entry(who.speaker, who.name), locution)
            every.append([item.attribution(who.speaker, doc_id, who.quote, asks[ya])])
        return every

    def _relations(self, edges: _Edges, claim_of: dict[str, str]) -> list[dict[str, Any]] | None:
        """One relation per RA/CA node, in file order."""
        schemes = self.schemes
        premise_of = _one_each(*edges.of("premise"))
        starts, ends = edges.of("conclusion")
        conclusion_of = _one_each(ends, starts)
        if premise_of is None or conclusion_of is None:
            return None
        if not len(premise_of) == len(conclusion_of) == len(schemes):
            return None  # a scheme node without a premise or a conclusion
        premises = list(map(premise_of.__getitem__, schemes))
        conclusions = list(map(conclusion_of.__getitem__, schemes))
        sources = list(map(claim_of.__getitem__, premises))
        targets = list(map(claim_of.__getitem__, conclusions))
        if any(map(eq, sources, targets)) or len(set(zip(sources, targets, strict=True))) < len(
            schemes
        ):
            return None  # a claim related to itself, or a pair related twice
        keys = item.safe_ids(schemes)
        if self.prefix:
            ids: list[str | None] = [self.prefix + key for key in keys]
        else:  # an id arggraph's export made of "source->target" keeps no id
            ids = [
                None if scheme == f"{premise}->{conclusion}" else key
                for scheme, premise, conclusion, key in zip(
                    schemes, premises, conclusions, keys, strict=True
                )
            ]
        made_keys = [i or f"{s}->{t}" for i, s, t in zip(ids, sources, targets, strict=True)]
        if len(set(made_keys)) < len(made_keys):
            return None
        return [
            {
                "id": relation_id,
                "source": source,
                "target": target,
                "kind": kind,
                "attribution": None,
                "note": None,
            }
            for relation_id, source, target, kind in zip(
                ids, sources, targets, self.kinds, strict=True
            )
        ]


def _of_type(values: Sequence[Any], types: Sequence[str], wanted: str) -> list[Any]:
    """The values of the nodes of type ``wanted``, in file order."""
    return list(compress(values, map(eq, types, repeat(wanted))))
