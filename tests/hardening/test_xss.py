"""Script injection: OWASP filter-evasion vectors in every text field, opened in Chromium.

A graph carries the vectors in claim statements, quotes, speaker names and roles,
topic labels and questions, document titles and authors, notes, the graph title and
description (ids cannot hold markup: their pattern forbids it). Every HTML output is
opened in a real browser with the network cut: the view pages and their index, the
report, and a notebook's outputs (a graph, a result table, a ``show`` frame). Each
vector that runs would open a dialog or set ``window.__pwned``; none may, no console
error may appear, and each vector must show as text. Nodes are hovered and clicked too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from arggraph.analysis.positions import positions
from arggraph.model import ArgumentGraph
from arggraph.render import build_report, build_view_pages
from arggraph.render.notebook import graph_card_html, result_html, show
from tests.render.conftest import READY
from tests.render.test_browser import click_node

pytestmark = pytest.mark.browser

# From the OWASP XSS Filter Evasion Cheat Sheet, and a few that set a flag instead.
VECTORS = [
    "<script>alert(1)</script>",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<SVG ONLOAD=alert(1)>",
    "<BODY ONLOAD=alert('XSS')>",
    "<iframe src=javascript:alert(1)>",
    '"><script>alert(1)</script>',
    "</script><script>alert(1)</script>",
    "<!--<script>alert(1)--!>",
    '<a href="jav&#x09;ascript:alert(1)">link</a>',
    "<STYLE>@import'javascript:alert(1)';</STYLE>",
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(1);">',
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;"
    "&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<svg><script>alert&#40;1&#41;</script>",
    "line\u2028separator\u2029paragraph</script><script>window.__pwned=1</script>",
    "{{7*7}} {{constructor.constructor('alert(1)')()}}",
    "${alert(1)} #{7*7}",
    '<object data="javascript:alert(1)">',
    '<embed src="javascript:alert(1)">',
    "<math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    '<img src=x onerror="window.__pwned=1">',
    "<script>window.__pwned=1</script>",
    "' onfocus='window.__pwned=1' autofocus='",
    '" onmouseover="window.__pwned=1" x="',
    "javascript:window.__pwned=1",
    "<details open ontoggle=window.__pwned=1>",
    '<base href="javascript:alert(1)//">',
    "</textarea><script>alert(1)</script>",
    "<x onclick=window.__pwned=1>click</x>",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
]

DANGEROUS = "img, iframe, object, embed, base, math, form, mglyph, x, textarea, meta[http-equiv]"
NO_INJECTED_MARKUP = f"""() => {{
    const onAttributes = [];
    for (const el of document.querySelectorAll('*')) {{
        for (const attr of el.attributes) {{
            const name = attr.name.toLowerCase();
            if (name.startsWith('on')) onAttributes.push(el.tagName + ' ' + name);
        }}
    }}
    return {{pwned: window.__pwned === undefined ? null : String(window.__pwned),
             on: onAttributes,
             dangerous: Array.from(document.querySelectorAll('{DANGEROUS}'))
                            .map(e => e.outerHTML)}};
}}"""


def _flat(text: str) -> str:
    return " ".join(text.replace("\u2028", " ").replace("\u2029", " ").split())


def xss_data() -> dict[str, Any]:
    """A valid graph with one claim per vector and the vectors in every other text field."""
    n = len(VECTORS)
    text = "".join(f"Speaker {i} said: {v} indeed.\n" for i, v in enumerate(VECTORS))
    speakers = [
        {"id": f"s{i}", "name": f"Name {VECTORS[i]}", "role": VECTORS[(i + 1) % n]}
        for i in range(4)
    ]
    topics = [
        {"id": f"t{i}", "label": f"Topic {VECTORS[i + 4]}", "question": VECTORS[i + 8]}
        for i in range(3)
    ]
    claims = [
        {
            "id": f"c{i}",
            "statement": f"Claim {i}: {v}",
            "topics": [f"t{i % 3}"],
            "stances": {f"t{i % 3}": "pro" if i % 2 else "con"},
            "note": VECTORS[(i + 3) % n],
            "attributions": [
                {"speaker": f"s{i % 4}", "document": "talk", "quote": f"{i} said: {v} indeed"}
            ],
        }
        for i, v in enumerate(VECTORS)
    ]
    relations = [
        {
            "id": f"r{i}",
            "source": f"c{i}",
            "target": f"c{(i + 1) % n}",
            "kind": "rebuts" if i % 2 else "supports",
            "note": VECTORS[(i + 5) % n],
        }
        for i in range(n)
    ]
    relations.append({"source": "c2", "target": "r0", "kind": "rebuts"})  # an undercut
    return {
        "arggraph": 1,
        "title": "Graph " + VECTORS[0],
        "description": VECTORS[9],
        "documents": [
            {
                "id": "talk",
                "title": "Talk " + VECTORS[11],
                "kind": "transcript",
                "text": text,
                "authors": [VECTORS[12], VECTORS[19]],
                "url": "JaVaScRiPt:alert(1)",
            },
            {"id": "other", "title": VECTORS[20], "text": VECTORS[21], "url": " javascript:x"},
        ],
        "speakers": speakers,
        "topics": topics,
        "claims": claims,
        "relations": relations,
    }


@pytest.fixture(scope="module")
def xss_graph() -> ArgumentGraph:
    return ArgumentGraph.model_validate(xss_data())


@pytest.fixture
def pages(xss_graph: ArgumentGraph, tmp_path: Path) -> Path:
    for name, html in build_view_pages(xss_graph).items():
        (tmp_path / name).write_text(html, encoding="utf-8")
    (tmp_path / "report.html").write_text(build_report(xss_graph), encoding="utf-8")
    (tmp_path / "notebook.html").write_text(
        "<!DOCTYPE html><html><body>"
        + graph_card_html(xss_graph)
        + result_html(positions(xss_graph))
        + show(xss_graph)._repr_html_()
        + "</body></html>",
        encoding="utf-8",
    )
    return tmp_path


def _assert_inert(opened: Any, frame: Any = None) -> None:
    where = frame or opened.page
    found = where.evaluate(NO_INJECTED_MARKUP)
    assert found == {"pwned": None, "on": [], "dangerous": []}
    opened.check_clean()


def test_vectors_are_many_and_in_every_field() -> None:
    assert len(VECTORS) >= 20
    data = xss_data()
    fields = [
        data["title"],
        data["description"],
        *(d["title"] for d in data["documents"]),
        *(s["name"] for s in data["speakers"]),
        *(t["label"] for t in data["topics"]),
        *(t["question"] for t in data["topics"]),
        *(c["note"] for c in data["claims"]),
    ]
    assert all(any(v in f for v in VECTORS) for f in fields)


def test_the_report_shows_every_vector_as_text(pages: Path, open_page: Any) -> None:
    opened = open_page(pages / "report.html")
    page = opened.page
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    shown = _flat(page.evaluate("document.body.innerText"))
    for vector in VECTORS:
        assert _flat(vector) in shown, vector
    assert "49" not in shown  # {{7*7}} and #{7*7} were not evaluated
    for link in page.locator("a").all()[:60]:
        href = link.get_attribute("href") or ""
        assert not href.strip().lower().startswith("javascript"), href
    page.mouse.wheel(0, 4000)
    _assert_inert(opened)


@pytest.mark.slow
def test_every_view_page_stays_inert(xss_graph: ArgumentGraph, pages: Path, open_page: Any) -> None:
    names = sorted(p.name for p in pages.glob("*.html") if p.name not in ("report.html",))
    assert len(names) >= 8  # index, whole graph, topics, speakers, documents
    for name in names:
        if name == "notebook.html":
            continue
        opened = open_page(pages / name, init_all=name != "index.html")
        shown = _flat(opened.page.evaluate("document.body.innerText"))
        if name == "index.html":
            assert _flat(xss_graph.title or "") in shown
        _assert_inert(opened)
        opened.page.close()


def test_clicking_and_hovering_every_claim_shows_text_not_markup(
    xss_graph: ArgumentGraph, pages: Path, open_page: Any
) -> None:
    opened = open_page(pages / "graph.html")
    page = opened.page
    for claim in xss_graph.claims:
        click_node(page, "graph", claim.id)
        details = _flat(page.locator(".ag-details").inner_text())
        assert _flat(claim.statement) in details, claim.id
        assert _flat(claim.attributions[0].quote) in details, claim.id
        tooltips = page.locator("div.vis-tooltip")
        if tooltips.count():
            assert page.locator("div.vis-tooltip *:not(br)").count() == 0
    _assert_inert(opened)


def test_the_notebook_iframe_stays_inert(
    xss_graph: ArgumentGraph, pages: Path, open_page: Any
) -> None:
    opened = open_page(pages / "notebook.html", init_all=False)
    page = opened.page
    page.wait_for_load_state("load")
    (frame,) = [f for f in page.frames if f != page.main_frame]
    frame.wait_for_function(READY, timeout=60_000)
    assert frame.evaluate("window.arggraph.views.graph.nodes.length") >= len(xss_graph.claims)
    assert page.evaluate("window.__pwned === undefined")
    _assert_inert(opened, frame)


def test_the_probes_fire_when_markup_is_not_escaped(tmp_path: Path, open_page: Any) -> None:
    """The detector works: the same vectors pasted raw into a page are caught."""
    page_path = tmp_path / "unsafe.html"
    page_path.write_text("<!DOCTYPE html><body>" + "".join(VECTORS), encoding="utf-8")
    opened = open_page(page_path, init_all=False)
    opened.page.wait_for_load_state("load")
    found = opened.page.evaluate(NO_INJECTED_MARKUP)
    assert found["pwned"] == "1" or opened.dialogs
    assert found["on"]
    assert found["dangerous"]
