"""The corpus-scale analyses on DuckDB: out of core, over the Parquet tables.

DuckDB reads the tables where they lie, runs :mod:`arggraph.tables.queries` with a
memory limit and spills to ``temp_directory`` beyond it. Quote grounding streams the
quotes sorted by document beside the documents' texts (two cursors, merged in Python),
grounds each document with :func:`arggraph.tables.grounding.ground_document` and writes
the rows to a Parquet file in batches, so neither side is held whole in memory.

Example
-------
>>> results = DuckDBEngine("out/tables").results()              # doctest: +SKIP
>>> results.questions[0].question                               # doctest: +SKIP
'export-controls-tighten'
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from arggraph.tables.export import TABLE_NAMES
from arggraph.tables.extras import require
from arggraph.tables.grounding import GROUNDING_SCHEMA, Grounded, Span, ground_document
from arggraph.tables.queries import RESULT_QUERIES, VIEWS
from arggraph.tables.results import TableResults, fetched_results

_BATCH = 50_000


class DuckDBEngine:
    """The tables in ``folder`` behind a DuckDB connection with the analyses' views."""

    def __init__(
        self,
        folder: str | os.PathLike[str],
        *,
        memory_limit: str | None = None,
        temp_directory: str | os.PathLike[str] | None = None,
        threads: int | None = None,
    ) -> None:
        duckdb = require("duckdb", "the DuckDB engine")
        self.folder = Path(folder)
        self.work = Path(tempfile.mkdtemp(prefix="arggraph-duckdb-", dir=temp_directory))
        self.con: Any = duckdb.connect()
        settings = {"temp_directory": str(self.work / "spill")}
        if memory_limit is not None:
            settings["memory_limit"] = memory_limit
        if threads is not None:
            settings["threads"] = str(threads)
        for name, value in settings.items():
            self.con.execute(f"SET {name} = '{value}'")
        # insertion order is not needed (results are sorted) and costs memory when kept
        self.con.execute("SET preserve_insertion_order = false")
        for table in TABLE_NAMES:
            path = str(self.folder / f"{table}.parquet").replace("'", "''")
            self.con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}')")
        for name, query in VIEWS:
            self.con.execute(f"CREATE VIEW {name} AS {query}")
        self._grounded = False

    def close(self) -> None:
        """Close the connection and delete the work folder (spill files, grounding rows)."""
        self.con.close()
        for path in sorted(self.work.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        self.work.rmdir()

    def __enter__(self) -> DuckDBEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ground(self) -> None:
        """Ground every quote (see the module docs) and make the ``grounded`` view."""
        pq = require("pyarrow.parquet", "the DuckDB engine")
        pa = require("pyarrow", "the DuckDB engine")
        kinds = {"string": pa.string(), "int64": pa.int64(), "bool": pa.bool_()}
        schema = pa.schema([(name, kinds[kind]) for name, kind in GROUNDING_SCHEMA])
        target = self.work / "grounded.parquet"
        with pq.ParquetWriter(target, schema) as writer:
            batch: list[Grounded] = []
            for document, text, spans in self._documents_with_spans():
                batch += ground_document(document, text, spans)
                if len(batch) >= _BATCH:
                    writer.write_table(_arrow_rows(pa, schema, batch))
                    batch = []
            writer.write_table(_arrow_rows(pa, schema, batch))
        self.con.execute(
            f"CREATE OR REPLACE VIEW grounded AS SELECT * FROM read_parquet('{target}')"
        )
        self._grounded = True

    def _documents_with_spans(self) -> Iterator[tuple[str, str | None, list[Span]]]:
        """Each document that has quotes, with its text and its spans (a merge of two
        streams sorted by document id)."""
        spans = self.con.cursor().execute(
            "SELECT document, owner_kind, owner_id, attribution, segment, quote, start "
            "FROM spans ORDER BY document"
        )
        texts = _rows(self.con.cursor().execute("SELECT id, text FROM documents ORDER BY id"))
        current: str | None = None
        found: list[Span] = []
        text_id, text = next(texts, (None, None))
        for row in _rows(spans):
            if row[0] != current:
                if current is not None:
                    yield current, text if text_id == current else None, found
                current, found = row[0], []
                while text_id is not None and text_id < current:
                    text_id, text = next(texts, (None, None))
            found.append(Span(*row[1:]))
        if current is not None:
            yield current, text if text_id == current else None, found

    def fetch(self, name: str) -> list[tuple[Any, ...]]:
        """The rows of one result of :data:`arggraph.tables.queries.RESULT_QUERIES`."""
        if name in ("grounding", "document_grounding") and not self._grounded:
            self.ground()
        rows: list[tuple[Any, ...]] = self.con.execute(RESULT_QUERIES[name]).fetchall()
        return rows

    def write(self, name: str, path: str | os.PathLike[str]) -> int:
        """Write one result to a Parquet file without fetching it; return its row count."""
        if name in ("grounding", "document_grounding") and not self._grounded:
            self.ground()
        target = str(path).replace("'", "''")
        self.con.execute(f"COPY ({RESULT_QUERIES[name]}) TO '{target}' (FORMAT parquet)")
        count: int = self.con.execute(f"SELECT COUNT(*) FROM read_parquet('{target}')").fetchone()[
            0
        ]
        return count

    def results(self) -> TableResults:
        """Every result, fetched and sorted (for graphs whose results fit in memory)."""
        return fetched_results(self.fetch)


def _rows(cursor: Any) -> Iterator[tuple[Any, ...]]:
    while True:
        chunk = cursor.fetchmany(_BATCH)
        if not chunk:
            return
        yield from chunk


def _arrow_rows(pa: Any, schema: Any, rows: list[Grounded]) -> Any:
    columns: list[Any] = [list(c) for c in zip(*rows, strict=True)]
    if not rows:
        columns = [[] for _ in GROUNDING_SCHEMA]
    return pa.Table.from_arrays(
        [pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)], schema=schema
    )
