"""Synthetic corpora of any size written straight to the tables by DuckDB SQL.

No :class:`~arggraph.model.ArgumentGraph` is built, so 10M claims fit in a few GB.
The shape mirrors :mod:`arggraph.synthetic`: a topic per 50 claims (half of them with
two sub-questions), a speaker per 20, a document per 1,000, three relation draws per
claim (35 % rebuttals; a pair drawn twice is kept once), 40 % of claims answering a
question of their topic. Statements are made of md5 words; each claim's quote is its
statement, and each document's text is its claims' statements, one per line, so every
quote occurs in its document at the offsets given. Rebuilt as a graph, the tables
validate (tests/tables/test_synthetic_tables.py).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from arggraph.tables.extras import require


def write_synthetic_tables(
    size: int,
    folder: str | os.PathLike[str],
    *,
    memory_limit: str = "4GB",
    chunk: int = 2_000_000,
) -> Path:
    """The eight tables of a synthetic corpus of ``size`` claims, written by DuckDB SQL.

    Claims are generated in chunks of ``chunk`` into per-chunk files, so no step holds
    every claim; documents' texts are their claims' statements, one per line, in order.
    """
    duckdb = require("duckdb", "synthetic tables")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{memory_limit}'")
    con.execute(f"SET temp_directory = '{folder / 'spill'}'")
    con.execute("SET preserve_insertion_order = false")
    topics, speakers, documents = max(1, size // 50), max(2, size // 20), max(1, size // 1000)
    claim = f"""
        SELECT i, 'c' || i AS id,
               'Claim ' || i || ' holds that ' || array_to_string(
                   [substr(md5(i::VARCHAR), 1, 8), substr(md5(i::VARCHAR), 9, 6),
                    substr(md5(i::VARCHAR), 15, 9), substr(md5(i::VARCHAR), 24, 9),
                    substr(md5((i + 1)::VARCHAR), 1, 7), substr(md5((i + 1)::VARCHAR), 8, 8)],
                   ' ') || '.' AS statement,
               hash('topic ' || i) % {topics} AS topic,
               hash('document ' || i) % {documents} AS document,
               hash('speaker ' || i) % {speakers} AS speaker
        FROM range(?, ?) t(i)"""
    parts = folder / "parts"
    parts.mkdir(exist_ok=True)
    for k, first in enumerate(range(0, size, chunk)):
        con.execute(
            f"COPY ({claim}) TO '{parts / f'claims-{k}.parquet'}' (FORMAT parquet)",
            [first, min(size, first + chunk)],
        )
    con.execute(f"CREATE VIEW raw AS SELECT * FROM read_parquet('{parts}/claims-*.parquet')")
    has_subs = "hash('sub ' || topic) % 2 = 0"
    queries = {
        "claims": "SELECT id, i AS position, statement, ['t' || topic] AS topics FROM raw",
        "stances": f"""
            SELECT id AS claim_id,
                   CASE WHEN {has_subs} AND hash('question ' || i) % 3 > 0
                        THEN 't' || topic || 'q' || (hash('question ' || i) % 3)
                        ELSE 't' || topic END AS question_id,
                   CASE WHEN hash('answer ' || i) % 2 = 0 THEN 'yes' ELSE 'no' END AS answer
            FROM raw WHERE hash('stance ' || i) % 100 < 40""",
        "attributions": """
            SELECT id AS claim_id, 0::BIGINT AS attribution, 's' || speaker AS speaker,
                   'doc' || document AS document, statement AS quote,
                   (SUM(length(statement) + 1) OVER (PARTITION BY document ORDER BY i)
                    - length(statement) - 1)::BIGINT AS start,
                   (SUM(length(statement) + 1) OVER (PARTITION BY document ORDER BY i)
                    - 1)::BIGINT AS "end",
                   false AS implicit, false AS asked, false AS segmented
            FROM raw""",
        "documents": """
            SELECT 'doc' || document AS id, document::BIGINT AS position,
                   'Document ' || document AS title, 'text' AS kind,
                   NULL::VARCHAR AS date, NULL::DATE AS date_first, NULL::DATE AS date_last,
                   NULL::VARCHAR AS path,
                   string_agg(statement, chr(10) ORDER BY i) || chr(10) AS text
            FROM raw GROUP BY document""",
        "speakers": f"""
            SELECT 's' || k AS id, k AS position, 'Speaker ' || k AS name,
                   NULL::VARCHAR AS role, 'person' AS kind FROM range({speakers}) t(k)""",
        "questions": f"""
            SELECT id, row_number() OVER (ORDER BY topic, q) - 1 AS position,
                   't' || topic AS topic_id, 'Topic ' || topic AS topic_label, label,
                   question, q = 0 AS own
            FROM (
              SELECT topic, q,
                     CASE WHEN q = 0 THEN 't' || topic ELSE 't' || topic || 'q' || q END AS id,
                     CASE WHEN q = 0 THEN 'Topic ' || topic
                          ELSE 'Sub-question ' || q || ' of Topic ' || topic || '?' END AS label,
                     CASE WHEN q = 0 THEN 'Is topic ' || topic || ' settled?'
                          ELSE 'Sub-question ' || q || ' of Topic ' || topic || '?' END
                       AS question
              FROM range({topics}) t(topic), range(3) s(q)
              WHERE q = 0 OR {has_subs}
            )""",
        "relations": f"""
            SELECT source || '->' || target AS key, NULL::VARCHAR AS id,
                   row_number() OVER () - 1 AS position, source, target, kind,
                   NULL::VARCHAR AS speaker, NULL::VARCHAR AS document, NULL::VARCHAR AS quote,
                   NULL::BIGINT AS start, NULL::BIGINT AS "end", NULL::BOOLEAN AS implicit,
                   NULL::BOOLEAN AS asked, NULL::BOOLEAN AS segmented
            FROM (
              SELECT DISTINCT 'c' || i AS source, 'c' || t AS target,
                     CASE WHEN hash('kind ' || i || ' ' || t) % 100 < 35
                          THEN 'rebuts' ELSE 'supports' END AS kind
              FROM (
                SELECT i, hash('target ' || i || ' ' || k) % {size} AS t
                FROM raw, range(3) r(k)
              ) WHERE t <> i
            )""",
        "segments": """
            SELECT NULL::VARCHAR AS owner_kind, NULL::VARCHAR AS owner_id,
                   NULL::BIGINT AS attribution, NULL::BIGINT AS segment,
                   NULL::VARCHAR AS document, NULL::VARCHAR AS quote,
                   NULL::BIGINT AS start, NULL::BIGINT AS "end" WHERE false""",
    }
    for name, query in queries.items():
        con.execute(f"COPY ({query}) TO '{folder / f'{name}.parquet'}' (FORMAT parquet)")
    con.close()
    shutil.rmtree(parts)
    shutil.rmtree(folder / "spill", ignore_errors=True)
    return folder
