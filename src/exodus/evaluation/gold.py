"""Reading gold files and predictions (docs/fact-format.md, "Gold")."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from exodus.evaluation.scoring import GoldError


def _json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as err:
        raise GoldError(f"{path}: cannot open: {err.strerror or err}") from None
    with handle:
        try:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        yield number, json.loads(line)
                    except json.JSONDecodeError as err:
                        raise GoldError(f"{path}:{number}: not JSON: {err.msg}") from None
        except UnicodeDecodeError:
            raise GoldError(f"{path}: not UTF-8 text") from None


def load_gold(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Document id -> its gold facts, in file order. One line per document: {"doc": ID, "facts": [...]}."""
    gold: dict[str, list[dict[str, Any]]] = {}
    for number, row in _json_lines(path):
        if not isinstance(row, dict) or "doc" not in row or not isinstance(row.get("facts", []), list):
            raise GoldError(f"{path}:{number}: a gold line is {{\"doc\": ID, \"facts\": [...]}}")
        doc = str(row["doc"])
        if doc in gold:
            raise GoldError(f"{path}:{number}: document {doc!r} has a gold line already")
        facts = row.get("facts", [])
        if not all(isinstance(f, dict) and f.get("kind") for f in facts):
            raise GoldError(f"{path}:{number}: every gold fact is an object with a kind")
        gold[doc] = facts
    return gold


def load_predictions(path: Path) -> list[dict[str, Any]]:
    """Predicted facts, one JSON object per line, each with its `doc`."""
    facts = []
    for number, fact in _json_lines(path):
        if not isinstance(fact, dict) or "doc" not in fact:
            raise GoldError(f"{path}:{number}: a predicted fact is a JSON object with a doc")
        facts.append(fact)
    return facts
