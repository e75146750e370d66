"""Train the learned relation model and write it into the package.

Reproduce (needs the ``train`` extra, ``pip install -e '.[train]'``)::

    .venv/bin/python benchmarks/train_relations.py

writes ``src/arggraph/extract/relation_model.json``. Deterministic: texts in sorted
order, fixed folds, a fixed seed, a deterministic solver; the same data give the
same file.

Training data (all from ``../shared/data``, listed with licences in its SOURCES.md;
nothing of the DeepSeek seeds, which serve only to measure):

=============  =====================================================  ================
corpus         what                                                   licence
=============  =====================================================  ================
microtexts     89 argumentative microtexts (Peldszus & Stede 2015)    CC BY-NC-SA 4.0
qt30           38 AIFdb nodesets of BBC Question Time (QT30)          AIFdb, "freely
us2016         13 AIFdb nodesets of the 2016 US presidential debates  available",
araucaria      20 AIFdb nodesets of AraucariaDB                       attributed
=============  =====================================================  ================

The shipped file holds weights by feature name (rounded), not text; a feature must
occur in at least :data:`MIN_TEXTS` training texts to be kept, so no rare words of
any one text are stored.

How: ordered pairs of claims within :data:`~arggraph.extract.pairs.WINDOW` claims in
each text, labelled ``none`` / ``supports`` / ``rebuts`` from the gold graph;
multinomial logistic regression (scikit-learn, lbfgs, L2, ``C`` = :data:`C`). The
calibration and threshold come from 5-fold cross-validation over the training
texts (grouped by text): each held-out text is decoded into a forest
(:func:`arggraph.extract.learned.decode_forest`), a Platt scaling (logistic
regression on the logits of P(related) and P(kind | related)) is fitted to whether
each decoded relation is right, and the threshold is the calibrated confidence that
maximises relation F1 on the held-out texts. The ``across`` model is the same
without position features, calibrated on each claim's best target.
"""

from __future__ import annotations

import argparse
import glob
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

import arggraph
from arggraph.extract.learned import (
    CLASSES,
    ModelPart,
    PairScore,
    RelationModel,
    decode_forest,
)
from arggraph.extract.pairs import WINDOW, PairContext
from arggraph.extract.training import LabelledText, labelled_texts

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
OUTPUT = REPO / "src" / "arggraph" / "extract" / "relation_model.json"
SEED = 0
C = 0.5
MIN_TEXTS = 5
FOLDS = 5
AIF_CORPORA = ("qt30", "us2016", "araucaria")


def load_corpora(data: Path = DATA) -> list[LabelledText]:
    """Every training text: the microtexts, then each AIFdb corpus, in sorted order."""
    texts = labelled_texts(
        arggraph.import_graph("microtexts", data / "microtexts"),
        corpus="microtexts",
        speakers=False,
    )
    for corpus in AIF_CORPORA:
        for path in sorted(glob.glob(str(data / "aifdb" / corpus / "*.json"))):
            texts += labelled_texts(arggraph.import_graph("aif", path), corpus=corpus)
    return texts


Example = tuple[int, int, int, dict[str, float], dict[str, float], int]
# (text number, source, target, within features, across features, class)


def pair_examples(texts: Sequence[LabelledText]) -> list[Example]:
    """Every ordered pair within the window of every text, with features and class."""
    examples: list[Example] = []
    for number, text in enumerate(texts):
        context = PairContext(text.nodes)
        for source in range(len(text.nodes)):
            for target in context.window(source, width=WINDOW):
                if (source, target) in text.excluded:
                    continue
                kind = text.gold.get((source, target))
                label = CLASSES.index(kind) if kind else 0
                examples.append(
                    (
                        number,
                        source,
                        target,
                        context.features(source, target),
                        context.features(source, target, positional=False),
                        label,
                    )
                )
    return examples


def _fit(rows: list[dict[str, float]], labels: list[int]) -> ModelPart:
    """A logistic regression over ``rows``, as an uncalibrated :class:`ModelPart`."""
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(rows)
    classifier = LogisticRegression(C=C, max_iter=5000, random_state=SEED)
    classifier.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    weights: dict[str, tuple[float, float, float]] = {}
    coef = classifier.coef_
    for column, name in enumerate(names):
        w = [float(coef[k, column]) for k in range(3)]
        if name == "bias":
            w = [w[k] + float(classifier.intercept_[k]) for k in range(3)]
        weights[str(name)] = (round(w[0], 4), round(w[1], 4), round(w[2], 4))
    return ModelPart(weights, (1.0, 0.0, 0.0), 0.0)


def _frequent(examples: list[Example], index: int) -> set[str]:
    """Features occurring in at least :data:`MIN_TEXTS` different texts."""
    seen: dict[str, set[int]] = {}
    for example in examples:
        features: dict[str, float] = example[index]  # type: ignore[assignment]
        for name in features:
            seen.setdefault(name, set()).add(example[0])
    return {name for name, where in seen.items() if len(where) >= MIN_TEXTS}


def _rows(examples: list[Example], index: int, keep: set[str]) -> list[dict[str, float]]:
    return [{k: v for k, v in e[index].items() if k in keep} for e in examples]  # type: ignore[union-attr]


def _by_text(scores: list[tuple[int, PairScore]]) -> dict[int, list[PairScore]]:
    grouped: dict[int, list[PairScore]] = {}
    for number, score in scores:
        grouped.setdefault(number, []).append(score)
    return grouped


def _best_per_source(scores: list[PairScore], threshold: float) -> list[PairScore]:
    best: dict[int, PairScore] = {}
    for s in scores:
        if s.confidence >= threshold and (
            s.source not in best or s.confidence > best[s.source].confidence
        ):
            best[s.source] = s
    return list(best.values())


def _decode(scores: list[PairScore], threshold: float, across: bool) -> list[PairScore]:
    return _best_per_source(scores, threshold) if across else decode_forest(scores, threshold)


def _calibrated(part: ModelPart, calibration: tuple[float, float, float]) -> ModelPart:
    return ModelPart(part.weights, calibration, part.threshold)


def _rescore(part: ModelPart, scores: list[PairScore]) -> list[PairScore]:
    a, b, c = part.calibration
    out = []
    for s in scores:
        z = a * _logit(s.relation) + b * _logit(s.kind_given_relation) + c
        out.append(
            PairScore(
                s.source,
                s.target,
                s.kind,
                s.relation,
                s.kind_given_relation,
                1 / (1 + math.exp(-z)),
            )
        )
    return out


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def train_part(texts: Sequence[LabelledText], examples: list[Example], across: bool) -> ModelPart:
    """One model part: fitted on all ``examples``, calibrated and thresholded by CV."""
    index = 4 if across else 3
    keep = _frequent(examples, index)
    rows = _rows(examples, index, keep)
    labels = [e[5] for e in examples]
    groups = [e[0] for e in examples]
    held_out: list[tuple[int, PairScore]] = []
    for train, test in GroupKFold(n_splits=FOLDS).split(rows, labels, groups):
        part = _fit([rows[i] for i in train], [labels[i] for i in train])
        for i in test:
            e = examples[i]
            held_out.append((e[0], part.score(e[1], e[2], rows[i])))
    grouped = _by_text(held_out)
    decoded = [(n, s) for n, scores in grouped.items() for s in _decode(scores, 0.0, across)]
    x = np.array([[_logit(s.relation), _logit(s.kind_given_relation)] for _, s in decoded])
    y = np.array([texts[n].gold.get((s.source, s.target)) == s.kind for n, s in decoded])
    platt = LogisticRegression(C=100.0, random_state=SEED).fit(x, y)
    calibration = (
        round(float(platt.coef_[0, 0]), 4),
        round(float(platt.coef_[0, 1]), 4),
        round(float(platt.intercept_[0]), 4),
    )
    probe = _calibrated(ModelPart({}, (1, 0, 0), 0), calibration)
    calibrated = {n: _rescore(probe, scores) for n, scores in grouped.items()}
    gold_total = sum(len(t.gold) for t in texts)
    best = (-1.0, 0.5)
    for step in range(5, 96):
        threshold = step / 100
        chosen = [
            (n, s) for n, scores in calibrated.items() for s in _decode(scores, threshold, across)
        ]
        right = sum(texts[n].gold.get((s.source, s.target)) == s.kind for n, s in chosen)
        f1 = 2 * right / (len(chosen) + gold_total) if chosen else 0.0
        best = max(best, (round(f1, 6), -threshold))
    final = _fit(rows, labels)
    return ModelPart(final.weights, calibration, -best[1])


def train_model(texts: Sequence[LabelledText]) -> RelationModel:
    """The within and across models trained on ``texts`` (module docs)."""
    examples = pair_examples(texts)
    return RelationModel(
        train_part(texts, examples, across=False),
        train_part(texts, examples, across=True),
        WINDOW,
        tuple(sorted({t.corpus for t in texts})),
    )


def model_dict(model: RelationModel, texts: Sequence[LabelledText]) -> dict[str, Any]:
    """The JSON structure of ``model``, with what it was trained on."""

    def part(p: ModelPart) -> dict[str, Any]:
        return {
            "threshold": p.threshold,
            "calibration": list(p.calibration),
            "weights": {k: list(v) for k, v in sorted(p.weights.items())},
        }

    counts: dict[str, int] = {}
    for t in texts:
        counts[t.corpus] = counts.get(t.corpus, 0) + 1
    return {
        "format": "arggraph relation model",
        "version": 1,
        "classes": list(CLASSES),
        "trained_on": list(model.trained_on),
        "texts": counts,
        "relations": sum(len(t.gold) for t in texts),
        "seed": SEED,
        "C": C,
        "window": model.window,
        "retrain": "python benchmarks/train_relations.py",
        "within": part(model.within),
        "across": part(model.across),
    }


def main() -> None:
    """Train on every shared corpus and write the package's model file."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    texts = load_corpora(args.data)
    model = train_model(texts)
    args.output.write_text(
        json.dumps(model_dict(model, texts), indent=None, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    print(
        f"wrote {args.output}: {len(model.within.weights)} + {len(model.across.weights)} "
        f"features, thresholds {model.within.threshold} / {model.across.threshold}"
    )


if __name__ == "__main__":
    main()
