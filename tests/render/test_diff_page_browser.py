"""The diff page in Chromium at 1400 px: offline, no errors, nothing wider than the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from arggraph.analysis.diff import diff
from arggraph.render.diff_page import render_diff_page
from tests.analysis.graphs import claim, graph_of
from tests.render.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

OLD = graph_of(
    [
        claim("a", "heim", statement="Compute still decides who leads.", stance="yes"),
        claim("b", "mcbride", statement="Compute matters less now.", stance="no"),
    ],
    ["b rebuts a"],
)
NEW = graph_of(
    [
        claim("a", "heim", statement="Compute still decides who leads.", stance="yes"),
        claim("b", "mcbride", statement="Compute matters less <b>now</b>.", stance="no"),
        claim("w", "wagner", statement="Chips still decide the race.", stance="yes"),
    ],
    ["b rebuts a", "b rebuts w"],
)


def test_diff_page_opens_offline_and_fits_the_window(tmp_path: Path, open_page: Any) -> None:
    page_path = render_diff_page(
        diff(OLD, NEW), tmp_path / "diff.html", old_name="old.yaml", new_name="new.yaml"
    )
    opened = open_page(page_path, init_all=False)
    opened.check_clean()
    page = opened.page
    assert page.locator("#moved tbody tr").count() == 1
    assert "Lauren Wagner" in page.locator("#positions").inner_text()
    assert page.locator("#claims del").first.inner_text().endswith("Compute matters less now.")
    assert "Compute matters less <b>now</b>." in page.locator("#claims ins").first.inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1400
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "diff-page.png"), full_page=True)
