"""The report: sections, contested topics, alignment, claims table, and the source reader."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from arggraph import load
from arggraph.analysis import debate
from arggraph.errors import AnalysisError
from arggraph.model import ArgumentGraph
from arggraph.render import report
from arggraph.render.report import _Sources, build_report, render_report
from arggraph.synthetic import synthetic_graph


class Elements(HTMLParser):
    """Ids, links, and the text inside each ``<mark>`` and ``<section>``."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.marks: list[str] = []
        self.rows: list[str] = []
        self.heat_cells = 0
        self._mark = False
        self._table = ""
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))
        if tag == "mark":
            self._mark = True
            self.marks.append("")
        if tag == "table":
            self._table = str(found.get("class") or "")
        if tag == "tr" and self._table == "ag-sortable" and found.get("id"):
            self.rows.append(str(found["id"]))
        if tag == "td" and self._table == "ag-heat":
            self.heat_cells += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._mark = False
        if tag == "table":
            self._table = ""

    def handle_data(self, data: str) -> None:
        if self._mark:
            self.marks[-1] += data


def test_report_has_every_section(hostile_graph: ArgumentGraph) -> None:
    page = Elements(build_report(hostile_graph))
    for section in ("summary", "contested", "alignment", "claims", "sources"):
        assert section in page.ids


def test_topics_appear_in_rank_order_with_their_reasons(hostile_graph: ArgumentGraph) -> None:
    html = build_report(hostile_graph)
    headings = re.findall(r'<h3 id="topic-\d+-h">(\d+)\. ', html)
    assert headings == ["1", "2"]
    # the first screen: the contested question, who says yes and who no, linked to its section
    table = html[html.index('<table class="ag-questions">') : html.index("</table>")]
    assert '<a href="#q-compute">' in table
    assert "Wagner &#34; onmouseover" in table  # yes, escaped
    assert "Heim &lt;img src=x onerror=alert(&#39;i&#39;)&gt;" in table  # no, escaped
    # the question's section: each answer with its quote, and the clash as a quote pair
    section = html[html.index('id="q-compute"') :]
    assert "<strong>yes</strong> — Wagner" in section
    assert "Where they clash (2)" in section  # a rebuttal and an undercut


def test_every_claim_has_a_row(hostile_graph: ArgumentGraph) -> None:
    page = Elements(build_report(hostile_graph))
    assert page.rows == [f"claim-{c.id}" for c in hostile_graph.claims]


def test_every_quote_links_to_its_marked_passage(hostile_graph: ArgumentGraph) -> None:
    page = Elements(build_report(hostile_graph))
    anchors = set(page.ids)
    for _claim, att in hostile_graph.iter_attributions():
        target = f"src-0-{att.start}-{att.end}"
        assert target in anchors
        assert f"#{target}" in page.hrefs
    text = hostile_graph.text_of("talk:1") or ""
    marked = "".join(page.marks)
    for _, att in hostile_graph.iter_attributions():
        assert text[att.start : att.end] in marked


def test_marks_cover_the_union_of_overlapping_quotes() -> None:
    graph = synthetic_graph(3, seed=1)
    sources = _Sources(graph)
    text = "abcdefghij"
    segments = sources._segments("doc0", text, [(1, 5, "c0"), (3, 8, "c1")])
    assert "".join(s["text"] for s in segments) == text
    assert [(s["text"], s["mark"]) for s in segments] == [
        ("a", False),
        ("bc", True),
        ("de", True),
        ("fgh", True),
        ("ij", False),
    ]
    assert segments[1]["anchors"] == ["src-0-1-5"]
    assert segments[2]["anchors"] == ["src-0-3-8"]
    assert segments[2]["back"] == ["c0"]
    assert segments[3]["back"] == ["c1"]


def test_heat_map_has_a_cell_per_pair_of_speakers(hostile_graph: ArgumentGraph) -> None:
    page = Elements(build_report(hostile_graph))
    assert page.heat_cells == len(hostile_graph.speakers) ** 2


def test_alignment_refusal_is_reported_not_raised(
    hostile_graph: ArgumentGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(graph: ArgumentGraph) -> None:
        raise AnalysisError("too many pairs")

    monkeypatch.setattr(debate, "speaker_alignment", refuse)
    assert "Not computed: too many pairs" in build_report(hostile_graph)


def test_report_embeds_maps_for_the_most_contested_questions_only(
    hostile_graph: ArgumentGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report, "REPORT_GRAPHS", 1)
    html = build_report(hostile_graph)
    assert html.count('type="application/json"') == 1
    assert 'data-key="question:compute"' in html  # the contested question's map first
    assert "1 more are in the views" in html


def test_document_without_quotes_still_shows_its_text(hostile_graph: ArgumentGraph) -> None:
    html = build_report(hostile_graph)
    assert "Nothing quoted here &lt;img src=x onerror=alert(&#39;i&#39;)&gt;" in html


def test_claim_notes_show_in_the_table_so_drafts_are_marked(tmp_path: Path) -> None:
    from arggraph.synthetic import synthetic_graph_data

    data, texts = synthetic_graph_data(20, seed=2)
    for document in data["documents"]:
        document.pop("path")
        document["text"] = texts[document["id"]]
    data["claims"][0]["note"] = "Draft: claim (confidence 0.71) <b>review</b>"
    graph = ArgumentGraph.model_validate(data)
    html = render_report(graph, tmp_path / "r.html").read_text(encoding="utf-8")
    row = html.split(f'id="claim-{data["claims"][0]["id"]}"', 1)[1].split("</tr>", 1)[0]
    assert "Draft: claim (confidence 0.71) &lt;b&gt;review&lt;/b&gt;" in row


def test_implicit_and_asked_attributions_are_shown_as_such() -> None:
    """An implicit claim's words are the annotator's; a question put is not a holding."""
    from arggraph import import_graph
    from arggraph.render.views import whole_view
    from tests.conftest import REPO

    implicit = import_graph("microtexts", REPO / "tests" / "data" / "microtexts" / "constructs")
    assert any(a.implicit for _c, a in implicit.iter_attributions())
    assert "implicit: the text leaves it unsaid" in build_report(implicit)
    shown = [q.get("how") for c in whole_view(implicit).claims.values() for q in c["quotes"]]
    assert "implicit" in shown

    dialogue = import_graph("aif", REPO / "tests" / "data" / "aif" / "dialogue-a.json")
    assert any(a.asked for _c, a in dialogue.iter_attributions())
    assert "asked as a question, not held" in build_report(dialogue)


def test_summary_counts_claims_by_status_in_words(small_graph: Path) -> None:
    """'1 objection unanswered' would read as a count of objections; it counts claims."""
    line = re.search(r'class="ag-summary-line">(.*?)</p>', build_report(load(small_graph)))
    assert line is not None
    text = re.sub(r"<[^>]+>", "", line.group(1))
    assert "1 with an objection unanswered · 1 unchallenged" in text
