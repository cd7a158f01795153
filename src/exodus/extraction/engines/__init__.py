"""Where extraction runs. The local engine is `exodus.extraction.pipeline.extract_documents` (this
process, or a pool of worker processes); `exodus.extraction.engines.ray` runs it on a Ray cluster.

An engine is a callable `(documents, extractor=, processes=, on_problem=)` that yields
`(document, facts)` in input order, each fact's evidence checked; `exodus.store.ingest_inputs`
takes one as `engine=` and stays the one writer.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from exodus.schema import Document, Fact

Engine = Callable[..., Iterator[tuple[Document, list[Fact]]]]
ENGINES: tuple[str, ...] = ("local", "ray")


def get_engine(name: str, address: str | None = None) -> Engine:
    """The engine called `name`; `address` is the Ray cluster to attach to (`ray` only)."""
    if name == "local":
        from exodus.extraction.pipeline import extract_documents

        return extract_documents
    if name == "ray":
        from exodus.extraction.engines.ray import RayEngine

        return RayEngine(address)
    raise ValueError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")


__all__ = ["ENGINES", "Engine", "get_engine"]
