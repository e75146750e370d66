"""Benchmark positions, contested topics and speaker alignment against a networkx build.

For each size N (claims; about 3N relations, 35 % rebuttals; a speaker per 20 claims,
a document per 1,000 unless ``--documents``; seeded) a synthetic corpus is written once
(``arggraph.synthetic.write_synthetic_corpus``) with stances: ``--stance-share`` of the
claims answer yes or no to a question of their topic, and ``--sub-question-share`` of
the topics have two sub-questions, so every question has speakers to place, cruxes and
contradicting links. Then, ``--runs`` times, a fresh child process (address space
capped by ``--memory-limit``) loads the graph and, ``--repeats`` times over, times
each stage right after the baseline (baseline, stage, baseline, stage, ...):

- ``networkx``: the baseline, a ``networkx.DiGraph`` of the same graph: every claim
  a node, every relation an edge (source, target);
- ``to_networkx``: ``arggraph.to_networkx(graph)``, a ``MultiDiGraph`` with every
  field as an attribute (the baseline of earlier versions of this page);
- ``positions``: ``arggraph.positions(graph)``;
- ``contested``: ``arggraph.contested_topics(graph, robustness=False)``;
- ``contested+robust``: ``arggraph.contested_topics(graph)`` (each document left out);
- ``alignment``: ``arggraph.speaker_alignment(graph)``;
- ``camps``: ``speaker_camps(graph, alignment=..., stands=...)`` given the alignment
  and positions, as ``arggraph.analysis.debate.analyse`` calls it.

Ratios are CPU time (``time.process_time``) of the stage over the CPU time of the
baseline timed just before it, median over repeats and runs: CPU time is what other
work on a shared machine inflates least. Wall time is reported too. Memory is the peak
resident set during the stage (Linux ``VmHWM``, reset before each stage through
``/proc/self/clear_refs``) and how far it rose above the resident set before it.

Reproduce::

    .venv/bin/python benchmarks/bench_positions.py --sizes 10000 100000

Results go to standard output, ``benchmarks/results/positions.md`` (``--output``) and
``benchmarks/results/positions.json`` (``--json``): one record per size and stage with
``size``, ``stage``, ``seconds``, ``cpu_seconds``, ``peak_mb``, ``ratio`` (CPU time
over the networkx baseline's; medians).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench_analysis import _child as run_script  # run as a script: benchmarks/ is on the path
from bench_analysis import machine_description

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "positions.md"
RECORDS = HERE / "results" / "positions.json"
BASELINE = "networkx"
STAGES = (
    "load",
    BASELINE,
    "to_networkx",
    "positions",
    "contested",
    "contested+robust",
    "alignment",
    "camps",
)
COMPARED = STAGES[2:]


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


def _timed(stage: str, action: Callable[[], Any], ahead_of: str | None = None) -> Any:
    """Run ``action`` and print its wall and CPU time and memory (``ahead_of``: the stage
    a baseline timing is for)."""
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
            "ahead_of": ahead_of,
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


def _bare_digraph(graph: Any) -> Any:
    """The baseline: claims as nodes, relations as (source, target) edges."""
    import networkx as nx

    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_nodes_from(c.id for c in graph.claims)
    g.add_edges_from((r.source, r.target) for r in graph.relations)
    return g


def run_child(path: Path, stages: set[str], repeats: int, memory_limit_gb: float) -> None:
    """Time every requested stage on the corpus at ``path``, each right after the
    baseline, ``repeats`` times over; print one JSON line per timing."""
    import resource

    limit = int(memory_limit_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import arggraph
    from arggraph.analysis.alignment import speaker_camps
    from arggraph.io.yaml_json import read_graph

    graph = _timed("load", lambda: read_graph(path, check_quotes=False))
    stands = arggraph.positions(graph)
    alignment = arggraph.speaker_alignment(graph)
    actions: dict[str, Callable[[], Any]] = {
        "to_networkx": lambda: arggraph.to_networkx(graph),
        "positions": lambda: arggraph.positions(graph),
        "contested": lambda: arggraph.contested_topics(graph, robustness=False),
        "contested+robust": lambda: arggraph.contested_topics(graph),
        "alignment": lambda: arggraph.speaker_alignment(graph),
        "camps": lambda: speaker_camps(graph, alignment=alignment, stands=stands),
    }
    _emit({"stage": "shape", **_shape(graph, stands, alignment)})
    for _ in range(repeats):
        for stage, action in actions.items():
            if stage in stages:
                _timed(BASELINE, lambda: _bare_digraph(graph), ahead_of=stage)
                _timed(stage, action)


def _shape(graph: Any, stands: Any, alignment: Any) -> dict[str, int]:
    """What the graph holds and what the analyses find in it."""
    questions = stands.questions
    return {
        "documents": len(graph.documents),
        "speakers": len(graph.speakers),
        "claims": len(graph.claims),
        "relations": len(graph.relations),
        "stances": sum(1 for c in graph.claims if c.stances),
        "questions": len(questions),
        "positions": sum(len(q.positions) for q in questions),
        "cruxes": sum(len(q.cruxes) for q in questions),
        "speaker pairs": len(alignment.pairs),
    }


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


def _exponent(
    small_values: dict[str, list[float]],
    large_values: dict[str, list[float]],
    stage: str,
    small: int,
    large: int,
) -> str:
    """k in time ~ N^k between two sizes, from the median times of a stage."""
    a, b = _median(small_values.get(stage, [])), _median(large_values.get(stage, []))
    if a is None or b is None or a <= 0 or b <= 0:
        return "-"
    return f"{math.log(b / a) / math.log(large / small):.2f}"


@dataclass
class Measured:
    """Every timing of one size: per stage, wall and CPU seconds, peaks, rises, ratios."""

    seconds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    cpu: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    peak: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    rise: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    ratio: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    wall_ratio: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    shape: dict[str, int] = field(default_factory=dict)
    peak_reset: bool = True

    def add(self, records: list[dict[str, Any]]) -> None:
        """Take one child's records; each stage's ratio is to the baseline just before it."""
        baseline: dict[str, Any] | None = None
        for r in records:
            if r["stage"] == "shape":
                self.shape = {k: v for k, v in r.items() if k != "stage"}
                continue
            stage = r["stage"]
            self.seconds[stage].append(r["seconds"])
            self.cpu[stage].append(r["cpu"])
            self.peak[stage].append(r["peak_mb"])
            self.rise[stage].append(r["rise_mb"])
            self.peak_reset = self.peak_reset and r["peak_reset"]
            if stage == BASELINE:
                baseline = r
            elif baseline is not None and baseline.get("ahead_of") == stage:
                self.ratio[stage].append(r["cpu"] / baseline["cpu"])
                self.wall_ratio[stage].append(r["seconds"] / baseline["seconds"])


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark for every size; print and save a Markdown report and JSON records."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--stages", nargs="+", default=list(COMPARED), choices=COMPARED)
    parser.add_argument("--runs", type=int, default=1, help="child processes per size")
    parser.add_argument("--repeats", type=int, default=3, help="timings per stage per child")
    parser.add_argument(
        "--documents",
        type=int,
        help="documents per graph (default: the generator's, one per 1,000 claims)",
    )
    parser.add_argument("--stance-share", type=float, default=0.5)
    parser.add_argument("--sub-question-share", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per child")
    parser.add_argument("--memory-limit", type=float, default=8.0, help="GB per child")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--json", type=Path, default=RECORDS)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        run_child(args.child, set(args.stages), args.repeats, args.memory_limit)
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
    stages = [s for s in COMPARED if s in args.stages]
    measured: dict[int, Measured] = {}
    notes: list[str] = []
    for n in args.sizes:
        measured[n] = Measured()
        with tempfile.TemporaryDirectory(prefix=f"arggraph-bench-positions-{n}-") as tmp:
            path = write_corpus(n, Path(tmp), options)
            for run in range(1, args.runs + 1):
                child_args = ["--child", str(path), "--stages", *stages]
                child_args += ["--repeats", str(args.repeats)]
                child_args += ["--memory-limit", str(args.memory_limit)]
                records, failure = run_script(child_args, args.timeout, Path(__file__))
                measured[n].add(records)
                if failure:
                    notes.append(f"- N = {n:,}, run {run}: {failure}.")
                cpu = measured[n].cpu
                print(
                    f"N={n:,} run {run}: "
                    + ", ".join(f"{s} {_median(cpu[s]) or 0:.3f} s CPU" for s in cpu)
                    + (f" ({failure})" if failure else ""),
                    flush=True,
                )
    load_at_end = " ".join(f"{x:.2f}" for x in os.getloadavg())
    header = (
        f"Machine: {machine_description()}; load average (1, 5, 15 min) "
        f"{load_at_start} at the start, {load_at_end} at the end.\n\n"
        f"Command: `.venv/bin/python {command}`\n\narggraph measured: {source}."
    )
    report = _markdown(header, args, stages, measured, notes)
    print("\n" + report)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report, encoding="utf-8")
    args.json.write_text(json.dumps(_records(measured), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output} and {args.json}")
    return 0


def _records(measured: dict[int, Measured]) -> list[dict[str, Any]]:
    """One record per size and stage: medians of seconds, CPU seconds, peak MB, ratio."""
    found = []
    for n, m in measured.items():
        for stage in m.cpu:
            ratio = _median(m.ratio.get(stage, []))
            found.append(
                {
                    "size": n,
                    "stage": stage,
                    "seconds": _median(m.seconds[stage]),
                    "cpu_seconds": _median(m.cpu[stage]),
                    "peak_mb": _median(m.peak[stage]),
                    "ratio": None if ratio is None else round(ratio, 3),
                }
            )
    return found


def _markdown(
    header: str,
    args: argparse.Namespace,
    stages: list[str],
    measured: dict[int, Measured],
    notes: list[str],
) -> str:
    sizes = list(measured)
    timed = ["load", BASELINE, *stages]

    def cell(values: dict[str, list[float]], stage: str, fmt: Callable[[float], str]) -> str:
        value = _median(values.get(stage, []))
        return "-" if value is None else fmt(value)

    def table(first: str, columns: list[str], rows: list[tuple[str, list[str]]]) -> list[str]:
        return [
            f"| {first} | " + " | ".join(columns) + " |",
            "|" + "---|" * (len(columns) + 1),
            *(f"| {label} | " + " | ".join(cells) + " |" for label, cells in rows),
        ]

    lines = [
        "# Positions, contested topics and alignment against a networkx build",
        "",
        header,
        "",
        f"Each size: {args.runs} child process(es), each stage timed {args.repeats} times "
        "right after the baseline (a networkx DiGraph: claims as nodes, relations as edges). "
        "CPU seconds per stage, medians (in parentheses: wall clock):",
        "",
    ]
    lines += table(
        "N claims",
        timed,
        [
            (
                f"{n:,}",
                [
                    cell(measured[n].cpu, s, _seconds)
                    + cell(measured[n].seconds, s, lambda v: f" ({_seconds(v)})")
                    for s in timed
                ],
            )
            for n in sizes
        ],
    )
    lines += [
        "",
        "CPU time relative to the networkx DiGraph built just before, median of the "
        "per-repeat ratios (in parentheses: the same from wall clock). The goal is 3 or less:",
        "",
    ]
    lines += table(
        "N claims",
        [f"{s} / networkx" for s in stages],
        [
            (
                f"{n:,}",
                [
                    cell(measured[n].ratio, s, lambda v: f"{v:.2f}")
                    + cell(measured[n].wall_ratio, s, lambda v: f" ({v:.2f})")
                    for s in stages
                ],
            )
            for n in sizes
        ],
    )
    if len(sizes) > 1:
        lines += [
            "",
            "Growth: the exponent k in time ~ N^k between consecutive sizes (1 = linear), "
            "from the median CPU times:",
            "",
        ]
        lines += table(
            "sizes",
            timed,
            [
                (
                    f"{a:,} -> {b:,}",
                    [_exponent(measured[a].cpu, measured[b].cpu, s, a, b) for s in timed],
                )
                for a, b in itertools.pairwise(sizes)
            ],
        )
    reset = all(m.peak_reset for m in measured.values())
    note = "peak reset before each stage" if reset else "peak of the process so far"
    lines += [
        "",
        f"Peak resident memory during each stage, MB ({note}), and in parentheses how far "
        "it rose above the resident set just before the stage:",
        "",
    ]
    lines += table(
        "N claims",
        timed,
        [
            (
                f"{n:,}",
                [
                    cell(measured[n].peak, s, lambda v: f"{v:.0f}")
                    + cell(measured[n].rise, s, lambda v: f" (+{max(v, 0):.0f})")
                    for s in timed
                ],
            )
            for n in sizes
        ],
    )
    keys = sorted({k for m in measured.values() for k in m.shape}, key=_SHAPE_ORDER.index)
    if keys:
        lines += [
            "",
            f"The graphs (seed {args.seed}, stance share {args.stance_share}, sub-question "
            f"share {args.sub_question_share}) and what the analyses found in them:",
            "",
        ]
        lines += table(
            "N claims",
            keys,
            [(f"{n:,}", [f"{measured[n].shape.get(k, 0):,}" for k in keys]) for n in sizes],
        )
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"


_SHAPE_ORDER = [
    "documents",
    "speakers",
    "claims",
    "relations",
    "stances",
    "questions",
    "positions",
    "cruxes",
    "speaker pairs",
]


if __name__ == "__main__":
    sys.exit(main())
