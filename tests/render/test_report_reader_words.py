"""The report read as a reader reads it: counts that agree with validate, plurals,
explained columns and rankings, and a timeline that does not invent a chronology.

Each test writes a graph to a file, runs ``arggraph report`` and ``arggraph validate``
as a user does, and reads the page's text.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import arggraph
from tests.analysis.graphs import claim, graph_of
from tests.conftest import DEEPSEEK

SCRIPT = Path(sys.executable).with_name("arggraph")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "arggraph"]
    return subprocess.run([*command, *map(str, args)], capture_output=True, text=True, timeout=300)


def page_text(page: str) -> str:
    """The page's text as a reader sees it: tags out, entities decoded, spaces squeezed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def small_debate() -> dict[str, Any]:
    """One question, three documents with partial dates, a reported group, a relation quote.

    Heim answers yes in an early-February podcast dated only ``2025-02``; McBride and
    Wagner answer no in an article of 11 February; Chilson answers no in a brief dated
    only ``2025``; commentators (a group) answer yes there. McBride's rebuttal of Heim
    carries its own quote.
    """
    graph = graph_of(
        [
            claim("a", "heim", doc="pod", stance="yes", statement="Compute matters less now."),
            claim("b", "mcbride", doc="news", stance="no", statement="Compute still decides."),
            claim("c", "wagner", doc="news", stance="no", statement="Chips remain the edge."),
            claim("d", "chilson", doc="brief", stance="no", statement="Scale still wins."),
            claim("e", "commentators", doc="brief", stance="yes", statement="Compute is over."),
        ],
        ["b rebuts a"],
    )
    data = graph.model_dump(mode="json", exclude_none=True)
    dates = {"pod": "2025-02", "news": "2025-02-11", "brief": "2025"}
    for document in data["documents"]:
        document["date"] = dates[document["id"]]
        if document["id"] == "news":
            document["text"] += "\nHeim is wrong about that."
    data["relations"][0]["attribution"] = {
        "speaker": "mcbride",
        "document": "news",
        "quote": "Heim is wrong about that.",
    }
    return data


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """(report text, validate's output) for :func:`small_debate`."""
    folder = tmp_path_factory.mktemp("small")
    graph = folder / "debate.json"
    graph.write_text(json.dumps(small_debate()), encoding="utf-8")
    valid = run("validate", graph)
    assert valid.returncode == 0, valid.stdout + valid.stderr
    made = run("report", graph, "-o", folder / "report.html")
    assert made.returncode == 0, made.stderr
    return (folder / "report.html").read_text(encoding="utf-8"), valid.stdout


def test_speakers_are_counted_apart_from_reported_groups(small: tuple[str, str]) -> None:
    text = page_text(small[0])
    assert "4 speakers and 1 reported group ·" in text
    assert "5 speakers" not in text


def test_the_quote_count_agrees_with_validate(small: tuple[str, str]) -> None:
    page, valid = small
    found = re.search(r"all (\d+) quotes found", valid)
    assert found is not None, valid
    assert found.group(1) == "6"
    assert "6 quotes (5 on claims, 1 on relations)" in page_text(page)


def test_one_voice_says_yes_in_the_singular(small: tuple[str, str]) -> None:
    text = page_text(small[0])
    assert "1 says yes, 3 no; in 3 documents" in text
    assert "1 say yes" not in text


def test_a_topic_summary_is_grammatical_and_names_its_most_contested_question(
    small: tuple[str, str],
) -> None:
    text = page_text(small[0])
    assert re.search(r"Topic score \d+\.\d\. Its one question is contested\.", text)
    assert "1 of 1 questions" not in text
    assert "most:" not in text


def test_topic_ranking_and_rank_holds_are_explained_where_shown(small: tuple[str, str]) -> None:
    page = small[0]
    topics = page_text(page[page.index('id="contested-h"') : page.index('class="ag-topic"')])
    assert "Topics are ranked by a topic score" in topics
    text = page_text(page)
    topic_score = re.search(r"Topic score (\d+\.\d)\. Its one question", text)
    question_score = re.search(r"\(contested, rank 1, score (\d+\.\d)\)", text)
    assert topic_score is not None
    assert question_score is not None
    assert topic_score.group(1) == question_score.group(1)  # one question: the same score
    note = page[page.index('id="rank-holds-note"') : page.index('<table class="ag-questions"')]
    assert "“Rank holds?” says whether a question keeps its rank" in page_text(note)
    table = page[page.index('<table class="ag-questions"') : page.index("</thead>")]
    assert re.search(r'<abbr title="Does the rank stay the same[^"]*">Rank holds\?</abbr>', table)


def test_timeline_orders_by_earliest_possible_day_and_marks_uncertain_order(
    small: tuple[str, str],
) -> None:
    page = small[0]
    strip = page[page.index('<ol class="ag-timeline"') : page.index("</ol>")]
    steps = [page_text(li) for li in strip.split("<li>")[1:]]
    assert [s.split(" ")[1].rstrip(",") for s in steps] == ["2025", "2025-02", "2025-02-11"]
    # every date overlaps the year-only one; the podcast's month overlaps 11 February
    assert steps[0].startswith(" 2025 (year only), order uncertain Brief")
    assert steps[1].startswith(" 2025-02 (month only), order uncertain Pod")
    assert steps[2].startswith(" 2025-02-11, order uncertain News")
    assert "“order uncertain” marks a date that overlaps another's" in page_text(page)


def test_the_contested_report_says_its_top_is_a_question() -> None:
    report = arggraph.contested_topics(arggraph.load(DEEPSEEK), robustness=False)
    top = next(q for q in report.questions if q.contested)
    assert f"most contested question: {top.label!r}" in repr(report)


def test_deepseek_header_counts_people_and_groups_apart(tmp_path: Path) -> None:
    graph = arggraph.load(DEEPSEEK)
    groups = sum(1 for s in graph.speakers if s.kind == "group")
    out = tmp_path / "report.html"
    made = run("report", DEEPSEEK, "-o", out)
    assert made.returncode == 0, made.stderr
    valid = re.search(r"all (\d+) quotes found", run("validate", DEEPSEEK).stdout)
    assert valid is not None
    text = page_text(out.read_text(encoding="utf-8"))
    people = len(graph.speakers) - groups
    assert f"{people} speakers and {groups} reported groups" in text
    assert f"{int(valid.group(1)):,} quotes (" in text
    assert re.search(r"\d of \d+ questions contested; most contested question: “", text)
    assert "questions contested; most:" not in text


def test_the_timeline_command_says_which_order_the_dates_cannot_confirm(tmp_path: Path) -> None:
    graph = tmp_path / "debate.json"
    graph.write_text(json.dumps(small_debate()), encoding="utf-8")
    result = run("timeline", graph)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Documents in order: brief (2025), pod (2025-02), news (2025-02-11)"
    assert "order uncertain" in lines[1]
    assert lines[2] == "  brief and pod, news; pod and news)"
