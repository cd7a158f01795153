"""The extractor interface and the registry that finds extractors by name.

An extractor takes documents and returns, for each, its facts with evidence. The
built-in `rules` extractor registers itself like any other; third-party packages
register through the `exodus.extractors` entry-point group.
"""
from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from importlib.metadata import entry_points

from exodus.errors import UnknownExtractor
from exodus.schema import Document, Fact


class Extractor(ABC):
    """Document in, facts with evidence out."""

    name: str = "extractor"

    @abstractmethod
    def extract(self, document: Document) -> list[Fact]:
        """Facts stated in one document."""

    def extract_many(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Fact]]]:
        """Facts for each document, in order. Override to batch work across documents."""
        for document in documents:
            yield document, self.extract(document)


# name -> "module:Class"; imported only when used, so listing names stays cheap.
_REGISTRY: dict[str, str] = {}


def register_extractor(name: str, target: str) -> None:
    """Register an extractor class (as "package.module:Class") under `name`."""
    _REGISTRY[name] = target


def available_extractors() -> list[str]:
    names = set(_REGISTRY)
    names.update(ep.name for ep in entry_points(group="exodus.extractors"))
    return sorted(names)


def get_extractor(name: str, **options) -> Extractor:
    """An extractor instance by registered name (options go to its constructor)."""
    target = _REGISTRY.get(name)
    if target is None:
        for ep in entry_points(group="exodus.extractors"):
            if ep.name == name:
                return ep.load()(**options)
        raise UnknownExtractor(f"unknown extractor {name!r}; available: {', '.join(available_extractors())}")
    module_name, _, class_name = target.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls(**options)


register_extractor("rules", "exodus.extraction.rules:RulesExtractor")
register_extractor("model", "exodus.extraction.learned:ModelExtractor")
