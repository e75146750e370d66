"""Reading and writing graphs in arggraph's own YAML and JSON formats.

``read_graph`` follows ``include:`` lists, merges the files, reads every document's
text and checks the whole graph. Every problem comes back at once, placed at its
file, line and column (see :class:`~arggraph.errors.Problem`). ``dump_*`` build
text, ``write_*`` write it atomically. The format is documented in ``docs/format.md``.

YAML is read with YAML 1.2 scalars, so ``no`` stays a string and dates stay text;
duplicate keys are errors rather than silently overwriting each other.

This module is the API; the work is done by one module per job: ``yaml_dialect``
(the YAML dialect), ``parsing`` (text to data, problems placed by line and column),
``graph_files`` (reading files and includes) and ``graph_check`` (merging, checking).

Example
-------
>>> import arggraph
>>> g = arggraph.load("graphs/deepseek.yaml")            # doctest: +SKIP
>>> print(arggraph.dump_json(g)[:40])                     # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from arggraph.collector import collector_paused
from arggraph.errors import InvalidGraphError, Problem, sort_problems
from arggraph.io.atomic import write_text_atomic
from arggraph.io.graph_check import build_graph
from arggraph.io.graph_files import SourceFile, graph_format_of, read_with_includes
from arggraph.io.parsing import parse_data
from arggraph.io.yaml_dialect import Dumper
from arggraph.model import ArgumentGraph

__all__ = [
    "dump_json",
    "dump_yaml",
    "graph_to_data",
    "parse_data",
    "parse_graph",
    "read_graph",
    "write_graph",
]


def read_graph(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], *, check_quotes: bool = True
) -> ArgumentGraph:
    """Load, merge and check graph files (YAML or JSON); raise with every problem found.

    Parameters
    ----------
    paths
        One graph file, or several to merge. ``include:`` lists inside them are followed.
    check_quotes
        Find every quote in its document (default). Off only for speed on trusted data.

    Returns
    -------
    ArgumentGraph
        The checked graph, with quote offsets filled in and document texts attached.

    Raises
    ------
    InvalidGraphError
        With every problem, each placed at file, line and column.
    """
    roots = [Path(paths)] if isinstance(paths, str | os.PathLike) else [Path(p) for p in paths]
    with collector_paused():
        files, problems = read_with_includes(roots)
        graph, more = build_graph(files, check_quotes=check_quotes, read_problems=problems)
    problems += more
    if problems or graph is None:
        raise InvalidGraphError(sort_problems(problems))
    return graph


def parse_graph(
    text: str,
    *,
    fmt: str = "yaml",
    base_dir: str | os.PathLike[str] = ".",
    source: str = "<string>",
) -> ArgumentGraph:
    """Parse one graph from ``text``; document paths are relative to ``base_dir``."""
    data = parse_data(text, fmt=fmt, source=source)
    file = SourceFile(Path(base_dir) / source, source, text, data if isinstance(data, dict) else {})
    if not isinstance(data, dict):
        raise InvalidGraphError(
            [Problem("the top level must be a mapping", code="wrong-type", file=source)]
        )
    if data.get("include"):
        raise InvalidGraphError(
            [
                file.place(
                    Problem("include: needs files; use read_graph", code="invalid-value"),
                    ("include",),
                )
            ]
        )
    graph, problems = build_graph([file])
    if problems or graph is None:
        raise InvalidGraphError(sort_problems(problems))
    return graph


def graph_to_data(
    graph: ArgumentGraph, *, base_dir: str | os.PathLike[str] | None = None
) -> dict[str, Any]:
    """The graph as plain data in the file format's key order; ``None`` fields left out.

    With ``base_dir``, document paths are rewritten relative to it, so a file written
    there still finds the texts.
    """
    data: dict[str, Any] = graph.model_dump(mode="json", exclude_none=True)
    for claim in data["claims"]:
        for attribution in claim["attributions"]:
            _compact_attribution(attribution)
    for relation in data["relations"]:
        if "attribution" in relation:
            _compact_attribution(relation["attribution"])
    sources = graph.source_paths
    if base_dir is not None:
        for doc in data["documents"]:
            if doc["id"] in sources:
                doc["path"] = Path(
                    os.path.relpath(sources[doc["id"]], Path(base_dir).resolve())
                ).as_posix()
    return data


def _compact_attribution(attribution: dict[str, Any]) -> None:
    """Leave out defaults a reader fills in: flags that are false, no segments, a joined quote."""
    for flag in ("implicit", "asked"):
        if not attribution.get(flag):
            attribution.pop(flag, None)
    if attribution.get("segments"):
        attribution.pop("quote", None)
    else:
        attribution.pop("segments", None)


def dump_json(graph: ArgumentGraph, *, base_dir: str | os.PathLike[str] | None = None) -> str:
    """The graph as JSON text: fixed key order, two-space indent, UTF-8, final newline."""
    return json.dumps(graph_to_data(graph, base_dir=base_dir), ensure_ascii=False, indent=2) + "\n"


def dump_yaml(graph: ArgumentGraph, *, base_dir: str | os.PathLike[str] | None = None) -> str:
    """The graph as YAML text in the same key order as the JSON."""
    return yaml.dump(
        graph_to_data(graph, base_dir=base_dir),
        Dumper=Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )


def write_graph(graph: ArgumentGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` as JSON (``.json``) or YAML (other suffixes), atomically.

    Document paths are rewritten relative to the new file. Refuses to overwrite any
    file the graph was read from.
    """
    target = Path(path)
    base = target.resolve().parent
    text = (
        dump_json(graph, base_dir=base)
        if graph_format_of(target) == "json"
        else dump_yaml(graph, base_dir=base)
    )
    return write_text_atomic(target, text, inputs=graph.input_paths)
