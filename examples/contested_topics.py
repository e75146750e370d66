"""List the DeepSeek debate's most contested topics, with their sides and reasons.

Run from anywhere: ``python examples/contested_topics.py``.
"""

from pathlib import Path

import arggraph
from arggraph.analysis.contested import contested_topics

GRAPH = Path(__file__).resolve().parent.parent / "graphs" / "deepseek.yaml"

report = contested_topics(arggraph.load(GRAPH))
for topic in report.topics[:5]:
    a, b = topic.side_a, topic.side_b
    print(f"{topic.rank}. {topic.label} (score {topic.score:g}): {topic.question}")
    print(f"   {len(a.speakers)} speakers on side A, {len(b.speakers)} on side B")
    print(f"   {topic.reasons[0]}")
