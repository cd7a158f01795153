"""The default extractor: spaCy's parse plus the gazetteer and trigger lexicons. Offline, CPU."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from exodus.extraction.base import Extractor
from exodus.extraction.consolidate import consolidate
from exodus.extraction.frames import FactBuilder
from exodus.extraction.lexicon import load_lexicon
from exodus.extraction.nlp import load_pipeline
from exodus.extraction.parsed import Chunk, ParsedDocument, add_special_cases
from exodus.extraction.triage import parse_spans, trigger_pattern
from exodus.schema import Document, Fact
from exodus.settings import get_settings


class RulesExtractor(Extractor):
    """Rules over the dependency parse of the sentences that contain trigger words."""

    name = "rules"

    def __init__(self, models: str | None = None, gate: bool = True):
        self.settings = get_settings()
        self.lexicon = load_lexicon()
        self.nlp = load_pipeline(models)
        add_special_cases(self.nlp)
        self.pattern = trigger_pattern(self.lexicon)
        self.gate = gate

    def _chunks(self, document: Document) -> list[tuple[int, int]]:
        return parse_spans(document.text, self.pattern if self.gate else None, self.settings.max_sentence_chars)

    def extract(self, document: Document) -> list[Fact]:
        return next(iter(self.extract_many([document])))[1]

    def extract_many(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Fact]]]:
        batch: list[Document] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= self.settings.batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, documents: list[Document]) -> Iterator[tuple[Document, list[Fact]]]:
        for document, parsed, facts in self.parse_batch(documents):
            yield document, facts

    def parse_batch(self, documents: list[Document]) -> Iterator[tuple[Document, ParsedDocument | None, list[Fact]]]:
        """Each document with its parse (None when no sentence passed the gate) and the rules' facts."""
        spans = [self._chunks(d) for d in documents]
        texts = [d.text[s:e] for d, chunk_spans in zip(documents, spans) for s, e in chunk_spans]
        parsed_docs = iter(self.nlp.pipe(texts, batch_size=self.settings.batch_size))
        for document, chunk_spans in zip(documents, spans):
            chunks = [Chunk(s, next(parsed_docs)) for s, _ in chunk_spans]
            if not chunks:
                yield document, None, []
                continue
            parsed = ParsedDocument(document, chunks, self.lexicon)
            facts = FactBuilder(parsed, self.lexicon, self.name).build()
            yield document, parsed, consolidate(facts, parsed)
