"""Jupyter: one-line reprs, compact escaped HTML tables, one view in a sandboxed frame.

The last test executes a real notebook in a real kernel (nbclient, as
``jupyter nbconvert --execute`` does) and reads back what Jupyter would show.
"""

from __future__ import annotations

import doctest
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import arggraph
from arggraph.analysis.results import REPR_WIDTH
from arggraph.model import ArgumentGraph
from arggraph.render import notebook
from arggraph.render.notebook import Frame, graph_card_html, result_html, show
from tests.conftest import DEEPSEEK
from tests.render.conftest import hostile_data

ANALYSES: list[tuple[str, Callable[[ArgumentGraph], Any]]] = [
    ("contested_topics", arggraph.contested_topics),
    ("a topic", lambda g: arggraph.contested_topics(g).topics[0]),
    ("a question", lambda g: arggraph.contested_topics(g).questions[0]),
    ("positions", arggraph.positions),
    ("a question's positions", lambda g: arggraph.positions(g).questions[0]),
    ("a crux", lambda g: next(q.cruxes[0] for q in arggraph.positions(g).questions if q.cruxes)),
    ("reader_statuses", arggraph.reader_statuses),
    ("claim_statuses", arggraph.claim_statuses),
    ("speaker_alignment", arggraph.speaker_alignment),
    ("speaker_camps", arggraph.speaker_camps),
    ("graph_summary", arggraph.graph_summary),
    ("contested_claims", arggraph.contested_claims),
    ("df_quad", lambda g: arggraph.df_quad(arggraph.to_argumentation_framework(g))),
]
LEAKS = ["<style", "<script", "<link", "<iframe", "<img", "<svg"]
"""Tags a result's HTML must never hold: global styles, scripts, injected markup."""


def test_the_model_carries_no_html() -> None:
    assert not hasattr(ArgumentGraph, "_repr_html_")


def test_a_graph_repr_is_one_line_with_its_counts(hostile_graph: ArgumentGraph) -> None:
    assert repr(hostile_graph) == (
        "<ArgumentGraph \"Hostile <script>alert('title')</script> graph\": 2 documents, "
        "4 speakers, 2 topics, 5 claims, 4 relations>"
    )
    assert str(hostile_graph) == repr(hostile_graph)


@pytest.mark.parametrize(("name", "analyse"), ANALYSES, ids=[n for n, _ in ANALYSES])
def test_a_result_repr_is_one_short_line(
    name: str, analyse: Callable[[ArgumentGraph], Any], hostile_graph: ArgumentGraph
) -> None:
    result = analyse(hostile_graph)
    text = repr(result)
    assert text.startswith(f"<{type(result).__name__}: ")
    assert "\n" not in text
    assert len(text) <= REPR_WIDTH + len(type(result).__name__) + 4


@pytest.mark.parametrize(("name", "analyse"), ANALYSES, ids=[n for n, _ in ANALYSES])
def test_a_result_shows_as_an_escaped_table(
    name: str,
    analyse: Callable[[ArgumentGraph], Any],
    hostile_graph: ArgumentGraph,
    xss_probes: list[str],
) -> None:
    html = result_html(analyse(hostile_graph))
    assert "<table" in html
    for leak in LEAKS:
        assert leak not in html
    for probe in xss_probes:
        assert probe not in html


def test_long_lists_show_their_first_rows_and_say_how_many_more() -> None:
    report = arggraph.reader_statuses(arggraph.load(DEEPSEEK))
    html = result_html(report)
    assert html.count("<tr>") < 2 * notebook.MAX_ROWS + 5
    assert f"… and {len(report.claims) - notebook.MAX_ROWS} more" in html


def test_a_graph_shows_as_a_card_not_a_drawing(
    hostile_graph: ArgumentGraph, xss_probes: list[str]
) -> None:
    html = graph_card_html(hostile_graph)
    assert "arggraph.show(graph)" in html
    for leak in LEAKS:
        assert leak not in html
    for probe in xss_probes:
        assert probe not in html


@pytest.mark.parametrize(
    ("choice", "title"),
    [
        ({}, "Hostile <script>alert('title')</script> graph"),
        ({"topic": "compute"}, "Topic: Compute <script>alert('s')</script>"),
        ({"question": "compute"}, "Topic: Compute <script>alert('s')</script>"),
        ({"speaker": "heim"}, "Speaker: Heim <img src=x onerror=alert('i')>"),
        ({"document": "talk:1"}, "Document: Talk <script>alert('s')</script>"),
    ],
)
def test_show_draws_one_view_in_a_sandboxed_frame(
    choice: dict[str, str], title: str, hostile_graph: ArgumentGraph
) -> None:
    frame = show(hostile_graph, **choice)
    assert frame.title == title
    html = frame._repr_html_()
    assert html.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
    assert 'sandbox="allow-scripts"' in html
    # the page is one attribute: no tag of it reaches the notebook
    assert re.sub(r'srcdoc="[^"]*"', "", html).count("<") == 2
    assert len(repr(frame)) < 120


def test_show_titles_a_sub_question_with_its_question() -> None:
    graph = arggraph.load(DEEPSEEK)
    frame = show(graph, question="tighten-controls")
    assert frame.title.startswith("Question: ")
    assert frame.claims == show(graph, topic="export-controls").claims


@pytest.mark.parametrize(
    ("choice", "error", "message"),
    [
        ({"topic": "nope"}, KeyError, "no topic 'nope' in the graph (topics: compute, chips)"),
        ({"question": "nope"}, KeyError, "no question 'nope'"),
        ({"speaker": "nope"}, KeyError, "no speaker 'nope'"),
        ({"topic": "compute", "speaker": "heim"}, ValueError, "topic, speaker"),
    ],
)
def test_show_refuses_what_it_cannot_draw(
    choice: dict[str, str], error: type[Exception], message: str, hostile_graph: ArgumentGraph
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        show(hostile_graph, **choice)


def test_register_adds_html_formatters_for_graphs_and_results() -> None:
    class Formatter:
        def __init__(self) -> None:
            self.types: dict[type, Any] = {}

        def for_type(self, typ: type, func: Any) -> None:
            self.types[typ] = func

    class Shell:
        def __init__(self) -> None:
            self.display_formatter = type("D", (), {"formatters": {"text/html": Formatter()}})()

    shell = Shell()
    notebook.register(shell)
    registered = shell.display_formatter.formatters["text/html"].types
    assert registered[ArgumentGraph] is graph_card_html
    assert result_html in registered.values()
    notebook.register(object())  # no display formatter: nothing to do


def test_the_docstring_examples_run() -> None:
    result = doctest.testmod(notebook, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_frame_is_exported() -> None:
    assert arggraph.show is show
    assert isinstance(arggraph.show(arggraph.load(DEEPSEEK), topic="compute"), Frame)


CELLS = [
    "import arggraph\ngraph = arggraph.load({deepseek!r})\nhostile = arggraph.load({hostile!r})",
    "graph",
    "hostile",
    "arggraph.contested_topics(graph)",
    "arggraph.contested_topics(graph).topics[0]",
    "arggraph.contested_topics(graph).questions[0]",
    "arggraph.positions(graph)",
    "arggraph.positions(graph).question('compute')",
    "arggraph.reader_statuses(graph)",
    "arggraph.claim_statuses(graph)",
    "arggraph.speaker_alignment(graph)",
    "arggraph.speaker_camps(graph)",
    "arggraph.graph_summary(graph)",
    "arggraph.positions(hostile)",
    "arggraph.show(graph, topic='compute')",
    "arggraph.show(graph, question='tighten-controls')",
    "arggraph.show(graph, speaker='heim')",
    "arggraph.show(hostile)",
]


@pytest.mark.slow
def test_a_notebook_runs_and_shows_short_reprs_tables_and_frames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")  # jupyter_core's migration warning
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(hostile_data()), encoding="utf-8")
    cells = [c.format(deepseek=str(DEEPSEEK), hostile=str(hostile)) for c in CELLS]
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nbclient.NotebookClient(book, timeout=300, kernel_name="python3").execute()
    nbformat.write(book, tmp_path / "executed.ipynb")  # kept in tmp_path for a person to open

    shown = [cell.outputs for cell in book.cells[1:]]
    assert all(len(outputs) == 1 for outputs in shown), shown
    results = [outputs[0]["data"] for outputs in shown]
    for source, data in zip(cells[1:], results, strict=True):
        assert len(data["text/plain"]) < 300, source
        assert "\n" not in data["text/plain"], source
        html = data["text/html"]
        if source.startswith("arggraph.show"):
            assert html.startswith("<iframe srcdoc="), source
            assert re.sub(r'srcdoc="[^"]*"', "", html).count("<") == 2, source
        else:
            assert "<table" in html, source
            for leak in LEAKS:
                assert leak not in html, source
    assert results[0]["text/plain"].startswith("<ArgumentGraph 'DeepSeek and AI policy")
    for probe in hostile_data()["claims"][0]["statement"], hostile_data()["title"]:
        assert all(probe not in data["text/html"] for data in results)
