"""Interactive view pages: one offline HTML file per view, and an index.

:func:`build_view_pages` returns the pages as text, each inlining what it needs
(pure); :func:`write_view_pages` (``arggraph render``) writes them into a folder one
at a time, atomically, with one shared asset file (:data:`~arggraph.render.html.SHARED_ASSET`)
that every page loads by a relative path, so the folder opens from disk. A graph of
more than :data:`~arggraph.render.overview.OVERVIEW_ABOVE` claims opens on an overview
(``graph.html``); its every-claim map is then ``graph-all.html``. The same graph
always gives the same bytes: no timestamps, and every list is in file order or sorted.

Example
-------
>>> from arggraph.synthetic import synthetic_graph
>>> pages = build_view_pages(synthetic_graph(10, seed=1))
>>> sorted(pages)[:3]
['document-doc0.html', 'graph.html', 'index.html']
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from markupsafe import Markup

from arggraph.analysis.objections import Statuses, claim_statuses_for_display
from arggraph.collector import collector_paused
from arggraph.errors import OutputError
from arggraph.io.atomic import AtomicBatch, refuse_inputs
from arggraph.model import ArgumentGraph
from arggraph.render.html import SHARED_ASSET, environment, render_template, shared_asset_text
from arggraph.render.overview import OVERVIEW_ABOVE, OverviewView, overview_view
from arggraph.render.page_workers import PARALLEL_ABOVE, default_jobs, run_shares
from arggraph.render.view_context import ViewContext
from arggraph.render.views import (
    DETAILS_DIR,
    DETAILS_PER_FILE,
    PRECOMPUTE_ABOVE,
    GraphView,
    ViewKey,
    details_file,
    details_files,
    iter_views,
    legend,
    topic_legend,
    topic_view,
    view_keys,
    whole_view,
)

_GROUP_TITLES = {
    "topic": "Topics",
    "question": "Questions",
    "speaker": "Speakers",
    "document": "Documents",
}
WHOLE_ALL = "graph-all.html"
"""The every-claim map's file when the graph opens on the overview (``graph.html``)."""


class _Keyed(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def item_id(self) -> str | None: ...


def page_names(views: Iterable[_Keyed]) -> dict[str, str]:
    """A file name per view key: ``graph.html``, ``topic-<id>.html``, ...

    Ids may hold ``:``, which some file systems refuse, so it becomes ``~`` (no id
    holds ``~``). Names that differ only by case get a numeric suffix, so that the
    pages survive case-insensitive file systems.
    """
    names: dict[str, str] = {}
    used: set[str] = {"index.html", WHOLE_ALL}
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
    view: GraphView | OverviewView,
    *,
    statuses: Statuses,
    index_href: str | None = "index.html",
    whole_href: str | None = "graph.html",
    whole_label: str = "Whole graph",
    shared_assets: str | None = None,
    legend_html: Markup | None = None,
) -> str:
    """One view as an HTML page: standalone, or loading ``shared_assets`` (a relative link).

    ``legend_html`` is :func:`legend_markup` made once for all the pages of a graph.
    """
    return render_template(
        "view.html.j2",
        view=view,
        graph_title=graph.title or "Argument graph",
        legend_html=legend_markup(graph, statuses) if legend_html is None else legend_html,
        index_href=index_href,
        whole_href=whole_href,
        whole_label=whole_label,
        shared_assets=shared_assets,
    )


def legend_markup(graph: ArgumentGraph, statuses: Statuses) -> Markup:
    """The legend every view page of ``graph`` shows (the same on each): made once, as
    a graph of 400 topics lists 400 shapes (it was 40 % of ``render``'s templating)."""
    macros = environment().get_template("_macros.html.j2").module
    return Markup(macros.legend(legend(), topic_legend(graph), statuses.note))  # type: ignore[attr-defined]


@dataclass
class _PageSet:
    """What every page of one graph shares: statuses, file names, the navigation and
    the views' look-ups; a page is made from it and its view alone."""

    graph: ArgumentGraph
    shared_assets: str | None
    precompute_above: int
    statuses: Statuses = field(init=False)
    keys: list[ViewKey] = field(init=False)
    names: dict[str, str] = field(init=False)
    with_overview: bool = field(init=False)
    nav: dict[str, Any] = field(init=False)
    context: ViewContext = field(init=False)

    def __post_init__(self) -> None:
        graph = self.graph
        self.statuses = claim_statuses_for_display(graph)
        self.keys = view_keys(graph)
        self.names = page_names(self.keys)
        self.with_overview = len(graph.claims) > OVERVIEW_ABOVE
        self.nav = {
            "whole_label": "Overview" if self.with_overview else "Whole graph",
            "legend_html": legend_markup(graph, self.statuses),
        }
        if self.with_overview:
            self.names["graph"] = WHOLE_ALL
        self.context = ViewContext(graph, self.statuses)

    def overview(self) -> tuple[str, str, dict[str, Any]]:
        """The overview page (``graph.html``, graphs above ``OVERVIEW_ABOVE`` claims):
        its name, HTML and index entry."""
        top = overview_view(self.graph, self.names)
        page = view_page(
            self.graph,
            top,
            statuses=self.statuses,
            whole_href=None,
            shared_assets=self.shared_assets,
            legend_html=self.nav["legend_html"],
        )
        note = f"{top.counts['topics']:,} topics, {top.counts['questions']:,} questions"
        return "graph.html", page, {"href": "graph.html", "label": "Overview", "note": note}

    def views(self, keys: list[ViewKey]) -> Iterator[GraphView]:
        """The views of ``keys``, built one at a time from the shared look-ups."""
        return iter_views(
            self.graph,
            keys,
            statuses=self.statuses,
            precompute_above=self.precompute_above,
            context=self.context,
        )

    def page(self, view: GraphView) -> tuple[str, str]:
        """One view's page: its file name and HTML."""
        if self.shared_assets is not None:
            view.details_href = DETAILS_DIR
        whole = None if view.kind == "graph" and not self.with_overview else "graph.html"
        text = view_page(
            self.graph,
            view,
            statuses=self.statuses,
            whole_href=whole,
            shared_assets=self.shared_assets,
            **self.nav,
        )
        return self.names[view.key], text

    def entry(self, view: GraphView) -> tuple[str, dict[str, Any]]:
        """The view's line in ``index.html``: its kind and entry."""
        return view.kind, _entry(view, self.names, self.with_overview)


def _pages(graph: ArgumentGraph, *, precompute_above: int) -> Iterator[tuple[str, str]]:
    """Every page as (file name, HTML), each standalone (its claims' details inside),
    built one at a time; ``index.html`` last."""
    pages = _PageSet(graph, None, precompute_above)
    entries: list[tuple[str, dict[str, Any]]] = []
    if pages.with_overview:
        name, text, entry = pages.overview()
        yield name, text
        entries.append(("graph", entry))
    for view in pages.views(pages.keys):
        yield pages.page(view)
        entries.append(pages.entry(view))
    yield "index.html", _index(graph, entries)


def _index(graph: ArgumentGraph, entries: list[tuple[str, dict[str, Any]]]) -> str:
    groups = [{"title": "Whole graph", "pages": [e for kind, e in entries if kind == "graph"]}]
    for kind, title in _GROUP_TITLES.items():
        pages = [e for k, e in entries if k == kind]
        if kind != "question":  # questions stay in file order, with their topics
            pages.sort(key=lambda e: (str(e["label"]).casefold(), str(e["href"])))
        if pages:
            groups.append({"title": title, "pages": pages})
    return render_template(
        "index.html.j2",
        graph_title=graph.title or "Argument graph",
        description=graph.description,
        groups=groups,
    )


def build_view_pages(
    graph: ArgumentGraph, *, precompute_above: int = PRECOMPUTE_ABOVE
) -> dict[str, str]:
    """Every view page and ``index.html``, as ``{file name: HTML}``, each page standalone."""
    return dict(_pages(graph, precompute_above=precompute_above))


def _entry(view: GraphView, names: dict[str, str], with_overview: bool) -> dict[str, Any]:
    counts = view.counts
    label = view.title.split(": ", 1)[1] if view.kind != "graph" else view.title
    if view.kind == "graph" and with_overview:
        label = "Every claim on one map (slow to open at this size)"
    note = f"{counts['claims']:,} claims, {counts['relations']:,} relations"
    if view.members_note:  # its own claims, then what the page draws with their context
        drawn = f"{counts['claims']:,} claims and {counts['relations']:,} relations drawn"
        note = f"{view.members_note} \u00b7 {drawn}"
    return {
        "href": names[view.key],
        "label": label,
        "note": note + (", precomputed layout" if view.precomputed else ""),
    }


def write_view_pages(
    graph: ArgumentGraph,
    out_dir: Path,
    *,
    precompute_above: int = PRECOMPUTE_ABOVE,
    jobs: int | None = None,
) -> list[Path]:
    """Write every view page, ``index.html`` and the shared asset file into ``out_dir``.

    Pages are built and written one at a time (never all held in memory), atomically,
    flushed to disk once per batch of files (:class:`~arggraph.io.atomic.AtomicBatch`);
    each claim's details are written once, into the files under ``DETAILS_DIR``, which
    a page loads when a claim is first clicked. Returns the pages' paths, sorted (the asset files,
    ``out_dir / SHARED_ASSET`` and the details, are not listed).

    ``jobs`` processes (default :func:`~arggraph.render.page_workers.default_jobs`, the
    usable cores up to 8: this one and forked workers) build and write the view pages,
    each taking the next page not yet taken; graphs under
    :data:`~arggraph.render.page_workers.PARALLEL_ABOVE` claims, and systems without a
    safe ``fork`` (Windows, macOS), use one process. The files are the same bytes
    whatever ``jobs`` is.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: is a file; give a folder for the views")
    names = [*page_names(view_keys(graph)).values(), "index.html", WHOLE_ALL, SHARED_ASSET]
    files = -(-len(graph.claims) // DETAILS_PER_FILE)
    names += [DETAILS_DIR + details_file(i) for i in range(files)]
    refuse_inputs((out_dir / name for name in names), graph.input_paths)
    checked = {name: out_dir / name for name in names}
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if len(graph.claims) < PARALLEL_ABOVE:
        jobs = 1
    # the views' look-ups and shared text are millions of long-lived small objects:
    # with the collector running, its full passes over them were an eighth of the time
    with collector_paused():
        pages = _PageSet(graph, SHARED_ASSET, precompute_above)
        entries: list[tuple[int, str, dict[str, Any]]] = []
        with AtomicBatch() as batch:
            batch.write_text(checked[SHARED_ASSET], shared_asset_text())
            if pages.with_overview:
                name, text, entry = pages.overview()
                batch.write_text(checked[name], text)
                entries.append((-1, "graph", entry))

        if jobs > 1:
            pages.context.warm()

        def write_taken(take: Callable[[], int]) -> list[tuple[int, str, dict[str, Any]]]:
            """Build and write the page of each view index ``take()`` gives (the whole
            graph's, the largest, is index 0; with it the details files), until none is
            left; return their index entries."""
            done = []
            with AtomicBatch() as batch:
                while (index := take()) < len(pages.keys):
                    view = next(pages.views(pages.keys[index : index + 1]))
                    name, text = pages.page(view)
                    batch.write_text(checked[name], text)  # each name was checked already
                    done.append((index, *pages.entry(view)))
                    if view.kind == "graph":
                        for name, text in details_files(view):
                            batch.write_text(checked[DETAILS_DIR + name], text)
            return done

        for taken in run_shares(jobs, write_taken, folder=out_dir):
            entries += taken
        entries.sort(key=lambda e: e[0])
        with AtomicBatch() as batch:
            batch.write_text(checked["index.html"], _index(graph, [e[1:] for e in entries]))
    return sorted(out_dir / name for name in {*pages.names.values(), "index.html", "graph.html"})


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
