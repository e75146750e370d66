"""Commands that write pages: render (the views) and report."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from arggraph.cli.common import (
    EXIT_OK,
    _add_graph_args,
    _load,
    _positive_int,
)

if TYPE_CHECKING:
    from arggraph.cli.common import Subcommands


def register(commands: Subcommands) -> None:
    """render and report."""
    render = commands.add_parser(
        "render",
        help="write interactive graph views (HTML) into a folder",
        description="Write offline, interactive HTML views: the whole graph (an overview of "
        "topics and questions above 5,000 claims), one per topic, question, speaker and "
        "document, an index.html linking them, and one shared assets/arggraph-views.js. Open "
        "them from disk; they load nothing from the network.",
    )
    _add_graph_args(render)
    render.add_argument("-o", "--output", type=Path, required=True, help="folder to write into")
    render.add_argument(
        "--jobs",
        type=_positive_int,
        metavar="N",
        help="worker processes that write the pages (default: the usable cores, at most 8; "
        "graphs under 2,000 claims, Windows and macOS use one)",
    )
    render.set_defaults(command=cmd_render)

    report = commands.add_parser(
        "report",
        help="write the review report: one offline HTML file",
        description="Write one offline HTML report to read top to bottom: summary, contested "
        "topics with their sides, quotes and graphs, speaker alignment, every claim in a "
        "table, and the documents with each quote highlighted.",
    )
    _add_graph_args(report)
    report.add_argument("-o", "--output", type=Path, required=True, help="HTML file to write")
    report.set_defaults(command=cmd_report)


def cmd_render(args: argparse.Namespace) -> int:
    """``arggraph render``: the interactive views, written into a folder."""
    from arggraph.render import render_views
    from arggraph.render.html import SHARED_ASSET
    from arggraph.render.views import DETAILS_DIR

    paths = render_views(_load(args), args.output, jobs=args.jobs)
    print(
        f"wrote {len(paths)} pages, their shared {SHARED_ASSET} and the claims' details "
        f"({DETAILS_DIR}) to {args.output} (open {args.output / 'index.html'})"
    )
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """``arggraph report``: the review report, one HTML file."""
    from arggraph.render import render_report

    path = render_report(_load(args), args.output)
    print(f"wrote {path}")
    return EXIT_OK
