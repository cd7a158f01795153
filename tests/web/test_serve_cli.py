"""`exodus serve`: refuses writes without a token and a missing store, with what to do."""
from __future__ import annotations

from exodus.cli.main import main


def test_allow_writes_without_a_token_is_a_usage_error(store_path, capsys, monkeypatch):
    monkeypatch.delenv("EXODUS_WEB_TOKEN", raising=False)
    assert main(["serve", "--db", str(store_path), "--allow-writes"]) == 2
    assert "--token" in capsys.readouterr().err


def test_a_missing_store_is_reported(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 1
    assert "exodus ingest" in capsys.readouterr().err


def test_an_empty_database_is_not_a_store(tmp_path, capsys):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert main(["serve", "--db", str(empty)]) == 1
    assert "exodus ingest" in capsys.readouterr().err
