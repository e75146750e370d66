"""The review queue: an offline HTML page to accept, reject or edit proposals.

One card per proposal of a :class:`~arggraph.extract.into.Review` (``arggraph
extract NEWDOC --into GRAPH``): the drafted claim's quote in its context beside the
existing claim's, the evidence and the confidence, and controls to accept, reject,
change the kind (merge, supports, rebuts, new) and edit the new claim's statement.
The page's script (``static/review.js``) builds a YAML patch of the accepted changes
(:mod:`arggraph.patch`) and offers it as a download; nothing leaves the page. Every
text goes through the autoescaped template or ``textContent``.

Example
-------
>>> from arggraph.extract.into import Review
>>> review = Review(graph="g.yaml", document={"id": "d"}, text="", settings={},
...                 claims=[], proposals=[])
>>> build_review_page(review).startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from markupsafe import Markup

from arggraph.extract.into import Review
from arggraph.io.atomic import write_text_atomic
from arggraph.render.html import render_template, static_text

__all__ = ["build_review_page", "render_review_page"]

_KIND_CHOICES = {
    "existing": ["merge", "supports", "rebuts", "new"],
    "within": ["supports", "rebuts"],
}


def build_review_page(review: Review) -> str:
    """The review queue as one standalone HTML page (deterministic)."""
    claims = {c.id: c for c in review.claims}
    cards = [
        {
            "proposal": p,
            "claim": claims[p.claim],
            "choices": _KIND_CHOICES[p.scope] if p.kind != "new" else ["new"],
        }
        for p in review.proposals
    ]
    data = {
        "graph": review.graph,
        "document": review.document,
        "claims": [c.model_dump(mode="json") for c in review.claims],
        "proposals": [
            p.model_dump(mode="json", exclude={"other_quotes"}) for p in review.proposals
        ],
    }
    counts = {k: sum(1 for p in review.proposals if p.kind == k) for k in _KIND_CHOICES["existing"]}
    return render_template(
        "review.html.j2",
        review=review,
        cards=cards,
        counts=counts,
        data=data,
        review_js=Markup(static_text("review.js")),
    )


def render_review_page(review: Review, path: str | Path, *, inputs: Iterable[Path] = ()) -> Path:
    """Write the review queue to ``path`` atomically (never over one of ``inputs``)."""
    return write_text_atomic(Path(path), build_review_page(review), inputs=inputs)
