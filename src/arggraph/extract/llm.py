"""Optional: claim candidates from a language model behind an OpenAI-compatible endpoint.

Never required. Point :class:`ChatClaimProposer` at a server you run (llama.cpp's
``llama-server``, vLLM, Ollama's ``/v1``, LM Studio ...); it sends one passage at a
time to ``POST {base_url}/chat/completions`` with :data:`SYSTEM_PROMPT`, asks for a
JSON object (``response_format: {"type": "json_object"}``) of the shape
:data:`RESPONSE_SCHEMA`, and returns the claims it proposes. Only the standard
library is used (``urllib``). Every proposed quote is checked against the passage by
the caller: quotes the model invented are dropped, so drafts stay grounded.

Example
-------
>>> llm = ChatClaimProposer("http://127.0.0.1:8080/v1", model="qwen2.5")  # doctest: +SKIP
>>> llm.propose("Heim: Compute still matters.", speaker="Lennart Heim")  # doctest: +SKIP
[ProposedClaim(quote='Compute still matters.', speaker='Lennart Heim', kind='assert', ...)]
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Protocol

from arggraph.errors import ArgGraphError

__all__ = [
    "RESPONSE_SCHEMA",
    "SYSTEM_PROMPT",
    "ChatClaimProposer",
    "ClaimProposer",
    "LLMError",
    "ProposedClaim",
    "parse_proposals",
]

SYSTEM_PROMPT = """\
You find the claims in a passage of a debate: sentences or clauses that assert,
evaluate or recommend something (not questions, greetings or pure narration).
Answer with one JSON object and nothing else, of this shape:
{"claims": [{"quote": "...", "speaker": "...", "kind": "assert|evaluate|recommend",
             "statement": "...", "confidence": 0.0}]}
Rules: "quote" is copied character for character from the passage (one sentence or
clause, never paraphrased); "speaker" is who holds the claim: the passage's speaker
unless the passage reports someone else's words ("said X", "according to X");
"statement" restates the claim in one short sentence; "confidence" is 0 to 1."""

RESPONSE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["claims"],
    "properties": {
        "claims": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["quote"],
                "properties": {
                    "quote": {"type": "string", "description": "exact words of the passage"},
                    "speaker": {"type": "string"},
                    "kind": {"enum": ["assert", "evaluate", "recommend"]},
                    "statement": {"type": "string"},
                    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                },
            },
        }
    },
}
"""The JSON the model is asked to answer with (JSON Schema)."""


class LLMError(ArgGraphError):
    """The endpoint could not be reached, or answered with something unusable."""


@dataclass(frozen=True)
class ProposedClaim:
    """One claim a model proposes for a passage; ``quote`` is not yet checked."""

    quote: str
    speaker: str | None = None
    kind: str = "assert"
    statement: str | None = None
    confidence: float = 0.5


class ClaimProposer(Protocol):
    """Anything that proposes claims for a passage (the fake in the tests, a real model)."""

    name: str

    def propose(self, passage: str, *, speaker: str) -> list[ProposedClaim]:
        """Claims in ``passage``, whose default speaker is ``speaker``."""
        ...


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$")


def parse_proposals(content: str) -> list[ProposedClaim]:
    """The claims in a model's answer (a JSON object per :data:`RESPONSE_SCHEMA`).

    Tolerates a Markdown code fence around the JSON; skips items without a quote.

    >>> parse_proposals('{"claims": [{"quote": "Compute matters.", "confidence": 0.9}]}')[0].quote
    'Compute matters.'
    """
    try:
        data = json.loads(_FENCE.sub("", content.strip()))
    except json.JSONDecodeError as exc:
        raise LLMError(f"the model's answer is not JSON: {exc.msg}") from None
    items = data.get("claims") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise LLMError("the model's answer has no 'claims' list")
    claims = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("quote"), str):
            continue
        if not item["quote"].strip():
            continue
        confidence = item.get("confidence", 0.5)
        claims.append(
            ProposedClaim(
                quote=item["quote"],
                speaker=item["speaker"] if isinstance(item.get("speaker"), str) else None,
                kind=item["kind"]
                if item.get("kind") in ("assert", "evaluate", "recommend")
                else "assert",
                statement=item["statement"] if isinstance(item.get("statement"), str) else None,
                confidence=float(confidence) if isinstance(confidence, int | float) else 0.5,
            )
        )
    return claims


class ChatClaimProposer:
    """Claims from an OpenAI-compatible ``/chat/completions`` endpoint (stdlib ``urllib``).

    Parameters
    ----------
    base_url
        The API root, e.g. ``http://127.0.0.1:8080/v1``.
    model
        The model name the server expects.
    api_key
        Sent as ``Authorization: Bearer ...`` when given (local servers rarely need one).
    timeout
        Seconds to wait for each answer.
    """

    def __init__(
        self,
        base_url: str,
        *,
        model: str = "local",
        api_key: str | None = None,
        timeout: float = 120.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.name = f"{model} at {self.base_url}"

    def request_body(self, passage: str, *, speaker: str) -> dict[str, Any]:
        """The JSON body sent for one passage."""
        return {
            "model": self.model,
            "temperature": 0,
            "response_format": {"type": "json_object"},
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": f"Speaker: {speaker}\nPassage:\n{passage}"},
            ],
        }

    def propose(self, passage: str, *, speaker: str) -> list[ProposedClaim]:
        """Ask the endpoint for the claims of ``passage``; :class:`LLMError` if it fails."""
        body = json.dumps(self.request_body(passage, speaker=speaker)).encode()
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(
            f"{self.base_url}/chat/completions", data=body, headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer = json.loads(response.read().decode("utf-8"))
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise LLMError(f"cannot reach {self.base_url}: {exc}") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise LLMError(f"{self.base_url} did not answer with JSON: {exc}") from None
        try:
            content = answer["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise LLMError(f"{self.base_url} answered without choices[0].message.content") from None
        if not isinstance(content, str):
            raise LLMError("the model's message content is not text")
        return parse_proposals(content)
