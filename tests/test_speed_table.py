"""The README's speed table is generated from the committed results and cannot drift."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO


def _speed_table() -> ModuleType:
    """benchmarks/speed_table.py, imported from its file (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "speed_table", REPO / "benchmarks" / "speed_table.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


speed_table = _speed_table()

RECORDS = [
    {"size": 10_000, "stage": "json.load", "seconds": 0.1, "cpu_seconds": 0.1, "peak_mb": 90},
    {"size": 10_000, "stage": "load", "seconds": 1.5, "cpu_seconds": 1.0, "peak_mb": 170},
    {"size": 10_000, "stage": "networkx", "seconds": 1.0, "cpu_seconds": 0.5, "peak_mb": 180},
    {"size": 10_000, "stage": "positions", "seconds": 2.0, "cpu_seconds": 1.0, "peak_mb": 240},
    {"size": 10_000, "stage": "alignment", "seconds": 3.0, "cpu_seconds": 3.0, "peak_mb": 300},
    {"size": 10_000, "stage": "camps", "seconds": 1.0, "cpu_seconds": 1.0, "peak_mb": 300},
    {"size": 1_000_000, "stage": "load", "seconds": 90.0, "cpu_seconds": 80.0, "peak_mb": 9000},
    {"size": 1_000_000, "stage": "positions", "error": "out of memory (capped at 16 GB)"},
]


def _readme(tmp_path: Path) -> Path:
    readme = tmp_path / "README.md"
    readme.write_text(
        f"# x\n\n## Speed and scale\n\n{speed_table.BEGIN}\nold\n{speed_table.END}\n\n## Next\n",
        encoding="utf-8",
    )
    return readme


def _results(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    results = tmp_path / "results"
    results.mkdir(exist_ok=True)
    (results / "scale.json").write_text(json.dumps({"records": records}), encoding="utf-8")
    return results


def test_readme_speed_table_matches_the_committed_results() -> None:
    assert speed_table.main(["--check"]) == 0


def test_check_fails_until_the_table_is_regenerated(tmp_path: Path) -> None:
    readme, results = _readme(tmp_path), _results(tmp_path, RECORDS)
    arguments = ["--readme", str(readme), "--results", str(results)]
    assert speed_table.main([*arguments, "--check"]) == 1
    assert speed_table.main(arguments) == 0
    assert speed_table.main([*arguments, "--check"]) == 0
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# x\n\n## Speed and scale\n\n")
    assert text.endswith(f"{speed_table.END}\n\n## Next\n")  # the rest is left alone

    changed = [dict(r) for r in RECORDS]
    changed[3]["cpu_seconds"] = 4.0
    _results(tmp_path, changed)
    assert speed_table.main([*arguments, "--check"]) == 1


def test_table_shows_times_ratios_peaks_and_failures(tmp_path: Path) -> None:
    section = speed_table.speed_section(_results(tmp_path, RECORDS))
    row_10k = next(line for line in section.splitlines() if line.startswith("| 10,000 |"))
    assert "1.00 s (10.0x)" in row_10k  # load: CPU 1.0 s over json.load's 0.1 s
    assert "1.00 s (2.0x)" in row_10k  # positions: CPU 1.0 s over networkx's 0.5 s
    assert "4.00 s" in row_10k  # alignment + camps
    assert "300 MB" in row_10k
    row_1m = next(line for line in section.splitlines() if line.startswith("| 1,000,000 |"))
    assert "out of memory (capped at 16 GB)" in row_1m
    assert row_1m.count("out of memory") == 2  # positions, and the report that needs it
    assert "8.8 GB until it stopped" in row_1m


def test_other_results_add_tables_and_missing_ones_are_skipped(tmp_path: Path) -> None:
    results = _results(tmp_path, RECORDS)
    (results / "formats.json").write_text(
        json.dumps(
            [
                {"size": 100_000, "stage": "json", "seconds": 3.2, "ratio": 2.5},
                {
                    "size": 100_000,
                    "stage": "yaml",
                    "label": "YAML load",
                    "seconds": 9.0,
                    "cpu_seconds": 6.0,
                    "baseline": "json",
                    "baseline_ratio": 1.9,
                },
            ]
        ),
        encoding="utf-8",
    )
    section = speed_table.speed_section(results)
    assert "Reading formats" in section
    assert "| json | 100,000 | 3.20 s (2.5x) |" in section
    assert "| YAML load | 100,000 | 6.00 s (1.9x json) |" in section  # CPU time, baseline named
    assert "Flat tables" not in section  # tables.json is missing


def test_runs_engines_and_notes_in_a_results_file(tmp_path: Path) -> None:
    results = _results(tmp_path, RECORDS)
    runs = [
        {
            "command": "bench_tables.py",
            "records": [
                {"size": 10, "engine": "duckdb", "stage": "grounding", "cpu_seconds": 2.0},
                {"size": 10, "engine": "duckdb", "stage": "grounding", "rows": [10]},
            ],
        }
    ]
    (results / "tables.json").write_text(json.dumps(runs), encoding="utf-8")
    section = speed_table.speed_section(results)
    assert "| grounding (duckdb) | 10 | 2.00 s |" in section


def test_readme_without_markers_is_refused(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# no table\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="no speed table markers"):
        speed_table.main(["--readme", str(readme), "--results", str(tmp_path)])
