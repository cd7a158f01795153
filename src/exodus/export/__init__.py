"""Exporting the store: jsonl, csv, graphml, Turtle (Wikidata properties)."""
from exodus.export.formats import FORMATS, export, export_text

__all__ = ["FORMATS", "export", "export_text"]
