"""Graphs for the render tests: a hostile one (markup in every text field) and helpers."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from arggraph.model import ArgumentGraph

XSS = [
    "<script>alert('s')</script>",
    "</script><script>alert('t')</script>",
    "<img src=x onerror=alert('i')>",
    '" onmouseover="alert(\'q\')" x="',
    "' autofocus onfocus='alert(1)' '",
    "<!-- <script>alert('c')</script>",
    "<svg/onload=alert('v')>",
    "javascript:alert('h') href",
]
"""Probes that must show as text and never run: each one fires ``alert`` if it does."""

TEXT = (
    "Heim said: compute still matters <script>alert('s')</script> a lot.\n"
    "Wagner said: efficiency wins </script><script>alert('t')</script> now.\n"
    "Chilson said: <img src=x onerror=alert('i')> chips are for inference.\n"
    'McBride said: " onmouseover="alert(\'q\')" x=" labs still buy chips.\n'
)


def hostile_data() -> dict[str, Any]:
    """A small valid graph with markup in statements, quotes, names, labels, titles and notes.

    It has two topics, a claim on both, an undercut (relation ``r-link`` is attacked)
    and a claim with no topic.
    """
    return {
        "arggraph": 1,
        "title": "Hostile <script>alert('title')</script> graph",
        "description": XSS[2],
        "documents": [
            {
                "id": "talk:1",
                "title": "Talk " + XSS[0],
                "kind": "transcript",
                "text": TEXT,
                "url": "javascript:alert('url')",
                "authors": [XSS[3]],
            },
            {"id": "essay.2", "title": "Essay " + XSS[3], "text": "Nothing quoted here " + XSS[2]},
        ],
        "speakers": [
            {"id": "heim", "name": "Heim " + XSS[2], "role": XSS[0]},
            {"id": "wagner", "name": "Wagner " + XSS[3]},
            {"id": "chilson", "name": "Chilson " + XSS[4]},
            {"id": "mcbride", "name": "McBride " + XSS[6]},
        ],
        "topics": [
            {"id": "compute", "label": "Compute " + XSS[0], "question": XSS[5]},
            {"id": "chips", "label": "Chips " + XSS[3]},
        ],
        "claims": [
            {
                "id": "still",
                "statement": "Compute still matters " + XSS[1],
                "topics": ["compute"],
                "stances": {"compute": "no"},
                "note": XSS[7],
                "attributions": [
                    {
                        "speaker": "heim",
                        "document": "talk:1",
                        "quote": "compute still matters <script>alert('s')</script> a lot",
                    }
                ],
            },
            {
                "id": "less",
                "statement": "Compute matters less " + XSS[2],
                "topics": ["compute"],
                "stances": {"compute": "yes"},
                "attributions": [
                    {
                        "speaker": "wagner",
                        "document": "talk:1",
                        "quote": "efficiency wins </script><script>alert('t')</script> now",
                    }
                ],
            },
            {
                "id": "inference",
                "statement": "Chips are for inference " + XSS[3],
                "topics": ["compute", "chips"],
                "attributions": [
                    {
                        "speaker": "chilson",
                        "document": "talk:1",
                        "quote": "<img src=x onerror=alert('i')> chips are for inference",
                    }
                ],
            },
            {
                "id": "buy",
                "statement": "Labs still buy chips " + XSS[4],
                "topics": ["chips"],
                "attributions": [
                    {
                        "speaker": "mcbride",
                        "document": "talk:1",
                        "quote": '" onmouseover="alert(\'q\')" x=" labs still buy chips',
                    }
                ],
            },
            {
                "id": "loose",
                "statement": "An aside " + XSS[5],
                "attributions": [
                    {"speaker": "heim", "document": "talk:1", "quote": "compute still matters"}
                ],
            },
        ],
        "relations": [
            {"source": "still", "target": "less", "kind": "rebuts"},
            {"id": "r-link", "source": "buy", "target": "still", "kind": "supports"},
            {"source": "inference", "target": "r-link", "kind": "rebuts", "note": XSS[6]},
            {"source": "inference", "target": "less", "kind": "supports"},
        ],
    }


@pytest.fixture
def hostile_graph() -> ArgumentGraph:
    """The hostile graph, checked."""
    return ArgumentGraph.model_validate(hostile_data())


@pytest.fixture
def xss_probes() -> list[str]:
    """The markup probes hidden in the hostile graph."""
    return list(XSS)


# ---------------------------------------------------------------- a real browser

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
READY = (
    "Array.from(document.querySelectorAll('section.ag-view'))"
    ".every(s => s.dataset.state === 'ready')"
)


def _missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "Playwright is not installed (pip install playwright; never 'playwright install')"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright, for the whole module."""
    reason = _missing()
    if reason:
        if os.environ.get("ARGGRAPH_REQUIRE_BROWSER") == "1":
            pytest.fail(f"ARGGRAPH_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


@dataclass
class Opened:
    """A page with what it reported: console errors, page errors, dialogs, blocked requests."""

    page: Any
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def check_clean(self) -> None:
        assert self.errors == []
        assert self.dialogs == []
        assert self.blocked == []


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """Open a local file with the network cut off; wait until every graph is drawn."""
    contexts: list[Any] = []

    def open_(path: Path, *, init_all: bool = True) -> Opened:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)
        page.on(
            "console",
            lambda m: opened.errors.append(m.text) if m.type in ("error", "warning") else None,
        )
        page.on("pageerror", lambda e: opened.errors.append(str(e)))

        def on_dialog(dialog: Any) -> None:
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)

        def route(r: Any) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                opened.blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(path.as_uri())
        if init_all:
            page.evaluate("window.arggraph.initAll()")
            page.wait_for_function(READY, timeout=60_000)
        return opened

    yield open_
    for context in contexts:
        context.close()
