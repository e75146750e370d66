"""The ``arggraph`` command: a thin layer over the library.

Each command parses its arguments, calls one library function and prints. This is
the only place errors become exit codes; bad input never shows a traceback.

Exit codes
----------
0  success (for ``validate``: the graph is valid)
1  the input has problems; each is printed as ``file:line:col: error[code] ... (hint: ...)``
2  the command line is wrong (unknown command or option, missing argument)
3  an output could not be written (it would overwrite an input, or the disk refused)
4  an analysis refused to run (e.g. too large for an exponential method)
5  ``import`` wrote a partial graph: some files had problems and were left out (each
   printed); ``--strict`` makes that exit 1 and writes nothing
70 an internal error: a bug in arggraph; rerun with ``--debug`` and report it
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from pydantic import BaseModel

from arggraph import __version__
from arggraph.analysis.alignment import speaker_alignment, speaker_camps
from arggraph.analysis.contestedness import ContestedReport, contested_topics
from arggraph.analysis.positions import PositionsReport, positions
from arggraph.analysis.summary import CountRow, graph_summary
from arggraph.errors import AnalysisError, ArgGraphError, InvalidGraphError, OutputError
from arggraph.io.atomic import write_text_atomic
from arggraph.io.formats import (
    FORMATS,
    ImportLog,
    dump_graph,
    export_formats,
    import_formats,
    import_graph,
)
from arggraph.io.yaml_json import dump_yaml, read_graph, write_graph
from arggraph.model import ArgumentGraph
from arggraph.render.text import positions_lines, topics_lines

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_OUTPUT, EXIT_ANALYSIS, EXIT_BUG = 0, 1, 2, 3, 4, 70
EXIT_PARTIAL = 5

Command = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (see the module docs)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    command: Command = args.command
    try:
        return command(args)
    except InvalidGraphError as exc:
        print(exc.report(), file=sys.stderr)
        return EXIT_INVALID
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ANALYSIS
    except ArgGraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("interrupted; no output was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``arggraph topics g.yaml | head``): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        if args.debug:
            raise
        print(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in arggraph, not in your input. Rerun with --debug and report it.",
            file=sys.stderr,
        )
        return EXIT_BUG


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="arggraph",
        description="Grounded argument graphs: check, summarise, analyse and render them.",
        epilog="Exit codes: 0 ok, 1 invalid input, 2 usage, 3 output refused, 4 analysis "
        "refused, 70 internal error. 'arggraph COMMAND --help' for each command.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    parser.add_argument("--version", action="version", version=f"arggraph {__version__}")
    parser.set_defaults(command=lambda _args: _usage(parser))
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

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

    topics = commands.add_parser(
        "topics",
        help="rank topics and their questions from most to least contested",
        description="Rank topics by how contested their questions are (docs/analysis.md "
        "gives the formula): for each question, who answers yes and who no in their own "
        "claims, how many direct clashes, and whether the rank holds with each document "
        "left out.",
    )
    _add_graph_args(topics)
    topics.add_argument("--json", action="store_true", help="print the full result as JSON")
    topics.add_argument(
        "--top", type=_positive_int, metavar="N", help="show only the N most contested"
    )
    topics.add_argument(
        "--topic", metavar="ID", help="show one topic in full, every question included"
    )
    topics.set_defaults(command=cmd_topics)

    positions_ = commands.add_parser(
        "positions",
        help="for each question, who answers yes, who no, in their own words, and where they clash",
        description="For every question of every topic: each speaker's position (yes, no, or "
        "both ways) from the speaker's own claims, with quotes; speakers placed only by a "
        "relation, said so; views reported from groups, listed apart; and the cruxes, "
        "rebuttals between claims that answer differently. --json is documented in "
        "docs/analysis.md.",
    )
    _add_graph_args(positions_)
    positions_.add_argument("--json", action="store_true", help="print the full result as JSON")
    positions_.add_argument(
        "--question", metavar="ID", help="show one question (or topic id) in full, every quote"
    )
    positions_.set_defaults(command=cmd_positions)

    claims = commands.add_parser(
        "claims",
        help="rank claims by how contested they are: rebuttals received, by whom, answered",
        description="Rank every claim by contestedness (docs/analysis.md): the rebuttals it "
        "receives, who makes them, whether they are answered, and who supports it.",
    )
    _add_graph_args(claims)
    claims.add_argument("--json", action="store_true", help="print the full result as JSON")
    claims.add_argument(
        "--top",
        type=_positive_int,
        default=20,
        metavar="N",
        help="show the N most contested (default 20; --json gives all)",
    )
    claims.set_defaults(command=cmd_claims)

    alignment = commands.add_parser(
        "alignment",
        help="who agrees with whom: speaker pairs and camps",
        description="For every pair of speakers, the supports and rebuttals between their "
        "claims and the claims they share; then the camps of a structural-balance split, "
        "each named by the answers its members give, and the links the camps do not "
        "respect, with their evidence. Groups (reported views) are left out; a claim's "
        "co-holders never count as disagreeing. Use --topic to align on one subject "
        "(pooled over all topics, broad agreement can hide a sharp disagreement).",
    )
    _add_graph_args(alignment)
    alignment.add_argument("--json", action="store_true", help="print the result as JSON")
    alignment.add_argument("--topic", metavar="ID", help="only the claims of this topic")
    alignment.set_defaults(command=cmd_alignment)

    status = commands.add_parser(
        "status",
        help="is each claim challenged, and is the objection answered?",
        description="Each claim's status in plain words, with the reason: unchallenged "
        "(no rebuttal or undercut targets it), objection answered (every objection is "
        "itself rebutted) or objection unanswered (some objection has no reply). Only "
        "the relations the graph states count. With --formal: accepted, rejected or "
        "undecided under Dung's semantics, and each claim's DF-QuAD strength "
        "(docs/analysis.md); a formal 'rejected' is not a verdict on the claim.",
    )
    _add_graph_args(status)
    status.add_argument(
        "--formal",
        action="store_true",
        help="formal argumentation statuses instead (implied by --semantics and --bipolar)",
    )
    status.add_argument(
        "--semantics",
        choices=("grounded", "preferred-sceptical", "preferred-credulous"),
        help="formal semantics; default grounded (linear time); preferred ones are "
        "exponential, with a budget",
    )
    status.add_argument(
        "--bipolar",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="formal statuses: add the attacks supports imply (off by default; never onto "
        "a claim the attacker supports or that its holder also holds)",
    )
    status.add_argument(
        "--timeout", type=float, help="seconds the preferred search may take (default: none)"
    )
    status.add_argument("--json", action="store_true", help="print the result as JSON")
    status.set_defaults(command=cmd_status)

    render = commands.add_parser(
        "render",
        help="write interactive graph views (HTML) into a folder",
        description="Write offline, interactive HTML views: the whole graph, one per topic, "
        "speaker and document, and an index.html linking them. Open them from disk; they "
        "load nothing from the network.",
    )
    _add_graph_args(render)
    render.add_argument("-o", "--output", type=Path, required=True, help="folder to write into")
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

    export = commands.add_parser(
        "export",
        help="write the graph in another format (JSON, YAML, GraphML, AIF, Argdown, node-link)",
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
    export.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    export.set_defaults(command=cmd_export)

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
    extract = commands.add_parser(
        "extract",
        help="draft a graph from text files: claims, speakers, topics, relations",
        description="Draft an argument graph from UTF-8 text files (transcripts, articles, "
        "essays) for review: claim candidates quoted exactly, who holds them, topics, and "
        "candidate supports/rebuts relations, each with a 'Draft:' note and a confidence. "
        "See docs/extraction.md.",
    )
    extract.add_argument("paths", nargs="+", type=Path, help="text files to read")
    extract.add_argument(
        "-o", "--output", type=Path, help="draft to write, .yaml or .json (default: YAML on stdout)"
    )
    extract.add_argument(
        "--embedder",
        choices=("auto", "lexical", "sentence"),
        default="auto",
        help="claim similarity: the sentence model if installed (auto), or TF-IDF (lexical)",
    )
    extract.add_argument(
        "--llm-url", help="optional OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1"
    )
    extract.add_argument("--llm-model", default="local", help="model name for --llm-url")
    extract.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on standard error (auto: when it is a terminal)",
    )
    extract.set_defaults(command=cmd_extract)

    evaluate = commands.add_parser(
        "evaluate",
        help="measure a draft graph against a human graph: claims, speakers, relations",
        description="Precision, recall and F1 of a draft's claims and relations against a "
        "gold graph of the same documents, and speaker accuracy (docs/extraction.md).",
    )
    evaluate.add_argument("draft", type=Path, help="the draft graph (YAML or JSON)")
    evaluate.add_argument("gold", nargs="+", type=Path, help="the gold graph file(s)")
    extract.add_argument(
        "--relations",
        choices=("learned", "cues"),
        default="learned",
        help="how relations are drafted: the model trained on annotated corpora (learned), "
        "or the discourse-cue rules (cues)",
    )
    evaluate.set_defaults(command=cmd_evaluate)
    _add_change_commands(commands)
    _add_review_commands(commands, extract)
    return parser


def _add_graph_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "graph", nargs="+", type=Path, help="graph file(s), YAML or JSON; several are merged"
    )
    parser.add_argument(
        "--as-of",
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


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _load(args: argparse.Namespace) -> ArgumentGraph:
    graph = read_graph(args.graph)
    if getattr(args, "as_of", None) is not None:
        from arggraph.analysis.time import as_of

        graph = as_of(graph, args.as_of)
    return graph


def cmd_validate(args: argparse.Namespace) -> int:
    """``arggraph validate``: every problem, or a one-line confirmation."""
    graph = _load(args)
    if not args.quiet:
        quotes = sum(1 for _ in graph.iter_attributions()) + sum(
            1 for r in graph.relations if r.attribution
        )
        names = ", ".join(str(p) for p in args.graph)
        print(
            f"valid: {names}: {len(graph.documents)} documents, {len(graph.speakers)} speakers, "
            f"{len(graph.topics)} topics, {len(graph.claims)} claims, "
            f"{len(graph.relations)} relations; all {quotes} quotes found in their documents"
        )
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
        f"{summary.documents} documents, {summary.speakers} speakers, {summary.topics} topics, "
        f"{summary.claims} claims ({summary.attributions} attributions), "
        f"{summary.supports} supports, {summary.rebuts} rebuts",
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


def _clip(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_json(model: BaseModel) -> None:
    print(json.dumps(model.model_dump(mode="json"), indent=2, ensure_ascii=False))


def cmd_topics(args: argparse.Namespace) -> int:
    """``arggraph topics``: topics ranked by how contested their questions are."""
    report = contested_topics(_load(args))
    topics = report.topics
    if args.topic is not None:
        topics = [t for t in report.topics if t.topic == args.topic]
        if not topics:
            known = ", ".join(t.topic for t in report.topics) or "none"
            print(f"error: no topic {args.topic!r} in the graph (topics: {known})", file=sys.stderr)
            return EXIT_USAGE
    elif args.top is not None:
        topics = topics[: args.top]
    shown = {q.id for t in topics for q in t.questions}
    report = ContestedReport(
        topics=topics, questions=[q for q in report.questions if q.id in shown]
    )
    if args.json:
        _print_json(report)
        return EXIT_OK
    for line in topics_lines(report, full=args.topic is not None):
        print(line)
    return EXIT_OK


def cmd_positions(args: argparse.Namespace) -> int:
    """``arggraph positions``: who answers each question yes or no, in their own words."""
    report = positions(_load(args))
    if args.question is not None:
        chosen = [q for q in report.questions if args.question in (q.id, q.topic)]
        if not chosen:
            known = ", ".join(q.id for q in report.questions) or "none"
            print(
                f"error: no question {args.question!r} in the graph (questions: {known})",
                file=sys.stderr,
            )
            return EXIT_USAGE
        report = PositionsReport(questions=chosen)
    if args.json:
        _print_json(report)
        return EXIT_OK
    for line in positions_lines(report, full=args.question is not None):
        print(line)
    return EXIT_OK


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def cmd_claims(args: argparse.Namespace) -> int:
    """``arggraph claims``: claims ranked by contestedness, with who rebuts them."""
    from arggraph.analysis.contested import contested_claims

    report = contested_claims(_load(args))
    if args.json:
        _print_json(report)
        return EXIT_OK
    for item in report.claims[: args.top]:
        statement = _clip(item.claim.statement, 90)
        print(f"{item.rank}. [{item.claim.id}] {statement}  score {item.score:g}")
        for rebuttal in item.rebuttals:
            names = ", ".join(s.name for s in rebuttal.by) or "nobody named"
            answered = "answered" if rebuttal.answered else "unanswered"
            print(f"   rebutted by {names} ({rebuttal.source}; {answered})")
        if item.supports:
            backers = sorted({s.name for sup in item.supports for s in sup.by})
            print(f"   supported by {', '.join(backers) or 'nobody named'}")
    return EXIT_OK


def cmd_alignment(args: argparse.Namespace) -> int:
    """``arggraph alignment``: speaker pairs from most allied to most opposed, and camps."""
    graph = _load(args)
    if args.topic is not None and args.topic not in {t.id for t in graph.topics}:
        known = ", ".join(t.id for t in graph.topics) or "none"
        print(f"error: no topic {args.topic!r} in the graph (topics: {known})", file=sys.stderr)
        return EXIT_USAGE
    alignment = speaker_alignment(graph, topic=args.topic)
    camps = speaker_camps(graph, topic=args.topic)
    if args.json:
        print(
            json.dumps(
                {
                    "alignment": alignment.model_dump(mode="json"),
                    "camps": camps.model_dump(mode="json"),
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    names = {s.id: s.name for s in alignment.speakers}
    print("Camps")
    for camp in camps.camps:
        members = ", ".join(s.name for s in camp.speakers)
        against = f"  (opposes {', '.join(camp.opposes)})" if camp.opposes else ""
        print(f"  {camp.id} ({camp.name}): {members}{against}")
    if camps.unaligned:
        print(f"  aligned with nobody: {', '.join(s.name for s in camps.unaligned)}")
    if camps.frustrated:
        print(
            f"\n{_count(len(camps.frustrated), 'link')} of {len(camps.links)} cut across the "
            f"camps (weight {camps.frustration:g}"
            f"{'' if camps.exact else ', split by local search'}):"
        )
        for link in camps.frustrated:
            kind = "allies" if link.sign > 0 else "opponents"
            print(
                f"  {names[link.first]} / {names[link.second]} ({kind}, weight {link.weight:g}): "
                + ", ".join(link.evidence)
            )
    print("\nPairs (score from -1 opposed to +1 allied)")
    for pair in sorted(alignment.pairs, key=lambda p: (-p.score, p.first, p.second)):
        print(
            f"  {pair.score:+.2f}  {names[pair.first]} / {names[pair.second]}: "
            f"{len(pair.supports)} supports, {len(pair.rebuts)} rebuttals, "
            f"{len(pair.shared_claims)} shared claims, "
            f"{len(pair.same_side_of)} claims argued on the same side, "
            f"{len(pair.opposite_sides_of)} on opposite sides"
        )
    return EXIT_OK


def _formats_epilog(names: list[str]) -> str:
    return "formats:\n" + "\n".join(f"  {name:<11} {FORMATS[name].summary}" for name in names)


def cmd_status(args: argparse.Namespace) -> int:
    """``arggraph status``: each claim's status in words with the reason, or formal ones."""
    from arggraph.analysis.objections import reader_statuses
    from arggraph.analysis.statuses import claim_statuses

    if not (args.formal or args.semantics or args.bipolar):
        readers = reader_statuses(_load(args))
        if args.json:
            _print_json(readers)
            return EXIT_OK
        print(
            f"{len(readers.claims)} claims: {readers.objection_unanswered} objection "
            f"unanswered, {readers.objection_answered} objection answered, "
            f"{readers.unchallenged} unchallenged (stated rebuttals and undercuts only)"
        )
        for reader in readers.claims:
            print(f"{reader.status:<20}  [{reader.claim}] {_clip(reader.statement, 80)}")
            if reader.objections:
                print(f"    {reader.reason}")
        return EXIT_OK
    report = claim_statuses(
        _load(args),
        semantics=args.semantics or "grounded",
        bipolar=args.bipolar,
        timeout=args.timeout,
    )
    if args.json:
        _print_json(report)
        return EXIT_OK
    derived = (
        f"{report.derived_attacks} derived from supports, {report.derived_attacks_dropped} left out"
        if report.bipolar
        else "none derived from supports"
    )
    print(
        f"{report.semantics} semantics over {report.arguments} claims and {report.attacks} "
        f"attacks ({derived}): {report.accepted} accepted, {report.rejected} rejected, "
        f"{report.undecided} undecided"
    )
    for claim in report.claims:
        attackers = f"  (attacked by {', '.join(claim.attackers)})" if claim.attackers else ""
        print(
            f"{claim.status:<9}  {claim.strength:.2f}  [{claim.claim}] "
            f"{_clip(claim.statement, 80)}{attackers}"
        )
    return EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:
    """``arggraph render``: the interactive views, written into a folder."""
    from arggraph.render import render_views

    paths = render_views(_load(args), args.output)
    print(f"wrote {len(paths)} pages to {args.output} (open {args.output / 'index.html'})")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """``arggraph report``: the review report, one HTML file."""
    from arggraph.render import render_report

    path = render_report(_load(args), args.output)
    print(f"wrote {path}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """``arggraph export``: the graph in another format, to a file or standard output."""
    graph = _load(args)
    base = args.output.resolve().parent if args.output else Path.cwd()
    text = dump_graph(graph, args.format, base_dir=base)
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(text)
    else:
        write_text_atomic(args.output, text, inputs=graph.input_paths)
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
            f"wrote {args.output}: {len(graph.claims)} claims, {len(graph.relations)} relations, "
            f"{len(graph.topics)} topics from {len(graph.documents)} documents",
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


def cmd_extract(args: argparse.Namespace) -> int:
    """``arggraph extract``: a draft graph from text files."""
    if args.into is not None:
        return _extract_into(args)
    from arggraph.extract import (
        ChatClaimProposer,
        LexicalEmbedder,
        SentenceEmbedder,
        default_embedder,
        extract_graph,
    )

    try:
        embedder = {
            "auto": default_embedder,
            "lexical": LexicalEmbedder,
            "sentence": SentenceEmbedder,
        }[args.embedder]()
    except ImportError:
        print(
            "error: --embedder sentence needs the optional model: "
            "pip install torch==2.13.0 'arggraph[embeddings]'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    llm = ChatClaimProposer(args.llm_url, model=args.llm_model) if args.llm_url else None
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    graph = extract_graph(
        args.paths,
        progress=_progress_bar if show else None,
        embedder=embedder,
        llm=llm,
        mode=args.relations,
    )
    if show:
        print(file=sys.stderr)
    if args.output is None or str(args.output) == "-":
        sys.stdout.write(dump_yaml(graph, base_dir=Path.cwd()))
    else:
        write_graph(graph, args.output)
        print(
            f"wrote {args.output}: {len(graph.claims)} draft claims, "
            f"{len(graph.relations)} draft relations, {len(graph.topics)} topics, "
            f"{len(graph.speakers)} speakers ({embedder.name})",
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    """``arggraph evaluate``: a draft measured against a gold graph."""
    from arggraph.extract.evaluate import evaluate_draft, evaluation_table

    result = evaluate_draft(read_graph([args.draft]), read_graph(args.gold))
    table = evaluation_table([(str(args.gold[0]), str(args.draft), result)])
    sys.stdout.write(table if table.endswith("\n") else table + "\n")
    return EXIT_OK


def _add_change_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
        description="Order the documents by date (a partial date counts as its last day; "
        "undated documents last) and, for each question, replay the debate one document at "
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


def _similarity(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number: '{text}'") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"must be above 0 and at most 1, not {value}")
    return value


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


def _progress_bar(done: int, total: int, path: str) -> None:
    """Redraw a one-line progress bar on standard error."""
    width = 30
    filled = width * done // max(total, 1)
    name = _clip(Path(path).name, 32)
    bar = "#" * filled + "." * (width - filled)
    sys.stderr.write(f"\r[{bar}] {done}/{total} {name:<32}")
    sys.stderr.flush()


def _add_review_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    extract: argparse.ArgumentParser,
) -> None:
    """``extract --into``, ``review`` and ``apply``: add a document to a graph, reviewed."""
    into = extract.add_argument_group("adding a document to a graph (docs/extraction.md)")
    into.add_argument(
        "--into",
        type=Path,
        metavar="GRAPH",
        help="propose how ONE new document joins this graph (merges, supports, rebuts) and "
        "write the proposals as a review file (-o, JSON) instead of a draft graph",
    )
    into.add_argument(
        "--merge-threshold",
        type=_similarity,
        default=0.5,
        metavar="S",
        help="with --into: statement similarity (0-1) from which a merge is proposed (0.5)",
    )
    into.add_argument(
        "--min-confidence",
        type=_similarity,
        metavar="C",
        help="with --into: lowest relation confidence proposed (default: the model's own)",
    )
    review = commands.add_parser(
        "review",
        help="an offline HTML review queue for a review file (extract --into)",
        description="Write an offline HTML page listing every proposal of a review file with "
        "both quotes in context; accept, reject or edit each, then export the accepted "
        "changes as a YAML patch for 'arggraph apply'.",
    )
    review.add_argument("review", type=Path, help="the review file (JSON)")
    review.add_argument("-o", "--output", type=Path, required=True, help="the HTML page")
    review.set_defaults(command=cmd_review)
    apply_ = commands.add_parser(
        "apply",
        help="apply a reviewed patch (from the review queue) to a graph",
        description="Add a patch's document, speakers, claims, attributions and relations to "
        "a graph and write the result to a new file; the result is validated and every "
        "quote grounded. Never writes over an input.",
    )
    apply_.add_argument("patch", type=Path, help="the patch file (YAML)")
    apply_.add_argument("--to", type=Path, required=True, help="the graph file to patch")
    apply_.add_argument("-o", "--output", type=Path, required=True, help="the patched graph")
    apply_.set_defaults(command=cmd_apply)


def _extract_into(args: argparse.Namespace) -> int:
    """``arggraph extract NEWDOC --into GRAPH``: proposals to review, as a JSON file."""
    from arggraph.extract.into import propose_additions, write_review
    from arggraph.extract.pipeline import read_source

    if len(args.paths) != 1 or args.output is None:
        print("error: --into takes one new document and -o REVIEW.json", file=sys.stderr)
        return EXIT_USAGE
    graph = read_graph([args.into])
    review = propose_additions(
        graph,
        read_source(args.paths[0]),
        graph_name=str(args.into),
        merge_threshold=args.merge_threshold,
        min_confidence=args.min_confidence,
    )
    path = write_review(review, args.output, inputs=[*graph.input_paths, args.paths[0]])
    kinds = [p.kind for p in review.proposals]
    print(
        f"wrote {path}: {len(review.claims)} drafted claims, "
        f"{kinds.count('merge')} merges, {kinds.count('supports')} supports, "
        f"{kinds.count('rebuts')} rebuts, {kinds.count('new')} new to review "
        f"('arggraph review {path} -o queue.html')",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    """``arggraph review``: the review queue as an offline HTML page."""
    from arggraph.extract.into import read_review
    from arggraph.render.review import render_review_page

    path = render_review_page(read_review(args.review), args.output, inputs=[args.review])
    print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


def cmd_apply(args: argparse.Namespace) -> int:
    """``arggraph apply``: a reviewed patch added to a graph, written to a new file."""
    from arggraph.patch import apply_patch, read_patch

    graph = read_graph([args.to])
    patch = read_patch(args.patch)
    result = apply_patch(graph, patch, base_dir=args.patch.resolve().parent)
    path = write_graph(result, args.output)
    print(
        f"wrote {path}: {len(patch.claims)} claims, {len(patch.attributions)} attributions, "
        f"{len(patch.relations)} relations added",
        file=sys.stderr,
    )
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
