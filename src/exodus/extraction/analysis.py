"""One parsed document seen sentence by sentence: its mentions and what the rules said about it.

This is what candidate proposers and features read. A `MentionRef` is one mention of a
person, organization or group in one sentence, with its tokens, its syntactic head and
where its name came from (the NER, a pronoun, "the company", the gazetteer, a guess).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from exodus.extraction.mentions import GROUP, ORG, PERSON, Mention
from exodus.extraction.parsed import ParsedDocument
from exodus.schema import Document, Fact

__all__ = ["DocumentAnalysis", "MentionRef", "SentenceView", "analyse", "GROUP", "ORG", "PERSON"]


@dataclass
class MentionRef:
    mention: Mention
    tokens: list[Token]
    source: str  # ner:LABEL, pronoun, reference, untagged, context

    @property
    def kind(self) -> str:
        return self.mention.kind

    @property
    def name(self) -> str:
        return self.mention.name

    @property
    def head(self) -> Token | None:
        """The mention's token whose head lies outside it (its syntactic head)."""
        if not self.tokens:
            return None
        inside = {t.i for t in self.tokens}
        for token in self.tokens:
            if token.head.i not in inside or token.head is token:
                return token
        return self.tokens[-1]


@dataclass
class SentenceView:
    index: int
    chunk: int
    span: Span
    start: int  # offsets into the document's text, without surrounding white space
    end: int
    mentions: list[MentionRef] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[MentionRef]:
        return [m for m in self.mentions if m.kind == kind]


@dataclass
class DocumentAnalysis:
    document: Document
    parsed: ParsedDocument
    sentences: list[SentenceView]
    rule_facts: list[Fact]

    def sentence_at(self, offset: int) -> SentenceView | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None


def _source(tokens: list[Token], mention: Mention) -> str:
    first = tokens[0]
    if first.pos_ == "PRON":
        return "pronoun"
    if len(tokens) == 1 and first.pos_ == "NOUN" and mention.kind == ORG:
        return "reference"  # "the company", "the startup"
    label = next((t.ent_type_ for t in tokens if t.ent_type_), "")
    return f"ner:{label}" if label else "untagged"


def analyse(document: Document, parsed: ParsedDocument, rule_facts: list[Fact]) -> DocumentAnalysis:
    text = document.text
    sentences: list[SentenceView] = []
    for ci, chunk in enumerate(parsed.chunks):
        for span in chunk.doc.sents:
            start, end = chunk.offset + span.start_char, chunk.offset + span.end_char
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
            view = SentenceView(len(sentences), ci, span, start, end)
            grouped: dict[int, tuple[Mention, list[Token]]] = {}
            for token in span:
                mention = parsed.token_mentions.get((ci, token.i))
                if mention is not None:
                    grouped.setdefault(id(mention), (mention, []))[1].append(token)
            for mention, tokens in grouped.values():
                view.mentions.append(MentionRef(mention, tokens, _source(tokens, mention)))
            sentences.append(view)
    return DocumentAnalysis(document, parsed, sentences, rule_facts)
