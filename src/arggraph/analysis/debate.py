"""Every analysis a page shows, computed once: the one result the report and views read.

The report needs positions, contestedness (built on the positions), claim statuses,
alignment (camps are named from the positions) and the timeline of each question.
:func:`analyse` runs each once and hands the results on, so render code only draws
and decides nothing.

The timeline replays the debate one document at a time (a positions and contestedness
run per document), so it is computed for graphs of at most :data:`TIMELINE_DOCUMENTS`
documents; beyond that its strips would be too long to read anyway, and
``DebateAnalysis.timeline_skipped`` says why there is none.

Example
-------
>>> import arggraph
>>> debate = analyse(arggraph.load("graphs/deepseek.yaml"))
>>> debate.contested.questions[0].question == debate.positions.question(
...     debate.contested.questions[0].id).question
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from arggraph.analysis.alignment import SpeakerAlignment, SpeakerCamps, speaker_alignment
from arggraph.analysis.alignment import speaker_camps as camps_of
from arggraph.analysis.contestedness import ContestedReport, contested_topics
from arggraph.analysis.objections import Statuses, claim_statuses_for_display
from arggraph.analysis.positions import PositionsReport, positions
from arggraph.analysis.time import Timeline, timeline
from arggraph.errors import AnalysisError
from arggraph.model import ArgumentGraph

T = TypeVar("T")

TIMELINE_DOCUMENTS = 20
"""The timeline is computed for graphs of at most this many documents (see the module)."""


@dataclass(frozen=True)
class DebateAnalysis:
    """The analyses of one graph, as the pages show them."""

    graph: ArgumentGraph
    positions: PositionsReport
    contested: ContestedReport
    statuses: Statuses
    alignment: SpeakerAlignment | None
    camps: SpeakerCamps | None
    timeline: Timeline | None = None
    """Each question document by document (None: one document, nothing to compare)."""
    alignment_error: str | None = None
    """Why alignment was not computed (it refuses beyond its pair budget), if it was not."""
    timeline_skipped: str | None = None
    """Why a graph of several documents has no timeline, if it has none."""


class Step(Protocol):
    """How :func:`analyse` runs each analysis: given its name and the call (a benchmark
    times each one; by default it is just called)."""

    def __call__(self, name: str, compute: Callable[[], T], /) -> T: ...


def _call(name: str, compute: Callable[[], T]) -> T:
    return compute()


def analyse(graph: ArgumentGraph, *, step: Step = _call) -> DebateAnalysis:
    """Run every analysis the pages show, each once (positions feed the rest).

    Each runs through ``step`` under its name: ``positions``, ``contested topics``,
    ``statuses``, ``timeline`` (when computed), ``alignment`` and ``camps``.
    """
    stands = step("positions", lambda: positions(graph))
    contested = step("contested topics", lambda: contested_topics(graph, stands=stands))
    statuses = step("statuses", lambda: claim_statuses_for_display(graph))
    history, skipped = _timeline(graph, step)
    try:
        alignment = step("alignment", lambda: speaker_alignment(graph))
        camps = step("camps", lambda: camps_of(graph, alignment=alignment, stands=stands))
    except AnalysisError as exc:
        return DebateAnalysis(
            graph,
            stands,
            contested,
            statuses,
            None,
            None,
            history,
            alignment_error=str(exc),
            timeline_skipped=skipped,
        )
    return DebateAnalysis(
        graph,
        stands,
        contested,
        statuses,
        alignment,
        camps,
        history,
        timeline_skipped=skipped,
    )


def _timeline(graph: ArgumentGraph, step: Step) -> tuple[Timeline | None, str | None]:
    """The timeline, or None and why not (one document, or too many to replay)."""
    documents = len(graph.documents)
    if documents <= 1:
        return None, None
    if documents > TIMELINE_DOCUMENTS:
        return None, (
            f"The graph has {documents:,} documents: replaying the debate one document at "
            f"a time is done for at most {TIMELINE_DOCUMENTS}."
        )
    return step("timeline", lambda: timeline(graph)), None
