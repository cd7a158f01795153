"""Fixtures of the web tests: the hostile store (built once), the app over it, a test client."""
from __future__ import annotations

import warnings

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")

with warnings.catch_warnings():  # starlette suggests httpx2; httpx works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from exodus.web import create_app  # noqa: E402
from tests.web.hostile import build_store  # noqa: E402


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web") / "hostile.db")


@pytest.fixture(scope="session")
def app(store_path):
    return create_app(store_path)


@pytest.fixture(scope="session")
def client(app):
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def fact_ids(client):
    return [f["id"] for f in client.get("/api/facts", params={"limit": 500}).json()["facts"]]
