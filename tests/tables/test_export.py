"""The graph as Parquet tables: columns, rows, atomic writing, and the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from arggraph.cli import EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, main
from arggraph.errors import FormatError, OutputError
from arggraph.io.formats import dump_graph, export_graph
from arggraph.tables.export import SCHEMA, TABLE_NAMES, graph_columns
from arggraph.tables.extras import MissingExtraError, require
from tests.conftest import DEEPSEEK, SMALL_GRAPH, TALK, WriteFiles
from tests.tables.conftest import need
from tests.tables.constructs import constructs_graph


def test_every_table_has_its_schema_columns() -> None:
    columns = graph_columns(constructs_graph())
    assert list(columns) == list(TABLE_NAMES)
    for name, table in columns.items():
        assert list(table) == [column for column, _ in SCHEMA[name]]
        assert len({len(values) for values in table.values()}) == 1


def test_rows_are_the_graph_items() -> None:
    graph = constructs_graph()
    columns = graph_columns(graph)
    assert columns["claims"]["id"] == [c.id for c in graph.claims]
    assert len(columns["stances"]["claim_id"]) == sum(len(c.stances) for c in graph.claims)
    assert len(columns["attributions"]["quote"]) == sum(len(c.attributions) for c in graph.claims)
    assert columns["questions"]["id"] == ["compute", "bottleneck", "controls"]
    assert columns["segments"]["quote"] == ["the controls slowed China", "the smuggling proves it"]
    assert columns["relations"]["key"][3] == "spread->less"
    assert columns["relations"]["speaker"][4] == "ortiz"
    podcast = columns["documents"]["id"].index("podcast")
    assert str(columns["documents"]["date_first"][podcast]) == "2025-02-01"
    assert str(columns["documents"]["date_last"][podcast]) == "2025-02-28"


def test_written_tables_read_back(tmp_path: Path) -> None:
    need("pyarrow", "parquet")
    pq = require("pyarrow.parquet", "test")
    graph = constructs_graph()
    folder = export_graph(graph, "parquet", tmp_path / "tables")
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.parquet" for n in TABLE_NAMES)
    claims = pq.read_table(folder / "claims.parquet")
    assert claims.column("id").to_pylist() == [c.id for c in graph.claims]
    assert [p.name for p in tmp_path.iterdir()] == ["tables"]  # no temporary folder left


def test_rewriting_replaces_the_tables(tmp_path: Path) -> None:
    need("pyarrow", "parquet")
    export_graph(constructs_graph(), "parquet", tmp_path / "tables")
    export_graph(constructs_graph(), "parquet", tmp_path / "tables")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables"]


@pytest.mark.parametrize("existing", ["notes.txt", "sub/x.yaml"])
def test_a_folder_with_other_files_is_refused(tmp_path: Path, existing: str) -> None:
    need("pyarrow", "parquet")
    (tmp_path / existing).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / existing).write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="holds other files"):
        export_graph(constructs_graph(), "parquet", tmp_path)
    assert (tmp_path / existing).read_text(encoding="utf-8") == "mine"


def test_parquet_has_no_text_form() -> None:
    with pytest.raises(FormatError, match="writes a folder"):
        dump_graph(constructs_graph(), "parquet")


def test_a_missing_extra_names_what_to_install() -> None:
    with pytest.raises(MissingExtraError, match=r"pip install 'arggraph\[duckdb\]'"):
        require("duckdb.no_such_module_here", "the DuckDB engine")


def test_cli_writes_the_tables(tmp_path: Path) -> None:
    need("pyarrow", "parquet")
    code = main(["export", str(DEEPSEEK), "--format", "parquet", "-o", str(tmp_path / "t")])
    assert code == EXIT_OK
    assert (tmp_path / "t" / "claims.parquet").is_file()


def test_cli_needs_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(DEEPSEEK), "--format", "parquet"])
    assert exit_.value.code == EXIT_USAGE
    assert "give it with -o FOLDER" in capsys.readouterr().err


def test_cli_names_the_extra_when_pyarrow_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import arggraph.tables.extras as extras

    real = extras.importlib.import_module

    def without_pyarrow(name: str, *args: Any) -> Any:
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(extras.importlib, "import_module", without_pyarrow)
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(DEEPSEEK), "-f", "parquet", "-o", str(tmp_path / "t")])
    assert exit_.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    assert "pip install 'arggraph[parquet]'" in err
    assert "Traceback" not in err
    assert not (tmp_path / "t").exists()


def test_cli_refuses_to_write_over_the_graph(write_files: WriteFiles) -> None:
    need("pyarrow", "parquet")
    folder = write_files(**{"g.yaml": SMALL_GRAPH, "talk.txt": TALK})
    graph = folder / "g.yaml"
    assert main(["export", str(graph), "-f", "parquet", "-o", str(graph)]) == EXIT_OUTPUT
    assert graph.read_text(encoding="utf-8") == SMALL_GRAPH
