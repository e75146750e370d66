"""The timeline's order: earliest possible day first, and overlapping dates marked."""

from __future__ import annotations

import pytest

from arggraph.analysis.dates import date_words, published_by, spans_overlap
from arggraph.analysis.time import as_of, timeline
from arggraph.model import ArgumentGraph
from tests.analysis.graphs import claim, graph_of


def dated(**dates: str) -> ArgumentGraph:
    """A graph with one claim per document (id = name), dated as given."""
    g = graph_of([claim(d, "heim", doc=d, stance="yes") for d in dates])
    data = g.model_dump(exclude_none=True)
    for document in data["documents"]:
        document["date"] = dates[document["id"]]
    return ArgumentGraph.model_validate(data)


def test_a_month_only_document_is_not_placed_after_a_day_in_that_month() -> None:
    # an early-February podcast dated "2025-02" and a brief dated only "2025"
    g = dated(news="2025-02-11", podcast="2025-02", essay="2025-02-28", brief="2025")
    order = [d.id for d in timeline(g).documents]
    assert order == ["brief", "podcast", "news", "essay"]


def test_a_certain_order_is_kept_and_only_overlaps_are_marked() -> None:
    g = dated(late="2025-03-05", early="2025-01-20", feb="2025-02")
    documents = {d.id: d.uncertain_with for d in timeline(g).documents}
    assert [d.id for d in timeline(g).documents] == ["early", "feb", "late"]
    assert documents == {"early": [], "feb": [], "late": []}
    g = dated(day="2025-02-11", month="2025-02")
    documents = {d.id: d.uncertain_with for d in timeline(g).documents}
    assert documents == {"month": ["day"], "day": ["month"]}


@pytest.mark.parametrize(
    ("first", "second", "overlap"),
    [
        ("2025-02", "2025-02-11", True),
        ("2025", "2025-02-28", True),
        ("2025-02-11", "2025-02-28", False),
        ("2025-01", "2025-02", False),
        ("2025-02-11", "2025-02-11", True),
        (None, "2025-02-11", True),
    ],
)
def test_spans_overlap(first: str | None, second: str | None, overlap: bool) -> None:
    assert spans_overlap(first, second) is overlap
    assert spans_overlap(second, first) is overlap


def test_dates_say_how_precise_they_are() -> None:
    assert date_words("2025-02") == "2025-02 (month only)"
    assert date_words("2025") == "2025 (year only)"
    assert date_words("2025-02-11") == "2025-02-11"
    assert date_words(None) == "undated"


def test_as_of_still_waits_for_a_partial_date_to_end() -> None:
    g = dated(news="2025-02-11", podcast="2025-02")
    assert [d.id for d in as_of(g, "2025-02-15").documents] == ["news"]
    assert published_by("2025-02", "2025-02-28")
