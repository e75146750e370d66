"""Benchmark the corpus-scale analyses on DuckDB and Spark against the in-memory ones.

Two parts (``--part``):

- ``compare`` (default ``--sizes 100000``): a seeded synthetic graph with stances
  (``arggraph.synthetic``: a topic per 50 claims, half with two sub-questions, a
  speaker per 20, a document per 1,000, about 3 relations per claim, 40 % of claims
  answering a question) is written as arggraph JSON and as Parquet tables once. Then,
  ``--runs`` times, interleaved (memory, duckdb, spark, memory, ...), a fresh child
  process computes every result: ``memory`` loads the JSON (stage ``load``) and runs
  :func:`arggraph.tables.reference_results` (``analyses``: positions, contested topics
  without robustness, graph summary, every quote looked up); ``duckdb`` and ``spark``
  compute the same results from the tables (``analyses``; Spark also ``session``, its
  start-up). Each child prints a digest of its sorted results; the parent checks that
  all digests are equal and says so.
- ``scale`` (default ``--sizes 10000000``): the tables are generated directly by DuckDB
  SQL in chunks of claims (``generate``; never an in-memory graph), mirroring the
  synthetic shape (md5 words instead of a vocabulary; every quote is its claim's
  statement, found in its document's text at its given offset), then DuckDB runs each
  result to a Parquet file (stages ``grounding``, ``positions``, ``contest``,
  ``speakers``) with ``--memory-limit`` and spilling to ``--workdir``. The parent
  checks every quote was found at its given offset.

Measured per stage: wall seconds; CPU seconds of the child process (user + system,
all its threads: DuckDB runs on both cores, so CPU may exceed wall); for Spark the
JVM's CPU (from /proc) is added to the driver's, while its Python workers' CPU is not
counted (the wall time is then the fairer figure). Peak memory: the child's
``ru_maxrss`` (for Spark, the driver's plus the JVM's ``VmHWM``). Every child's address
space is capped at ``--max-memory`` GB (``RLIMIT_AS``). Ratios are medians against the
in-memory ``analyses`` of the same run, CPU time where the text says so.

Reproduce::

    .venv/bin/python benchmarks/bench_tables.py --part compare --sizes 100000 --runs 3
    .venv/bin/python benchmarks/bench_tables.py --part scale --sizes 10000000

Results: ``benchmarks/results/tables.json`` (records) and ``tables.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "results" / "tables.json"
RESULTS_MD = HERE / "results" / "tables.md"
ENGINES = ("memory", "duckdb", "spark")


# ------------------------------------------------------------------ child processes


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _emit(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


def _timed(
    size: int, engine: str, stage: str, action: Callable[[], Any], extra_cpu: Callable[[], float]
) -> Any:
    wall, cpu = time.perf_counter(), _cpu_seconds() + extra_cpu()
    result = action()
    _emit(
        {
            "size": size,
            "engine": engine,
            "stage": stage,
            "seconds": round(time.perf_counter() - wall, 3),
            "cpu_seconds": round(_cpu_seconds() + extra_cpu() - cpu, 3),
            "peak_mb": round(_peak_mb(), 1),
        }
    )
    return result


def _digest(results: Any) -> str:
    text = repr([getattr(results, f) for f in results.__dataclass_fields__])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def child_memory(size: int, workdir: Path) -> None:
    import arggraph
    from arggraph.tables import reference_results

    graph = _timed(size, "memory", "load", lambda: arggraph.load(workdir / "graph.json"), _zero)
    results = _timed(size, "memory", "analyses", lambda: reference_results(graph), _zero)
    _emit({"size": size, "engine": "memory", "digest": _digest(results)})


def child_duckdb(size: int, workdir: Path, memory_limit: str) -> None:
    from arggraph.tables.duckdb_engine import DuckDBEngine

    def run() -> Any:
        with DuckDBEngine(
            workdir / "tables", memory_limit=memory_limit, temp_directory=workdir
        ) as e:
            return e.results()

    results = _timed(size, "duckdb", "analyses", run, _zero)
    _emit({"size": size, "engine": "duckdb", "digest": _digest(results)})


def child_spark(size: int, workdir: Path) -> None:
    from arggraph.tables.spark_engine import SparkEngine, local_session

    spark = _timed(size, "spark", "session", local_session, _zero)
    jvm = spark.sparkContext._gateway.proc.pid

    def jvm_cpu() -> float:
        fields = Path(f"/proc/{jvm}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    results = _timed(
        size, "spark", "analyses", lambda: SparkEngine(workdir / "tables", spark).results(), jvm_cpu
    )
    jvm_peak = _status_mb(jvm, "VmHWM")
    spark.stop()
    _emit({"size": size, "engine": "spark", "digest": _digest(results), "jvm_peak_mb": jvm_peak})


def _status_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _zero() -> float:
    return 0.0


def child_scale(size: int, workdir: Path, memory_limit: str) -> None:
    """Generate the tables with DuckDB, then write each result with DuckDB."""
    from arggraph.tables.duckdb_engine import DuckDBEngine

    tables = workdir / "tables"
    from arggraph.tables.synthetic import write_synthetic_tables

    _timed(
        size,
        "duckdb",
        "generate",
        lambda: write_synthetic_tables(size, tables, memory_limit=memory_limit),
        _zero,
    )
    with DuckDBEngine(tables, memory_limit=memory_limit, temp_directory=workdir) as engine:
        out = workdir / "results"
        out.mkdir(exist_ok=True)
        for stage, names in (
            ("grounding", ["grounding", "document_grounding"]),
            ("positions", ["positions"]),
            ("contest", ["question_contest"]),
            ("speakers", ["speaker_counts"]),
        ):
            counts = _timed(
                size,
                "duckdb",
                stage,
                lambda names=names: [engine.write(n, out / f"{n}.parquet") for n in names],
                _zero,
            )
            _emit({"size": size, "engine": "duckdb", "stage": stage, "rows": counts})
        found = engine.con.execute(
            f"SELECT SUM(quotes), SUM(found), SUM(at_given) "
            f"FROM read_parquet('{out / 'document_grounding.parquet'}')"
        ).fetchone()
        _emit({"size": size, "engine": "duckdb", "quotes_found_at_given": list(found)})


# ------------------------------------------------------------------------- parent


def _run_child(args: list[str], max_memory_gb: float, timeout: float) -> list[dict[str, Any]]:
    limit = int(max_memory_gb * 1024**3)

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    command = [sys.executable, str(Path(__file__).resolve()), *args]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, preexec_fn=cap, check=False
    )
    records = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0:
        records.append({"failed": " ".join(args), "stderr": done.stderr.strip()[-600:]})
    return records


def prepare_compare(size: int, workdir: Path) -> None:
    """The JSON corpus and its Parquet tables, written once per size."""
    from arggraph.synthetic import write_synthetic_corpus
    from arggraph.tables import write_tables

    if (workdir / "tables" / "claims.parquet").exists():
        return
    options = {"stance_share": 0.4, "sub_question_share": 0.5, "seed": 7}
    path = write_synthetic_corpus(workdir, size, fmt="json", **options)
    import arggraph

    write_tables(arggraph.load(path), workdir / "tables")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=["compare", "scale"], default="compare")
    parser.add_argument("--sizes", type=int, nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--memory-limit", default="4GB", help="DuckDB's memory_limit")
    parser.add_argument("--max-memory", type=float, default=12.0, help="RLIMIT_AS per child, GB")
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--render", action="store_true", help="only rewrite tables.md")
    parser.add_argument(
        "--child", nargs=3, metavar=("ENGINE", "SIZE", "DIR"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.child:
        engine, size, folder = args.child[0], int(args.child[1]), Path(args.child[2])
        if engine == "memory":
            child_memory(size, folder)
        elif engine == "duckdb":
            child_duckdb(size, folder, args.memory_limit)
        elif engine == "spark":
            child_spark(size, folder)
        else:
            child_scale(size, folder, args.memory_limit)
        return 0
    if args.render:
        RESULTS_MD.write_text(render(json.loads(RESULTS_JSON.read_text())))
        return 0
    sizes = args.sizes or ([100_000] if args.part == "compare" else [10_000_000])
    run = {
        "command": "python benchmarks/bench_tables.py " + shlex.join(argv or sys.argv[1:]),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "started": time.strftime("%Y-%m-%d %H:%M"),
        "records": [],
    }
    print(json.dumps({k: v for k, v in run.items() if k != "records"}), flush=True)
    for size in sizes:
        workdir = Path(tempfile.mkdtemp(prefix=f"bench-tables-{size}-", dir=args.workdir))
        try:
            if args.part == "compare":
                prepare_compare(size, workdir)
                for _ in range(args.runs):
                    for engine in args.engines:
                        child = ["--child", engine, str(size), str(workdir)]
                        child += ["--memory-limit", args.memory_limit]
                        for record in _run_child(child, args.max_memory, args.timeout):
                            print(json.dumps(record), flush=True)
                            run["records"].append(record)
            else:
                child = ["--child", "scale", str(size), str(workdir)]
                child += ["--memory-limit", args.memory_limit]
                for record in _run_child(child, args.max_memory, args.timeout):
                    print(json.dumps(record), flush=True)
                    run["records"].append(record)
        finally:
            if not args.keep:
                shutil.rmtree(workdir, ignore_errors=True)
    _save(run)
    return 0


def _save(run: dict[str, Any]) -> None:
    """Append this run to tables.json (one entry per run) and rewrite tables.md from it."""
    runs = json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.exists() else []
    runs.append(run)
    RESULTS_JSON.write_text(json.dumps(runs, indent=1) + "\n")
    RESULTS_MD.write_text(render(runs))


def render(runs: list[dict[str, Any]]) -> str:
    """tables.md: one section per run, medians per stage, ratios, and the checks."""
    lines = [
        "# Tables and engines: in memory, DuckDB, Spark",
        "",
        "Written by `benchmarks/bench_tables.py` from `tables.json` (method: its docstring "
        "and `benchmarks/README.md`). Wall and CPU seconds and peak resident MB are medians "
        "over the runs of each stage; CPU is the child process's user + system time over "
        "all its threads (Spark: driver + JVM, not its Python workers). Peak MB is the "
        "child's high-water mark so far (`ru_maxrss`), so a later stage shows at least "
        "an earlier one's.",
    ]
    for run in runs:
        lines += ["", f"## `{run['command']}`", ""]
        lines.append(f"Started {run['started']}, load average {run['load_average']} (2 cores).")
        lines += _render_run(run["records"])
    return "\n".join(lines) + "\n"


def _render_run(records: list[dict[str, Any]]) -> list[str]:
    medians = summary(records)
    lines = [
        "",
        "| claims | engine | stage | runs | wall s | CPU s | peak MB | wall / in-memory "
        "| CPU / in-memory |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for (size, engine, stage), m in medians.items():  # in the order first measured
        runs = sum(
            1
            for r in records
            if "seconds" in r and (r["size"], r["engine"], r["stage"]) == (size, engine, stage)
        )
        base = medians.get((size, "memory", "analyses"))
        wall_ratio = cpu_ratio = "-"
        if base and stage == "analyses":
            wall_ratio = f"{m['seconds'] / base['seconds']:.2f}x"
            cpu_ratio = f"{m['cpu_seconds'] / base['cpu_seconds']:.2f}x"
        lines.append(
            f"| {size:,} | {engine} | {stage} | {runs} | {m['seconds']:.1f} | "
            f"{m['cpu_seconds']:.1f} | {m['peak_mb']:,.0f} | {wall_ratio} | {cpu_ratio} |"
        )
    digests = {(r["size"], r["digest"]) for r in records if "digest" in r}
    if digests:
        sizes = {size for size, _ in digests}
        same = all(len({d for s, d in digests if s == size}) == 1 for size in sizes)
        engines = sorted({r["engine"] for r in records if "digest" in r})
        verdict = "equal" if same else "NOT equal"
        lines += ["", f"Results of {', '.join(engines)}: {verdict} (digest of the sorted rows)."]
    jvm = [r["jvm_peak_mb"] for r in records if "jvm_peak_mb" in r]
    if jvm:
        lines.append(
            f"Spark's JVM peak resident memory: {statistics.median(jvm):,.0f} MB (median)."
        )
    for r in records:
        if "rows" in r:
            lines.append(f"- {r['stage']}: rows written {r['rows']}")
        if "quotes_found_at_given" in r:
            quotes, found, at_given = r["quotes_found_at_given"]
            lines.append(
                f"- quotes {quotes:,}, found {found:,.0f}, at their given start {at_given:,.0f}"
            )
        if "failed" in r:
            lines.append(f"- FAILED `{r['failed']}`: {r['stderr']}")
    return lines


def summary(records: list[dict[str, Any]]) -> dict[tuple[int, str, str], dict[str, float]]:
    """Medians per (size, engine, stage) of seconds, CPU seconds and peak MB."""
    grouped: dict[tuple[int, str, str], list[dict[str, Any]]] = {}
    for r in records:
        if "seconds" in r:
            grouped.setdefault((r["size"], r["engine"], r["stage"]), []).append(r)
    return {
        key: {
            field: statistics.median(r[field] for r in rows)
            for field in ("seconds", "cpu_seconds", "peak_mb")
        }
        for key, rows in grouped.items()
    }


if __name__ == "__main__":
    sys.exit(main())
