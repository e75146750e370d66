"""YAML built straight from libyaml's events equals the general item-by-item loader.

The fast path gives up on anything the general loader treats specially or reports, so
data and every problem (message and place) must be the same whichever path ran.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.io.yaml_dialect import (
    _RESOLVED_FIRST,
    _STR_TAG,
    Dumper,
    Loader,
    _load_plain,
    _NotPlainError,
    load_yaml,
    load_yaml_items,
)

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(["no", "yes", "010", "0x1F", "1_000", "~", "null", ".inf", "<<", "2025-02"]),
)
_KEYS = st.one_of(st.text(max_size=8), st.integers(min_value=-5, max_value=5), st.booleans())
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=4)),
    max_leaves=20,
)


def _outcome(load: Any, text: str) -> tuple[str, Any]:
    """What ``load`` gives: ``("data", value)`` or ``("error", type, message, place)``."""
    try:
        return "data", load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return "error", (type(exc).__name__, str(exc), getattr(mark, "line", None))
    except Exception as exc:  # the dialect's own problems (repeated keys)
        mark = getattr(exc, "mark", None)
        place = (mark.line, mark.column) if mark is not None else None
        return "error", (type(exc).__name__, str(exc), place)


@settings(max_examples=300, deadline=None)
@given(_DATA, st.sampled_from([False, True, None]))
def test_dumped_data_loads_the_same_on_both_paths(data: Any, flow: bool | None) -> None:
    text = yaml.dump(data, Dumper=Dumper, default_flow_style=flow, allow_unicode=True)
    assert _load_plain(text) == load_yaml_items(text)  # the fast path itself, not a fallback
    assert _outcome(load_yaml, text) == _outcome(load_yaml_items, text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a: 1\nb: [x, 010, 0o7, 1_000, ~, null, no, True, .inf, -.5]\n",
        "claims:\n  - id: c1\n    quote: |\n      two\n      lines\n  - {id: c2, 'q': \"x\"}\n",
        "a: &anchor {x: 1}\nb: *anchor\n",
        "a: !!str 12\n",
        "a: 1\na: 2\n",
        "claims:\n  - id: c1\n    id: c2\n",
        "1: x\ntrue: y\n1: z\n",
        "? [a, b]\n: value\n",
        "a: 1\n---\nb: 2\n",
        "a: [1, 2\n",
        "a: b: c\n",
        "- a\n- b: 1\n  b: 2\n",
        "<<: {a: 1}\nb: 2\n",
        "plain scalar\n",
    ],
)
def test_hand_made_texts_load_or_fail_the_same_on_both_paths(text: str) -> None:
    assert _outcome(load_yaml, text) == _outcome(load_yaml_items, text)


@pytest.mark.parametrize(
    "text",
    ["a: &x 1\nb: *x\n", "a: !!str 1\n", "a: 1\na: 2\n", "? [a]\n: b\n", "a: 1\n---\nb: 2\n"],
)
def test_the_fast_path_gives_up_on_what_the_general_loader_must_handle(text: str) -> None:
    with pytest.raises(_NotPlainError):
        _load_plain(text)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=12), _SCALARS.map(lambda v: yaml.dump(v).split("\n")[0])))
def test_only_plain_scalars_starting_with_a_resolved_character_can_be_other_than_text(
    value: str,
) -> None:
    resolved = Loader("").resolve(yaml.ScalarNode, value, (True, False))
    if value[:1] not in _RESOLVED_FIRST:
        assert resolved == _STR_TAG
    assert Loader("").resolve(yaml.ScalarNode, value, (False, True)) == _STR_TAG
