"""Untrusted text stays inert: every page and API answer over the hostile store is checked.

Pages: the only scripts are Exodus's own files and JSON data blocks; no element has an
event-handler attribute; no link or source uses a scheme other than http(s) or a path;
the hostile strings show up escaped. API: JSON, which gives the strings back unchanged.
Every response carries the Content-Security-Policy.
"""
from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from tests.web.hostile import EVIL_ORG, EVIL_PERSON, HOSTILE, SCRIPT

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data"}


class Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None
        self._data: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "script":
            self._script, self._data = attributes, []

    def handle_data(self, data):
        if self._script is not None:
            self._data.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._data)))
            self._script = None


def assert_inert(html: str) -> None:
    for raw in HOSTILE[:2]:
        assert raw not in html
    parser = Elements()
    parser.feed(html)
    for tag, attributes in parser.tags:
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in URL_ATTRIBUTES and value:
                assert value.startswith(("/", "#", "https://", "http://")) and not value.startswith("//"), \
                    (tag, name, value)
        assert tag not in ("iframe", "object", "embed", "base", "img"), tag
    for attributes, body in parser.scripts:
        if attributes.get("type") == "application/json":
            json.loads(body)
            assert "<" not in body
        else:
            assert attributes.get("src", "").startswith("/static/") and not body.strip(), attributes


def assert_protected(response) -> None:
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"


def page_urls(client, fact_ids) -> list[str]:
    docs = {s["doc"] for f in fact_ids for s in client.get(f"/api/facts/{f}").json()["sources"]}
    people = [p["name"] for p in client.get("/api/people").json()["items"]]
    orgs = [o["name"] for o in client.get("/api/orgs").json()["items"]]
    return (["/", "/?since=2024-01-01&until=2024-12-31", "/conflicts", "/docs", "/search",
             f"/search?q={quote(SCRIPT)}", "/search?q=alert", "/search?q=Lovelace", "/facts",
             f"/facts?org={quote(EVIL_ORG)}&since=", f"/?org={quote(EVIL_ORG)}",
             f"/?from={quote(EVIL_ORG)}&to=OpenAI", f"/?to={quote(SCRIPT)}"]
            + [f"/person/{quote(p, safe='')}" for p in people] + [f"/org/{quote(o, safe='')}" for o in orgs]
            + [f"/org/{quote(o, safe='')}?as_of=2024-05" for o in orgs]
            + [f"/fact/{f}" for f in fact_ids] + [f"/document/{quote(d, safe='')}" for d in docs])


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in strings(k) + strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def test_the_hostile_names_are_in_the_store(client):
    people = [p["name"] for p in client.get("/api/people").json()["items"]]
    assert EVIL_PERSON in people
    assert EVIL_ORG in [o["name"] for o in client.get("/api/orgs").json()["items"]]


def test_every_page_keeps_hostile_text_inert(client, fact_ids):
    urls = page_urls(client, fact_ids)
    assert len(urls) > 25
    shown = ""
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")
        assert_protected(response)
        assert_inert(response.text)
        shown += response.text
    # The hostile text was there to escape: shown as text, not dropped.
    assert "&lt;script&gt;alert(" in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert "javascript:alert(document.cookie)" in shown  # as text, never as a link (checked above)


@pytest.mark.parametrize("url", [f"/person/{quote(SCRIPT, safe='')}", f"/org/x?as_of={quote(SCRIPT)}",
                                 f"/fact/{quote(SCRIPT, safe='')}", f"/{quote(SCRIPT, safe='')}",
                                 f"/document/{quote(SCRIPT, safe='')}"])
def test_error_pages_keep_hostile_input_inert(client, url):
    response = client.get(url)
    assert response.status_code in (404, 422)
    assert_protected(response)
    assert_inert(response.text)


def test_every_api_answer_is_json_that_gives_the_text_back_unchanged(client, fact_ids):
    urls = ["/api/stats", "/api/people", "/api/orgs", "/api/flows", "/api/flows/sankey", "/api/conflicts",
            f"/api/search?q={quote(SCRIPT)}", "/api/facts", "/api/facts/latest",
            f"/api/people/{quote(EVIL_PERSON, safe='')}", f"/api/orgs/{quote(EVIL_ORG, safe='')}",
            f"/api/people/{quote(SCRIPT, safe='')}", "/openapi.json"]
    urls += [f"/api/facts/{f}" for f in fact_ids] + [f"/api/facts/{f}/sources" for f in fact_ids]
    seen: set[str] = set()
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert response.headers["content-type"] == "application/json"
        assert_protected(response)
        seen.update(strings(response.json()))
    assert EVIL_PERSON in seen and EVIL_ORG in seen
    assert client.get(f"/api/people/{quote(EVIL_PERSON, safe='')}").json()["person"] == EVIL_PERSON


def test_static_files_are_served_by_exodus_itself(client):
    plotly = client.get("/static/plotly.min.js")
    assert plotly.status_code == 200 and plotly.headers["content-type"].startswith("text/javascript")
    assert b"plotly" in plotly.content[:200].lower()
    for name in ("exodus.js", "exodus.css"):
        assert client.get(f"/static/{name}").status_code == 200
