"""A store that cannot be used is one line on stderr naming it and the cause, exit status 1.

Damaged stores, files that are not stores, read-only stores and directories, and new
stores created by several processes at once, all through the `exodus` command.
"""
from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import suppress
from pathlib import Path

import pytest

from exodus.cli.main import main
from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import article, fact_in
from exodus.store.migrations import MIGRATIONS

LEIKE_LEFT = "Jan Leike resigned from OpenAI over safety."
LEIKE_JOINED = "Jan Leike joined Anthropic to continue his work."

# What a person runs against a store: the questions, then the commands that write.
READING = [["flows"], ["export"], ["person", "Jan Leike"], ["org", "OpenAI"], ["conflicts"],
           ["search", "Leike"]]
WRITING = [["alias", "add", "Jan Leike", "J. Leike"]]


def build_store(path: Path) -> Path:
    """A small store of two articles (a move from OpenAI to Anthropic), its log folded into the file."""
    left = article("l1", LEIKE_LEFT, "2024-05-17")
    joined = article("j1", LEIKE_JOINED, "2024-05-28")
    with open_store(path) as store:
        ingest_extracted(store, [
            (left, [fact_in(left, "left", "Jan Leike resigned from OpenAI", person="Jan Leike", org="OpenAI",
                            date="2024-05", reasons=["safety"])]),
            (joined, [fact_in(joined, "joined", "Jan Leike joined Anthropic", person="Jan Leike",
                              org="Anthropic", date="2024-05")])])
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.fixture(scope="module")
def good_store(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "good.db")


def exodus(*args: str, env: dict | None = None, prefix: tuple[str, ...] = (), **kwargs) -> subprocess.CompletedProcess:
    """`exodus ARGS` as a user runs it, in a process of its own."""
    return subprocess.run([*prefix, sys.executable, "-m", "exodus", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120, **kwargs)


def assert_one_line_error(stderr: str, *expected: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("exodus: error: "), stderr
    for part in expected:
        assert part in lines[0], stderr


def store_args(args: list[str], db: Path) -> list[str]:
    return [*args, "--db", str(db)]


# --- files that are not stores, and damaged stores ------------------------------------------------

def damaged_store(tmp_path: Path, good_store: Path) -> Path:
    """A valid SQLite file whose tables' and indexes' pages hold garbage (its schema is intact)."""
    path = tmp_path / "damaged.db"
    shutil.copy(good_store, path)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    roots = [r for (r,) in conn.execute("SELECT rootpage FROM sqlite_master WHERE rootpage > 1")]
    conn.close()
    with path.open("r+b") as fh:
        for page in roots:
            fh.seek((page - 1) * page_size)
            fh.write(bytes((i * 7 + 13) % 256 for i in range(page_size)))
    return path


def foreign_file(tmp_path: Path, kind: str, good_store: Path) -> tuple[Path, str]:
    """A file given as `--db` that is no usable store, and what the error must say about it."""
    path = tmp_path / f"{kind}.db"
    if kind == "random-bytes":
        path.write_bytes(bytes((i * 31 + 7) % 251 for i in range(64 * 1024)))
        return path, "not an SQLite database"
    if kind == "text":
        path.write_text("id,name\n1,not a database\n", encoding="utf-8")
        return path, "not an SQLite database"
    if kind == "damaged":
        return damaged_store(tmp_path, good_store), "damaged"
    if kind == "other-sqlite":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.close()
        return path, "not an Exodus store"
    raise ValueError(kind)


@pytest.mark.parametrize("kind", ["random-bytes", "text", "damaged", "other-sqlite"])
@pytest.mark.parametrize("command", READING + WRITING, ids=lambda c: c[0])
def test_a_file_that_is_no_store_is_one_line_naming_it(tmp_path, capsys, good_store, kind, command):
    path, cause = foreign_file(tmp_path, kind, good_store)
    before = path.read_bytes()
    assert main(store_args(command, path)) == 1
    assert_one_line_error(capsys.readouterr().err, str(path), cause)
    assert path.read_bytes() == before


@pytest.mark.parametrize("kind", ["text", "damaged"])
def test_ingest_into_a_file_that_is_no_store_is_one_line_and_exit_1(tmp_path, good_store, kind):
    path, cause = foreign_file(tmp_path, kind, good_store)
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a1", "published": "2024-05-17", "text": "' + LEIKE_LEFT + '"}\n', encoding="utf-8")
    result = exodus("ingest", str(articles), "--db", str(path), "--extractor", "rules")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert_one_line_error(result.stderr, str(path), cause)


def test_a_damaged_store_read_by_a_question_is_one_line_not_a_traceback(tmp_path, good_store):
    path = damaged_store(tmp_path, good_store)
    for command in (["flows"], ["export", "--format", "csv"], ["person", "Jan Leike"]):
        result = exodus(*store_args(command, path))
        assert result.returncode == 1, command
        assert "Traceback" not in result.stderr
        assert_one_line_error(result.stderr, str(path), "damaged", "malformed")


def test_a_store_of_a_newer_exodus_is_refused_by_name(tmp_path, capsys, good_store):
    path = tmp_path / "newer.db"
    shutil.copy(good_store, path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    for command in (["flows"], ["alias", "add", "Jan Leike", "J. Leike"]):
        assert main(store_args(command, path)) == 1
        assert_one_line_error(capsys.readouterr().err, str(path), "newer than this Exodus", "upgrade")


# --- read-only stores and directories --------------------------------------------------------------

# Root may write anything; without these capabilities it is held to the files' permission bits
# like any user (it owns the files), so `chmod` makes a read-only store for the test.
_DROP_OVERRIDES = ("setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner,-linux_immutable")


@pytest.fixture(scope="module")
def as_a_user(tmp_path_factory) -> tuple[str, ...]:
    """The command prefix that runs `exodus` under the files' permissions (empty when not root)."""
    if os.geteuid() != 0:
        return ()
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: read-only files cannot be made")
    folder = tmp_path_factory.mktemp("probe")
    folder.chmod(0o555)
    try:
        probe = subprocess.run([*_DROP_OVERRIDES, "touch", str(folder / "x")], capture_output=True)
    finally:
        folder.chmod(0o755)
    if probe.returncode == 0 or "Permission denied" not in probe.stderr.decode():
        pytest.skip(f"cannot drop root's permission override here: {probe.stderr.decode().strip()}")
    return _DROP_OVERRIDES


@pytest.fixture
def read_only_folder(tmp_path, good_store):
    """A store in a directory nobody may write to (so SQLite cannot create its -wal and -shm there)."""
    folder = tmp_path / "shelf"
    folder.mkdir()
    shutil.copy(good_store, folder / "store.db")
    folder.chmod(0o555)
    yield folder / "store.db"
    folder.chmod(0o755)


def test_a_store_in_a_read_only_directory_answers_questions(read_only_folder, as_a_user):
    db = str(read_only_folder)
    flows = exodus("flows", "--db", db, "--json", prefix=as_a_user)
    assert flows.returncode == 0, flows.stderr
    assert "Jan Leike" in flows.stdout and "Anthropic" in flows.stdout
    export = exodus("export", "--db", db, prefix=as_a_user)
    assert export.returncode == 0, export.stderr
    assert export.stdout.count("\n") == 2
    person = exodus("person", "Jan Leike", "--db", db, prefix=as_a_user)
    assert person.returncode == 0, person.stderr
    assert sorted(p.name for p in read_only_folder.parent.iterdir()) == ["store.db"]


@pytest.mark.parametrize("command", WRITING + [["ingest", "ARTICLES", "--extractor", "rules"]],
                         ids=lambda c: c[0])
def test_writing_to_a_store_in_a_read_only_directory_is_one_line(read_only_folder, as_a_user, tmp_path, command):
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a9", "published": "2024-06-01", "text": "Ada Quill left OpenAI."}\n',
                        encoding="utf-8")
    before = read_only_folder.read_bytes()
    result = exodus(*store_args([str(articles) if a == "ARTICLES" else a for a in command], read_only_folder),
                    prefix=as_a_user)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert_one_line_error(result.stderr, str(read_only_folder), "directory is read-only")
    assert read_only_folder.read_bytes() == before


def test_a_store_with_unsaved_changes_in_a_read_only_directory_is_one_line(tmp_path, good_store, as_a_user):
    """Changes still in the -wal file cannot be read without the -shm index SQLite cannot create there."""
    live, shelf = tmp_path / "live", tmp_path / "shelf"
    live.mkdir(), shelf.mkdir()
    shutil.copy(good_store, live / "store.db")
    conn = sqlite3.connect(live / "store.db")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("INSERT INTO corrections(action, arguments, made_at) VALUES ('alias', '{}', '2024-06-01')")
    conn.commit()
    for suffix in ("", "-wal"):
        shutil.copy(live / f"store.db{suffix}", shelf / f"store.db{suffix}")
    conn.close()
    shelf.chmod(0o555)
    try:
        result = exodus("flows", "--db", str(shelf / "store.db"), prefix=as_a_user)
    finally:
        shelf.chmod(0o755)
    assert result.returncode == 1
    assert_one_line_error(result.stderr, str(shelf / "store.db"), "directory is read-only", "store.db-wal")


@pytest.mark.parametrize("command", WRITING + [["ingest", "ARTICLES", "--extractor", "rules"]],
                         ids=lambda c: c[0])
def test_writing_to_a_read_only_store_is_one_line(tmp_path, good_store, as_a_user, command):
    db = tmp_path / "store.db"
    shutil.copy(good_store, db)
    db.chmod(0o444)
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a9", "published": "2024-06-01", "text": "Ada Quill left OpenAI."}\n',
                        encoding="utf-8")
    before = db.read_bytes()
    result = exodus(*store_args([str(articles) if a == "ARTICLES" else a for a in command], db), prefix=as_a_user)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert_one_line_error(result.stderr, str(db), "cannot write the store", "Permission denied")
    assert db.read_bytes() == before
    assert stat.S_IMODE(db.stat().st_mode) == 0o444


def test_a_read_only_store_still_answers_questions(tmp_path, good_store, as_a_user):
    db = tmp_path / "store.db"
    shutil.copy(good_store, db)
    db.chmod(0o444)
    result = exodus("flows", "--db", str(db), "--json", prefix=as_a_user)
    assert result.returncode == 0, result.stderr
    assert "Anthropic" in result.stdout


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MiB file system (tmpfs) mounted for the test, to fill."""
    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small file system needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_store_on_a_full_disk_is_one_line_and_keeps_what_it_had(small_disk, good_store, capsys):
    db = small_disk / "store.db"
    shutil.copy(good_store, db)
    with (small_disk / "filler").open("wb", buffering=0) as filler, suppress(OSError):
        while True:
            filler.write(b"\0" * 4096)
    assert main(["alias", "add", "Jan Leike", "Jan Leike the Younger", "--db", str(db)]) == 1
    assert_one_line_error(capsys.readouterr().err, str(db), "no space left on device")
    (small_disk / "filler").unlink()
    assert main(["person", "Jan Leike", "--db", str(db), "--json"]) == 0
    assert "Anthropic" in capsys.readouterr().out


# --- a new store opened by several processes at once -----------------------------------------------

def _ingest_when_released(barrier, argv: list[str], stderr_path: str) -> None:
    sys.stdout = open(os.devnull, "w")
    sys.stderr = open(stderr_path, "w")
    barrier.wait()
    status = main(argv)
    sys.stderr.flush()
    os._exit(status)


def test_first_ingests_into_a_new_store_at_once_all_succeed(tmp_path):
    """Processes that create the same store at the same moment: one creates the tables, the others wait."""
    nothing_new = tmp_path / "nothing-new.jsonl"
    nothing_new.write_text("", encoding="utf-8")
    # Load the extractor once here: the forked processes inherit it and start ingesting at once.
    assert main(["ingest", str(nothing_new), "--db", str(tmp_path / "warm.db")]) == 0
    fork = multiprocessing.get_context("fork")
    processes, trials = 3, 10
    failures = []
    for trial in range(trials):
        db = tmp_path / f"new-{trial}.db"
        barrier = fork.Barrier(processes)
        workers = [fork.Process(target=_ingest_when_released,
                                args=(barrier, ["ingest", str(nothing_new), "--db", str(db)],
                                      str(tmp_path / f"err-{trial}-{n}")))
                   for n in range(processes)]
        for worker in workers:
            worker.start()
        for n, worker in enumerate(workers):
            worker.join(60)
            if worker.exitcode != 0:
                failures.append((trial, worker.exitcode, (tmp_path / f"err-{trial}-{n}").read_text()))
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        conn.close()
    assert failures == []


# --- dates that are not dates are usage errors (exit 2) --------------------------------------------

@pytest.mark.parametrize("command", [["org", "OpenAI", "--as-of", "notadate"], ["flows", "--since", "bad"],
                                     ["flows", "--until", "2024-13"], ["flows", "--since", "2024-02-30"]],
                         ids=lambda c: " ".join(c))
def test_a_date_that_is_not_iso_is_a_usage_error(good_store, capsys, command):
    with pytest.raises(SystemExit) as stopped:
        main(store_args(command, good_store))
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert f"{command[-1]!r} is not a date" in err and "ISO" in err


def test_iso_dates_of_any_precision_are_accepted(good_store, capsys):
    for command in (["org", "OpenAI", "--as-of", "2024"], ["flows", "--since", "2024-05", "--until", "2024-05-31"]):
        assert main(store_args(command, good_store)) == 0
    assert "Anthropic" in capsys.readouterr().out
