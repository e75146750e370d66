"""The review queue in Chromium: accept, reject, edit, export a patch, and apply it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from arggraph.extract.into import propose_additions
from arggraph.extract.pipeline import read_source
from arggraph.io.yaml_json import read_graph
from arggraph.patch import read_patch
from arggraph.render.review import render_review_page
from tests.extract.test_into_cli import GRAPH, NEW_TEXT, OLD_TEXT
from tests.test_cli import run

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _queue(folder: Path) -> Path:
    (folder / "old.txt").write_text(OLD_TEXT, encoding="utf-8")
    (folder / "new.txt").write_text(NEW_TEXT, encoding="utf-8")
    (folder / "graph.yaml").write_text(GRAPH, encoding="utf-8")
    graph = read_graph(folder / "graph.yaml")
    review = propose_additions(graph, read_source(folder / "new.txt"), graph_name="graph.yaml")
    assert [(p.kind, p.scope) for p in review.proposals] == [
        ("merge", "existing"),
        ("new", "existing"),
        ("rebuts", "within"),
    ]
    return render_review_page(review, folder / "queue.html")


def test_review_queue_accepts_rejects_edits_and_exports_a_patch_that_applies(
    tmp_path: Path,
    open_page: Any,
) -> None:
    opened = open_page(_queue(tmp_path), init_all=False)
    page = opened.page
    cards = page.locator(".ag-rv-card")
    assert cards.count() == 3
    assert "<b>today</b>" in cards.nth(1).locator(".ag-rv-quote").inner_text()
    assert "Export controls on advanced chips slow down" in cards.nth(0).inner_text()

    cards.nth(0).locator(".ag-rv-accept").click()
    cards.nth(1).locator(".ag-rv-statement").fill("Efficiency beats raw <i>compute</i>.")
    cards.nth(1).locator(".ag-rv-accept").click()
    cards.nth(2).locator(".ag-rv-reject").click()
    assert cards.nth(0).get_attribute("data-state") == "accepted"
    assert cards.nth(2).get_attribute("data-state") == "rejected"
    assert page.locator("#ag-rv-accepted").inner_text() == "2"
    assert page.locator("#ag-rv-pending").inner_text() == "0"

    page.locator("#ag-rv-build").click()
    with page.expect_download() as download:
        page.locator("#ag-rv-download").click()
    patch_path = tmp_path / "patch.yaml"
    download.value.save_as(patch_path)
    patch = read_patch(patch_path)
    assert [a.claim for a in patch.attributions] == ["controls-slow"]
    assert [c.statement for c in patch.claims] == ["Efficiency beats raw <i>compute</i>."]
    assert patch.relations == []

    result = run("apply", "patch.yaml", "--to", "graph.yaml", "-o", "new.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    graph = read_graph(tmp_path / "new.yaml")
    assert len(graph.claim("controls-slow").attributions) == 2
    assert graph.claims[-1].statement == "Efficiency beats raw <i>compute</i>."
    opened.check_clean()


def test_review_queue_edits_the_kind_into_a_relation(
    tmp_path: Path,
    open_page: Any,
) -> None:
    opened = open_page(_queue(tmp_path), init_all=False)
    page = opened.page
    first = page.locator(".ag-rv-card").nth(0)
    first.locator(".ag-rv-kind-select").select_option("rebuts")
    assert first.locator(".ag-rv-kind").inner_text() == "rebuts"
    first.locator(".ag-rv-accept").click()
    page.locator(".ag-rv-card").nth(2).locator(".ag-rv-accept").click()
    page.locator("#ag-rv-build").click()
    text = page.locator("#ag-rv-patch").text_content()
    (tmp_path / "patch.yaml").write_text(text, encoding="utf-8")
    patch = read_patch(tmp_path / "patch.yaml")
    claim = patch.claims[0].id
    assert {(r.source, r.target, r.kind) for r in patch.relations} == {
        (claim, "controls-slow", "rebuts"),
        (patch.claims[1].id, claim, "rebuts"),
    }
    result = run("apply", "patch.yaml", "--to", "graph.yaml", "-o", "new.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    opened.check_clean()
