"""to_pyvis: any view as a pyvis Network, its own write_html page drawn in Chromium."""

from __future__ import annotations

import doctest
from pathlib import Path
from typing import Any

import pytest
from pyvis.network import Network

import arggraph
from arggraph.model import ArgumentGraph
from arggraph.render import pyvis_export
from arggraph.render.pyvis_export import to_pyvis
from arggraph.render.views import GraphView, document_view, speaker_view, topic_view, whole_view
from arggraph.synthetic import synthetic_graph
from tests.render.conftest import hostile_data

VIEWS = {
    "whole": lambda g: whole_view(g),
    "topic": lambda g: topic_view(g, "compute"),
    "speaker": lambda g: speaker_view(g, "heim"),
    "document": lambda g: document_view(g, "talk:1"),
}


def _without_titles(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in item.items() if k != "title"} for item in items]


@pytest.mark.parametrize("kind", sorted(VIEWS))
def test_the_network_has_the_views_nodes_edges_and_options(
    kind: str, hostile_graph: ArgumentGraph
) -> None:
    view: GraphView = VIEWS[kind](hostile_graph)
    net = to_pyvis(view)
    assert isinstance(net, Network)
    assert net.directed
    assert net.get_nodes() == [n["id"] for n in view.nodes]
    assert _without_titles(net.nodes) == _without_titles(view.nodes)
    assert _without_titles(net.edges) == _without_titles(view.edges)
    assert net.options == view.options
    assert all(n["title"] and e["title"] for n, e in zip(net.nodes, net.edges, strict=False))
    assert net.get_node(view.nodes[0]["id"]) is net.nodes[0]


def test_the_network_is_a_copy(hostile_graph: ArgumentGraph) -> None:
    view = whole_view(hostile_graph)
    net = to_pyvis(view)
    net.nodes[0]["color"]["background"] = "#000000"
    net.edges[0]["color"]["color"] = "#000000"
    net.options["physics"]["enabled"] = False
    assert view.nodes[0]["color"]["background"] != "#000000"
    assert view.edges[0]["color"]["color"] != "#000000"
    assert view.options["physics"]["enabled"]
    assert "title" not in view.nodes[0]


def test_it_never_calls_the_quadratic_add_node(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("add_node or add_edge called")

    monkeypatch.setattr(Network, "add_node", refuse)
    monkeypatch.setattr(Network, "add_edge", refuse)
    net = to_pyvis(whole_view(synthetic_graph(2000, seed=3)))
    assert net.num_nodes() == 2000


def test_titles_are_plain_text_as_vis_network_shows_them(hostile_graph: ArgumentGraph) -> None:
    net = to_pyvis(whole_view(hostile_graph))
    still = net.get_node("still")
    assert still["title"].startswith("Compute still matters </script><script>alert('t')</script>")
    assert "\nHeld by: Heim <img src=x onerror=alert('i')>" in still["title"]
    assert "&lt;" not in still["title"]


def test_titles_are_escaped_when_pyvis_would_show_them_as_html() -> None:
    """pyvis sets a node's tooltip with innerHTML when any title holds "href"."""
    data = hostile_data()
    data["claims"][0]["statement"] = "See <a href='javascript:alert(1)'>this</a>"
    net = to_pyvis(whole_view(ArgumentGraph.model_validate(data)))
    titles = [str(n["title"]) for n in net.nodes]
    assert any("href" in t for t in titles)
    assert all("<" not in t.replace("<br>", "") for t in titles)
    assert "See &lt;a href='javascript:alert(1)'&gt;this&lt;/a&gt;<br>Topics:" in titles[0]


def test_it_is_exported_and_its_example_runs() -> None:
    assert arggraph.to_pyvis is to_pyvis
    result = doctest.testmod(pyvis_export)
    assert result.attempted > 0
    assert result.failed == 0


PYVIS_CDN = "https://cdn.jsdelivr.net/npm/bootstrap@5.0.0-beta3/"
"""What pyvis's template links from the network whatever cdn_resources says."""

DRAWN = """() => {
    const canvas = document.querySelector('#mynetwork canvas');
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3] > 0 && pixels[i] < 200) inked++;
    return {nodes: network.body.data.nodes.length, edges: network.body.data.edges.length,
            positioned: Object.keys(network.getPositions()).length, inked: inked};
}"""


SHOWN_TOOLTIP = """() => [...document.querySelectorAll('div.vis-tooltip, div.popup')]
    .filter(d => getComputedStyle(d).display !== 'none')
    .filter(d => getComputedStyle(d).visibility !== 'hidden')
    .map(d => d.innerText).join('|')"""


def _hover(page: Any, node_id: str) -> None:
    x, y = page.evaluate(
        """id => {
            const p = network.canvasToDOM(network.getPosition(id));
            const box = document.getElementById('mynetwork').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""",
        node_id,
    )
    page.mouse.move(x, y)


@pytest.mark.browser
@pytest.mark.parametrize("href", [False, True], ids=["text-tooltips", "html-tooltips"])
def test_its_own_write_html_page_draws_offline(href: bool, tmp_path: Path, open_page: Any) -> None:
    data = hostile_data()
    if href:
        data["claims"][0]["statement"] += " <a href='javascript:alert(1)'>more</a>"
    view = whole_view(ArgumentGraph.model_validate(data))
    net = to_pyvis(view)
    path = tmp_path / "pyvis.html"
    net.write_html(str(path))
    assert not (tmp_path / "lib").exists()  # "in_line": no lib/ folder copied beside it

    opened = open_page(path, init_all=False)
    page = opened.page
    page.wait_for_function("typeof network !== 'undefined'", timeout=60_000)
    page.wait_for_timeout(1500)  # physics settles, the canvas is drawn
    # a busy machine may still be simulating: hold the nodes still, so a hover lands
    # where the node was read to be (the tooltips, not the physics, are under test)
    page.evaluate("network.stopSimulation()")
    drawn = page.evaluate(DRAWN)
    assert drawn["nodes"] == drawn["positioned"] == len(view.nodes)
    assert drawn["edges"] == len(view.edges)
    assert drawn["inked"] > 500, drawn
    for claim_id in ("still", "less", "inference"):
        page.mouse.move(2, 2)  # off the canvas: the last tooltip goes (pyvis's after 500 ms)
        page.wait_for_timeout(700)
        _hover(page, claim_id)
        # vis-network shows a tooltip after its hover delay: wait for it, not a fixed time
        expected = view.claims[claim_id]["statement"][:20]
        page.wait_for_function(
            f"text => ({SHOWN_TOOLTIP})().startsWith(text)", arg=expected, timeout=20_000
        )
        assert page.locator("div.vis-tooltip *:not(br), div.popup *:not(br)").count() == 0
        shown = page.evaluate(SHOWN_TOOLTIP)
        assert shown.startswith(view.claims[claim_id]["statement"][:20]), shown
    assert page.evaluate("window.__pwned === undefined")
    assert opened.dialogs == []
    assert all(url.startswith(PYVIS_CDN) for url in opened.blocked), opened.blocked
    assert len(opened.blocked) == 2  # Bootstrap's CSS and JS: the graph draws without them
    assert [e for e in opened.errors if "Failed to load resource" not in e] == []
