"""Pages as HTML: escaping of hostile data, offline assets, determinism, files written."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import arggraph
from arggraph.errors import OutputError
from arggraph.model import ArgumentGraph
from arggraph.render import (
    build_report,
    build_view_pages,
    graph_html,
    notebook_html,
    render_report,
    render_views,
)
from arggraph.render.html import script_json, static_text, vis_assets
from arggraph.render.pages import page_names
from arggraph.render.views import all_views

LOADING_TAGS = {"script", "img", "link", "iframe", "source", "video", "audio", "embed", "object"}


class Page(HTMLParser):
    """Every tag with its attributes, and the text of each JSON block."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.blocks: list[str] = []
        self.text: list[str] = []
        self._in_json = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_json = tag == "script" and dict(attrs).get("type") == "application/json"
        if self._in_json:
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json = False

    def handle_data(self, data: str) -> None:
        if self._in_json:
            self.blocks[-1] += data
        else:
            self.text.append(data)


def without_assets(page: str) -> str:
    """The page minus the inlined vis-network and arggraph scripts and styles (trusted)."""
    vis_js, vis_css = vis_assets()
    for asset in (vis_js, vis_css, static_text("arggraph.js"), static_text("arggraph.css")):
        page = page.replace(asset, "")
    return page


def markup_only(page: str) -> str:
    """The page minus its assets and the contents of its JSON blocks (checked on their own)."""
    blocks = re.compile(r'(<script type="application/json" id="[^"]*">)(.*?)(</script>)', re.S)
    for match in blocks.finditer(page):
        assert "<" not in match.group(2)
    return blocks.sub(r"\1\3", without_assets(page))


def all_pages(graph: ArgumentGraph) -> dict[str, str]:
    pages = build_view_pages(graph)
    pages["report.html"] = build_report(graph)
    pages["graph_html"] = graph_html(graph)
    return pages


def test_script_json_cannot_end_its_block() -> None:
    data = {"a": "</script><!-- <script>&\u2028", "b": ["<img onerror=x>"]}
    text = script_json(data)
    for raw in ("<", ">", "&", "\u2028"):
        assert raw not in text
    assert json.loads(text) == data


def test_hostile_text_never_becomes_markup(
    hostile_graph: ArgumentGraph, xss_probes: list[str]
) -> None:
    for name, page in all_pages(hostile_graph).items():
        html = markup_only(page)
        for probe in xss_probes:
            assert probe not in html, (name, probe)
        parsed = Page(html)
        for tag, attrs in parsed.tags:
            assert not [a for a in attrs if a.startswith("on")], (name, tag, attrs)
            assert tag not in {"img", "iframe", "object", "embed", "link"}, (name, tag)
            if tag == "script":
                assert attrs in ({}, {"type": "application/json", "id": attrs.get("id")}), name
            if tag == "a":
                assert not (attrs.get("href") or "").lower().startswith("javascript"), name


def test_hostile_text_shows_as_written(hostile_graph: ArgumentGraph) -> None:
    page = Page(build_report(hostile_graph))
    text = "".join(page.text)
    for claim in hostile_graph.claims:
        assert claim.statement in text
    for speaker in hostile_graph.speakers:
        assert speaker.name in text
    for topic in hostile_graph.topics:
        assert topic.label in text
    for document in hostile_graph.documents:
        assert document.title in text


def test_json_blocks_carry_the_data_unchanged(hostile_graph: ArgumentGraph) -> None:
    expected = {v.key: v.page_data() for v in all_views(hostile_graph)}
    for name, page in build_view_pages(hostile_graph).items():
        for block in Page(page).blocks:
            data = json.loads(block)
            assert data == json.loads(json.dumps(expected[data["key"]])), name


def test_pages_load_nothing_from_the_network(hostile_graph: ArgumentGraph) -> None:
    for name, page in all_pages(hostile_graph).items():
        parsed = Page(page)
        for tag, attrs in parsed.tags:
            if tag in LOADING_TAGS:
                for attr in ("src", "href"):
                    value = (attrs.get(attr) or "").lower()
                    assert not value.startswith(("http:", "https:", "//")), (name, tag, attrs)
        assert "://" not in without_assets(page), name
        assert "bootstrap" not in page.lower(), name
        assert "@import" not in page, name
        assert "url(http" not in page, name
        assert "url('http" not in page, name
        assert "sourceMappingURL" not in page, name


def test_each_page_inlines_vis_network_once(hostile_graph: ArgumentGraph) -> None:
    vis_js, _ = vis_assets()
    pages = all_pages(hostile_graph)
    for name, page in pages.items():
        assert page.count(vis_js) == (0 if name == "index.html" else 1), name


def test_report_holds_one_json_block_per_map(hostile_graph: ArgumentGraph) -> None:
    """The answered question gets its map; the topic with no answered question, its own."""
    blocks = Page(build_report(hostile_graph)).blocks
    assert sorted(json.loads(b)["key"] for b in blocks) == ["question:compute", "topic:chips"]


def test_pages_are_deterministic(hostile_graph: ArgumentGraph) -> None:
    first = all_pages(hostile_graph)
    again = ArgumentGraph.model_validate(hostile_graph.model_dump())
    assert all_pages(again) == first


def test_notebook_html_isolates_the_page_in_an_iframe(hostile_graph: ArgumentGraph) -> None:
    html = notebook_html(hostile_graph)
    assert html.startswith('<iframe srcdoc="')
    assert html.count("<") == 2  # <iframe> and </iframe>: the page is escaped into srcdoc
    assert 'sandbox="allow-scripts"' in html


def test_page_names_are_safe_and_case_distinct() -> None:
    views: list[Any] = [
        type("V", (), {"key": k, "kind": kind, "item_id": item})()
        for k, kind, item in [
            ("graph", "graph", None),
            ("topic:a:b", "topic", "a:b"),
            ("topic:A", "topic", "A"),
            ("topic:a", "topic", "a"),
        ]
    ]
    assert page_names(views) == {
        "graph": "graph.html",
        "topic:a:b": "topic-a~b.html",
        "topic:A": "topic-A.html",
        "topic:a": "topic-a-2.html",
    }


def test_render_views_writes_every_view_and_an_index(
    hostile_graph: ArgumentGraph, tmp_path: Path
) -> None:
    written = render_views(hostile_graph, tmp_path / "out")
    names = sorted(p.name for p in written)
    assert names == [
        "document-essay.2.html",
        "document-talk~1.html",
        "graph.html",
        "index.html",
        "question-compute.html",
        "speaker-chilson.html",
        "speaker-heim.html",
        "speaker-mcbride.html",
        "speaker-wagner.html",
        "topic-chips.html",
        "topic-compute.html",
    ]
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    hrefs = {a.get("href") for tag, a in Page(index).tags if tag == "a"}
    assert hrefs == set(names) - {"index.html"}


def test_render_report_refuses_to_overwrite_an_input(small_graph: Path) -> None:
    graph = arggraph.load(small_graph)
    with pytest.raises(OutputError):
        render_report(graph, small_graph)
    target = render_report(graph, small_graph.parent / "report.html")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_pages_do_not_depend_on_hash_seeds(tmp_path: Path) -> None:
    script = (
        "import hashlib, sys\n"
        "from arggraph.synthetic import synthetic_graph\n"
        "from arggraph.render import build_report, build_view_pages\n"
        "g = synthetic_graph(60, seed=9)\n"
        "pages = build_view_pages(g)\n"
        "pages['report'] = build_report(g)\n"
        "for name in sorted(pages):\n"
        "    print(name, hashlib.sha256(pages[name].encode()).hexdigest())\n"
    )
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    ]
    assert outputs[0] == outputs[1]
    assert outputs[0].count("\n") > 3
