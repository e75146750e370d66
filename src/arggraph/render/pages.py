"""Interactive view pages: one offline HTML file per view, and an index.

:func:`build_view_pages` returns the pages as text (pure); :func:`write_view_pages`
writes them atomically. The same graph always gives the same bytes: no timestamps,
and every list is in file order or sorted.

Example
-------
>>> from arggraph.synthetic import synthetic_graph
>>> pages = build_view_pages(synthetic_graph(10, seed=1))
>>> sorted(pages)[:3]
['document-doc0.html', 'graph.html', 'index.html']
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

from arggraph.analysis.objections import Statuses, claim_statuses_for_display
from arggraph.errors import OutputError
from arggraph.io.atomic import ensure_not_input, write_text_atomic
from arggraph.model import ArgumentGraph
from arggraph.render.html import render_template
from arggraph.render.views import (
    PRECOMPUTE_ABOVE,
    GraphView,
    all_views,
    legend,
    topic_legend,
    topic_view,
    whole_view,
)

_GROUP_TITLES = {
    "topic": "Topics",
    "question": "Questions",
    "speaker": "Speakers",
    "document": "Documents",
}


def page_names(views: Iterable[GraphView]) -> dict[str, str]:
    """A file name per view key: ``graph.html``, ``topic-<id>.html``, ...

    Ids may hold ``:``, which some file systems refuse, so it becomes ``~`` (no id
    holds ``~``). Names that differ only by case get a numeric suffix, so that the
    pages survive case-insensitive file systems.
    """
    names: dict[str, str] = {}
    used: set[str] = {"index.html"}
    for view in views:
        stem = "graph" if view.kind == "graph" else f"{view.kind}-{view.item_id}"
        stem = stem.replace(":", "~")
        name, n = f"{stem}.html", 1
        while name.casefold() in used:
            n += 1
            name = f"{stem}-{n}.html"
        used.add(name.casefold())
        names[view.key] = name
    return names


def view_page(
    graph: ArgumentGraph,
    view: GraphView,
    *,
    statuses: Statuses,
    index_href: str | None = "index.html",
    whole_href: str | None = "graph.html",
) -> str:
    """One view as a standalone HTML page."""
    return render_template(
        "view.html.j2",
        view=view,
        graph_title=graph.title or "Argument graph",
        legend=legend(),
        topics=topic_legend(graph),
        status_note=statuses.note,
        index_href=index_href,
        whole_href=whole_href,
    )


def build_view_pages(
    graph: ArgumentGraph, *, precompute_above: int = PRECOMPUTE_ABOVE
) -> dict[str, str]:
    """Every view page and ``index.html``, as ``{file name: HTML}``."""
    statuses = claim_statuses_for_display(graph)
    views = all_views(graph, statuses=statuses, precompute_above=precompute_above)
    names = page_names(views)
    pages = {
        names[v.key]: view_page(
            graph, v, statuses=statuses, whole_href=None if v.kind == "graph" else "graph.html"
        )
        for v in views
    }
    groups = [{"title": "Whole graph", "pages": [_entry(views[0], names)]}]
    for kind, title in _GROUP_TITLES.items():
        entries = [_entry(v, names) for v in views if v.kind == kind]
        if kind != "question":  # questions stay in file order, with their topics
            entries.sort(key=lambda e: (str(e["label"]).casefold(), str(e["href"])))
        if entries:
            groups.append({"title": title, "pages": entries})
    pages["index.html"] = render_template(
        "index.html.j2",
        graph_title=graph.title or "Argument graph",
        description=graph.description,
        groups=groups,
    )
    return pages


def _entry(view: GraphView, names: dict[str, str]) -> dict[str, object]:
    counts = view.counts
    label = view.title.split(": ", 1)[1] if view.kind != "graph" else view.title
    return {
        "href": names[view.key],
        "label": label,
        "claims": counts["claims"],
        "relations": counts["relations"],
        "precomputed": view.precomputed,
    }


def write_view_pages(
    graph: ArgumentGraph, out_dir: Path, *, precompute_above: int = PRECOMPUTE_ABOVE
) -> list[Path]:
    """Write every view page and ``index.html`` into ``out_dir``; return the paths, sorted."""
    pages = build_view_pages(graph, precompute_above=precompute_above)
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: is a file; give a folder for the views")
    for name in pages:  # refuse before writing anything, not after half the pages
        ensure_not_input(out_dir / name, graph.input_paths)
    return [
        write_text_atomic(out_dir / name, text, inputs=graph.input_paths)
        for name, text in sorted(pages.items())
    ]


def graph_html(graph: ArgumentGraph, *, precompute_above: int = PRECOMPUTE_ABOVE) -> str:
    """The whole graph as one standalone interactive HTML page (no index links)."""
    statuses = claim_statuses_for_display(graph)
    view = whole_view(graph, statuses=statuses, precompute_above=precompute_above)
    return view_page(graph, view, statuses=statuses, index_href=None, whole_href=None)


def topic_html(graph: ArgumentGraph, topic_id: str) -> str:
    """One topic's view as a standalone interactive HTML page.

    Example
    -------
    >>> import arggraph                                                    # doctest: +SKIP
    >>> page = topic_html(arggraph.load("graphs/deepseek.yaml"), "compute")  # doctest: +SKIP
    """
    if topic_id not in {t.id for t in graph.topics}:
        known = ", ".join(t.id for t in graph.topics) or "none"
        raise KeyError(f"no topic {topic_id!r} in the graph (topics: {known})")
    statuses = claim_statuses_for_display(graph)
    view = topic_view(graph, topic_id, statuses=statuses)
    return view_page(graph, view, statuses=statuses, index_href=None, whole_href=None)


def notebook_html(graph: ArgumentGraph, *, height: int = 720) -> str:
    """:func:`graph_html` in a sandboxed ``<iframe srcdoc>``, for Jupyter's ``_repr_html_``.

    The iframe keeps the page's ids, styles and scripts apart from the notebook's,
    so several graphs can be shown in one notebook.
    """
    page = html.escape(graph_html(graph), quote=True)
    return (
        f'<iframe srcdoc="{page}" sandbox="allow-scripts" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #d5dbe0;" '
        'title="Argument graph"></iframe>'
    )
