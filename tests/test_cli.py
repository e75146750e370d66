"""The command line, run as a user runs it: a subprocess, real files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DEEPSEEK, SMALL_GRAPH, TALK, WriteFiles

SCRIPT = Path(sys.executable).with_name("arggraph")


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "arggraph"]
    return subprocess.run(
        [*command, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_validate_valid_graph(small_graph: Path) -> None:
    result = run("validate", small_graph)
    assert result.returncode == 0, result.stderr
    assert "valid:" in result.stdout
    assert "all 2 quotes found" in result.stdout
    assert result.stderr == ""


def test_validate_quiet_prints_nothing(small_graph: Path) -> None:
    result = run("validate", "--quiet", small_graph)
    assert (result.returncode, result.stdout) == (0, "")


def test_validate_invalid_graph_lists_every_problem_without_traceback(
    write_files: WriteFiles,
) -> None:
    bad = SMALL_GRAPH.replace("[compute]", "[nope]").replace("target: matters-less", "target: x")
    folder = write_files(**{"g.yaml": bad, "talk.txt": TALK})
    result = run("validate", "g.yaml", cwd=folder)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "3 problems found"
    assert lines[0].startswith("g.yaml:16:14: error[unknown-id] claim 'still-matters'")
    assert "Traceback" not in result.stderr
    assert all("hint:" in line for line in lines[:-1])


def test_validate_missing_file(tmp_path: Path) -> None:
    result = run("validate", tmp_path / "nothing.yaml")
    assert result.returncode == 1
    assert "nothing.yaml: error[unreadable-file] file not found" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert run("frobnicate").returncode == 2
    assert run().returncode == 2
    assert run("export", "--format", "pdf", "x.yaml").returncode == 2


@pytest.mark.parametrize(
    "command",
    [
        "validate",
        "info",
        "export",
        "import",
        "topics",
        "alignment",
        "status",
        "render",
        "report",
        "extract",
        "evaluate",
    ],
)
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert "usage: arggraph" in result.stdout


def test_info_counts_per_document_speaker_topic(small_graph: Path) -> None:
    result = run("info", small_graph)
    assert result.returncode == 0, result.stderr
    assert "1 document, 2 speakers, 1 topic, 2 claims (2 attributions), 0 supports, 1 rebuttal" in (
        result.stdout
    )
    assert "Lennart Heim" in result.stdout


def test_info_json(small_graph: Path) -> None:
    result = run("info", "--json", small_graph)
    data = json.loads(result.stdout)
    assert data["claims"] == 2
    heim = next(r for r in data["by_speaker"] if r["id"] == "heim")
    assert (heim["claims"], heim["rebuts"]) == (1, 1)


@pytest.mark.parametrize("fmt", ["json", "yaml", "graphml"])
def test_export_writes_a_file(small_graph: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out" / f"g.{fmt}"
    result = run("export", "--format", fmt, "-o", out, small_graph)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0
    if fmt != "graphml":
        assert run("validate", out).returncode == 0


def test_export_to_stdout_is_json(small_graph: Path) -> None:
    result = run("export", small_graph)
    assert json.loads(result.stdout)["title"] == "Small"


def test_export_refuses_to_overwrite_its_input(small_graph: Path) -> None:
    before = small_graph.read_bytes()
    result = run("export", "--format", "yaml", "-o", small_graph, small_graph)
    assert result.returncode == 3
    assert "refusing to write over an input" in result.stderr
    assert small_graph.read_bytes() == before


@pytest.mark.skipif(not DEEPSEEK.exists(), reason="the DeepSeek graph is not written yet")
def test_deepseek_graph_validates_from_the_command_line() -> None:
    result = run("validate", DEEPSEEK)
    assert result.returncode == 0, result.stderr


ANSWERED_GRAPH = SMALL_GRAPH.replace(
    "    statement: Compute still matters.\n",
    "    statement: Compute still matters.\n    stances: {compute: yes}\n",
).replace(
    "    statement: Compute matters less.\n",
    "    statement: Compute matters less.\n    stances: {compute: no}\n",
)


@pytest.fixture
def answered_graph(write_files: WriteFiles) -> Path:
    """The small graph with both claims answering the topic's question."""
    assert ANSWERED_GRAPH.count("stances:") == 2
    return write_files(**{"g.yaml": ANSWERED_GRAPH, "talk.txt": TALK}) / "g.yaml"


def test_topics_ranks_and_explains(answered_graph: Path) -> None:
    result = run("topics", answered_graph)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("1. Compute [compute]  score ")
    assert lines[1] == "   - Does compute still matter? [compute]: contested, rank 1, score 2.0"
    assert lines[2] == "     yes: Lennart Heim; no: Lauren Wagner (1 direct clash)."


def test_topics_json_is_the_library_result(answered_graph: Path) -> None:
    from arggraph import load
    from arggraph.analysis.contestedness import contested_topics

    result = run("topics", "--json", answered_graph)
    assert result.returncode == 0, result.stderr
    expected = contested_topics(load(answered_graph)).model_dump(mode="json")
    assert json.loads(result.stdout) == expected


def test_positions_shows_each_answer_in_the_speakers_words(answered_graph: Path) -> None:
    result = run("positions", answered_graph)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:4] == [
        "Compute [compute]",
        "  Does compute still matter?",
        '       yes  Lennart Heim (1): "compute still matters - a lot" (talk)',
        '        no  Lauren Wagner (1): ""compute matters less" now" (talk)',
    ]
    assert "Lennart Heim rebuts Lauren Wagner (unanswered):" in result.stdout


def test_positions_json_is_documented_and_the_library_result(answered_graph: Path) -> None:
    from arggraph import load, positions

    result = run("positions", "--json", answered_graph)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data == positions(load(answered_graph)).model_dump(mode="json")
    (question,) = data["questions"]
    assert {"id", "topic", "question", "positions", "cruxes", "reported"} <= set(question)
    heim = question["positions"][0]
    assert {k: heim[k] for k in ("speaker", "name", "lean", "yes", "no")} == {
        "speaker": "heim",
        "name": "Lennart Heim",
        "lean": "yes",
        "yes": 1,
        "no": 0,
    }
    assert heim["claims"][0]["quotes"][0]["quote"] == "compute still matters - a lot"


def test_positions_unknown_question_is_a_usage_error(small_graph: Path) -> None:
    result = run("positions", "--question", "nope", small_graph)
    assert result.returncode == 2
    assert "no question 'nope'" in result.stderr
    assert "compute" in result.stderr


def test_positions_one_question_in_full_shows_quotes(answered_graph: Path) -> None:
    result = run("positions", "--question", "compute", answered_graph)
    assert result.returncode == 0, result.stderr
    assert '"compute still matters - a lot"' in result.stdout


def test_topics_unknown_topic_is_a_usage_error(small_graph: Path) -> None:
    result = run("topics", "--topic", "nope", small_graph)
    assert result.returncode == 2
    assert "no topic 'nope'" in result.stderr
    assert "compute" in result.stderr


def test_alignment_shows_opponents(small_graph: Path) -> None:
    result = run("alignment", small_graph)
    assert result.returncode == 0, result.stderr
    assert "-1.00  Lauren Wagner / Lennart Heim: 0 supports, 1 rebuttal," in result.stdout
    data = json.loads(run("alignment", "--json", small_graph).stdout)
    assert {c["id"] for c in data["camps"]["camps"]} == {"camp-1", "camp-2"}


MICROTEXTS = Path(__file__).parent / "data" / "microtexts"


def test_import_a_folder_of_microtexts_then_rank_its_topics(tmp_path: Path) -> None:
    out = tmp_path / "micro.yaml"
    result = run("import", "microtexts", MICROTEXTS, "-o", out, "--progress", "always")
    assert result.returncode == 0, result.stderr
    assert "5/5 micro_b013.xml" in result.stderr  # the progress bar reached the last file
    assert result.stderr.strip().endswith("from 5 documents")
    assert run("validate", out).returncode == 0
    topics = run("topics", "--json", out)
    assert topics.returncode == 0, topics.stderr
    assert len(json.loads(topics.stdout)["topics"]) >= 1


def test_import_bad_file_reports_location_and_writes_nothing(write_files: WriteFiles) -> None:
    folder = write_files(**{"bad.xml": "<arggraph id='x'><edu id='e1'>Hi", "bad.txt": "Hi"})
    result = run("import", "microtexts", folder / "bad.xml", "-o", folder / "out.yaml")
    assert result.returncode == 1
    assert "bad.xml" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (folder / "out.yaml").exists()


def test_import_without_a_format_detects_it(tmp_path: Path) -> None:
    out = tmp_path / "b001.yaml"
    result = run("import", MICROTEXTS / "micro_b001.xml", "-o", out)
    assert result.returncode == 0, result.stderr
    assert run("validate", out).returncode == 0


def test_import_in_the_wrong_format_names_the_one_it_looks_like(tmp_path: Path) -> None:
    aif = Path(__file__).parent / "data" / "aif" / "undercut.json"
    result = run("import", "microtexts", aif, "-o", tmp_path / "out.yaml")
    assert result.returncode == 1
    assert "undercut.json:3:6: error[wrong-format] looks like AIF JSON" in result.stderr
    assert "arggraph import aif" in result.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_version() -> None:
    from arggraph import __version__

    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"arggraph {__version__}")


@pytest.mark.parametrize("fmt", ["aif", "argdown", "nodelink"])
def test_export_to_the_field_formats(small_graph: Path, fmt: str) -> None:
    result = run("export", "--format", fmt, small_graph)
    assert result.returncode == 0, result.stderr
    assert "Compute still matters." in result.stdout or "compute still matters" in result.stdout


def test_writing_into_a_closed_pipe_is_not_an_error(small_graph: Path) -> None:
    """``arggraph topics g.yaml | head -1`` must not end in an internal error."""
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "arggraph"]
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before arggraph writes a byte
    try:
        result = subprocess.run(
            [*command, "topics", str(small_graph)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, "")


def test_report_writes_one_offline_html_file(small_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.html"
    result = run("report", small_graph, "-o", out)
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "Compute still matters." in html
    assert "https://" not in html.split("<body", 1)[0]  # nothing fetched in the head


def test_render_writes_views_and_an_index(small_graph: Path, tmp_path: Path) -> None:
    result = run("render", small_graph, "-o", tmp_path / "views")
    assert result.returncode == 0, result.stderr
    names = {p.name for p in (tmp_path / "views").iterdir()}
    assert {"index.html", "graph.html", "topic-compute.html"} <= names


def test_render_passes_jobs_to_the_writer(
    small_graph: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import arggraph.render
    from arggraph.cli import main

    asked: list[int | None] = []
    real = arggraph.render.render_views

    def spy(graph: Any, out_dir: Path, *, jobs: int | None = None) -> list[Path]:
        asked.append(jobs)
        return real(graph, out_dir, jobs=jobs)

    monkeypatch.setattr(arggraph.render, "render_views", spy)
    assert main(["render", str(small_graph), "-o", str(tmp_path / "a"), "--jobs", "2"]) == 0
    assert main(["render", str(small_graph), "-o", str(tmp_path / "b")]) == 0
    assert asked == [2, None]
    assert (tmp_path / "a" / "index.html").read_bytes() == (
        tmp_path / "b" / "index.html"
    ).read_bytes()


def test_render_refuses_zero_jobs(small_graph: Path, tmp_path: Path) -> None:
    result = run("render", small_graph, "-o", tmp_path / "views", "--jobs", "0")
    assert result.returncode == 2
    assert "--jobs" in result.stderr
    assert not (tmp_path / "views").exists()


def test_report_refuses_to_overwrite_an_input(small_graph: Path) -> None:
    before = small_graph.read_bytes()
    result = run("report", small_graph, "-o", small_graph)
    assert result.returncode == 3
    assert small_graph.read_bytes() == before


def test_status_says_in_words_which_objections_are_unanswered(small_graph: Path) -> None:
    result = run("status", small_graph)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "2 claims: 1 with an objection unanswered, 0 with every objection answered, "
        "1 unchallenged (stated rebuttals and undercuts only)",
        "objection unanswered  [matters-less] Compute matters less.",
        '    Rebutted by Lennart Heim\'s "Compute still matters" (unanswered).',
        "unchallenged          [still-matters] Compute still matters.",
    ]
    assert "accepted" not in result.stdout
    readers = json.loads(run("status", "--json", small_graph).stdout)
    assert readers["objection_unanswered"] == 1


def test_status_formal_accepts_the_unattacked_rebutter(small_graph: Path) -> None:
    result = run("status", "--formal", small_graph)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("grounded semantics over 2 claims and 1 attacks")
    assert any(line.startswith("accepted") and "[still-matters]" in line for line in lines)
    assert any(line.startswith("rejected") and "[matters-less]" in line for line in lines)
    bipolar = run("status", "--bipolar", "--json", small_graph)
    assert json.loads(bipolar.stdout)["bipolar"] is True


def test_status_help_names_the_formal_flag() -> None:
    result = run("status", "--help")
    assert "--formal" in result.stdout
    assert "objection unanswered" in result.stdout


def test_status_preferred_past_its_budget_exits_4(write_files: WriteFiles) -> None:
    # A long even cycle of rebuttals has no grounded answer; the preferred search
    # must refuse past its timeout instead of hanging.
    n = 3000
    text = " ".join(f"Claim {i} holds." for i in range(n))
    claims = "\n".join(
        f"  - {{id: c{i}, statement: C{i}, attributions: "
        f'[{{speaker: s, document: d, quote: "Claim {i} holds."}}]}}'
        for i in range(n)
    )
    relations = "\n".join(
        f"  - {{source: c{i}, target: c{(i + 1) % n}, kind: rebuts}}" for i in range(n)
    )
    graph = (
        "documents: [{id: d, title: D, path: d.txt}]\nspeakers: [{id: s, name: S}]\n"
        f"claims:\n{claims}\nrelations:\n{relations}\n"
    )
    folder = write_files(**{"g.yaml": graph, "d.txt": text})
    grounded = run("status", "--formal", "--json", folder / "g.yaml")
    assert json.loads(grounded.stdout)["undecided"] == n
    result = run(
        "status", "--semantics", "preferred-sceptical", "--timeout", "1", folder / "g.yaml"
    )
    assert result.returncode == 4
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr


def test_extract_drafts_a_graph_that_validates_and_evaluates(write_files: WriteFiles) -> None:
    talk = (
        "Heim: I think compute still matters a great deal for frontier AI.\n"
        "Wagner: I don't think that is right, because efficiency gains matter more now.\n"
        "Heim: But the labs keep building larger clusters every single year.\n"
    )
    folder = write_files(**{"talk.txt": talk})
    draft = folder / "draft.yaml"
    result = run("extract", folder / "talk.txt", "-o", draft, "--embedder", "lexical")
    assert result.returncode == 0, result.stderr
    assert "draft claims" in result.stderr
    assert run("validate", draft).returncode == 0
    evaluation = run("evaluate", draft, draft)
    assert evaluation.returncode == 0, evaluation.stderr
    row = evaluation.stdout.strip().splitlines()[-1]
    assert "| 1.000 | 1.000 | **1.000** |" in row  # a draft measured against itself


def test_extract_missing_file_is_a_located_error(tmp_path: Path) -> None:
    result = run("extract", tmp_path / "none.txt", "--embedder", "lexical")
    assert result.returncode == 1
    assert "none.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_claims_ranks_the_rebutted_claim_and_names_its_rebutter(small_graph: Path) -> None:
    result = run("claims", small_graph)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("1. [matters-less] Compute matters less.  score ")
    assert lines[1] == "   rebutted by claim still-matters of Lennart Heim (unanswered)"
    data = json.loads(run("claims", "--json", small_graph).stdout)
    assert [c["claim"]["id"] for c in data["claims"]] == ["matters-less", "still-matters"]
