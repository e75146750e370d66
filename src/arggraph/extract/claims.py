"""Claim candidates: the sentences and clauses of a document that assert, evaluate or recommend.

A document is cut into *segments* (transcript turns, otherwise paragraphs), each
segment into sentences and each sentence into clauses (see
:mod:`arggraph.extract.sentences`). Every clause is a :class:`Unit` with its speaker
(:mod:`arggraph.extract.speakers`). :func:`claim_score` weighs its discourse cues
(:mod:`arggraph.extract.cues`): recommending (*should*, *must*), evaluating (*wrong*,
*important*), taking a stance (*I think*), predicting, negating, reasoning. A unit is
a claim candidate when its score reaches the threshold; questions, headings, list
items, link stubs, greetings and fragments under five words never are.

Example
-------
>>> text = "Ann: We should keep the controls.\\nBob: Why?\\nAnn: Hi.\\nBob: They leak."
>>> units = document_units(text)
>>> [(u.speaker, u.text) for u in units if u.is_claim()]
[('Ann', 'We should keep the controls.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from arggraph.extract.cues import CUE_WEIGHTS, cues_in
from arggraph.extract.sentences import Span, clause_spans, sentence_spans, words
from arggraph.extract.speakers import reported_speakers, transcript_turns

__all__ = ["CLAIM_THRESHOLD", "Unit", "claim_score", "claim_units", "document_units"]

CLAIM_THRESHOLD = 1.0
"""The score a unit needs to be a claim candidate: one recommendation, stance or
evaluation marker, or two weaker cues (a modal and a negation)."""

COMPACT_ARGUMENT = 6
"""A paragraph of at most this many clauses that recommends or concludes is read as
one argument: all its clauses are claims (its premises), cues or not."""

_MIN_WORDS = 5
_COMPACT_CUES = frozenset({"recommend", "conclude"})
_PHATIC = re.compile(
    r"\b(?:thank(?:s| you)|welcome to the show|for having me|this is the .{0,40}podcast|"
    r"i'm dr\.|my name is|great question|good question|happy to take)\b",
    re.IGNORECASE,
)
_LINK_STUB = re.compile(r"\[[^\]]*\]\([^)]*\)")
_TERMINAL = ".!?\u2026\"'\u201d\u2019)"


@dataclass
class Unit:
    """A clause of a document, with who says it and what marks it as a claim."""

    document: str
    span: Span
    text: str
    speaker: str
    speaker_cue: str
    segment: int
    sentence: int
    score: float = 0.0
    cues: dict[str, list[str]] = field(default_factory=dict)
    excluded: str | None = None
    """Why the unit can never be a claim (question, heading, ...), if so."""

    def is_claim(self, threshold: float = CLAIM_THRESHOLD) -> bool:
        """True when the unit is a claim candidate at ``threshold``."""
        return self.excluded is None and self.score >= threshold

    @property
    def confidence(self) -> float:
        """The score mapped to (0, 1): 0.5 at the threshold, rising with more cues."""
        return round(self.score / (self.score + CLAIM_THRESHOLD), 2) if self.score > 0 else 0.0


def claim_score(text: str) -> tuple[float, dict[str, list[str]]]:
    """How strongly ``text`` asserts, evaluates or recommends, and the cues that say so.

    Each cue family counts once, with its weight in
    :data:`~arggraph.extract.cues.CUE_WEIGHTS`; a first-person or comparative
    sentence adds a little.

    >>> claim_score("Export controls should be tightened.")[0]
    2.0
    """
    cues = cues_in(text)
    score = sum(CUE_WEIGHTS[family] for family in cues)
    tokens = words(text)
    if {"i", "we", "my", "our"} & set(tokens):
        score += 0.25
    if {"more", "less", "than", "fewer"} & set(tokens):
        score += 0.25
    return score, cues


def claim_units(units: list[Unit], *, threshold: float = CLAIM_THRESHOLD) -> list[Unit]:
    """The claim candidates among ``units`` (one document's, in order).

    A unit is one when it reaches ``threshold``, or when it belongs to a compact
    argument: a segment of at most :data:`COMPACT_ARGUMENT` clauses of which one
    recommends or concludes (then its other clauses are premises). Excluded units
    (questions, headings, greetings ...) never are.
    """
    segments: dict[int, list[Unit]] = {}
    for unit in units:
        if unit.excluded is None:
            segments.setdefault(unit.segment, []).append(unit)
    compact = {
        segment
        for segment, members in segments.items()
        if len(members) <= COMPACT_ARGUMENT and any(_COMPACT_CUES & u.cues.keys() for u in members)
    }
    return [
        u for u in units if u.excluded is None and (u.score >= threshold or u.segment in compact)
    ]


def _exclusion(text: str, block_text: str) -> str | None:
    stripped = text.strip()
    if len(words(stripped)) < _MIN_WORDS:
        return "fewer than five words"
    if stripped.endswith("?"):
        return "question"
    if stripped.startswith(("- ", "* ", "\u2022")) or _LINK_STUB.fullmatch(stripped):
        return "list item or link"
    if _PHATIC.search(stripped):
        return "greeting or thanks"
    if not block_text.rstrip().endswith(tuple(_TERMINAL)) and len(words(block_text)) <= 14:
        return "heading"
    return None


def _paragraphs(text: str, start: int, end: int) -> list[Span]:
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        if match.group().strip():
            spans.append(Span(start + match.start(), start + match.end()))
    return spans


def document_units(
    text: str,
    *,
    document: str = "doc",
    default_speaker: str = "author",
    split_clauses: bool = True,
) -> list[Unit]:
    """Every clause of ``text`` as a :class:`Unit`, scored, with its speaker.

    Parameters
    ----------
    text
        The document text.
    document
        The document's id, recorded in each unit.
    default_speaker
        Who speaks where no turn or reported speech says otherwise: the author.
    split_clauses
        Cut sentences into clauses (``False``: one unit per sentence).

    Returns
    -------
    list[Unit]
        In text order; ``Unit.is_claim()`` picks the claim candidates.
    """
    turns = transcript_turns(text)
    segments: list[tuple[Span, str, str]] = []  # (span, speaker, cue)
    if turns:
        segments += [
            (p, default_speaker, "author (before the transcript)")
            for p in _paragraphs(text, 0, turns[0].start)
        ]
        segments += [(Span(t.body_start, t.end), t.name, "speaker turn") for t in turns]
    else:
        segments = [(p, default_speaker, "author") for p in _paragraphs(text, 0, len(text))]
    sentences: list[tuple[int, Span]] = [
        (index, sentence)
        for index, (segment, _, _) in enumerate(segments)
        for sentence in sentence_spans(text, segment.start, segment.end)
    ]
    participants = frozenset(part for t in turns for part in t.name.split())
    reported = {
        r.span: r
        for r in reported_speakers(
            text,
            [s for _, s in sentences],
            paragraphs=_paragraphs(text, 0, len(text)),
            exclude=participants,
        )
    }
    units: list[Unit] = []
    for number, (index, sentence) in enumerate(sentences):
        _, speaker, cue = segments[index]
        if sentence in reported:
            speaker, cue = reported[sentence].name, f"reported: {reported[sentence].cue}"
        block = _enclosing_line(text, sentence)
        for clause in clause_spans(text, sentence) if split_clauses else [sentence]:
            body = clause.of(text)
            score, cues = claim_score(body)
            units.append(
                Unit(
                    document=document,
                    span=clause,
                    text=body,
                    speaker=speaker,
                    speaker_cue=cue,
                    segment=index,
                    sentence=number,
                    score=score,
                    cues=cues,
                    excluded=_exclusion(body, block),
                )
            )
    return units


def _enclosing_line(text: str, span: Span) -> str:
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    return text[start : len(text) if end < 0 else end]
