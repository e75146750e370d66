"""DuckDB and Spark compute what the in-memory analyses compute, row for row.

Each result (quote grounding per quote and per document, positions per question,
contestedness per question, per-speaker counts) is compared whole with
:func:`arggraph.tables.reference_results` on the hand-made constructs graph, the
DeepSeek graph and synthetic graphs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import arggraph
from arggraph.model import ArgumentGraph
from arggraph.synthetic import synthetic_graph
from arggraph.tables import TableResults, reference_results
from tests.conftest import DEEPSEEK
from tests.tables.conftest import need
from tests.tables.constructs import constructs_graph

RESULTS = ("grounding", "documents", "positions", "questions", "speakers")
TablesOf = Callable[[str, ArgumentGraph], Path]


@cache
def graph_named(name: str) -> ArgumentGraph:
    """The graphs compared, built once per test session."""
    if name == "constructs":
        return constructs_graph()
    if name == "deepseek":
        return arggraph.load(DEEPSEEK)
    size = int(name.removeprefix("synthetic-"))
    return synthetic_graph(size, stance_share=0.4, sub_question_share=0.5, seed=7)


@cache
def expected(name: str) -> TableResults:
    return reference_results(graph_named(name))


def assert_same(found: TableResults, wanted: TableResults) -> None:
    for result in RESULTS:
        assert getattr(found, result) == getattr(wanted, result), result


def duckdb_results(tables: Path, **options: Any) -> TableResults:
    need("duckdb", "duckdb")
    from arggraph.tables.duckdb_engine import DuckDBEngine

    with DuckDBEngine(tables, **options) as engine:
        return engine.results()


def test_the_constructs_graph_exercises_every_rule() -> None:
    """Equality on it means something: it has each case the engines must get right."""
    wanted = expected("constructs")
    bases = {(p.basis, p.lean) for p in wanted.positions}
    assert {("own claims", "mixed"), ("relations", "no"), ("own claims", "yes")} <= bases
    assert any(q.answered < q.cruxes for q in wanted.questions)  # a crux left unanswered
    assert any(q.cruxes and not q.contested for q in wanted.questions)
    assert any(g.segment >= 0 for g in wanted.grounding)
    assert any(g.owner_kind == "relation" for g in wanted.grounding)
    assert all(g.found and g.at_given for g in wanted.grounding)
    assert any(s.questions == 0 and s.claims for s in wanted.speakers)  # the group


@pytest.mark.parametrize("name", ["constructs", "deepseek", "synthetic-3000"])
def test_duckdb_equals_in_memory(name: str, tables_of: TablesOf) -> None:
    assert_same(duckdb_results(tables_of(name, graph_named(name))), expected(name))


def test_duckdb_grounding_is_the_loaders(tables_of: TablesOf) -> None:
    """Every DeepSeek quote is found at the offsets the loader gave it."""
    graph = graph_named("deepseek")
    found = duckdb_results(tables_of("deepseek", graph)).grounding
    ends = {
        ("claim", c.id, j): a.end
        for c in graph.claims
        for j, a in enumerate(c.attributions)
        if not a.implicit
    } | {("relation", r.key, 0): r.attribution.end for r in graph.relations if r.attribution}
    assert len(found) == len(ends) == 298
    assert all(g.at_given for g in found)
    assert {(g.owner_kind, g.owner_id, g.attribution): g.given_end for g in found} == ends


def test_duckdb_runs_within_a_memory_limit(tables_of: TablesOf, tmp_path: Path) -> None:
    tables = tables_of("synthetic-3000", graph_named("synthetic-3000"))
    found = duckdb_results(tables, memory_limit="256MB", temp_directory=tmp_path, threads=1)
    assert_same(found, expected("synthetic-3000"))
    assert list(tmp_path.iterdir()) == []  # its spill and work files are removed


def test_duckdb_writes_a_result_without_fetching_it(tables_of: TablesOf, tmp_path: Path) -> None:
    need("duckdb", "duckdb")
    from arggraph.tables.duckdb_engine import DuckDBEngine

    with DuckDBEngine(tables_of("constructs", graph_named("constructs"))) as engine:
        assert engine.write("positions", tmp_path / "positions.parquet") == len(
            expected("constructs").positions
        )


@pytest.mark.slow
def test_duckdb_equals_in_memory_at_100k(tmp_path: Path) -> None:
    need("duckdb", "duckdb")
    from arggraph.tables import write_tables

    graph = synthetic_graph(100_000, stance_share=0.4, sub_question_share=0.5, seed=7)
    assert_same(duckdb_results(write_tables(graph, tmp_path / "t")), reference_results(graph))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["constructs", "deepseek", "synthetic-3000"])
def test_spark_equals_in_memory(name: str, tables_of: TablesOf, spark: Any) -> None:
    from arggraph.tables.spark_engine import SparkEngine

    found = SparkEngine(tables_of(name, graph_named(name)), spark).results()
    assert_same(found, expected(name))
