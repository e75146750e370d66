"""Import a folder of argumentative microtexts; rank its topics, then its claims.

Run from anywhere: ``python examples/microtext_corpus.py [FOLDER]``. Without a folder
it reads the five microtexts the tests ship (tests/data/microtexts).

The corpus does not say which of its writers wrote which text, so one group speaker
stands for every author (docs/formats.md). A question is contested when speakers
answer it differently, and a group is not counted as people, so on this corpus every
topic scores 0: the ranking of claims by the rebuttals they receive inside the texts
is the one that tells them apart.
"""

import sys
from pathlib import Path

from arggraph import contested_claims, contested_topics, import_graph

REPO = Path(__file__).resolve().parent.parent
folder = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "tests" / "data" / "microtexts"

graph = import_graph("microtexts", folder)
print(f"{len(graph.documents)} texts, {len(graph.claims)} claims, {len(graph.relations)} relations")

topics = contested_topics(graph).topics
print("\nTopics by contestedness (score: how differently speakers answer the question)")
print("rank  score  question")
for topic in topics:
    print(f"{topic.rank:>3}.  {topic.score:>5g}  {topic.question or topic.label}")
if all(topic.score == 0 for topic in topics):
    print(
        "Every score is 0: one group speaker stands for all the corpus's authors (it does "
        "not say who wrote which text), and a group's answers are not counted as people "
        "disagreeing."
    )

print("\nClaims most contested inside the texts (score from the rebuttals they receive)")
print("rank  score  rebuttals  claim")
for item in contested_claims(graph).claims[:5]:
    statement = item.claim.statement
    statement = statement if len(statement) <= 70 else statement[:69] + "…"
    print(f"{item.rank:>3}.  {item.score:>5g}  {len(item.rebuttals):>9}  {statement}")
