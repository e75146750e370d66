"""Commands on how a debate changes: diff, timeline, merge."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from arggraph.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    _add_graph_args,
    _load,
    _print_json,
    _similarity,
)
from arggraph.io.yaml_json import read_graph, write_graph

if TYPE_CHECKING:
    from arggraph.cli.common import Subcommands


def register(commands: Subcommands) -> None:
    """``diff``, ``timeline`` and ``merge``: how a debate changes between versions and over time."""
    diff_ = commands.add_parser(
        "diff",
        help="what changed between two versions of a graph: claims, relations, positions, ranks",
        description="Compare two graph files (or, with --git REV, a file with itself at a git "
        "revision): claims added, removed and reworded (matched by id, then by statement "
        "similarity, each with its score), relations added, removed and flipped, speakers "
        "whose position on a question changed (quotes before and after), and questions "
        "whose contestedness moved, with what made the difference. --json is documented "
        "in docs/analysis.md; -o also writes an offline HTML page.",
    )
    diff_.add_argument("old", type=Path, help="the old graph file (with --git: the file)")
    diff_.add_argument("new", type=Path, nargs="?", help="the new graph file (not with --git)")
    diff_.add_argument("--git", metavar="REV", help="compare OLD at git revision REV with OLD now")
    diff_.add_argument("--json", action="store_true", help="print the full result as JSON")
    diff_.add_argument("-o", "--output", type=Path, help="also write the diff as an HTML page")
    diff_.add_argument(
        "--threshold",
        type=_similarity,
        default=0.5,
        metavar="S",
        help="lowest statement similarity (0-1) that matches claims with different ids "
        "(default 0.5)",
    )
    diff_.set_defaults(command=cmd_diff)

    timeline = commands.add_parser(
        "timeline",
        help="how each question's positions and contestedness evolved, document by document",
        description="Order the documents by the earliest day their date can mean (where "
        "dates overlap, the order is marked uncertain; undated documents last) and, for "
        "each question, replay the debate one document at "
        "a time: who answers for the first time, whose lean changes, and the question's "
        "contestedness rank after each document. --json is documented in docs/analysis.md.",
    )
    _add_graph_args(timeline)
    timeline.add_argument("--json", action="store_true", help="print the full result as JSON")
    timeline.set_defaults(command=cmd_timeline)

    merge = commands.add_parser(
        "merge",
        help="merge two graphs of overlapping documents; report duplicates, conflicts, agreement",
        description="Merge graph B into graph A (A wins every disagreement) and write C: claims "
        "with the same id, or the same content words, become one; other similar claims are "
        "proposed as duplicates and kept apart for review; pairs the graphs relate with "
        "different kinds are listed as conflicts. Prints every decision and the agreement "
        "between the graphs (claims and relations both drew). Never writes over A or B.",
    )
    merge.add_argument("a", type=Path, help="the first graph (wins disagreements)")
    merge.add_argument("b", type=Path, help="the second graph")
    merge.add_argument("-o", "--output", type=Path, required=True, help="the merged graph file")
    merge.add_argument("--json", action="store_true", help="print the merge report as JSON")
    merge.add_argument(
        "--threshold",
        type=_similarity,
        default=0.5,
        metavar="S",
        help="lowest statement similarity (0-1) proposed as a duplicate (default 0.5)",
    )
    merge.set_defaults(command=cmd_merge)


def cmd_timeline(args: argparse.Namespace) -> int:
    """``arggraph timeline``: each question, document by document."""
    from arggraph.analysis.time import timeline
    from arggraph.render.change_text import timeline_lines

    result = timeline(_load(args))
    if args.json:
        _print_json(result)
    else:
        for line in timeline_lines(result):
            print(line)
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    """``arggraph merge``: two graphs made one, with the merge's log and agreement."""
    from arggraph.analysis.merge import merge
    from arggraph.render.change_text import merge_lines

    result = merge(read_graph([args.a]), read_graph([args.b]), threshold=args.threshold)
    path = write_graph(result.graph, args.output)
    if args.json:
        _print_json(result.report)
    else:
        for line in merge_lines(result.report):
            print(line)
    print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    """``arggraph diff``: a changelog between two versions of a graph."""
    from arggraph.analysis.diff import diff
    from arggraph.io.revision import read_graph_at_revision
    from arggraph.render.change_text import diff_lines
    from arggraph.render.diff_page import render_diff_page

    if args.git is not None:
        if args.new is not None:
            print("error: with --git give one graph file, not two", file=sys.stderr)
            return EXIT_USAGE
        old = read_graph_at_revision(args.old, args.git)
        new = read_graph([args.old])
        old_name, new_name = f"{args.old} at {args.git}", f"{args.old} now"
    else:
        if args.new is None:
            print("error: give two graph files (OLD NEW), or one with --git REV", file=sys.stderr)
            return EXIT_USAGE
        old, new = read_graph([args.old]), read_graph([args.new])
        old_name, new_name = str(args.old), str(args.new)
    result = diff(old, new, threshold=args.threshold)
    if args.output is not None:
        path = render_diff_page(
            result,
            args.output,
            old_name=old_name,
            new_name=new_name,
            inputs=[*old.input_paths, *new.input_paths],
        )
        print(f"wrote {path}", file=sys.stderr)
    if args.json:
        _print_json(result)
    else:
        for line in diff_lines(result):
            print(line)
    return EXIT_OK
