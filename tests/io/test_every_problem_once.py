"""Every problem in one run: set-aside items keep their other problems, and one file that
cannot be read gives one note instead of dozens of follow-on errors.

Run as a user runs it: ``arggraph validate`` in a subprocess, on files in tmp_path.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import SMALL_GRAPH, TALK, WriteFiles
from tests.test_cli import run

LOCATED = re.compile(r"^[^\s:]+\.yaml:\d+:\d+: error\[[a-z-]+\] ")

# A claim with four problems besides nothing else: an unknown topic, an unknown speaker,
# an id used twice, and (in the broken version) a stance that is not yes or no.
FOUR_PROBLEMS = """\
arggraph: 1
documents:
  - {id: talk, title: A talk, path: talk.txt}
speakers:
  - {id: heim, name: Lennart Heim}
  - {id: wagner, name: Lauren Wagner}
topics:
  - {id: compute, label: Compute, question: Does compute still matter?}
claims:
  - id: still-matters
    statement: Compute still matters.
    topics: [compte]
    stances: {compute: STANCE}
    attributions:
      - {speaker: heimm, document: talk, quote: "compute still matters - a lot"}
  - id: still-matters
    statement: The same id again.
    topics: [compute]
    attributions:
      - {speaker: wagner, document: talk, quote: '"compute matters less" now'}
"""


def _problems(folder: Path, *files: str) -> list[str]:
    result = run("validate", *files, cwd=folder)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1].endswith("found")
    return lines[:-1]


def test_a_set_aside_claim_reports_all_its_problems_in_one_run(write_files: WriteFiles) -> None:
    folder = write_files(
        **{
            "bad.yaml": FOUR_PROBLEMS.replace("STANCE", "maybe"),
            "fixed.yaml": FOUR_PROBLEMS.replace("STANCE", "yes"),
            "talk.txt": TALK,
        }
    )
    broken = _problems(folder, "bad.yaml")
    fixed = _problems(folder, "fixed.yaml")
    assert all(LOCATED.match(line) for line in broken), broken
    # With the stance fixed, these are the claim's other problems ...
    expected = {line.replace("fixed.yaml", "bad.yaml") for line in fixed}
    assert any("unknown topic 'compte'" in line for line in expected)
    assert any("unknown speaker 'heimm'" in line for line in expected)
    assert any("error[duplicate-id] claim id 'still-matters'" in line for line in expected)
    # ... and the run that still has 'maybe' reports each of them, word for word and at
    # the same place, besides the invalid stance itself.
    assert expected <= set(broken), sorted(expected - set(broken))
    invalid = [line for line in broken if "error[invalid-value]" in line]
    assert len(invalid) == 1
    assert "'stances.compute'" in invalid[0]
    assert "'maybe'" in invalid[0]
    assert len(broken) == len(expected) + 1


def test_a_set_aside_relation_and_a_claim_with_a_bad_id_keep_their_references(
    write_files: WriteFiles,
) -> None:
    graph = (
        SMALL_GRAPH.replace("speaker: heim,", "speaker: nobody,")
        .replace("id: still-matters", "id: still matters")
        .replace(
            "{source: still-matters, target: matters-less, kind: rebuts}",
            "{source: ghost, target: matters-less, kind: rebutts}",
        )
    )
    folder = write_files(**{"g.yaml": graph, "talk.txt": TALK})
    lines = _problems(folder, "g.yaml")
    assert all(LOCATED.match(line) for line in lines), lines
    text = "\n".join(lines)
    assert "claim 'still matters' names unknown speaker 'nobody'" in text
    assert "relation 'ghost->matters-less' names unknown claim 'ghost'" in text
    assert "'kind': Input should be 'supports' or 'rebuts', not 'rebutts'" in text
    assert "did you mean 'rebuts'?" in text
    assert len(lines) == 4  # the bad id, the unknown speaker, the bad kind, the unknown source


def test_an_item_set_aside_does_not_shift_the_indices_other_messages_name(
    write_files: WriteFiles,
) -> None:
    twice = SMALL_GRAPH + "  - {source: still-matters, target: matters-less, kind: rebuts}\n"
    broken = twice.replace("relations:\n", "relations:\n  - {source: x, kind: rebutts}\n")
    fixed = twice.replace("relations:\n", "relations:\n  - {source: x, target: y, kind: rebuts}\n")
    folder = write_files(**{"bad.yaml": broken, "fixed.yaml": fixed, "talk.txt": TALK})
    [expected] = [line for line in _problems(folder, "fixed.yaml") if "related twice" in line]
    assert "(also relations[1])" in expected
    [found] = [line for line in _problems(folder, "bad.yaml") if "related twice" in line]
    assert found == expected.replace("fixed.yaml", "bad.yaml")


def test_a_bad_date_is_told_how_to_write_a_date(write_files: WriteFiles) -> None:
    graph = SMALL_GRAPH.replace("    path: talk.txt\n", "    path: talk.txt\n    date: 2025/01\n")
    folder = write_files(**{"g.yaml": graph, "talk.txt": TALK})
    [line] = _problems(folder, "g.yaml")
    assert line.startswith("g.yaml:8:11: error[invalid-value] 'date'")
    assert "2025-02-11" in line
    assert "ids use" not in line


def test_a_misspelt_field_is_named_as_the_missing_one(write_files: WriteFiles) -> None:
    graph = (
        SMALL_GRAPH.replace("statement: Compute still matters.", "statment: Compute still matters.")
        .replace("{speaker: wagner,", "{speker: wagner,")
        .replace("topics: [compute]\n", "topics: [compute]\n    notes: x\n", 1)
    )
    folder = write_files(**{"g.yaml": graph, "talk.txt": TALK})
    lines = _problems(folder, "g.yaml")
    assert all(LOCATED.match(line) for line in lines), lines

    def hint(fragment: str) -> str:
        [line] = [line for line in lines if fragment in line]
        return line.split("(hint: ", 1)[1]

    assert "did you mean 'statement'? It is missing here" in hint("unknown field 'statment'")
    assert "'statment'" in hint("missing required field 'statement'")
    assert "did you mean 'speaker'?" in hint("unknown field 'speker'")
    assert "'speker'" in hint("missing required field 'speaker'")
    assert "did you mean 'note'?" in hint("unknown field 'notes'")


CLAIMS_PART = """\
claims:
  - id: a
    statement: Claim a.
    topics: [compute]
    attributions:
      - {speaker: heim, document: talk, quote: "compute still matters - a lot"}
  - id: b
    statement: Claim b.
    topics: [compute]
    attributions:
      - {speaker: wagner, document: talk, quote: '"compute matters less" now'}
"""

RELATIONS_PART = """\
claims:
  - id: c
    statement: Claim c.
    topics: [compute]
    attributions:
      - {speaker: wagnr, document: talk, quote: '"compute matters less" now'}
relations:
  - {source: c, target: a, kind: rebuts}
  - {source: c, target: b, kind: supports}
  - {source: a, target: b, kind: rebuts}
  - {source: b, target: c, kind: rebuts}
"""


def _root(*includes: str) -> str:
    head = SMALL_GRAPH.split("claims:")[0]
    return head + "include: [" + ", ".join(includes) + "]\n"


def _check_one_note(lines: list[str], unread: str, count: int) -> None:
    """One located note counting ``count`` references held back for ``unread``, and no
    reference to claims a or b listed on its own."""
    assert all(LOCATED.match(line) for line in lines), lines
    notes = [line for line in lines if "not checked one by one" in line]
    assert len(notes) == 1, lines
    assert f"{count} references to unknown claims were not checked one by one" in notes[0]
    assert f"{unread} could not be read" in notes[0]
    assert notes[0].startswith("parts/relations.yaml:")
    others = [line for line in lines if line not in notes]
    assert not any(re.search(r"names unknown claim[^']*'[ab]'", line) for line in others)
    # A typo that no unread file can explain is still reported on its own.
    assert any("unknown speaker 'wagnr'" in line for line in lines)


def test_a_syntax_error_in_an_include_gives_one_note_not_dozens(write_files: WriteFiles) -> None:
    broken = CLAIMS_PART.replace("topics: [compute]", "topics: [compute] :bad: [", 1)
    folder = write_files(
        **{
            "g.yaml": _root("parts/claims.yaml", "parts/relations.yaml"),
            "parts/claims.yaml": broken,
            "parts/relations.yaml": RELATIONS_PART,
            "talk.txt": TALK,
        }
    )
    lines = _problems(folder, "g.yaml")
    assert any(line.startswith("parts/claims.yaml:4:") and "yaml-syntax" in line for line in lines)
    _check_one_note(lines, "parts/claims.yaml", 5)
    assert len(lines) == 3


def test_a_misspelt_include_gives_one_note(write_files: WriteFiles) -> None:
    folder = write_files(
        **{
            "g.yaml": _root("parts/clams.yaml", "parts/relations.yaml"),
            "parts/claims.yaml": CLAIMS_PART,
            "parts/relations.yaml": RELATIONS_PART,
            "talk.txt": TALK,
        }
    )
    lines = _problems(folder, "g.yaml")
    assert any("included file 'parts/clams.yaml' not found" in line for line in lines)
    # A missing file may define anything, the misspelt speaker too: held back as well.
    notes = [line for line in lines if "not checked one by one" in line]
    assert len(notes) == 1
    assert "parts/clams.yaml could not be read" in notes[0]
    assert "6 references to unknown ids (5 claims, 1 speaker)" in notes[0]
    assert not any("names unknown" in line for line in lines if line not in notes)
    assert len(lines) == 2


def test_a_root_file_that_cannot_be_read_gives_one_note(write_files: WriteFiles) -> None:
    folder = write_files(
        **{
            "g.yaml": _root("parts/relations.yaml"),
            "claims.yaml": CLAIMS_PART.replace("Claim b.", "[Claim b."),
            "parts/relations.yaml": RELATIONS_PART,
            "talk.txt": TALK,
        }
    )
    lines = _problems(folder, "g.yaml", "claims.yaml")
    assert any(line.startswith("claims.yaml:") and "yaml-syntax" in line for line in lines)
    _check_one_note(lines, "claims.yaml", 5)


def test_a_section_that_is_not_a_list_gives_one_note(write_files: WriteFiles) -> None:
    # The dashes forgotten: 'claims:' is a mapping, so claim 'a' is not read.
    single = "claims:\n  id: a\n  statement: Claim a.\n  topics: [compute]\n"
    folder = write_files(
        **{
            "g.yaml": _root("parts/claims.yaml", "parts/relations.yaml"),
            "parts/claims.yaml": single,
            "parts/relations.yaml": RELATIONS_PART,
            "talk.txt": TALK,
        }
    )
    lines = _problems(folder, "g.yaml")
    notes = [line for line in lines if "not checked one by one" in line]
    assert len(notes) == 1
    assert "2 references to unknown claims" in notes[0]
    assert "the 'claims' section of parts/claims.yaml (not a list) could not be read" in notes[0]
    # 'b' is nowhere in the unread section: each reference to it is listed.
    assert sum("names unknown claim or relation 'b'" in line for line in lines) == 2
    assert sum("names unknown claim 'b'" in line for line in lines) == 1
