"""Benchmark the analysis pipeline on synthetic graphs: load, validate, analyse; peak memory.

For each size N (claims; about 3N relations, a third of them rebuttals; seeded), a
fresh child process writes a synthetic corpus (``arggraph.synthetic``) as arggraph
JSON, then times each stage and reads its peak resident memory (``ru_maxrss``, which
only grows, so each stage's figure is the peak so far):

- ``load``: parse the JSON and build the checked model, quotes not yet searched;
- ``ground quotes``: find every quote in its document (the rest of ``validate``);
- ``networkx graph``: build a bare ``networkx.DiGraph`` of the same arguments and
  attacks, the baseline the grounded semantics is compared with;
- ``framework``: map the graph to an argumentation framework (``analysis.statuses``);
- ``grounded``: the grounded labelling (linear-time labelling algorithm);
- ``DF-QuAD``, ``h-categorizer``: gradual strengths to convergence;
- ``contested topics``, ``speaker alignment``.

The ratio ``grounded / networkx graph`` is printed per size: grounded semantics must
take no longer than building the networkx graph of the same data (ratio <= 1).

With ``--compare``, the same run also computes the grounded extension with the
reference Python implementations users would otherwise pick, ``python-argumentation``
(``py_arg``) and ``pygarg`` (install them with ``pip install -e '.[bench]'``), on the
sizes they finish within ``--compare-timeout``, and checks they agree with ours.

Reproduce::

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/bench_analysis.py --sizes 1000 10000 100000 1000000 --compare

Results go to standard output and to ``benchmarks/results/analysis.md``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "analysis.md"
STAGES = (
    "load",
    "ground quotes",
    "networkx graph",
    "framework",
    "grounded",
    "DF-QuAD",
    "h-categorizer",
    "contested topics",
    "speaker alignment",
)


# ----------------------------------------------------------------- child: one size


def _peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _emit(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


def _timed(stage: str, n: int, action: Callable[[], Any]) -> Any:
    gc.collect()
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    _emit({"n": n, "stage": stage, "seconds": seconds, "peak_mb": _peak_mb()})
    return result


def run_child(n: int, stages: set[str], workdir: Path) -> None:
    """Time every requested stage for one size; print one JSON line per stage."""
    import networkx as nx

    from arggraph.analysis import gradual, semantics, statuses
    from arggraph.analysis.alignment import speaker_alignment
    from arggraph.analysis.contestedness import contested_topics
    from arggraph.io.yaml_json import read_graph
    from arggraph.synthetic import write_synthetic_corpus
    from arggraph.validation import ground_quotes

    path = write_synthetic_corpus(workdir, n, fmt="json", seed=1)
    graph = _timed("load", n, lambda: read_graph(path, check_quotes=False))
    if "ground quotes" in stages:
        problems = _timed("ground quotes", n, lambda: ground_quotes(graph))
        assert not problems, problems[:3]
    af = _timed("framework", n, lambda: statuses.to_argumentation_framework(graph))
    attacks = sorted(af.attacks)
    arguments = list(af.arguments)

    def networkx_graph() -> nx.DiGraph[str]:
        g: nx.DiGraph[str] = nx.DiGraph()
        g.add_nodes_from(arguments)
        g.add_edges_from(attacks)
        return g

    if "networkx graph" in stages:
        _timed("networkx graph", n, networkx_graph)
    if "grounded" in stages:
        labelling = _timed("grounded", n, lambda: semantics.grounded_labelling(af))
        accepted = sorted(labelling.in_)
        _emit({"n": n, "stage": "grounded result", "accepted": len(accepted)})
        (workdir / "grounded.json").write_text(json.dumps(accepted), encoding="utf-8")
        (workdir / "framework.json").write_text(
            json.dumps({"arguments": arguments, "attacks": attacks}), encoding="utf-8"
        )
    if "DF-QuAD" in stages:
        _timed("DF-QuAD", n, lambda: gradual.df_quad(af))
    if "h-categorizer" in stages:
        _timed("h-categorizer", n, lambda: gradual.h_categorizer(af))
    if "contested topics" in stages:
        _timed("contested topics", n, lambda: contested_topics(graph))
    if "speaker alignment" in stages:
        _timed("speaker alignment", n, lambda: speaker_alignment(graph))


# ------------------------------------------------- child: reference implementations


def run_reference(tool: str, workdir: Path) -> None:
    """Grounded extension of the saved framework with a reference library; one JSON line."""
    data = json.loads((workdir / "framework.json").read_text(encoding="utf-8"))
    ours = set(json.loads((workdir / "grounded.json").read_text(encoding="utf-8")))
    start = time.perf_counter()
    if tool == "py_arg":
        from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
            AbstractArgumentationFramework,
        )
        from py_arg.abstract_argumentation_classes.argument import Argument
        from py_arg.abstract_argumentation_classes.defeat import Defeat
        from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension

        by_name = {a: Argument(a) for a in data["arguments"]}
        defeats = [Defeat(by_name[a], by_name[b]) for a, b in data["attacks"]]
        framework = AbstractArgumentationFramework("bench", list(by_name.values()), defeats)
        theirs = {argument.name for argument in get_grounded_extension(framework)}
    else:
        from pygarg.dung.solver import compute_grounded_extension

        attacks = [list(pair) for pair in data["attacks"]]
        theirs = set(compute_grounded_extension(data["arguments"], attacks))
    seconds = time.perf_counter() - start
    _emit({"tool": tool, "seconds": seconds, "peak_mb": _peak_mb(), "agrees": theirs == ours})


# ------------------------------------------------------------------ parent: report


def _child(
    args: list[str], timeout: float, script: Path = Path(__file__)
) -> tuple[list[dict[str, Any]], str | None]:
    """Run ``script`` (by default this one) as a child; return its JSON lines and why it
    stopped early, if it did. The other benchmarks run their own children through it."""
    command = [sys.executable, str(script.resolve()), *args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        output, failure = done.stdout, None
        if done.returncode != 0:
            failure = f"failed (exit {done.returncode}): {done.stderr.strip()[-300:]}"
    except subprocess.TimeoutExpired as stopped:
        raw = stopped.stdout or b""
        output = raw.decode() if isinstance(raw, bytes) else raw
        failure = f"not finished within {timeout:g} s"
    records = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    return records, failure


def machine_description() -> str:
    """CPUs, RAM, Python and OS of this machine, and today's date (for result pages)."""
    memory = "?"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split("\n")[0].split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    return (
        f"{os.cpu_count()} CPUs, {memory} RAM, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}, measured {date.today().isoformat()}"
    )


def _seconds(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for every size; print and save a Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000, 1_000_000])
    parser.add_argument("--stages", nargs="+", default=list(STAGES), choices=STAGES)
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per size")
    parser.add_argument("--compare", action="store_true", help="also run py_arg and pygarg")
    parser.add_argument("--compare-timeout", type=float, default=300)
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--reference", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        run_child(args.child, set(args.stages), args.workdir)
        return 0
    if args.reference is not None:
        run_reference(args.reference, args.workdir)
        return 0

    lines = [
        "# Analysis benchmark",
        "",
        f"Machine: {machine_description()}.",
        "",
        "Command: `.venv/bin/python benchmarks/bench_analysis.py "
        + shlex.join(sys.argv[1:] if argv is None else argv)
        + "`",
        "",
        "Seconds per stage (peak resident memory of the process so far, MB).",
        "",
    ]
    header = "| N claims | " + " | ".join(args.stages) + " | grounded / networkx |"
    table = [header, "|" + "---|" * (len(args.stages) + 2)]
    notes: list[str] = []
    comparisons: list[str] = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"arggraph-bench-{n}-") as tmp:
            records, failure = _child(
                ["--child", str(n), "--workdir", tmp, "--stages", *args.stages], args.timeout
            )
            by_stage = {r["stage"]: r for r in records}
            cells = []
            for stage in args.stages:
                r = by_stage.get(stage)
                cells.append(f"{_seconds(r['seconds'])} ({r['peak_mb']:.0f})" if r else "-")
            ratio = "-"
            if "grounded" in by_stage and "networkx graph" in by_stage:
                value = by_stage["grounded"]["seconds"] / by_stage["networkx graph"]["seconds"]
                ratio = f"{value:.2f}"
            table.append(f"| {n:,} | " + " | ".join(cells) + f" | {ratio} |")
            if failure:
                notes.append(f"- N = {n:,}: {failure}.")
            print(table[-1], flush=True)
            if args.compare and "grounded" in by_stage:
                ours = by_stage["grounded"]["seconds"]
                for tool in ("py_arg", "pygarg"):
                    result, stopped = _child(
                        ["--reference", tool, "--workdir", tmp], args.compare_timeout
                    )
                    if result:
                        r = result[0]
                        row = (
                            f"| {n:,} | {tool} | {_seconds(r['seconds'])} | "
                            f"{r['seconds'] / ours:.0f}x | {r['agrees']} |"
                        )
                    else:
                        row = f"| {n:,} | {tool} | {stopped} | - | - |"
                    comparisons.append(row)
                    print(row, flush=True)
    lines += table
    if notes:
        lines += ["", *notes]
    if comparisons:
        lines += [
            "",
            "## Grounded extension: reference implementations on the same frameworks",
            "",
            "| N claims | library | seconds | time / ours | same extension as ours |",
            "|---|---|---|---|---|",
            *comparisons,
        ]
    report = "\n".join(lines) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report, encoding="utf-8")
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
