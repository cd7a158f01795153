"""Reading articles: files, HTML pages, document JSONL, directories and stdin become `Document`s."""
from exodus.sources.reading import read_documents, SUPPORTED_SUFFIXES

__all__ = ["read_documents", "SUPPORTED_SUFFIXES"]
