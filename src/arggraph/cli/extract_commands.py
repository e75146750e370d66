"""Commands that draft graphs from texts and review them: extract, evaluate, review, apply."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from arggraph.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    _count,
    _progress_bar,
    _similarity,
)
from arggraph.io.yaml_json import dump_yaml, read_graph, write_graph

if TYPE_CHECKING:
    from arggraph.cli.common import Subcommands


def register(commands: Subcommands) -> None:
    """extract, evaluate, review and apply."""
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
        "--relations",
        choices=("learned", "cues"),
        default="learned",
        help="how relations are drafted: the model trained on annotated corpora (learned), "
        "or the discourse-cue rules (cues)",
    )
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
    evaluate.set_defaults(command=cmd_evaluate)
    _add_review_commands(commands, extract)


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
            f"wrote {args.output}: {_count(len(graph.claims), 'draft claim')}, "
            f"{_count(len(graph.relations), 'draft relation')}, "
            f"{_count(len(graph.topics), 'topic')}, "
            f"{_count(len(graph.speakers), 'speaker')} ({embedder.name})",
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
        f"wrote {path}: {_count(len(review.claims), 'drafted claim')}, "
        f"{_count(kinds.count('merge'), 'merge')}, {_count(kinds.count('supports'), 'support')}, "
        f"{_count(kinds.count('rebuts'), 'rebuttal')}, {kinds.count('new')} new to review "
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
        f"wrote {path}: {_count(len(patch.claims), 'claim')}, "
        f"{_count(len(patch.attributions), 'attribution')}, "
        f"{_count(len(patch.relations), 'relation')} added",
        file=sys.stderr,
    )
    return EXIT_OK
