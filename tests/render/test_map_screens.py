"""The DeepSeek maps as a reader opens them, on a phone, a laptop and a desktop.

``arggraph render`` runs as a subprocess into tmp_path; Debian's Chromium opens the
pages (network cut). A question map must open with both its yes and its no answers
whole on the screen, their text at 12 px or more (:data:`READABLE_PX`, docs/views.md),
and every label behind the map must be true of the claims drawn over it.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import arggraph
from tests.render.conftest import ARTIFACTS, READY

ROOT = Path(__file__).resolve().parents[2]
DEEPSEEK = ROOT / "graphs" / "deepseek.yaml"
SCRIPT = Path(sys.executable).with_name("arggraph")
READABLE_PX = 12.0
"""The smallest box text a map may open with, in CSS pixels on screen."""


def run_cli(*args: object) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "arggraph"]
    return subprocess.run([*command, *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("views") / "views"
    done = run_cli("render", DEEPSEEK, "-o", out)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture
def at_width(browser: Any) -> Iterator[Any]:
    """Open a page at a viewport width (a phone has touch), wait until it is drawn."""
    contexts: list[Any] = []

    def open_(path: Path, width: int) -> Any:
        phone = width < 600
        context = browser.new_context(
            viewport={"width": width, "height": 844 if phone else 900}, has_touch=phone
        )
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        page.goto(path.as_uri())
        page.wait_for_function(READY, timeout=60_000)
        assert errors == []
        return page

    yield open_
    for context in contexts:
        context.close()


OPENED = """key => {
    const v = window.arggraph.views[key];
    const canvas = v.section.querySelector('.ag-canvas');
    canvas.scrollIntoView({block: 'start'});
    const box = canvas.getBoundingClientRect();
    const scale = v.network.getScale();
    const claims = v.nodes.get({filter: n => n.kind === 'claim'});
    const onScreen = claims.map(n => {
        const b = v.network.getBoundingBox(n.id);
        const a = v.network.canvasToDOM({x: b.left, y: b.top});
        const z = v.network.canvasToDOM({x: b.right, y: b.bottom});
        return {id: n.id, answer: n.answer, left: a.x, top: a.y, right: z.x, bottom: z.y,
                font: n.font.size * scale};
    });
    const at = v.network.getPositions();
    const regions = v.data.regions.filter(r => r.kind === 'band');
    const under = claims.map(n => ({id: n.id, answer: n.answer, labels: regions
        .filter(r => at[n.id].x >= r.x && at[n.id].x <= r.x + r.w
                  && at[n.id].y >= r.y && at[n.id].y <= r.y + r.h)
        .map(r => r.label)}));
    return {width: box.width, height: box.height, draws: v.draws, boxes: onScreen, under: under};
}"""


def first_answer(boxes: list[dict[str, Any]], answer: str) -> dict[str, Any]:
    """The topmost box answering ``answer``."""
    return min((b for b in boxes if b["answer"] == answer), key=lambda b: b["top"])


def whole(box: dict[str, Any], width: float, height: float) -> bool:
    across = box["left"] >= 0 and box["right"] <= width
    return across and box["top"] >= 0 and box["bottom"] <= height


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1100, 1400])
def test_a_question_map_opens_on_both_sides_readable_under_true_labels(
    rendered: Path, at_width: Any, width: int
) -> None:
    page = at_width(rendered / "question-compute.html", width)
    seen = page.evaluate(OPENED, "question:compute")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"map-question-compute-{width}.png"))
    boxes = seen["boxes"]
    yes, no = first_answer(boxes, "yes"), first_answer(boxes, "no")
    assert whole(yes, seen["width"], seen["height"]), yes
    assert whole(no, seen["width"], seen["height"]), no
    assert yes["right"] <= no["left"]  # yes on the left, no on the right
    # every box across the map is on the screen: no side is cut off to the right
    assert all(b["left"] >= 0 and b["right"] <= seen["width"] for b in boxes)
    assert min(b["font"] for b in boxes) >= READABLE_PX
    assert seen["draws"] == 1  # one drawing before ready (docs/views.md)
    assert_labels_true(seen["under"])


def assert_labels_true(under: list[dict[str, Any]]) -> None:
    """No claim sits under an "Answers ..." label it does not give; every answer sits
    under its own; what is beneath is labelled as supports and rebuttals."""
    wrong = [
        u
        for u in under
        if any(label.startswith("Answers ") for label in u["labels"])
        and f"Answers {u['answer']}" not in u["labels"]
    ]
    assert wrong == []  # e.g. Heim's rebuttal (he answers no) under "Answers yes"
    for u in under:
        if u["answer"] in ("yes", "no"):
            assert f"Answers {u['answer']}" in u["labels"], u
    beneath = [u for u in under if u["answer"] is None]
    assert beneath
    assert all(u["labels"] == ["Supports and rebuttals beneath, from either side"] for u in beneath)


def test_the_index_counts_a_speakers_claims_held_apart_from_those_drawn(rendered: Path) -> None:
    graph = arggraph.load(DEEPSEEK)
    index = html.unescape((rendered / "index.html").read_text(encoding="utf-8"))
    checked = 0
    for speaker in graph.speakers:
        held = sum(1 for c in graph.claims if speaker.id in c.speakers)
        if not held:
            continue
        line = re.search(re.escape(speaker.name) + r'</a> <span class="ag-note">([^<]*)<', index)
        assert line, speaker.name
        claims = "1 claim held" if held == 1 else f"{held} claims held"
        assert re.fullmatch(
            re.escape(claims) + r" \u00b7 \d+ claims and \d+ relations drawn", line.group(1)
        ), line.group(1)
        checked += 1
    assert checked >= 10
