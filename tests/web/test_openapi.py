"""Schemathesis against the OpenAPI description, in process: generated requests (valid and invalid)
never get a 500, and answers match the status codes, content types and schemas the description gives."""
from __future__ import annotations

import os

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed: pip install -e '.[test]'")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance, not_a_server_error, response_schema_conformance, status_code_conformance)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def operations(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_request_gets_a_server_error(app, mode):
    found = operations(app)
    assert len(found) >= 12
    for operation in found:
        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=int(os.environ.get("EXODUS_FUZZ_EXAMPLES", 30 if mode is GenerationMode.POSITIVE else 15)), deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            response = case.call()
            # Checks that answer "is this request valid?" differently from the description are not the point:
            # a request the description allows may name no one (404), which is documented.
            case.validate_response(response, checks=CHECKS)

        try:
            check()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE  # an operation without parameters has no invalid request
