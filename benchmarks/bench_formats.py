"""Time and memory of arggraph's loaders on synthetic corpora of 10k to 1M claims.

For each size N the benchmark writes one seeded synthetic corpus (see
:mod:`arggraph.synthetic`) in three formats:

- arggraph JSON and YAML: one graph of N claims, about 3N relations, a document per
  1,000 claims (``write_synthetic_corpus``);
- AIF JSON: N / ``--chunk`` files of ``--chunk`` claims each, as AIFdb nodesets are
  small files; chunk ``i`` is the synthetic graph of seed ``seed * 1_000_003 + i``,
  exported with arggraph's own AIF writer (``aif_data``).

Then it runs each stage in a fresh child process and records the stage's wall time
and CPU time (measured in the child, after imports) and the child's peak resident
memory (``ru_maxrss``, which includes the interpreter and imported libraries):

``aif``       ``import_graph("aif", folder)``: every chunk into one checked graph
``arguebuf``  ``arguebuf.load.file`` on the same AIF files, all kept in memory
``json.load`` the standard library's ``json.load`` of the JSON graph file: the floor
``json``      ``arggraph.load`` (read, merge, validate, ground every quote) on the JSON
``yaml``      the same on the YAML
``analyse``   ``contested_topics`` on the graph loaded from JSON (load time not counted)

Each stage runs ``--repeat`` times (default 3), the stages of a size interleaved (all
stages once, then all again ...), and the medians are reported, with the ratio of
CPU times to the stage's baseline in the same run: ``json`` to ``json.load``,
``yaml`` to ``json``, ``aif`` to ``arguebuf``. Rows also go to ``--json-output``
(``results/formats.json``), one record per size and stage.

A stage that runs past ``--timeout`` is killed and reported as timed out, with the
peak memory it had reached; a child's address space is capped at ``--max-memory``
GB, so a stage too large for the machine ends in ``MemoryError``, reported as such.
Results are printed as Markdown and merged into ``--output`` (rows of earlier runs for
other sizes or stages are kept), so sizes can be run one invocation at a time.

Example
-------
``python benchmarks/bench_formats.py --sizes 10000 100000 --timeout 900``
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

STAGES = ("aif", "arguebuf", "json.load", "json", "yaml", "analyse")
BASELINE_OF_STAGE = {"json": "json.load", "yaml": "json", "aif": "arguebuf"}
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
CORPUS_OF_STAGE = {
    "aif": "aif",
    "arguebuf": "aif",
    "json.load": "json",
    "json": "json",
    "yaml": "yaml",
    "analyse": "json",
}
RESULTS = Path(__file__).resolve().parent / "results" / "formats.md"
JSON_RESULTS = RESULTS.with_suffix(".json")
_ROWS_MARK = re.compile(r"<!-- bench_formats rows\n(?P<json>.*?)\n-->", re.DOTALL)


@dataclass
class StageResult:
    """One measured stage: what ran on which corpus, how long, and how much memory."""

    size: int
    stage: str
    seconds: float | None
    peak_mb: float | None
    input_mb: float
    files: int
    counts: dict[str, int] = field(default_factory=dict)
    note: str = ""
    cpu_seconds: float | None = None
    """User plus system time of the stage: unlike wall time, not inflated by a busy machine."""
    runs: int = 1
    """How many times the stage ran; times and memory are the medians."""
    baseline: str | None = None
    """The stage this one is compared with in the same run (``BASELINE_OF_STAGE``)."""
    ratio: float | None = None
    """Median CPU time of this stage over its baseline's, measured in the same run."""


# --- child side: one stage, measured from inside ----------------------------------------


def _quiet() -> None:
    """Silence arguebuf's per-node warnings: they would dominate its time and our output."""
    import logging
    import warnings

    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")


def _graph_counts(graph: Any) -> dict[str, int]:
    kinds = [r.kind for r in graph.relations]
    return {
        "claims": len(graph.claims),
        "supports": kinds.count("supports"),
        "rebuts": kinds.count("rebuts"),
    }


def _stage_aif(path: Path) -> tuple[dict[str, int], str]:
    from arggraph.io.formats import import_graph

    return _graph_counts(import_graph("aif", path)), ""


def _stage_json_load(path: Path) -> tuple[dict[str, int], str]:
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    kinds = [r["kind"] for r in data["relations"]]
    counts = {"supports": kinds.count("supports"), "rebuts": kinds.count("rebuts")}
    return {"claims": len(data["claims"]), **counts}, ""


def _stage_load(path: Path) -> tuple[dict[str, int], str]:
    import arggraph

    return _graph_counts(arggraph.load(path)), ""


def _stage_arguebuf(path: Path) -> tuple[dict[str, int], str]:
    import arguebuf
    from arguebuf.model.scheme import Attack, Support

    _quiet()
    graphs = [arguebuf.load.file(p) for p in sorted(path.glob("*.json"))]
    counts = {"claims": 0, "supports": 0, "rebuts": 0}
    for graph in graphs:
        counts["claims"] += len(graph.atom_nodes)
        for node in graph.scheme_nodes.values():
            premises = sum(1 for n in graph.incoming_nodes(node) if n.id in graph.atom_nodes)
            pairs = premises * len(graph.outgoing_nodes(node))
            if isinstance(node.scheme, Support):
                counts["supports"] += pairs
            elif isinstance(node.scheme, Attack):
                counts["rebuts"] += pairs
    return counts, ""


def _run_analysis(path: Path) -> tuple[dict[str, int], str, float, float]:
    """Load untimed, then time ``contested_topics`` alone."""
    import arggraph
    from arggraph.analysis.contestedness import contested_topics

    started = time.perf_counter()
    graph = arggraph.load(path)
    loaded = time.perf_counter() - started
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    report = contested_topics(graph)
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
    contested = sum(1 for t in report.topics if t.score > 0)
    counts = {"topics": len(report.topics), "contested": contested}
    return counts, f"load before it: {loaded:.1f} s (not counted)", seconds, cpu


_CHILD_STAGES: dict[str, Callable[[Path], tuple[dict[str, int], str]]] = {
    "aif": _stage_aif,
    "arguebuf": _stage_arguebuf,
    "json.load": _stage_json_load,
    "json": _stage_load,
    "yaml": _stage_load,
}


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


_MODULES_OF_STAGE = {
    "aif": ("arggraph", "arggraph.io.formats"),
    "arguebuf": ("arguebuf",),
    "json": ("arggraph",),
    "yaml": ("arggraph",),
    "analyse": ("arggraph", "arggraph.analysis.contestedness"),
}


def child_stage(stage: str, path: Path) -> dict[str, Any]:
    """Run one stage in this process; its time, peak memory and counts as a dict.

    The stage's libraries are imported first, so that import time is not counted.
    """
    import importlib

    for module in _MODULES_OF_STAGE.get(stage, ()):
        importlib.import_module(module)
    if stage == "analyse":
        counts, note, seconds, cpu = _run_analysis(path)
    else:
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        counts, note = _CHILD_STAGES[stage](path)
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_mb": peak_kb / 1024,
        "counts": counts,
        "note": note,
    }


# --- corpora -----------------------------------------------------------------------------


def corpus_path(workdir: Path, fmt: str, size: int, seed: int, chunk: int) -> Path:
    """Where the corpus of one format and size lives: a graph file, or a folder for AIF."""
    if fmt == "aif":
        return workdir / f"aif-{size}-seed{seed}-chunk{chunk}"
    return workdir / f"{fmt}-{size}-seed{seed}" / f"graph.{fmt}"


def write_corpus(fmt: str, size: int, target: Path, seed: int, chunk: int) -> None:
    """Write one corpus (in a child process: the parent stays small); mark it complete."""
    if fmt == "aif":
        _write_aif_chunks(target, size, seed, chunk)
        (target / ".complete").touch()
    else:
        from arggraph.synthetic import write_synthetic_corpus

        write_synthetic_corpus(target.parent, size, fmt=fmt, seed=seed)
        (target.parent / ".complete").touch()


def _write_aif_chunks(folder: Path, size: int, seed: int, chunk: int) -> None:
    """Chunks of ``chunk`` claims, each a synthetic graph exported by arggraph's AIF writer.

    Quotes are not re-grounded while writing (the synthetic data is valid by
    construction); reading the files back does that.
    """
    from arggraph.io.aif import aif_data
    from arggraph.model import ArgumentGraph
    from arggraph.synthetic import synthetic_graph_data

    folder.mkdir(parents=True, exist_ok=True)
    for index in range((size + chunk - 1) // chunk):
        claims = min(chunk, size - index * chunk)
        data, texts = synthetic_graph_data(claims, seed=seed * 1_000_003 + index)
        for document in data["documents"]:
            del document["path"]
            document["text"] = texts[document["id"]]
        graph = ArgumentGraph.model_validate(data, context={"unchecked": True})
        text = json.dumps(aif_data(graph), ensure_ascii=False)
        (folder / f"nodeset{index:05d}.json").write_text(text, encoding="utf-8")


def _complete(path: Path, fmt: str) -> bool:
    marker = (path if fmt == "aif" else path.parent) / ".complete"
    return marker.is_file()


def _input_size(path: Path, fmt: str) -> tuple[float, int]:
    """Megabytes and number of files a stage reads (for JSON/YAML: graph file and texts)."""
    root = path if fmt == "aif" else path.parent
    if fmt == "aif":
        files = list(root.glob("*.json"))
    else:
        files = [path, *root.joinpath("texts").glob("*.txt")]
    return sum(f.stat().st_size for f in files) / 1e6, len(files)


# --- parent side: fresh processes, timeouts ------------------------------------------------


def _peak_of_running(pid: int) -> float | None:
    """VmHWM of a running process in MB (the kernel's high-water mark of its RSS)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def run_child(
    arguments: Sequence[str], timeout: float, max_memory_gb: float
) -> tuple[dict[str, Any] | None, str]:
    """Run this script with ``arguments`` in a fresh interpreter, killing it at ``timeout``.

    The child's address space is capped at ``max_memory_gb``, so a stage that would
    exhaust a shared machine fails with ``MemoryError`` instead. Returns the child's
    JSON report, or ``None`` and a note saying why there is none; the note of a
    timed-out child gives the peak memory it had reached.
    """
    command = [sys.executable, str(Path(__file__).resolve()), *arguments]
    limit = int(max_memory_gb * 1024**3)

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, preexec_fn=cap_memory)
        deadline = time.monotonic() + timeout
        peak: float | None = None
        while process.poll() is None:
            peak = _peak_of_running(process.pid) or peak
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                reached = f", peak RSS so far {peak:.0f} MB" if peak else ""
                return None, f"timed out after {timeout:.0f} s{reached}"
            time.sleep(0.2)
        out.seek(0)
        err.seek(0)
        lines = out.read().decode("utf-8", "replace").strip().splitlines()
        if process.returncode != 0 or not lines:
            tail = " ".join(err.read().decode("utf-8", "replace").strip().splitlines()[-1:])
            if "MemoryError" in tail:
                return None, f"out of memory: stopped at the {max_memory_gb:g} GB limit"
            return None, f"failed (exit {process.returncode}): {tail}"
        report: dict[str, Any] = json.loads(lines[-1])
        return report, ""


def ensure_corpus(
    fmt: str, size: int, workdir: Path, seed: int, chunk: int, timeout: float, max_memory_gb: float
) -> tuple[Path, str]:
    """The corpus path, written first if absent; a note if writing it failed or timed out."""
    path = corpus_path(workdir, fmt, size, seed, chunk)
    if _complete(path, fmt):
        return path, ""
    print(f"  writing {fmt} corpus of {size:,} claims ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    arguments = ["_generate", fmt, str(size), str(path), str(seed), str(chunk)]
    _, note = run_child(arguments, timeout, max_memory_gb)
    if note:
        return path, f"corpus not written: {note}"
    print(f"  ... {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return path, ""


def run_stage(stage: str, size: int, options: argparse.Namespace) -> StageResult:
    """Write the stage's corpus if needed, then measure the stage in a fresh process."""
    fmt = CORPUS_OF_STAGE[stage]
    timeout, max_memory_gb = options.timeout, options.max_memory
    path, note = ensure_corpus(
        fmt, size, options.workdir, options.seed, options.chunk, timeout, max_memory_gb
    )
    if note:
        return StageResult(size, stage, None, None, 0.0, 0, note=note)
    input_mb, files = _input_size(path, fmt)
    print(f"  {stage} on {size:,} claims ...", file=sys.stderr, flush=True)
    report, note = run_child(["_stage", stage, str(path)], timeout, max_memory_gb)
    if report is None:
        return StageResult(size, stage, None, _peak_from(note), input_mb, files, note=note)
    return StageResult(
        size,
        stage,
        round(report["seconds"], 2),
        round(report["peak_mb"], 1),
        round(input_mb, 1),
        files,
        report["counts"],
        report["note"],
        round(report["cpu_seconds"], 2),
    )


def median_of(results: Sequence[StageResult]) -> StageResult:
    """One row for repeated runs of a stage: median times and memory; a failure wins."""
    failed = [r for r in results if r.seconds is None]
    if failed:
        return failed[0]

    def middle(values: Sequence[float | None]) -> float | None:
        known = sorted(v for v in values if v is not None)
        return known[len(known) // 2] if known else None

    first = results[0]
    return StageResult(
        first.size,
        first.stage,
        middle([r.seconds for r in results]),
        middle([r.peak_mb for r in results]),
        first.input_mb,
        first.files,
        first.counts,
        first.note,
        middle([r.cpu_seconds for r in results]),
        runs=len(results),
    )


def with_ratios(results: Sequence[StageResult]) -> list[StageResult]:
    """``results`` with each stage's CPU ratio to its baseline of the same size and run."""
    by_key = {(r.size, r.stage): r for r in results}
    for result in results:
        baseline = by_key.get((result.size, BASELINE_OF_STAGE.get(result.stage, "")))
        if baseline is not None and result.cpu_seconds and baseline.cpu_seconds:
            result.baseline = baseline.stage
            result.ratio = round(result.cpu_seconds / baseline.cpu_seconds, 2)
    return list(results)


def _peak_from(note: str) -> float | None:
    match = re.search(r"peak RSS so far (\d+) MB", note)
    return float(match["1"]) if match else None


# --- results ----------------------------------------------------------------------------


def _memory_gib() -> float:
    """Total RAM from /proc/meminfo, in GiB."""
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024**2
    return float("nan")


def machine() -> dict[str, str]:
    """CPU count, RAM, Python and system, for the results' header."""
    return {
        "cpus": str(os.cpu_count()),
        "memory": f"{_memory_gib():.1f} GiB",
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()} {platform.machine()}",
        "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def _cell(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _counts_cell(result: StageResult) -> str:
    counts = result.counts
    if "claims" in counts:
        relations = counts["supports"] + counts["rebuts"]
        return f"{counts['claims']:,} / {relations:,}"
    if "topics" in counts:
        return f"{counts['topics']:,} topics, {counts['contested']:,} contested"
    return "-"


def _stage_label(stage: str) -> str:
    return {
        "aif": "AIF import (arggraph)",
        "arguebuf": "AIF load (arguebuf)",
        "json.load": "json.load (floor)",
        "json": "JSON load+validate",
        "yaml": "YAML load+validate",
        "analyse": "contested_topics",
    }[stage]


def results_table(results: Sequence[StageResult]) -> str:
    """The stage table: one row per size and stage."""
    lines = [
        "| claims | stage | input MB (files) | time s | CPU s | peak RSS MB "
        "| CPU ratio to baseline | runs | claims / relations read | note |",
        "|---:|---|---:|---:|---:|---:|---|---:|---|---|",
    ]
    for r in sorted(results, key=lambda r: (r.size, STAGES.index(r.stage))):
        lines.append(
            f"| {r.size:,} | {_stage_label(r.stage)} | {r.input_mb:,.1f} ({r.files:,}) "
            f"| {_cell(r.seconds)} | {_cell(r.cpu_seconds)} | {_cell(r.peak_mb, 0)} "
            f"| {_ratio_cell(r)} | {r.runs} | {_counts_cell(r)} | {r.note} |"
        )
    return "\n".join(lines)


def _ratio_cell(result: StageResult) -> str:
    if result.ratio is None or result.baseline is None:
        return "-"
    return f"{result.ratio:.2f}x {_stage_label(result.baseline)}"


def comparison_table(results: Sequence[StageResult]) -> str:
    """arggraph's AIF import against arguebuf on the same files, per size."""
    by_key = {(r.size, r.stage): r for r in results}
    lines = [
        "| claims | arggraph CPU s | arguebuf CPU s | CPU ours/arguebuf "
        "| arggraph MB | arguebuf MB | memory ours/arguebuf | counts agree |",
        "|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for size in sorted({r.size for r in results}):
        ours, theirs = by_key.get((size, "aif")), by_key.get((size, "arguebuf"))
        if ours is None or theirs is None:
            continue
        agree = "-"
        if ours.counts and theirs.counts:
            agree = (
                "yes" if ours.counts == theirs.counts else f"NO: {ours.counts} vs {theirs.counts}"
            )
        lines.append(
            f"| {size:,} | {_cell(ours.cpu_seconds)} | {_cell(theirs.cpu_seconds)} "
            f"| {_ratio(ours.cpu_seconds, theirs.cpu_seconds)} | {_cell(ours.peak_mb, 0)} "
            f"| {_cell(theirs.peak_mb, 0)} | {_ratio(ours.peak_mb, theirs.peak_mb)} | {agree} |"
        )
    return "\n".join(lines)


def _ratio(ours: float | None, theirs: float | None) -> str:
    return "-" if not ours or not theirs else f"{ours / theirs:.2f}"


def render(results: Sequence[StageResult], runs: Sequence[dict[str, Any]]) -> str:
    """The whole results page: machine, tables, the commands that produced them."""
    latest = runs[-1]["machine"] if runs else machine()
    run_lines = "\n".join(
        f"- {run['date']}, load average {run['machine']['load']} at start:\n  `{run['command']}`"
        for run in runs
    )
    rows = json.dumps(
        {"results": [asdict(r) for r in results], "runs": list(runs)}, indent=1, sort_keys=True
    )
    return f"""# Formats and corpora: measured

Written by `benchmarks/bench_formats.py`; `benchmarks/README.md` says what each stage does.

Machine: {latest["cpus"]} CPUs, {latest["memory"]} RAM, Python {latest["python"]},
{latest["system"]}. Each stage ran alone in a fresh process; times are wall-clock
inside that process after imports; peak RSS is its `ru_maxrss` (interpreter and
libraries included, about 50 MB). Each stage ran `runs` times, the stages of a size
interleaved; the table gives medians. The machine was shared with other people's
tests (see the load averages): a busy machine inflates wall time, not memory. CPU s
(user plus system time of the stage) is much less inflated, so the ratios compare
CPU times of stages measured in the same run: arggraph's JSON load against
`json.load` of the same file, YAML against JSON, AIF against arguebuf.

## Stages

{results_table(results)}

## arggraph's AIF import against arguebuf, same files

{comparison_table(results)}

## Reproduce

Runs that produced these rows (later runs replace rows of the same size and stage):

{run_lines}

<!-- bench_formats rows
{rows}
-->
"""


def save(results: Sequence[StageResult], runs: Sequence[dict[str, Any]], options: Any) -> None:
    """Write the results page and the machine-readable records (``--json-output``)."""
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(render(results, runs), encoding="utf-8")
    records = [
        {
            "benchmark": "formats",
            "size": r.size,
            "stage": r.stage,
            "label": _stage_label(r.stage),
            "seconds": r.seconds,
            "cpu_seconds": r.cpu_seconds,
            "peak_mb": r.peak_mb,
            "runs": r.runs,
            "baseline": r.baseline,
            "baseline_ratio": r.ratio,
            "counts": r.counts,
            "note": r.note,
        }
        for r in sorted(results, key=lambda r: (r.size, STAGES.index(r.stage)))
    ]
    text = json.dumps({"runs": list(runs), "records": records}, indent=1, sort_keys=True)
    options.json_output.write_text(text + "\n", encoding="utf-8")


def read_previous(path: Path) -> tuple[list[StageResult], list[dict[str, Any]]]:
    """Rows and runs recorded in an earlier results page, to merge with this run's."""
    if not path.is_file():
        return [], []
    match = _ROWS_MARK.search(path.read_text(encoding="utf-8"))
    if match is None:
        return [], []
    data = json.loads(match["json"])
    return [StageResult(**row) for row in data["results"]], list(data["runs"])


def merged(old: Sequence[StageResult], new: Sequence[StageResult]) -> list[StageResult]:
    """``old`` with rows of the same size and stage replaced by ``new``."""
    keys = {(r.size, r.stage) for r in new}
    return [r for r in old if (r.size, r.stage) not in keys] + list(new)


# --- command line -----------------------------------------------------------------------


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """Options of the benchmark (see ``--help``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="claims per corpus"
    )
    parser.add_argument(
        "--stages", nargs="+", choices=STAGES, default=list(STAGES), help="stages to run"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=1800.0,
        help="seconds before a stage (or writing a corpus) is killed; default 1800",
    )
    parser.add_argument(
        "--max-memory",
        type=float,
        default=round(0.75 * _memory_gib(), 1),
        help="GB of address space a child may use before MemoryError; default 75%% of RAM",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic corpora")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each stage, interleaved; medians reported"
    )
    parser.add_argument(
        "--json-output",
        type=Path,
        default=JSON_RESULTS,
        help="machine-readable records (size, stage, times, memory, baseline ratio)",
    )
    parser.add_argument("--chunk", type=int, default=1000, help="claims per AIF file")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "arggraph-bench-formats",
        help="where corpora are written and reused across runs",
    )
    parser.add_argument(
        "--output", type=Path, default=RESULTS, help="results page to merge rows into"
    )
    parser.add_argument(
        "--fresh", action="store_true", help="drop the rows of earlier runs from --output"
    )
    parser.add_argument(
        "--clean", action="store_true", help="delete the corpora of this run afterwards"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, or (internally) one child task; return an exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["_stage"]:
        print(json.dumps(child_stage(argv[1], Path(argv[2]))))
        return 0
    if argv[:1] == ["_generate"]:
        fmt, size, target, seed, chunk = argv[1:6]
        started = time.perf_counter()
        write_corpus(fmt, int(size), Path(target), int(seed), int(chunk))
        print(json.dumps({"seconds": time.perf_counter() - started}))
        return 0
    options = parse_arguments(argv)
    options.workdir.mkdir(parents=True, exist_ok=True)
    old, runs = ([], []) if options.fresh else read_previous(options.output)
    run = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": "python benchmarks/bench_formats.py " + shlex.join(argv),
        "machine": machine(),
    }
    runs.append(run)
    results: list[StageResult] = []
    for size in options.sizes:
        stages = [s for s in STAGES if s in options.stages]
        measured: dict[str, list[StageResult]] = {s: [] for s in stages}
        for _ in range(options.repeat):
            for stage in stages:
                result = run_stage(stage, size, options)
                measured[stage].append(result)
                print(
                    f"  -> {_cell(result.seconds)} s, CPU {_cell(result.cpu_seconds)} s, "
                    f"{_cell(result.peak_mb, 0)} MB {result.note}",
                    file=sys.stderr,
                    flush=True,
                )
            # Saved after every round, so an interrupted run keeps what it measured.
            rows = with_ratios([*results, *(median_of(m) for m in measured.values())])
            save(merged(old, rows), runs, options)
        results = with_ratios([*results, *(median_of(m) for m in measured.values())])
        if options.clean:
            for fmt in ("aif", "json", "yaml"):
                path = corpus_path(options.workdir, fmt, size, options.seed, options.chunk)
                shutil.rmtree(path if fmt == "aif" else path.parent, ignore_errors=True)
    save(merged(old, results), runs, options)
    print(results_table(merged(old, results)))
    print()
    print(comparison_table(merged(old, results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
