"""What every analysis result shares: a frozen pydantic base, rounding, and references.

Results are plain data that serialise to stable JSON (``model_dump_json``): floats are
rounded to :data:`ROUND_DIGITS` decimals, and speakers, documents and claims are named
by :class:`SpeakerRef`, :class:`DocumentRef` and :class:`ClaimRef` with their quotes.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field

from arggraph.model import Attribution

ROUND_DIGITS = 4
"""Every float in a result is rounded to this many decimals, so JSON output is stable."""


REPR_WIDTH = 200
"""A result's ``repr`` is one line of at most this many characters."""


class Result(BaseModel):
    """Base of analysis results: frozen, no field that is not declared, a one-line repr.

    ``repr(result)`` is ``<ClassName: summary>``; the data itself is in its fields and
    in ``model_dump_json()``. Each report refines :meth:`_summary`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {shorten(self._summary(), REPR_WIDTH)}>"

    __str__ = __repr__

    def _summary(self) -> str:
        """The fields as ``name=value``: long text cut, lists and nested results counted."""
        return ", ".join(f"{name}={_brief(value)}" for name, value in self)


_R = TypeVar("_R", bound=Result)

_new = object.__new__
_set = object.__setattr__
_EVERY_FIELD: dict[type[Result], set[str]] = {}


def built(cls: type[_R], /, **fields: object) -> _R:
    """A result from fields an analysis built itself, not validated again.

    For results made by the hundred thousand (positions, cruxes, quotes): validation
    would only re-check what the code guarantees, at twice the cost of the object.
    ``fields`` must give every field, in the order the model declares them (its JSON
    follows that order), and the model must have no validators. The results of a
    class share one set of the fields given (pydantic's ``model_fields_set``, half a
    kilobyte each otherwise): frozen, they never add to it, and ``model_copy`` copies it.

    >>> ref = built(SpeakerRef, id="heim", name="Lennart Heim", role=None)
    >>> ref == SpeakerRef(id="heim", name="Lennart Heim"), ref.model_dump_json()
    (True, '{"id":"heim","name":"Lennart Heim","role":null}')
    """
    every = _EVERY_FIELD.get(cls)
    if every is None:
        every = _EVERY_FIELD[cls] = set(cls.model_fields)
    result = _new(cls)
    _set(result, "__dict__", fields)
    _set(result, "__pydantic_fields_set__", every)
    _set(result, "__pydantic_extra__", None)
    _set(result, "__pydantic_private__", None)
    return result


def _brief(value: object) -> str:
    if isinstance(value, str):
        return repr(shorten(value, 40))
    if isinstance(value, list | tuple | dict):
        return f"[{counted(len(value), 'item')}]"
    if isinstance(value, BaseModel):
        return f"<{type(value).__name__}>"
    return repr(value)


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis.

    >>> shorten("Compute  still matters", 12), shorten("short", 12)
    ('Compute sti…', 'short')
    """
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, plural unless ``n`` is 1.

    >>> counted(1, "crux", "cruxes"), counted(3, "crux", "cruxes"), counted(0, "claim")
    ('1 crux', '3 cruxes', '0 claims')
    """
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def round_score(value: float) -> float:
    """``value`` rounded to :data:`ROUND_DIGITS` decimals, with -0.0 made 0.0.

    >>> round_score(2 / 3), round_score(-0.0)
    (0.6667, 0.0)
    """
    return round(value, ROUND_DIGITS) + 0.0


def join_names(names: list[str], limit: int = 4) -> str:
    """Names joined for a sentence, at most ``limit`` shown.

    >>> join_names(["A", "B", "C"]), join_names([]), join_names(list("ABCDEF"))
    ('A, B and C', 'nobody', 'A, B, C, D and 2 more')
    """
    if not names:
        return "nobody"
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class SpeakerRef(Result):
    """A speaker, by id, name and role."""

    id: str
    name: str
    role: str | None = None


class DocumentRef(Result):
    """A document, by id and title."""

    id: str
    title: str


class QuoteRef(Result):
    """One attribution of a claim: who, where, in their words, at which offsets."""

    speaker: str
    speaker_name: str
    document: str
    quote: str
    start: int | None
    end: int | None
    implicit: bool = Field(
        default=False, description="the text leaves the claim unsaid: the quote is a wording"
    )

    @classmethod
    def of(cls, attribution: Attribution, speaker_name: str) -> QuoteRef:
        """The reference for one attribution of a claim."""
        return built(
            cls,
            speaker=attribution.speaker,
            speaker_name=speaker_name,
            document=attribution.document,
            quote=attribution.quote,
            start=attribution.start,
            end=attribution.end,
            implicit=attribution.implicit,
        )


class ClaimRef(Result):
    """A claim with its statement and every quote that grounds it."""

    id: str
    statement: str
    quotes: list[QuoteRef]
