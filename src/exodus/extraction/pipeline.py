"""From inputs to checked facts: read the articles, extract, verify every fact's evidence.

`extract_documents` is the one function behind `exodus extract`, the benchmark and a
notebook user's batch. A bad input, or a document the extractor fails on, is reported
through `on_problem` and skipped; it never stops the batch. A fact whose evidence is
not the exact text of its document at those offsets is dropped and reported:
the fact format (docs/fact-format.md) says such a fact is not a fact.

With `processes > 1` documents go in chunks to a pool of worker processes (started
with "spawn", so it behaves the same on Linux, macOS and Windows); each worker loads
the extractor once, and results come back in input order.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import chain, islice
from multiprocessing.pool import AsyncResult
from pathlib import Path

from exodus.errors import ExodusError, ExtractionFailed, InputError, InvalidEvidence, UnknownExtractor
from exodus.extraction.base import Extractor, available_extractors, get_extractor
from exodus.extraction.parts import shift_fact, split_document
from exodus.schema import Document, Fact
from exodus.settings import Settings, get_settings
from exodus.sources import read_documents
from exodus.sources.reading import ReadResult, normalize_published, unique_ids

Input = str | Path | Document
ProblemHandler = Callable[[ExodusError], None]
Extracted = tuple[Document, list[Fact]]
# Per document of a chunk: its facts, or why the extractor failed on it.
Outcome = tuple[list[Fact], None] | tuple[None, str]

logger = logging.getLogger("exodus")

# Chunks in flight per worker: enough to keep workers busy while the caller consumes
# results, few enough that a large input is never read into memory all at once.
_CHUNKS_IN_FLIGHT_PER_WORKER = 3


def log_problem(problem: ExodusError) -> None:
    """The default problem handler of the extraction engines: one warning line on the `exodus` logger."""
    logger.warning("%s", problem)


def iter_documents(inputs: Iterable[Input], published: str | None = None,
                   settings: Settings | None = None,
                   on_problem: ProblemHandler | None = None) -> Iterator[Document]:
    """The documents of `inputs` (paths, `-`, or `Document`s); problems go to `on_problem`.

    `published` (an ISO date) is given to documents that carry no date of their own.
    A document whose id an earlier one of `inputs` has is reported and skipped.
    """
    settings = settings or get_settings()
    report = on_problem if on_problem is not None else log_problem
    default_published = normalize_published(published, "published") if published else None
    for result in unique_ids(_read_each(inputs, default_published, settings)):
        if isinstance(result, Document):
            yield result
        else:
            report(result)


def _read_each(inputs: Iterable[Input], published: str | None, settings: Settings) -> Iterator[ReadResult]:
    for item in inputs:
        if isinstance(item, Document):
            yield replace(item, published=published) if item.published is None and published else item
        else:
            yield from read_documents([item], published=published, settings=settings)


def check_evidence(document: Document, facts: list[Fact]) -> tuple[list[Fact], list[InvalidEvidence]]:
    """Split `facts` into those whose evidence is an exact span of `document` and problems."""
    text = document.text
    kept: list[Fact] = []
    problems: list[InvalidEvidence] = []
    for fact in facts:
        ev = fact.evidence
        if 0 <= ev.start < ev.end <= len(text) and text[ev.start:ev.end] == ev.text:
            kept.append(fact)
            continue
        problems.append(InvalidEvidence(
            document.source or document.id,
            f"dropped a '{fact.kind}' fact from extractor {fact.extractor or '?'}: its evidence "
            f"[{ev.start}:{ev.end}] is not the exact text of the document there "
            f"(an extractor bug; please report it with this document)"))
    return kept, problems


def _chunked(documents: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while chunk := list(islice(documents, size)):
        yield chunk


def extract_chunk(extractor: Extractor, documents: list[Document], max_part_chars: int | None = None) -> list[Outcome]:
    """The facts of each document; when the extractor raises, it is retried one document at a
    time so that only the document it fails on is lost, with the reason. A document longer than
    `max_part_chars` (default: the setting) is extracted in parts (`exodus.extraction.parts`)."""
    limit = max_part_chars or get_settings().max_part_chars
    parts = [split_document(document, limit) for document in documents]
    flat = [part for document_parts in parts for _, part in document_parts]
    try:
        part_facts = [facts for _, facts in extractor.extract_many(flat)]
    except Exception:  # noqa: BLE001 - isolated below, document by document
        return [_extract_one(extractor, document_parts) for document_parts in parts]
    outcomes: list[Outcome] = []
    position = 0
    for document_parts in parts:
        facts = [shift_fact(fact, offset) for (offset, _), found in
                 zip(document_parts, part_facts[position:position + len(document_parts)]) for fact in found]
        outcomes.append((facts, None))
        position += len(document_parts)
    return outcomes


def _extract_one(extractor: Extractor, parts: list[tuple[int, Document]]) -> Outcome:
    try:
        return [shift_fact(fact, offset) for offset, part in parts for fact in extractor.extract(part)], None
    except Exception as err:  # noqa: BLE001 - reported as this document's problem
        return None, f"{type(err).__name__}: {err}"


def _extract_in_process(extractor: Extractor, documents: Iterator[Document],
                        chunk_size: int) -> Iterator[tuple[Document, Outcome]]:
    for chunk in _chunked(documents, chunk_size):
        yield from zip(chunk, extract_chunk(extractor, chunk))


# --- worker processes -------------------------------------------------------------

_worker_extractor: Extractor | None = None
_worker_error: BaseException | None = None


def _start_worker(name: str) -> None:
    """Load the extractor once per worker. A failure is kept and raised with the first
    chunk: an initializer that raises makes a pool restart its workers forever."""
    global _worker_extractor, _worker_error
    try:
        _worker_extractor = get_extractor(name)
    except Exception as err:  # noqa: BLE001 - handed back to the parent as is
        _worker_error = err


def _extract_chunk_in_worker(documents: list[Document]) -> list[Outcome]:
    if _worker_error is not None:
        raise _worker_error
    assert _worker_extractor is not None
    # Only the outcomes travel back: the parent still holds the documents.
    return extract_chunk(_worker_extractor, documents)


def _extract_in_pool(documents: Iterator[Document], name: str, processes: int,
                     chunk_size: int) -> Iterator[tuple[Document, Outcome]]:
    context = multiprocessing.get_context("spawn")
    window = processes * _CHUNKS_IN_FLIGHT_PER_WORKER
    with context.Pool(processes, initializer=_start_worker, initargs=(name,)) as pool:
        pending: deque[tuple[list[Document], AsyncResult[list[Outcome]]]] = deque()
        for chunk in _chunked(documents, chunk_size):
            pending.append((chunk, pool.apply_async(_extract_chunk_in_worker, (chunk,))))
            if len(pending) >= window:
                done, result = pending.popleft()
                yield from zip(done, result.get())
        while pending:
            done, result = pending.popleft()
            yield from zip(done, result.get())


# --- the public entry point -----------------------------------------------------------

def _auto_processes(documents: Iterator[Document], settings: Settings) -> tuple[Iterator[Document], int]:
    """Two worker processes (each loads its own model, about 4 s) pay off only for a large input:
    read ahead a little and decide."""
    cpus = min(os.cpu_count() or 1, 2)
    ahead = list(islice(documents, 2 * max(1, settings.chunk_size) + 1))
    processes = cpus if len(ahead) > 2 * max(1, settings.chunk_size) else 1
    return chain(ahead, documents), processes


def extract_documents(inputs: Iterable[Input], extractor: str | Extractor | None = None,
                      processes: int | None = None, published: str | None = None,
                      on_problem: ProblemHandler | None = None,
                      settings: Settings | None = None) -> Iterator[Extracted]:
    """Yield `(document, facts)` for every readable document of `inputs`, in input order.

    `inputs`: paths of .txt/.md/.html/.jsonl files or directories, `-` for stdin, or
    `Document` objects. `extractor`: a registered name (default: the `extractor`
    setting, "model") or an `Extractor` instance (one process only). `processes`:
    worker processes (default: the `processes` setting). `published`: the ISO date
    of documents that carry none. `on_problem` receives every `InputError` (a skipped
    input), `ExtractionFailed` (a document the extractor raised on, skipped) and
    `InvalidEvidence` (a dropped fact); by default they are logged as warnings on the
    "exodus" logger. The batch never stops for them.
    """
    settings = settings or get_settings()
    report = on_problem if on_problem is not None else log_problem
    chosen = settings.extractor if extractor is None else extractor
    processes = settings.processes if processes is None else processes
    if processes == 0 and not isinstance(chosen, str):
        processes = 1  # an extractor instance lives in this process
    if processes < 0:
        raise ValueError(f"processes must be at least 1, not {processes}")
    if isinstance(chosen, str) and chosen not in available_extractors():
        raise UnknownExtractor(f"unknown extractor {chosen!r}; available: {', '.join(available_extractors())}")
    if processes > 1 and not isinstance(chosen, str):
        raise ValueError("to use several processes, name the extractor (e.g. 'rules'): "
                         "each worker process loads its own")

    documents = iter_documents(inputs, published, settings, report)
    if processes == 0:
        documents, processes = _auto_processes(documents, settings)
    if processes == 1:
        instance = chosen if isinstance(chosen, Extractor) else get_extractor(chosen)
        results = _extract_in_process(instance, documents, max(1, settings.batch_size))
    else:
        results = _extract_in_pool(documents, str(chosen), processes, max(1, settings.chunk_size))
    yield from checked_outcomes(results, chosen if isinstance(chosen, str) else chosen.name, report)


def checked_outcomes(results: Iterable[tuple[Document, Outcome]], extractor_name: str,
                     report: ProblemHandler) -> Iterator[Extracted]:
    """`(document, facts)` of every document the extractor did not fail on, each fact's evidence
    checked; a failed document and a dropped fact go to `report`. Shared by every engine."""
    for document, (facts, failure) in results:
        if facts is None:
            report(ExtractionFailed(document.source or document.id,
                                    f"extractor {extractor_name} failed on this document and skipped it "
                                    f"({failure}); please report it with this document"))
            continue
        kept, problems = check_evidence(document, facts)
        for problem in problems:
            report(problem)
        yield document, kept
