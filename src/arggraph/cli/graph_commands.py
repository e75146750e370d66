"""Commands on graph files: validate, info, export, import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from arggraph.analysis.summary import CountRow, graph_summary
from arggraph.cli.common import (
    EXIT_OK,
    EXIT_PARTIAL,
    _add_graph_args,
    _clip,
    _count,
    _formats_epilog,
    _load,
    _print_json,
    _progress_bar,
)
from arggraph.io.atomic import write_text_atomic
from arggraph.io.formats import (
    FORMATS,
    ImportLog,
    dump_graph,
    export_formats,
    export_graph,
    import_formats,
    import_graph,
)
from arggraph.io.yaml_json import dump_yaml, write_graph
from arggraph.tables.extras import MissingExtraError, require

if TYPE_CHECKING:
    from arggraph.cli.common import Subcommands


def register(commands: Subcommands) -> None:
    """validate, info, export and import."""
    validate = commands.add_parser(
        "validate",
        help="check graph files and report every problem",
        description="Check graph files (YAML or JSON) and every quote against its document. "
        "Prints every problem with file:line:column; exit 0 only when valid.",
    )
    _add_graph_args(validate)
    validate.add_argument("-q", "--quiet", action="store_true", help="print nothing when valid")
    validate.set_defaults(command=cmd_validate)

    info = commands.add_parser(
        "info",
        help="counts per document, speaker and topic",
        description="Summarise a graph: totals, and claims, attributions and relations "
        "per document, speaker and topic.",
    )
    _add_graph_args(info)
    info.add_argument("--json", action="store_true", help="print the summary as JSON")
    info.set_defaults(command=cmd_info)

    export = commands.add_parser(
        "export",
        help="write the graph in another format (JSON, YAML, GraphML, AIF, Argdown, node-link, "
        "Parquet)",
        description="Write the whole graph in another format. JSON and YAML are arggraph's "
        "own format (quote offsets filled in); the others are listed with what they keep "
        "and lose in docs/formats.md.",
        epilog=_formats_epilog(export_formats()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_graph_args(export)
    export.add_argument(
        "--format", "-f", choices=export_formats(), default="json", help="default: json"
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        help="output file (default: standard output); a folder for parquet",
    )
    export.set_defaults(command=cmd_export, export_parser=export)

    importer = commands.add_parser(
        "import",
        usage="arggraph import [-h] [FORMAT] PATH [PATH ...] [-o OUTPUT] [--strict]",
        help="read files in another format (microtexts, AIF, Argdown, Kialo, node-link) "
        "into a graph",
        description="Read files or folders into one checked graph and write it as "
        "arggraph YAML or JSON (by the output's suffix). Without FORMAT the format is "
        "told from the files' content; a file that looks like another format than FORMAT "
        "is refused, naming the format it looks like. Every problem in every file is "
        "reported together. Files with problems are left out and the rest imported "
        "(exit code 5, a partial import); with --strict nothing is written unless all "
        "files import.",
        epilog=_formats_epilog(import_formats()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    importer.add_argument(
        "inputs",
        nargs="+",
        metavar="[FORMAT] PATH",
        help="the input format (optional: detected when left out), then files or folders",
    )
    importer.add_argument(
        "-o",
        "--output",
        type=Path,
        help="graph file to write, .yaml or .json (default: YAML on standard output)",
    )
    importer.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on standard error (auto: when it is a terminal)",
    )
    importer.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 1, nothing written) if any file has problems",
    )
    importer.set_defaults(command=cmd_import, import_parser=importer)


def cmd_validate(args: argparse.Namespace) -> int:
    """``arggraph validate``: every problem, or a one-line confirmation."""
    graph = _load(args)
    if not args.quiet:
        quotes = sum(1 for _ in graph.iter_attributions()) + sum(
            1 for r in graph.relations if r.attribution
        )
        names = ", ".join(str(p) for p in args.graph)
        counts = graph.counts_text()
        found = (
            "the 1 quote found in its document"
            if quotes == 1
            else f"all {quotes} quotes found in their documents"
        )
        print(f"valid: {names}: {counts}; {found}")
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    """``arggraph info``: the graph summary as tables or JSON."""
    summary = graph_summary(_load(args))
    if args.json:
        _print_json(summary)
        return EXIT_OK
    out = sys.stdout
    print(summary.title or "(untitled graph)", file=out)
    print(
        f"{_count(summary.documents, 'document')}, {_count(summary.speakers, 'speaker')}, "
        f"{_count(summary.topics, 'topic')}, {_count(summary.claims, 'claim')} "
        f"({_count(summary.attributions, 'attribution')}), "
        f"{_count(summary.supports, 'support')}, {_count(summary.rebuts, 'rebuttal')}",
        file=out,
    )
    for heading, rows in (
        ("Documents", summary.by_document),
        ("Speakers", summary.by_speaker),
        ("Topics", summary.by_topic),
    ):
        _print_table(out, heading, rows)
    return EXIT_OK


def _print_table(out: TextIO, heading: str, rows: list[CountRow]) -> None:
    width = max([len(heading)] + [len(_clip(r.label)) for r in rows])
    print(f"\n{heading:<{width}}  claims  quotes  supports  rebuts", file=out)
    for row in rows:
        print(
            f"{_clip(row.label):<{width}}  {row.claims:>6}  {row.attributions:>6}  "
            f"{row.supports:>8}  {row.rebuts:>6}",
            file=out,
        )


def cmd_export(args: argparse.Namespace) -> int:
    """``arggraph export``: the graph in another format, to a file or standard output."""
    if FORMATS[args.format].folder:
        return _export_folder(args)
    graph = _load(args)
    base = args.output.resolve().parent if args.output else Path.cwd()
    text = dump_graph(graph, args.format, base_dir=base)
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(text)
    else:
        write_text_atomic(args.output, text, inputs=graph.input_paths)
        print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def _export_folder(args: argparse.Namespace) -> int:
    """A format written as a folder (parquet): needs ``-o`` and its optional extra."""
    parser: argparse.ArgumentParser = args.export_parser
    if args.output is None or str(args.output) == "-":
        parser.error(f"--format {args.format} writes a folder of files: give it with -o FOLDER")
    try:
        require("pyarrow", f"--format {args.format}")
    except MissingExtraError as exc:
        parser.error(str(exc))
    export_graph(_load(args), args.format, args.output)
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """``arggraph import``: files in another format, as one arggraph graph."""
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    log = ImportLog(strict=args.strict)
    format, paths = _import_inputs(args.inputs, args.import_parser)
    graph = import_graph(format, paths, progress=_progress_bar if show else None, log=log)
    if show:
        print(file=sys.stderr)
    for note in log.notes:
        print(f"note: {note}", file=sys.stderr)
    for problem in log.skipped:
        print(problem, file=sys.stderr)
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(dump_yaml(graph, base_dir=Path.cwd()))
    else:
        write_graph(graph, args.output)
        print(
            f"wrote {args.output}: {_count(len(graph.claims), 'claim')}, "
            f"{_count(len(graph.relations), 'relation')}, {_count(len(graph.topics), 'topic')} "
            f"from {_count(len(graph.documents), 'document')}",
            file=sys.stderr,
        )
    if log.partial:
        print(
            f"partial import: {len(log.skipped_files)} file(s) left out "
            f"({', '.join(log.skipped_files)}); fix them or rerun with --strict",
            file=sys.stderr,
        )
        return EXIT_PARTIAL
    return EXIT_OK


def _import_inputs(
    inputs: list[str], parser: argparse.ArgumentParser
) -> tuple[str | None, list[Path]]:
    """``[FORMAT] PATH...``: the format if one is named first, and the paths."""
    first, rest = inputs[0], [Path(p) for p in inputs[1:]]
    if first in import_formats() and (rest or not Path(first).exists()):
        if not rest:
            parser.error(f"give the files or folders to import after the format '{first}'")
        return first, rest
    if rest and not Path(first).exists() and not any(c in first for c in "./\\"):
        parser.error(
            f"argument format: invalid choice: '{first}' "
            f"(choose from {', '.join(import_formats())}, or leave it out to detect it)"
        )
    return None, [Path(p) for p in inputs]
