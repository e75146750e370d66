"""Benchmark the pages in headless Chromium: time to interactive, next to a vis-network floor.

Measured side by side in one run (Debian's ``/usr/bin/chromium`` through Playwright,
network cut off, 1400x900, a fresh browser context per load):

- **The DeepSeek report** (``graphs/deepseek.yaml``): its maps are lazy and sit in
  collapsed ``<details>``, so two things are timed: the *first screen usable* (from
  navigation until the page's scripts have run at DOMContentLoaded and the next frame
  is painted), and *opening a question map* (a real click on the first question's
  "Map of the question" summary, from the click event until that map reports
  ``data-state="ready"``).
- **The DeepSeek views**: the whole graph and the largest view of each kind (topic,
  question, speaker, document), from navigation until the page's map reports
  ``data-state="ready"``.
- **Views of synthetic graphs** (``arggraph.synthetic``, seed 3) of ``--sizes`` claims:
  the whole-graph view, likewise, as ``arggraph render`` writes it (loading the shared
  ``assets/arggraph-views.js``, a summary per claim in the page, the details in
  ``assets/details/``, loaded on a click).

Next to every map, the **floor**: a bare page holding only vis-network (the same
inlined asset, ``arggraph.render.html.vis_assets()``) and the same nodes and edges
(less the page's own keys, which vis-network ignores), physics off, every position
given (the view's own or, for a physics layout, where the view settled in the
warm-up load), in a canvas of the view's size; ready at the end of its first drawing.
The ratio is the view's median over the floor's.

*Ready* is the end of the task in which the page marks its map ``data-state="ready"``
(the page's own definition of interactive); *settled* is the end of the last drawing
before the map stays undrawn for 0.5 s (the picture the reader is left with, and the
main thread free again).

Each page is loaded once to warm up, then ``--runs`` times (default 3) interleaved
with its floor (the order alternates run by run); the table shows medians. All times
are taken inside the page with ``performance.now()`` (zero = navigation start). Next
to wall time, the main thread's CPU time (Chromium's ``ThreadTime`` metric) shows how
much of the wall time was work rather than waiting for a core on a shared machine.
When a median misses its target, the page is loaded once more under the DevTools
trace and the V8 sampling profiler, and the result file says where the time goes; if
the floor misses the target too, the floor is loaded once more with its edges changed
(dashes off, arrowheads off, no edges) to show what its drawing costs.

Reproduce::

    .venv/bin/python benchmarks/bench_render.py                # DeepSeek + 1k and 20k claims
    .venv/bin/python benchmarks/bench_render.py --sizes 1000 --runs 1 --no-profile

Results go to standard output and ``benchmarks/results/render.md``.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench_analysis import machine_description  # run as a script: benchmarks/ is on the path

import arggraph
from arggraph.analysis.objections import claim_statuses_for_display
from arggraph.render.html import SHARED_ASSET, script_json, shared_asset_text, vis_assets
from arggraph.render.overview import overview_view
from arggraph.render.page_workers import default_jobs
from arggraph.render.pages import page_names, view_page
from arggraph.render.report import build_report
from arggraph.render.views import (
    DETAILS_DIR,
    GraphView,
    all_views,
    details_files,
    view_keys,
    whole_view,
)
from arggraph.synthetic import synthetic_graph, write_synthetic_corpus

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results" / "render.md"
RESULTS_JSON = HERE / "results" / "render.json"
DEEPSEEK = ROOT / "graphs" / "deepseek.yaml"
CHROMIUM = "/usr/bin/chromium"
FLAGS = [  # as tests/render/conftest.py
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 900}
FIRST_SCREEN_TARGET = 1.0
"""Seconds: the DeepSeek report's first screen, opening one of its maps, each view."""
RATIO_TARGET = 1.2
"""Issue 12: a view is ready in at most this many times its floor (1k, 5k, 20k claims)."""
RENDER_TARGET = (10.0, 1024.0)
"""Issue 12: ``arggraph render`` of 10,000 claims in at most 10 s and 1 GB."""
RENDER_MEMORY_CAP = 4 * 1024**3
"""Address-space cap of the ``render`` child (bytes), so a runaway run never crowds others."""

PAGE_KEYS = frozenset(
    {"kind", "topics", "speakers", "documents", "central", "guest", "answer", "relation"}
    | {"undercut", "height"}
)
"""What the floor drops of each node and edge: the page's own keys, which vis-network ignores."""

INSTRUMENT = r"""
(() => {
  const b = window.__bench = {marked: {}, ready: {}, networks: [], clicks: []};
  const now = () => performance.now();
  /* when the page marks a map: at the call, and when that task ends (the observer) */
  const set = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name, value) {
    if (name === "data-state") {
      const key = this.getAttribute("data-key");
      (b.marked[key] = b.marked[key] || {})[value] = now();
    }
    return set.call(this, name, value);
  };
  new MutationObserver((records) => {
    const t = now();
    for (const r of records) {
      const key = r.target.getAttribute("data-key");
      if (r.target.getAttribute("data-state") === "ready" && !(key in b.ready)) b.ready[key] = t;
    }
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-state"]});
  document.addEventListener("click", (e) => b.clicks.push(e.timeStamp), true);
  document.addEventListener("DOMContentLoaded", () => {
    b.dcl = now();
    requestAnimationFrame(() => { b.frame = now(); setTimeout(() => { b.usable = now(); }, 0); });
  });
  /* every vis.Network: construction, each drawing (start, end), stabilisation */
  function wrap(Original) {
    function Network(container, data, options) {
      const owner = container.closest ? container.closest("[data-key]") : null;
      const rec = {key: owner ? owner.getAttribute("data-key") : null, start: now(),
                   draws: [], batches: 0};
      b.networks.push(rec);
      const network = new Original(container, data, options);
      rec.built = now();
      let drawStart = 0;
      network.on("beforeDrawing", () => { drawStart = now(); });
      network.on("afterDrawing", () => { rec.draws.push([drawStart, now()]); });
      network.on("stabilizationProgress", () => { rec.batches += 1; });
      network.on("stabilizationIterationsDone", () => { rec.stabilised = now(); });
      return network;
    }
    Network.prototype = Original.prototype;
    return Network;
  }
  let vis;
  Object.defineProperty(window, "vis", {
    configurable: true, enumerable: true,
    get() { return vis; },
    set(value) {
      vis = value;
      let network;
      Object.defineProperty(value, "Network", {
        configurable: true, enumerable: true,
        get() { return network; }, set(N) { network = wrap(N); },
      });
    },
  });
})();
"""
"""Installed before the page's own scripts: marks taken inside the page, no page changes."""

FLOOR_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>vis-network floor</title>
<style>{vis_css}</style><style>html, body {{ margin: 0; }}</style></head>
<body><section id="floor" data-key="floor">
<div class="ag-canvas" style="width: {width:.0f}px; height: {height:.0f}px"></div>
</section>
<script type="application/json" id="floor-data">{data}</script>
<script>{vis_js}</script>
<script>
(function () {{
  var data = JSON.parse(document.getElementById("floor-data").textContent);
  var section = document.getElementById("floor");
  var network = new vis.Network(section.querySelector(".ag-canvas"),
    {{ nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) }}, data.options);
  network.once("afterDrawing", function () {{ section.setAttribute("data-state", "ready"); }});
}})();
</script>
</body></html>
"""

_BLOB = re.compile(r'<script type="application/json" id="([^"]+)">(.*?)</script>', re.DOTALL)


@dataclass
class Subject:
    """One page to time, its floor, and what was measured."""

    group: str
    name: str
    path: Path
    key: str  # the map whose readiness counts
    target: float | None
    megabytes: float
    nodes: int
    edges: int
    layout: str
    build: float | None = None  # seconds to build the page in Python
    report: bool = False  # the report: first screen, then a click opens the map
    floor: Path | None = None
    runs: list[dict[str, Any]] = field(default_factory=list)
    floor_runs: list[dict[str, Any]] = field(default_factory=list)
    profile: dict[str, Any] | None = None
    floor_profile: dict[str, Any] | None = None
    floor_inputs: tuple[dict[str, Any], dict[str, Any], dict[str, float]] | None = None
    variants: dict[str, dict[str, Any]] = field(default_factory=dict)
    ratio_target: float | None = None  # issue 12: ready / floor at most this
    size: int | None = None  # claims in the graph (synthetic pages)


# ---------------------------------------------------------------- pages


def page_blob(html: str, key: str) -> dict[str, Any]:
    """The JSON data of the map ``key`` inside a page."""
    for _, text in _BLOB.findall(html):
        if f'"key":"{key}"' in text[:200]:
            return json.loads(text)
    raise KeyError(key)


def floor_html(blob: dict[str, Any], positions: dict[str, Any], size: dict[str, float]) -> str:
    """A bare vis-network page of the same nodes and edges, physics off, positions given."""
    nodes = []
    for node in blob["nodes"]:
        kept = {k: v for k, v in node.items() if k not in PAGE_KEYS}
        if node["id"] in positions:
            kept["x"], kept["y"] = positions[node["id"]]["x"], positions[node["id"]]["y"]
        if "x" not in kept:
            raise ValueError(f"no position for node {node['id']!r}")
        nodes.append(kept)
    edges = [{k: v for k, v in e.items() if k not in PAGE_KEYS} for e in blob["edges"]]
    options = json.loads(json.dumps(blob["options"]))
    options["physics"] = {"enabled": False}
    vis_js, vis_css = vis_assets()
    data = script_json({"nodes": nodes, "edges": edges, "options": options})
    return FLOOR_PAGE.format(
        vis_css=vis_css, vis_js=vis_js, data=data, width=size["width"], height=size["height"]
    )


def view_subject(
    group: str, name: str, graph: Any, view: GraphView, statuses: Any, tmp: Path, target: float
) -> Subject:
    """A view's page, standalone; or, with ``view.details_href`` set, loading the
    shared asset file (which the caller writes into ``tmp``) as ``arggraph render``'s do."""
    start = time.perf_counter()
    shared = SHARED_ASSET if view.details_href else None
    html = view_page(
        graph, view, statuses=statuses, index_href=None, whole_href=None, shared_assets=shared
    )
    build = time.perf_counter() - start
    path = tmp / f"{group}-{view.key.replace(':', '~')}.html"
    path.write_text(html, encoding="utf-8")
    counts = view.counts
    return Subject(
        group=group,
        name=name,
        path=path,
        key=view.key,
        target=target,
        megabytes=path.stat().st_size / 1e6,
        nodes=counts["nodes"],
        edges=counts["edges"],
        layout=view.layout,
        build=build,
    )


def deepseek_subjects(graph_path: Path, tmp: Path) -> list[Subject]:
    """The DeepSeek report, its whole graph and the largest view of each kind."""
    graph = arggraph.load(graph_path)
    start = time.perf_counter()
    report = build_report(graph)
    build = time.perf_counter() - start
    path = tmp / "deepseek-report.html"
    path.write_text(report, encoding="utf-8")
    first_map = re.search(
        r'<section class="ag-view[^"]*" data-blob="[^"]+" data-key="([^"]+)"', report
    )
    if first_map is None:
        raise SystemExit("the report has no map")
    blob = page_blob(report, first_map.group(1))
    subjects = [
        Subject(
            group="DeepSeek",
            name=f"report (first screen; then open map {first_map.group(1)})",
            path=path,
            key=first_map.group(1),
            target=FIRST_SCREEN_TARGET,
            megabytes=path.stat().st_size / 1e6,
            nodes=len(blob["nodes"]),
            edges=len(blob["edges"]),
            layout=blob["layout"],
            build=build,
            report=True,
        )
    ]
    statuses = claim_statuses_for_display(graph)
    views = all_views(graph, statuses=statuses)
    for kind in ("graph", "topic", "question", "speaker", "document"):
        of_kind = [v for v in views if v.kind == kind]
        if not of_kind:
            continue
        view = max(of_kind, key=lambda v: (len(v.nodes) + len(v.edges), v.key))
        name = "whole graph" if kind == "graph" else f"largest {kind}: {view.item_id}"
        subjects.append(
            view_subject("DeepSeek", name, graph, view, statuses, tmp, FIRST_SCREEN_TARGET)
        )
    return subjects


def synthetic_subject(n: int, tmp: Path) -> Subject:
    """The whole-graph page as ``arggraph render`` writes it: the shared asset file and
    the claims' details files beside it, a summary per claim in the page."""
    graph = synthetic_graph(n, seed=3)
    statuses = claim_statuses_for_display(graph)
    start = time.perf_counter()
    view = whole_view(graph, statuses=statuses)
    view.details_href = DETAILS_DIR
    seconds = time.perf_counter() - start
    folder = tmp / f"render-page-{n}"
    (folder / DETAILS_DIR).mkdir(parents=True)
    (folder / SHARED_ASSET).write_text(shared_asset_text(), encoding="utf-8")
    for name, text in details_files(view):
        (folder / DETAILS_DIR / name).write_text(text, encoding="utf-8")
    subject = view_subject(
        f"synthetic {n:,}", "whole graph", graph, view, statuses, folder, view_target(n)
    )
    subject.build = (subject.build or 0) + seconds
    subject.ratio_target = RATIO_TARGET
    subject.size = n
    return subject


def overview_subject(n: int, tmp: Path) -> Subject:
    """The overview page that ``render`` writes as graph.html for a graph this large.

    The synthetic graph asks questions here (``stance_share``), so that the overview
    shows question nodes beside their topics, as a real corpus would.
    """
    graph = synthetic_graph(n, seed=3, stance_share=0.3, sub_question_share=0.3)
    statuses = claim_statuses_for_display(graph)
    start = time.perf_counter()
    view = overview_view(graph, page_names(view_keys(graph)))
    html = view_page(graph, view, statuses=statuses, index_href=None, whole_href=None)
    build = time.perf_counter() - start
    path = tmp / f"overview-{n}.html"
    path.write_text(html, encoding="utf-8")
    return Subject(
        group=f"synthetic {n:,}",
        name="overview",
        path=path,
        key=view.key,
        target=FIRST_SCREEN_TARGET,
        megabytes=path.stat().st_size / 1e6,
        nodes=len(view.nodes),
        edges=len(view.edges),
        layout="precomputed",
        build=build,
        size=n,
    )


RENDER_CHILD = """
import json, os, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))
from arggraph.cli import main
code = main(sys.argv[1:])
usage = {{k: resource.getrusage(getattr(resource, "RUSAGE_" + k.upper()))
          for k in ("self", "children")}}
peaks = {{k: u.ru_maxrss for k, u in usage.items()}}
peaks.update({{k + "_cpu": u.ru_utime + u.ru_stime for k, u in usage.items()}})
with open(os.environ["ARGGRAPH_BENCH_PEAKS"], "w") as handle:
    json.dump(peaks, handle)
sys.exit(code)
"""


def render_stage(
    n: int, tmp: Path, runs: int, baseline: Path | None = None, jobs: list[int] | None = None
) -> list[dict[str, Any]]:
    """``arggraph render`` of a synthetic graph file of ``n`` claims, in a child process.

    Per run: wall seconds, the child's CPU seconds (with its worker processes') and peak
    memory, files and megabytes written. Load and quote checks are included: it is the
    command a user runs. Ours runs once per value of ``jobs`` (``--jobs J``; None: the
    default). With ``baseline`` (the ``src`` folder of another checkout, put first on the
    child's path) that code's render runs too. The codes alternate within each run, in
    reverse order in even runs.
    """
    corpus = write_synthetic_corpus(tmp / f"corpus-{n}", n, fmt="json", seed=3)
    stages: dict[str, dict[str, Any]] = {}
    if baseline is not None:
        stages["baseline"] = {"n": n, "runs": [], "code": str(baseline)}
    values: list[int | None] = list(jobs) if jobs else [None]
    for j in values:
        stages[f"ours-{j}"] = {"n": n, "runs": [], "jobs": j}
    for run in range(runs):
        order = list(stages) if run % 2 == 0 else list(reversed(stages))
        for which in order:
            stage = stages[which]
            out = tmp / f"render-{n}-{run}-{which}"
            src = baseline if which == "baseline" else None
            result = _render_once(corpus, out, src, stage.get("jobs"))
            if "error" in result:
                stage["error"] = result["error"]
                continue
            stage["runs"].append(result)
            print(
                f"render {n:,} {which} run {run + 1}: {result['seconds']:.1f} s, "
                f"{result['cpu']:.1f} CPU s, {result['pss_mb']:.0f} MB PSS",
                flush=True,
            )
    return list(stages.values())


def _render_once(corpus: Path, out: Path, src: Path | None, jobs: int | None) -> dict[str, Any]:
    """One ``arggraph render`` child (with ``src`` first on its path when given).

    CPU time comes from ``wait4`` (the child's and its reaped workers'). Memory: the
    child's own peak (``RUSAGE_SELF``) and its workers' largest (``RUSAGE_CHILDREN``),
    as it reports them, and the largest sum of the proportional set size (PSS: a page
    shared by k processes counts 1/k in each) of the child and its workers, sampled
    every 0.1 s: resident sizes count the pages a forked worker shares with its parent
    in both.
    """
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    peaks_file = out.parent / f"{out.name}.peaks.json"
    env["ARGGRAPH_BENCH_PEAKS"] = str(peaks_file)
    command = [
        sys.executable,
        "-c",
        RENDER_CHILD.format(cap=RENDER_MEMORY_CAP),
        *("render", str(corpus), "-o", str(out)),
        *(("--jobs", str(jobs)) if jobs is not None else ()),
    ]
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        sampler = PssSampler(child.pid)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        sampler.stop()
        child.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace").strip()
    if child.returncode != 0:
        return {"error": stderr.splitlines()[-1][:200] if stderr else "?"}
    peaks = json.loads(peaks_file.read_text(encoding="utf-8"))
    files = [p for p in out.rglob("*") if p.is_file()]
    result = {
        "seconds": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "parent_peak_mb": peaks["self"] / 1024,
        "workers_peak_mb": peaks["children"] / 1024,
        "parent_cpu": peaks["self_cpu"],
        "workers_cpu": peaks["children_cpu"],
        "pss_mb": sampler.peak_kb / 1024,
        "files": len(files),
        "megabytes": sum(p.stat().st_size for p in files) / 1e6,
        "load_average": os.getloadavg()[0],
    }
    subprocess.run(["rm", "-rf", str(out)], check=False)
    return result


class PssSampler(threading.Thread):
    """The largest total PSS of a process and its children, sampled every 0.1 s (Linux's
    ``/proc``; 0 elsewhere)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.1):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _tree(self.pid)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    """``pid`` and its children (one level: the render's workers)."""
    pids = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            pids += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    return pids


def _pss_kb(pid: int) -> int:
    """A process's proportional set size in KB (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def render_lines(stages: list[dict[str, Any]]) -> list[str]:
    """The render table: per code and ``--jobs``, wall and CPU seconds, and memory (the
    parent's peak, its workers' largest, their sum, and the largest total PSS)."""
    rows = [
        "| claims | code | jobs | `arggraph render` wall s | CPU s | parent CPU s "
        "| CPU / baseline CPU "
        "| parent peak MB | largest worker peak MB | parent + (jobs - 1) x worker MB "
        "| total PSS peak MB | files | MB written | target | met |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    base_cpu = {s["n"]: _m(s["runs"], "cpu") for s in stages if "code" in s and "error" not in s}
    for stage in stages:
        code = f"baseline ({stage['code']})" if "code" in stage else "this commit"
        jobs = "-" if "code" in stage else str(stage.get("jobs") or "default")
        if "error" in stage or not stage["runs"]:
            rows.append(
                f"| {stage.get('n', '?')} | {code} | {jobs} | {stage.get('error', '?')} |"
                + " |" * 11
            )
            continue
        runs = stage["runs"]
        wall, cpu = _m(runs, "seconds"), _m(runs, "cpu")
        parent, worker = _peak(runs, "parent_peak_mb"), _peak(runs, "workers_peak_mb")
        # the parent writes a share itself: jobs - 1 workers
        total = parent + ((stage.get("jobs") or default_jobs()) - 1) * worker
        pss = _peak(runs, "pss_mb")
        met = wall is not None and wall <= RENDER_TARGET[0] and pss <= RENDER_TARGET[1]
        target = f"<= {RENDER_TARGET[0]:g} s, <= {RENDER_TARGET[1]:g} MB"
        base = base_cpu.get(stage["n"])
        ratio = f"{cpu / base:.2f}" if cpu and base and "code" not in stage else "-"
        rows.append(
            f"| {stage['n']:,} | {code} | {jobs} | {_spread(runs, 'seconds')} | {_f(cpu)} "
            f"| {_f(_m(runs, 'parent_cpu'))} | {ratio} | {parent:.0f} | {worker:.0f} "
            f"| {total:.0f} | {pss:.0f} "
            f"| {runs[0]['files']:,} | {runs[0]['megabytes']:.0f} "
            f"| {target} | {'yes' if met else '**no**'} |"
        )
    return rows


def _peak(runs: list[dict[str, Any]], key: str) -> float:
    """The largest of the runs' ``key`` (0 where not measured)."""
    return max((r.get(key) or 0.0) for r in runs)


def view_target(n: int) -> float | None:
    """Issue 13's targets: views of 1k claims < 1 s, of 20k claims < 4 s."""
    if n <= 1000:
        return 1.0
    if n <= 20_000:
        return 4.0
    return None


# ---------------------------------------------------------------- loading


def _open(browser: Any) -> tuple[Any, Any, Any]:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
    )
    page.add_init_script(INSTRUMENT)
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    return context, page, cdp


def _thread_time(cdp: Any) -> float:
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return float(metrics.get("ThreadTime", float("nan")))


def _wait_ready(page: Any, key: str, timeout_s: float) -> None:
    """Until map ``key`` is marked ready."""
    page.wait_for_function(
        "key => window.__bench && key in window.__bench.ready", arg=key, timeout=timeout_s * 1000
    )


def _wait_settled(page: Any, key: str, timeout_s: float) -> None:
    """Until the drawing of map ``key`` has gone quiet after it was ready."""
    page.wait_for_function(
        f"key => {QUIET_JS}",
        arg=key,
        timeout=timeout_s * 1000,
        polling=100,
    )


QUIET_MS = 500
QUIET_JS = f"""{{
  const b = window.__bench, n = b.networks.find(n => n.key === key);
  const ends = (n ? n.draws : []).map(d => d[1]);
  b.quiet = Math.max(b.ready[key], ...ends);
  return performance.now() - b.quiet > {QUIET_MS};
}}"""
"""Settled: no drawing of the map for this long after the last one (or after ready)."""


def _map_times(bench: dict[str, Any], key: str, origin: float) -> dict[str, Any]:
    """Seconds from ``origin`` (ms): construction, drawings, ready, settled."""
    network = next((n for n in bench["networks"] if n["key"] == key), None)
    marked = bench["marked"].get(key, {})
    ready = bench["ready"][key]
    out: dict[str, Any] = {
        "init": (marked.get("drawing", ready) - origin) / 1000,
        "ready": (ready - origin) / 1000,
        "ready_mark": (marked.get("ready", ready) - origin) / 1000,
        "settled": (ready - origin) / 1000,
    }
    if network is None:
        return out
    draws = network["draws"]
    out["new_network"] = (network["start"] - origin) / 1000
    out["built"] = (network["built"] - origin) / 1000
    out["stabilised"] = (
        (network["stabilised"] - origin) / 1000 if network.get("stabilised") else None
    )
    out["batches"] = network["batches"]
    out["draws_before_ready"] = sum(1 for d in draws if d[0] < marked.get("ready", ready))
    out["draws_after_ready"] = len(draws) - out["draws_before_ready"]
    out["first_draw"] = (draws[0][1] - origin) / 1000 if draws else None
    out["draw_ms"] = [round(d[1] - d[0], 1) for d in draws]
    out["draws_in_ready_task"] = sum(1 for d in draws if marked.get("ready", ready) <= d[0] < ready)
    out["settled"] = (max([ready, *(d[1] for d in draws)]) - origin) / 1000
    return out


def load_view(browser: Any, path: Path, key: str, timeout_s: float) -> dict[str, Any]:
    """One load of a view (or floor) page: times in seconds from navigation start."""
    context, page, cdp = _open(browser)
    try:
        load_before = os.getloadavg()[0]
        page.goto(path.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
        _wait_ready(page, key, timeout_s)
        cpu = _thread_time(cdp)
        _wait_settled(page, key, timeout_s)
        cpu_settled = _thread_time(cdp)
        bench = page.evaluate("window.__bench")
        nav = page.evaluate(
            "(() => { const n = performance.getEntriesByType('navigation')[0];"
            " return {dcl: n.domContentLoadedEventStart, load: n.loadEventEnd}; })()"
        )
        size = page.evaluate(
            'key => { const s = document.querySelector(`[data-key="${key}"] .ag-canvas`);'
            " const r = s.getBoundingClientRect(); return {width: r.width, height: r.height}; }",
            key,
        )
        positions = None
        if key != "floor":
            positions = page.evaluate(
                "key => window.arggraph.views[key].network.getPositions()", key
            )
        out = _map_times(bench, key, 0.0)
        out.update(
            dcl=nav["dcl"] / 1000,
            cpu=cpu,
            cpu_settled=cpu_settled,
            load_average=load_before,
            size=size,
            positions=positions,
        )
        return out
    finally:
        context.close()


def load_report(browser: Any, path: Path, key: str, timeout_s: float) -> dict[str, Any]:
    """The report: first screen usable, then a click opens map ``key`` until it is ready."""
    context, page, cdp = _open(browser)
    try:
        load_before = os.getloadavg()[0]
        page.goto(path.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
        page.wait_for_function(
            "window.__bench && window.__bench.usable !== undefined", timeout=timeout_s * 1000
        )
        cpu_first = _thread_time(cdp)
        first = page.evaluate(
            """(() => { const b = window.__bench, n = performance.getEntriesByType('navigation')[0];
               const fcp = performance.getEntriesByName('first-contentful-paint')[0];
               return {usable: b.usable, frame: b.frame, dcl: n.domContentLoadedEventStart,
                       fcp: fcp ? fcp.startTime : null, drawn: Object.keys(b.ready).length}; })()"""
        )
        summary = page.locator(f'details.ag-map:has(section[data-key="{key}"]) > summary').first
        clicks_before = len(page.evaluate("window.__bench.clicks"))
        summary.click(timeout=timeout_s * 1000)
        _wait_ready(page, key, timeout_s)
        cpu_map = _thread_time(cdp)
        _wait_settled(page, key, timeout_s)
        cpu_settled = _thread_time(cdp)
        bench = page.evaluate("window.__bench")
        size = page.evaluate(
            'key => { const r = document.querySelector(`[data-key="${key}"] .ag-canvas`)'
            ".getBoundingClientRect(); return {width: r.width, height: r.height}; }",
            key,
        )
        clicked = bench["clicks"][clicks_before]
        out = {f"map_{k}": v for k, v in _map_times(bench, key, clicked).items()}
        out.update(
            usable=first["usable"] / 1000,
            frame=first["frame"] / 1000,
            dcl=first["dcl"] / 1000,
            fcp=(first["fcp"] or 0) / 1000,
            maps_drawn_at_first_screen=first["drawn"],
            cpu=cpu_first,
            map_cpu=cpu_map - cpu_first,
            map_cpu_settled=cpu_settled - cpu_first,
            load_average=load_before,
            size=size,
        )
        return out
    finally:
        context.close()


def load(browser: Any, subject: Subject, timeout_s: float, *, floor: bool = False) -> dict:
    try:
        if floor:
            assert subject.floor is not None
            return load_view(browser, subject.floor, "floor", timeout_s)
        if subject.report:
            return load_report(browser, subject.path, subject.key, timeout_s)
        return load_view(browser, subject.path, subject.key, timeout_s)
    except Exception as exc:  # a benchmark reports a failure, it does not stop on it
        return {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]}"}


def make_floor(subject: Subject, warm: dict[str, Any], tmp: Path) -> None:
    html = subject.path.read_text(encoding="utf-8")
    blob = page_blob(html, subject.key)
    positions = warm.get("positions") or {}
    if subject.report:  # the report's map: no positions in its data are left to physics
        positions = {}
    path = tmp / f"floor-{subject.path.stem}.html"
    path.write_text(floor_html(blob, positions, warm["size"]), encoding="utf-8")
    subject.floor = path
    subject.floor_inputs = (blob, positions, warm["size"])


VARIANTS: dict[str, Any] = {
    "rebuttals drawn solid (dashes off)": lambda e: {**e, "dashes": False},
    "no arrowheads": lambda e: {**e, "arrows": ""},
    "dashes and arrowheads off": lambda e: {**e, "dashes": False, "arrows": ""},
    "no edges": None,
}
"""What-ifs on a floor that misses the target itself: what its drawing costs."""


def floor_variants(browser: Any, subject: Subject, tmp: Path, timeout_s: float) -> None:
    """Load the floor once with each of :data:`VARIANTS` applied to its edges."""
    assert subject.floor_inputs is not None
    blob, positions, size = subject.floor_inputs
    for i, (name, change) in enumerate(VARIANTS.items()):
        edges = [change(e) for e in blob["edges"]] if change else []
        path = tmp / f"variant-{i}-{subject.path.stem}.html"
        path.write_text(floor_html({**blob, "edges": edges}, positions, size), encoding="utf-8")
        subject.variants[name] = load_view(browser, path, "floor", timeout_s)


# ---------------------------------------------------------------- profiling


PROFILE_CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "v8",
    "v8.execute",
    "blink",
    "loading",
]
TIMELINE_NAMES = {
    "ParseHTML": "parse HTML",
    "EvaluateScript": "run scripts (top level)",
    "v8.compile": "compile JavaScript",
    "v8.compileModule": "compile JavaScript",
    "V8.CompileCode": "compile JavaScript",
    "FunctionCall": "JavaScript (callbacks)",
    "TimerFire": "JavaScript (callbacks)",
    "FireAnimationFrame": "JavaScript (callbacks)",
    "EventDispatch": "JavaScript (callbacks)",
    "RunMicrotasks": "JavaScript (callbacks)",
    "v8.run": "JavaScript (callbacks)",
    "MajorGC": "garbage collection",
    "MinorGC": "garbage collection",
    "V8.GCScavenger": "garbage collection",
    "V8.GCFinalizeMC": "garbage collection",
    "BlinkGC.AtomicPhase": "garbage collection",
    "ThreadState::performIdleLazySweep": "garbage collection",
    "UpdateLayoutTree": "style and layout",
    "Layout": "style and layout",
    "RecalculateStyles": "style and layout",
    "PrePaint": "paint",
    "Paint": "paint",
    "PaintImage": "paint",
    "Layerize": "paint",
    "UpdateLayer": "paint",
    "UpdateLayerTree": "paint",
    "CompositeLayers": "paint",
    "Commit": "paint",
    "ResourceReceivedData": "load the file",
    "ResourceReceiveResponse": "load the file",
    "ResourceSendRequest": "load the file",
}


def _main_thread(events: list[dict[str, Any]]) -> tuple[int, int] | None:
    """(pid, tid) of the renderer main thread that parsed the page."""
    for e in events:
        if e.get("name") == "ParseHTML" and "file:" in json.dumps(e.get("args", {})):
            return e["pid"], e["tid"]
    names = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain"
    }
    return next(iter(names), None)


def timeline_summary(trace: dict[str, Any], end_ms: float) -> dict[str, Any]:
    """Main-thread self time (wall and CPU) by activity, from navigation to ``end_ms``."""
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    thread = _main_thread(events)
    if thread is None:
        return {}
    nav = [
        e["ts"]
        for e in events
        if e.get("name") == "navigationStart" and (e["pid"], e["tid"]) == thread
    ]
    mine = [
        e
        for e in events
        if (e.get("pid"), e.get("tid")) == thread and e.get("ph") == "X" and "dur" in e
    ]
    if not mine:
        return {}
    origin = max(nav) if nav else min(e["ts"] for e in mine)
    stop = origin + end_ms * 1000
    mine = [e for e in mine if origin <= e["ts"] <= stop]
    mine.sort(key=lambda e: (e["ts"], -e["dur"]))
    wall: dict[str, float] = defaultdict(float)
    cpu: dict[str, float] = defaultdict(float)
    tasks = {"wall": 0.0, "cpu": 0.0, "count": 0, "longest": 0.0}
    stack: list[tuple[dict[str, Any], str]] = []

    def close(until: float) -> None:
        while stack and stack[-1][0]["ts"] + stack[-1][0]["dur"] <= until:
            stack.pop()

    for e in mine:
        close(e["ts"])
        label = TIMELINE_NAMES.get(e["name"])
        if e["name"] in ("RunTask", "ThreadControllerImpl::RunTask") and not stack:
            tasks["wall"] += e["dur"] / 1e6
            tasks["cpu"] += e.get("tdur", 0) / 1e6
            tasks["count"] += 1
            tasks["longest"] = max(tasks["longest"], e["dur"] / 1e6)
        if label is None:
            continue
        # self time: an activity inside another labelled activity is taken out of it
        parent = next((s for s in reversed(stack) if s[1]), None)
        wall[label] += e["dur"] / 1e6
        cpu[label] += e.get("tdur", 0) / 1e6
        if parent is not None:
            wall[parent[1]] -= e["dur"] / 1e6
            cpu[parent[1]] -= e.get("tdur", 0) / 1e6
        stack.append((e, label))
    return {
        "activities": {k: (round(wall[k], 3), round(cpu[k], 3)) for k in wall},
        "tasks": tasks,
        "window_us": (origin, stop),
    }


def _script_ranges(html: str) -> list[tuple[str, int, int]]:
    """(name, first offset, last offset) of each inline script we can name."""
    vis_js, _ = vis_assets()
    out = []
    for match in re.finditer(r"<script>(.*?)</script>", html, re.DOTALL):
        body = match.group(1)
        if body[:200] == vis_js[:200]:
            name = "vis-network"
        elif "arggraph views" in body[:200]:
            name = "arggraph.js"
        elif "report's own behaviour" in body[:300]:
            name = "report.js"
        else:
            name = "page script"
        out.append((name, match.start(1), match.end(1)))
    return out


def js_profile_summary(
    profile: dict[str, Any], html: str, window_us: tuple[float, float] | None = None
) -> dict[str, Any]:
    """Self and total time per function from a V8 CPU profile of one load.

    Only samples inside ``window_us`` (trace clock, microseconds) count. vis-network is
    minified: its class methods are anonymous ``value`` functions, so a function that
    starts right after ``key:"name",value:`` in the source is named ``~name``.
    """
    line_starts = [0]
    for m in re.finditer("\n", html):
        line_starts.append(m.end())
    ranges = _script_ranges(html)
    vis_js, _ = vis_assets()
    keys = [(m.end(), m.group(1)) for m in re.finditer(r'key:"(\w+)",value:', vis_js)]
    vis_start = next((a for n, a, _ in ranges if n == "vis-network"), None)
    exports = dict(  # minified name -> exported name, from `t.DataSet=Kx,t.Network=xT,...`
        (m.group(2), m.group(1)) for m in re.finditer(r"\bt\.([A-Z]\w+)=([\w$]{1,3})\b", vis_js)
    )

    def label(frame: dict[str, Any]) -> str:
        name = frame.get("functionName") or ""
        url = frame.get("url") or ""
        if not url.startswith("file:"):
            return name or "(anonymous)"
        line, column = frame.get("lineNumber", 0), frame.get("columnNumber", 0)
        offset = line_starts[line] + column if line < len(line_starts) else -1
        where = next((n for n, a, b in ranges if a <= offset <= b), "page")
        if where == "vis-network" and vis_start is not None and (name == "value" or len(name) < 3):
            local = offset - vis_start
            at = bisect.bisect_right(keys, (local, "\uffff")) - 1
            if at >= 0 and local - keys[at][0] <= 12:  # `key:"name",value:function(`
                name = "~" + keys[at][1]
            elif name in exports:
                name = exports[name]
            elif name and name != "value":
                name += " (minified)"
            else:
                name = ""
        return f"{where}: {name or '(anonymous)'}"

    nodes = {n["id"]: n for n in profile["nodes"]}
    parent: dict[int, int] = {}
    for n in profile["nodes"]:
        for child in n.get("children", []):
            parent[child] = n["id"]
    labels = {i: label(n["callFrame"]) for i, n in nodes.items()}
    self_ms: dict[str, float] = defaultdict(float)
    total_ms: dict[str, float] = defaultdict(float)
    by_script: dict[str, float] = defaultdict(float)
    clock = profile["startTime"]
    for sample, delta in zip(profile["samples"], profile["timeDeltas"], strict=False):
        clock += delta
        if window_us and not window_us[0] <= clock <= window_us[1]:
            continue
        ms = delta / 1000
        name = labels[sample]
        self_ms[name] += ms
        by_script[name.split(": ", 1)[0] if ": " in name else name] += ms
        seen = set()
        node: int | None = sample
        while node is not None:
            if labels[node] not in seen:
                seen.add(labels[node])
                total_ms[labels[node]] += ms
            node = parent.get(node)
    return {"self": dict(self_ms), "total": dict(total_ms), "by_script": dict(by_script)}


def profile_subject(
    browser: Any, subject: Subject, timeout_s: float, *, floor: bool = False
) -> dict[str, Any]:
    """One more load (of the page or its floor) under the DevTools trace and V8's sampler."""
    path = subject.floor if floor and subject.floor else subject.path
    key = "floor" if floor else subject.key
    report = subject.report and not floor
    context, page, cdp = _open(browser)
    try:
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 250})
        browser.start_tracing(page=page, categories=PROFILE_CATEGORIES)
        cdp.send("Profiler.start")
        page.goto(path.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
        if report:
            page.wait_for_function(
                "window.__bench && window.__bench.usable !== undefined", timeout=timeout_s * 1000
            )
            summary = f'details.ag-map:has(section[data-key="{key}"]) > summary'
            page.locator(summary).first.click()
        _wait_ready(page, key, timeout_s)
        profile = cdp.send("Profiler.stop")["profile"]
        trace = json.loads(browser.stop_tracing())
        bench = page.evaluate("window.__bench")
        end_ms = max(bench["ready"].values()) + 50
        times = _map_times(bench, key, 0.0)
    finally:
        context.close()
    html = path.read_text(encoding="utf-8")
    timeline = timeline_summary(trace, end_ms)
    return {
        "times": times,
        "timeline": timeline,
        "js": js_profile_summary(profile, html, timeline.get("window_us")),
    }


# ---------------------------------------------------------------- report


def median(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _m(runs: list[dict[str, Any]], key: str) -> float | None:
    return median([r[key] for r in runs if "error" not in r and r.get(key) is not None])


def _spread(runs: list[dict[str, Any]], key: str) -> str:
    values = [r[key] for r in runs if "error" not in r and r.get(key) is not None]
    if not values:
        errors = {r["error"] for r in runs if "error" in r}
        return "; ".join(sorted(errors)) or "-"
    text = f"**{statistics.median(values):.2f}**"
    if len(values) > 1:
        text += f" ({min(values):.2f}-{max(values):.2f})"
    return text


def _met(value: float | None, target: float | None) -> str:
    if value is None or target is None:
        return "-"
    return "yes" if value < target else "**no**"


def _f(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _floor_drawn(runs: list[dict[str, Any]]) -> float | None:
    """The floor's median from ``new vis.Network`` to ready (no page load)."""
    return median(
        [r["ready"] - r["new_network"] for r in runs if "error" not in r and r.get("new_network")]
    )


def table(subjects: list[Subject]) -> list[str]:
    rows = [
        "| page | map (layout) | nodes / edges | MB | ready s | main-thread CPU to ready s "
        "| settled s | floor s (CPU s) | ready / floor (CPU / CPU) | draws before ready "
        "| target | met |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in subjects:
        if s.report:
            usable = _m(s.runs, "usable")
            rows.append(
                f"| {s.group} report: first screen usable | none drawn "
                f"| - | {s.megabytes:.1f} | {_spread(s.runs, 'usable')} | {_f(_m(s.runs, 'cpu'))} "
                f"| - | - | - | - | < {s.target:g} | {_met(usable, s.target)} |"
            )
            ready = _m(s.runs, "map_ready")
            floor = _floor_drawn(s.floor_runs)
            ratio = ready / floor if ready and floor else None
            rows.append(
                f"| {s.group} report: a click opens map {s.key} | {s.layout} "
                f"| {s.nodes:,} / {s.edges:,} | - | {_spread(s.runs, 'map_ready')} "
                f"| {_f(_m(s.runs, 'map_cpu'))} | {_f(_m(s.runs, 'map_settled'))} "
                f"| {_f(floor)}* | {_f(ratio)} | {_draw_counts(s.runs, 'map_')} "
                f"| < {s.target:g} | {_met(ready, s.target)} |"
            )
            continue
        ready, cpu = _m(s.runs, "ready"), _m(s.runs, "cpu")
        floor, floor_cpu = _m(s.floor_runs, "ready"), _m(s.floor_runs, "cpu")
        ratio = ready / floor if ready and floor else None
        cpu_ratio = cpu / floor_cpu if cpu and floor_cpu else None
        target = f"< {s.target:g}" if s.target else "-"
        met = _met(ready, s.target)
        if s.ratio_target:
            target = f"ratio <= {s.ratio_target:g}"
            met = "-" if ratio is None else "yes" if ratio <= s.ratio_target else "**no**"
        rows.append(
            f"| {s.group}: {s.name} | {s.layout} | {s.nodes:,} / {s.edges:,} | {s.megabytes:.1f} "
            f"| {_spread(s.runs, 'ready')} | {_f(cpu)} | {_f(_m(s.runs, 'settled'))} "
            f"| {_f(floor)} ({_f(floor_cpu)}) | {_f(ratio)} ({_f(cpu_ratio)}) "
            f"| {_draw_counts(s.runs)} | {target} | {met} |"
        )
    return rows


def _draw_counts(runs: list[dict[str, Any]], prefix: str = "") -> str:
    """Drawings before ready in each timed load (afterDrawing events), e.g. ``1, 1, 1``."""
    counts = [
        str(r[prefix + "draws_before_ready"])
        for r in runs
        if "error" not in r and prefix + "draws_before_ready" in r
    ]
    return ", ".join(counts) or "-"


def _middle(runs: list[dict[str, Any]], key: str) -> dict[str, Any] | None:
    ok = sorted(
        (r for r in runs if "error" not in r and r.get(key) is not None), key=lambda r: r[key]
    )
    return ok[len(ok) // 2] if ok else None


def _draws(draw_ms: list[float], in_task: int = 0) -> str:
    """``n (ms, ms, ...)``; the first ``in_task`` marked * ran inside the ready task."""
    if not draw_ms:
        return "0"
    each = [f"{d:.0f}{'*' if i < in_task else ''}" for i, d in enumerate(draw_ms)]
    return f"{len(draw_ms)} ({', '.join(each[:4])}{', ...' if len(each) > 4 else ''})"


def timeline_table(subjects: list[Subject]) -> list[str]:
    rows = [
        "| page (its median run) | parsed | new vis.Network | built | stabilised (batches) "
        "| drawings before ready (ms each) | ready | drawings after (ms each) | settled "
        "| floor: new vis.Network, built, drawn (ms) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in subjects:
        p = "map_" if s.report else ""
        mid = _middle(s.runs, p + "ready")
        if mid is None:
            continue
        floor = _middle(s.floor_runs, "ready")
        floor_text = "-"
        if floor and floor.get("draw_ms"):
            floor_text = (
                f"{floor['new_network']:.2f}, {floor['built']:.2f}, {floor['first_draw']:.2f} "
                f"({floor['draw_ms'][0]:.0f})"
            )
        stab = mid.get(p + "stabilised")
        stab_text = f"{stab:.2f} ({mid.get(p + 'batches', 0)})" if stab else "-"
        before = mid.get(p + "draws_before_ready", 0)
        draw_ms = mid.get(p + "draw_ms", [])
        name = (
            f"{s.group} report: map {s.key}, from the click" if s.report else f"{s.group}: {s.name}"
        )
        rows.append(
            f"| {name} | {'-' if s.report else _f(mid.get('dcl'))} "
            f"| {_f(mid.get(p + 'new_network'))} | {_f(mid.get(p + 'built'))} "
            f"| {stab_text} "
            f"| {_draws(draw_ms[:before])} | {_f(mid[p + 'ready'])} "
            f"| {_draws(draw_ms[before:], mid.get(p + 'draws_in_ready_task', 0))} "
            f"| {_f(mid.get(p + 'settled'))} | {floor_text} |"
        )
    return rows


def profile_lines(subjects: list[Subject]) -> list[str]:
    lines: list[str] = []
    for s in subjects:
        if not s.profile:
            continue
        what = (
            f"{s.group} report, map {s.key} (navigation, first screen, click, ready)"
            if s.report
            else f"{s.group}: {s.name}"
        )
        lines += ["", f"### {what}", "", *_profile_block(s.profile)]
        if s.floor_profile:
            lines += ["", f"Its floor (bare vis-network page, {s.nodes:,} nodes):", ""]
            lines += _profile_block(s.floor_profile)
        if s.variants:
            lines += [
                "",
                "The floor misses the target itself. What its edges cost (the floor page "
                "with its edges changed, one load each):",
                "",
                "| floor variant | ready s | first drawing ms | main-thread CPU s |",
                "|---|---|---|---|",
            ]
            base = _middle(s.floor_runs, "ready")
            if base:
                lines.append(
                    f"| as measured (median run) | {base['ready']:.2f} "
                    f"| {base['draw_ms'][0]:.0f} | {base['cpu']:.2f} |"
                )
            for name, r in s.variants.items():
                if "error" in r:
                    lines.append(f"| {name} | {r['error']} | | |")
                else:
                    lines.append(
                        f"| {name} | {r['ready']:.2f} | {r['draw_ms'][0]:.0f} | {r['cpu']:.2f} |"
                    )
    return lines


def _profile_block(p: dict[str, Any]) -> list[str]:
    times = p["times"]
    lines = [
        "Profiled load (trace and sampler on, so slower than the timed runs): "
        f"ready at {times['ready']:.2f} s from navigation."
    ]
    timeline = p.get("timeline") or {}
    if timeline:
        tasks = timeline["tasks"]
        lines += [
            "",
            f"Main thread until ready: {tasks['count']} tasks, {tasks['wall']:.2f} s wall, "
            f"{tasks['cpu']:.2f} s CPU, longest task {tasks['longest']:.2f} s.",
            "",
            "| activity (self time) | wall s | CPU s |",
            "|---|---|---|",
        ]
        acts = sorted(timeline["activities"].items(), key=lambda kv: -kv[1][0])
        lines += [f"| {k} | {w:.3f} | {c:.3f} |" for k, (w, c) in acts if w >= 0.005]
    js = p["js"]
    sampled = sum(js["self"].values()) / 1000
    by_script = sorted(js["by_script"].items(), key=lambda kv: -kv[1])
    lines += [
        "",
        f"JavaScript sampler, {sampled:.2f} s sampled; by script: "
        + ", ".join(f"{k} {v / 1000:.2f} s" for k, v in by_script if v >= 5)
        + ".",
        "",
        "| function (self time) | self s | function (total time) | total s |",
        "|---|---|---|---|",
    ]
    top_self = sorted(js["self"].items(), key=lambda kv: -kv[1])[:14]
    ours = ("arggraph.js", "vis-network", "page script", "report.js")
    interesting = [(k, v) for k, v in js["total"].items() if k.startswith(ours)]
    top_total = sorted(interesting, key=lambda kv: -kv[1])[:14]
    for i in range(max(len(top_self), len(top_total))):
        a = top_self[i] if i < len(top_self) else None
        b = top_total[i] if i < len(top_total) else None
        lines.append(
            f"| {a[0] if a else ''} | {_f(a[1] / 1000) if a else ''} "
            f"| {b[0] if b else ''} | {_f(b[1] / 1000) if b else ''} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    """Measure every page and its floor, interleaved; write the Markdown results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 20_000])
    parser.add_argument(
        "--overview-sizes", type=int, nargs="*", default=[20_000], help="overview pages"
    )
    parser.add_argument(
        "--render-sizes", type=int, nargs="*", default=[10_000], help="`arggraph render` runs"
    )
    parser.add_argument(
        "--render-baseline",
        type=Path,
        help="the src folder of another checkout: its `arggraph render` runs interleaved with ours",
    )
    parser.add_argument(
        "--render-jobs",
        type=int,
        nargs="*",
        help="run our `arggraph render` with each --jobs value (default: its own default)",
    )
    parser.add_argument(
        "--render-only",
        action="store_true",
        help="only the `arggraph render` runs: rewrite their part of the results, keep the pages'",
    )
    parser.add_argument("--records", type=Path, default=RESULTS_JSON, help="machine-readable")
    parser.add_argument("--graph", type=Path, default=DEEPSEEK, help="the real graph")
    parser.add_argument("--runs", type=int, default=3, help="timed loads per page")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per page load")
    parser.add_argument("--no-profile", action="store_true", help="never profile")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--json", type=Path, help="also write every measurement here")
    parser.add_argument("--only", nargs="*", help="only pages whose name holds one of these")
    args = parser.parse_args(argv)
    if args.render_only:
        return render_only(args, argv)

    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    load_start = os.getloadavg()
    with (
        tempfile.TemporaryDirectory(prefix="arggraph-bench-render-") as tmp_name,
        sync_playwright() as p,
    ):
        tmp = Path(tmp_name)
        # before the browser starts: the waited child's ru_maxrss is then render's own
        renders = [
            s
            for n in args.render_sizes
            for s in render_stage(n, tmp, args.runs, args.render_baseline, args.render_jobs)
        ]
        subjects = deepseek_subjects(args.graph, tmp)
        for n in args.sizes:
            subjects.append(synthetic_subject(n, tmp))
            print(f"built synthetic {n:,}: {subjects[-1].build:.1f} s", flush=True)
        subjects += [overview_subject(n, tmp) for n in args.overview_sizes]
        if args.only:
            subjects = [s for s in subjects if any(w in f"{s.group}: {s.name}" for w in args.only)]
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for s in subjects:  # warm-up: also gives the canvas size and settled positions
            warm = load(browser, s, args.timeout)
            if "error" in warm:
                print(f"warm-up {s.group}: {s.name}: {warm['error']}", flush=True)
                continue
            make_floor(s, warm, tmp)
            load(browser, s, args.timeout, floor=True)
            print(f"warmed {s.group}: {s.name}", flush=True)
        for run in range(args.runs):
            for s in subjects:
                order = [False, True] if run % 2 == 0 else [True, False]
                for floor in order:
                    if floor and s.floor is None:
                        continue
                    result = load(browser, s, args.timeout, floor=floor)
                    (s.floor_runs if floor else s.runs).append(result)
            print(f"run {run + 1} of {args.runs} done", flush=True)
        if not args.no_profile:
            for s in subjects:
                value = _m(s.runs, "map_ready" if s.report else "ready")
                first = _m(s.runs, "usable") if s.report else None
                missed = s.target is not None and (
                    value is None or value >= s.target or (first is not None and first >= s.target)
                )
                if missed:
                    s.profile = profile_subject(browser, s, args.timeout)
                    if s.floor is not None:
                        s.floor_profile = profile_subject(browser, s, args.timeout, floor=True)
                    floor = _m(s.floor_runs, "ready")
                    if s.floor_inputs and s.target and floor and floor >= s.target:
                        floor_variants(browser, s, tmp, args.timeout)
                    print(f"profiled {s.group}: {s.name}", flush=True)
        browser.close()
    elapsed = time.perf_counter() - started
    load_end = os.getloadavg()

    command = ".venv/bin/python benchmarks/bench_render.py " + shlex.join(
        sys.argv[1:] if argv is None else argv
    )
    lines = [
        "# Render benchmark: time to interactive, next to a bare vis-network floor",
        "",
        f"Machine: {machine_description()}; headless Chromium "
        f"{_chromium_version()} ({CHROMIUM}), viewport 1400x900.",
        f"Code: {_code_state()}.",
        f"Load average (1, 5, 15 min) at the start {_load(load_start)}, at the end "
        f"{_load(load_end)}; the whole run took {elapsed / 60:.1f} min.",
        "",
        f"Command: `{command.strip()}`",
        "",
        *table(subjects),
        "",
        *LEGEND,
        "",
        *timeline_table(subjects),
    ]
    if renders:
        lines += ["", *render_paragraph(renders, args.runs)]
    extra = profile_lines(subjects)
    if extra:
        lines += ["", "## Where the time goes (targets missed)", *extra]
    text = "\n".join(lines) + "\n"
    print("\n" + text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    _merge(args.output, text)
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        "group": s.group,
                        "name": s.name,
                        "key": s.key,
                        "runs": [_lean(r) for r in s.runs],
                        "floor_runs": [_lean(r) for r in s.floor_runs],
                        "profile": s.profile,
                    }
                    for s in subjects
                ],
                indent=1,
            ),
            encoding="utf-8",
        )
    args.records.write_text(
        json.dumps(records(subjects, renders, load_start), indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.output} and {args.records}")
    return 0


RENDER_HEAD = "`arggraph render GRAPH -o DIR` of synthetic graphs"


def render_paragraph(renders: list[dict[str, Any]], runs: int) -> list[str]:
    """The render table with the sentence that says how it was measured."""
    return [
        f"{RENDER_HEAD} (seed 3, JSON file, quotes checked), in a child process capped at "
        f"{RENDER_MEMORY_CAP / 1024**3:.0f} GB of address space (its forked workers too); "
        f"medians of {runs} runs (fastest-slowest), CPU = the child's and its workers' user "
        "+ system time (*parent CPU*: the render process's own, its serial part and its "
        "share of the pages: about the wall time when each process has a core to itself); "
        "peaks are `ru_maxrss` (a worker's counts the pages it shares with "
        "the parent), PSS the largest sum over the child and its workers, sampled every 0.1 s:",
        "",
        *render_lines(renders),
    ]


def render_only(args: argparse.Namespace, argv: list[str] | None) -> int:
    """``--render-only``: measure the ``arggraph render`` runs and replace their paragraph
    of the results and their records, keeping the pages' measurements."""
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="arggraph-bench-render-") as tmp_name:
        renders = [
            s
            for n in args.render_sizes
            for s in render_stage(
                n, Path(tmp_name), args.runs, args.render_baseline, args.render_jobs
            )
        ]
    load_end = os.getloadavg()
    command = ".venv/bin/python benchmarks/bench_render.py " + shlex.join(
        sys.argv[1:] if argv is None else argv
    )
    paragraph = [
        *render_paragraph(renders, args.runs),
        "",
        f"Render runs re-measured alone: `{command.strip()}` on {_code_state()}; load "
        f"average at the start {_load(load_start)}, at the end {_load(load_end)}.",
    ]
    print("\n".join(paragraph))
    old = args.output.read_text(encoding="utf-8") if args.output.exists() else MEASURED_END
    measured, _, reading = old.partition(MEASURED_END)
    head, found, tail = measured.partition(RENDER_HEAD)
    rest = tail[tail.index("\n## ") :] if found and "\n## " in tail else "\n"
    text = head.rstrip("\n") + "\n\n" + "\n".join(paragraph) + "\n" + rest.lstrip("\n")
    args.output.write_text(text.rstrip("\n") + "\n\n" + MEASURED_END + reading, encoding="utf-8")
    kept = []
    if args.records.exists():
        kept = [
            r
            for r in json.loads(args.records.read_text(encoding="utf-8"))
            if not str(r.get("stage", "")).startswith("arggraph render")
        ]
    records = kept + render_records(renders, load_start)
    args.records.write_text(json.dumps(records, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output} and {args.records}")
    return 0


def records(
    subjects: list[Subject], renders: list[dict[str, Any]], load: tuple[float, float, float]
) -> list[dict[str, Any]]:
    """One record per measured page or render run: size, stage, seconds, ratio (wall),
    main-thread CPU seconds of the page and its floor and their ratio, peak_mb."""
    out: list[dict[str, Any]] = []
    for s in subjects:
        key = "map_ready" if s.report else "ready"
        ready = _m(s.runs, key)
        floor = _floor_drawn(s.floor_runs) if s.report else _m(s.floor_runs, "ready")
        draws = _draw_counts(s.runs, "map_" if s.report else "")
        cpu, floor_cpu = _m(s.runs, "cpu"), _m(s.floor_runs, "cpu")
        out.append(
            {
                "size": s.size,
                "stage": f"{s.group}: {s.name}",
                "seconds": ready,
                "ratio": round(ready / floor, 3) if ready and floor else None,
                "peak_mb": None,
                "floor_seconds": floor,
                "cpu_seconds": cpu,
                "floor_cpu_seconds": floor_cpu,
                "cpu_ratio": round(cpu / floor_cpu, 3) if cpu and floor_cpu else None,
                "draws_before_ready": [int(d) for d in draws.split(", ")] if draws != "-" else [],
                "load_average_at_start": load[0],
            }
        )
    out += render_records(renders, load)
    return out


def render_records(
    renders: list[dict[str, Any]], load: tuple[float, float, float]
) -> list[dict[str, Any]]:
    """One record per ``arggraph render`` code and ``--jobs``: median wall and CPU seconds,
    memory peaks, and for ours the CPU ratio to the baseline code."""
    out: list[dict[str, Any]] = []
    base_cpu = {s["n"]: _m(s["runs"], "cpu") for s in renders if "code" in s and s.get("runs")}
    for stage in renders:
        runs = stage.get("runs", [])
        if not runs:
            continue
        cpu = _m(runs, "cpu")
        name = "arggraph render"
        if "code" in stage:
            name += " (baseline code)"
        elif stage.get("jobs") is not None:  # CPU of every process: the README shows CPU
            name += (
                f" (--jobs {stage['jobs']}" + (", all processes" if stage["jobs"] > 1 else "") + ")"
            )
        record = {
            "size": stage["n"],
            "stage": name,
            "seconds": round(_m(runs, "seconds") or 0, 2),
            "cpu_seconds": round(cpu or 0, 2),
            "parent_cpu_seconds": round(_m(runs, "parent_cpu") or 0, 2),
            "peak_mb": round(max(r["peak_mb"] for r in runs)),
            "parent_peak_mb": round(_peak(runs, "parent_peak_mb")),
            "workers_peak_mb": round(_peak(runs, "workers_peak_mb")),
            "pss_peak_mb": round(_peak(runs, "pss_mb")),
            "files": runs[0]["files"],
            "megabytes_written": round(runs[0]["megabytes"]),
            "runs": [{k: round(v, 2) for k, v in r.items()} for r in runs],
            "load_average_at_start": load[0],
        }
        base = base_cpu.get(stage["n"])
        if "code" in stage:
            record["code"] = stage["code"]
        else:
            record["jobs"] = stage.get("jobs")
            if base and cpu:
                record["baseline_ratio"] = round(cpu / base, 3)
                record["baseline"] = "baseline code, CPU"
        out.append(record)
    return out


LEGEND = [
    "Seconds from navigation, medians of the timed loads (fastest-slowest in brackets). "
    "*Ready*: the end of the task in which the page marks the map ready (report: first "
    "screen = its scripts run and the next frame painted; map = from the click on its "
    "summary). *Settled*: the end of the last drawing before the map stays undrawn for "
    "0.5 s. *Main-thread CPU*: Chromium's ThreadTime until ready. *Floor*: the bare "
    "vis-network page of the same nodes and edges, physics off, positions given, ready "
    "at the end of its first drawing; * = for the report's map, from `new vis.Network` "
    "to that drawing (no page load), since the map opens in a loaded page.",
    "",
    "Second table (the median run): when the page finished parsing, called "
    "`new vis.Network`, got it back (built), finished stabilising (physics layouts), "
    "and how long each drawing took before and after ready (* = inside the task that "
    "marked it ready).",
]

MEASURED_END = "<!-- end of measured part -->"


def _merge(path: Path, measured: str) -> None:
    """Write the measured part; keep a hand-written reading after the end marker."""
    reading = ""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if MEASURED_END in old:
            reading = old.split(MEASURED_END, 1)[1]
    path.write_text(measured + "\n" + MEASURED_END + reading, encoding="utf-8")


def _lean(run: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in run.items() if k != "positions"}


def _load(values: tuple[float, float, float]) -> str:
    return ", ".join(f"{v:.1f}" for v in values)


def _code_state() -> str:
    """The commit measured, and whether the page code differed from it."""
    import subprocess

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=30, check=False
            ).stdout.strip()
        except OSError:
            return ""

    commit = git("rev-parse", "--short", "HEAD") or "?"
    changed = git("status", "--porcelain", "--", "src/arggraph/render", "src/arggraph/synthetic.py")
    if not changed:
        return f"commit {commit}, page code unchanged"
    files = ", ".join(line[3:] for line in changed.splitlines())
    return f"commit {commit} plus uncommitted changes to {files}"


def _chromium_version() -> str:
    import subprocess

    try:
        out = subprocess.run(
            [CHROMIUM, "--version"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except OSError:
        return "?"
    match = re.search(r"(\d+\.\d+\.\d+\.\d+)", out)
    return match.group(1) if match else "?"


if __name__ == "__main__":
    sys.exit(main())
