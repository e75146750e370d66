"""Two analysts' graphs of overlapping documents, made one, and how far they agree.

:func:`merge` combines graph ``a`` and graph ``b``; ``a`` wins every disagreement and
each is logged:

- documents, speakers and topics are joined by id (a field that differs keeps ``a``'s);
- **claims** with the same id are one claim (``b``'s attributions added, ``a``'s
  statement kept); a ``b`` claim whose id ``a`` lacks and whose statement has the same
  content words as an ``a`` claim (similarity 1.0) is that claim too; one at or above
  ``threshold`` but below 1.0 is *proposed* as a duplicate and kept apart, for a person
  to decide (nothing that may differ is merged without review);
- **relations** of ``b`` are carried over onto the merged claims; a pair of claims
  related by both graphs with different kinds, in either direction, is a *conflict*:
  listed, and in the same direction only ``a``'s relation is kept;
- **agreement**: of the claims, the share both drew (same id, or matched by statement
  at ``threshold``), as a Dice coefficient ``2 both / (a + b)``; of the relations, the
  same for relations both drew between the same (matched) claims with the same kind.

Example
-------
>>> import arggraph
>>> g = arggraph.load("graphs/deepseek.yaml")
>>> result = merge(g, g)
>>> result.report.claim_agreement, result.report.relation_agreement, result.report.conflicts
(1.0, 1.0, [])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from arggraph.analysis.results import Result, counted, round_score
from arggraph.analysis.similarity import DEFAULT_THRESHOLD, match_statements
from arggraph.model import ArgumentGraph, Relation


class DuplicateProposal(Result):
    """A claim of ``b`` that may restate a claim of ``a``: kept apart, for review."""

    a: str
    b: str
    score: float
    a_statement: str
    b_statement: str


class RelationConflict(Result):
    """A pair of claims the two graphs relate with different kinds."""

    source: str = Field(description="in the merged graph's ids")
    target: str
    kind_a: str = Field(description="what graph a draws, source to target")
    kind_b: str = Field(description="what graph b draws between the same two claims")
    reversed: bool = Field(description="b draws it from target to source")
    kept: str = Field(description="which relations the merged graph keeps")


class MergeReport(Result):
    """What the merge did and how far the two graphs agree."""

    claims_a: int
    claims_b: int
    claims_both: int = Field(description="claims both drew: same id, or matched by statement")
    claim_agreement: float = Field(description="2 claims_both / (claims_a + claims_b)")
    relations_a: int
    relations_b: int
    relations_both: int = Field(description="same (matched) claims, same kind")
    relation_agreement: float = Field(description="2 relations_both / (relations_a + relations_b)")
    combined: list[str] = Field(description="'b-id -> a-id' for claims merged into a's")
    proposed: list[DuplicateProposal] = Field(description="possible duplicates kept apart")
    conflicts: list[RelationConflict]
    log: list[str] = Field(description="every decision, one line each")

    def _summary(self) -> str:
        return (
            f"claims agree {self.claim_agreement:.0%}, relations {self.relation_agreement:.0%}, "
            f"{counted(len(self.proposed), 'proposal')}, "
            f"{counted(len(self.conflicts), 'conflict')}"
        )


@dataclass(frozen=True)
class MergeResult:
    """The merged graph and the report of the merge."""

    graph: ArgumentGraph
    report: MergeReport


def merge(
    a: ArgumentGraph, b: ArgumentGraph, *, threshold: float = DEFAULT_THRESHOLD
) -> MergeResult:
    """Merge graph ``b`` into graph ``a`` (neither changes); see the module docs.

    Parameters
    ----------
    a, b : ArgumentGraph
    threshold : float
        Statement similarity at or above which a ``b`` claim is proposed as a
        duplicate of an ``a`` claim (and counted as drawn by both).

    Returns
    -------
    MergeResult
        ``graph``, checked like any graph (quotes found in their documents), and
        ``report``.

    Raises
    ------
    InvalidGraphError
        When the merged graph breaks a rule the inputs each kept (it lists every problem).
    """
    log: list[str] = []
    data: dict[str, Any] = a.model_dump(exclude_none=True)
    for section in ("documents", "speakers", "topics"):
        _join_by_id(data[section], getattr(b, section), section, log)

    a_ids = {c.id for c in a.claims}
    b_only = [c for c in b.claims if c.id not in a_ids]
    b_ids = {c.id for c in b.claims}
    matches = match_statements(
        [(c.id, c.statement) for c in b_only],
        [(c.id, c.statement) for c in a.claims if c.id not in b_ids],
        threshold=threshold,
    )
    rename = {c.id: c.id for c in b.claims if c.id in a_ids}
    combined, proposed = [], []
    for b_id, a_id, score in matches:
        if score >= 1.0:
            rename[b_id] = a_id
            combined.append(f"{b_id} -> {a_id}")
            log.append(f"claim {b_id!r} of b has the same content words as {a_id!r}: merged")
        else:
            proposed.append(
                DuplicateProposal(
                    a=a_id,
                    b=b_id,
                    score=score,
                    a_statement=a.claim(a_id).statement,
                    b_statement=b.claim(b_id).statement,
                )
            )
            log.append(f"claim {b_id!r} of b may restate {a_id!r} (similarity {score}): kept apart")
    claims = {c["id"]: c for c in data["claims"]}
    for claim in b.claims:
        if claim.id in rename:
            _join_claim(claims[rename[claim.id]], claim.model_dump(exclude_none=True), log)
        else:
            data["claims"].append(claim.model_dump(exclude_none=True))

    relations, conflicts, both = _join_relations(a, b, rename, log)
    data["relations"] = relations
    graph = ArgumentGraph.model_validate(
        data,
        context={
            "texts": {d.id: t for d in [*b.documents, *a.documents] if (t := _text(a, b, d.id))}
        },
    )
    graph.attach_sources(
        {},
        {**b.source_paths, **a.source_paths},
        inputs=[*a.input_paths, *b.input_paths],
    )
    claims_both = len(rename) + len(proposed)
    report = MergeReport(
        claims_a=len(a.claims),
        claims_b=len(b.claims),
        claims_both=claims_both,
        claim_agreement=_dice(claims_both, len(a.claims), len(b.claims)),
        relations_a=len(a.relations),
        relations_b=len(b.relations),
        relations_both=both,
        relation_agreement=_dice(both, len(a.relations), len(b.relations)),
        combined=combined,
        proposed=proposed,
        conflicts=conflicts,
        log=log,
    )
    return MergeResult(graph=graph, report=report)


def _text(a: ArgumentGraph, b: ArgumentGraph, document: str) -> str | None:
    return a.text_of(document) or b.text_of(document)


def _dice(both: int, left: int, right: int) -> float:
    return 1.0 if left + right == 0 else round_score(2 * both / (left + right))


def _join_by_id(
    mine: list[dict[str, Any]], theirs: list[BaseModel], section: str, log: list[str]
) -> None:
    """Add ``theirs`` to ``mine`` by id; on a clash keep mine and log what differs."""
    by_id = {item["id"]: item for item in mine}
    for item in theirs:
        data = item.model_dump(exclude_none=True)
        if data["id"] not in by_id:
            mine.append(data)
            log.append(f"{section[:-1]} {data['id']!r} from b added")
            continue
        differs = sorted(
            k for k in set(data) | set(by_id[data["id"]]) if data.get(k) != by_id[data["id"]].get(k)
        )
        differs = [k for k in differs if k != "path"]  # each file names its text relative to itself
        if differs:
            log.append(f"{section[:-1]} {data['id']!r} differs in {', '.join(differs)}: a's kept")


def _join_claim(mine: dict[str, Any], theirs: dict[str, Any], log: list[str]) -> None:
    """``theirs`` into ``mine``: attributions and topics added, answers a lacks added."""
    if theirs["statement"] != mine["statement"] and theirs["id"] == mine["id"]:
        log.append(f"claim {mine['id']!r}: statements differ, a's kept")
    seen = {(x["speaker"], x["document"], x["quote"]) for x in mine["attributions"]}
    for attribution in theirs["attributions"]:
        key = (attribution["speaker"], attribution["document"], attribution["quote"])
        if key not in seen:
            seen.add(key)
            mine["attributions"].append(attribution)
            log.append(f"claim {mine['id']!r}: b's quote by {key[0]!r} in {key[1]!r} added")
    mine["topics"] = list(dict.fromkeys([*mine.get("topics", []), *theirs.get("topics", [])]))
    stances = mine.setdefault("stances", {})
    for question, answer in theirs.get("stances", {}).items():
        if question not in stances:
            stances[question] = answer
        elif stances[question] != answer:
            log.append(
                f"claim {mine['id']!r} answers {question!r} {stances[question]} in a and "
                f"{answer} in b: a's kept"
            )


def _join_relations(
    a: ArgumentGraph, b: ArgumentGraph, rename: dict[str, str], log: list[str]
) -> tuple[list[dict[str, Any]], list[RelationConflict], int]:
    """a's relations, then b's carried onto the merged claims; conflicts and the shared count."""
    result = [r.model_dump(exclude_none=True) for r in a.relations]
    keys = {r.key for r in a.relations}
    pairs = {(r.source, r.target): r.kind for r in a.relations}
    b_keys: dict[str, str] = {}  # b's relation key -> its key in the merged graph
    conflicts: list[RelationConflict] = []
    both = 0
    pending = list(b.relations)
    while pending:  # an undercut waits for the relation it attacks
        waiting: list[Relation] = []
        for rel in pending:
            source = rename.get(rel.source, rel.source)
            if b.is_undercut(rel):
                if rel.target not in b_keys:
                    waiting.append(rel)
                    continue
                target = b_keys[rel.target]
            else:
                target = rename.get(rel.target, rel.target)
            kind_a = pairs.get((source, target))
            if kind_a == rel.kind:
                both += 1
                b_keys[rel.key] = next(
                    r.key for r in a.relations if (r.source, r.target) == (source, target)
                )
                continue
            if kind_a is not None:
                conflicts.append(
                    RelationConflict(
                        source=source,
                        target=target,
                        kind_a=kind_a,
                        kind_b=rel.kind,
                        reversed=False,
                        kept="a's",
                    )
                )
                log.append(f"{source!r} {kind_a} {target!r} in a, {rel.kind} in b: a's kept")
                continue
            back = pairs.get((target, source))
            if back is not None and back != rel.kind:
                conflicts.append(
                    RelationConflict(
                        source=target,
                        target=source,
                        kind_a=back,
                        kind_b=rel.kind,
                        reversed=True,
                        kept="both",
                    )
                )
                log.append(
                    f"{target!r} {back} {source!r} in a, and b has {source!r} {rel.kind} "
                    f"{target!r}: both kept"
                )
            data = rel.model_dump(exclude_none=True) | {"source": source, "target": target}
            if rel.id is not None and rel.id in keys:
                data["id"] = f"{rel.id}.b"
                log.append(f"relation id {rel.id!r} of b is taken in a: renamed {data['id']!r}")
            new = Relation.model_validate(data)
            keys.add(new.key)
            pairs[(source, target)] = rel.kind
            b_keys[rel.key] = new.key
            result.append(data)
            log.append(f"relation {new.key!r} from b added")
        if len(waiting) == len(pending):
            for rel in waiting:
                log.append(
                    f"relation {rel.key!r} of b attacks a relation that is not kept: left out"
                )
            break
        pending = waiting
    return result, conflicts, both


__all__ = ["DuplicateProposal", "MergeReport", "MergeResult", "RelationConflict", "merge"]
