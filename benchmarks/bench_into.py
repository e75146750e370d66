"""Adding a document back to the DeepSeek graph: precision and recall of the proposals.

Leave one document out: its claims (those quoted only from it) and every relation
touching them leave the curated graph, and its attributions leave the claims other
documents also hold. The document is then added back with
:func:`arggraph.extract.into.propose_additions` (what ``arggraph extract NEWDOC --into
GRAPH`` runs) at the default settings, and the proposals are scored against the
curated graph:

- a drafted claim pairs with the curated claim of the held-out document whose quote
  shares the most characters with its own (none: the claim is not in the curated
  graph);
- a **merge** proposal ``d -> E`` is right when ``d`` pairs with ``E`` (a claim the
  curated graph attributes to the held-out document and another one);
- a **relation** proposal is right *exactly* when the curated graph has the relation
  between ``d``'s curated claim and ``E`` with that kind and direction, and *at all*
  when it relates the two in any way;
- recall: the curated merges (claims of the document that others also hold) and the
  curated relations between the document's own claims and the rest of the graph that
  a proposal recovers.

Example
-------
``.venv/bin/python benchmarks/bench_into.py --update benchmarks/results/extract.md``
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from arggraph.extract.into import MERGE_THRESHOLD, Review, propose_additions
from arggraph.extract.learned import default_model
from arggraph.extract.pipeline import SourceText
from arggraph.io.yaml_json import graph_to_data, read_graph
from arggraph.model import ArgumentGraph

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "graphs" / "deepseek.yaml"
START, END = "<!-- bench_into:start -->", "<!-- bench_into:end -->"
COMMAND = ".venv/bin/python benchmarks/bench_into.py --update benchmarks/results/extract.md"


def leave_out(graph: ArgumentGraph, document: str) -> tuple[ArgumentGraph, set[str]]:
    """The graph without ``document``: its own claims, their relations, its quotes."""
    data = graph_to_data(graph)
    texts = {d.id: t for d in graph.documents if (t := graph.text_of(d.id)) is not None}
    removed: set[str] = set()
    claims = []
    for claim in data["claims"]:
        kept = [a for a in claim["attributions"] if a["document"] != document]
        if kept:
            claims.append({**claim, "attributions": kept})
        else:
            removed.add(claim["id"])
    relations = [r for r in data["relations"] if r["source"] not in removed]
    for _ in range(3):  # undercuts of dropped relations go too
        keys = {r.get("id") or f"{r['source']}->{r['target']}" for r in relations}
        relations = [r for r in relations if r["target"] in keys or r["target"] not in removed]
        relations = [
            r
            for r in relations
            if r["target"] in {c["id"] for c in claims}
            or r["target"] in {x.get("id") or f"{x['source']}->{x['target']}" for x in relations}
        ]
    for relation in relations:
        if relation.get("attribution", {}).get("document") == document:
            del relation["attribution"]
    data["claims"] = claims
    data["relations"] = relations
    data["documents"] = [d for d in data["documents"] if d["id"] != document]
    texts.pop(document, None)
    left = ArgumentGraph.model_validate(data, context={"texts": texts})
    return left, removed


@dataclass
class Score:
    """Counts of one leave-one-out run."""

    document: str
    drafted: int
    paired: int
    gold_claims: int
    merges: int
    merges_right: int
    gold_merges: int
    merges_found: int
    relations: int
    relations_exact: int
    relations_at_all: int
    gold_relations: int
    relations_found: int
    new: int
    seconds: float


def _pairing(review: Review, graph: ArgumentGraph, document: str) -> dict[str, str]:
    """Drafted claim id -> the curated claim of ``document`` whose quote overlaps it most."""
    spans = [
        (a.start, a.end, c.id)
        for c in graph.claims
        for a in c.attributions
        if a.document == document and a.start is not None and a.end is not None
    ]
    pairs = {}
    for claim in review.claims:
        s, e = claim.quote.start or 0, claim.quote.end or 0
        best = max(((min(e, b) - max(s, a), cid) for a, b, cid in spans), default=(0, ""))
        if best[0] > 0:
            pairs[claim.id] = best[1]
    return pairs


def score(graph: ArgumentGraph, document: str, **settings: Any) -> Score:
    """Leave ``document`` out, add it back, and count what the proposals get right."""
    left, removed = leave_out(graph, document)
    held = next(d for d in graph.documents if d.id == document)
    text = graph.text_of(document) or ""
    source = SourceText(f"{document}-new", held.title, text, graph.source_paths.get(document))
    started = time.perf_counter()
    review = propose_additions(left, source, **settings)
    seconds = time.perf_counter() - started
    pairs = _pairing(review, graph, document)
    kept = {c.id for c in left.claims}
    gold_merges = {c.id for c in graph.claims if c.id in kept and document in c.documents}
    curated = {(r.source, r.target): r.kind for r in graph.relations}
    gold_relations = {
        (s, t): k
        for (s, t), k in curated.items()
        if (s in removed and t in kept) or (t in removed and s in kept)
    }
    merges = [p for p in review.proposals if p.scope == "existing" and p.kind == "merge"]
    relations = [
        p for p in review.proposals if p.scope == "existing" and p.kind in ("supports", "rebuts")
    ]
    right_merges = {p.other for p in merges if pairs.get(p.claim) == p.other}
    exact, at_all, found = 0, 0, set()
    for p in relations:
        mine = pairs.get(p.claim)
        if mine is None or p.source is None or p.target is None:
            continue
        s = mine if p.source == p.claim else p.source
        t = mine if p.target == p.claim else p.target
        if curated.get((s, t)) == p.kind:
            exact += 1
            found.add((s, t))
        if (s, t) in curated or (t, s) in curated:
            at_all += 1
    return Score(
        document=document,
        drafted=len(review.claims),
        paired=len(set(pairs.values())),
        gold_claims=sum(1 for c in graph.claims if document in c.documents),
        merges=len(merges),
        merges_right=sum(1 for p in merges if pairs.get(p.claim) == p.other),
        gold_merges=len(gold_merges),
        merges_found=len(right_merges & gold_merges),
        relations=len(relations),
        relations_exact=exact,
        relations_at_all=at_all,
        gold_relations=len(gold_relations),
        relations_found=len(found & set(gold_relations)),
        new=sum(1 for p in review.proposals if p.kind == "new"),
        seconds=seconds,
    )


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.2f}" if b else f"{a}/0"


def section(rows: list[Score], sweep: list[tuple[str, Score]], seconds: float) -> str:
    """The results as a Markdown section."""
    model = default_model()
    lines = [
        START,
        "## Adding a document to the graph (`extract --into`)",
        "",
        f"Reproduce: `{COMMAND}` ({seconds:.0f} s on an x86_64 with 2 CPUs).",
        "",
        "Leave one document of `graphs/deepseek.yaml` out (its own claims, the relations "
        "touching them, and its quotes of claims other documents also hold), add it back "
        "with `arggraph extract DOC --into GRAPH` at the default settings (merge at "
        f"statement similarity {MERGE_THRESHOLD}, one relation per drafted claim at the "
        f"across model's threshold {model.across.threshold}), and score the proposals "
        "against the curated graph. A drafted claim pairs with the curated claim of the "
        "document whose quote overlaps it most. A merge is right when the drafted claim "
        "pairs with the claim it is merged into; a relation is right *exactly* when the "
        "curated graph has it with that kind and direction, *at all* when it relates the "
        "two claims in any way. Recall counts the curated merges (the document's quotes "
        "of claims other documents hold) and the curated relations between the "
        "document's own claims and the rest of the graph that a proposal recovers.",
        "",
        "| left out | drafted claims (paired with curated / curated) | merge precision "
        "| merge recall | relation precision exact (at all) | relation recall | "
        "no proposal | seconds |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.document} | {r.drafted} ({r.paired}/{r.gold_claims}) "
            f"| {_ratio(r.merges_right, r.merges)} | {_ratio(r.merges_found, r.gold_merges)} "
            f"| {_ratio(r.relations_exact, r.relations)} ({r.relations_at_all}) "
            f"| {_ratio(r.relations_found, r.gold_relations)} | {r.new} | {r.seconds:.1f} |"
        )
    total = Score(
        "all four",
        *(sum(getattr(r, f) for r in rows) for f in list(Score.__dataclass_fields__)[1:]),
    )
    lines.append(
        f"| **all four** | {total.drafted} ({total.paired}/{total.gold_claims}) "
        f"| {_ratio(total.merges_right, total.merges)} "
        f"| {_ratio(total.merges_found, total.gold_merges)} "
        f"| {_ratio(total.relations_exact, total.relations)} ({total.relations_at_all}) "
        f"| {_ratio(total.relations_found, total.gold_relations)} | {total.new} "
        f"| {total.seconds:.1f} |"
    )
    lines += [
        "",
        "Other settings, news left out (for reading the defaults, not chosen on this graph):",
        "",
        "| settings | merge precision | merge recall | relation precision exact (at all) "
        "| relation recall |",
        "|---|---|---|---|---|",
    ]
    for name, r in sweep:
        lines.append(
            f"| {name} | {_ratio(r.merges_right, r.merges)} "
            f"| {_ratio(r.merges_found, r.gold_merges)} "
            f"| {_ratio(r.relations_exact, r.relations)} ({r.relations_at_all}) "
            f"| {_ratio(r.relations_found, r.gold_relations)} |"
        )
    lines += [
        "",
        "Every proposal counts in the precision: a proposal from a drafted claim that "
        "pairs with no curated claim is wrong. *No proposal*: drafted claims left with "
        "only the 'add as new' card.",
        END,
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", type=Path, help="replace (or append) the section in this file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    graph = read_graph(GRAPH)
    rows = [score(graph, d.id) for d in graph.documents]
    default = default_model().across.threshold
    sweep = [
        (
            f"merge {m}, relations from {default if c is None else c}",
            score(graph, "news", merge_threshold=m, min_confidence=c),
        )
        for m, c in [(0.4, None), (0.6, None), (0.5, 0.3), (0.5, 0.5)]
    ]
    text = section(rows, sweep, time.perf_counter() - started)
    if args.update is None:
        sys.stdout.write(text)
        return 0
    old = args.update.read_text(encoding="utf-8")
    if START in old and END in old:
        new = old[: old.index(START)] + text + old[old.index(END) + len(END) + 1 :]
    else:
        new = old.rstrip("\n") + "\n\n" + text
    args.update.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
