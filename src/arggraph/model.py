"""The grounded argument-graph model: documents, speakers, topics, claims, relations.

Models are strict: unknown fields, wrong types and malformed ids are errors. A graph
built in code is checked on construction (references, duplicates, self-relations,
contradictions, empty statements, unattributed claims), and quotes are checked
against every document whose text is known (inline ``text``, or loaded by
:func:`arggraph.load`). Problems are collected and raised together as
:class:`~arggraph.errors.InvalidGraphError`.

Example
-------
>>> g = ArgumentGraph(
...     documents=[Document(id="d", title="Talk", kind="transcript",
...                         text="Heim: Compute still matters a lot.")],
...     speakers=[Speaker(id="heim", name="Lennart Heim")],
...     topics=[Topic(id="compute", label="Compute")],
...     claims=[Claim(id="c", statement="Compute still matters.", topics=["compute"],
...                   attributions=[Attribution(speaker="heim", document="d",
...                                             quote="Compute still matters")])],
... )
>>> g.claims[0].attributions[0].start
6
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator
from pydantic.functional_validators import AfterValidator

if TYPE_CHECKING:
    import networkx as nx

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.:\-]*$"
"""Ids are ASCII so that look-alike letters cannot make two ids that read the same."""
ID_MAX_LENGTH = 200
"""The longest id, in characters."""

Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        min_length=1,
        max_length=ID_MAX_LENGTH,
        description="ASCII letters, digits and _ . : - ; starts with a letter or digit",
    ),
]
PartialDate = Annotated[
    str,
    Field(
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        description="ISO date, possibly partial: 2025, 2025-02, 2025-02-11",
    ),
]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or only whitespace")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]

DocumentKind = Literal[
    "transcript", "article", "essay", "brief", "report", "post", "debate", "text", "other"
]
SpeakerKind = Literal["person", "organisation", "group"]
RelationKind = Literal["supports", "rebuts"]
Answer = Literal["yes", "no"]
"""A claim's answer to a yes/no question."""
Stance = Answer
"""Older name of :data:`Answer`; files may still write ``pro`` (yes) and ``con`` (no)."""
_LEGACY_ANSWERS = {"pro": "yes", "con": "no"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, revalidate_instances="always")


class Document(_Strict):
    """A source text that claims are quoted from.

    Give its text by ``path`` (relative to the graph file that defines it) or inline by
    ``text``, exactly one of the two.
    """

    id: Id
    title: Text
    authors: list[Text] = Field(default_factory=list, description="authors, as credited")
    date: PartialDate | None = None
    kind: DocumentKind = "text"
    path: str | None = Field(None, min_length=1, description="UTF-8 text file, relative path")
    text: str | None = Field(None, description="the text itself, for small or generated graphs")
    url: str | None = None

    @model_validator(mode="after")
    def _path_or_text(self) -> Document:
        if (self.path is None) == (self.text is None):
            raise ValueError("give exactly one of 'path' (a text file) or 'text' (inline)")
        return self


class Speaker(_Strict):
    """Who holds claims: a person, or a body such as 'Brookings analysis'."""

    id: Id
    name: Text
    role: str | None = Field(None, description="role or affiliation, as the source gives it")
    kind: SpeakerKind = "person"


class Question(_Strict):
    """A sub-question of a topic, answered yes or no by claims' ``stances``.

    A topic that bundles several debates (export controls: have they worked? should
    they be tightened?) lists them as sub-questions, so that a speaker who says "they
    leaked, so tighten them" is not counted on both sides of one double-barrelled
    question.
    """

    id: Id = Field(description="unique among all topics and questions")
    question: Text = Field(description="a yes/no question: 'Should the US restrict the H20?'")
    label: str | None = Field(None, description="a short label for views: 'Restrict the H20?'")


class Topic(_Strict):
    """A subject under debate, with its yes/no question and optional sub-questions.

    The topic's own question has the topic's id; claims answer it or a sub-question in
    their ``stances``.
    """

    id: Id
    label: Text = Field(description="a short label for views: 'Compute'")
    question: str | None = Field(None, description="the question the topic asks")
    questions: list[Question] = Field(
        default_factory=list, description="sub-questions, each with its own id"
    )


SEGMENT_JOINER = " … "
"""How the ``quote`` of an attribution made of several segments reads: the segments joined."""


class Segment(_Strict):
    """One exact stretch of a quote that the document splits (an ADU of non-adjacent EDUs)."""

    quote: Text
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)


class Attribution(_Strict):
    """Who holds a claim, in which document, in their words.

    ``start``/``end`` are where the quote occurs in the document's text (code points,
    end exclusive). Loaders fill them in; a file may give ``start`` to choose one of
    several occurrences.

    A quote the document splits (words 1-5 and 40-46 of one sentence the text
    interrupts) lists its exact pieces in ``segments``; each is grounded on its own,
    ``quote`` is then the pieces joined by ``" … "`` (filled in when left out) and
    ``start``/``end`` span from the first piece to the last. An ``implicit``
    attribution is a claim the text leaves unsaid (an implicit central claim): its
    ``quote`` is the annotator's wording, not looked up, and it has no offsets. An
    ``asked`` attribution records that the speaker put the claim as a question (a
    moderator's "Is compute still the bottleneck?"): it is quoted and grounded like any
    other, but the speaker does not hold the claim.
    """

    speaker: Id
    document: Id
    quote: Text
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)
    segments: list[Segment] = Field(
        default_factory=list,
        description="the exact pieces of a quote the document splits, each grounded",
    )
    implicit: bool = Field(
        False, description="the document implies the claim without saying it: nothing to ground"
    )
    asked: bool = Field(
        False,
        description="the speaker asks this (a question put to others), does not hold it: "
        "quoted, but never counted as their position or voice",
    )

    @model_validator(mode="before")
    @classmethod
    def _quote_from_segments(cls, data: Any) -> Any:
        """A segmented attribution's ``quote`` defaults to its segments joined."""
        if isinstance(data, dict) and "quote" not in data and data.get("segments"):
            pieces = [s.get("quote") if isinstance(s, dict) else s for s in data["segments"]]
            words = [p for p in pieces if isinstance(p, str)]
            if len(words) == len(pieces):
                return {**data, "quote": SEGMENT_JOINER.join(words)}
        return data


class Claim(_Strict):
    """A proposition, stated once in normal words, held by one or more speakers."""

    id: Id
    statement: str = Field(description="a short normalised statement of the proposition")
    topics: list[Id] = Field(default_factory=list)
    stances: dict[Id, Answer] = Field(
        default_factory=dict,
        description="answers to questions of the claim's topics: {question id: yes | no}; "
        "a topic id names the topic's own question; pro/con are read as yes/no",
    )
    attributions: list[Attribution] = Field(default_factory=list)
    note: str | None = None

    @field_validator("stances", mode="before")
    @classmethod
    def _legacy_answers(cls, value: Any) -> Any:
        """Read the first format's ``pro``/``con`` as ``yes``/``no``."""
        if isinstance(value, dict):
            return {
                k: _LEGACY_ANSWERS.get(v, v) if isinstance(v, str) else v for k, v in value.items()
            }
        return value

    @property
    def speakers(self) -> list[str]:
        """Ids of the speakers who hold this claim, in attribution order, without repeats.

        A speaker who only asks it (``asked`` attributions) does not hold it.
        """
        return list(dict.fromkeys(a.speaker for a in self.attributions if not a.asked))

    @property
    def documents(self) -> list[str]:
        """Ids of the documents this claim is quoted from, without repeats."""
        return list(dict.fromkeys(a.document for a in self.attributions))


class Relation(_Strict):
    """``source`` supports or rebuts ``target``.

    ``source`` is a claim. ``target`` is a claim, or the id of another relation: a
    claim that rebuts a relation attacks the inference itself, not its conclusion (an
    *undercut*, Pollock 1987; microtexts' ``und``, AIF's CA on an RA node).
    """

    id: Id | None = Field(None, description="optional; defaults to 'source->target'")
    source: Id
    target: Id = Field(description="a claim id, or a relation id for an undercut")
    kind: RelationKind
    attribution: Attribution | None = Field(None, description="who draws the link, if anyone")
    note: str | None = None

    @property
    def key(self) -> str:
        """The relation's id, or ``source->target`` when it has none."""
        return self.id or f"{self.source}->{self.target}"


class GraphContent(_Strict):
    """The sections every graph file has; all optional so one graph can span files."""

    arggraph: Literal[1] = Field(1, description="format version")
    title: str | None = None
    description: str | None = None
    documents: list[Document] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)


class GraphFile(GraphContent):
    """One file of a graph: the sections plus ``include``, other files merged into it."""

    include: list[str] = Field(default_factory=list, description="relative paths of more files")


class ArgumentGraph(GraphContent):
    """A whole, checked argument graph.

    Construction checks references and structure and grounds quotes in every document
    whose text is known; see :mod:`arggraph.validation`. Texts loaded from files are
    kept beside the model (not serialised): :meth:`text_of` returns them.
    """

    _texts: dict[str, str] = PrivateAttr(default_factory=dict)
    _sources: dict[str, Path] = PrivateAttr(default_factory=dict)
    _inputs: list[Path] = PrivateAttr(default_factory=list)
    _claims: dict[str, Claim] = PrivateAttr(default_factory=dict)
    _question_topics: dict[str, str] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _checked(cls, data: Any, handler: Any, info: Any) -> ArgumentGraph:
        graph: ArgumentGraph = handler(data)
        context = info.context or {}
        graph._texts = dict(context.get("texts", {}))
        for doc in graph.documents:
            if doc.text is not None:
                graph._texts.setdefault(doc.id, doc.text)
        if not context.get("unchecked", False):
            from arggraph.validation import check_graph

            check_graph(graph)
        return graph

    def model_post_init(self, context: Any, /) -> None:
        self._claims = dict(zip(map(attrgetter("id"), self.claims), self.claims, strict=True))
        self._question_topics = {}
        for topic in self.topics:
            self._question_topics.setdefault(topic.id, topic.id)
            for sub in topic.questions:
                self._question_topics.setdefault(sub.id, topic.id)

    def __eq__(self, other: object) -> bool:
        """Graphs are equal when their content is; where they were read from does not count.

        A document's ``path`` counts as the file it points to, so a graph written to
        another folder (paths rebased) equals the graph it was written from.
        """
        if not isinstance(other, ArgumentGraph):
            return NotImplemented
        mine = {k: v for k, v in self.__dict__.items() if k != "documents"}
        theirs = {k: v for k, v in other.__dict__.items() if k != "documents"}
        return mine == theirs and self._document_content() == other._document_content()

    def _document_content(self) -> list[dict[str, object]]:
        """Documents as data, each ``path`` replaced by the resolved file when known."""
        content = []
        for document in self.documents:
            data = document.model_dump()
            source = self._sources.get(document.id)
            if document.path is not None and source is not None:
                data["path"] = str(source.resolve())
            content.append(data)
        return content

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        """One line: the title and the counts (the content: ``model_dump()``)."""
        title = " ".join((self.title or "").split())
        if len(title) > 60:
            title = title[:59] + "…"
        counts = self.counts_text()
        return f"<ArgumentGraph {title!r}: {counts}>" if title else f"<ArgumentGraph: {counts}>"

    def counts_text(self) -> str:
        """How much the graph holds, in words: ``"4 documents, 1 speaker, ..."``."""
        from arggraph.errors import _count

        return ", ".join(
            _count(n, noun)
            for n, noun in [
                (len(self.documents), "document"),
                (len(self.speakers), "speaker"),
                (len(self.topics), "topic"),
                (len(self.claims), "claim"),
                (len(self.relations), "relation"),
            ]
        )

    __str__ = __repr__

    def attach_sources(
        self, texts: dict[str, str], sources: dict[str, Path], *, inputs: list[Path]
    ) -> None:
        """Remember document texts and the files they and the graph came from (loaders use this)."""
        self._texts.update(texts)
        self._sources.update(sources)
        self._inputs = [*inputs, *sources.values()]

    @property
    def source_paths(self) -> dict[str, Path]:
        """Absolute path of each document's text file, for documents read from files."""
        return dict(self._sources)

    @property
    def input_paths(self) -> list[Path]:
        """Every file this graph was read from: graph files and document texts."""
        return list(self._inputs)

    def text_of(self, document_id: str) -> str | None:
        """The text of a document, if known (inline, or read by the loader)."""
        return self._texts.get(document_id)

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id.

        Raises :class:`~arggraph.errors.UnknownIdError` (a ``KeyError``) naming the
        closest id when there is none.
        """
        try:
            return self._claims[claim_id]
        except KeyError:
            from arggraph.errors import UnknownIdError

            raise UnknownIdError("claim", claim_id, self._claims) from None

    def topic_of_question(self, question_id: str) -> str | None:
        """The id of the topic a question belongs to (a topic's own question: itself)."""
        return self._question_topics.get(question_id)

    def is_undercut(self, relation: Relation) -> bool:
        """True when ``relation`` targets another relation rather than a claim."""
        return relation.target not in self._claims

    def iter_attributions(self) -> Iterator[tuple[Claim, Attribution]]:
        """Every (claim, attribution) pair, in file order."""
        for claim in self.claims:
            for attribution in claim.attributions:
                yield claim, attribution

    def to_networkx(self) -> nx.MultiDiGraph[str]:
        """A ``networkx.MultiDiGraph``: claims as nodes, relations as keyed edges.

        See :func:`arggraph.convert.to_networkx` for the attributes.
        """
        from arggraph.convert import to_networkx

        return to_networkx(self)
