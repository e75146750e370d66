"""List the DeepSeek debate's most contested questions: who says yes, who says no, and why.

Run from anywhere: ``python examples/contested_topics.py``.
"""

from pathlib import Path

import arggraph

GRAPH = Path(__file__).resolve().parent.parent / "graphs" / "deepseek.yaml"

report = arggraph.contested_topics(arggraph.load(GRAPH))
for q in [q for q in report.questions if q.contested][:5]:
    print(f"{q.rank}. {q.question} (score {q.score:g})")
    print(f"   yes: {', '.join(s.name for s in q.yes) or '-'}")
    print(f"   no:  {', '.join(s.name for s in q.no) or '-'}")
    print(f"   {q.cruxes} direct clashes, {q.answered} answered")
