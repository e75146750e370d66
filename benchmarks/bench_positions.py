"""Benchmark ``arggraph.positions`` and ``arggraph.contested_topics`` against networkx.

For each size N (claims; about 3N relations, 35 % rebuttals; seeded) a synthetic
corpus is written once (``arggraph.synthetic.write_synthetic_corpus``) with stances:
``--stance-share`` of the claims answer yes or no to a question of their topic, and
``--sub-question-share`` of the topics have two sub-questions besides their own
question, so that every question has speakers to place, cruxes and contradicting
links. Then, ``--runs`` times, a fresh child process loads the graph and times:

- ``load``: parse the JSON and build the checked model (quotes not searched);
- ``networkx``: ``arggraph.to_networkx(graph)``, the baseline: every claim and
  relation with its attributes as a ``networkx.MultiDiGraph``;
- ``positions``: ``arggraph.positions(graph)``;
- ``contested``: ``arggraph.contested_topics(graph, robustness=False)``;
- ``contested+robust``: ``arggraph.contested_topics(graph)`` (``robustness=True``,
  the default: one more positions run per document left out).

Time is wall-clock around the call alone. Memory is the peak resident set of the child
during the call (Linux ``VmHWM``, reset before each call through
``/proc/self/clear_refs``; where that is not possible, the peak of the process so far),
and how far that peak rose above the resident set just before the call. Each table cell
is the median over the runs. The ratios ``stage / networkx`` use the same run's
networkx time; if a stage grows linearly, its ratio stays the same from size to size.

Reproduce::

    .venv/bin/python benchmarks/bench_positions.py --sizes 10000 100000 --documents 10

Results go to standard output and to ``benchmarks/results/positions.md``.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_analysis import _child as run_script  # run as a script: benchmarks/ is on the path
from bench_analysis import machine_description

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "positions.md"
STAGES = ("load", "networkx", "positions", "contested", "contested+robust")
COMPARED = ("positions", "contested", "contested+robust")


# ----------------------------------------------------------------- child: one size


def _status_mb(field: str) -> float | None:
    """A field of /proc/self/status (``VmRSS``, ``VmHWM``) in MB, or None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Reset this process's peak resident set to its current one (Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
        return True
    except OSError:
        return False


def _peak_mb() -> float:
    hwm = _status_mb("VmHWM")
    if hwm is not None:
        return hwm
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _emit(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


def _timed(stage: str, action: Callable[[], Any]) -> Any:
    gc.collect()
    reset = _reset_peak()
    before = _status_mb("VmRSS") or 0.0
    start, cpu_start = time.perf_counter(), time.process_time()
    result = action()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak = _peak_mb()
    _emit(
        {
            "stage": stage,
            "seconds": seconds,
            "cpu": cpu,
            "peak_mb": peak,
            "rise_mb": peak - before,
            "peak_reset": reset,
        }
    )
    return result


def write_corpus(n: int, workdir: Path, options: dict[str, Any]) -> Path:
    """The synthetic corpus of this size in ``workdir``, written if it is not there yet."""
    from arggraph.synthetic import write_synthetic_corpus

    path = workdir / "graph.json"
    if not path.exists():
        write_synthetic_corpus(workdir, n, fmt="json", **options)
    return path


def run_child(path: Path, stages: set[str]) -> None:
    """Time every requested stage on the corpus at ``path``; print one JSON line per stage."""
    import arggraph
    from arggraph.io.yaml_json import read_graph

    graph = _timed("load", lambda: read_graph(path, check_quotes=False))
    if "networkx" in stages:
        g = _timed("networkx", lambda: arggraph.to_networkx(graph))
        del g
    if "positions" in stages:
        report = _timed("positions", lambda: arggraph.positions(graph))
        _emit(
            {
                "stage": "shape",
                "documents": len(graph.documents),
                "speakers": len(graph.speakers),
                "claims": len(graph.claims),
                "relations": len(graph.relations),
                "stances": sum(1 for c in graph.claims if c.stances),
                "questions": len(report.questions),
                "positions": sum(len(q.positions) for q in report.questions),
                "by relations": sum(
                    1 for q in report.questions for p in q.positions if p.basis == "relations"
                ),
                "cruxes": sum(len(q.cruxes) for q in report.questions),
                "contradicting": sum(len(q.contradicting) for q in report.questions),
            }
        )
        del report
    if "contested" in stages:
        contest = _timed("contested", lambda: arggraph.contested_topics(graph, robustness=False))
        contested = sum(q.contested for q in contest.questions)
        _emit({"stage": "contested shape", "contested": contested})
        del contest
    if "contested+robust" in stages:
        _timed("contested+robust", lambda: arggraph.contested_topics(graph, robustness=True))


# ------------------------------------------------------------------ parent: report


def measured_source() -> str:
    """Which arggraph the children import: its folder, and its git commit when it has one."""
    found = subprocess.run(
        [sys.executable, "-c", "import arggraph; print(arggraph.__file__)"],
        capture_output=True,
        text=True,
        check=True,
    )
    package = Path(found.stdout.strip()).parent
    head = subprocess.run(
        ["git", "-C", str(package), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    if head.returncode != 0:
        return f"`{package}` (not a git checkout)"
    dirty = subprocess.run(
        ["git", "-C", str(package), "status", "--porcelain", "--", "."],
        capture_output=True,
        text=True,
    ).stdout.strip()
    changes = ", with uncommitted changes" if dirty else ""
    return f"`{package}` at commit {head.stdout.strip()}{changes}"


def _seconds(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _exponent(values: dict[int, dict[str, list[float]]], stage: str, small: int, large: int) -> str:
    """k in time ~ N^k between two sizes, from the median times of a stage."""
    a, b = _median(values[small].get(stage, [])), _median(values[large].get(stage, []))
    if a is None or b is None or a <= 0 or b <= 0:
        return "-"
    return f"{math.log(b / a) / math.log(large / small):.2f}"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for every size; print and save a Markdown report."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--stages", nargs="+", default=list(STAGES), choices=STAGES)
    parser.add_argument("--runs", type=int, default=3, help="child processes per size")
    parser.add_argument(
        "--documents",
        type=int,
        help="documents per graph (default: the generator's, one per 1,000 claims); "
        "robustness=True runs positions once more per document",
    )
    parser.add_argument("--stance-share", type=float, default=0.5)
    parser.add_argument("--sub-question-share", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per child")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        run_child(args.child, set(args.stages))
        return 0

    options: dict[str, Any] = {
        "seed": args.seed,
        "stance_share": args.stance_share,
        "sub_question_share": args.sub_question_share,
    }
    if args.documents is not None:
        options["n_documents"] = args.documents
    source = measured_source()
    load_at_start = " ".join(f"{x:.2f}" for x in os.getloadavg())
    command = "benchmarks/bench_positions.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    stages = [s for s in STAGES if s in args.stages]
    compared = [s for s in COMPARED if s in stages and "networkx" in stages]

    times: dict[int, dict[str, list[float]]] = {}
    cpus: dict[int, dict[str, list[float]]] = {}
    peaks: dict[int, dict[str, list[float]]] = {}
    rises: dict[int, dict[str, list[float]]] = {}
    ratios: dict[int, dict[str, list[float]]] = {}
    cpu_ratios: dict[int, dict[str, list[float]]] = {}
    shapes: dict[int, dict[str, Any]] = {}
    notes: list[str] = []
    peak_reset = True
    for n in args.sizes:
        times[n], cpus[n], peaks[n], rises[n] = {}, {}, {}, {}
        ratios[n] = {s: [] for s in compared}
        cpu_ratios[n] = {s: [] for s in compared}
        shapes[n] = {}
        with tempfile.TemporaryDirectory(prefix=f"arggraph-bench-positions-{n}-") as tmp:
            path = write_corpus(n, Path(tmp), options)
            for run in range(1, args.runs + 1):
                records, failure = run_script(
                    ["--child", str(path), "--stages", *stages], args.timeout, Path(__file__)
                )
                by_stage = {r["stage"]: r for r in records}
                for stage in stages:
                    if stage in by_stage:
                        r = by_stage[stage]
                        times[n].setdefault(stage, []).append(r["seconds"])
                        cpus[n].setdefault(stage, []).append(r["cpu"])
                        peaks[n].setdefault(stage, []).append(r["peak_mb"])
                        rises[n].setdefault(stage, []).append(r["rise_mb"])
                        peak_reset = peak_reset and r["peak_reset"]
                for stage in compared:
                    if stage in by_stage:
                        base = by_stage["networkx"]
                        ratios[n][stage].append(by_stage[stage]["seconds"] / base["seconds"])
                        cpu_ratios[n][stage].append(by_stage[stage]["cpu"] / base["cpu"])
                shapes[n].update(by_stage.get("shape", {}))
                shapes[n].update(by_stage.get("contested shape", {}))
                if failure:
                    notes.append(f"- N = {n:,}, run {run}: {failure}.")
                print(
                    f"N={n:,} run {run}: "
                    + ", ".join(
                        f"{s} {by_stage[s]['seconds']:.3f} s" for s in stages if s in by_stage
                    )
                    + (f" ({failure})" if failure else ""),
                    flush=True,
                )

    load_at_end = " ".join(f"{x:.2f}" for x in os.getloadavg())

    def cell(values: dict[str, list[float]], stage: str, fmt: Callable[[float], str]) -> str:
        value = _median(values.get(stage, []))
        return "-" if value is None else fmt(value)

    lines = [
        "# Positions and contested topics benchmark",
        "",
        f"Machine: {machine_description()}; load average (1, 5, 15 min) "
        f"{load_at_start} at the start, {load_at_end} at the end.",
        "",
        f"Command: `.venv/bin/python {command}`",
        "",
        f"arggraph measured: {source}.",
        "",
        f"Medians of {args.runs} run{'s' if args.runs != 1 else ''}, each a fresh process "
        "per size. Seconds per stage, wall clock (in parentheses: CPU time of the process, "
        "which other work on the machine inflates less):",
        "",
        "| N claims | " + " | ".join(stages) + " |",
        "|" + "---|" * (len(stages) + 1),
    ]
    for n in args.sizes:
        cells = [
            cell(times[n], s, _seconds) + cell(cpus[n], s, lambda v: f" ({_seconds(v)})")
            for s in stages
        ]
        lines.append(f"| {n:,} | " + " | ".join(cells) + " |")
    if compared:
        lines += [
            "",
            "Time relative to building the networkx graph of the same data in the same run "
            "(median of the per-run ratios; wall clock, and in parentheses CPU time):",
            "",
            "| N claims | " + " | ".join(f"{s} / networkx" for s in compared) + " |",
            "|" + "---|" * (len(compared) + 1),
        ]
        for n in args.sizes:
            lines.append(
                f"| {n:,} | "
                + " | ".join(
                    cell(ratios[n], s, lambda v: f"{v:.2f}")
                    + cell(cpu_ratios[n], s, lambda v: f" ({v:.2f})")
                    for s in compared
                )
                + " |"
            )
    if len(args.sizes) > 1:
        lines += [
            "",
            "Growth between consecutive sizes: the exponent k in time ~ N^k "
            "(1 = linear, 2 = quadratic), from the median wall times (in parentheses: "
            "from the median CPU times):",
            "",
            "| sizes | " + " | ".join(stages) + " |",
            "|" + "---|" * (len(stages) + 1),
        ]
        for small, large in zip(args.sizes, args.sizes[1:], strict=False):
            cells = [
                f"{_exponent(times, s, small, large)} ({_exponent(cpus, s, small, large)})"
                for s in stages
            ]
            lines.append(f"| {small:,} -> {large:,} | " + " | ".join(cells) + " |")
    memory_note = (
        "peak reset before each stage"
        if peak_reset
        else "peak of the process so far: /proc/self/clear_refs was not writable"
    )
    lines += [
        "",
        f"Peak resident memory during each stage, MB ({memory_note}), and in parentheses "
        "how far it rose above the resident set just before the stage:",
        "",
        "| N claims | " + " | ".join(stages) + " |",
        "|" + "---|" * (len(stages) + 1),
    ]
    for n in args.sizes:
        cells = [
            cell(peaks[n], s, lambda v: f"{v:.0f}")
            + cell(rises[n], s, lambda v: f" (+{max(v, 0):.0f})")
            for s in stages
        ]
        lines.append(f"| {n:,} | " + " | ".join(cells) + " |")
    shape_keys = [
        "documents",
        "speakers",
        "claims",
        "relations",
        "stances",
        "questions",
        "positions",
        "by relations",
        "cruxes",
        "contradicting",
        "contested",
    ]
    if any(shapes.values()):
        lines += [
            "",
            "The graphs (seed "
            f"{args.seed}, stance share {args.stance_share}, sub-question share "
            f"{args.sub_question_share}) and what the analyses found in them:",
            "",
            "| N claims | " + " | ".join(shape_keys) + " |",
            "|" + "---|" * (len(shape_keys) + 1),
        ]
        for n in args.sizes:
            values = [shapes[n].get(k) for k in shape_keys]
            lines.append(
                f"| {n:,} | " + " | ".join("-" if v is None else f"{v:,}" for v in values) + " |"
            )
    if notes:
        lines += ["", *notes]
    report = "\n".join(lines) + "\n"
    print("\n" + report)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
