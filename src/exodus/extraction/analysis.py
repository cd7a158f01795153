"""One parsed document seen sentence by sentence: its mentions and what the rules said about it.

This is what candidate proposers and features read. A `MentionRef` is one mention of a
person, organization or group in one sentence, with its tokens, its syntactic head and
where its name came from (the NER, a pronoun, "the company", the gazetteer, a guess).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Span, Token

from exodus.extraction.lexicon import fold_name
from exodus.extraction.mentions import GROUP, ORG, PERSON, Mention, clean_org_name
from exodus.extraction.name_shapes import NameShapes, name_runs, person_shaped
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

    @cached_property
    def head(self) -> Token | None:
        """The mention's token whose head lies outside it (its syntactic head)."""
        if not self.tokens:
            return None
        inside = {t.i for t in self.tokens}
        for token in self.tokens:
            if token.head.i not in inside or token.head.i == token.i:
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
    display: dict[str, str] = field(default_factory=dict, repr=False)  # the document's names as it writes them

    def of_kind(self, kind: str) -> list[MentionRef]:
        return [m for m in self.mentions if m.kind == kind]

    @cached_property
    def tokens(self) -> list[Token]:
        """The sentence's tokens (a list: indexing the spaCy span again and again is slow)."""
        return list(self.span)

    @cached_property
    def lemmas(self) -> frozenset[str]:
        return frozenset(t.lemma_.lower() for t in self.tokens)


@dataclass
class DocumentAnalysis:
    document: Document
    parsed: ParsedDocument
    sentences: list[SentenceView]
    rule_facts: list[Fact]

    @cached_property
    def org_ranking(self) -> list[str]:
        """The organizations the article names, most named first (a name the tagger missed counts a
        little less), the first named on a tie."""
        counts: dict[str, float] = {}
        first: dict[str, int] = {}
        seen = set()
        for m in self.parsed.timeline:
            if m.kind == ORG and m.start not in seen:
                seen.add(m.start)
                counts[m.name] = counts.get(m.name, 0) + (1 if m.certain else 0.75)
                first.setdefault(m.name, m.start)
        return sorted(counts, key=lambda name: (-counts[name], first[name]))

    @cached_property
    def lead_org(self) -> str | None:
        """The first organization the article names for certain: in news, most often its subject."""
        return next((m.name for m in self.parsed.timeline if m.kind == ORG and m.certain), None)

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
    display = display_names(parsed)
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
            view = SentenceView(len(sentences), ci, span, start, end, display=display)
            grouped: dict[int, tuple[Mention, list[Token]]] = {}
            for token in span:
                mention = parsed.token_mentions.get((ci, token.i))
                if mention is not None:
                    grouped.setdefault(id(mention), (mention, []))[1].append(token)
            for mention, tokens in grouped.values():
                view.mentions.append(MentionRef(mention, tokens, _source(tokens, mention)))
            sentences.append(view)
    _add_name_shapes(parsed, sentences)
    _add_reference_readings(parsed, sentences)
    _add_plural_readings(parsed, sentences)
    return DocumentAnalysis(document, parsed, sentences, rule_facts)


# words that make a name a unit of an organization ("Google Research", "Meta AI"), not the organization
_UNIT_WORDS = frozenset({"research", "ai", "cloud", "labs", "lab", "brain", "studio", "studios", "division", "unit",
                         "ventures", "capital", "foundation", "institute"})


def display_names(parsed: ParsedDocument) -> dict[str, str]:
    """An organization as the article first writes it ("Citi", "Data Collective"), not as the gazetteer
    names it ("Citigroup", "DCVC"): facts name it so, and the store's resolution joins the two. A
    name with a unit's word the gazetteer's lacks ("Google Research" for Google, "Facebook AI Research"
    for Meta) is a unit, not a way of writing the organization, and is not used."""
    text = parsed.document.text
    shown: dict[str, str] = {}
    for mention in parsed.timeline:
        if mention.kind != ORG or mention.end <= mention.start or mention.name in shown:
            continue
        surface = clean_org_name(text[mention.start:mention.end])
        if not surface or parsed.lexicon.canonical_org(surface) != mention.name:
            continue
        words, canonical_words = set(fold_name(surface).split()), set(fold_name(mention.name).split())
        if (words - canonical_words) & _UNIT_WORDS:
            continue
        shown[mention.name] = surface
    return {canonical: surface for canonical, surface in shown.items() if surface != canonical}


def _add_reference_readings(parsed: ParsedDocument, sentences: list[SentenceView]) -> None:
    """"Its investors", "the company": besides the organization the reference was resolved to, the
    one in view and the article's main one, when they differ (the model weighs the readings)."""
    for view in sentences:
        extra = []
        for ref in view.mentions:
            if ref.kind != ORG or ref.source not in ("pronoun", "reference"):
                continue
            for why, name in (("view", parsed.previous_org(ref.mention.start, definite=True)),
                              ("main", parsed.primary_org())):
                if name and name != ref.name and not any(e.name == name and e.tokens == ref.tokens for e in extra):
                    extra.append(MentionRef(Mention(ORG, name, ref.mention.start, ref.mention.end, certain=False,
                                                    subject=ref.mention.subject), ref.tokens, f"{ref.source}:{why}"))
        view.mentions.extend(extra)


def _add_name_shapes(parsed: ParsedDocument, sentences: list[SentenceView]) -> None:
    """Readings of names no mention covers, and the other reading of names the NER may have
    mislabeled (`name_shapes.py`)."""
    lexicon = parsed.lexicon
    org_words = frozenset(lexicon.nouns.get("org_words", []))
    shapes = NameShapes(parsed.table, org_words)
    for name in set(parsed.table.people.values()):
        shapes.learn_person(name)
    runs: list[tuple[SentenceView, list[Token]]] = []
    for view in sentences:
        covered = {t.i for m in view.mentions if m.kind in (PERSON, ORG) for t in m.tokens}
        for run in name_runs(view.span):
            if not any(t.i in covered for t in run):
                runs.append((view, run))
    offset_of = {id(view): parsed.chunks[view.chunk].offset for view in sentences}
    readings = []
    for view, run in runs:
        found = shapes.readings(run, offset_of[id(view)])
        readings.append(found)
        for kind, name, _ in found:
            if kind == PERSON:
                shapes.learn_person(name)
    for (view, run), found in zip(runs, readings):
        if len(found) == 1 and found[0][0] == ORG and len(run) == 1:
            found = shapes.readings(run, offset_of[id(view)])  # a surname learned from a later full name
        for kind, name, source in found:
            view.mentions.append(MentionRef(NameShapes.mention(kind, name, run, offset_of[id(view)]), run, source))
    for view in sentences:
        alternatives = []
        for ref in view.mentions:
            if ref.source.startswith("shape") or not ref.tokens:
                continue
            if ref.kind == ORG and lexicon.canonical_org(ref.name) is None and person_shaped(ref.tokens, org_words):
                text = ref.tokens[0].doc[ref.tokens[0].i:ref.tokens[-1].i + 1].text
                name = parsed.table.person(text) or ref.name
                alternatives.append(MentionRef(Mention(PERSON, name, ref.mention.start, ref.mention.end, certain=False,
                                                       subject=ref.mention.subject), ref.tokens, f"alt:{ref.source}"))
            elif ref.kind == PERSON and len(ref.name.split()) == 1 and lexicon.canonical_person(ref.name) is None:
                alternatives.append(MentionRef(Mention(ORG, parsed.table.org(ref.name), ref.mention.start, ref.mention.end,
                                                       certain=False, subject=ref.mention.subject),
                                               ref.tokens, f"alt:{ref.source}"))
        view.mentions.extend(alternatives)


# a subject that stands for several people named just before: "Both are leaving", "The pair will join"
_PLURAL_SUBJECTS = frozenset({"both", "they", "pair", "duo", "trio", "two", "three", "four"})


def _add_plural_readings(parsed: ParsedDocument, sentences: list[SentenceView]) -> None:
    """"Vaswani and Parmar left Adept. Both ...": each person named in the sentence just before is a
    reading of a plural subject. Unlike the other readings these do not exclude each other."""
    text = parsed.document.text
    for view in sentences[1:]:
        before = sentences[view.index - 1]
        if text[before.end:view.start].strip():
            continue  # the sentence before was not parsed
        people = list(dict.fromkeys(m.name for m in before.of_kind(PERSON) if m.source != "pronoun"))
        if len(people) < 2:
            continue
        offset = parsed.chunks[view.chunk].offset
        for token in view.tokens:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ not in _PLURAL_SUBJECTS:
                continue
            if token.lower_ not in ("both", "they") and not any(c.lower_ == "the" for c in token.children):
                continue  # "two of them", "three executives": not the people just named
            for name in people:
                view.mentions.append(MentionRef(Mention(PERSON, name, offset + token.idx, offset + token.idx + len(token),
                                                        certain=False, subject=True), [token], "plural"))
