"""What ``arggraph render`` writes, as a reader opens it: one shared asset file, pages
that open from disk with the network cut off, a view drawn once before it is ready,
and the overview of a large graph that drills down into a topic's or question's map.

Browser tests use Debian's Chromium through Playwright (fixtures in conftest.py);
``open_page`` blocks every request that is not a file and records it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from arggraph.model import ArgumentGraph
from arggraph.render import graph_html
from arggraph.render.html import SHARED_ASSET
from arggraph.render.overview import overview_view, strongest_links, topic_links
from arggraph.render.pages import WHOLE_ALL, build_view_pages, write_view_pages
from arggraph.render.style import SOLID_REBUTTALS_ABOVE
from arggraph.render.views import whole_view
from arggraph.synthetic import synthetic_graph
from tests.render.conftest import ARTIFACTS


def _questioned(n: int) -> ArgumentGraph:
    return synthetic_graph(n, seed=5, stance_share=0.4, sub_question_share=0.5)


# ---------------------------------------------------------------- files, no browser


def test_render_writes_one_shared_asset_that_every_page_loads(
    hostile_graph: ArgumentGraph, tmp_path: Path
) -> None:
    pages = write_view_pages(hostile_graph, tmp_path)
    asset = tmp_path / SHARED_ASSET
    assert asset.is_file()
    assert [p for p in tmp_path.rglob("*.js")] == [asset]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if page.name == "index.html":
            continue
        assert f'<script src="{SHARED_ASSET}"></script>' in text, page.name
        assert "vis-network" not in text, page.name  # no copy of it in the page
        assert "function make(" not in text, page.name  # nor of our script
    script = asset.read_text(encoding="utf-8")
    assert script.count("vis-network") >= 1
    assert "window.arggraph" in script
    assert ".ag-canvas" in script  # the stylesheet, added by the script


def test_standalone_pages_still_inline_what_they_need(hostile_graph: ArgumentGraph) -> None:
    for name, text in build_view_pages(hostile_graph).items():
        assert "<script src=" not in text, name
    assert "<script src=" not in graph_html(hostile_graph)


def test_render_refuses_an_asset_path_that_is_an_input(tmp_path: Path) -> None:
    from arggraph.errors import OutputError

    graph = synthetic_graph(10, seed=1)
    asset = tmp_path / SHARED_ASSET
    asset.parent.mkdir(parents=True)
    asset.write_text("// the user's file", encoding="utf-8")
    graph.attach_sources({}, {}, inputs=[asset])
    with pytest.raises(OutputError):
        write_view_pages(graph, tmp_path)
    assert asset.read_text(encoding="utf-8") == "// the user's file"
    assert not (tmp_path / "graph.html").exists()


def test_large_views_draw_rebuttals_solid_with_a_bar_head() -> None:
    view = whole_view(synthetic_graph(400, seed=2))
    assert len(view.edges) > SOLID_REBUTTALS_ABOVE
    rebuttals = [e for e in view.edges if e["kind"] == "rebuts"]
    supports = [e for e in view.edges if e["kind"] == "supports"]
    assert rebuttals
    assert supports
    assert all(e["dashes"] is False and e["arrows"]["to"]["type"] == "bar" for e in rebuttals)
    assert all(e["arrows"] == "to" for e in supports)
    assert "solid red" in view.layout_note


def test_topic_links_count_relations_across_topics_once_per_pair() -> None:
    graph = synthetic_graph(300, seed=4)
    links = topic_links(graph)
    topic = {c.id: c.topics[0] for c in graph.claims}
    across = sum(1 for r in graph.relations if topic[r.source] != topic[r.target])
    assert sum(links.values()) == across
    kept = strongest_links(links, per_topic=2)
    for t in {t for pair in links for t in pair}:
        mine = sorted((n for p, n in links.items() if t in p), reverse=True)[:2]
        assert sorted((links[p] for p in kept if t in p), reverse=True)[:2] == mine


def test_overview_nodes_are_topics_and_questions_sized_by_claims() -> None:
    graph = _questioned(400)
    view = overview_view(graph, {"topic:t0": "topic-t0.html"})
    topics = [n for n in view.nodes if n["kind"] == "topic"]
    questions = [n for n in view.nodes if n["kind"] == "question"]
    assert len(topics) == len(graph.topics)
    assert questions
    by_size = sorted(topics, key=lambda n: n["claims"])
    assert by_size[0]["size"] <= by_size[-1]["size"]
    assert by_size[0]["claims"] < by_size[-1]["claims"]
    assert next(n for n in topics if n["id"] == "topic:t0")["href"] == "topic-t0.html"
    links = [e for e in view.edges if e["kind"] == "link"]
    assert links
    assert all(e["label"].replace(",", "").isdigit() for e in links)


# ---------------------------------------------------------------- in the browser


def _draws(page: Any, key: str) -> int:
    count: int = page.evaluate(f"window.arggraph.views[{key!r}].draws")
    return count


@pytest.mark.browser
def test_rendered_pages_open_from_disk_with_the_shared_asset(
    hostile_graph: ArgumentGraph, tmp_path: Path, open_page: Any
) -> None:
    pages = write_view_pages(hostile_graph, tmp_path / "views")
    for path in pages:
        if path.name == "index.html":
            continue
        opened = open_page(path)
        page = opened.page
        assert page.evaluate("typeof vis.Network") == "function", path.name
        # the stylesheet came with the shared script: the canvas has its height
        height = page.evaluate(
            "document.querySelector('.ag-canvas').getBoundingClientRect().height"
        )
        assert height >= 400, path.name
        opened.check_clean()  # no request left the disk, no error, no dialog


@pytest.mark.browser
@pytest.mark.parametrize(
    ("n", "key"),
    [(60, "graph"), (700, "graph"), (200, "topic:t1")],
    ids=["physics-free small graph", "precomputed graph", "topic map"],
)
def test_a_view_with_positions_given_draws_once_before_ready(
    n: int, key: str, tmp_path: Path, open_page: Any
) -> None:
    graph = synthetic_graph(n, seed=3)
    pages = build_view_pages(graph, precompute_above=50)
    name = "graph.html" if key == "graph" else key.replace(":", "-") + ".html"
    path = tmp_path / name
    path.write_text(pages[name], encoding="utf-8")
    opened = open_page(path)
    page = opened.page
    # counted by the page itself (afterDrawing) when the map marked itself ready
    page.wait_for_timeout(700)  # and nothing redraws it afterwards on its own
    assert _draws(page, key) == 1
    opened.check_clean()


@pytest.mark.browser
def test_the_whole_graph_opens_labelled_without_a_second_drawing(
    tmp_path: Path, open_page: Any
) -> None:
    graph = synthetic_graph(700, seed=3)
    path = tmp_path / "g.html"
    path.write_text(graph_html(graph), encoding="utf-8")
    page = open_page(path).page
    labels = page.evaluate(
        """() => {
            const v = window.arggraph.views.graph;
            const nodes = v.nodes.get({filter: n => n.kind === 'claim'});
            return {scale: v.network.getScale(), draws: v.draws,
                    central: nodes.filter(n => n.central && n.label).length,
                    others: nodes.filter(n => !n.central && n.label).length};
        }"""
    )
    assert labels["scale"] < 0.7
    assert labels["central"] == 12
    assert labels["others"] == 0
    assert labels["draws"] == 1


@pytest.fixture
def overview_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A rendered folder whose graph opens on the overview (threshold lowered to 300)."""
    import arggraph.render.pages as pages

    monkeypatch.setattr(pages, "OVERVIEW_ABOVE", 300)
    write_view_pages(_questioned(400), tmp_path / "views")
    return tmp_path / "views"


def _click(page: Any, node_id: str) -> None:
    x, y = page.evaluate(
        """id => {
            const v = window.arggraph.views.overview;
            const p = v.network.canvasToDOM(v.network.getPosition(id));
            const box = v.section.querySelector('.ag-canvas').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""",
        node_id,
    )
    page.mouse.click(x, y)


@pytest.mark.browser
def test_the_overview_opens_drawn_once_and_lists_every_topic(
    overview_folder: Path, open_page: Any
) -> None:
    assert (overview_folder / WHOLE_ALL).is_file()
    opened = open_page(overview_folder / "graph.html")
    page = opened.page
    page.wait_for_timeout(500)
    assert _draws(page, "overview") == 1
    shown = page.evaluate(
        """() => { const v = window.arggraph.views.overview;
            return {topics: v.nodes.get({filter: n => n.kind === 'topic'}).length,
                    questions: v.nodes.get({filter: n => n.kind === 'question'}).length}; }"""
    )
    listed = page.locator(".ag-overview-list > li").count()
    assert shown["topics"] == listed > 1
    assert shown["questions"] >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "overview.png"))
    opened.check_clean()


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["topic", "question"])
def test_clicking_an_overview_node_opens_its_map(
    kind: str, overview_folder: Path, open_page: Any
) -> None:
    opened = open_page(overview_folder / "graph.html")
    page = opened.page
    node = page.evaluate(
        f"window.arggraph.views.overview.nodes.get({{filter: n => n.kind === '{kind}'}})[0]"
    )
    with page.expect_navigation():
        _click(page, node["id"])
    assert page.url.endswith("/" + node["href"])
    page.wait_for_function(
        "document.querySelector('section.ag-view') &&"
        " document.querySelector('section.ag-view').dataset.state === 'ready'"
    )
    key = page.evaluate("document.querySelector('section.ag-view').dataset.key")
    assert key == node["id"]  # the page of that topic or question, drawn
    assert (
        page.evaluate(
            "window.arggraph.views[document.querySelector('section.ag-view').dataset.key].draws"
        )
        == 1
    )
    opened.check_clean()


@pytest.mark.browser
def test_the_overview_labels_its_largest_topics_without_overlap(
    overview_folder: Path, open_page: Any
) -> None:
    page = open_page(overview_folder / "graph.html").page
    labelled = page.evaluate(
        """() => { const v = window.arggraph.views.overview;
            return v.nodes.get({filter: n => n.lead && n.font.background}).map(n => {
                const p = v.network.canvasToDOM({x: n.x, y: n.y});
                return {x: p.x, y: p.y, px: n.font.size * v.network.getScale(),
                        claims: n.claims};
            }); }"""
    )
    assert len(labelled) >= 2
    assert all(label["px"] >= 12.5 for label in labelled)  # readable on screen
    for i, a in enumerate(labelled):
        for b in labelled[:i]:
            assert abs(a["x"] - b["x"]) > 170 or abs(a["y"] - b["y"]) > 50
