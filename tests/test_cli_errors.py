"""What the ``factionmap`` command says when it cannot do what it is asked: one line, naming the input and what to
do, exit status 1, never a traceback; and reading commands never create a store (issue 10)."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from fastapi.testclient import TestClient

from factionmap.cli import cli
from factionmap.config import Settings
from factionmap.extract import Extractor
from factionmap.store import open_store
from factionmap.web import create_app

pytestmark = pytest.mark.issue(10)

PLEDGE = "On Aug. 6, the Islamic Movement of Uzbekistan (IMU) pledged allegiance to the Islamic State."
RECORD = {"doc": {"id": "imu", "text": PLEDGE}, "actors": [], "places": [], "relations": [], "events": []}


@pytest.fixture(autouse=True)
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder, with no FACTIONMAP_* variables."""
    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.startswith("FACTIONMAP_")]:
        monkeypatch.delenv(name)
    return tmp_path


@pytest.fixture
def shared_model(monkeypatch: pytest.MonkeyPatch, extractor: Extractor) -> None:
    """Commands that extract use the one model the test session loaded."""
    monkeypatch.setattr(Extractor, "from_settings", staticmethod(lambda settings: extractor))


def run(*args: str) -> Result:
    """Invoke ``factionmap ARGS...``."""
    return CliRunner().invoke(cli, list(args), prog_name="factionmap")


def one_line_error(result: Result) -> str:
    """The error line of a command that failed as a user should see it: status 1, one line, no traceback."""
    assert isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def make_store(path: Path) -> Path:
    """A store holding one document."""
    with open_store(path) as store:
        from factionmap.export import import_records

        (path.parent / "one.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
        import_records(store, path.parent / "one.jsonl")
    return path


@pytest.fixture
def read_only_folder(workdir: Path) -> Iterator[Path]:
    """A store in a folder no one may write (the file read-only too); permissions restored afterwards."""
    folder = workdir / "archive"
    folder.mkdir()
    make_store(folder / "map.db")
    (folder / "one.jsonl").unlink()
    (folder / "map.db").chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    yield folder
    folder.chmod(stat.S_IRWXU)
    (folder / "map.db").chmod(stat.S_IRUSR | stat.S_IWUSR)


# --- reading commands never create a store ------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", [["stats"], ["actor", "IMU"], ["graph"], ["export", "jsonl"], ["serve"]], ids=lambda c: c[0]
)
def test_a_reading_command_on_a_mistyped_path_says_so_and_creates_nothing(workdir: Path, command: list[str]) -> None:
    make_store(workdir / "map.db")
    line = one_line_error(run(*command, "--db", "mpa.db"))
    assert line == ("Error: mpa.db: no store there (no such file); check the path, or create one with "
                    "`factionmap ingest ARTICLES --db mpa.db`")
    assert sorted(p.name for p in workdir.iterdir()) == ["map.db", "one.jsonl"]


def test_a_reading_command_in_a_missing_folder_names_the_folder_problem(workdir: Path) -> None:
    line = one_line_error(run("stats", "--db", "nowhere/map.db"))
    assert line.startswith("Error: nowhere/map.db: no store there (no such folder); check the path")


def test_a_reading_command_opens_the_store_read_only(workdir: Path) -> None:
    with open_store(str(make_store(workdir / "map.db")), read_only=True) as store:
        with pytest.raises(Exception, match="readonly"), store.engine.begin() as conn:  # type: ignore[attr-defined]
            conn.exec_driver_sql("DELETE FROM documents")
        assert store.stats()["documents"] == 1


def test_a_database_that_is_not_a_store_is_named(workdir: Path) -> None:
    (workdir / "notes.db").write_text("These are notes, not a database.\n" * 50, encoding="utf-8")
    line = one_line_error(run("stats", "--db", "notes.db"))
    assert line.startswith("Error: notes.db cannot be opened as a factionmap store: ")


def test_an_older_store_is_migrated_by_a_reading_command(workdir: Path) -> None:
    path = make_store(workdir / "map.db")
    with open_store(path) as store, store.engine.begin() as conn:  # type: ignore[attr-defined]
        conn.exec_driver_sql("DROP INDEX ix_documents_text_key")
        conn.exec_driver_sql("ALTER TABLE documents DROP COLUMN text_key")
        conn.exec_driver_sql("DELETE FROM migrations WHERE name = 'm002_add_text_key'")
    result = run("stats", "--db", "map.db")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("map.db: 1 documents")


# --- read-only stores ---------------------------------------------------------------------------------------


def test_a_store_in_a_read_only_folder_can_be_read_and_served(read_only_folder: Path) -> None:
    before = sorted(p.name for p in read_only_folder.iterdir())
    result = run("stats", "--db", str(read_only_folder / "map.db"))
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("map.db: 1 documents, 0 actors, 0 places, 0 relations, 0 evidence, 0 events\n")
    app = create_app(Settings(db=str(read_only_folder / "map.db")))
    with TestClient(app, base_url="http://localhost") as client:
        assert client.get("/api/stats").json()["counts"]["documents"] == 1
    # Not even SQLite's -wal and -shm files were created: the store was read as it is (immutable).
    assert sorted(p.name for p in read_only_folder.iterdir()) == before


def test_ingesting_into_a_read_only_store_is_one_line_that_says_what_to_do(workdir: Path, shared_model: None) -> None:
    # A read-only SQLite URI: refused writes even for root, who may write a read-only file.
    path = make_store(workdir / "map.db")
    (workdir / "new.txt").write_text("The Taliban claimed an attack in Kunduz on Monday.\n", encoding="utf-8")
    line = one_line_error(run("ingest", "new.txt", "--db", f"sqlite:///file:{path}?mode=ro&uri=true"))
    assert line.startswith(f"Error: sqlite:///file:{path}?mode=ro&uri=true: cannot write to the store, it is read-only")
    assert line.endswith("give a store you can write with --db, or make the file and its folder writable")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only file; the mode=ro URI test covers root")
def test_ingesting_into_a_read_only_file_is_one_line(workdir: Path, shared_model: None) -> None:
    path = make_store(workdir / "map.db")
    path.chmod(stat.S_IRUSR)
    (workdir / "new.txt").write_text("The Taliban claimed an attack in Kunduz on Monday.\n", encoding="utf-8")
    line = one_line_error(run("ingest", "new.txt", "--db", "map.db"))
    assert line.startswith("Error: map.db: cannot write to the store, it is read-only")


def test_importing_into_a_read_only_store_stops_at_once_with_one_line(workdir: Path) -> None:
    path = make_store(workdir / "map.db")
    other = dict(RECORD, doc={"id": "b", "text": "The Taliban claimed an attack in Kunduz on Monday."})
    (workdir / "more.jsonl").write_text(json.dumps(other) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    line = one_line_error(run("import", "more.jsonl", "--db", f"sqlite:///file:{path}?mode=ro&uri=true"))
    assert "cannot write to the store, it is read-only" in line


# --- PostgreSQL without its driver ----------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["stats"], ["ingest", "x.txt"]], ids=lambda c: c[0])
def test_a_postgresql_url_without_the_driver_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as in an install without the [postgres] extra
    line = one_line_error(run(*command, "--db", "postgresql://localhost/factionmap"))
    assert line.startswith("Error: postgresql://localhost/factionmap: PostgreSQL stores need the psycopg driver")
    assert line.endswith("install it with: pip install 'factionmap[postgres]'")


# --- inputs, outputs and settings -----------------------------------------------------------------------------


def test_importing_a_file_that_is_not_utf8_names_the_line_and_the_byte(workdir: Path) -> None:
    make_store(workdir / "map.db")
    good = json.dumps(dict(RECORD, doc={"id": "b", "text": "The Taliban claimed an attack in Kunduz."})).encode()
    latin1 = json.dumps(dict(RECORD, doc={"id": "c", "text": "Caf\u00e9 owners fled Kunduz."}), ensure_ascii=False)
    (workdir / "mixed.jsonl").write_bytes(good + b"\n" + latin1.encode("latin-1") + b"\n")
    result = run("import", "mixed.jsonl", "--db", "map.db")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    column = latin1.index("\u00e9") + 1
    assert result.stderr.splitlines() == [
        f"skipped mixed.jsonl:2: not UTF-8 (byte 0xe9 at column {column}): save the file as UTF-8"
    ]
    assert result.stdout == "1 documents added, 0 already stored, 0 evidence-only, 1 refused\n"


@pytest.mark.parametrize(
    ("output", "problem"), [("MISSING/DIR/x.jsonl", "does not exist"), ("map.db/x.jsonl", "is not a folder")]
)
def test_exporting_into_a_missing_folder_names_it(workdir: Path, output: str, problem: str) -> None:
    make_store(workdir / "map.db")
    folder = output.rsplit("/", 1)[0]
    line = one_line_error(run("export", "jsonl", "-o", output, "--db", "map.db"))
    assert line == f"Error: {output}: cannot write the output: folder {folder!r} {problem}; create it or give another --output"


@pytest.mark.parametrize(
    ("variable", "value"),
    [("FACTIONMAP_KB_FILES", "notjson"), ("FACTIONMAP_GEONAMES_FILES", "{"), ("FACTIONMAP_ALLOWED_HOSTS", "a,b")],
)
def test_a_list_variable_that_is_not_json_names_itself_and_shows_the_form(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    make_store(workdir / "map.db")
    monkeypatch.setenv(variable, value)
    line = one_line_error(run("stats", "--db", "map.db"))
    assert line == f"""Error: {variable}={value!r} is not valid: give a JSON list, e.g. {variable}='["first", "second"]'"""


def test_a_setting_of_the_wrong_type_is_one_line_naming_it(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTIONMAP_MAX_BYTES", "lots")
    line = one_line_error(run("stats"))
    assert line.startswith("Error: invalid settings: setting 'max_bytes' (FACTIONMAP_MAX_BYTES): ")
    assert line.endswith("got 'lots'")


def test_an_unknown_setting_in_the_config_file_lists_the_known_ones(workdir: Path) -> None:
    (workdir / "conf.json").write_text('{"database": "x.db"}', encoding="utf-8")
    line = one_line_error(run("stats", "--config", "conf.json"))
    assert line.startswith("Error: invalid settings: unknown setting 'database'; choose from: db, model, ")
