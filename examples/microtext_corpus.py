"""Import a folder of argumentative microtexts and rank its topics by contestedness.

Run from anywhere: ``python examples/microtext_corpus.py [FOLDER]``. Without a folder
it reads the five microtexts the tests ship (tests/data/microtexts).
"""

import sys
from pathlib import Path

from arggraph import import_graph
from arggraph.analysis.contestedness import contested_topics

REPO = Path(__file__).resolve().parent.parent
folder = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "tests" / "data" / "microtexts"

graph = import_graph("microtexts", folder)
print(f"{len(graph.documents)} texts, {len(graph.claims)} claims, {len(graph.relations)} relations")
for topic in contested_topics(graph).topics:
    print(f"{topic.rank:>3}. {topic.score:>6g}  {topic.question or topic.label}")
