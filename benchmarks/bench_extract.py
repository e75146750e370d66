"""The extraction assistant measured against human graphs, beside two baselines.

Runs three methods of :func:`arggraph.extract.extract_texts` in one run:

``ours``               claim cues, speakers, merging, topics, cue-based relations
``every-sentence``     every sentence a claim, each linked to its nearest neighbour
``nearest-neighbour``  our claims (merged as ours), each linked to its nearest neighbour

on two gold standards:

- the curated DeepSeek graph (``graphs/deepseek.yaml``), extracted from the four seed
  texts together (and per document: ``chilson`` served as the development document);
- the argumentative microtexts (``arggraph.import_graph("microtexts", folder)``), each
  ``.txt`` extracted on its own; ``micro_b001``-``micro_b030`` served for development,
  the rest is reported apart as held out.

It also times the extraction of the four seeds (whole pipeline, model loading
included, in a fresh process) and writes everything as Markdown to ``--output``.

Example
-------
``python benchmarks/bench_extract.py --embedder sentence lexical \\
--output benchmarks/results/extract.md``
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from pathlib import Path

import arggraph
from arggraph.extract import (
    Embedder,
    LexicalEmbedder,
    SentenceEmbedder,
    extract_texts,
    read_source,
)
from arggraph.extract.evaluate import Evaluation, evaluate_draft, evaluation_table
from arggraph.extract.pipeline import ExtractionMode

REPO = Path(__file__).resolve().parent.parent
METHODS: dict[str, ExtractionMode] = {
    "ours": "cues",
    "every-sentence": "every-sentence",
    "nearest-neighbour": "nearest-neighbour",
}
DEV_MICROTEXTS = 30


def _embedder(name: str) -> Embedder:
    if name == "lexical":
        return LexicalEmbedder()
    if name == "sentence":
        return SentenceEmbedder()
    try:
        return SentenceEmbedder()
    except ImportError:
        return LexicalEmbedder()


def deepseek_rows(embedder: Embedder) -> list[tuple[str, str, Evaluation]]:
    """Each method on the four seeds together, then per seed document."""
    gold = arggraph.load(REPO / "graphs" / "deepseek.yaml")
    paths = [gold.source_paths[d.id] for d in gold.documents]
    rows = []
    for label, mode in METHODS.items():
        draft = extract_texts([read_source(p) for p in paths], embedder=embedder, mode=mode)
        rows.append(("DeepSeek (4 seeds)", label, evaluate_draft(draft, gold)))
    for document in gold.documents:
        for label, mode in METHODS.items():
            draft = extract_texts(
                [read_source(gold.source_paths[document.id])], embedder=embedder, mode=mode
            )
            dev = " (dev)" if document.id == "chilson" else ""
            rows.append((f"DeepSeek: {document.id}{dev}", label, evaluate_draft(draft, gold)))
    return rows


def microtext_rows(folder: Path, embedder: Embedder) -> list[tuple[str, str, Evaluation]]:
    """Each method on every microtext on its own, summed: all, development, held out."""
    gold = arggraph.import_graph("microtexts", folder)
    texts = sorted(folder.glob("micro_*.txt"))
    rows = []
    for label, mode in METHODS.items():
        parts: dict[str, Evaluation] = {}
        for number, path in enumerate(texts):
            draft = extract_texts([read_source(path)], embedder=embedder, mode=mode)
            part = "dev" if number < DEV_MICROTEXTS else "held-out"
            result = evaluate_draft(draft, gold)
            parts[part] = parts[part] + result if part in parts else result
        rows.append((f"microtexts ({len(texts)})", label, parts["dev"] + parts["held-out"]))
        rows.append(
            (f"microtexts held-out ({len(texts) - DEV_MICROTEXTS})", label, parts["held-out"])
        )
    return rows


def seed_timing(embedder: str) -> tuple[float, int, int]:
    """Seconds to extract the four seeds in a fresh process, with claims and relations."""
    code = (
        "import time,glob,sys;t=time.perf_counter();"
        "from arggraph.extract import extract_graph, LexicalEmbedder, default_embedder;"
        f"e=LexicalEmbedder() if {embedder!r}=='lexical' else default_embedder();"
        "g=extract_graph(sorted(glob.glob('seeds/*.txt')), embedder=e);"
        "print(time.perf_counter()-t, len(g.claims), len(g.relations))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def report_section(embedder_name: str, timing: str, microtexts: Path) -> tuple[str, str]:
    """One embedder's comparison table and seed timing, as Markdown (and its title)."""
    embedder = _embedder(embedder_name)
    started = time.perf_counter()
    rows = deepseek_rows(embedder)
    if microtexts.is_dir():
        rows += microtext_rows(microtexts, embedder)
    elapsed = time.perf_counter() - started
    seconds, claims, relations = seed_timing(timing)
    title = f"Similarity: {embedder.name}"
    body = (
        f"{evaluation_table(rows)}\n"
        f"Extraction of the four seeds (fresh process, imports and model loading "
        f"included): **{seconds:.1f} s**, {claims} claims, {relations} relations. "
        f"This comparison: {elapsed:.0f} s.\n"
    )
    return title, body


MICROTEXTS = REPO.parent / "shared" / "data" / "microtexts"


def main() -> None:
    """Run the comparison for each embedder asked for and write the Markdown report."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--microtexts", type=Path, default=MICROTEXTS)
    parser.add_argument(
        "--embedder",
        nargs="+",
        choices=("auto", "lexical", "sentence"),
        default=["auto"],
        help="one section per embedder",
    )
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    command = "benchmarks/bench_extract.py --embedder " + " ".join(args.embedder)
    if args.output is not None:
        command += f" --output {args.output}"
    sections = []
    for name in args.embedder:
        title, body = report_section(
            name, "lexical" if name == "lexical" else "auto", args.microtexts
        )
        sections.append(f"## {title}\n\n{body}")
    report = (
        "# Extraction measured against human graphs\n\n"
        f"Machine: {platform.machine()}, Python {platform.python_version()}, "
        f"{_cpus()} CPUs. Reproduce: `.venv/bin/python {command}`\n\n"
        "Methods: `ours` (cues, speakers, merging, topics, cue-based relations); "
        "`every-sentence` (every sentence a claim, each linked to its nearest neighbour); "
        "`nearest-neighbour` (our claims, each linked to its nearest neighbour, no cues; "
        "its claim scores equal ours by construction). Development data: the `chilson` "
        "document and micro_b001-b030; everything else was only measured.\n\n" + "\n".join(sections)
    )
    print(report)
    if args.output is not None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(report, encoding="utf-8")


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
