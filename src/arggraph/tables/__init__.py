"""The graph as flat tables, and the corpus-scale analyses on engines that read them.

:func:`write_tables` writes the tables as Parquet (``arggraph export --format parquet``);
:class:`~arggraph.tables.duckdb_engine.DuckDBEngine` (embedded, out of core) and
:class:`~arggraph.tables.spark_engine.SparkEngine` (beyond one machine) compute quote
grounding per document, positions per question, contestedness and per-speaker counts
from them, equal to the in-memory analyses (:func:`reference_results`). The engines
and pyarrow are optional extras; docs/scaling.md says what each computes.
"""

from __future__ import annotations

from arggraph.tables.export import SCHEMA, TABLE_NAMES, graph_columns, graph_tables, write_tables
from arggraph.tables.extras import MissingExtraError
from arggraph.tables.reference import reference_results
from arggraph.tables.results import TableResults

__all__ = [
    "SCHEMA",
    "TABLE_NAMES",
    "MissingExtraError",
    "TableResults",
    "graph_columns",
    "graph_tables",
    "reference_results",
    "write_tables",
]
