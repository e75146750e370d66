"""The extraction assistant measured against human graphs, beside its baselines.

Runs four relation methods of :func:`arggraph.extract.extract_texts` in one run:

``learned``            the relation model (``benchmarks/train_relations.py``), decoded
                       into a forest per document
``cues``               the discourse-cue rules
``every-sentence``     every sentence a claim, each linked to its nearest neighbour
``nearest-neighbour``  our claims (merged as ours), each linked to its nearest neighbour

Never tested on what it was trained on:

- **microtexts**: 5 folds of texts; each fold's model is trained on the other four
  folds and all AIFdb corpora, and measured on the fold's texts (each extracted alone);
- **AIFdb** (QT30, US2016, Araucaria): leave one corpus out; the model is trained on
  the microtexts and the two other corpora, and measured on each nodeset's text;
- **DeepSeek seeds** (``graphs/deepseek.yaml``): the shipped model, trained on all the
  shared corpora and never on the seeds.

Each corpus is measured twice: end to end (drafted claims, paired with gold claims by
shared characters) and *given the gold claims* (the relation step alone, as in
argument-pair classification). Relations are scored exactly (kind and direction), as
*found at all* (direction, any kind), and by the supports / rebuts confusion of the
found ones. Across documents, the seeds' proposals are ranked by confidence and
their precision at 20 and 50 measured against the curated graph.

Example
-------
``python benchmarks/bench_extract.py --output benchmarks/results/extract.md``
(needs the ``train`` extra: scikit-learn trains the fold models).
"""

from __future__ import annotations

import argparse
import glob
import platform
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import train_relations as training

import arggraph
from arggraph.extract import LexicalEmbedder, SourceText, extract_texts, read_source
from arggraph.extract.evaluate import (
    Evaluation,
    Score,
    _document_pairs,
    evaluate_draft,
    match_claims,
)
from arggraph.extract.learned import (
    RelationModel,
    cross_document_relations,
    default_model,
    learned_relations,
)
from arggraph.extract.pairs import PairContext
from arggraph.extract.pipeline import ExtractionMode
from arggraph.extract.relations import (
    DraftRelation,
    RelationNode,
    candidate_relations,
    nearest_neighbour_relations,
)
from arggraph.extract.training import LabelledText, labelled_texts
from arggraph.model import ArgumentGraph

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
METHODS: dict[str, ExtractionMode] = {
    "learned": "learned",
    "cues": "cues",
    "every-sentence": "every-sentence",
    "nearest-neighbour": "nearest-neighbour",
}
FOLDS = 5
EMBEDDER = LexicalEmbedder()


@dataclass
class Tally:
    """Relation counts beside an :class:`Evaluation`: found at all, and kind confusion."""

    found: Score = field(default_factory=lambda: Score(0, 0, 0))
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(gold kind, drafted kind) -> count, over drafted relations found at all."""

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.found + other.found, self.confusion + other.confusion)


def _tally(
    drafted: Sequence[tuple[str | None, str | None, str]], gold: dict[tuple[str, str], str]
) -> Tally:
    """Drafted (source, target, kind) in gold ids against gold (source, target) -> kind."""
    confusion: Counter[tuple[str, str]] = Counter()
    for source, target, kind in drafted:
        if source is not None and target is not None and (source, target) in gold:
            confusion[(gold[(source, target)], kind)] += 1
    return Tally(Score(sum(confusion.values()), len(drafted), len(gold)), confusion)


def draft_tally(draft: ArgumentGraph, gold: ArgumentGraph, evaluation: Evaluation) -> Tally:
    """How a draft's relations fare when the kind is ignored (claims paired as evaluated)."""
    documents = set(_document_pairs(draft, gold).values())
    claims = {c.id for c in gold.claims if any(a.document in documents for a in c.attributions)}
    gold_pairs = {
        (r.source, r.target): r.kind
        for r in gold.relations
        if r.source in claims and r.target in claims
    }
    pairs = evaluation.pairs
    return _tally(
        [(pairs.get(r.source), pairs.get(r.target), r.kind) for r in draft.relations], gold_pairs
    )


# ---- given the gold claims -------------------------------------------------------------


def oracle_relations(method: str, text: LabelledText, model: RelationModel) -> list[DraftRelation]:
    """The relations ``method`` drafts among a gold text's own claims."""
    nodes = [
        RelationNode(n.index, n.document, n.segment, n.order, n.speaker, n.text) for n in text.nodes
    ]
    similarity = EMBEDDER.similarity_matrix([n.text for n in nodes])
    if method == "learned":
        return learned_relations(nodes, model=model)
    if method == "cues":
        return candidate_relations(nodes, similarity, related=EMBEDDER.related)
    return nearest_neighbour_relations(similarity)


def oracle_scores(
    method: str, texts: Sequence[LabelledText], model: RelationModel
) -> tuple[Score, Tally]:
    """Exact relation score and tally of ``method`` on gold claims, summed over ``texts``."""
    exact, tally = Score(0, 0, 0), Tally()
    for text in texts:
        drafted = oracle_relations(method, text, model)
        gold = {(str(s), str(t)): k for (s, t), k in text.gold.items()}
        right = sum(text.gold.get((r.source, r.target)) == r.kind for r in drafted)
        exact = exact + Score(right, len(drafted), len(text.gold))
        tally = tally + _tally([(str(r.source), str(r.target), r.kind) for r in drafted], gold)
    return exact, tally


# ---- end to end ------------------------------------------------------------------------


Row = tuple[str, str, Evaluation, Tally]


def end_to_end(
    sources: Sequence[SourceText],
    gold: ArgumentGraph,
    mode: ExtractionMode,
    model: RelationModel,
    cross_budget: int = 0,
) -> tuple[Evaluation, Tally]:
    """Extract ``sources`` together with ``mode``, measured against ``gold``."""
    draft = extract_texts(
        sources, embedder=EMBEDDER, mode=mode, relation_model=model, cross_budget=cross_budget
    )
    evaluation = evaluate_draft(draft, gold)
    return evaluation, draft_tally(draft, gold, evaluation)


def _sum(parts: Sequence[tuple[Evaluation, Tally]]) -> tuple[Evaluation, Tally]:
    evaluation, tally = parts[0]
    for e, t in parts[1:]:
        evaluation, tally = evaluation + e, tally + t
    return evaluation, tally


def microtext_folds(texts: Sequence[LabelledText]) -> list[list[str]]:
    """Microtext ids in :data:`FOLDS` folds: sorted, dealt round-robin."""
    ids = sorted(t.id for t in texts if t.corpus == "microtexts")
    return [ids[k::FOLDS] for k in range(FOLDS)]


@dataclass
class Results:
    """Every table's rows."""

    end_to_end: list[Row] = field(default_factory=list)
    oracle: list[tuple[str, str, Score, Tally]] = field(default_factory=list)
    cross: list[str] = field(default_factory=list)


def measure_microtexts(texts: list[LabelledText], results: Results) -> None:
    """Cross-validated over folds of microtexts (module docs)."""
    folder = DATA / "microtexts"
    gold = arggraph.import_graph("microtexts", folder)
    parts: dict[str, list[tuple[Evaluation, Tally]]] = {m: [] for m in METHODS}
    oracle: dict[str, list[tuple[Score, Tally]]] = {
        m: [] for m in ("learned", "cues", "nearest-neighbour")
    }
    for fold in microtext_folds(texts):
        held = set(fold)
        model = training.train_model([t for t in texts if t.id not in held])
        for method, mode in METHODS.items():
            for name in fold:
                source = read_source(folder / f"{name}.txt")
                parts[method].append(end_to_end([source], gold, mode, model))
        for method in oracle:
            oracle[method].append(oracle_scores(method, [t for t in texts if t.id in held], model))
    for method in METHODS:
        evaluation, tally = _sum(parts[method])
        results.end_to_end.append(("microtexts (89, 5-fold CV)", method, evaluation, tally))
    for method, scores in oracle.items():
        exact, tally = scores[0]
        for e, t in scores[1:]:
            exact, tally = exact + e, tally + t
        results.oracle.append(("microtexts (89, 5-fold CV)", method, exact, tally))


def measure_aifdb(texts: list[LabelledText], results: Results) -> None:
    """Leave one AIFdb corpus out (module docs)."""
    for corpus in training.AIF_CORPORA:
        model = training.train_model([t for t in texts if t.corpus != corpus])
        held = [t for t in texts if t.corpus == corpus]
        parts: dict[str, list[tuple[Evaluation, Tally]]] = {m: [] for m in METHODS}
        for path in sorted(glob.glob(str(DATA / "aifdb" / corpus / "*.json"))):
            gold = arggraph.import_graph("aif", path)
            sources = [
                SourceText(d.id, d.id, gold.text_of(d.id) or "")
                for d in gold.documents
                if gold.text_of(d.id)
            ]
            if not sources:
                continue
            for method, mode in METHODS.items():
                parts[method].append(end_to_end(sources, gold, mode, model))
        label = f"AIFdb {corpus} ({len(held)} nodesets, held out)"
        for method in METHODS:
            evaluation, tally = _sum(parts[method])
            results.end_to_end.append((label, method, evaluation, tally))
        for method in ("learned", "cues", "nearest-neighbour"):
            exact, tally = oracle_scores(method, held, model)
            results.oracle.append((label, method, exact, tally))


def measure_seeds(results: Results) -> None:
    """The seeds with the shipped model: end to end, given gold claims, across documents."""
    gold = arggraph.load(REPO / "graphs" / "deepseek.yaml")
    sources = [read_source(gold.source_paths[d.id]) for d in gold.documents]
    model = default_model()
    for method, mode in METHODS.items():
        evaluation, tally = end_to_end(sources, gold, mode, model)
        results.end_to_end.append(
            ("DeepSeek (4 seeds, never trained on)", method, evaluation, tally)
        )
    texts = labelled_texts(gold, corpus="deepseek")
    for method in ("learned", "cues", "nearest-neighbour"):
        exact, tally = oracle_scores(method, texts, model)
        results.oracle.append(("DeepSeek (4 seeds, within documents)", method, exact, tally))
    results.cross += cross_document_lines(gold, sources, model)


def _precision_at(ranked: Sequence[tuple[bool, bool]], k: int) -> str:
    top = ranked[:k]
    if not top:
        return "n/a"
    exact = sum(e for e, _ in top)
    loose = sum(a for _, a in top)
    n = len(top)
    return f"{exact}/{n} = {exact / n:.2f} exact, {loose}/{n} = {loose / n:.2f} related"


def _precision_cells(marks: Sequence[tuple[bool, bool]]) -> str:
    return f"{_precision_at(marks, 20)} | {_precision_at(marks, 50)}"


def cross_document_lines(
    gold: ArgumentGraph, sources: Sequence[SourceText], model: RelationModel
) -> list[str]:
    """Precision at 20 and 50 of proposals across documents, by method and setting."""
    claims = {c.id: c for c in gold.claims}
    gold_kind = {(r.source, r.target): r.kind for r in gold.relations}
    related = {frozenset((r.source, r.target)) for r in gold.relations}
    cross_gold = sum(
        1
        for r in gold.relations
        if r.source in claims
        and r.target in claims
        and not {a.document for a in claims[r.source].attributions}
        & {a.document for a in claims[r.target].attributions}
    )
    lines = [f"Curated relations across documents: {cross_gold}.", ""]
    # given the curated claims: one node per claim, on its first attribution's document
    order = sorted(
        (c for c in gold.claims if c.attributions),
        key=lambda c: (c.attributions[0].document, c.attributions[0].start or 0),
    )
    nodes = [
        RelationNode(
            i, c.attributions[0].document, 0, i, c.attributions[0].speaker, c.attributions[0].quote
        )
        for i, c in enumerate(order)
    ]
    questions = {
        i: set(c.topics) | set(c.stances)
        for i, c in enumerate(order)
        if set(c.topics) | set(c.stances)
    }
    context = PairContext(nodes)
    similarity = context.similarity
    ranked_methods: dict[str, list[tuple[int, int, str]]] = {}
    proposals = cross_document_relations(
        nodes, model=model, budget=1, same_question=questions, context=context
    )
    ranked_methods["learned (across model)"] = [(r.source, r.target, r.kind) for r in proposals]
    by_similarity = []
    for source in nodes:
        mine = questions.get(source.index, set())
        others = [
            t
            for t in nodes
            if t.document != source.document and mine & questions.get(t.index, set())
        ]
        if others:
            best = max(others, key=lambda t: (similarity[source.index][t.index], -t.index))
            by_similarity.append((similarity[source.index][best.index], source.index, best.index))
    by_similarity.sort(key=lambda x: (-x[0], x[1], x[2]))
    ranked_methods["nearest neighbour (TF-IDF, supports)"] = [
        (s, t, "supports") for _, s, t in by_similarity
    ]
    lines += [
        "Given the curated claims (each claim paired only with claims of other documents "
        "that answer one of its questions or share a topic; one proposal per claim):",
        "",
        "| method | proposals | precision at 20 | precision at 50 |",
        "|---|---|---|---|",
    ]
    for method, ranked in ranked_methods.items():
        marks = [
            (
                gold_kind.get((order[s].id, order[t].id)) == kind,
                frozenset((order[s].id, order[t].id)) in related,
            )
            for s, t, kind in ranked
        ]
        lines.append(f"| {method} | {len(ranked)} | {_precision_cells(marks)} |")
    # end to end: drafted claims, drafted topics
    draft = extract_texts(sources, embedder=EMBEDDER, relation_model=model, cross_budget=1)
    pairs = match_claims(draft, gold)
    drafted_docs = {c.id: {a.document for a in c.attributions} for c in draft.claims}
    across = [r for r in draft.relations if not drafted_docs[r.source] & drafted_docs[r.target]]
    across.sort(key=lambda r: -_confidence(r.note))
    marks = [
        (
            gold_kind.get((pairs.get(r.source, ""), pairs.get(r.target, ""))) == r.kind,
            frozenset((pairs.get(r.source, ""), pairs.get(r.target, ""))) in related,
        )
        for r in across
    ]
    lines += [
        "",
        "End to end (drafted claims and topics, the pipeline's proposals across documents "
        "above the model's threshold, ranked by confidence; a proposal counts when both "
        "its claims pair with curated claims that the curated graph relates):",
        "",
        "| method | proposals | precision at 20 | precision at 50 |",
        "|---|---|---|---|",
        f"| learned (pipeline) | {len(across)} | {_precision_cells(marks)} |",
    ]
    return lines


def _confidence(note: str | None) -> float:
    if note is None or "confidence " not in note:
        return 0.0
    return float(note.split("confidence ", 1)[1].split(";", 1)[0].rstrip(")"))


# ---- report -----------------------------------------------------------------------------


def _f(x: float) -> str:
    return f"{x:.3f}"


def _confusion(tally: Tally) -> str:
    c = tally.confusion
    return (
        f"{c[('supports', 'supports')]} / {c[('supports', 'rebuts')]} / "
        f"{c[('rebuts', 'supports')]} / {c[('rebuts', 'rebuts')]}"
    )


def end_to_end_table(rows: Sequence[Row]) -> str:
    """Claims and relations, end to end."""
    lines = [
        "| corpus | method | claims P | claims R | claims F1 | relations P | relations R "
        "| relations F1 | found at all F1 | S→S / S→R / R→S / R→R | drafted claims / relations |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for corpus, method, ev, tally in rows:
        lines.append(
            f"| {corpus} | {method} | {_f(ev.claims.precision)} | {_f(ev.claims.recall)} "
            f"| **{_f(ev.claims.f1)}** | {_f(ev.relations.precision)} | {_f(ev.relations.recall)} "
            f"| **{_f(ev.relations.f1)}** | {_f(tally.found.f1)} | {_confusion(tally)} "
            f"| {ev.claims.predicted} / {ev.relations.predicted} |"
        )
    return "\n".join(lines) + "\n"


def oracle_table(rows: Sequence[tuple[str, str, Score, Tally]]) -> str:
    """Relations given the gold claims."""
    lines = [
        "| corpus | method | relations P | relations R | relations F1 | found at all P "
        "| found at all R | found at all F1 | S→S / S→R / R→S / R→R | drafted / gold |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for corpus, method, exact, tally in rows:
        lines.append(
            f"| {corpus} | {method} | {_f(exact.precision)} | {_f(exact.recall)} "
            f"| **{_f(exact.f1)}** | {_f(tally.found.precision)} | {_f(tally.found.recall)} "
            f"| {_f(tally.found.f1)} | {_confusion(tally)} | {exact.predicted} / {exact.gold} |"
        )
    return "\n".join(lines) + "\n"


def seed_timing() -> tuple[float, int, int]:
    """Seconds to extract the four seeds in a fresh process (lexical), claims, relations."""
    code = (
        "import time,glob;t=time.perf_counter();"
        "from arggraph.extract import extract_graph, LexicalEmbedder;"
        "g=extract_graph(sorted(glob.glob('seeds/*.txt')), embedder=LexicalEmbedder());"
        "print(time.perf_counter()-t, len(g.claims), len(g.relations))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def main() -> None:
    """Run every measurement and write the Markdown report."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    started = time.perf_counter()
    texts = training.load_corpora(DATA)
    results = Results()
    measure_seeds(results)
    measure_microtexts(texts, results)
    measure_aifdb(texts, results)
    elapsed = time.perf_counter() - started
    seconds, claims, relations = seed_timing()
    command = "benchmarks/bench_extract.py" + (f" --output {args.output}" if args.output else "")
    report = (
        "# Extraction measured against human graphs\n\n"
        f"Machine: {platform.machine()}, Python {platform.python_version()}, "
        f"{_cpus()} CPUs. Reproduce (with the `train` extra): `.venv/bin/python {command}` "
        f"({elapsed:.0f} s). Similarity for claims merging and topics: TF-IDF (the learned "
        "model computes its own TF-IDF features whatever the embedder).\n\n"
        "Methods: `learned` (the relation model, decoded into a forest per document; no "
        "proposals across documents, the default); `cues` (the discourse-cue rules); "
        "`every-sentence` (every sentence a claim, each linked to its nearest neighbour); "
        "`nearest-neighbour` (our claims, each linked to its nearest neighbour). Claims are "
        "the same for `learned`, `cues` and `nearest-neighbour`. Never tested on a text "
        "trained on: microtexts by 5-fold cross-validation over texts (each fold's model "
        "trained on the other folds and all AIFdb corpora); each AIFdb corpus held out "
        "whole (model trained on the microtexts and the other two); the DeepSeek seeds "
        "with the shipped model, which never saw them.\n\n"
        "Relations P/R/F1 count kind and direction; *found at all* counts direction only; "
        "the confusion columns count the found ones by gold kind → drafted kind "
        "(S supports, R rebuts).\n\n"
        "## End to end: drafted claims and relations\n\n"
        f"{end_to_end_table(results.end_to_end)}\n"
        "## Given the gold claims: the relation step alone\n\n"
        f"{oracle_table(results.oracle)}\n"
        "## Across documents: the DeepSeek seeds\n\n" + "\n".join(results.cross) + "\n\n"
        f"## Speed\n\nExtraction of the four seeds (fresh process, imports included, "
        f"TF-IDF similarity, learned relations): **{seconds:.1f} s**, {claims} claims, "
        f"{relations} relations.\n"
    )
    print(report)
    if args.output is not None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(report, encoding="utf-8")


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
