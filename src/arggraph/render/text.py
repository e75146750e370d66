"""Plain text for the terminal: positions and contested topics, as a reader reads them.

The CLI prints these; they take analysis results and return lines, so they are easy
to test and to reuse (a notebook can print them too).
"""

from __future__ import annotations

from collections.abc import Iterator

from arggraph.analysis.contestedness import ContestedReport, QuestionContest, TopicContest
from arggraph.analysis.positions import Crux, Position, PositionsReport, QuestionPositions
from arggraph.analysis.results import ClaimRef, QuoteRef, shorten

_LEAN_WORDS = {"yes": "yes", "no": "no", "mixed": "both"}


def _quote(quote: QuoteRef, width: int) -> str:
    return f'"{shorten(quote.quote, width)}" ({quote.document})'


def positions_lines(report: PositionsReport, *, full: bool = False) -> Iterator[str]:
    """Each question, then who answers yes, no or both ways, with a quote each."""
    for q in report.questions:
        yield from question_lines(q, full=full)
        yield ""


def question_lines(q: QuestionPositions, *, full: bool = False) -> Iterator[str]:
    """One question's positions, reported views and cruxes."""
    yield f"{q.label} [{q.id}]" + (f" — topic {q.topic_label}" if q.label != q.topic_label else "")
    if q.question:
        yield f"  {q.question}"
    if not q.positions and not q.reported:
        yield "  nobody answers it"
    for p in q.positions:
        yield from _position_lines(p, full=full)
    for view in q.reported:
        said = _quote(view.quotes[0], 70) if view.quotes else ""
        yield f"  reported {view.answer:>3}  {view.name} (a group, not counted): {said}"
    if q.cruxes:
        yield f"  where they clash ({len(q.cruxes)}):"
        for crux in q.cruxes if full else q.cruxes[:3]:
            yield from _crux_lines(crux)
        if not full and len(q.cruxes) > 3:
            yield f"    … {len(q.cruxes) - 3} more (--question {q.id} shows all)"
    if q.contradicting:
        yield f"  links that cut across the camps: {len(q.contradicting)}"
        if full:
            for link in q.contradicting:
                yield f"    {link.source} {link.kind} {link.target}: {link.why}"


def _position_lines(p: Position, *, full: bool) -> Iterator[str]:
    lean = _LEAN_WORDS[p.lean]
    if p.basis == "relations":
        rel = p.relations[0]
        verb = {"supports": "supports", "rebuts": "rebuts", "undercuts": "undercuts"}[rel.kind]
        yield (
            f"  {lean:>8}  {p.name} — only by a relation: {verb} "
            f'"{shorten(rel.target_statement, 60)}" (which answers {rel.target_answer})'
        )
        if full:
            for r in p.relations:
                said = _quote(r.quotes[0], 80) if r.quotes else r.source_statement
                yield f"            {r.kind} [{r.target}]: {said}"
        return
    counts = f"{p.yes} yes, {p.no} no" if p.lean == "mixed" else f"{p.yes or p.no}"
    claims = p.claims if full or p.lean == "mixed" else p.claims[:1]
    first = True
    for claim in claims:
        said = _quote(claim.quotes[0], 90) if claim.quotes else claim.statement
        head = f"  {lean:>8}  {p.name} ({counts}): " if first else " " * 12 + f"{claim.answer}: "
        yield head + said
        first = False
        if p.lean == "mixed" and not full:
            continue
    if not full and p.lean != "mixed" and len(p.claims) > 1:
        yield " " * 12 + f"+ {len(p.claims) - 1} more of their claims"


def _crux_lines(crux: Crux) -> Iterator[str]:
    by = ", ".join(s.name for s in crux.by)
    against = ", ".join(s.name for s in crux.against)
    verb = "undercut" if crux.kind == "undercuts" else "rebut"
    verb += "" if len(crux.by) > 1 else "s"
    state = "answered" if crux.answered else "unanswered"
    yield f"    {by} {verb} {against} ({state}):"
    yield f"      {_said(crux.target, against)}"
    yield f"      {_said(crux.source, by)}"


def _said(claim: ClaimRef, holders: str) -> str:
    """A claim's first quote under the name of the one who said it (not every holder's:
    two holders of a claim rarely say it in the same words); its statement when unquoted."""
    if not claim.quotes:
        return f"{holders}: {claim.statement}"
    quote = claim.quotes[0]
    return f"{quote.speaker_name}: {_quote(quote, 70)}"


def topics_lines(report: ContestedReport, *, full: bool = False) -> Iterator[str]:
    """Topics from most to least contested, each with its questions' lineups."""
    for topic in report.topics:
        yield from topic_lines(topic, full=full)
        yield ""


def topic_lines(topic: TopicContest, *, full: bool = False) -> Iterator[str]:
    """One topic: its score, then each question's lineup, clashes and robustness."""
    yield f"{topic.rank}. {topic.label} [{topic.topic}]  score {topic.score:.1f}"
    for q in topic.questions:
        if not full and not q.contested and not (q.yes or q.no or q.mixed):
            continue
        yield f"   {_question_head(q)}"
        yield f"     {q.reason}"
        if q.robustness is not None and q.contested:
            yield f"     Robustness: {robustness_words(q)}."


def _question_head(q: QuestionContest) -> str:
    text = q.question or q.label
    if not q.contested:
        return f"- {text} [{q.id}]: not contested"
    return f"- {text} [{q.id}]: contested, rank {q.rank}, score {q.score:.1f}"


def robustness_words(q: QuestionContest) -> str:
    """How a question's rank holds up with each document left out, in a few words.

    The kept moves hold the best and worst ranks and every document without which the
    question is not contested (:class:`~arggraph.analysis.contestedness.Robustness`), so
    the range and the names are those of every run.

    >>> from arggraph.analysis.contestedness import RankMove, Robustness
    >>> q = QuestionContest.model_construct(rank=2, robustness=Robustness(
    ...     lowest=1, highest=0, stable=False, moved=2,
    ...     moves=[RankMove(without="podcast", rank=0), RankMove(without="news", rank=1)]))
    >>> robustness_words(q)
    'rank 1-2 with one document left out; not contested without podcast'
    """
    rob = q.robustness
    if rob is None:
        return "not checked"
    if rob.stable:
        return "rank holds with any one document left out"
    ranks = [q.rank, *(m.rank for m in rob.moves if m.rank)]
    low, high = min(ranks), max(ranks)
    words = f"rank {low}-{high}" if low != high else f"rank {low}"
    lost = [m.without for m in rob.moves if m.rank == 0]
    tail = f"; not contested without {', '.join(lost)}" if lost else ""
    return f"{words} with one document left out{tail}"
