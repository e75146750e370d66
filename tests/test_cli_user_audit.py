"""The new-user audit of 2026-12-01, as a user meets it: the CLI run as a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SMALL_GRAPH, TALK, WriteFiles
from tests.test_cli import run

# Heim's claim rebuts Wagner's; an analyst's link (no attribution) adds a third speaker's
# claim in support of Wagner's, though that speaker never took up the question.
LINKED_GRAPH = SMALL_GRAPH.replace(
    "speakers:\n",
    "speakers:\n  - {id: karp, name: Alex Karp}\n",
).replace(
    "relations:\n",
    "  - id: cheap-rivals\n"
    "    statement: Rivals are cheap.\n"
    "    topics: [compute]\n"
    "    attributions:\n"
    "      - {speaker: karp, document: talk, quote: Efficiency means}\n"
    "relations:\n"
    "  - {source: cheap-rivals, target: matters-less, kind: supports}\n",
)


def test_claims_names_holders_of_a_linked_claim_as_such(write_files: WriteFiles) -> None:
    folder = write_files(**{"g.yaml": LINKED_GRAPH, "talk.txt": TALK})
    result = run("claims", "g.yaml", cwd=folder)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "   supported by claims of Alex Karp" in lines
    assert "   supported by Alex Karp" not in lines
    assert "   rebutted by claim still-matters of Lennart Heim (unanswered)" in lines


ONE_OF_EACH = (
    SMALL_GRAPH.replace("  - {id: wagner, name: Lauren Wagner}\n", "")
    .replace(
        "  - id: matters-less\n"
        "    statement: Compute matters less.\n"
        "    topics: [compute]\n"
        "    attributions:\n"
        """      - {speaker: wagner, document: talk, quote: '"compute matters less" now'}\n""",
        "",
    )
    .replace("relations:\n  - {source: still-matters, target: matters-less, kind: rebuts}\n", "")
)


def test_validate_counts_one_of_each_in_the_singular(write_files: WriteFiles) -> None:
    folder = write_files(**{"g.yaml": ONE_OF_EACH, "talk.txt": TALK})
    result = run("validate", "g.yaml", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "valid: g.yaml: 1 document, 1 speaker, 1 topic, 1 claim, 0 relations; "
        "the 1 quote found in its document"
    )


def test_alignment_counts_one_shared_claim_in_the_singular(write_files: WriteFiles) -> None:
    both_hold = SMALL_GRAPH.replace(
        "relations:\n",
        "  - id: both\n"
        "    statement: Both say so.\n"
        "    topics: [compute]\n"
        "    attributions:\n"
        "      - {speaker: heim, document: talk, quote: compute still matters}\n"
        "      - {speaker: wagner, document: talk, quote: Efficiency means}\n"
        "relations:\n",
    )
    folder = write_files(**{"g.yaml": both_hold, "talk.txt": TALK})
    result = run("alignment", "g.yaml", cwd=folder)
    assert result.returncode == 0, result.stderr
    pair = next(line for line in result.stdout.splitlines() if "Wagner / Lennart Heim" in line)
    assert "1 shared claim," in pair
    assert "1 shared claims" not in pair


def test_render_is_reachable_right_after_import_and_loads_only_when_used() -> None:
    code = (
        "import sys, arggraph\n"
        "assert 'arggraph.render' not in sys.modules, 'import arggraph loaded render'\n"
        "print(arggraph.render.topic_view.__name__)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (result.returncode, result.stdout.strip()) == (0, "topic_view"), result.stderr


def test_help_lists_every_exit_code_and_export_format() -> None:
    assert "5 partial import" in " ".join(run("--help").stdout.split())
    assert "Parquet" in run("export", "--help").stdout


def test_a_malformed_as_of_date_is_a_usage_error(small_graph: Path) -> None:
    result = run("info", small_graph, "--as-of", "2025-13")
    assert result.returncode == 2
    assert "'2025-13' is not a date" in result.stderr
    assert run("info", small_graph, "--as-of", "2025-02").returncode == 0


@pytest.mark.parametrize(
    "indented",
    [
        pytest.param(SMALL_GRAPH.replace("\n  ", "\n\t"), id="every-line-with-a-tab"),
        pytest.param(SMALL_GRAPH.replace("\n    path:", "\n\tpath:"), id="one-line-with-a-tab"),
    ],
)
def test_a_tab_used_for_indentation_is_named(write_files: WriteFiles, indented: str) -> None:
    folder = write_files(**{"g.yaml": indented, "talk.txt": TALK})
    result = run("validate", "g.yaml", cwd=folder)
    assert result.returncode == 1
    assert "error[yaml-syntax]" in result.stderr
    assert "a tab is used for indentation here; YAML needs spaces" in result.stderr


def test_other_yaml_syntax_errors_keep_the_quoting_hint(write_files: WriteFiles) -> None:
    folder = write_files(**{"g.yaml": SMALL_GRAPH.replace("[compute]", "[compute", 1)})
    result = run("validate", "g.yaml", cwd=folder)
    assert result.returncode == 1
    assert "tab" not in result.stderr
    assert "check indentation and quoting" in result.stderr


def test_a_mistyped_graph_path_offers_the_file_nearby(small_graph: Path) -> None:
    folder = small_graph.parent
    (folder / "deepseek.yaml").write_text(small_graph.read_text(encoding="utf-8"))
    result = run("validate", "deepsek.yaml", cwd=folder)
    assert result.returncode == 1
    assert "deepsek.yaml: error[unreadable-file] file not found" in result.stderr
    assert "did you mean 'deepseek.yaml'?" in result.stderr
    assert "starts at the working folder" in result.stderr


def test_a_binary_file_is_called_binary_not_mis_encoded(write_files: WriteFiles) -> None:
    folder = write_files(**{"g.yaml": b"\x7fELF\x02\x01\x01\x00\x00\x00\xd0\xff\x00\x00"})
    result = run("validate", "g.yaml", cwd=folder)
    assert result.returncode == 1
    assert "error[not-utf8]" in result.stderr
    assert "looks like a binary file" in result.stderr
    assert "iconv" not in result.stderr


def test_a_latin1_text_is_still_told_to_re_save_as_utf8(write_files: WriteFiles) -> None:
    folder = write_files(**{"g.yaml": "title: Caf\u00e9\n".encode("latin-1")})
    result = run("validate", "g.yaml", cwd=folder)
    assert result.returncode == 1
    assert "iconv -f latin1 -t utf-8" in result.stderr
