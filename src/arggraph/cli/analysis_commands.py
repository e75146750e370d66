"""Commands that analyse a debate: topics, positions, claims, alignment, status."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from arggraph.analysis.alignment import speaker_alignment, speaker_camps
from arggraph.analysis.contestedness import ContestedReport, contested_topics
from arggraph.analysis.positions import PositionsReport, positions
from arggraph.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    _add_graph_args,
    _clip,
    _count,
    _load,
    _positive_int,
    _print_json,
)
from arggraph.render.text import positions_lines, topics_lines

if TYPE_CHECKING:
    from arggraph.analysis.contested import Rebuttal
    from arggraph.cli.common import Subcommands
    from arggraph.model import ArgumentGraph


def register(commands: Subcommands) -> None:
    """topics, positions, claims, alignment and status."""
    topics = commands.add_parser(
        "topics",
        help="rank topics and their questions from most to least contested",
        description="Rank topics by how contested their questions are (docs/analysis.md "
        "gives the formula): for each question, who answers yes and who no in their own "
        "claims, how many direct clashes, and whether the rank holds with each document "
        "left out.",
    )
    _add_graph_args(topics)
    topics.add_argument("--json", action="store_true", help="print the full result as JSON")
    topics.add_argument(
        "--top", type=_positive_int, metavar="N", help="show only the N most contested"
    )
    topics.add_argument(
        "--topic", metavar="ID", help="show one topic in full, every question included"
    )
    topics.set_defaults(command=cmd_topics)

    positions_ = commands.add_parser(
        "positions",
        help="for each question, who answers yes, who no, in their own words, and where they clash",
        description="For every question of every topic: each speaker's position (yes, no, or "
        "both ways) from the speaker's own claims, with quotes; speakers placed only by a "
        "relation, said so; views reported from groups, listed apart; and the cruxes, "
        "rebuttals between claims that answer differently. --json is documented in "
        "docs/analysis.md.",
    )
    _add_graph_args(positions_)
    positions_.add_argument("--json", action="store_true", help="print the full result as JSON")
    positions_.add_argument(
        "--question", metavar="ID", help="show one question (or topic id) in full, every quote"
    )
    positions_.set_defaults(command=cmd_positions)

    claims = commands.add_parser(
        "claims",
        help="rank claims by how contested they are: rebuttals received, by whom, answered",
        description="Rank every claim by contestedness (docs/analysis.md): the rebuttals it "
        "receives, who makes them, whether they are answered, and who supports it.",
    )
    _add_graph_args(claims)
    claims.add_argument("--json", action="store_true", help="print the full result as JSON")
    claims.add_argument(
        "--top",
        type=_positive_int,
        default=20,
        metavar="N",
        help="show the N most contested (default 20; --json gives all)",
    )
    claims.set_defaults(command=cmd_claims)

    alignment = commands.add_parser(
        "alignment",
        help="who agrees with whom: speaker pairs and camps",
        description="For every pair of speakers, the supports and rebuttals between their "
        "claims and the claims they share; then the camps of a structural-balance split, "
        "each named by the answers its members give, and the links the camps do not "
        "respect, with their evidence. Groups (reported views) are left out; a claim's "
        "co-holders never count as disagreeing. Use --topic to align on one subject "
        "(pooled over all topics, broad agreement can hide a sharp disagreement).",
    )
    _add_graph_args(alignment)
    alignment.add_argument("--json", action="store_true", help="print the result as JSON")
    alignment.add_argument("--topic", metavar="ID", help="only the claims of this topic")
    alignment.set_defaults(command=cmd_alignment)

    status = commands.add_parser(
        "status",
        help="is each claim challenged, and is the objection answered?",
        description="Each claim's status in plain words, with the reason: unchallenged "
        "(no rebuttal or undercut targets it), objection answered (every objection is "
        "itself rebutted) or objection unanswered (some objection has no reply). Only "
        "the relations the graph states count. With --formal: accepted, rejected or "
        "undecided under Dung's semantics, and each claim's DF-QuAD strength "
        "(docs/analysis.md); a formal 'rejected' is not a verdict on the claim.",
    )
    _add_graph_args(status)
    status.add_argument(
        "--formal",
        action="store_true",
        help="formal argumentation statuses instead (implied by --semantics and --bipolar)",
    )
    status.add_argument(
        "--semantics",
        choices=("grounded", "preferred-sceptical", "preferred-credulous"),
        help="formal semantics; default grounded (linear time); preferred ones are "
        "exponential, with a budget",
    )
    status.add_argument(
        "--bipolar",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="formal statuses: add the attacks supports imply (off by default; never onto "
        "a claim the attacker supports or that its holder also holds)",
    )
    status.add_argument(
        "--timeout", type=float, help="seconds the preferred search may take (default: none)"
    )
    status.add_argument("--json", action="store_true", help="print the result as JSON")
    status.set_defaults(command=cmd_status)


def cmd_topics(args: argparse.Namespace) -> int:
    """``arggraph topics``: topics ranked by how contested their questions are."""
    report = contested_topics(_load(args))
    topics = report.topics
    if args.topic is not None:
        topics = [t for t in report.topics if t.topic == args.topic]
        if not topics:
            known = ", ".join(t.topic for t in report.topics) or "none"
            print(f"error: no topic {args.topic!r} in the graph (topics: {known})", file=sys.stderr)
            return EXIT_USAGE
    elif args.top is not None:
        topics = topics[: args.top]
    shown = {q.id for t in topics for q in t.questions}
    report = ContestedReport(
        topics=topics, questions=[q for q in report.questions if q.id in shown]
    )
    if args.json:
        _print_json(report)
        return EXIT_OK
    for line in topics_lines(report, full=args.topic is not None):
        print(line)
    return EXIT_OK


def cmd_positions(args: argparse.Namespace) -> int:
    """``arggraph positions``: who answers each question yes or no, in their own words."""
    report = positions(_load(args))
    if args.question is not None:
        chosen = [q for q in report.questions if args.question in (q.id, q.topic)]
        if not chosen:
            known = ", ".join(q.id for q in report.questions) or "none"
            print(
                f"error: no question {args.question!r} in the graph (questions: {known})",
                file=sys.stderr,
            )
            return EXIT_USAGE
        report = PositionsReport(questions=chosen)
    if args.json:
        _print_json(report)
        return EXIT_OK
    for line in positions_lines(report, full=args.question is not None):
        print(line)
    return EXIT_OK


def cmd_claims(args: argparse.Namespace) -> int:
    """``arggraph claims``: claims ranked by contestedness, with who rebuts them."""
    from arggraph.analysis.contested import contested_claims

    graph = _load(args)
    report = contested_claims(graph)
    if args.json:
        _print_json(report)
        return EXIT_OK
    drawn_by = _link_drawers(graph)
    for item in report.claims[: args.top]:
        statement = _clip(item.claim.statement, 90)
        print(f"{item.rank}. [{item.claim.id}] {statement}  score {item.score:g}")
        for rebuttal in item.rebuttals:
            print("   " + _rebuttal_words(rebuttal, drawn_by.get(rebuttal.relation)))
        if item.supports:
            backers = sorted({s.name for sup in item.supports for s in sup.by})
            print(f"   supported by claims of {', '.join(backers) or 'nobody named'}")
    return EXIT_OK


def _link_drawers(graph: ArgumentGraph) -> dict[str, str]:
    """Who draws each attributed relation, by relation key (the others are the analyst's)."""
    names = {s.id: s.name for s in graph.speakers}
    return {
        r.key: names.get(r.attribution.speaker, r.attribution.speaker)
        for r in graph.relations
        if r.attribution is not None
    }


def _rebuttal_words(rebuttal: Rebuttal, drawer: str | None) -> str:
    """A rebuttal as the claim that rebuts and who holds it, not as who argued against.

    The holders of the rebutting claim need not have aimed it at this claim (the analyst
    may have drawn the link), so they are named as holders; a speaker who draws the link
    in their own words is named for that.
    """
    holders = ", ".join(s.name for s in rebuttal.by) or "nobody named"
    drawn = f"; drawn by {drawer}" if drawer else ""
    answered = "answered" if rebuttal.answered else "unanswered"
    return f"rebutted by claim {rebuttal.source} of {holders} ({answered}{drawn})"


def cmd_alignment(args: argparse.Namespace) -> int:
    """``arggraph alignment``: speaker pairs from most allied to most opposed, and camps."""
    graph = _load(args)
    if args.topic is not None and args.topic not in {t.id for t in graph.topics}:
        known = ", ".join(t.id for t in graph.topics) or "none"
        print(f"error: no topic {args.topic!r} in the graph (topics: {known})", file=sys.stderr)
        return EXIT_USAGE
    alignment = speaker_alignment(graph, topic=args.topic)
    camps = speaker_camps(graph, topic=args.topic)
    if args.json:
        print(
            json.dumps(
                {
                    "alignment": alignment.model_dump(mode="json"),
                    "camps": camps.model_dump(mode="json"),
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    names = {s.id: s.name for s in alignment.speakers}
    print("Camps")
    for camp in camps.camps:
        members = ", ".join(s.name for s in camp.speakers)
        against = f"  (opposes {', '.join(camp.opposes)})" if camp.opposes else ""
        print(f"  {camp.id} ({camp.name}): {members}{against}")
    if camps.unaligned:
        print(f"  aligned with nobody: {', '.join(s.name for s in camps.unaligned)}")
    if camps.frustrated:
        print(
            f"\n{_count(len(camps.frustrated), 'link')} of {len(camps.links)} cut across the "
            f"camps (weight {camps.frustration:g}"
            f"{'' if camps.exact else ', split by local search'}):"
        )
        for link in camps.frustrated:
            kind = "allies" if link.sign > 0 else "opponents"
            print(
                f"  {names[link.first]} / {names[link.second]} ({kind}, weight {link.weight:g}): "
                + ", ".join(link.evidence)
            )
    print("\nPairs (score from -1 opposed to +1 allied)")
    for pair in sorted(alignment.pairs, key=lambda p: (-p.score, p.first, p.second)):
        print(
            f"  {pair.score:+.2f}  {names[pair.first]} / {names[pair.second]}: "
            f"{_count(len(pair.supports), 'support')}, {_count(len(pair.rebuts), 'rebuttal')}, "
            f"{_count(len(pair.shared_claims), 'shared claim')}, "
            f"{_count(len(pair.same_side_of), 'claim')} argued on the same side, "
            f"{len(pair.opposite_sides_of)} on opposite sides"
        )
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    """``arggraph status``: each claim's status in words with the reason, or formal ones."""
    from arggraph.analysis.objections import STATUS_COUNT_WORDS, reader_statuses
    from arggraph.analysis.statuses import claim_statuses

    if not (args.formal or args.semantics or args.bipolar):
        readers = reader_statuses(_load(args))
        if args.json:
            _print_json(readers)
            return EXIT_OK
        print(
            f"{_count(len(readers.claims), 'claim')}: {readers.objection_unanswered} "
            f"{STATUS_COUNT_WORDS['objection unanswered']}, {readers.objection_answered} "
            f"{STATUS_COUNT_WORDS['objection answered']}, {readers.unchallenged} "
            "unchallenged (stated rebuttals and undercuts only)"
        )
        for reader in readers.claims:
            print(f"{reader.status:<20}  [{reader.claim}] {_clip(reader.statement, 80)}")
            if reader.objections:
                print(f"    {reader.reason}")
        return EXIT_OK
    report = claim_statuses(
        _load(args),
        semantics=args.semantics or "grounded",
        bipolar=args.bipolar,
        timeout=args.timeout,
    )
    if args.json:
        _print_json(report)
        return EXIT_OK
    derived = (
        f"{report.derived_attacks} derived from supports, {report.derived_attacks_dropped} left out"
        if report.bipolar
        else "none derived from supports"
    )
    print(
        f"{report.semantics} semantics over {report.arguments} claims and {report.attacks} "
        f"attacks ({derived}): {report.accepted} accepted, {report.rejected} rejected, "
        f"{report.undecided} undecided"
    )
    for claim in report.claims:
        attackers = f"  (attacked by {', '.join(claim.attackers)})" if claim.attackers else ""
        print(
            f"{claim.status:<9}  {claim.strength:.2f}  [{claim.claim}] "
            f"{_clip(claim.statement, 80)}{attackers}"
        )
    return EXIT_OK
