"""Synthetic, valid argument graphs of any size, for benchmarks and property tests.

Every graph is reproducible from its parameters and seed, and valid: each claim's
quote is a sentence of its document's text, relations never repeat a pair, relate
a claim to itself, or both support and rebut.

By default claims take no stances. With ``stance_share`` > 0 every topic asks a
yes/no question, ``sub_question_share`` of the topics also get two sub-questions, and
that share of claims answer yes or no to a question of their (first) topic, so that
:func:`arggraph.positions` has speakers to place. Stances come from their own random
stream: the claims, texts and relations are the same with or without them.

Example
-------
>>> data, texts = synthetic_graph_data(100, seed=1)
>>> len(data["claims"]), len(data["relations"]) >= 250
(100, True)
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

from arggraph.model import ArgumentGraph


def synthetic_graph_data(
    n_claims: int,
    *,
    relations_per_claim: float = 3.0,
    n_topics: int | None = None,
    n_speakers: int | None = None,
    n_documents: int | None = None,
    rebut_share: float = 0.35,
    stance_share: float = 0.0,
    sub_question_share: float = 0.0,
    seed: int = 0,
) -> tuple[dict[str, Any], dict[str, str]]:
    """A graph in file-format data plus the text of each document.

    Defaults scale with size: a topic per 50 claims, a speaker per 20, a document
    per 1,000. About ``relations_per_claim * n_claims`` relations, 80 % of them
    within a topic, ``rebut_share`` of them rebuttals. ``stance_share`` of the claims
    answer yes or no to their topic's question or, in the ``sub_question_share`` of
    topics that have two sub-questions, to one of those (none by default).

    >>> data, _ = synthetic_graph_data(200, stance_share=0.5, sub_question_share=0.5, seed=3)
    >>> sum("stances" in c for c in data["claims"]) > 50
    True
    """
    rng = random.Random(seed)
    n_topics = n_topics or max(1, n_claims // 50)
    n_speakers = n_speakers or max(2, n_claims // 20)
    n_documents = n_documents or max(1, n_claims // 1000)
    vocabulary = [_word(rng) for _ in range(5000)]

    sentences: dict[str, list[str]] = {f"doc{d}": [] for d in range(n_documents)}
    claims: list[dict[str, Any]] = []
    topic_members: list[list[int]] = [[] for _ in range(n_topics)]
    for index in range(n_claims):
        topic = rng.randrange(n_topics)
        topic_members[topic].append(index)
        document = f"doc{rng.randrange(n_documents)}"
        words = rng.choices(vocabulary, k=rng.randint(6, 14))
        sentence = f"Claim {index} holds that {' '.join(words)}."
        sentences[document].append(sentence)
        claims.append(
            {
                "id": f"c{index}",
                "statement": sentence,
                "topics": [f"t{topic}"],
                "attributions": [
                    {
                        "speaker": f"s{rng.randrange(n_speakers)}",
                        "document": document,
                        "quote": sentence,
                    }
                ],
            }
        )
    relations = _relations(rng, n_claims, topic_members, relations_per_claim, rebut_share)
    data: dict[str, Any] = {
        "arggraph": 1,
        "title": f"Synthetic graph, {n_claims} claims, seed {seed}",
        "documents": [
            {"id": d, "title": f"Document {d}", "kind": "text", "path": f"texts/{d}.txt"}
            for d in sentences
        ],
        "speakers": [{"id": f"s{i}", "name": f"Speaker {i}"} for i in range(n_speakers)],
        "topics": [{"id": f"t{i}", "label": f"Topic {i}"} for i in range(n_topics)],
        "claims": claims,
        "relations": relations,
    }
    if stance_share > 0:
        _add_stances(data, random.Random(f"stances-{seed}"), stance_share, sub_question_share)
    texts = {d: "\n".join(lines) + "\n" for d, lines in sentences.items()}
    return data, texts


def _add_stances(
    data: dict[str, Any], rng: random.Random, share: float, sub_question_share: float
) -> None:
    """Give topics questions (some two sub-questions) and ``share`` of claims a stance."""
    questions: dict[str, list[str]] = {}
    for topic in data["topics"]:
        topic["question"] = f"Is {topic['label'].lower()} settled?"
        questions[topic["id"]] = [topic["id"]]
        if rng.random() < sub_question_share:
            topic["questions"] = [
                {"id": f"{topic['id']}q{k}", "question": f"Sub-question {k} of {topic['label']}?"}
                for k in (1, 2)
            ]
            questions[topic["id"]] += [q["id"] for q in topic["questions"]]
    for claim in data["claims"]:
        if rng.random() < share:
            question = rng.choice(questions[claim["topics"][0]])
            claim["stances"] = {question: rng.choice(("yes", "no"))}


def _word(rng: random.Random) -> str:
    return "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(3, 9)))


def _relations(
    rng: random.Random,
    n_claims: int,
    topic_members: list[list[int]],
    per_claim: float,
    rebut_share: float,
) -> list[dict[str, str]]:
    target_count = int(per_claim * n_claims) if n_claims > 1 else 0
    seen: set[tuple[int, int]] = set()
    relations: list[dict[str, str]] = []
    attempts = 0
    while len(relations) < target_count and attempts < target_count * 4:
        attempts += 1
        source = rng.randrange(n_claims)
        members = topic_members[rng.randrange(len(topic_members))]
        if rng.random() < 0.8 and len(members) > 1:
            target = rng.choice(members)
        else:
            target = rng.randrange(n_claims)
        if source == target or (source, target) in seen:
            continue
        seen.add((source, target))
        kind = "rebuts" if rng.random() < rebut_share else "supports"
        relations.append({"source": f"c{source}", "target": f"c{target}", "kind": kind})
    return relations


def synthetic_graph(n_claims: int, **options: Any) -> ArgumentGraph:
    """A checked :class:`ArgumentGraph` with inline texts (see :func:`synthetic_graph_data`)."""
    data, texts = synthetic_graph_data(n_claims, **options)
    for document in data["documents"]:
        document.pop("path")
        document["text"] = texts[document["id"]]
    return ArgumentGraph.model_validate(data)


def write_synthetic_corpus(
    folder: str | os.PathLike[str], n_claims: int, *, fmt: str = "json", **options: Any
) -> Path:
    """Write a synthetic graph (``graph.json`` or ``graph.yaml``) and its texts; return its path."""
    import json

    import yaml

    data, texts = synthetic_graph_data(n_claims, **options)
    root = Path(folder)
    (root / "texts").mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (root / "texts" / f"{name}.txt").write_text(text, encoding="utf-8")
    target = root / f"graph.{fmt}"
    if fmt == "json":
        target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    else:
        dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        with target.open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle, Dumper=dumper, sort_keys=False, allow_unicode=True)
    return target
