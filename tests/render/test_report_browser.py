"""The DeepSeek report as its reader opens it: first screen, height, printing with every map."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import arggraph
from arggraph.render import render_report
from tests.conftest import DEEPSEEK

pytestmark = pytest.mark.browser

SCREEN = 900
"""The height of one screen at 1400 x 900."""


@pytest.fixture(scope="module")
def deepseek_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "deepseek-report.html"
    return render_report(arggraph.load(DEEPSEEK), path)


def test_first_screen_is_the_question_table(deepseek_report: Path, open_page: Any) -> None:
    opened = open_page(deepseek_report, init_all=False)
    page = opened.page
    table = page.locator("table.ag-questions")
    assert table.bounding_box()["y"] < SCREEN / 2  # the table starts on the first screen
    first = page.locator("table.ag-questions tbody tr").first
    assert "say yes" in first.inner_text()
    first.locator("a").click()  # each row jumps to its question's section
    target = page.evaluate("location.hash")
    assert page.locator(target).is_visible()
    opened.check_clean()


def test_report_with_parts_collapsed_fits_in_fifteen_screens(
    deepseek_report: Path, open_page: Any
) -> None:
    opened = open_page(deepseek_report, init_all=False)
    height = opened.page.evaluate("document.documentElement.scrollHeight")
    assert height <= 15 * SCREEN, f"{height / SCREEN:.1f} screens"
    assert "arggraph.analysis" not in opened.page.content()  # no module names for readers


@pytest.mark.slow
def test_printing_to_pdf_shows_every_map(
    deepseek_report: Path, open_page: Any, tmp_path: Path
) -> None:
    opened = open_page(deepseek_report, init_all=False)
    page = opened.page
    maps = page.locator("section.ag-view").count()
    assert maps > 0
    assert page.evaluate("window.arggraphReport.prepareForPrint()") == maps
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    # each map prints as a picture: a colour image with its transparency mask
    images = re.findall(rb"<<[^>]*?/Subtype\s*/Image[^>]*?>>", pdf.read_bytes())
    pictures = [i for i in images if b"/SMask" in i]
    assert len(pictures) == maps
    widths = [int(m) for i in pictures for m in re.findall(rb"/Width (\d+)", i)]
    assert min(widths) >= 300  # drawn at the size of the page, not a thumbnail
    opened.check_clean()


def test_each_question_shows_how_its_answers_came_in(deepseek_report: Path, open_page: Any) -> None:
    opened = open_page(deepseek_report, init_all=False)
    steps = opened.page.locator("#q-compute ol.ag-timeline li").all_inner_texts()
    assert [(s.split()[0].lstrip("→") or s.split()[1]).rstrip(",") for s in steps] == [
        "2025",
        "2025-02",
        "2025-02-11",
        "2025-02-28",
    ]  # by the earliest day a date can mean: the early-February podcast before 11 February
    assert "order uncertain" in steps[1]  # the podcast's month overlaps the news article
    assert "new: Keegan McBride, Lauren Wagner, Lennart Heim" in steps[1]
    opened.check_clean()
