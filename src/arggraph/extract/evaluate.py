"""Measuring a draft graph against a human (gold) graph of the same documents.

- **Claims**: drafted and gold claims are paired one to one, greedily by the number
  of characters their quotes share (in the same document), largest first; a pair
  needs at least one shared character. A gold claim is *found* when it is paired.
  Precision = paired drafted claims / drafted claims; recall = found gold claims /
  gold claims.
- **Speakers**: of the paired claims, the share whose drafted speaker is the gold
  speaker of the overlapping quotes: same name, same surname, or the draft's stand-in
  author (role ``author ...``) where the gold speaker is the document's author (named
  in its ``authors``, with "author" or "reporter" in their name, or a role starting
  with "author").
- **Relations**: a drafted relation is right when its source and target are paired
  with the source and target of a gold relation of the same kind (direction counts).
  Only gold relations between two claims count (undercuts, which target relations,
  are left out).

Documents are paired by the file their text was read from (or equal text). Only gold
claims quoted from the draft's documents count.

Example
-------
>>> Score(3, 4, 6).precision, Score(3, 4, 6).recall, round(Score(3, 4, 6).f1, 3)
(0.75, 0.5, 0.6)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from arggraph.model import ArgumentGraph

__all__ = [
    "Accuracy",
    "Evaluation",
    "Score",
    "evaluate_draft",
    "evaluation_table",
    "match_claims",
]


@dataclass(frozen=True)
class Score:
    """Counts behind precision, recall and F1."""

    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        """Correct share of what was predicted (0 when nothing was)."""
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of the gold items found (0 when there are none)."""
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.correct + other.correct, self.predicted + other.predicted, self.gold + other.gold
        )


@dataclass(frozen=True)
class Accuracy:
    """Right answers out of those judged."""

    correct: int
    total: int

    @property
    def value(self) -> float:
        """``correct / total`` (0 when nothing was judged)."""
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)


@dataclass(frozen=True)
class Evaluation:
    """A draft measured against gold: claims, speaker attribution, relations."""

    claims: Score
    speakers: Accuracy
    relations: Score
    pairs: dict[str, str] = field(default_factory=dict, compare=False)
    """Drafted claim id -> the gold claim it was paired with."""

    def __add__(self, other: Evaluation) -> Evaluation:
        return Evaluation(
            self.claims + other.claims,
            self.speakers + other.speakers,
            self.relations + other.relations,
            {**self.pairs, **other.pairs},
        )


_Quote = tuple[str, int, int, str]  # (gold document id, start, end, speaker id)


def _document_pairs(draft: ArgumentGraph, gold: ArgumentGraph) -> dict[str, str]:
    """Draft document id -> gold document id, by source file or by equal text."""
    gold_by_path = {path.resolve(): doc for doc, path in gold.source_paths.items()}
    gold_by_text = {gold.text_of(d.id): d.id for d in gold.documents if gold.text_of(d.id)}
    pairs = {}
    for document in draft.documents:
        path = draft.source_paths.get(document.id)
        if path is not None and Path(path).resolve() in gold_by_path:
            pairs[document.id] = gold_by_path[Path(path).resolve()]
        elif draft.text_of(document.id) in gold_by_text:
            pairs[document.id] = gold_by_text[draft.text_of(document.id)]
    return pairs


def _quotes(graph: ArgumentGraph, documents: dict[str, str] | None) -> dict[str, list[_Quote]]:
    quotes: dict[str, list[_Quote]] = {}
    for claim, att in graph.iter_attributions():
        if att.start is None or att.end is None:
            continue
        document = att.document if documents is None else documents.get(att.document)
        if document is None:
            continue
        quotes.setdefault(claim.id, []).append((document, att.start, att.end, att.speaker))
    return quotes


def _overlap(a: _Quote, b: _Quote) -> int:
    if a[0] != b[0]:
        return 0
    return max(0, min(a[2], b[2]) - max(a[1], b[1]))


def match_claims(draft: ArgumentGraph, gold: ArgumentGraph) -> dict[str, str]:
    """Pair drafted claims with gold claims one to one by shared quote characters.

    Returns drafted claim id -> gold claim id; see the module docs for the rule.
    """
    documents = _document_pairs(draft, gold)
    drafted = _quotes(draft, documents)
    golden = _quotes(gold, None)
    candidates: list[tuple[int, str, str]] = []
    by_document: dict[str, list[tuple[str, _Quote]]] = {}
    for gold_id, quotes in golden.items():
        for quote in quotes:
            by_document.setdefault(quote[0], []).append((gold_id, quote))
    for draft_id, quotes in drafted.items():
        best: dict[str, int] = {}
        for quote in quotes:
            for gold_id, other in by_document.get(quote[0], []):
                shared = _overlap(quote, other)
                if shared > best.get(gold_id, 0):
                    best[gold_id] = shared
        candidates += [(shared, draft_id, gold_id) for gold_id, shared in best.items()]
    pairs: dict[str, str] = {}
    used: set[str] = set()
    for _, draft_id, gold_id in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if draft_id in pairs or gold_id in used:
            continue
        pairs[draft_id] = gold_id
        used.add(gold_id)
    return pairs


def _name_key(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in ("dr", "the", "mr", "ms")]


def _same_speaker(
    draft: ArgumentGraph, draft_speaker: str, gold: ArgumentGraph, gold_speaker: str, document: str
) -> bool:
    drafted = next(s for s in draft.speakers if s.id == draft_speaker)
    golden = next(s for s in gold.speakers if s.id == gold_speaker)
    a, b = _name_key(drafted.name), _name_key(golden.name)
    if a and b and (a == b or a[-1] == b[-1]):
        return True
    if (drafted.role or "").startswith("author"):
        gold_document = next(d for d in gold.documents if d.id == document)
        author_words = {w for author in gold_document.authors for w in _name_key(author)}
        named = golden.name.lower()
        role = (golden.role or "").lower()
        return (
            bool(author_words & set(b))
            or "author" in named
            or "reporter" in named
            or role.startswith("author")
        )
    return False


def evaluate_draft(draft: ArgumentGraph, gold: ArgumentGraph) -> Evaluation:
    """Measure ``draft`` against ``gold``: claims, speakers and relations (module docs).

    Parameters
    ----------
    draft
        A drafted graph, e.g. from :func:`~arggraph.extract.extract_graph`.
    gold
        A human graph quoting (some of) the same documents.

    Returns
    -------
    Evaluation
        Counts for claims and relations, speaker accuracy, and the claim pairs.
    """
    documents = _document_pairs(draft, gold)
    gold_documents = set(documents.values())
    gold_claims = {
        c.id for c in gold.claims if any(a.document in gold_documents for a in c.attributions)
    }
    pairs = match_claims(draft, gold)
    claims = Score(len(pairs), len(draft.claims), len(gold_claims))
    drafted = _quotes(draft, documents)
    golden = _quotes(gold, None)
    right = 0
    for draft_id, gold_id in pairs.items():
        best = max(
            ((_overlap(q, g), q, g) for q in drafted[draft_id] for g in golden[gold_id]),
            key=lambda t: t[0],
        )
        _, quote, other = best
        right += _same_speaker(draft, quote[3], gold, other[3], other[0])
    speakers = Accuracy(right, len(pairs))
    gold_relations = {
        (r.source, r.target, r.kind)
        for r in gold.relations
        if r.source in gold_claims and r.target in gold_claims
    }
    correct = sum(
        (pairs.get(r.source), pairs.get(r.target), r.kind) in gold_relations
        for r in draft.relations
    )
    relations = Score(correct, len(draft.relations), len(gold_relations))
    return Evaluation(claims, speakers, relations, pairs)


def evaluation_table(rows: Sequence[tuple[str, str, Evaluation]]) -> str:
    """A Markdown table of ``(corpus, method, evaluation)`` rows: P, R, F1 and counts."""
    lines = [
        "| corpus | method | claims P | claims R | claims F1 | speaker acc. "
        "| relations P | relations R | relations F1 | drafted claims / relations |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for corpus, method, ev in rows:
        speaker = f"{ev.speakers.value:.3f}" if ev.speakers.total else "n/a"
        lines.append(
            f"| {corpus} | {method} | {ev.claims.precision:.3f} | {ev.claims.recall:.3f} "
            f"| **{ev.claims.f1:.3f}** | {speaker} | {ev.relations.precision:.3f} "
            f"| {ev.relations.recall:.3f} | **{ev.relations.f1:.3f}** "
            f"| {ev.claims.predicted} / {ev.relations.predicted} |"
        )
    return "\n".join(lines) + "\n"
