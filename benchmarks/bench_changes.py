"""Benchmark diff and timeline on synthetic graphs: time and peak memory per size.

For each size N (claims, about 3N relations, seeded, 30 % of claims answering a
question), a fresh child process builds the graph from data (unchecked: building is
not what is measured), makes a *new* version of it and times:

- ``diff``: ``diff(old, new)`` where the new version rewords 1 % of the statements,
  renames 0.5 % of the claim ids (matched back by statement), removes 1 % of the claims
  with their relations and flips 1 % of the answers. It runs positions and
  contestedness (no leave-one-out) on both versions and the statement matching;
- ``timeline``: ``timeline(new)`` over D dated documents (``--documents``, default 10):
  one positions and contestedness run per document, so its cost is D times a
  positions run on a growing graph.

Peak resident memory (``ru_maxrss``) only grows, so each stage's figure is the peak
of the process so far (both versions of the graph included).

Reproduce::

    .venv/bin/python benchmarks/bench_changes.py --sizes 10000 100000

Results go to standard output and to ``benchmarks/results/changes.md``.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "changes.md"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _new_version(data: dict[str, Any], seed: int) -> dict[str, Any]:
    """Reword 1 %, rename 0.5 %, remove 1 % of the claims; flip 1 % of the answers."""
    rng = random.Random(seed)
    new = copy.deepcopy(data)
    claims = new["claims"]
    n = len(claims)
    picked = rng.sample(range(n), k=max(4, n * 35 // 1000))
    reword, rename, remove, flip = (
        picked[: n // 100],
        picked[n // 100 : n * 15 // 1000],
        set(picked[n * 15 // 1000 : n * 25 // 1000]),
        picked[n * 25 // 1000 :],
    )
    for i in reword:
        claims[i]["statement"] += " Notably uncertain."
    renamed = {}
    for i in rename:
        renamed[claims[i]["id"]] = claims[i]["id"] + "-renamed"
        claims[i]["id"] = renamed[claims[i]["id"]]
    for i in flip:
        claims[i]["stances"] = {
            q: "no" if a == "yes" else "yes" for q, a in claims[i].get("stances", {}).items()
        }
    gone = {claims[i]["id"] for i in remove}
    new["claims"] = [c for i, c in enumerate(claims) if i not in remove]
    relations = []
    for r in new["relations"]:
        r = {
            **r,
            "source": renamed.get(r["source"], r["source"]),
            "target": renamed.get(r["target"], r["target"]),
        }
        if r["source"] not in gone and r["target"] not in gone:
            relations.append(r)
    new["relations"] = relations
    return new


def run_child(n: int, documents: int, topics: int | None) -> None:
    from arggraph.analysis.diff import diff
    from arggraph.analysis.time import timeline
    from arggraph.model import ArgumentGraph
    from arggraph.synthetic import synthetic_graph_data

    data, _texts = synthetic_graph_data(
        n,
        n_documents=documents,
        n_topics=topics,
        stance_share=0.3,
        sub_question_share=0.3,
        seed=1,
    )
    for i, doc in enumerate(data["documents"]):
        doc["date"] = f"2025-{1 + i % 12:02d}-{1 + i // 12 % 28:02d}"
    newer = _new_version(data, seed=2)
    old = ArgumentGraph.model_validate(data, context={"unchecked": True})
    new = ArgumentGraph.model_validate(newer, context={"unchecked": True})
    del data, newer
    for stage, action in (("diff", lambda: diff(old, new)), ("timeline", lambda: timeline(new))):
        gc.collect()
        start, cpu = time.perf_counter(), time.process_time()
        result = action()
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            json.dumps(
                {
                    "n": n,
                    "stage": stage,
                    "seconds": seconds,
                    "cpu": cpu,
                    "peak_mb": _peak_mb(),
                    "summary": repr(result),
                }
            ),
            flush=True,
        )


def _cell(record: dict[str, Any]) -> str:
    return f"{record['seconds']:.1f} ({record['cpu']:.1f} CPU, {record['peak_mb']:.0f} MB)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000])
    parser.add_argument("--documents", type=int, default=10)
    parser.add_argument(
        "--topics", type=int, help="topics (default: one per 50 claims, as synthetic graphs do)"
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, default=3600)
    args = parser.parse_args(argv)
    if args.child is not None:
        run_child(args.child, args.documents, args.topics)
        return 0
    sys.path.insert(0, str(HERE))
    from bench_analysis import machine_description

    rows = []
    for n in args.sizes:
        command = [sys.executable, __file__, "--child", str(n), "--documents", str(args.documents)]
        command += ["--topics", str(args.topics)] if args.topics else []
        done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout)
        if done.returncode != 0:
            print(done.stderr[-2000:], file=sys.stderr)
            return 1
        records = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
        for r in records:
            print(f"{r['n']:>8,} {r['stage']:<9} {r['seconds']:8.2f} s {r['peak_mb']:7.0f} MB")
        rows.append({r["stage"]: r for r in records} | {"n": n})
    lines = [
        "# diff and timeline benchmark",
        "",
        f"Machine: {machine_description()}.",
        "",
        f"Command: `.venv/bin/python benchmarks/bench_changes.py --sizes "
        f"{' '.join(map(str, args.sizes))} --documents {args.documents}"
        + (f" --topics {args.topics}`" if args.topics else "`"),
        "",
        "Wall seconds (CPU seconds of the process, peak resident memory so far in MB with "
        "both versions loaded). The machine was shared with other work: CPU time is the "
        "steadier figure.",
        "",
        "| N claims | diff: wall s (CPU s, MB) | timeline: wall s (CPU s, MB) |",
        "|---|---|---|",
    ]
    for row in rows:
        lines.append(f"| {row['n']:,} | {_cell(row['diff'])} | {_cell(row['timeline'])} |")
    lines += ["", "What each run found:", ""]
    for row in rows:
        for stage in ("diff", "timeline"):
            lines.append(f"- {row['n']:,}, {stage}: `{row[stage]['summary']}`")
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
