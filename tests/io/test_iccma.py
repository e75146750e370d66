"""ICCMA formats: APX, TGF, i23 and query files; real instances, round trips, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from arggraph.analysis.framework import ArgumentationFramework
from arggraph.errors import FormatError, InvalidGraphError
from arggraph.io.iccma import (
    dump_apx,
    dump_i23,
    dump_tgf,
    iccma_format_of,
    parse_apx,
    parse_i23,
    parse_query,
    parse_tgf,
    read_iccma,
    read_query,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "iccma"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "iccma"


def test_tiny_instance_in_apx_and_tgf() -> None:
    apx = read_iccma(DATA / "a.apx")
    assert apx.arguments == ("a", "b")
    assert apx.attacks == {("a", "a")}
    assert read_iccma(DATA / "a.tgf") == apx
    assert read_query(DATA / "a.arg") == "a"


def test_tiny_instance_in_i23() -> None:
    af = read_iccma(DATA / "a.i23")
    assert af.arguments == ("1", "2")
    assert af.attacks == {("1", "1"), ("2", "1")}
    assert read_query(DATA / "a.i23.arg") == "1"


def test_medium_instance() -> None:
    af = read_iccma(DATA / "Medium-result-b1.apx")
    assert (len(af), af.attack_count) == (438, 77_717)
    assert read_query(DATA / "Medium-result-b1.arg") == "a48_54"


@pytest.mark.skipif(not (SHARED / "Medium-result-b1.tgf").exists(), reason="shared data absent")
def test_medium_instance_tgf_is_the_same_framework() -> None:
    assert read_iccma(SHARED / "Medium-result-b1.tgf") == read_iccma(DATA / "Medium-result-b1.apx")


def sample() -> ArgumentationFramework:
    return ArgumentationFramework(
        ["a", "b", "c", "d_1"], [("a", "b"), ("b", "a"), ("c", "c"), ("d_1", "a")]
    )


@pytest.mark.parametrize(
    ("dump", "parse"), [(dump_apx, parse_apx), (dump_tgf, parse_tgf)], ids=["apx", "tgf"]
)
def test_round_trip(dump: object, parse: object) -> None:
    af = sample()
    again = parse(dump(af))  # type: ignore[operator]
    assert again == af
    assert again.arguments == af.arguments


def test_i23_round_trip_numbers_the_arguments() -> None:
    again = parse_i23(dump_i23(sample()))
    assert again.arguments == ("1", "2", "3", "4")
    assert again.attacks == {("1", "2"), ("2", "1"), ("3", "3"), ("4", "1")}


def test_apx_allows_spaces_comments_and_late_declarations() -> None:
    af = parse_apx("% a comment\natt( a , b ).\n\narg(a).\narg( b ).\n")
    assert af.attacks == {("a", "b")}


# text, expected "line: message" fragments, in order
BAD_APX = [
    ("arg(a).\nfoo\n", ["2: error[malformed-input] not an APX statement: 'foo'"]),
    (
        "arg(a).\narg(a).\n",
        ["2: error[duplicate-id] argument 'a' is declared again (first on line 1)"],
    ),
    ("arg(a).\natt(a,b).\n", ["2: error[unknown-id] attack (a, b) names argument 'b'"]),
    ("arg(a)\nattack(a,a).\n", ["1: error[malformed-input]", "2: error[malformed-input]"]),
]


@pytest.mark.parametrize(("text", "expected"), BAD_APX)
def test_bad_apx_reports_every_problem_with_its_line(text: str, expected: list[str]) -> None:
    with pytest.raises(FormatError) as info:
        parse_apx(text, source="bad.apx")
    lines = str(info.value).splitlines()
    assert len(lines) == len(expected) + 1
    for line, fragment in zip(lines, expected, strict=False):
        assert line.startswith(f"bad.apx:{fragment}")
    assert "hint:" in lines[0]


BAD_TGF = [
    ("a b\n#\n", "bad.tgf:1: error[malformed-input] an argument line holds one name, found 2"),
    ("a\n#\na\n", "bad.tgf:3: error[malformed-input] an attack needs two arguments, found 1"),
    ("a\n#\na b\n", "bad.tgf:3: error[unknown-id] attack (a, b) names argument 'b'"),
    ("a\nb\n", "bad.tgf: error[malformed-input] no '#' line"),
    ("a\n#\n#\n", "bad.tgf:3: error[malformed-input] a second '#' line"),
    ("a\na\n#\n", "bad.tgf:2: error[duplicate-id] argument 'a' is listed again"),
]


@pytest.mark.parametrize(("text", "expected"), BAD_TGF)
def test_bad_tgf(text: str, expected: str) -> None:
    with pytest.raises(FormatError, match="problem") as info:
        parse_tgf(text, source="bad.tgf")
    assert str(info.value).startswith(expected)


BAD_I23 = [
    ("1 2\n", "bad.i23:1: error[malformed-input] the first line must be 'p af <number"),
    ("p af 2\n1 3\n", "bad.i23:2: error[unknown-id] attack 1 3 names an argument outside 1..2"),
    ("p af 2\n1 x\n", "bad.i23:2: error[malformed-input] an attack is two argument numbers"),
    ("# only a comment\n", "bad.i23: error[malformed-input] no 'p af <n>' line"),
]


@pytest.mark.parametrize(("text", "expected"), BAD_I23)
def test_bad_i23(text: str, expected: str) -> None:
    with pytest.raises(FormatError) as info:
        parse_i23(text, source="bad.i23")
    assert str(info.value).startswith(expected)


def test_i23_comments_and_blank_lines() -> None:
    assert parse_i23("# c\np af 2\n\n# attacks\n2 1\n").attacks == {("2", "1")}


def test_many_problems_are_capped() -> None:
    text = "".join(f"nonsense {i}\n" for i in range(200))
    with pytest.raises(FormatError) as info:
        parse_apx(text, source="big.apx")
    assert len(info.value.problems) == 50
    assert info.value.summary == "200 problems in this APX file (150 not shown)"


@pytest.mark.parametrize("text", ["", "a\nb\n", "a b\n"])
def test_bad_query(text: str) -> None:
    with pytest.raises(FormatError, match="exactly one argument"):
        parse_query(text, source="q.arg")


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="unsupported-format"):
        iccma_format_of(tmp_path / "x.dl")
    path = tmp_path / "x.txt"
    path.write_text("arg(a).\n")
    with pytest.raises(FormatError, match="unknown ICCMA format"):
        read_iccma(path, fmt="dl")
    assert read_iccma(path, fmt="apx").arguments == ("a",)


def test_missing_file_is_located(tmp_path: Path) -> None:
    with pytest.raises(InvalidGraphError, match="file not found"):
        read_iccma(tmp_path / "absent.apx")
