"""Cruxes are disagreements on the question itself, and a position's clearest claim comes first.

Each graph is written to a file and read back by the command line, as a user runs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from arggraph.analysis.positions import positions
from arggraph.analysis.robustness import leave_one_out_tallies
from arggraph.analysis.signed import signed_links
from arggraph.model import ArgumentGraph
from tests.analysis.graphs import claim, graph_of

SCRIPT = Path(sys.executable).with_name("arggraph")


def cli_json(tmp_path: Path, graph: ArgumentGraph, *args: str) -> Any:
    """Write the graph to a file and run ``arggraph ARGS FILE --json`` on it."""
    path = tmp_path / "graph.json"
    path.write_text(graph.model_dump_json(exclude_none=True), encoding="utf-8")
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "arggraph"]
    done = subprocess.run(
        [*command, *args, str(path), "--json"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def compute_question(tmp_path: Path, graph: ArgumentGraph) -> dict[str, Any]:
    report = cli_json(tmp_path, graph, "positions")
    return next(q for q in report["questions"] if q["id"] == "compute")


def test_two_speakers_who_both_answer_yes_do_not_clash(tmp_path: Path) -> None:
    """McBride's objection to Heim's yes-claim is no crux: McBride answers yes too."""
    graph = graph_of(
        [
            claim("heim-yes", "heim", stance="yes"),
            claim("mcbride-yes", "mcbride", stance="yes"),
            claim("mcbride-aside", "mcbride"),  # answers nothing itself
            claim("chilson-no", "chilson", stance="no"),
        ],
        ["mcbride-aside rebuts heim-yes", "chilson-no rebuts mcbride-yes"],
    )
    question = compute_question(tmp_path, graph)
    assert [c["relation"] for c in question["cruxes"]] == ["chilson-no->mcbride-yes"]
    topics = cli_json(tmp_path, graph, "topics")
    (counted,) = [q for q in topics["questions"] if q["id"] == "compute"]
    assert counted["cruxes"] == 1  # the ranking counts what positions shows


def test_an_undercut_names_only_the_holders_on_the_attacked_side(tmp_path: Path) -> None:
    """Chilson says 'cheap' in his essay, never beside 'less', and answers nothing on
    compute: not named '(yes)'. McBride answers nothing either but draws the step (he
    says 'cheap' in the talk that says 'less'): he is on the yes side."""
    cheap = claim(
        "cheap",
        "karp,mcbride",
        topics="compute,costs",
        stances={"costs": "yes"},
        statement="DeepSeek rivals US models cheaply.",
    )
    cheap["attributions"].append(
        {"speaker": "chilson", "document": "essay", "quote": cheap["statement"]}
    )
    graph = graph_of(
        [cheap, claim("less", "karp", stance="yes"), claim("access", "heim", stance="no")],
        ["r1: cheap supports less", "access rebuts r1"],
    )
    (crux,) = compute_question(tmp_path, graph)["cruxes"]
    assert [s["name"] for s in crux["against"]] == ["Karp", "Keegan McBride"]
    assert [q["speaker"] for q in crux["target"]["quotes"]] == ["karp", "mcbride"]
    assert [s["name"] for s in crux["by"]] == ["Lennart Heim"]


def test_a_position_shows_its_claim_that_rebuts_the_other_answer_first(tmp_path: Path) -> None:
    """Heim's direct no (rebutting the yes-claim) comes before his undercut, then the rest."""
    graph = graph_of(
        [
            claim("cheap", "chilson", topics="compute,costs", stances={"costs": "yes"}),
            claim("less", "chilson", stance="yes"),
            claim("aa-aside", "heim", stance="no", statement="Chips are one input."),
            claim("ab-access", "heim", stance="no", statement="Access improves over time."),
            claim("still", "heim", stance="no", statement="Of course, it is still important."),
        ],
        ["r1: cheap supports less", "ab-access rebuts r1", "still rebuts less"],
    )
    (heim,) = [
        p for p in compute_question(tmp_path, graph)["positions"] if p["name"] == "Lennart Heim"
    ]
    assert [c["claim"] for c in heim["claims"]] == ["still", "ab-access", "aa-aside"]
    assert heim["claims"][0]["quotes"][0]["quote"] == "Of course, it is still important."


@pytest.mark.parametrize("also_quoted_elsewhere", [False, True])
def test_leaving_out_the_document_of_a_speakers_yes_makes_their_objection_a_crux(
    also_quoted_elsewhere: bool,
) -> None:
    """Karp's yes is in the news only: without it his objection to Heim's yes is a
    clash, and the leave-one-out count says so as positions does (whether his claim
    drops out or stays, held by Heim in the talk)."""
    karp_yes = claim("karp-yes", "karp", stance="yes", doc="news")
    if also_quoted_elsewhere:  # Heim says it in the talk too: it stays, Karp's quote goes
        karp_yes["attributions"].append(
            {"speaker": "heim", "document": "talk", "quote": karp_yes["statement"]}
        )
    graph = graph_of(
        [
            claim("heim-yes", "heim", stance="yes"),
            claim("chilson-no", "chilson", stance="no"),
            claim("karp-aside", "karp"),
            karp_yes,
        ],
        ["karp-aside rebuts heim-yes"],
    )
    assert positions(graph).question("compute").cruxes == []
    without_news = positions(graph, without_document="news").question("compute")
    assert [c.relation for c in without_news.cruxes] == ["karp-aside->heim-yes"]
    tallies = dict(leave_one_out_tallies(graph, signed_links(graph)))
    assert tallies["news"]["compute"].cruxes == 1
