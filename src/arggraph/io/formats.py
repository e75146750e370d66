"""One entry point for every format: a registry, ``import_graph`` and ``export_graph``.

Each format lives in its own module with the same verbs (``parse_*`` builds data from
text, ``read_*`` reads files, ``dump_*`` makes text, ``write_*`` writes atomically);
this module picks the module by name, expands folders into files, and refuses unknown
formats with a located :class:`~arggraph.errors.FormatError`. It also holds the small
helpers the importers share: safe ids, and :func:`build_imported`, which turns
imported data into a checked graph and places every problem in the imported file.

``docs/formats.md`` lists what each format keeps and loses.

Example
-------
>>> from arggraph.io.formats import FORMATS, import_graph   # doctest: +SKIP
>>> graph = import_graph("microtexts", ["corpus/"])          # doctest: +SKIP
>>> sorted(FORMATS)[:3]
['aif', 'argdown', 'graphml']
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from arggraph.errors import FormatError, InvalidGraphError, Problem, sort_problems
from arggraph.io.graph_files import display_path, read_text_file
from arggraph.io.sniff import sniff_file
from arggraph.model import ID_PATTERN, ArgumentGraph

Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, path)`` after each file an importer has read."""

PathLike = str | os.PathLike[str]


@dataclass
class ImportLog:
    """What an import did besides building the graph: files it skipped, merges it made.

    Without a log (or with ``strict=True``) one bad file fails the whole import. With
    ``strict=False`` a file with problems is left out, its problems go to ``skipped``,
    and the sound files still make a graph (a *partial* import).
    """

    strict: bool = False
    skipped: list[Problem] = field(default_factory=list)
    """Every problem of every file left out, located."""
    skipped_files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """One line per decision a user should know about (e.g. two speakers merged)."""

    @property
    def partial(self) -> bool:
        """True when some files were left out."""
        return bool(self.skipped_files)


class _Reader(Protocol):
    def __call__(
        self,
        paths: Sequence[PathLike],
        *,
        progress: Progress | None = None,
        log: ImportLog | None = None,
    ) -> ArgumentGraph: ...


@dataclass(frozen=True)
class FormatInfo:
    """What a format is, which way arggraph converts it, and what survives."""

    name: str
    summary: str
    suffixes: tuple[str, ...]
    reader: str | None = None
    """``module:function`` reading files into a graph, if arggraph imports the format."""
    writer: str | None = None
    """``module:function`` writing a graph to a path, if arggraph exports the format."""
    dumper: str | None = None
    """``module:function`` making the exported text (``dump_*``), beside ``writer``."""
    paths_relative: bool = False
    """True when the text names documents by path, made relative to the ``base_dir``."""
    folder: bool = False
    """True when the export is a folder of files with no text form (no ``dumper``)."""
    keeps: str = ""
    loses: str = ""

    @property
    def can_import(self) -> bool:
        """True when ``arggraph import`` reads this format."""
        return self.reader is not None

    @property
    def can_export(self) -> bool:
        """True when ``arggraph export`` writes this format."""
        return self.writer is not None


_IO = "arggraph.io."

FORMATS: dict[str, FormatInfo] = {
    info.name: info
    for info in (
        FormatInfo(
            "aif",
            "AIF / xAIF JSON (AIFdb, OVA)",
            (".json",),
            reader=_IO + "aif:read_aif",
            writer=_IO + "aif:write_aif",
            dumper=_IO + "aif:dump_aif",
            keeps="claims (I), supports (RA), rebuts and undercuts (CA), speakers and "
            "quotes (L-nodes and locutions), relation attributions (L-YA-RA)",
            loses="documents (rebuilt from locutions), topics, stances, notes, titles",
        ),
        FormatInfo(
            "argdown",
            "Argdown (a subset: statements, arguments, relations, #tags)",
            (".argdown", ".ad"),
            reader=_IO + "argdown:read_argdown",
            writer=_IO + "argdown:write_argdown",
            dumper=_IO + "argdown:dump_argdown",
            keeps="claims with titles and text (markup escaped, read back verbatim), "
            "supports, rebuts, undercuts and chains of them, tags as topics, topic labels and "
            "questions (front matter)",
            loses="speakers, other documents' quotes, stances, notes, relation ids; on import: "
            "premise-conclusion structures beyond their premises' support, sections",
        ),
        FormatInfo(
            "graphml",
            "GraphML for Gephi, Cytoscape, yEd",
            (".graphml",),
            writer=_IO + "graphml:write_graphml",
            dumper=_IO + "graphml:dump_graphml",
            keeps="claims and relations with every field as flat attributes",
            loses="undercuts as edges (kept as attributes), typed nesting (JSON text)",
        ),
        FormatInfo(
            "json",
            "arggraph JSON",
            (".json",),
            writer=_IO + "yaml_json:write_graph",
            dumper=_IO + "yaml_json:dump_json",
            paths_relative=True,
            keeps="everything",
        ),
        FormatInfo(
            "kialo",
            "Kialo discussion export (plain text)",
            (".txt",),
            reader=_IO + "kialo:read_kialo",
            keeps="the claim tree, pro/con, '-> See' links, the thesis as a topic",
            loses="Kialo has no authors: one group speaker holds every claim",
        ),
        FormatInfo(
            "microtexts",
            "Argumentative microtexts XML (Peldszus & Stede)",
            (".xml",),
            reader=_IO + "microtexts:read_microtexts",
            keeps="ADUs (split ones as quote segments, implicit ones as implicit attributions), "
            "sup/exa/reb/und/add edges, topic (question from the corpus's file) and stance",
            loses="EDU boundaries inside a run of adjacent EDUs, proponent/opponent roles "
            "(kept as speakers)",
        ),
        FormatInfo(
            "nodelink",
            "networkx node-link JSON (d3)",
            (".json",),
            reader=_IO + "nodelink:read_nodelink_files",
            writer=_IO + "nodelink:write_nodelink",
            dumper=_IO + "nodelink:dump_nodelink",
            paths_relative=True,
            keeps="everything networkx carries: claims, relations, undercuts, documents, "
            "speakers, topics as attributes",
            loses="document texts (paths kept)",
        ),
        FormatInfo(
            "parquet",
            "Parquet tables for DuckDB, Spark, pandas (a folder; needs arggraph[parquet])",
            (),
            writer="arggraph.tables.export:write_tables",
            folder=True,
            keeps="documents (with texts and date spans), speakers, questions, claims, "
            "stances, attributions, quote segments and relations, one table each, plain "
            "columns (docs/scaling.md)",
            loses="the graph's title and description, documents' authors and urls, notes",
        ),
        FormatInfo(
            "yaml",
            "arggraph YAML",
            (".yaml", ".yml"),
            writer=_IO + "yaml_json:write_graph",
            dumper=_IO + "yaml_json:dump_yaml",
            paths_relative=True,
            keeps="everything",
        ),
    )
}
"""Every format arggraph knows, by name."""


def import_formats() -> list[str]:
    """Names of the formats ``import_graph`` reads, sorted: choices for the CLI."""
    return sorted(name for name, info in FORMATS.items() if info.can_import)


def export_formats() -> list[str]:
    """Names of the formats ``export_graph`` writes, sorted: choices for the CLI."""
    return sorted(name for name, info in FORMATS.items() if info.can_export)


def import_graph(
    format: str | None,
    paths: PathLike | Sequence[PathLike],
    *,
    progress: Progress | None = None,
    log: ImportLog | None = None,
) -> ArgumentGraph:
    """Read files (or folders of them) in ``format`` into one checked graph.

    Parameters
    ----------
    format
        One of :func:`import_formats` (``aif``, ``argdown``, ``kialo``, ``microtexts``,
        ``nodelink``), or ``None`` to detect it from the files (:func:`detect_format`).
        A file that looks like another format is refused, naming the format it looks like.
    paths
        Files, or folders whose files with the format's suffixes are read in name order.
    progress
        Called as ``progress(done, total, path)`` after each file.
    log
        Receives what the import decided; with ``log.strict`` false, files with
        problems are skipped into ``log.skipped`` instead of failing the import.

    Returns
    -------
    ArgumentGraph
        One graph for all files; ids are prefixed by file name when several are read.

    Raises
    ------
    FormatError
        With one located problem per defect in any file, all together; ``wrong-format``
        for a file in another format than ``format``.

    Example
    -------
    >>> g = import_graph("kialo", "debate.txt")        # doctest: +SKIP
    >>> g = import_graph(None, "nodeset6064.json")     # doctest: +SKIP
    """
    if format is None:
        format = detect_format(paths)
    info = _format_info(format, "import")
    files = _in_format(expand_paths(paths, info.suffixes), format, log)
    reader: _Reader = _resolve(info.reader)
    return reader(files, progress=progress, log=log)


def detect_format(paths: PathLike | Sequence[PathLike]) -> str:
    """The one import format the files (or the folders' files) are in, told by content.

    Files whose format cannot be told (a microtext's ``.txt`` beside its ``.xml``) are
    passed over; a mix of formats, none at all, or a format arggraph does not import
    raises a :class:`FormatError` naming each file's format.

    Example
    -------
    >>> detect_format("tests/data/aif/undercut.json")
    'aif'
    """
    suffixes = {suffix for name in import_formats() for suffix in FORMATS[name].suffixes}
    files = expand_paths(paths, suffixes)
    sniffed = {path: sniff_file(path) for path in files}
    found = {s.format for s in sniffed.values() if s is not None}
    if len(found) == 1 and (only := next(iter(found))) in import_formats():
        return only
    if not found:
        raise FormatError(
            [
                Problem(
                    "cannot tell the format of this file from its content",
                    code="unknown-format",
                    file=display_path(path),
                    hint="name the format: arggraph import FORMAT PATH "
                    f"(one of {', '.join(import_formats())})",
                )
                for path in files
            ]
        )
    mixed = len({s.format for s in sniffed.values() if s is not None}) > 1
    problems = [
        Problem(
            f"looks like {seen.description} ({seen.evidence})"
            + ("; the inputs mix formats" if mixed else _not_imported(seen.format)),
            code="mixed-formats" if mixed else "wrong-format",
            file=display_path(path),
            line=seen.line,
            column=seen.column,
            hint="import each format on its own: arggraph import FORMAT PATH"
            if mixed
            else _import_hint(seen.format, display_path(path)),
        )
        for path, seen in sniffed.items()
        if seen is not None
    ]
    raise FormatError(sort_problems(problems))


def _in_format(files: list[Path], format: str, log: ImportLog | None) -> list[Path]:
    """``files`` that do not look like another format; the others refused (or skipped)."""
    problems: dict[Path, Problem] = {}
    for path in files:
        seen = sniff_file(path)
        if seen is not None and seen.format != format:
            problems[path] = Problem(
                f"looks like {seen.description} ({seen.evidence}), not {FORMATS[format].summary}",
                code="wrong-format",
                file=display_path(path),
                line=seen.line,
                column=seen.column,
                hint=_import_hint(seen.format, display_path(path)),
            )
    if not problems:
        return files
    kept = [path for path in files if path not in problems]
    if log is None or log.strict or not kept:
        raise FormatError(sort_problems(list(problems.values())))
    log.skipped.extend(problems.values())
    log.skipped_files.extend(display_path(path) for path in problems)
    return kept


def _not_imported(format: str) -> str:
    if format in ("json", "yaml"):
        return ": nothing to import"
    return ", which arggraph does not import"


def _import_hint(format: str, shown: str) -> str:
    if format in import_formats():
        return f"import it as {format}: arggraph import {format} {shown} (or leave the format out)"
    if format in ("json", "yaml"):
        return f"it is an arggraph graph already: use it directly (arggraph validate {shown})"
    if format == "argdown-json":
        return "import the .argdown file it was made from: arggraph import argdown FILE"
    return f"arggraph writes {format} but does not read it; import the file it was made from"


def export_graph(graph: ArgumentGraph, format: str, path: PathLike) -> Path:
    """Write ``graph`` to ``path`` in ``format`` (one of :func:`export_formats`), atomically."""
    info = _format_info(format, "export")
    writer: Callable[[ArgumentGraph, PathLike], Path] = _resolve(info.writer)
    return writer(graph, path)


def dump_graph(graph: ArgumentGraph, format: str, *, base_dir: PathLike | None = None) -> str:
    """``graph`` as text in ``format`` (one of :func:`export_formats`), written nowhere.

    Parameters
    ----------
    graph
        The graph to convert.
    format
        ``json``, ``yaml``, ``nodelink``, ``graphml``, ``aif`` or ``argdown``.
    base_dir
        Where the text will live: document paths are made relative to it (formats that
        name documents by path); ``None`` keeps them as they are.

    Returns
    -------
    str
        The text, ending in a newline.

    Example
    -------
    >>> text = dump_graph(graph, "aif")                          # doctest: +SKIP
    >>> text = dump_graph(graph, "yaml", base_dir="out/")        # doctest: +SKIP
    """
    info = _format_info(format, "export")
    if info.folder:
        raise FormatError(
            [
                Problem(
                    f"format '{format}' writes a folder of files, not text",
                    code="unsupported-format",
                    hint=f"use export_graph(graph, '{format}', folder), or arggraph export "
                    f"--format {format} -o FOLDER",
                )
            ]
        )
    dumper: Callable[..., str] = _resolve(info.dumper)
    return dumper(graph, base_dir=base_dir) if info.paths_relative else dumper(graph)


def _format_info(name: str, direction: str) -> FormatInfo:
    info = FORMATS.get(name)
    usable = import_formats() if direction == "import" else export_formats()
    if info is None or name not in usable:
        raise FormatError(
            [
                Problem(
                    f"arggraph cannot {direction} format '{name}'",
                    code="unsupported-format",
                    hint=f"choose one of: {', '.join(usable)}",
                )
            ]
        )
    return info


def _resolve(target: str | None) -> Any:
    assert target is not None  # guarded by _format_info: only formats that have one
    module, _, function = target.partition(":")
    return getattr(importlib.import_module(module), function)


def expand_paths(paths: PathLike | Sequence[PathLike], suffixes: Iterable[str]) -> list[Path]:
    """Files to read: each file as given, each folder's files with ``suffixes``, sorted.

    Missing paths and folders without such files are reported together.
    """
    given = [Path(paths)] if isinstance(paths, str | os.PathLike) else [Path(p) for p in paths]
    wanted = tuple(s.lower() for s in suffixes)
    files: list[Path] = []
    problems: list[Problem] = []
    for path in given:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and _has_suffix(p, wanted))
            if not found:
                problems.append(
                    Problem(
                        f"folder holds no {' or '.join(wanted)} files",
                        code="unreadable-file",
                        file=display_path(path),
                        hint="give the folder that holds the files, or the files themselves",
                    )
                )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(
                Problem(
                    "file not found",
                    code="unreadable-file",
                    file=display_path(path),
                    hint="check the path",
                )
            )
    if not given:
        problems.append(Problem("no input files given", code="unreadable-file"))
    if problems:
        raise FormatError(problems)
    return files


def _has_suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    return path.name.lower().endswith(suffixes)


def read_import_text(path: Path, display: str | None = None) -> tuple[str, str]:
    """The UTF-8 text of an imported file and the name problems give it.

    Unreadable files (missing, a folder, a device or pipe, not UTF-8) raise a located
    :class:`~arggraph.errors.FormatError`, the importers' one error type.
    """
    shown = display if display is not None else display_path(path)
    try:
        return read_text_file(path, shown), shown
    except InvalidGraphError as exc:
        raise FormatError(exc.problems) from None


# --- helpers the importers share -------------------------------------------------------

_UNSAFE = re.compile(r"[^A-Za-z0-9_.:\-]+")
_ID = re.compile(ID_PATTERN)


def safe_id(raw: str, *, fallback: str = "x") -> str:
    """``raw`` made into a valid arggraph id: other characters become ``-``.

    >>> safe_id("Claire Cooper")
    'Claire-Cooper'
    >>> safe_id("_x")
    'x-_x'
    """
    text = _UNSAFE.sub("-", raw.strip()).strip("-")[:200]
    if not text:
        return fallback
    return text if _ID.match(text) else f"x-{text}"[:200]


def slug(text: str, *, fallback: str = "x") -> str:
    """A lower-case id from a name: ``"Claire Cooper"`` -> ``"claire-cooper"``.

    >>> slug("Don't Panic!")
    'don-t-panic'
    """
    return safe_id(re.sub(r"[^a-z0-9]+", "-", text.lower()), fallback=fallback)


_SECTION_NAMES = ("documents", "speakers", "topics", "claims", "relations")


@dataclass(frozen=True)
class Origin:
    """Where an imported item came from: file, line if known, and its id there."""

    file: str
    line: int | None = None
    element: str | None = None


class Located(Protocol):
    """What placing a problem reads of an origin: an :class:`Origin`, or an importer's own
    object that finds the line only when asked (a line per item costs a scan per file)."""

    @property
    def file(self) -> str:
        """The file's name, as messages give it."""

    @property
    def line(self) -> int | None:
        """The item's line in the file, if known."""

    @property
    def element(self) -> str | None:
        """The item's id or place in the file (``node 12``), if any."""


@dataclass
class ImportedData:
    """Graph sections being built by an importer, with the origin of every item.

    ``add`` keeps items and origins in step, so a problem the model finds in
    ``claims[4]`` is reported at the line of the file that item came from.
    """

    title: str | None = None
    description: str | None = None
    sections: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {s: [] for s in _SECTION_NAMES}
    )
    origins: dict[str, list[Located]] = field(
        default_factory=lambda: {s: [] for s in _SECTION_NAMES}
    )
    texts: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    inputs: list[Path] = field(default_factory=list)
    _ids: dict[str, set[str]] = field(init=False)

    def __post_init__(self) -> None:
        """Remember the ids of the items given at construction, as ``add`` does for later
        ones (an importer may hand over whole sections at once)."""
        self._ids = {
            s: {item["id"] for item in self.sections.get(s, ()) if item.get("id") is not None}
            for s in _SECTION_NAMES
        }

    def add(self, section: str, item: dict[str, Any], origin: Located) -> None:
        """Append ``item`` to ``section``, remembering where it came from."""
        self.sections[section].append(item)
        self.origins[section].append(origin)
        if "id" in item and item["id"] is not None:
            self._ids[section].add(item["id"])

    def has(self, section: str, item_id: str) -> bool:
        """True when ``section`` already holds an item with this id."""
        return item_id in self._ids[section]

    def add_once(self, section: str, item: dict[str, Any], origin: Located) -> None:
        """Add a speaker, topic or document unless one with its id exists already."""
        if not self.has(section, item["id"]):
            self.add(section, item, origin)

    def extend(self, other: ImportedData) -> None:
        """Merge another file's data into this one (speakers and topics once each)."""
        for section in _SECTION_NAMES:
            if section in ("speakers", "topics"):
                pairs = zip(other.sections[section], other.origins[section], strict=True)
                for item, origin in pairs:
                    self.add_once(section, item, origin)
            else:  # every item, as add would take them one by one
                self.sections[section] += other.sections[section]
                self.origins[section] += other.origins[section]
                self._ids[section] |= other._ids[section]
        self.texts.update(other.texts)
        self.sources.update(other.sources)
        self.inputs.extend(other.inputs)

    def data(self) -> dict[str, Any]:
        """The sections as a dict ``ArgumentGraph.model_validate`` accepts."""
        meta = {"title": self.title, "description": self.description}
        return {**{k: v for k, v in meta.items() if v is not None}, **self.sections}


def build_imported(imported: ImportedData) -> ArgumentGraph:
    """A checked graph from imported data, or a :class:`FormatError` placing each problem.

    Problems the model finds (a quote not in its text, a dangling reference) are
    reported at the file, line and element the offending item was imported from.
    """
    try:
        graph = ArgumentGraph.model_validate(imported.data(), context={"texts": imported.texts})
    except InvalidGraphError as exc:
        raise FormatError(sort_problems([_placed(p, imported) for p in exc.problems])) from None
    except ValidationError as exc:
        problems = [
            _placed(
                Problem(
                    f"cannot import: {error['msg']}",
                    code="malformed-input",
                    path=tuple(error["loc"]),
                    hint="the value in the input breaks a rule of arggraph's model",
                ),
                imported,
            )
            for error in exc.errors(include_url=False)
        ]
        raise FormatError(sort_problems(problems)) from None
    graph.attach_sources(imported.texts, imported.sources, inputs=imported.inputs)
    return graph


def _placed(problem: Problem, imported: ImportedData) -> Problem:
    path = problem.path
    if len(path) >= 2 and path[0] in imported.origins and isinstance(path[1], int):
        origins = imported.origins[str(path[0])]
        if 0 <= path[1] < len(origins):
            origin = origins[path[1]]
            where = f"{origin.element}: " if origin.element else ""
            located = problem.located(origin.file, origin.line, None)
            return Problem(
                where + located.message,
                code=located.code,
                file=located.file,
                line=located.line,
                id=located.id,
                hint=located.hint,
                path=path,
            )
    return problem


def read_each(
    files: Sequence[Path],
    parse_file: Callable[[Path, str], ImportedData],
    *,
    progress: Progress | None = None,
    log: ImportLog | None = None,
) -> ImportedData:
    """Parse each file with ``parse_file(path, id_prefix)`` and merge; collect all problems.

    The id prefix is ``""`` for one file and ``"<file stem>."`` for several, so that
    ids from different files cannot collide. With a non-strict ``log``, each file is
    also checked on its own (quotes, references) and a file with problems is skipped
    into the log; only when no file is sound does the import fail.
    """
    merged = last = ImportedData()
    problems: list[Problem] = []
    partial = log is not None and not log.strict
    for done, path in enumerate(files, start=1):
        prefix = f"{safe_id(path.stem)}." if len(files) > 1 else ""
        try:
            parsed = parse_file(path, prefix)
            if partial:
                build_imported(parsed)
            last = parsed
            merged.extend(last)
        except InvalidGraphError as exc:
            if partial and log is not None:
                log.skipped.extend(exc.problems)
                log.skipped_files.append(display_path(path))
            problems.extend(exc.problems)
        if progress is not None:
            progress(done, len(files), str(path))
    nothing_sound = log is None or len(log.skipped_files) == len(files)
    if problems and (not partial or nothing_sound):
        raise FormatError(sort_problems(problems))
    if len(files) == 1:
        merged.title, merged.description = last.title, last.description
    return merged
