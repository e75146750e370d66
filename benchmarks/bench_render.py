"""Benchmark the HTML: render time, file size, and time until the page is interactive.

For each size N (claims, about 3N relations, seeded synthetic graphs), measure in one
run: building the whole-graph view page (``arggraph.render.graph_html``) and the
review report (``render_report``) in Python, their file sizes, and the time headless
Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright, network cut off) takes
from navigation until every graph on the page is drawn and ready for clicks (the
page marks each graph ``data-state="ready"`` once vis-network has stabilised or,
above the precompute threshold, drawn its precomputed layout). The layout column
says which strategy the page chose.

Reproduce::

    .venv/bin/python benchmarks/bench_render.py --sizes 100 1000 10000

Results go to standard output and ``benchmarks/results/render.md``.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_analysis import machine_description  # run as a script: benchmarks/ is on the path

from arggraph.render import graph_html, render_report
from arggraph.render.views import PRECOMPUTE_ABOVE
from arggraph.synthetic import synthetic_graph

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "render.md"
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
READY = (
    "(() => { const s = Array.from(document.querySelectorAll('section.ag-view[data-state]'));"
    " return s.length > 0 && s.every(x => x.dataset.state === 'ready'); })()"
)
"""Every graph that started drawing is drawn (the report draws the rest on scrolling)."""


def time_to_interactive(page: Any, path: Path, timeout_s: float) -> float | str:
    """Seconds from navigation until every graph on the page is ready, or why not.

    The report draws a graph when it scrolls into view: there the first graph is
    scrolled into view once the page has loaded, and the clock runs until it is drawn.
    """
    start = time.perf_counter()
    try:
        page.goto(path.as_uri(), timeout=timeout_s * 1000)
        page.evaluate("document.querySelector('section.ag-view[data-lazy]')?.scrollIntoView()")
        page.wait_for_function(READY, timeout=timeout_s * 1000)
    except Exception as exc:  # a benchmark reports a failure, it does not stop on it
        return f"not ready: {type(exc).__name__}"
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Measure every size and write the Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10_000])
    parser.add_argument("--timeout", type=float, default=300, help="seconds per page load")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    rows = []
    with (
        tempfile.TemporaryDirectory(prefix="arggraph-bench-render-") as tmp,
        sync_playwright() as p,
    ):
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for n in args.sizes:
            graph = synthetic_graph(n, seed=3)
            view_path = Path(tmp) / f"graph-{n}.html"
            start = time.perf_counter()
            html = graph_html(graph)
            view_build = time.perf_counter() - start
            view_path.write_text(html, encoding="utf-8")
            report_path = Path(tmp) / f"report-{n}.html"
            start = time.perf_counter()
            render_report(graph, report_path)
            report_build = time.perf_counter() - start

            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith("file:") else route.abort()
                ),
            )
            view_ready = time_to_interactive(page, view_path, args.timeout)
            page.close()
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            report_ready = time_to_interactive(page, report_path, args.timeout)
            page.close()

            nodes = n + sum(1 for r in graph.relations if graph.is_undercut(r))
            layout = "precomputed" if nodes > PRECOMPUTE_ABOVE else "physics"
            row = (
                f"| {n:,} | {layout} | {view_build:.2f} | {len(html.encode()) / 1e6:.1f} | "
                f"{_fmt(view_ready)} | {report_build:.2f} | "
                f"{report_path.stat().st_size / 1e6:.1f} | {_fmt(report_ready)} |"
            )
            rows.append(row)
            print(row, flush=True)
        browser.close()

    lines = [
        "# Render benchmark",
        "",
        f"Machine: {machine_description()}; headless Chromium ({CHROMIUM}).",
        "",
        "Command: `.venv/bin/python benchmarks/bench_render.py "
        + shlex.join(sys.argv[1:] if argv is None else argv)
        + "`",
        "",
        "Build = seconds in Python; MB = file size; ready = seconds from navigation until "
        "every graph on the page is drawn and interactive (report: loaded, then its first "
        "graph scrolled into view and drawn; the others draw when scrolled to).",
        "",
        "| N claims | layout | view build s | view MB | view ready s | report build s "
        "| report MB | report ready s |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
    ]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\nwrote {args.output}")
    return 0


def _fmt(value: float | str) -> str:
    return f"{value:.2f}" if isinstance(value, float) else value


if __name__ == "__main__":
    sys.exit(main())
