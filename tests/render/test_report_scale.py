"""The report of a large graph stays readable: each cut is applied, said, and breaks no link.

The limits are lowered so that a graph of a few hundred claims crosses every one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import TypeVar

import pytest

from arggraph.analysis import debate
from arggraph.model import ArgumentGraph
from arggraph.render import report
from arggraph.render.report import build_report
from arggraph.synthetic import synthetic_graph

T = TypeVar("T")


class Links(HTMLParser):
    """Every id and every in-page link, and the rows of the question table."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.question_rows = 0
        self._questions = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        href = found.get("href") or ""
        if tag == "a" and href.startswith("#"):
            self.links.append(href[1:])
        if tag == "table":
            self._questions = found.get("class") == "ag-questions"
        if tag == "tr" and self._questions:
            self.question_rows += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._questions = False


@pytest.fixture(scope="module")
def large() -> ArgumentGraph:
    """300 claims, 6 topics with sub-questions, 3 documents: over every lowered limit."""
    return synthetic_graph(
        300, n_topics=6, n_documents=3, stance_share=0.6, sub_question_share=1.0, seed=4
    )


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report, "QUESTION_ROWS", 4)
    monkeypatch.setattr(report, "SECTION_QUESTIONS", 3)
    monkeypatch.setattr(report, "CLAIM_ROWS", 50)
    monkeypatch.setattr(report, "SOURCE_CHARACTERS", 1_000)
    monkeypatch.setattr(report, "SOURCE_CONTEXT", 20)
    monkeypatch.setattr(report, "NAMES_LISTED", 2)
    monkeypatch.setattr(report, "ROW_NAMES", 2)
    monkeypatch.setattr(debate, "TIMELINE_DOCUMENTS", 2)


@pytest.mark.usefixtures("small_limits")
def test_every_in_page_link_lands_on_its_target(large: ArgumentGraph) -> None:
    page = Links(build_report(large))
    assert page.links
    assert sorted({link for link in page.links if link not in page.ids}) == []


@pytest.mark.usefixtures("small_limits")
def test_question_table_is_cut_and_says_how_many_it_leaves_out(large: ArgumentGraph) -> None:
    html = build_report(large)
    ranked = sum(q.contested for q in debate.analyse(large).contested.questions)
    assert ranked > 4
    assert Links(html).question_rows == 1 + 4  # the header and four questions
    table = html[html.index('<table class="ag-questions">') : html.index("</table>")]
    assert re.search(r"Speaker \d+, Speaker \d+, and \d+ more</td>", table)
    assert f"The 4 most contested of {ranked} contested questions are listed" in html


@pytest.mark.usefixtures("small_limits")
def test_only_the_most_contested_questions_get_sections(large: ArgumentGraph) -> None:
    html = build_report(large)
    contested = debate.analyse(large).contested
    top = [q.id for q in contested.questions if q.contested][:3]
    sections = re.findall(r'<section class="ag-question" id="q-([^"]+)"', html)
    assert sorted(sections) == sorted(top)
    assert "Full sections for the 3 most contested questions;" in html
    assert "arggraph positions GRAPH --question ID" in html


@pytest.mark.usefixtures("small_limits")
def test_claims_table_keeps_the_claims_the_sections_show(large: ArgumentGraph) -> None:
    html = build_report(large)
    rows = set(re.findall(r'<tr id="claim-([^"]+)"', html))
    linked = {
        link.removeprefix("claim-") for link in Links(html).links if link.startswith("claim-")
    }
    assert rows == linked
    assert 0 < len(rows) < len(large.claims)
    assert f"of {len(large.claims)} claims)" in html


@pytest.mark.usefixtures("small_limits")
def test_sources_show_the_linked_passages_in_context(large: ArgumentGraph) -> None:
    html = build_report(large)
    marks = re.findall(r"<mark>(.*?)</mark>", html, flags=re.S)
    linked = {link for link in Links(html).links if link.startswith("src-")}
    assert marks
    assert len(marks) <= len(linked)  # only passages the page links to are marked
    assert " … " in html
    assert "so each document the page quotes shows the quoted passages it links to" in html


@pytest.mark.usefixtures("small_limits")
def test_timeline_is_skipped_beyond_its_document_limit_and_says_why(large: ArgumentGraph) -> None:
    analysis = debate.analyse(large)
    assert analysis.timeline is None
    html = build_report(large, debate=analysis)
    assert "No timeline strips: The graph has 3 documents" in html
    assert 'class="ag-timeline"' not in html


@pytest.mark.usefixtures("small_limits")
def test_camps_name_a_few_members_and_count_the_rest(large: ArgumentGraph) -> None:
    html = build_report(large)
    camps = debate.analyse(large).camps
    assert camps is not None
    biggest = max(len(c.speakers) for c in camps.camps)
    assert biggest > 2
    assert re.search(r" and \d+ more", html)
    assert "arggraph alignment GRAPH --json" in html


def test_analyse_runs_each_analysis_through_its_step(large: ArgumentGraph) -> None:
    seen: list[str] = []

    def step(name: str, compute: Callable[[], T], /) -> T:
        seen.append(name)
        return compute()

    debate.analyse(large, step=step)
    assert seen == ["positions", "contested topics", "statuses", "timeline", "alignment", "camps"]
