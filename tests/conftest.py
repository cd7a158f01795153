"""Fixtures shared by the whole suite. spaCy is loaded once per session (it takes seconds)."""
from __future__ import annotations

import pytest
from hypothesis import settings as hypothesis_settings

from exodus.extraction.base import Extractor, get_extractor
from exodus.settings import get_settings

# Property tests draw the same examples on every run, in CI or not: a test that fails only for
# some seeds would be a flaky test. (Without this, Hypothesis derandomizes only when CI is set.)
hypothesis_settings.register_profile("exodus", derandomize=True, database=None, deadline=None)
hypothesis_settings.load_profile("exodus")


@pytest.fixture(scope="session")
def rules_extractor() -> Extractor:
    """The default extractor, loaded once; `get_extractor("rules")` later reuses its pipeline."""
    return get_extractor("rules")


@pytest.fixture(autouse=True)
def fresh_settings():
    """`get_settings()` is cached; a test that sets EXODUS_* variables must see them, and later tests must not."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
