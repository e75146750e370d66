"""axe-core in Chromium: no serious or critical accessibility violation on any page.

axe-core is a test-only asset from npm that ``.ci/run`` installs into .ci/node; without
it the tests skip, unless ``ARGGRAPH_REQUIRE_AXE=1`` (as in CI).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import arggraph
from arggraph.render import render_report, render_views
from tests.conftest import DEEPSEEK, REPO

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = REPO / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        reason = f"{AXE} is missing (npm ci --prefix .ci/node)"
        if os.environ.get("ARGGRAPH_REQUIRE_AXE") == "1":
            pytest.fail(f"ARGGRAPH_REQUIRE_AXE=1 but {reason}")
        pytest.skip(reason)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("pages")
    graph = arggraph.load(DEEPSEEK)
    report = render_report(graph, folder / "report.html")
    views = sorted(p for p in render_views(graph, folder / "views") if p.suffix == ".html")
    # every kind of page once: the views of one kind share their template and script
    kinds: dict[str, Path] = {}
    for view in views:
        kinds.setdefault(view.stem.split("-")[0], view)
    return [report, *kinds.values()]


def violations(opened: Any, axe_source: str) -> list[str]:
    page = opened.page
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})"
    )
    return [
        f"{v['impact']}: {v['id']} ({len(v['nodes'])}x) {v['help']}: "
        + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else "?" for n in v["nodes"][:3]
        )
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


def test_no_serious_violation_on_the_report_or_any_kind_of_view(
    pages: list[Path], open_page: Any, axe_source: str
) -> None:
    found = {}
    for path in pages:
        problems = violations(open_page(path, init_all=path.name != "index.html"), axe_source)
        if problems:
            found[path.name] = problems
    assert found == {}
