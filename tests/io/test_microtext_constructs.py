"""Microtext constructs beyond the part 1 samples: implicit claims, split ADUs, partial imports.

``tests/data/microtexts/constructs`` holds a small text of our own in the corpus's XML.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from arggraph.cli import EXIT_INVALID, EXIT_PARTIAL, main
from arggraph.errors import FormatError, InvalidGraphError
from arggraph.io.formats import ImportLog
from arggraph.io.microtexts import parse_topic_questions, read_microtexts
from arggraph.io.yaml_json import dump_yaml, parse_graph, read_graph, write_graph
from tests.conftest import REPO

CONSTRUCTS = REPO / "tests" / "data" / "microtexts" / "constructs"
TEXT = (CONSTRUCTS / "micro_t001.txt").read_text(encoding="utf-8")


def test_an_implicit_central_claim_is_attributed_as_implicit_without_offsets() -> None:
    graph = read_microtexts([CONSTRUCTS / "micro_t001.xml"])
    claim = graph.claim("micro_t001.a7")
    (attribution,) = claim.attributions
    assert attribution.implicit
    assert attribution.quote == "Employers should encourage their staff to cycle to work."
    assert attribution.quote not in TEXT
    assert (attribution.start, attribution.end) == (None, None)
    assert claim.note == "central claim of the text"
    assert claim.stances == {"encourage_cycling_to_work": "yes"}


def test_an_adu_of_non_adjacent_edus_is_quoted_in_exact_segments() -> None:
    graph = read_microtexts([CONSTRUCTS / "micro_t001.xml"])
    (attribution,) = graph.claim("micro_t001.a2").attributions
    pieces = [(s.quote, TEXT[s.start : s.end]) for s in attribution.segments if s.start is not None]
    assert pieces == [
        ("Bikes,", "Bikes,"),
        ("are faster in city traffic than cars.", "are faster in city traffic than cars."),
    ]
    assert attribution.quote == "Bikes, … are faster in city traffic than cars."
    assert (attribution.start, attribution.end) == (
        attribution.segments[0].start,
        attribution.segments[-1].end,
    )
    # the EDU between the two pieces is an ADU of its own
    assert graph.claim("micro_t001.a3").attributions[0].quote == "which cost little to keep,"


def test_the_topic_question_comes_from_the_corpus_own_file() -> None:
    graph = read_microtexts([CONSTRUCTS / "micro_t001.xml"])
    (topic,) = graph.topics
    assert topic.question == "Should employers encourage their staff to cycle to work?"


def test_topic_questions_of_part_1_come_from_its_topics_triggers_file() -> None:
    graph = read_microtexts([REPO / "tests" / "data" / "microtexts" / "micro_b001.xml"])
    assert graph.topics[0].question == "Should we continue to separate our waste for recycling?"


def test_without_a_topic_file_a_topic_has_no_question(tmp_path: Path) -> None:
    for name in ("micro_t001.xml", "micro_t001.txt"):
        shutil.copy(CONSTRUCTS / name, tmp_path / name)
    graph = read_microtexts([tmp_path])
    assert graph.topics[0].question is None


def test_topic_file_parsing_reads_the_english_question() -> None:
    markdown = "* `a_b`\n\n  de: Frage?\n  en: Question?\n\n* `c` \n  en: Other?\n"
    assert parse_topic_questions(markdown) == {"a_b": "Question?", "c": "Other?"}


def test_implicit_and_segmented_attributions_survive_yaml(tmp_path: Path) -> None:
    graph = read_microtexts([CONSTRUCTS])
    written = write_graph(graph, tmp_path / "g.yaml")
    text = written.read_text(encoding="utf-8")
    assert "implicit: true" in text
    assert "implicit: false" not in text
    assert text.count("segments:") == 1
    assert read_graph(written) == graph


def _folder_with_a_bad_text(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name in ("micro_t001.xml", "micro_t001.txt", "topics_triggers.md"):
        shutil.copy(CONSTRUCTS / name, tmp_path / name)
    bad = (CONSTRUCTS / "micro_t001.xml").read_text(encoding="utf-8")
    (tmp_path / "micro_t002.xml").write_text(bad.replace("micro_t001", "micro_t002"))
    (tmp_path / "micro_t002.txt").write_text(TEXT.replace("Bikes,", "Bicycles,"))
    return tmp_path


def test_one_bad_text_does_not_sink_the_folder(tmp_path: Path) -> None:
    log = ImportLog()
    graph = read_microtexts([_folder_with_a_bad_text(tmp_path)], log=log)
    assert [d.id for d in graph.documents] == ["micro_t001"]
    assert log.partial
    assert [Path(f).name for f in log.skipped_files] == ["micro_t002.xml"]
    (problem,) = log.skipped
    assert problem.code == "quote-not-found"
    assert problem.file is not None
    assert problem.file.endswith("micro_t002.xml")
    assert problem.line == 11
    assert problem.message.startswith("a2: ")


def test_a_strict_import_fails_on_one_bad_text(tmp_path: Path) -> None:
    with pytest.raises(FormatError) as caught:
        read_microtexts([_folder_with_a_bad_text(tmp_path)], log=ImportLog(strict=True))
    assert [p.code for p in caught.value.problems] == ["quote-not-found"]


def test_the_cli_says_a_partial_import_in_its_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder_with_a_bad_text(tmp_path / "in")
    out = tmp_path / "out.yaml"
    assert main(["import", "microtexts", str(folder), "-o", str(out)]) == EXIT_PARTIAL
    err = capsys.readouterr().err
    assert "micro_t002.xml:11: error[quote-not-found]" in err
    assert "partial import: 1 file(s) left out" in err
    assert [d.id for d in read_graph(out).documents] == ["micro_t001"]
    out.unlink()
    assert main(["import", "microtexts", str(folder), "-o", str(out), "--strict"]) == EXIT_INVALID
    assert not out.exists()


GRAPH = """
documents: [{{id: d, title: T, text: "Bikes, which cost little, are fast."}}]
speakers: [{{id: s, name: S}}]
claims:
  - id: c
    statement: Bikes are fast.
    attributions: [{attribution}]
"""


@pytest.mark.parametrize(
    ("attribution", "message"),
    [
        (
            "{speaker: s, document: d, quote: Cycling is good, implicit: true, start: 0}",
            "implicit attribution by 's' has start/end",
        ),
        (
            "{speaker: s, document: d, quote: Bikes are fast, segments: [{quote: 'Bikes,'}]}",
            "is not its segments joined",
        ),
        (
            "{speaker: s, document: d, segments: [{quote: 'Bikes,'}, {quote: are slow.}]}",
            "not found in document 'd'",
        ),
    ],
    ids=["implicit-with-offsets", "quote-not-the-segments", "segment-not-in-text"],
)
def test_implicit_and_segment_rules_are_explained(attribution: str, message: str) -> None:
    with pytest.raises(InvalidGraphError) as caught:
        parse_graph(GRAPH.format(attribution=attribution))
    (problem,) = caught.value.problems
    assert message in problem.message
    assert problem.line is not None


def test_a_segmented_quote_may_be_left_out_and_reads_as_its_segments() -> None:
    attribution = "{speaker: s, document: d, segments: [{quote: 'Bikes,'}, {quote: are fast.}]}"
    graph = parse_graph(GRAPH.format(attribution=attribution))
    (att,) = graph.claim("c").attributions
    assert att.quote == "Bikes, … are fast."
    assert [(s.start, s.end) for s in att.segments] == [(0, 6), (26, 35)]
    assert "quote: Bikes, … are fast." not in dump_yaml(graph)


def test_a_quote_not_found_hint_mentions_implicit() -> None:
    attribution = "{speaker: s, document: d, quote: Zebras migrate in winter}"
    with pytest.raises(InvalidGraphError) as caught:
        parse_graph(GRAPH.format(attribution=attribution))
    assert "implicit: true" in (caught.value.problems[0].hint or "")
