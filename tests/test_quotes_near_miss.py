"""The quote-not-found hint names the words that were changed, wherever in the quote.

The four edits of the new-user audit (2026-12-01) to quotes of the DeepSeek news article,
each matched against a copy of the article's text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from arggraph.quotes import find_quote, nearest_passage
from tests.conftest import REPO

NEWS = REPO / "seeds" / "news-deepseek-chip-export-controls.txt"
LONG = (
    "The U.S. government's effort to curtail AI development in China through tightened "
    "controls of chip exports, including restrictions on the most advanced offerings from "
    "Nvidia, didn't stop DeepSeek from creating its generative AI app efficiently, and at a "
    "level that rivals the best the U.S. has to offer from companies such as OpenAI."
)
VANCE = (
    "a strategy U.S. Vice President JD Vance alluded to at an AI summit in Europe on "
    "Monday, but the recent Chinese success shows that strategy isn't fullproof."
)
RIVALS = "at a level that rivals the best the U.S. has to offer from companies such as OpenAI."


@pytest.fixture(scope="module")
def news_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    copy = tmp_path_factory.mktemp("seeds") / NEWS.name
    shutil.copyfile(NEWS, copy)
    return Path(copy).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("original", "old", "new"),
    [
        pytest.param(LONG, "didn't stop", "did not stop", id="word-split-in-a-long-quote"),
        pytest.param(RIVALS, "rivals the best", "rivals the very best", id="word-inserted"),
        pytest.param(LONG, "generative AI app", "generative app", id="word-dropped"),
        pytest.param(VANCE, "alluded to", "referred to", id="word-changed"),
    ],
)
def test_the_hint_names_the_changed_words(
    news_text: str, original: str, old: str, new: str
) -> None:
    assert find_quote(news_text, original) is not None  # the unedited quote is found
    quote = original.replace(old, new)
    near = nearest_passage(news_text, quote)
    assert near is not None
    changed_in_quote = set(new.split()) - set(old.split()) or set(new.split())
    changed_in_text = set(old.split()) - set(new.split())
    assert changed_in_quote <= set(near.quote_differs.split()), near
    assert changed_in_text <= set(near.text_differs.split()), near
    assert near.passage.split()[:3] == original.split()[:3], near
    assert near.passage.split()[-2:] == original.split()[-2:], near
