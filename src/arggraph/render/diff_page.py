"""One offline HTML page for a diff between two graphs, in the report's style.

The page reads top to bottom like a changelog: the counts, the questions whose
contestedness moved and why, each speaker whose position changed with their quotes
before and after side by side, then every claim and relation added, removed or
reworded. It has no script: the long lists are collapsed ``<details>``. Every text
goes through the autoescaped template.

Example
-------
>>> import arggraph
>>> from arggraph.analysis.diff import diff
>>> g = arggraph.load("graphs/deepseek.yaml")
>>> build_diff_page(diff(g, g), old_name="a.yaml", new_name="b.yaml").startswith("<!DOCTYPE")
True
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from arggraph.analysis.diff import GraphDiff, PositionChange
from arggraph.io.atomic import write_text_atomic
from arggraph.render.html import render_template

_LEAN = {"yes": "yes", "no": "no", "mixed": "both ways", None: "not placed"}


def build_diff_page(d: GraphDiff, *, old_name: str, new_name: str) -> str:
    """The diff as one standalone HTML page (deterministic).

    ``old_name`` and ``new_name`` say what was compared (file names, a revision).
    """
    rows: dict[str, list[dict[str, object]]] = {}
    labels: dict[str, str] = {}
    for p in d.positions_changed:
        rows.setdefault(p.question, []).append(_position_row(p))
        labels[p.question] = p.label
    ranks = [
        {
            "id": r.question,
            "label": r.label,
            "before": _rank(r.rank_before),
            "after": _rank(r.rank_after),
            "trend": _trend(r.rank_before, r.rank_after),
            "score_before": f"{r.score_before:.1f}",
            "score_after": f"{r.score_after:.1f}",
            "why": r.why.split(": ", 1)[-1].replace(" -> ", " → "),
            "cruxes_added": r.cruxes_added,
            "cruxes_removed": r.cruxes_removed,
        }
        for r in d.ranks_changed
    ]
    counts = [
        ("claims added", len(d.claims_added)),
        ("removed", len(d.claims_removed)),
        ("reworded", len(d.claims_reworded)),
        ("unchanged", d.unchanged_claims),
        ("relations added", len(d.relations_added)),
        ("removed", len(d.relations_removed)),
        ("flipped", len(d.relations_flipped)),
        ("positions changed", len(d.positions_changed)),
        ("questions moved", len(d.ranks_changed)),
    ]
    others = [
        (label, ids)
        for label, ids in (
            ("Documents added", d.documents_added),
            ("Documents removed", d.documents_removed),
            ("Speakers added", d.speakers_added),
            ("Speakers removed", d.speakers_removed),
            ("Questions added", d.questions_added),
            ("Questions removed", d.questions_removed),
        )
        if ids
    ]
    return render_template(
        "diff.html.j2",
        title=d.new_title or d.old_title or "Argument graph",
        old_name=old_name,
        new_name=new_name,
        counts=counts,
        others=others,
        reworded_questions=d.questions_reworded,
        ranks=ranks,
        positions=[{"id": q, "label": labels[q], "rows": r} for q, r in rows.items()],
        diff=d,
        empty=d.empty,
    )


def render_diff_page(
    d: GraphDiff, path: str | Path, *, old_name: str, new_name: str, inputs: Iterable[Path] = ()
) -> Path:
    """Write the diff page to ``path`` atomically (never over one of ``inputs``)."""
    page = build_diff_page(d, old_name=old_name, new_name=new_name)
    return write_text_atomic(Path(path), page, inputs=inputs)


def _position_row(p: PositionChange) -> dict[str, object]:
    return {
        "name": p.name,
        "before": _LEAN[p.before],
        "after": _LEAN[p.after],
        "change": p.change,
        "basis_before": p.basis_before,
        "basis_after": p.basis_after,
        "reasons_before": p.reasons_before,
        "reasons_after": p.reasons_after,
        "quotes_before": p.quotes_before,
        "quotes_after": p.quotes_after,
        "lean_class": (p.after or "none"),
    }


def _rank(rank: int | None) -> str:
    if rank is None:
        return "absent"
    return f"#{rank}" if rank else "not contested"


def _trend(before: int | None, after: int | None) -> str:
    if not after:
        return "down"
    if not before:
        return "up"
    return "up" if after < before else "down" if after > before else "same"
