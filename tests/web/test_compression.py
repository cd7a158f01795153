"""Big answers travel compressed: plotly.min.js, pages and API answers go out gzipped when accepted."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("url", ["/static/plotly.min.js", "/", "/api/facts"])
def test_answers_are_gzipped_for_clients_that_accept_it(client, url):
    response = client.get(url, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert response.num_bytes_downloaded < len(response.content)


def test_plotly_is_cached_by_browsers(client):
    response = client.get("/static/plotly.min.js", headers={"accept-encoding": "gzip"})
    assert "max-age" in response.headers["cache-control"]


def test_clients_that_do_not_accept_gzip_get_plain_answers(client):
    response = client.get("/api/facts", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in response.headers
