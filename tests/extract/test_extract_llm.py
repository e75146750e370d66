"""The optional LLM backend against a fake OpenAI-compatible server on localhost."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from arggraph.extract import ChatClaimProposer, LexicalEmbedder, LLMError, SourceText, extract_texts
from arggraph.extract.llm import SYSTEM_PROMPT, parse_proposals

TEXT = (
    "Anna Smith: We should keep the export controls in place. They slow China down.\n"
    "Bob Jones: I don't think the controls work at all, they leak everywhere.\n"
    "Anna: Smuggling is a real problem for enforcement.\n"
    "Bob: The chips simply move through third countries.\n"
)


class _FakeModel(BaseHTTPRequestHandler):
    """Answers like a chat model: the passage's first sentence, plus an invented quote."""

    requests: list[dict[str, Any]] = []  # noqa: RUF012 - shared on purpose, reset per test
    status = 200

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, "body": body})
        if type(self).status != 200:
            self.send_response(type(self).status)
            self.end_headers()
            return
        passage = body["messages"][1]["content"].split("Passage:\n", 1)[1]
        first = passage.split(". ")[0].rstrip(".") + "."
        content = json.dumps(
            {
                "claims": [
                    {"quote": first, "speaker": None, "kind": "assert", "confidence": 0.8},
                    {"quote": "A sentence the text never had.", "confidence": 0.9},
                ]
            }
        )
        answer = {"choices": [{"message": {"role": "assistant", "content": content}}]}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _FakeModel.requests = []
    _FakeModel.status = 200
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _FakeModel)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _draft(url: str) -> Any:
    llm = ChatClaimProposer(url, model="fake", api_key="k", timeout=5)
    source = SourceText("talk", "A talk", TEXT)
    return extract_texts([source], embedder=LexicalEmbedder(), llm=llm)


def test_llm_claims_are_kept_only_when_their_quotes_ground(server: str) -> None:
    graph = _draft(server)
    quotes = [a.quote for c in graph.claims for a in c.attributions]
    assert "We should keep the export controls in place." in quotes
    assert "A sentence the text never had." not in quotes
    assert all(TEXT[a.start : a.end] == a.quote for _, a in graph.iter_attributions())
    speakers = {s.id: s.name for s in graph.speakers}
    holder = next(c for c in graph.claims if c.attributions[0].quote.startswith("We should"))
    assert speakers[holder.attributions[0].speaker] == "Anna Smith"
    assert "proposed by fake" in (holder.note or "")


def test_the_request_follows_the_openai_chat_format(server: str) -> None:
    _draft(server)
    request = _FakeModel.requests[0]
    assert request["path"] == "/v1/chat/completions"
    body = request["body"]
    assert body["model"] == "fake"
    assert body["response_format"] == {"type": "json_object"}
    assert body["messages"][0] == {"role": "system", "content": SYSTEM_PROMPT}
    assert body["messages"][1]["content"].startswith("Speaker: Anna Smith\nPassage:\n")


def test_a_failing_server_falls_back_to_the_heuristics(server: str) -> None:
    _FakeModel.status = 500
    graph = _draft(server)
    assert graph.claims  # drafted by cues instead
    assert all("proposed by" not in (c.note or "") for c in graph.claims)
    assert len(_FakeModel.requests) == 3  # then it stops asking


def test_an_unreachable_server_raises_llm_error() -> None:
    llm = ChatClaimProposer("http://127.0.0.1:9/v1", timeout=2)
    with pytest.raises(LLMError, match="cannot reach"):
        llm.propose("Some text.", speaker="x")


@pytest.mark.parametrize(
    ("content", "quotes"),
    [
        ('```json\n{"claims": [{"quote": "A b c."}]}\n```', ["A b c."]),
        ('{"claims": [{"quote": ""}, {"no": 1}, {"quote": "X y."}]}', ["X y."]),
    ],
)
def test_answers_are_parsed_leniently(content: str, quotes: list[str]) -> None:
    assert [p.quote for p in parse_proposals(content)] == quotes


@pytest.mark.parametrize("content", ["not json", '{"items": []}'])
def test_unusable_answers_raise(content: str) -> None:
    with pytest.raises(LLMError):
        parse_proposals(content)
