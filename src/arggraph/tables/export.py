"""An argument graph as flat tables (plain columns, one row per item), written as Parquet.

Eight tables, each a Parquet file named after it in one folder:

- ``documents``: id, position, title, kind, date, date_first, date_last (the first and
  last day a partial date can mean), path, text (the text the quotes were read in);
- ``speakers``: id, position, name, role, kind;
- ``questions``: id, position, topic_id, topic_label, label, question, own (True for a
  topic's own question, whose id is the topic's);
- ``claims``: id, position, statement, topics (a list of topic ids);
- ``stances``: claim_id, question_id, answer (yes | no), one row per stance;
- ``attributions``: claim_id, attribution (its index in the claim), speaker, document,
  quote, start, end, implicit, asked, segmented;
- ``segments``: owner_kind (claim | relation), owner_id, attribution, segment, document,
  quote, start, end (the parts of a quote made of several segments);
- ``relations``: key (id, or source->target), id, position, source, target, kind, and
  who draws it, if anyone: speaker, document, quote, start, end, implicit, asked, segmented.

The columns are plain data from the model; nothing is computed but the date spans.

Example
-------
>>> import arggraph                                              # doctest: +SKIP
>>> write_tables(arggraph.load("graphs/deepseek.yaml"), "out/tables")   # doctest: +SKIP
PosixPath('out/tables')
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from arggraph.analysis.dates import date_span
from arggraph.errors import OutputError
from arggraph.io.atomic import ensure_not_input
from arggraph.model import ArgumentGraph, Attribution
from arggraph.tables.extras import require

Columns = dict[str, list[Any]]

SCHEMA: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("id", "string"),
        ("position", "int64"),
        ("title", "string"),
        ("kind", "string"),
        ("date", "string"),
        ("date_first", "date"),
        ("date_last", "date"),
        ("path", "string"),
        ("text", "large_string"),
    ],
    "speakers": [
        ("id", "string"),
        ("position", "int64"),
        ("name", "string"),
        ("role", "string"),
        ("kind", "string"),
    ],
    "questions": [
        ("id", "string"),
        ("position", "int64"),
        ("topic_id", "string"),
        ("topic_label", "string"),
        ("label", "string"),
        ("question", "string"),
        ("own", "bool"),
    ],
    "claims": [
        ("id", "string"),
        ("position", "int64"),
        ("statement", "string"),
        ("topics", "list"),
    ],
    "stances": [("claim_id", "string"), ("question_id", "string"), ("answer", "string")],
    "attributions": [
        ("claim_id", "string"),
        ("attribution", "int64"),
        ("speaker", "string"),
        ("document", "string"),
        ("quote", "string"),
        ("start", "int64"),
        ("end", "int64"),
        ("implicit", "bool"),
        ("asked", "bool"),
        ("segmented", "bool"),
    ],
    "segments": [
        ("owner_kind", "string"),
        ("owner_id", "string"),
        ("attribution", "int64"),
        ("segment", "int64"),
        ("document", "string"),
        ("quote", "string"),
        ("start", "int64"),
        ("end", "int64"),
    ],
    "relations": [
        ("key", "string"),
        ("id", "string"),
        ("position", "int64"),
        ("source", "string"),
        ("target", "string"),
        ("kind", "string"),
        ("speaker", "string"),
        ("document", "string"),
        ("quote", "string"),
        ("start", "int64"),
        ("end", "int64"),
        ("implicit", "bool"),
        ("asked", "bool"),
        ("segmented", "bool"),
    ],
}
"""Every table's columns and their types, in order."""

TABLE_NAMES = tuple(SCHEMA)


def graph_columns(graph: ArgumentGraph) -> dict[str, Columns]:
    """Every table of ``graph`` as columns of plain Python values (see the module docs)."""
    tables: dict[str, Columns] = {
        name: {column: [] for column, _ in columns} for name, columns in SCHEMA.items()
    }
    _documents(graph, tables["documents"])
    for i, s in enumerate(graph.speakers):
        _append(tables["speakers"], id=s.id, position=i, name=s.name, role=s.role, kind=s.kind)
    _questions(graph, tables["questions"])
    for i, claim in enumerate(graph.claims):
        _append(
            tables["claims"],
            id=claim.id,
            position=i,
            statement=claim.statement,
            topics=claim.topics,
        )
        for question, answer in claim.stances.items():
            _append(tables["stances"], claim_id=claim.id, question_id=question, answer=answer)
        for j, att in enumerate(claim.attributions):
            _append(tables["attributions"], claim_id=claim.id, attribution=j, **_said(att))
            _segments(tables["segments"], "claim", claim.id, j, att)
    for i, rel in enumerate(graph.relations):
        drawn = rel.attribution
        said = _said(drawn) if drawn is not None else dict.fromkeys(_SAID)
        _append(
            tables["relations"],
            key=rel.key,
            id=rel.id,
            position=i,
            source=rel.source,
            target=rel.target,
            kind=rel.kind,
            **said,
        )
        if drawn is not None:
            _segments(tables["segments"], "relation", rel.key, 0, drawn)
    return tables


_SAID = ("speaker", "document", "quote", "start", "end", "implicit", "asked", "segmented")


def _said(att: Attribution) -> dict[str, Any]:
    return {
        "speaker": att.speaker,
        "document": att.document,
        "quote": att.quote,
        "start": att.start,
        "end": att.end,
        "implicit": att.implicit,
        "asked": att.asked,
        "segmented": bool(att.segments),
    }


def _segments(columns: Columns, kind: str, owner: str, index: int, att: Attribution) -> None:
    for k, segment in enumerate(att.segments):
        _append(
            columns,
            owner_kind=kind,
            owner_id=owner,
            attribution=index,
            segment=k,
            document=att.document,
            quote=segment.quote,
            start=segment.start,
            end=segment.end,
        )


def _documents(graph: ArgumentGraph, columns: Columns) -> None:
    for i, d in enumerate(graph.documents):
        first, last = date_span(d.date) if d.date is not None else (None, None)
        _append(
            columns,
            id=d.id,
            position=i,
            title=d.title,
            kind=d.kind,
            date=d.date,
            date_first=first,
            date_last=last,
            path=d.path,
            text=graph.text_of(d.id) if d.text is None else d.text,
        )


def _questions(graph: ArgumentGraph, columns: Columns) -> None:
    position = 0
    for topic in graph.topics:
        asked = [(topic.id, topic.label, topic.question, True)]
        asked += [(q.id, q.label or q.question, q.question, False) for q in topic.questions]
        for qid, label, text, own in asked:
            _append(
                columns,
                id=qid,
                position=position,
                topic_id=topic.id,
                topic_label=topic.label,
                label=label,
                question=text,
                own=own,
            )
            position += 1


def _append(columns: Columns, **row: Any) -> None:
    for name, value in row.items():
        columns[name].append(value)


def arrow_schema(table: str) -> Any:
    """The ``pyarrow.Schema`` of one table (needs the ``parquet`` extra)."""
    pa = require("pyarrow", "Parquet tables")
    kinds = {
        "string": pa.string(),
        "large_string": pa.large_string(),
        "int64": pa.int64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    return pa.schema([(name, kinds[kind]) for name, kind in SCHEMA[table]])


def graph_tables(graph: ArgumentGraph) -> dict[str, Any]:
    """Every table of ``graph`` as a ``pyarrow.Table``, by name."""
    pa = require("pyarrow", "Parquet tables")
    return {
        name: pa.table(columns, schema=arrow_schema(name))
        for name, columns in graph_columns(graph).items()
    }


def write_tables(graph: ArgumentGraph, folder: str | os.PathLike[str]) -> Path:
    """Write every table of ``graph`` as ``FOLDER/<table>.parquet``, atomically; return FOLDER.

    The tables go to a temporary folder beside ``folder`` that replaces it when complete.
    An existing ``folder`` is replaced only if it holds nothing but these tables, and never
    when it holds one of the graph's input files.
    """
    pq = require("pyarrow.parquet", "Parquet tables")
    target = Path(folder)
    _check_target(target, graph.input_paths)
    tables = graph_tables(graph)
    with _folder_swap(target) as staging:
        for name, table in tables.items():
            pq.write_table(table, staging / f"{name}.parquet")
    return target


def _check_target(target: Path, inputs: list[Path]) -> None:
    ensure_not_input(target, inputs)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: is a file; Parquet tables go to a folder, give a folder path")
    if target.is_dir():
        ours = {f"{name}.parquet" for name in TABLE_NAMES}
        others = sorted(p.name for p in target.iterdir() if p.name not in ours)
        if others:
            raise OutputError(
                f"{target}: holds other files ({', '.join(others[:3])}); "
                "give an empty or new folder for the tables"
            )


@contextmanager
def _folder_swap(target: Path) -> Iterator[Path]:
    """A temporary folder beside ``target`` that replaces it when the block ends cleanly."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise OutputError(f"{target}: cannot write here ({exc.strerror})") from None
    try:
        yield staging
        staging.chmod(0o755)
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        if target.exists():
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write here ({exc.strerror})") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
