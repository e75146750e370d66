"""What ``arggraph render`` writes, as a reader opens it: one shared asset file, pages
that open from disk with the network cut off, a view drawn once before it is ready,
and the overview of a large graph that drills down into a topic's or question's map.

Browser tests use Debian's Chromium through Playwright (fixtures in conftest.py);
``open_page`` blocks every request that is not a file and records it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from arggraph.model import ArgumentGraph
from arggraph.render import graph_html
from arggraph.render.html import SHARED_ASSET, script_json
from arggraph.render.overview import overview_view, strongest_links, topic_links
from arggraph.render.pages import WHOLE_ALL, build_view_pages, write_view_pages
from arggraph.render.style import SOLID_REBUTTALS_ABOVE
from arggraph.render.views import DETAILS_DIR, DETAILS_PER_FILE, details_file, whole_view
from arggraph.synthetic import synthetic_graph
from tests.render.conftest import ARTIFACTS, READY


def _questioned(n: int) -> ArgumentGraph:
    return synthetic_graph(n, seed=5, stance_share=0.4, sub_question_share=0.5)


# ---------------------------------------------------------------- files, no browser


def test_render_writes_one_shared_asset_that_every_page_loads(
    hostile_graph: ArgumentGraph, tmp_path: Path
) -> None:
    pages = write_view_pages(hostile_graph, tmp_path)
    asset = tmp_path / SHARED_ASSET
    assert asset.is_file()
    details = sorted((tmp_path / DETAILS_DIR).glob("*.js"))
    assert sorted(tmp_path.rglob("*.js")) == sorted([asset, *details])
    quotes = {a.quote for c in hostile_graph.claims for a in c.attributions if len(a.quote) > 20}
    assert quotes
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if page.name == "index.html":
            continue
        assert f'<script src="{SHARED_ASSET}"></script>' in text, page.name
        assert "vis-network" not in text, page.name  # no copy of it in the page
        assert "function make(" not in text, page.name  # nor of our script
        # a claim's details (its quotes) are in the details files, not in the pages
        assert not [q for q in quotes if script_json(q)[1:-1] in text], page.name
    script = asset.read_text(encoding="utf-8")
    assert script.count("vis-network") >= 1
    assert "window.arggraph" in script
    assert ".ag-canvas" in script  # the stylesheet, added by the script


def test_render_writes_each_claims_details_once_into_the_details_files(tmp_path: Path) -> None:
    graph = synthetic_graph(DETAILS_PER_FILE + 30, seed=2)
    write_view_pages(graph, tmp_path)
    files = sorted((tmp_path / DETAILS_DIR).glob("*.js"))
    assert [f.name for f in files] == [details_file(0), details_file(1)]
    seen: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("arggraph.addDetails(")
        assert text.endswith(");\n")
        block = json.loads(text[len("arggraph.addDetails(") : -3])
        seen += block["claims"]
        for claim in block["claims"].values():
            named = [r["id"] for f in ("supporters", "rebutters", "outgoing") for r in claim[f]]
            assert all(n in block["statements"] for n in named if n is not None)
    assert sorted(seen) == sorted(c.id for c in graph.claims)  # each claim once


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
@pytest.mark.slow  # about 10 s: renders and opens every page
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


# ---------------------------------------------------------------- details on demand


def _click_claim(page: Any, key: str, claim_id: str) -> None:
    x, y = page.evaluate(
        """([key, id]) => {
            const v = window.arggraph.views[key];
            const p = v.network.canvasToDOM(v.network.getPosition(id));
            const box = v.section.querySelector('.ag-canvas').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""",
        [key, claim_id],
    )
    page.mouse.click(x, y)


@pytest.mark.browser
def test_a_clicked_claims_details_load_from_the_details_files_on_disk(
    hostile_graph: ArgumentGraph, tmp_path: Path, open_page: Any
) -> None:
    write_view_pages(hostile_graph, tmp_path / "views")
    opened = open_page(tmp_path / "views" / "graph.html")
    page = opened.page
    quote = hostile_graph.claim("less").attributions[0].quote
    assert page.evaluate("document.querySelectorAll('script[src*=\"details/\"]').length") == 0
    hover = page.evaluate("window.arggraph.views.graph.nodes.get('less').title")
    assert hover.startswith(hostile_graph.claim("less").statement[:200])
    assert "Held by: " in hover
    _click_claim(page, "graph", "less")
    details = page.locator(".ag-details")
    details.get_by_text("Rebutted by (1)").wait_for()
    assert details.locator("h3").text_content() == hostile_graph.claim("less").statement
    text = details.text_content() or ""
    assert "Supported by (1)" in text
    assert hostile_graph.claim("still").statement in text  # named claims' statements
    assert quote in (details.locator("blockquote").first.text_content() or "")
    # one details file loaded, by a script tag, from the folder; nothing left the disk
    loaded = page.evaluate(
        "Array.from(document.querySelectorAll('script[src*=\"details/\"]')).map(s => s.src)"
    )
    assert loaded == [(tmp_path / "views" / DETAILS_DIR / details_file(0)).as_uri()]
    details.get_by_role("button", name=hostile_graph.claim("still").statement).click()
    assert details.locator("h3").text_content() == hostile_graph.claim("still").statement
    details.get_by_text("Supported by").first.wait_for()
    opened.check_clean()  # no request left the disk, no error, no dialog


@pytest.mark.browser
def test_a_missing_details_file_is_said_on_the_page(
    hostile_graph: ArgumentGraph, tmp_path: Path, open_page: Any
) -> None:
    write_view_pages(hostile_graph, tmp_path / "views")
    for path in (tmp_path / "views" / DETAILS_DIR).glob("*.js"):
        path.unlink()
    opened = open_page(tmp_path / "views" / "graph.html")
    page = opened.page
    _click_claim(page, "graph", "less")
    page.get_by_text("The details could not be read").wait_for()
    assert page.locator(".ag-details h3").text_content() == hostile_graph.claim("less").statement
    assert opened.blocked == []
    assert opened.dialogs == []


@pytest.mark.browser
def test_on_a_phone_the_loaded_details_keep_the_way_back_to_the_map(
    hostile_graph: ArgumentGraph, tmp_path: Path, browser: Any
) -> None:
    write_view_pages(hostile_graph, tmp_path / "views")
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto((tmp_path / "views" / "graph.html").as_uri())
    page.evaluate("window.arggraph.initAll()")
    page.wait_for_function(READY, timeout=60_000)
    page.evaluate(
        "window.arggraph.views.graph.section.querySelector('.ag-canvas')"
        ".scrollIntoView({block: 'center'})"
    )
    _click_claim(page, "graph", "less")
    page.get_by_text("Rebutted by (1)").wait_for()
    assert page.locator(".ag-back-to-map").count() == 1
    top = page.evaluate("document.querySelector('.ag-details').getBoundingClientRect().top")
    assert -1 <= top < 844 / 2
    context.close()


@pytest.mark.browser
def test_a_claim_named_outside_the_view_shows_its_statement_from_the_details_file(
    hostile_graph: ArgumentGraph, tmp_path: Path, open_page: Any
) -> None:
    # McBride's view draws "still", whose details name "less", which it does not draw
    write_view_pages(hostile_graph, tmp_path / "views")
    opened = open_page(tmp_path / "views" / "speaker-mcbride.html")
    page = opened.page
    assert page.evaluate("window.arggraph.views['speaker:mcbride'].nodes.get('less')") is None
    _click_claim(page, "speaker:mcbride", "still")
    outside = page.locator(".ag-details li span", has_text="(not in this view)")
    outside.first.wait_for()
    assert (
        outside.first.text_content()
        == hostile_graph.claim("less").statement + " (not in this view)"
    )
    opened.check_clean()
