"""Two small articles through the real extractor, the store and the CLI."""
import json

from exodus.cli.main import main

ARTICLES = {
    "leike-leaves.md": "---\nid: e2e-1\npublished: 2024-05-17\ntitle: Leike leaves\n---\n"
                       "Jan Leike, who co-led OpenAI's Superalignment team, resigned from OpenAI on Friday, "
                       "citing safety concerns.\n",
    "leike-joins.md": "---\nid: e2e-2\npublished: 2024-05-28\ntitle: Leike joins Anthropic\n---\n"
                      "Jan Leike has joined Anthropic, the AI startup said on Tuesday.\n",
}


def test_ingest_then_ask(tmp_path, capsys, rules_extractor):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    db = str(tmp_path / "e2e.db")
    assert main(["ingest", str(folder), "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 2
    assert main(["ingest", str(folder), "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["unchanged"] == 2

    assert main(["person", "Jan Leike", "--db", db, "--json"]) == 0
    kinds = {e["kind"] for e in json.loads(capsys.readouterr().out)["events"]}
    assert {"left", "joined"} <= kinds
    assert main(["flows", "--db", db, "--json"]) == 0
    pairs = json.loads(capsys.readouterr().out)["pairs"]
    assert [(p["from_org"], p["to_org"]) for p in pairs] == [("OpenAI", "Anthropic")]
    for command in (["org", "OpenAI", "--as-of", "2024-05-01"], ["conflicts"], ["search", "Superalignment"]):
        assert main([*command, "--db", db]) == 0
    for fmt in ("jsonl", "csv", "graphml", "ttl"):
        assert main(["export", "--format", fmt, "--db", db]) == 0
        out = capsys.readouterr().out
        assert "Leike" in out
        if fmt == "ttl":
            assert "wdt:P108" in out and "pq:P582" in out
