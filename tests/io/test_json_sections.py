"""JSON parsed section by section (repeats proven absent by counting colons) equals the
parse with a check per object: the same data, the same repeated key, the same errors."""

from __future__ import annotations

import json
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.errors import InvalidGraphError
from arggraph.io.parsing import _no_more_colons_than_keys, _sections_without_repeats, parse_json

_KEYS = st.sampled_from(["id", "quote", "a:b", "x", ""])
_SCALARS = st.one_of(
    st.sampled_from(["plain", "said: this", ":", "a\\u003ab", "", 'he "said": no']),
    st.integers(-3, 3),
    st.booleans(),
    st.none(),
)


def _objects(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """JSON object texts whose keys may repeat (drawn from a few names)."""
    pair = st.tuples(_KEYS, children).map(lambda kv: f"{json.dumps(kv[0])}: {kv[1]}")
    return st.lists(pair, max_size=4).map(lambda pairs: "{" + ", ".join(pairs) + "}")


_VALUES = st.recursive(
    _SCALARS.map(json.dumps),
    lambda children: st.one_of(
        st.lists(children, max_size=3).map(lambda items: "[" + ",".join(items) + "]"),
        _objects(children),
    ),
    max_leaves=12,
)
_SPACING = st.sampled_from(["", " ", "\n  ", "\t"])


def _outcome(text: str) -> tuple[str, Any]:
    """What :func:`parse_json` gives: ``("data", ...)`` or the problem's code and message."""
    try:
        return "data", parse_json(text, source="g.json")
    except InvalidGraphError as exc:
        return exc.problems[0].code, exc.problems[0].message


def _slow(text: str) -> tuple[str, Any]:
    """:func:`_outcome` with a check per object throughout (the way before sections)."""
    with patch("arggraph.io.parsing._sections_without_repeats", return_value=None):
        return _outcome(text)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(_KEYS, _VALUES), max_size=5),
    _SPACING,
)
def test_section_parse_equals_a_check_per_object(
    sections: list[tuple[str, str]], space: str
) -> None:
    text = (
        "{"
        + space
        + ("," + space).join(f"{json.dumps(k)}{space}:{space}{v}" for k, v in sections)
        + space
        + "}"
    )
    assert _outcome(text) == _slow(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"claims": [{"id": "a", "id": "b"}]}',  # a repeat inside a section
        '{"claims": [{"note": "x: y", "id": "a", "id": "b"}]}',  # colons hide nothing
        '{"claims": [], "claims": []}',  # a repeat at the top level
        '{"a": {"b": 1, "b": 2}, "c": {"d": 1, "d": 2}}',  # the first repeat is named
    ],
)
def test_repeated_keys_are_found_wherever_they_are(text: str) -> None:
    assert _outcome(text)[0] == "duplicate-key"
    assert _outcome(text) == _slow(text)


@pytest.mark.parametrize(
    "text",
    ['{"a": 1,}', '{"a" 1}', '{"a": 1} x', "[1, 2]", "{", '{"a": 1', "", '  {"a": [1}'],
)
def test_anything_but_a_plain_object_is_left_to_the_full_parse(text: str) -> None:
    assert _sections_without_repeats(text) is None


def test_sections_with_colons_in_their_strings_are_parsed_again_with_the_check() -> None:
    text = '{"claims": [{"quote": "he said: yes"}], "relations": [{"source": "a"}]}'
    assert _sections_without_repeats(text) == json.loads(text)


@pytest.mark.parametrize(
    ("value", "cleared"),
    [
        ('{"quote": "he said: yes"}', True),  # prose colons: only key colons counted
        ('{"quote": "a", "quote": "b"}', False),  # a repeat: two key colons, one key kept
        ('{"quote": "a"}', True),  # no colon but the key's
        ('{"quote" : "a: b"}', False),  # a space before a key's colon: the second count is off
        ('{"quote": "the word \\"yes\\": a"}', False),  # an escaped quote before a colon
    ],
)
def test_prose_colons_are_cleared_without_a_second_parse(value: str, cleared: bool) -> None:
    keys = len(json.loads(value))
    assert _no_more_colons_than_keys(value, 0, len(value), keys) is cleared
