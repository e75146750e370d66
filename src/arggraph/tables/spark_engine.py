"""The corpus-scale analyses on Spark, for corpora beyond one machine.

The same views as DuckDB (:mod:`arggraph.tables.queries`), run by Spark SQL over the
Parquet tables. Quote grounding groups the quotes by document in Spark, joins each
group to its document's text and grounds it on an executor with
:func:`arggraph.tables.grounding.ground_document` (a Python function over an RDD:
plain pickled rows, so neither pandas nor Arrow UDFs are needed). Tests and benchmarks
use local mode (:func:`local_session`); on a cluster pass your own session.

Example
-------
>>> spark = local_session()                                     # doctest: +SKIP
>>> SparkEngine("out/tables", spark).results().positions[0]     # doctest: +SKIP
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from arggraph.tables.export import TABLE_NAMES
from arggraph.tables.extras import require
from arggraph.tables.grounding import GROUNDING_SCHEMA, Grounded, Span, ground_document
from arggraph.tables.queries import RESULT_QUERIES, VIEWS
from arggraph.tables.results import TableResults, fetched_results

_SPANS_BY_DOCUMENT = """
SELECT s.document, d.text,
       collect_list(named_struct('owner_kind', s.owner_kind, 'owner_id', s.owner_id,
                                 'attribution', s.attribution, 'segment', s.segment,
                                 'quote', s.quote, 'start', s.start)) AS spans
FROM spans s LEFT JOIN documents d ON d.id = s.document
GROUP BY s.document, d.text
"""


def local_session(*, cores: int = 2, driver_memory: str = "2g", shuffle_partitions: int = 4) -> Any:
    """A local-mode ``SparkSession`` for tests and one-machine runs (no UI, no network)."""
    sql = require("pyspark.sql", "the Spark engine")
    # the Python workers must be this interpreter (it has arggraph); the config key alone
    # is not read by every launcher, the variable is
    os.environ["PYSPARK_PYTHON"] = sys.executable
    builder = (
        sql.SparkSession.builder.master(f"local[{cores}]")
        .appName("arggraph")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", driver_memory)
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.pyspark.python", sys.executable)
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
    )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


class SparkEngine:
    """The tables in ``folder`` as Spark views, with the analyses' views on top."""

    def __init__(self, folder: str | os.PathLike[str], spark: Any) -> None:
        require("pyspark", "the Spark engine")
        self.folder = Path(folder)
        self.spark = spark
        for table in TABLE_NAMES:
            frame = spark.read.parquet(str(self.folder / f"{table}.parquet"))
            frame.createOrReplaceTempView(table)
        for name, query in VIEWS:
            spark.sql(query).createOrReplaceTempView(name)
        self._grounded = False

    def ground(self) -> None:
        """Ground every quote (see the module docs) and make the ``grounded`` view."""
        types = require("pyspark.sql.types", "the Spark engine")
        kinds = {"string": types.StringType(), "int64": types.LongType()}
        kinds["bool"] = types.BooleanType()
        schema = types.StructType(
            [types.StructField(name, kinds[kind]) for name, kind in GROUNDING_SCHEMA]
        )
        rows = self.spark.sql(_SPANS_BY_DOCUMENT).rdd.flatMap(_ground_row)
        self.spark.createDataFrame(rows, schema).createOrReplaceTempView("grounded")
        self._grounded = True

    def fetch(self, name: str) -> list[tuple[Any, ...]]:
        """The rows of one result of :data:`arggraph.tables.queries.RESULT_QUERIES`."""
        if name in ("grounding", "document_grounding") and not self._grounded:
            self.ground()
        return [tuple(row) for row in self.spark.sql(RESULT_QUERIES[name]).collect()]

    def results(self) -> TableResults:
        """Every result, collected and sorted (for graphs whose results fit in memory)."""
        return fetched_results(self.fetch)


def _ground_row(row: Any) -> Iterable[Grounded]:
    """One document's quotes grounded, on an executor."""
    spans = [
        Span(s.owner_kind, s.owner_id, s.attribution, s.segment, s.quote, s.start)
        for s in row.spans
    ]
    return ground_document(row.document, row.text, spans)
