"""Properties over random valid graphs: exact round trips, and analyses blind to naming.

The strategy builds small valid graphs: inline document texts, quotes cut from those
texts, claims with topics and stances, relations between distinct claims (no pair
twice). The grounded-semantics properties live in tests/analysis/test_semantics.py.
"""

from __future__ import annotations

import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arggraph.analysis.alignment import speaker_alignment
from arggraph.analysis.contestedness import contested_topics
from arggraph.io.yaml_json import dump_json, dump_yaml, parse_graph
from arggraph.model import ArgumentGraph

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

WORDS = st.sampled_from(
    ["compute", "chips", "export", "controls", "matter", "less", "more", "DeepSeek", "model",
     "open", "weights", "policy", "caf\u00e9", "\u201cquoted\u201d", "\u2014", "na\u00efve",
     "\u00fcber"]
)  # fmt: skip
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")


@st.composite
def graph_data(draw: st.DrawFn) -> dict[str, Any]:
    """Data of a small valid graph; every quote is cut from its document's text."""
    n_docs = draw(st.integers(1, 3))
    texts = [draw(st.lists(WORDS, min_size=3, max_size=25)) for _ in range(n_docs)]
    documents = [
        {"id": f"d{i}", "title": draw(TEXT), "kind": "text", "text": " ".join(words)}
        for i, words in enumerate(texts)
    ]
    speakers = [{"id": f"s{i}", "name": draw(TEXT)} for i in range(draw(st.integers(1, 4)))]
    topics = [
        {"id": f"t{i}", "label": draw(TEXT), "question": draw(st.none() | TEXT)}
        for i in range(draw(st.integers(0, 3)))
    ]
    claims = []
    for i in range(draw(st.integers(1, 8))):
        attributions = []
        for _ in range(draw(st.integers(1, 2))):
            doc = draw(st.integers(0, n_docs - 1))
            words = texts[doc]
            start = draw(st.integers(0, len(words) - 1))
            end = draw(st.integers(start + 1, len(words)))
            attributions.append(
                {
                    "speaker": draw(st.sampled_from(speakers))["id"],
                    "document": f"d{doc}",
                    "quote": " ".join(words[start:end]),
                }
            )
        claim_topics = (
            draw(st.lists(st.sampled_from([t["id"] for t in topics]), unique=True))
            if topics
            else []
        )
        stances = {
            t: draw(st.sampled_from(["pro", "con"])) for t in claim_topics if draw(st.booleans())
        }
        claim: dict[str, Any] = {
            "id": f"c{i}",
            "statement": draw(TEXT),
            "topics": claim_topics,
            "attributions": attributions,
        }
        if stances:
            claim["stances"] = stances
        claims.append(claim)
    ids = [c["id"] for c in claims]
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda p: p[0] != p[1]),
            unique=True,
            max_size=12,
        )
    )
    relations = [
        {"source": a, "target": b, "kind": draw(st.sampled_from(["supports", "rebuts"]))}
        for a, b in pairs
    ]
    return {
        "arggraph": 1,
        "title": draw(st.none() | TEXT),
        "documents": documents,
        "speakers": speakers,
        "topics": topics,
        "claims": claims,
        "relations": relations,
    }  # fmt: skip


@SETTINGS
@given(graph_data())
def test_json_round_trip_is_exact(data: dict[str, Any]) -> None:
    graph = ArgumentGraph.model_validate(data)
    text = dump_json(graph)
    again = parse_graph(text, fmt="json", source="g.json")
    assert again == graph
    assert dump_json(again) == text


@SETTINGS
@given(graph_data())
def test_yaml_round_trip_is_exact(data: dict[str, Any]) -> None:
    graph = ArgumentGraph.model_validate(data)
    text = dump_yaml(graph)
    again = parse_graph(text, fmt="yaml", source="g.yaml")
    assert again == graph
    assert dump_yaml(again) == text
    assert dump_json(again) == dump_json(graph)


def _renamed(data: dict[str, Any], rename: dict[str, str]) -> dict[str, Any]:
    """``data`` with every id and every reference to one renamed."""

    def ref(value: str) -> str:
        return rename.get(value, value)

    out = {**data}
    out["documents"] = [{**d, "id": ref(d["id"])} for d in data["documents"]]
    out["speakers"] = [{**s, "id": ref(s["id"])} for s in data["speakers"]]
    out["topics"] = [{**t, "id": ref(t["id"])} for t in data["topics"]]
    out["claims"] = [
        {
            **c,
            "id": ref(c["id"]),
            "topics": [ref(t) for t in c["topics"]],
            **({"stances": {ref(t): s for t, s in c["stances"].items()}} if "stances" in c else {}),
            "attributions": [
                {**a, "speaker": ref(a["speaker"]), "document": ref(a["document"])}
                for a in c["attributions"]
            ],
        }
        for c in data["claims"]
    ]
    out["relations"] = [
        {**r, "source": ref(r["source"]), "target": ref(r["target"])} for r in data["relations"]
    ]
    return out


def _shuffled(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    out = {**data}
    for section in ("documents", "speakers", "topics", "claims", "relations"):
        items = list(data[section])
        rng.shuffle(items)
        out[section] = items
    return out


def _contest_summary(graph: ArgumentGraph, back: dict[str, str]) -> dict[str, Any]:
    """What contestedness says per topic, in the original ids; blind to side names."""

    def ids(values: list[str]) -> frozenset[str]:
        return frozenset(back.get(v, v) for v in values)

    summary: dict[str, Any] = {}
    for q in contested_topics(graph).questions:
        summary[back.get(q.id, q.id)] = {
            "score": q.score,
            "balance": q.balance,
            "cruxes": q.cruxes,
            "answered": q.answered,
            "yes": ids([s.id for s in q.yes]),
            "no": ids([s.id for s in q.no]),
            "mixed": ids([s.id for s in q.mixed]),
            "documents": ids(q.documents),
        }
    return summary


def _alignment_summary(graph: ArgumentGraph, back: dict[str, str]) -> dict[frozenset[str], Any]:
    return {
        frozenset((back.get(p.first, p.first), back.get(p.second, p.second))): (
            p.score,
            p.agreement,
            p.disagreement,
            frozenset(back.get(c, c) for c in p.shared_claims),
        )
        for p in speaker_alignment(graph).pairs
    }


@SETTINGS
@given(graph_data(), st.randoms(use_true_random=False))
def test_analyses_ignore_names_and_order(data: dict[str, Any], rng: random.Random) -> None:
    original = ArgumentGraph.model_validate(data)
    ids = [item["id"] for s in ("documents", "speakers", "topics", "claims") for item in data[s]]
    targets = [f"n{i}" for i in range(len(ids))]
    rng.shuffle(targets)  # a random bijection: sort order of ids changes too
    rename = dict(zip(ids, targets, strict=True))
    back = {new: old for old, new in rename.items()}
    other = ArgumentGraph.model_validate(_shuffled(_renamed(data, rename), rng))
    assert _contest_summary(other, back) == _contest_summary(original, {})
    assert _alignment_summary(other, back) == _alignment_summary(original, {})


@SETTINGS
@given(graph_data())
def test_contested_topics_map_back_exactly_under_an_order_keeping_renaming(
    data: dict[str, Any],
) -> None:
    ids = [item["id"] for s in ("documents", "speakers", "topics", "claims") for item in data[s]]
    rename = {i: f"zz-{i}" for i in ids}  # keeps the sort order of ids
    original = contested_topics(ArgumentGraph.model_validate(data)).model_dump(mode="json")
    renamed = contested_topics(ArgumentGraph.model_validate(_renamed(data, rename)))
    assert _map_strings(renamed.model_dump(mode="json"), {v: k for k, v in rename.items()}) == (
        original
    )


def _map_strings(value: Any, back: dict[str, str]) -> Any:
    """Every string that is a renamed id (or ``a->b`` key of two) mapped back; text too."""
    if isinstance(value, dict):
        return {k: _map_strings(v, back) for k, v in value.items()}
    if isinstance(value, list):
        return [_map_strings(v, back) for v in value]
    if isinstance(value, str):
        if value in back:
            return back[value]
        if "->" in value and all(p in back for p in value.split("->")):
            return "->".join(back[p] for p in value.split("->"))
        for new in sorted(back, key=len, reverse=True):
            value = value.replace(new, back[new])
        return value
    return value
