"""What every command shares: exit codes, graph arguments, loading and printing."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from arggraph.errors import ArgGraphError
from arggraph.errors import _count as _count  # one plural rule for every message
from arggraph.io.formats import FORMATS
from arggraph.io.yaml_json import read_graph
from arggraph.model import ArgumentGraph

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_OUTPUT, EXIT_ANALYSIS, EXIT_BUG = 0, 1, 2, 3, 4, 70
EXIT_PARTIAL = 5

Command = Callable[[argparse.Namespace], int]


if TYPE_CHECKING:
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]
    """What ``add_subparsers`` returns: each command group registers its parsers on it."""


def _add_graph_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "graph", nargs="+", type=Path, help="graph file(s), YAML or JSON; several are merged"
    )
    parser.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="use only the documents published by DATE (YYYY, YYYY-MM or YYYY-MM-DD; a "
        "partial date counts as its last day; undated documents are left out)",
    )


def _positive_int(text: str) -> int:
    """A count of 1 or more (``--top -1`` would silently drop the last topic)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: '{text}'") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _date(text: str) -> str:
    """A date ``as_of`` accepts, checked while parsing: a bad one is a usage error (exit 2)."""
    from arggraph.analysis.dates import date_span

    try:
        date_span(text)
    except ArgGraphError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _load(args: argparse.Namespace) -> ArgumentGraph:
    graph = read_graph(args.graph)
    if getattr(args, "as_of", None) is not None:
        from arggraph.analysis.time import as_of

        graph = as_of(graph, args.as_of)
    return graph


def _print_json(model: BaseModel) -> None:
    print(json.dumps(model.model_dump(mode="json"), indent=2, ensure_ascii=False))


def _clip(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _formats_epilog(names: list[str]) -> str:
    return "formats:\n" + "\n".join(f"  {name:<11} {FORMATS[name].summary}" for name in names)


def _progress_bar(done: int, total: int, path: str) -> None:
    """Redraw a one-line progress bar on standard error."""
    width = 30
    filled = width * done // max(total, 1)
    name = _clip(Path(path).name, 32)
    bar = "#" * filled + "." * (width - filled)
    sys.stderr.write(f"\r[{bar}] {done}/{total} {name:<32}")
    sys.stderr.flush()


def _similarity(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number: '{text}'") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"must be above 0 and at most 1, not {value}")
    return value
