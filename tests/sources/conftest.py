"""Fixtures of the source tests: `http_server`, a real HTTP server on 127.0.0.1 (tests/sources/http_server.py)."""
from tests.sources.http_server import http_server  # noqa: F401 - a fixture, registered by being imported
