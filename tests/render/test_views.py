"""View data: what each view draws, how it encodes relations and status, and its layout."""

from __future__ import annotations

import json
from typing import Any

import pytest

from arggraph.analysis.objections import Statuses, claim_statuses_for_display
from arggraph.model import ArgumentGraph
from arggraph.render import style
from arggraph.render.layout import layered_layout
from arggraph.render.style import (
    ANSWER_COLOURS,
    RANDOM_SEED,
    REBUT_COLOUR,
    STABILISATION_ITERATIONS,
    STATUS_COLOURS,
    SUPPORT_COLOUR,
    TOPIC_COLOURS,
    TOPIC_SHAPES,
    topic_style,
)
from arggraph.render.views import (
    PRECOMPUTE_ABOVE,
    GraphView,
    all_views,
    answered_questions,
    document_view,
    question_view,
    question_views,
    speaker_view,
    topic_view,
    whole_view,
)
from arggraph.synthetic import synthetic_graph
from tests.render.conftest import hostile_data


def edges_of(view: GraphView, relation: str) -> list[dict[str, Any]]:
    return [e for e in view.edges if e["relation"] == relation]


def test_whole_view_draws_every_claim_and_relation(hostile_graph: ArgumentGraph) -> None:
    view = whole_view(hostile_graph)
    assert view.counts == {
        "claims": 5,
        "junctions": 1,
        "relations": 4,
        "nodes": 6,
        "edges": 5,
    }
    assert [n["id"] for n in view.nodes if n["kind"] == "claim"] == [
        c.id for c in hostile_graph.claims
    ]


def test_undercut_points_at_a_junction_on_the_relation_it_attacks(
    hostile_graph: ArgumentGraph,
) -> None:
    view = whole_view(hostile_graph)
    attacked = edges_of(view, "r-link")
    assert [(e["from"], e["to"], e["arrows"]) for e in attacked] == [
        ("buy", "@r-link", ""),
        ("@r-link", "still", "to"),
    ]
    (undercut,) = edges_of(view, "inference->r-link")
    assert (undercut["from"], undercut["to"], undercut["undercut"]) == (
        "inference",
        "@r-link",
        True,
    )
    (junction,) = [n for n in view.nodes if n["kind"] == "junction"]
    assert junction["id"] == "@r-link"
    assert junction["relation"] == "r-link"


@pytest.mark.parametrize(
    ("relation", "colour", "dashes"),
    [("inference->less", SUPPORT_COLOUR, False), ("still->less", REBUT_COLOUR, True)],
)
def test_supports_are_green_solid_and_rebuttals_red_dashed(
    hostile_graph: ArgumentGraph, relation: str, colour: str, dashes: bool
) -> None:
    (edge,) = edges_of(whole_view(hostile_graph), relation)
    assert edge["color"]["color"] == colour
    assert edge["dashes"] is dashes
    assert edge["arrows"] == "to"


def test_topic_shapes_and_borders_differ_by_first_topic(hostile_graph: ArgumentGraph) -> None:
    nodes = {n["id"]: n for n in whole_view(hostile_graph).nodes}
    assert nodes["still"]["shape"] == nodes["less"]["shape"]
    assert nodes["still"]["shape"] != nodes["buy"]["shape"]
    assert nodes["still"]["color"]["border"] != nodes["buy"]["color"]["border"]
    assert nodes["loose"]["shape"] == "ellipse"  # no topic


def test_topics_get_distinct_colour_and_shape_pairs() -> None:
    pairs = [topic_style(i) for i in range(len(TOPIC_COLOURS) * len(TOPIC_SHAPES))]
    assert len(set(pairs)) == len(pairs) == 63
    assert len({colour for colour, _ in (p[::-1] for p in pairs[:9])}) == 9


def test_topic_view_adds_neighbours_as_faded_context(hostile_graph: ArgumentGraph) -> None:
    view = topic_view(hostile_graph, "chips")
    guests = {n["id"]: n["guest"] for n in view.nodes if n["kind"] == "claim"}
    # members: inference, buy; one relation away: still (buy supports it), less
    assert guests == {"still": True, "less": True, "inference": False, "buy": False}
    assert set(view.relations) == {r.key for r in hostile_graph.relations}


@pytest.mark.parametrize(
    ("build", "item", "members"),
    [
        (speaker_view, "heim", {"still", "loose"}),
        (document_view, "talk:1", {"still", "less", "inference", "buy", "loose"}),
        (document_view, "essay.2", set()),
    ],
)
def test_speaker_and_document_views_hold_their_claims(
    hostile_graph: ArgumentGraph, build: Any, item: str, members: set[str]
) -> None:
    view = build(hostile_graph, item)
    drawn = {n["id"] for n in view.nodes if n["kind"] == "claim" and not n["guest"]}
    assert drawn == members


def test_every_relation_drawn_has_its_claims_drawn(hostile_graph: ArgumentGraph) -> None:
    for view in all_views(hostile_graph):
        ids = {n["id"] for n in view.nodes}
        for edge in view.edges:
            assert edge["from"] in ids
            assert edge["to"] in ids


def test_small_views_use_seeded_force_atlas_with_straight_edges(
    hostile_graph: ArgumentGraph,
) -> None:
    view = whole_view(hostile_graph)
    physics = view.options["physics"]
    assert physics["solver"] == "forceAtlas2Based"
    assert physics["stabilization"]["iterations"] == STABILISATION_ITERATIONS
    assert view.options["edges"]["smooth"] is False
    assert view.options["layout"]["randomSeed"] == RANDOM_SEED
    assert not view.precomputed
    assert all("x" not in n for n in view.nodes)


def test_whole_view_labels_its_most_connected_claims(hostile_graph: ArgumentGraph) -> None:
    nodes = {n["id"]: n for n in whole_view(hostile_graph).nodes}
    central = {k for k, n in nodes.items() if n.get("central")}
    assert central == {"still", "less", "inference", "buy"}  # "loose" has no relation
    assert nodes["less"]["size"] > nodes["loose"]["size"]


def test_large_views_get_precomputed_positions_and_no_physics(
    hostile_graph: ArgumentGraph,
) -> None:
    view = whole_view(hostile_graph, precompute_above=3)
    assert view.precomputed
    assert view.options["physics"] == {"enabled": False}
    assert view.options["interaction"]["hideEdgesOnDrag"] is True
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in view.nodes)
    assert "precomputed" in view.layout_note
    assert {r["label"] for r in view.regions} == {
        "Compute <script>alert('s')</script>",
        'Chips " onmouseover="alert(\'q\')" x="',
        "No topic",
    }
    junction = next(n for n in view.nodes if n["kind"] == "junction")
    buy = next(n for n in view.nodes if n["id"] == "buy")
    still = next(n for n in view.nodes if n["id"] == "still")
    assert junction["x"] == pytest.approx((buy["x"] + still["x"]) / 2, abs=0.1)


def test_precomputed_layout_spreads_claims_out() -> None:
    # Its speed is measured in benchmarks/, not asserted here.
    graph = synthetic_graph(3000, seed=5)
    view = whole_view(graph)
    assert view.precomputed
    assert len(view.nodes) > PRECOMPUTE_ABOVE
    positions = {(n["x"], n["y"]) for n in view.nodes}
    assert len(positions) == len(view.nodes)


def test_views_are_deterministic(hostile_graph: ArgumentGraph) -> None:
    first = [json.dumps(v.page_data()) for v in all_views(hostile_graph)]
    again = ArgumentGraph.model_validate(hostile_graph.model_dump())
    assert [json.dumps(v.page_data()) for v in all_views(again)] == first


def test_details_name_supporters_rebutters_and_quotes(hostile_graph: ArgumentGraph) -> None:
    view = whole_view(hostile_graph)
    less = view.claims["less"]
    assert [r["id"] for r in less["rebutters"]] == ["still"]
    assert [r["id"] for r in less["supporters"]] == ["inference"]
    assert less["quotes"][0]["quote"].startswith("efficiency wins </script>")
    buy = view.claims["buy"]
    assert [(u["id"], u["kind"]) for u in buy["undercutters"]] == [("inference", "rebuts")]
    assert view.statements == {}  # every claim named is drawn


def test_statements_of_claims_named_but_not_drawn_come_once(
    hostile_graph: ArgumentGraph,
) -> None:
    view = speaker_view(hostile_graph, "mcbride")
    assert sorted(view.claims) == ["buy", "inference", "still"]
    assert view.statements == {"less": hostile_graph.claim("less").statement}


def test_statuses_are_the_reader_statuses_and_strengths(hostile_graph: ArgumentGraph) -> None:
    from arggraph.analysis.objections import reader_statuses
    from arggraph.analysis.statuses import claim_statuses

    readers = {c.claim: c for c in reader_statuses(hostile_graph).claims}
    strengths = {c.claim: c.strength for c in claim_statuses(hostile_graph).claims}
    view = whole_view(hostile_graph)
    shown = {k: (v["status"], v["reason"], v["strength"]) for k, v in view.claims.items()}
    assert shown == {k: (c.status, c.reason, strengths[k]) for k, c in readers.items()}
    nodes = {n["id"]: n for n in view.nodes}
    unchallenged = [k for k, c in readers.items() if c.status == "unchallenged"]
    objected = [k for k, c in readers.items() if c.status == "objection unanswered"]
    assert unchallenged
    assert objected
    assert (
        nodes[unchallenged[0]]["color"]["background"] != nodes[objected[0]]["color"]["background"]
    )


def test_status_colours_are_the_reader_statuses_and_none_is_red() -> None:
    from arggraph.analysis.objections import READER_STATUSES

    assert set(STATUS_COLOURS) == {*READER_STATUSES, "not computed"}
    for colour in STATUS_COLOURS.values():
        red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        assert not (red > 180 and green < 120 and blue < 120), colour


def test_statuses_not_computed_show_as_such(hostile_graph: ArgumentGraph) -> None:
    statuses = Statuses({}, {}, "statuses not computed: a test")
    details = whole_view(hostile_graph, statuses=statuses).claims["still"]
    assert (details["status"], details["reason"], details["strength"]) == (
        "not computed",
        None,
        None,
    )


def test_strengths_that_do_not_settle_are_noted(monkeypatch: pytest.MonkeyPatch) -> None:
    from arggraph.analysis import objections as module

    real = module.df_quad

    def hurried(af: Any, **options: Any) -> Any:
        return real(af, max_iterations=1, **options)

    monkeypatch.setattr(module, "df_quad", hurried)
    data = hostile_data()
    data["relations"] = [
        {"source": "still", "target": "less", "kind": "rebuts"},
        {"source": "less", "target": "still", "kind": "rebuts"},
    ]
    statuses = claim_statuses_for_display(ArgumentGraph.model_validate(data))
    assert statuses.note is not None
    assert statuses.note.startswith("strengths did not settle in 1 rounds")
    assert statuses.of("less") is not None


def test_node_and_edge_ids_never_collide() -> None:
    data = hostile_data()
    data["relations"].append(
        {"id": "r-link:1", "source": "loose", "target": "less", "kind": "supports"}
    )
    for view in all_views(ArgumentGraph.model_validate(data)):
        edge_ids = [e["id"] for e in view.edges]
        node_ids = [n["id"] for n in view.nodes]
        assert len(set(edge_ids)) == len(edge_ids), view.key
        assert len(set(node_ids)) == len(node_ids), view.key


def test_relation_notes_go_to_the_one_place_tooltips_are_written() -> None:
    # the page's script writes every edge's tooltip from the relation table
    # (tests/render/test_browser.py reads what the browser shows on hover)
    data = hostile_data()
    data["relations"][0]["note"] = "Draft: rebuts (confidence 0.62)"
    graph = ArgumentGraph.model_validate(data)
    view = whole_view(graph)
    key = graph.relations[0].key
    assert view.relations[key]["note"] == "Draft: rebuts (confidence 0.62)"
    assert all("title" not in e for e in view.edges)


# ---------------------------------------------------------------- argument maps


def stance_graph() -> ArgumentGraph:
    """The hostile graph, answering its question both ways, with a rebuttal beneath each."""
    data = hostile_data()
    data["claims"][2]["stances"] = {"compute": "yes", "chips": "no"}  # inference
    return ArgumentGraph.model_validate(data)


def test_question_view_holds_the_answers_and_what_argues_about_them() -> None:
    graph = stance_graph()
    view = question_view(graph, "compute")
    assert view.key == "question:compute"
    assert view.layout == "layered"
    answers = {n["id"]: n["answer"] for n in view.nodes if n["kind"] == "claim"}
    # still (no), less and inference (yes); buy supports still; loose is unlinked
    assert answers == {"still": "no", "less": "yes", "inference": "yes", "buy": None}
    assert not any(n["guest"] for n in view.nodes if n["kind"] == "claim")


def test_maps_put_yes_left_no_right_and_arguments_beneath() -> None:
    view = question_view(stance_graph(), "compute")
    at = {n["id"]: (n["x"], n["y"]) for n in view.nodes}
    assert at["less"][0] < at["still"][0]  # yes left of no
    assert at["buy"][1] > at["still"][1]  # the support beneath the claim it supports
    assert abs(at["buy"][0] - at["still"][0]) < 200  # in its column
    bands = [r["label"] for r in view.regions if r["kind"] == "band"]
    # each answer's region, and beneath it (buy, under still) one that does not say it answers
    assert bands == [
        "Answers yes",
        "Answers yes",
        "Answers no",
        "Supports and rebuttals beneath, from either side",
    ]


def test_map_boxes_carry_the_whole_statement_the_answer_and_the_speakers() -> None:
    graph = stance_graph()
    nodes = {n["id"]: n for n in question_view(graph, "compute").nodes}
    still = nodes["still"]
    assert still["shape"] == "box"
    assert still["widthConstraint"]["maximum"] == style.BOX_WIDTH
    assert still["label"].split("\n") == [
        "NO",
        graph.claim("still").statement,
        "\u2014 " + next(s.name for s in graph.speakers if s.id == "heim"),
    ]
    assert still["color"]["border"] == ANSWER_COLOURS["no"]
    assert nodes["less"]["color"]["border"] == ANSWER_COLOURS["yes"]


def test_topic_maps_name_the_sub_question_a_claim_answers() -> None:
    data = hostile_data()
    data["topics"][0]["questions"] = [{"id": "soon", "question": "Soon?", "label": "Soon?"}]
    data["claims"][0]["stances"] = {"soon": "yes"}
    view = topic_view(ArgumentGraph.model_validate(data), "compute")
    still = next(n for n in view.nodes if n["id"] == "still")
    assert still["label"].startswith("YES: Soon?\n")
    assert view.layout == "layered"


def test_question_views_are_built_for_every_answered_question() -> None:
    graph = stance_graph()
    assert answered_questions(graph) == ["compute", "chips"]
    assert sorted(question_views(graph, ["chips"])) == ["chips"]
    kinds = [v.key for v in all_views(graph) if v.kind == "question"]
    assert kinds == ["question:compute", "question:chips"]
    with pytest.raises(KeyError, match="no question 'nope'"):
        question_view(graph, "nope")


@pytest.mark.parametrize(
    ("answers", "links", "columns"),
    [
        ({"a": "yes", "b": "no"}, [("c", "a"), ("d", "b")], {"a": 0, "c": 0, "b": 1, "d": 1}),
        ({"a": "yes"}, [("c", "a"), ("d", "c")], {"a": 0, "c": 0, "d": 0}),
        ({}, [("b", "a"), ("c", "a")], {"a": 0, "b": 0, "c": 0}),
    ],
)
def test_layered_layout_puts_each_tree_in_its_answers_column(
    answers: dict[str, str], links: list[tuple[str, str]], columns: dict[str, int]
) -> None:
    claims = sorted({c for pair in links for c in pair} | set(answers))
    layout = layered_layout(claims, answers, links, dict.fromkeys(claims, 80.0))
    xs = {c: layout.positions[c][0] for c in claims}
    left = min(xs.values())
    assert {c: int((x - left) // 600) for c, x in xs.items()} == columns
    for source, target in links:
        assert layout.positions[source][1] > layout.positions[target][1]


def test_layered_layout_puts_unlinked_claims_in_a_band_beneath() -> None:
    layout = layered_layout(["a", "b", "z"], {"a": "yes", "b": "no"}, [], dict.fromkeys("abz", 80))
    assert layout.positions["z"][1] > max(layout.positions[c][1] for c in "ab")
    assert [r["label"] for r in layout.regions][-1] == "Linked to no answer"


def test_maps_are_deterministic() -> None:
    first = json.dumps(question_view(stance_graph(), "compute").page_data())
    assert json.dumps(question_view(stance_graph(), "compute").page_data()) == first


def test_a_question_map_has_a_text_outline_by_answer(hostile_graph: ArgumentGraph) -> None:
    from arggraph.render.views import question_view

    outline = question_view(hostile_graph, "compute").outline()
    headings = [g["heading"] for g in outline["groups"]]
    assert headings[:2] == ["Answers yes", "Answers no"]
    (less,) = [c for c in outline["groups"][0]["claims"] if c["id"] == "less"]
    assert ("rebuts", "still") in [(k["kind"], k["id"]) for k in less["children"]]
    assert outline["omitted"] == 0
    assert question_view(hostile_graph, "compute").outline(limit=1)["omitted"] > 0
