"""Interactive, offline HTML: graph views and a report.

- :func:`render_views` writes one page per view (whole graph, each topic, speaker and
  document) and an index;
- :func:`render_report` writes one report page (contested topics, alignment, every
  claim, the sources with quotes highlighted);
- :func:`graph_html` and :func:`notebook_html` return the whole-graph page as text;
- :func:`show` draws one view in a notebook, :func:`to_pyvis` makes any view a
  ``pyvis.network.Network``.

Pages inline vis-network from the pyvis wheel and need no network. docs/views.md
describes the encodings and the layout.
"""

from __future__ import annotations

from pathlib import Path

from arggraph.model import ArgumentGraph
from arggraph.render.notebook import show
from arggraph.render.pages import (
    build_view_pages,
    graph_html,
    notebook_html,
    topic_html,
    write_view_pages,
)
from arggraph.render.pyvis_export import to_pyvis
from arggraph.render.report import build_report, render_report
from arggraph.render.views import (
    GraphView,
    all_views,
    document_view,
    speaker_view,
    topic_view,
    whole_view,
)


def render_views(
    graph: ArgumentGraph, out_dir: str | Path, *, jobs: int | None = None
) -> list[Path]:
    """Write every view page and ``index.html`` into ``out_dir``; return the paths, sorted.

    ``jobs``: worker processes writing the pages (default: the usable cores, at most 8;
    see :func:`~arggraph.render.pages.write_view_pages`); the bytes do not depend on it.

    Example
    -------
    >>> import arggraph                                                  # doctest: +SKIP
    >>> render_views(arggraph.load("graphs/deepseek.yaml"), "out/views")  # doctest: +SKIP
    """
    return write_view_pages(graph, Path(out_dir), jobs=jobs)


__all__ = [
    "GraphView",
    "all_views",
    "build_report",
    "build_view_pages",
    "document_view",
    "graph_html",
    "notebook_html",
    "render_report",
    "render_views",
    "show",
    "speaker_view",
    "to_pyvis",
    "topic_html",
    "topic_view",
    "whole_view",
]
