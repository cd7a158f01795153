"""Exodus reads AI-industry news and extracts cited facts: who joined, left or founded what.

The library is what the `exodus` command wraps:

    >>> from exodus import extract_documents
    >>> for document, facts in extract_documents(["articles/"], published="2024-05-29"):
    ...     for fact in facts:
    ...         print(fact.to_dict())

Importing `exodus` is cheap: spaCy is loaded only when an extractor is first used.
"""
from importlib.metadata import PackageNotFoundError, version

from exodus.errors import (ExodusError, ExtractionFailed, InputError, InvalidEvidence, ModelNotFound,
                           UnknownExtractor)
from exodus.extraction.base import Extractor, available_extractors, get_extractor, register_extractor
from exodus.extraction.pipeline import check_evidence, extract_documents, iter_documents
from exodus.schema import KINDS, REASONS, Amount, Document, Evidence, Fact
from exodus.settings import Settings, get_settings
from exodus.sources import read_documents

try:
    __version__ = version("exodus")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = [
    "KINDS",
    "REASONS",
    "Amount",
    "Document",
    "Evidence",
    "ExodusError",
    "ExtractionFailed",
    "Extractor",
    "Fact",
    "InputError",
    "InvalidEvidence",
    "ModelNotFound",
    "Settings",
    "UnknownExtractor",
    "__version__",
    "available_extractors",
    "check_evidence",
    "extract_documents",
    "get_extractor",
    "get_settings",
    "iter_documents",
    "read_documents",
    "register_extractor",
]
