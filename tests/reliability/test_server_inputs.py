"""What the server and the lookups make of odd inputs: wildcards and NUL are plain characters, an overlong
query is a 422 that says the limit, a short write token is refused, HEAD is answered wherever GET is, and a
damaged store is a 500 that says so (a busy one stays a 503), refused by `exodus serve` before it starts."""
from __future__ import annotations

import os
import sqlite3
import threading
import warnings

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")

with warnings.catch_warnings():  # starlette suggests httpx2; httpx works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from exodus.errors import StoreError  # noqa: E402
from exodus.settings import get_settings  # noqa: E402
from exodus.store import ingest_extracted, open_store  # noqa: E402
from exodus.store.handmade import story  # noqa: E402
from exodus.web import create_app  # noqa: E402
from tests.cli_runs import exodus, one_line  # noqa: E402


def stories():
    return [
        story("one", "2024-09-26",
              ("joined", "Sam Altman joined OpenAI in 2019", {"person": "Sam Altman", "org": "OpenAI", "date": "2019"}),
              ("left", "Mira Murati left OpenAI in 2024", {"person": "Mira Murati", "org": "OpenAI", "date": "2024"})),
        story("two", "2025-02-18",
              ("founded", "Dario Amodei founded Anthropic in 2021",
               {"person": "Dario Amodei", "org": "Anthropic", "date": "2021"}),
              ("founded", "Mira Murati founded Thinking Machines Lab in 2025",
               {"person": "Mira Murati", "org": "Thinking Machines Lab", "date": "2025"})),
    ]


def build(path):
    with open_store(path) as store:
        ingest_extracted(store, stories())
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def db(tmp_path):
    return build(tmp_path / "store.db")


@pytest.fixture
def client(db):
    return TestClient(create_app(db), raise_server_exceptions=False)


# -- wildcards are characters -------------------------------------------------------------------------------


def test_a_wildcard_or_nul_in_a_list_query_matches_only_itself(client):
    for q in ("%", "_", "\x00", "%\x00", "\\", "M_ra", "%Murati"):
        for url in ("/api/people", "/api/orgs"):
            answer = client.get(url, params={"q": q}).json()
            assert answer["total"] == 0 and answer["items"] == [], (url, q)
        assert client.get("/api/search", params={"q": q}).json()["people"] == [], q
    assert client.get("/api/people", params={"q": "murati"}).json()["items"] == [{"name": "Mira Murati", "facts": 2}]


def test_a_wildcard_in_a_name_finds_no_one(capsys, client, db):
    for name in ("%", "_", "% %", "_ira Murati", "Mira%", "%urati"):
        status, out, err = exodus(capsys, "person", name, "--db", db)
        assert status == 1 and out == ""
        assert "no person called" in one_line(err), name
        status, _, err = exodus(capsys, "org", name, "--db", db)
        assert status == 1 and "no organization called" in one_line(err), name
        assert client.get(f"/api/people/{name}").status_code == 404, name
        assert client.get("/api/facts", params={"person": name}).status_code == 404, name
    assert client.get("/api/people/%00").status_code == 404
    assert exodus(capsys, "person", "Murati", "--db", db)[0] == 0  # a unique part of a name still finds it


@pytest.mark.parametrize("url, param", [("/api/people", "q"), ("/api/orgs", "q"), ("/api/search", "q"),
                                        ("/api/facts", "person"), ("/api/flows", "org")])
def test_an_overlong_query_is_a_422_that_says_the_limit(client, url, param):
    response = client.get(url, params={param: "a" * 50_000})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", param] and "at most 200" in error["msg"]
    assert len(response.content) < 1_000  # the query is not sent back whole
    assert client.get(url, params={param: "a" * 200}).status_code in (200, 404)


def test_an_overlong_name_or_search_on_a_page_is_a_422(client):
    assert client.get("/api/people/" + "a" * 50_000).status_code == 422
    page = client.get("/search", params={"q": "a" * 50_000})
    assert page.status_code == 422 and "at most 200" in page.text


# -- write tokens -------------------------------------------------------------------------------------------


@pytest.fixture
def no_server(monkeypatch):
    """`uvicorn.run` replaced, so a test of `exodus serve` that goes wrong does not serve for ever."""
    import uvicorn

    started = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: started.append(args))
    return started


@pytest.mark.parametrize("token", ["x", "fifteen-chars!!"])
def test_a_short_token_is_refused_saying_the_minimum(capsys, db, no_server, token):
    status, _, err = exodus(capsys, "serve", "--db", db, "--allow-writes", "--token", token)
    assert status == 2 and not no_server
    line = one_line(err)
    assert "at least 16" in line and f"{len(token)} character" in line and "--token" in line


def test_a_short_token_from_the_environment_is_refused(capsys, db, no_server, monkeypatch):
    monkeypatch.setenv("EXODUS_WEB_TOKEN", "short")
    get_settings.cache_clear()
    status, _, err = exodus(capsys, "serve", "--db", db, "--allow-writes")
    assert status == 2 and not no_server
    assert "EXODUS_WEB_TOKEN" in one_line(err) and "at least 16" in err
    with pytest.raises(StoreError, match="at least 16"):
        create_app(db, allow_writes=True)
    with pytest.raises(StoreError, match="at least 16"):
        create_app(db, allow_writes=True, token="tiny")
    assert exodus(capsys, "serve", "--db", db, "--allow-writes", "--token", "x" * 16)[0] == 0 and no_server


# -- HEAD ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/person/Mira Murati", "/org/OpenAI?as_of=2024-01", "/conflicts",
                                 "/search?q=Murati", "/docs", "/api/conflicts", "/api/stats", "/api/people",
                                 "/api/people/Mira Murati", "/api/orgs/OpenAI", "/api/flows", "/api/facts",
                                 "/api/search?q=OpenAI", "/static/plotly.min.js", "/api/people/Nobody Here",
                                 "/api/orgs?limit=0"])
def test_head_answers_wherever_get_does(client, url):
    get, head = client.get(url), client.head(url)
    assert head.status_code == get.status_code
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-security-policy"] == get.headers["content-security-policy"]


def test_head_is_answered_by_a_running_server(db):
    """Through uvicorn itself: the answer has the headers of GET and no body."""
    import http.client
    import socket

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            thread.join(0.05)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("HEAD", "/")
        response = connection.getresponse()
        assert response.status == 200 and response.read() == b""
        assert response.getheader("content-type").startswith("text/html")
    finally:
        server.should_exit = True
        thread.join(10)


# -- a damaged store ----------------------------------------------------------------------------------------


def damage(path, keep_first_page: bool = True):
    """Random bytes over every page of the store but the first (or over the whole file)."""
    size = os.path.getsize(path)
    with open(path, "r+b") as file:
        page = 4096 if keep_first_page else 0
        file.seek(page)
        file.write(os.urandom(size - page))


@pytest.mark.parametrize("keep_first_page", [True, False])
def test_a_damaged_store_is_a_500_that_says_so_and_a_busy_one_a_503(db, monkeypatch, keep_first_page):
    monkeypatch.setenv("EXODUS_DB_BUSY_TIMEOUT_MS", "50")
    get_settings.cache_clear()
    client = TestClient(create_app(db), raise_server_exceptions=False)
    assert client.get("/api/stats").status_code == 200
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("DELETE FROM corrections")  # a write takes the lock and keeps it
        busy = client.get("/api/facts")
        assert busy.status_code == 503 and "try again" in busy.json()["detail"]
    finally:
        holder.close()
    damage(db, keep_first_page)
    for url in ("/api/people/Mira Murati", "/api/facts", "/api/people?q=Mira"):
        response = client.get(url)
        assert response.status_code == 500, (url, response.text)
        detail = response.json()["detail"]
        assert "damaged" in detail and "try again" not in detail
    page = client.get("/person/Mira Murati")
    assert page.status_code == 500 and "damaged" in page.text


def test_serve_refuses_a_damaged_store_before_it_starts(capsys, tmp_path, no_server):
    for keep_first_page in (True, False):
        db = build(tmp_path / f"damaged-{keep_first_page}.db")
        damage(db, keep_first_page)
        status, out, err = exodus(capsys, "serve", "--db", db)
        assert status == 1 and not no_server, keep_first_page
        line = one_line(err)
        assert str(db) in line and ("damaged" in line or "not an Exodus store" in line)
