"""Plain text for the terminal: a diff between two graphs, read as a changelog.

Like :mod:`arggraph.render.text`, these take analysis results and return lines.
"""

from __future__ import annotations

from collections.abc import Iterator

from arggraph.analysis.diff import GraphDiff, PositionChange, RelationChange
from arggraph.analysis.merge import MergeReport
from arggraph.analysis.results import QuoteRef, shorten
from arggraph.analysis.time import Timeline

_LEAN = {"yes": "yes", "no": "no", "mixed": "both ways", None: "not placed"}


def _quote(quote: QuoteRef, width: int = 90) -> str:
    return f'"{shorten(quote.quote, width)}" ({quote.speaker_name}, {quote.document})'


def diff_lines(d: GraphDiff) -> Iterator[str]:
    """The diff as a changelog: the big moves first, then every change listed."""
    yield f"Changes: {d.old_title or '(untitled)'} -> {d.new_title or '(untitled)'}"
    yield (
        f"claims: {len(d.claims_added)} added, {len(d.claims_removed)} removed, "
        f"{len(d.claims_reworded)} reworded, {d.unchanged_claims} unchanged; relations: "
        f"{len(d.relations_added)} added, {len(d.relations_removed)} removed, "
        f"{len(d.relations_flipped)} flipped; {len(d.positions_changed)} positions changed"
    )
    if d.empty:
        yield "No changes."
        return
    for label, ids in (
        ("documents added", d.documents_added),
        ("documents removed", d.documents_removed),
        ("speakers added", d.speakers_added),
        ("speakers removed", d.speakers_removed),
        ("questions added", d.questions_added),
        ("questions removed", d.questions_removed),
    ):
        if ids:
            yield f"{label}: {', '.join(ids)}"
    if d.questions_reworded:
        yield ""
        yield f"Questions reworded ({len(d.questions_reworded)})"
        for q in d.questions_reworded:
            yield f"  [{q.id}] {shorten(q.before, 90)}"
            yield f"  {' ' * (len(q.id) + 2)} -> {shorten(q.after, 90)}"
    if d.ranks_changed:
        yield ""
        yield f"Contested questions that moved ({len(d.ranks_changed)})"
        for r in d.ranks_changed:
            yield f"  [{r.question}] {shorten(r.label, 70)}"
            yield f"    {r.why}"
    if d.positions_changed:
        yield ""
        yield f"Positions changed ({len(d.positions_changed)})"
        question = None
        for p in d.positions_changed:
            if p.question != question:
                question = p.question
                yield f"  [{p.question}] {shorten(p.label, 80)}"
            yield from _position_lines(p)
    if d.claims_reworded:
        yield ""
        yield f"Claims reworded ({len(d.claims_reworded)})"
        for m in d.claims_reworded:
            how = "same id" if m.matched_by == "id" else f"was [{m.old}], matched by statement"
            yield f"  [{m.new}] ({how}, similarity {m.score:g})"
            yield f"    - {shorten(m.old_statement, 100)}"
            yield f"    + {shorten(m.new_statement, 100)}"
    for sign, title, claims in (
        ("+", "Claims added", d.claims_added),
        ("-", "Claims removed", d.claims_removed),
    ):
        if claims:
            yield ""
            yield f"{title} ({len(claims)})"
            for c in claims:
                who = ", ".join(c.speakers) or "nobody"
                yield f"  {sign} [{c.id}] {shorten(c.statement, 90)} — {shorten(who, 50)}"
    for sign, title, relations in (
        ("+", "Relations added", d.relations_added),
        ("-", "Relations removed", d.relations_removed),
        ("~", "Relations flipped", d.relations_flipped),
    ):
        if relations:
            yield ""
            yield f"{title} ({len(relations)})"
            for rel in relations:
                yield f"  {sign} {_relation(rel)}"


def _position_lines(p: PositionChange) -> Iterator[str]:
    basis = ""
    if p.change == "basis changed":
        basis = f" (now from {p.basis_after}, was from {p.basis_before})"
    elif p.basis_after == "relations" or p.basis_before == "relations":
        basis = " (placed by relations)"
    yield f"    {p.name}: {_LEAN[p.before]} -> {_LEAN[p.after]}{basis}"
    for when, reasons, quotes in (
        ("before", p.reasons_before, p.quotes_before),
        ("after: ", p.reasons_after, p.quotes_after),
    ):
        if reasons:
            more = f" (+{len(reasons) - 1} more)" if len(reasons) > 1 else ""
            yield f"      {when} {shorten(reasons[0], 90)}{more}"
        if quotes:
            yield f"              {_quote(quotes[0])}"


def _relation(rel: RelationChange) -> str:
    kind = rel.kind if rel.was is None else f"{rel.was} -> {rel.kind}"
    return (
        f"[{rel.source}] {kind} [{rel.target}]: {shorten(rel.source_statement, 50)!r} "
        f"{kind} {shorten(rel.target_statement, 50)!r}"
    )


def _uncertain_order(t: Timeline) -> Iterator[str]:
    """Which documents' order the dates cannot confirm (each overlapping pair once)."""
    placed: set[str] = set()
    pairs = []
    for d in t.documents:
        later = [o for o in d.uncertain_with if o not in placed]
        placed.add(d.id)
        if later:
            pairs.append(f"{d.id} and {', '.join(later)}")
    if pairs:
        yield "  (earliest possible day first; overlapping dates leave the order uncertain for:"
        yield "  " + "; ".join(pairs) + ")"


def timeline_lines(t: Timeline) -> Iterator[str]:
    """The document order, then each question step by step."""
    yield "Documents in order: " + ", ".join(f"{d.id} ({d.date or 'undated'})" for d in t.documents)
    yield from _uncertain_order(t)
    for q in t.questions:
        yield ""
        yield f"{q.label} [{q.id}]" + (f": {q.question}" if q.question else "")
        for i, step in enumerate(q.steps, start=1):
            rank = f"#{step.rank}" if step.rank else "not contested"
            counts = f"{step.yes} yes, {step.no} no" + (
                f", {step.mixed} both" if step.mixed else ""
            )
            yield (
                f"  {i}. + {step.document} ({step.date or 'undated'}): {counts}; "
                f"{step.cruxes} clash{'es' if step.cruxes != 1 else ''}; {rank} "
                f"(score {step.score:.1f})"
            )
            for v in step.voices:
                if v.event == "first answer":
                    yield f"       first answer: {v.name} ({_LEAN[v.after]})"
                elif v.event == "lean changed":
                    yield f"       lean changed: {v.name} {_LEAN[v.before]} -> {_LEAN[v.after]}"
                else:
                    yield f"       no longer answers: {v.name} (was {_LEAN[v.before]})"


def merge_lines(report: MergeReport) -> Iterator[str]:
    """The agreement figures, then proposals, conflicts and every logged decision."""
    yield (
        f"agreement: claims {report.claim_agreement:.0%} ({report.claims_both} both drew, of "
        f"{report.claims_a} and {report.claims_b}); relations {report.relation_agreement:.0%} "
        f"({report.relations_both} both drew, of {report.relations_a} and {report.relations_b})"
    )
    if report.proposed:
        yield ""
        yield f"Possible duplicates, kept apart for review ({len(report.proposed)})"
        for p in report.proposed:
            yield f"  [{p.a}] ~ [{p.b}] similarity {p.score:g}"
            yield f"    a: {shorten(p.a_statement, 100)}"
            yield f"    b: {shorten(p.b_statement, 100)}"
    if report.conflicts:
        yield ""
        yield f"Conflicts: the same pair related both ways ({len(report.conflicts)})"
        for c in report.conflicts:
            b_says = f"[{c.target}] {c.kind_b} [{c.source}]" if c.reversed else c.kind_b
            yield f"  [{c.source}] {c.kind_a} [{c.target}] in a; b: {b_says}; kept {c.kept}"
    yield ""
    yield f"Log ({len(report.log)})"
    for line in report.log:
        yield f"  {line}"
