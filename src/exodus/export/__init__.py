"""Exporting the store: jsonl, csv, graphml, Turtle (Wikidata properties)."""
from exodus.export.formats import FORMATS, export, export_text, write_facts_csv

__all__ = ["FORMATS", "export", "export_text", "write_facts_csv"]
