"""Benchmark arggraph end to end at corpus scale: every stage in one run, time and memory.

For each size N (claims; about 3N relations, 35 % rebuttals, a topic per 50 claims, a
speaker per 20, a document per 1,000; half the claims answer a question of their
topic, 30 % of the topics have two sub-questions; seeded) the synthetic JSON corpus is
written once into ``--workdir`` (``arggraph.synthetic.write_synthetic_corpus``, in a
child process capped like the others) and reused by later runs. Then ONE child process,
its address space capped at ``--max-memory`` GB (``RLIMIT_AS``), runs in order:

- ``json.load``: the baseline for loading, ``json.load`` of the same file (freed after);
- ``load``: ``arggraph.load``: read, merge, validate the model, read the texts, check
  references and structure, ground every quote;
- ``networkx``: the baseline for the analyses, ``arggraph.to_networkx(graph)`` (a
  ``networkx.MultiDiGraph`` of every claim and relation with its attributes; freed after);
- every analysis the report shows, each timed as ``arggraph.analysis.debate.analyse``
  runs it (its ``step`` hook): ``positions`` (``arggraph.positions``), ``contested
  topics`` (``contested_topics`` on those positions, with its default robustness: the
  ranking recomputed with each document left out), ``statuses`` (each claim's reader
  status), ``timeline`` (replayed document by document; skipped, and said so, beyond
  ``debate.TIMELINE_DOCUMENTS`` documents), ``alignment`` (``speaker_alignment``) and
  ``camps`` (``speaker_camps``, named from the positions);
- ``grounded``: ``to_argumentation_framework`` and ``grounded_labelling``;
- ``report``: the HTML page built from those analyses and written to
  ``<workdir>/<N>/report.html`` (the analyses + ``report`` are what ``arggraph report``
  costs);
- ``open in Chromium`` (in the parent, after the child): headless Chromium opens the
  report from disk; seconds until the question table is on screen.

Each stage records its wall time, the CPU time of the process, the peak resident memory
reached by the end of the stage (``ru_maxrss``, which only grows), the resident memory
at its end (``VmRSS``) and, in the parent, its CPU time relative to the same run's
``networkx`` build (``json.load`` for ``load``). A stage that raises, runs out of the
capped memory or is killed is recorded as such with the stages after it "not run";
nothing is left out silently.

Reproduce::

    .venv/bin/python benchmarks/bench_scale.py --sizes 10000 100000
    .venv/bin/python benchmarks/bench_scale.py --sizes 1000000 --max-memory 16

Results are merged (a size's rows are replaced by a new run of that size) into
``benchmarks/results/scale.json`` and rendered as ``benchmarks/results/scale.md``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from bench_analysis import machine_description  # run as a script: benchmarks/ is on the path
from bench_positions import _status_mb, measured_source

T = TypeVar("T")
HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "results" / "scale.json"
RESULTS_MD = HERE / "results" / "scale.md"
CHILD_STAGES = (
    "json.load",
    "load",
    "networkx",
    "grounded",
    "positions",
    "contested topics",
    "statuses",
    "timeline",
    "alignment",
    "camps",
    "report",
)
STAGES = (*CHILD_STAGES, "open in Chromium")
BASELINES = {"json.load", "networkx"}
CORPUS_OPTIONS: dict[str, Any] = {"seed": 1, "stance_share": 0.5, "sub_question_share": 0.3}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


# ----------------------------------------------------------------- child: one size


def _emit(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


def _timed(stage: str, action: Callable[[], T]) -> T:
    """Run one stage and print its record; a failure is printed, then raised to stop."""
    gc.collect()
    _emit({"stage": stage, "started": True})
    start, cpu_start = time.perf_counter(), time.process_time()
    try:
        result = action()
    except MemoryError:
        _emit({"stage": stage, "error": "out of memory (the address space cap was reached)"})
        raise
    except Exception as exc:
        _emit({"stage": stage, "error": f"{type(exc).__name__}: {str(exc)[:300]}"})
        raise
    _emit(
        {
            "stage": stage,
            "seconds": time.perf_counter() - start,
            "cpu_seconds": time.process_time() - cpu_start,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rss_mb": _status_mb("VmRSS"),
        }
    )
    return result


def run_child(path: Path, report: Path) -> None:
    """Every stage in order on the corpus at ``path``; one JSON line per stage."""
    import arggraph
    from arggraph.analysis.debate import analyse
    from arggraph.render.report import render_report

    def read_json() -> int:
        with path.open("rb") as handle:
            return len(json.load(handle)["claims"])

    _timed("json.load", read_json)
    graph = _timed("load", lambda: arggraph.load(path))
    _emit({"stage": "shape", "claims": len(graph.claims), "relations": len(graph.relations)})
    _timed("networkx", lambda: arggraph.to_networkx(graph).number_of_edges())

    def grounded() -> int:
        framework = arggraph.to_argumentation_framework(graph)
        return len(arggraph.grounded_labelling(framework).in_)

    _timed("grounded", grounded)
    debate = analyse(graph, step=_timed)  # positions, contested topics, statuses, ...
    if debate.timeline_skipped:
        _emit({"stage": "timeline", "skipped": debate.timeline_skipped})
    _timed("report", lambda: render_report(graph, report, debate=debate))
    _emit({"stage": "report size", "bytes": report.stat().st_size})


def write_corpus(n: int, folder: Path) -> None:
    """The synthetic corpus of ``n`` claims in ``folder`` (child process)."""
    from arggraph.synthetic import write_synthetic_corpus

    write_synthetic_corpus(folder, n, fmt="json", **CORPUS_OPTIONS)
    (folder / "done").write_text(json.dumps(CORPUS_OPTIONS), encoding="utf-8")


# ------------------------------------------------------------------ parent: running


def _cap(gigabytes: float) -> Callable[[], None]:
    """A pre-exec hook capping the child's address space."""
    limit = int(gigabytes * 1024**3)
    return lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _run_capped(args: list[str], timeout: float, gigabytes: float) -> Iterator[dict[str, Any]]:
    """Run this script with ``args`` in a capped child; yield its records as they come.

    The last record is ``{"exit": ...}`` saying how the child ended.
    """
    command = [sys.executable, str(Path(__file__).resolve()), *args]
    child = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_cap(gigabytes),
    )
    stopped = threading.Event()

    def stop() -> None:
        stopped.set()
        child.kill()

    timer = threading.Timer(timeout, stop)
    timer.start()
    stdout, stderr = child.stdout, child.stderr
    assert stdout is not None
    assert stderr is not None
    for line in stdout:
        if line.startswith("{"):
            yield json.loads(line)
    code = child.wait()
    timer.cancel()
    yield {"exit": code, "stderr": stderr.read().strip()[-600:], "timed_out": stopped.is_set()}


def ensure_corpus(n: int, workdir: Path, timeout: float, gigabytes: float) -> Path:
    """The corpus of size ``n`` in ``workdir``, written by a capped child if missing."""
    folder = workdir / str(n)
    done = folder / "done"
    if done.exists() and json.loads(done.read_text(encoding="utf-8")) == CORPUS_OPTIONS:
        return folder / "graph.json"
    folder.mkdir(parents=True, exist_ok=True)
    print(f"N={n:,}: writing the corpus into {folder}", flush=True)
    *_, end = _run_capped(["--write-corpus", str(n), str(folder)], timeout, gigabytes)
    if end["exit"] != 0:
        raise SystemExit(f"writing the corpus of {n:,} claims failed: {end['stderr']}")
    return folder / "graph.json"


def _why_stopped(end: dict[str, Any], gigabytes: float, timeout: float) -> str:
    if end["timed_out"]:
        return f"killed: not finished within {timeout:g} s"
    if "MemoryError" in end["stderr"]:
        return f"out of memory (address space capped at {gigabytes:g} GB)"
    if end["exit"] < 0:
        return f"killed by signal {-end['exit']} (e.g. the kernel's out-of-memory killer)"
    return f"failed (exit {end['exit']}): {end['stderr'][-300:]}"


def measure_size(
    n: int, path: Path, args: argparse.Namespace, save: Callable[[list[dict[str, Any]]], None]
) -> list[dict[str, Any]]:
    """Run the child on one corpus; return one record per stage (failures included).

    ``save`` gets the records so far after every stage, so that an interrupted run
    keeps what it measured (the stages still to come marked as such).
    """
    report = path.parent / "report.html"
    report.unlink(missing_ok=True)
    records: dict[str, dict[str, Any]] = {}
    running: str | None = None
    shape: dict[str, Any] = {}
    end: dict[str, Any] = {}
    for record in _run_capped(["--child", str(path), str(report)], args.timeout, args.max_memory):
        if "exit" in record:
            end = record
        elif record.get("started"):
            running = record["stage"]
        elif record["stage"] in ("shape", "report size"):
            shape.update({k: v for k, v in record.items() if k != "stage"})
        else:
            records[record["stage"]] = record
            running = None
            _progress(n, record)
            save(_stage_records(n, records, shape, "not finished: the run was interrupted"))
    if running is not None and running not in records:
        why = _why_stopped(end, args.max_memory, args.timeout)
        records[running] = {"stage": running, "error": why}
        _progress(n, records[running])
    if report.exists():
        records["open in Chromium"] = open_in_chromium(report)
        _progress(n, records["open in Chromium"])
    failed = any("error" in r for r in records.values())
    missing = "not run: an earlier stage failed" if failed else "not run for this graph"
    result = _stage_records(n, records, shape, missing)
    save(result)
    return result


def _stage_records(
    n: int, records: dict[str, dict[str, Any]], shape: dict[str, Any], missing: str
) -> list[dict[str, Any]]:
    """One record per stage in order, those without a measurement marked ``missing``."""
    result = []
    for stage in STAGES:
        record = records.get(stage) or {"stage": stage, "skipped": missing}
        result.append({"size": n, **record, **({"shape": shape} if stage == "load" else {})})
    _add_ratios(result)
    return result


def _progress(n: int, record: dict[str, Any]) -> None:
    if "error" in record or "skipped" in record:
        print(
            f"N={n:,} {record['stage']}: {record.get('error', record.get('skipped'))}", flush=True
        )
    else:
        cpu = record.get("cpu_seconds")
        print(
            f"N={n:,} {record['stage']}: {record['seconds']:.2f} s"
            + (f" (CPU {cpu:.2f} s), peak {record['peak_mb']:.0f} MB" if cpu is not None else ""),
            flush=True,
        )


def _add_ratios(records: list[dict[str, Any]]) -> None:
    """CPU time relative to the same run's networkx build (``load``: also to ``json.load``);
    None for the baselines themselves and for stages without CPU time."""
    cpu = {r["stage"]: r.get("cpu_seconds") for r in records}

    def over(own: float | None, base: float | None) -> float | None:
        return own / base if own is not None and base else None

    for r in records:
        baseline = r["stage"] in BASELINES
        r["ratio_to_networkx"] = None if baseline else over(r.get("cpu_seconds"), cpu["networkx"])
        if r["stage"] == "load":
            r["ratio_to_json_load"] = over(r.get("cpu_seconds"), cpu["json.load"])


def open_in_chromium(report: Path) -> dict[str, Any]:
    """Seconds until the report's question table shows in headless Chromium (1400x900)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"stage": "open in Chromium", "error": "not run: playwright is not installed"}
    if not Path(CHROMIUM).exists():
        return {"stage": "open in Chromium", "error": f"not run: {CHROMIUM} is missing"}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route("http*://**", lambda route: route.abort())
            start = time.perf_counter()
            page.goto(report.resolve().as_uri(), wait_until="load", timeout=600_000)
            page.wait_for_selector("#questions", state="visible", timeout=600_000)
            seconds = time.perf_counter() - start
            screens = page.evaluate("document.documentElement.scrollHeight") / 900
        except Exception as exc:
            return {"stage": "open in Chromium", "error": f"{type(exc).__name__}: {exc}"[:300]}
        finally:
            browser.close()
    return {"stage": "open in Chromium", "seconds": seconds, "screens": round(screens, 1)}


# ------------------------------------------------------------------ parent: results


def _load_results(path: Path) -> dict[str, Any]:
    if path.exists():
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data
    return {"runs": [], "records": []}


def merge_results(
    old: dict[str, Any], sizes: list[int], records: list[dict[str, Any]], run: dict[str, Any]
) -> dict[str, Any]:
    """``old`` with the rows and runs of ``sizes`` replaced by this run's."""
    kept_runs = [r for r in old["runs"] if not set(r["sizes"]) & set(sizes)]
    kept = [r for r in old["records"] if r["size"] not in sizes]
    order = {stage: i for i, stage in enumerate(STAGES)}
    all_records = sorted(kept + records, key=lambda r: (r["size"], order.get(r["stage"], 99)))
    return {"runs": [*kept_runs, run], "records": all_records}


def _cell(value: float | None, fmt: str) -> str:
    return "-" if value is None else format(value, fmt)


def _seconds(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def render_markdown(results: dict[str, Any]) -> str:
    """The results page: per size, one row per stage; then how each run was made."""
    lines = [
        "# Scale end to end",
        "",
        "Every stage of one run, in one child process per size, from loading the corpus to the",
        "report open in a browser (`benchmarks/bench_scale.py`; what each stage does is in its",
        "docstring and in [`../README.md`](../README.md)). *Wall* and *CPU* are seconds of the",
        "stage alone; *peak* is the process's peak resident memory by the end of the stage",
        "(`ru_maxrss`, it only grows), *RSS after* its resident memory then; *x networkx* is",
        "the stage's CPU time over the same run's `arggraph.to_networkx` build (for `load`: over",
        "`json.load` of the same file). `json.load` and `networkx` are the baselines.",
    ]
    sizes = sorted({r["size"] for r in results["records"]})
    for n in sizes:
        rows = [r for r in results["records"] if r["size"] == n]
        shape: dict[str, Any] = next((r["shape"] for r in rows if r.get("shape")), {})
        lines += ["", f"## {n:,} claims", ""]
        if shape:
            page = f"; report {shape['bytes'] / 1e6:.1f} MB" if "bytes" in shape else ""
            counts = f"{shape.get('claims', 0):,} claims, {shape.get('relations', 0):,} relations"
            lines += [f"{counts}{page}.", ""]
        lines += [
            "| stage | wall s | CPU s | peak MB | RSS after MB | x networkx (CPU) |",
            "|---|---|---|---|---|---|",
        ]
        for r in rows:
            if "error" in r or "skipped" in r:
                skipped = str(r.get("skipped", ""))
                why = r.get("error") or (
                    skipped if skipped.startswith("not ") else f"skipped: {skipped}"
                )
                lines.append(f"| {r['stage']} | {why} | | | | |")
                continue
            ratio = (
                r.get("ratio_to_json_load") if r["stage"] == "load" else r.get("ratio_to_networkx")
            )
            ratio_text = "baseline" if r["stage"] in BASELINES else _cell(ratio, ".2f")
            if r["stage"] == "load" and ratio is not None:
                ratio_text = f"{ratio:.2f} (x json.load)"
            if r["stage"] == "open in Chromium":
                ratio_text = f"page {r.get('screens', '?')} screens at 1400x900"
            lines.append(
                f"| {r['stage']} | {_seconds(r.get('seconds'))} | {_seconds(r.get('cpu_seconds'))}"
                f" | {_cell(r.get('peak_mb'), '.0f')} | {_cell(r.get('rss_mb'), '.0f')}"
                f" | {ratio_text} |"
            )
    lines += ["", "## Runs", ""]
    for run in results["runs"]:
        lines += [
            f"- Sizes {', '.join(f'{n:,}' for n in run['sizes'])}: {run['machine']}; "
            f"load average (1, 5, 15 min) {run['load_average']} at the start; "
            f"arggraph measured: {run['source']}; child address space capped at "
            f"{run['max_memory_gb']:g} GB; command: `{run['command']}`",
        ]
    return "\n".join(lines) + "\n"


def _save(
    args: argparse.Namespace,
    run: dict[str, Any],
    done: list[dict[str, Any]],
    records: list[dict[str, Any]],
) -> None:
    """Merge the sizes finished (``done``) and the one under way into the results files."""
    sizes = sorted({r["size"] for r in done + records})
    results = merge_results(_load_results(args.output), sizes, done + records, run)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    args.markdown.write_text(render_markdown(results), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Measure every size; merge into scale.json and rewrite scale.md."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "arggraph-bench-scale"
    )
    parser.add_argument("--max-memory", type=float, default=16.0, help="GB per child")
    parser.add_argument("--timeout", type=float, default=3 * 3600, help="seconds per child")
    parser.add_argument("--output", type=Path, default=RESULTS_JSON)
    parser.add_argument("--markdown", type=Path, default=RESULTS_MD)
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--write-corpus", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        run_child(*args.child)
        return 0
    if args.write_corpus is not None:
        write_corpus(int(args.write_corpus[0]), Path(args.write_corpus[1]))
        return 0

    run = {
        "sizes": args.sizes,
        "machine": machine_description(),
        "date": date.today().isoformat(),
        "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "source": measured_source(),
        "max_memory_gb": args.max_memory,
        "command": _pythonpath()
        + ".venv/bin/python benchmarks/bench_scale.py "
        + shlex.join(sys.argv[1:] if argv is None else argv),
    }
    done: list[dict[str, Any]] = []
    for n in args.sizes:
        path = ensure_corpus(n, args.workdir, args.timeout, args.max_memory)
        done.extend(measure_size(n, path, args, partial(_save, args, run, done)))
    print(f"wrote {args.output} and {args.markdown}")
    return 0


def _pythonpath() -> str:
    """``PYTHONPATH=... `` when set: it says which checkout the children import (e.g. a
    clean worktree of one commit, while others edit the main one)."""
    path = os.environ.get("PYTHONPATH")
    return f"PYTHONPATH={shlex.quote(path)} " if path else ""


if __name__ == "__main__":
    sys.exit(main())
