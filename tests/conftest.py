"""Fixtures shared by the whole suite. spaCy is loaded once per session (it takes seconds)."""
from __future__ import annotations

import pytest

from exodus.extraction.base import Extractor, get_extractor
from exodus.settings import get_settings


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
