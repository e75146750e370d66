"""diff, timeline and merge on the command line, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from arggraph.analysis.diff import diff
from arggraph.io.yaml_json import read_graph
from tests.conftest import DEEPSEEK, WriteFiles
from tests.test_cli import run

GRAPH = """\
arggraph: 1
title: {title}
documents:
  - {{id: talk, title: Talk, date: "2025-02", text: "{text}"}}
speakers:
  - {{id: heim, name: Lennart Heim}}
  - {{id: wagner, name: Lauren Wagner}}
topics:
  - {{id: compute, label: Compute, question: Does compute still decide?}}
claims:
{claims}
relations:
{relations}
"""


def graph_file(title: str, claims: dict[str, tuple[str, str, str]], relations: str = "") -> str:
    """A one-document graph: claims are ``id: (speaker, statement, stance)``."""
    text = " ".join(statement for _, statement, _ in claims.values())
    lines = "\n".join(
        f"  - {{id: {cid}, statement: '{s}', topics: [compute], stances: {{compute: {st}}}, "
        f"attributions: [{{speaker: {who}, document: talk, quote: '{s}'}}]}}"
        for cid, (who, s, st) in claims.items()
    )
    return GRAPH.format(title=title, text=text, claims=lines, relations=relations or "  []")


OLD = graph_file("Old", {"a": ("heim", "Compute still decides.", "yes")})
NEW = graph_file(
    "New",
    {
        "a": ("heim", "Compute still decides.", "yes"),
        "b": ("wagner", "Efficiency beats compute.", "no"),
    },
    "  - {source: b, target: a, kind: rebuts}",
)


@pytest.fixture
def versions(write_files: WriteFiles) -> Path:
    return write_files(**{"old.yaml": OLD, "new.yaml": NEW})


def test_diff_prints_a_changelog(versions: Path) -> None:
    result = run("diff", versions / "old.yaml", versions / "new.yaml")
    assert result.returncode == 0, result.stderr
    assert "claims: 1 added, 0 removed, 0 reworded, 1 unchanged" in result.stdout
    assert "Lauren Wagner: not placed -> no" in result.stdout
    assert "not contested -> #1" in result.stdout
    assert "Lauren Wagner joined the no side" in result.stdout


def test_diff_json_is_the_library_result(versions: Path) -> None:
    result = run("diff", versions / "old.yaml", versions / "new.yaml", "--json")
    assert result.returncode == 0, result.stderr
    expected = diff(read_graph(versions / "old.yaml"), read_graph(versions / "new.yaml"))
    assert json.loads(result.stdout) == expected.model_dump(mode="json")


def test_diff_writes_an_escaped_page_and_never_over_an_input(
    versions: Path, write_files: WriteFiles
) -> None:
    page = versions / "diff.html"
    result = run("diff", versions / "old.yaml", versions / "new.yaml", "-o", page)
    assert result.returncode == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "Efficiency beats compute." in html
    refused = run("diff", versions / "old.yaml", versions / "new.yaml", "-o", versions / "new.yaml")
    assert refused.returncode == 3
    assert "refusing to write over an input" in refused.stderr
    assert (versions / "new.yaml").read_text(encoding="utf-8") == NEW


def test_diff_page_escapes_statements(write_files: WriteFiles) -> None:
    evil = "<script>alert(1)</script> wins."
    folder = write_files(
        **{"old.yaml": OLD, "new.yaml": graph_file("New", {"a": ("heim", evil, "yes")})}
    )
    assert (
        run("diff", folder / "old.yaml", folder / "new.yaml", "-o", folder / "d.html").returncode
        == 0
    )
    html = (folder / "d.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "x.yaml"], "give two graph files"),
        (["diff", "x.yaml", "y.yaml", "--git", "HEAD"], "with --git give one graph file"),
    ],
)
def test_diff_usage_errors(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr


def test_diff_git_reads_the_file_its_includes_and_texts_at_a_revision(
    tmp_path: Path, write_files: WriteFiles
) -> None:
    folder = write_files(**{"g.yaml": OLD})
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(folder)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "g.yaml"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "old"], check=True)
    (folder / "g.yaml").write_text(NEW, encoding="utf-8")
    result = run("diff", "--git", "HEAD", folder / "g.yaml")
    assert result.returncode == 0, result.stderr
    assert "claims: 1 added" in result.stdout
    missing = run("diff", "--git", "no-such-rev", folder / "g.yaml")
    assert missing.returncode == 1
    assert "git cannot read 'no-such-rev'" in missing.stderr


@pytest.mark.slow
def test_diff_of_the_deepseek_graph_against_its_revision_before_the_positions_work() -> None:
    result = run("diff", "--git", "63a7b3c", DEEPSEEK)
    if result.returncode == 1 and "git cannot read" in result.stderr:
        pytest.skip("the revision is not in this clone")
    assert result.returncode == 0, result.stderr
    assert "[compute] Does access to compute still decide who leads in AI?" in result.stdout
    assert "Contested questions that moved" in result.stdout


def test_timeline_lists_the_documents_in_order_and_each_first_answer(
    write_files: WriteFiles,
) -> None:
    folder = write_files(**{"new.yaml": NEW})
    result = run("timeline", folder / "new.yaml")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Documents in order: talk (2025-02)")
    assert "first answer: Lauren Wagner (no)" in result.stdout
    assert "#1 (score" in result.stdout


def test_timeline_json_of_the_deepseek_graph_gives_the_four_documents_in_order() -> None:
    result = run("timeline", DEEPSEEK, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    order = [d["id"] for d in data["documents"]]
    assert order == ["chilson", "podcast", "news", "dunnmon"]  # earliest possible day first
    assert data["documents"][2]["uncertain_with"] == ["chilson", "podcast"]


@pytest.mark.parametrize(
    ("as_of", "speakers"),
    [("2025-02", {"Lennart Heim", "Lauren Wagner"}), ("2025-01", set())],
)
def test_as_of_uses_only_the_documents_published_by_then(
    versions: Path, as_of: str, speakers: set[str]
) -> None:
    result = run("positions", versions / "new.yaml", "--as-of", as_of, "--json")
    assert result.returncode == 0, result.stderr
    [question] = json.loads(result.stdout)["questions"]
    assert {p["name"] for p in question["positions"]} == speakers


def test_as_of_refuses_a_malformed_date_in_one_line(versions: Path) -> None:
    result = run("topics", versions / "new.yaml", "--as-of", "2025-13")
    assert result.returncode == 2  # a bad option value is a usage error
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .endswith(
            "error: argument --as-of: '2025-13' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
            " (e.g. 2025-02-11)"
        )
    )
    assert "Traceback" not in result.stderr


def test_merge_writes_the_merged_graph_and_reports_agreement(versions: Path) -> None:
    out = versions / "merged.yaml"
    result = run("merge", versions / "new.yaml", versions / "old.yaml", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "agreement: claims 67% (1 both drew, of 2 and 1)" in result.stdout
    merged = read_graph(out)
    assert [c.id for c in merged.claims] == ["a", "b"]
    assert (versions / "old.yaml").read_text(encoding="utf-8") == OLD


def test_merge_never_writes_over_an_input(versions: Path) -> None:
    result = run("merge", versions / "new.yaml", versions / "old.yaml", "-o", versions / "old.yaml")
    assert result.returncode == 3
    assert (versions / "old.yaml").read_text(encoding="utf-8") == OLD


def test_merge_json_reports_conflicts_and_log(versions: Path) -> None:
    result = run(
        "merge", versions / "new.yaml", versions / "new.yaml", "-o", versions / "m.json", "--json"
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["claim_agreement"], report["relation_agreement"]) == (1.0, 1.0)
    assert report["conflicts"] == []


@pytest.mark.parametrize("command", ["diff", "timeline", "merge"])
def test_each_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert "usage: arggraph" in result.stdout
