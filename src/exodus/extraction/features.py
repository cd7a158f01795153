"""What the model sees of a candidate: binary features, each a short string.

Features come from the parse (the dependency path between the two arguments, their
grammatical roles, the words between them), from the lexicons (trigger words and the
kinds they evoke, titles, hedges), from where the arguments' names came from (the NER,
a pronoun, a guess from their place in the clause), and from the rules' verdicts, which
are evidence like any other, not the final word. No feature names a person or an
organization, so that unknown names are treated as known ones are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from exodus.extraction.analysis import DocumentAnalysis, MentionRef, SentenceView
from exodus.extraction.candidates import Candidate
from exodus.extraction.candidates.founding import FOUNDING_LEMMAS
from exodus.extraction.candidates.investments import MONEY_LEMMAS
from exodus.extraction.candidates.rule_facts import candidate_for
from exodus.extraction.hedging import is_hedged
from exodus.extraction.lexicon import Lexicon
from exodus.extraction.mentions import ORG, PERSON
from exodus.extraction.parsed import trigger_lemma

_MAX_PATH = 7
_QUOTES = re.compile(r"[\"“”]")


@dataclass(frozen=True)
class FeatureLexicon:
    """The lexicons as the features read them."""

    lexicon: Lexicon
    trigger_kinds: dict[str, frozenset[str]]  # lemma -> model kinds its frames evoke
    title_words: frozenset[str]                # every word of every title
    titles: frozenset[str]                     # whole titles
    hedge_words: frozenset[str]
    negations: frozenset[str]


@lru_cache(maxsize=4)
def feature_lexicon(lexicon: Lexicon) -> FeatureLexicon:
    kinds: dict[str, set[str]] = {}
    for table in (lexicon.verb_frames, lexicon.noun_frames):
        for lemma, frames in table.items():
            for frame in frames:
                kind = frame["kind"]
                if kind == "group_event":
                    kind = "group_formed" if frame.get("action") == "formed" else "group_disbanded"
                kinds.setdefault(lemma.split()[0], set()).add(kind)
    for lemma in FOUNDING_LEMMAS:
        kinds.setdefault(lemma, set()).update({"founded", "founded_org"})
    for lemma in ("invest", "back", "fund", "lead", "co-lead", "participate", "raise"):
        kinds.setdefault(lemma, set()).add("invested")
    titles = frozenset(t.lower() for t in lexicon.titles)
    return FeatureLexicon(
        lexicon=lexicon,
        trigger_kinds={k: frozenset(v) for k, v in kinds.items()},
        title_words=frozenset(w for t in titles for w in t.split() if len(w) > 2 and w not in ("of", "the", "and")),
        titles=titles,
        hedge_words=frozenset(lexicon.hedges.get("lemmas", [])) | frozenset(lexicon.hedges.get("modals", [])),
        negations=frozenset(lexicon.hedges.get("negations", [])),
    )


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head is not chain[-1] and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def dependency_path(a: Token, b: Token) -> tuple[list[str], Token | None, list[str]] | None:
    """Dependency labels up from `a` to the lowest common ancestor, that ancestor, and labels
    down from it to `b`; None when they are not in one tree."""
    up, down = _ancestors(a), _ancestors(b)
    positions = {t.i: n for n, t in enumerate(down)}
    for n, token in enumerate(up):
        if token.i in positions:
            m = positions[token.i]
            return [t.dep_ for t in up[:n]], token, [t.dep_ for t in reversed(down[:m])]
    return None


def _arg_features(prefix: str, ref: MentionRef | None, out: list[str]) -> None:
    if ref is None:
        return
    out.append(f"{prefix}src={ref.source}")
    if not ref.mention.certain:
        out.append(f"{prefix}guess")
    head = ref.head
    if head is None:
        return
    dep = head.dep_
    out.append(f"{prefix}dep={dep}")
    if dep == "pobj":
        out.append(f"{prefix}prep={head.head.lower_}")
        out.append(f"{prefix}prep_head={head.head.head.lemma_.lower()}")
    elif dep in ("poss", "compound", "appos", "conj"):
        out.append(f"{prefix}{dep}_of={head.head.lemma_.lower()}")
    elif dep in ("nsubj", "nsubjpass", "dobj", "attr"):
        out.append(f"{prefix}{dep}_of={head.head.lemma_.lower()}")
    if ref.mention.subject:
        out.append(f"{prefix}subject")


@dataclass
class _SentenceFacts:
    """What features read of a sentence once, whatever the candidate."""

    triggers: list[tuple[Token, str, frozenset[str]]]  # token, lemma, kinds
    words: list[str] = field(default_factory=list)


class FeatureExtractor:
    """Features of every candidate of one document."""

    def __init__(self, analysis: DocumentAnalysis, lexicon: Lexicon):
        self.analysis = analysis
        self.lex = feature_lexicon(lexicon)
        self._sentences: dict[int, _SentenceFacts] = {}
        self.triggers: dict[int, Token | None] = {}  # id(candidate) -> its trigger word
        self._rule_keys: dict[tuple, set[int]] = {}
        for fact in analysis.rule_facts:
            sentence = analysis.sentence_at(fact.evidence.start)
            if sentence is None:
                continue
            proposal = candidate_for(fact, sentence)
            first, second, _ = proposal.names()
            index = sentence.index
            self._rule_keys.setdefault((proposal.kind, first, second), set()).add(index)
            self._rule_keys.setdefault(("pair", first, second), set()).add(index)
            self._rule_keys.setdefault(("pair_kind", proposal.kind, first, second, index), set()).add(index)

    def _sentence(self, sentence: SentenceView) -> _SentenceFacts:
        found = self._sentences.get(sentence.index)
        if found is None:
            triggers = []
            words = []
            for token in sentence.span:
                lemma = trigger_lemma(token) if token.pos_ in ("VERB", "AUX", "NOUN") else token.lemma_.lower()
                kinds = self.lex.trigger_kinds.get(lemma)
                if kinds and token.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
                    triggers.append((token, lemma, kinds))
                words.append(lemma)
            found = self._sentences[sentence.index] = _SentenceFacts(triggers, words)
        return found

    def features(self, candidate: Candidate) -> list[str]:
        out = ["bias"]
        sentence = candidate.sentence
        facts = self._sentence(sentence)
        first, second = candidate.first, candidate.second
        _arg_features("a_", first, out)
        _arg_features("b_", second, out)
        a = first.head if first else None
        b = second.head if second else None
        if a is not None and b is not None:
            self._pair_features(a, b, first, second, out)
        elif second is not None and second.source == "context":
            out.append("b_context")
            if sentence.of_kind(ORG):
                out.append("b_context_but_sentence_has_org")
        trigger = self.triggers[id(candidate)] = self._trigger(candidate, facts, a, b)
        if trigger is not None:
            self._trigger_features(trigger, a, b, out)
        self._sentence_features(candidate, facts, out)
        if candidate.kind in ("role", "joined", "left", "member", "founded") and first is not None:
            self._title_features(first, second, out)
        self._rule_features(candidate, out)
        return out

    # ---- parts --------------------------------------------------------------------------
    def _pair_features(self, a: Token, b: Token, first: MentionRef, second: MentionRef, out: list[str]) -> None:
        path = dependency_path(a, b)
        if path is None:
            out.append("path=none")
        else:
            up, lca, down = path
            length = len(up) + len(down)
            lca_word = lca.lemma_.lower() if lca is not None else "?"
            out.append(f"path_len={_bucket(length)}")
            if length <= _MAX_PATH:
                out.append(f"path={'/'.join(up)}^{lca_word}^{'/'.join(down)}")
                out.append(f"path_pos={'/'.join(up)}^{lca.pos_ if lca is not None else '?'}^{'/'.join(down)}")
                out.append(f"path_ends={up[0] if up else '-'}^{down[-1] if down else '-'}")
            out.append(f"lca={lca_word}")
            if lca is not None:
                out.append(f"lca_pos={lca.pos_}")
                if lca is a or lca is b:
                    out.append("lca_is_arg")
        lo, hi = (a, b) if a.i < b.i else (b, a)
        out.append("order=ab" if a.i < b.i else "order=ba")
        first_tokens = {t.i for t in first.tokens} | {t.i for t in second.tokens}
        between = [t for t in a.doc[lo.i + 1:hi.i] if t.i not in first_tokens]
        out.append(f"btw_n={_bucket(len(between))}")
        if len(between) <= 10:
            for t in between:
                out.append(f"btw={t.lemma_.lower()}")
        if any(t.text == "," for t in between):
            out.append("btw_comma")
        if any(t.text in ("(", ";", ":", "—", "–") for t in between):
            out.append("btw_break")
        start = min(t.i for t in (first.tokens + second.tokens))
        end = max(t.i for t in (first.tokens + second.tokens))
        doc = a.doc
        for n in (1, 2):
            if start - n >= 0:
                out.append(f"pre{n}={doc[start - n].lemma_.lower()}")
            if end + n < len(doc):
                out.append(f"post{n}={doc[end + n].lemma_.lower()}")

    def _trigger(self, candidate: Candidate, facts: _SentenceFacts, a: Token | None, b: Token | None) -> Token | None:
        """The trigger word of the candidate's kind nearest its arguments."""
        anchors = [t.i for t in (a, b) if t is not None]
        best, best_distance = None, 10**9
        for token, _, kinds in facts.triggers:
            if candidate.kind not in kinds:
                continue
            distance = min((abs(token.i - i) for i in anchors), default=0)
            if distance < best_distance:
                best, best_distance = token, distance
        return best

    def _trigger_features(self, trigger: Token, a: Token | None, b: Token | None, out: list[str]) -> None:
        lemma = trigger_lemma(trigger)
        out.append(f"trig={lemma}")
        out.append(f"trig_tag={trigger.tag_}")
        particles = [c.lower_ for c in trigger.children if c.dep_ == "prt"]
        if particles:
            out.append(f"trig_prt={lemma} {particles[0]}")
        for c in trigger.children:
            if c.dep_ in ("aux", "auxpass"):
                out.append(f"trig_aux={c.lower_}")
            elif c.dep_ == "neg":
                out.append("trig_neg")
        if is_hedged(trigger, self.lex.lexicon):
            out.append("trig_hedged")
        for name, arg in (("a", a), ("b", b)):
            if arg is None:
                continue
            path = dependency_path(trigger, arg)
            if path is not None:
                up, lca, down = path
                if len(up) + len(down) <= 4:
                    rel = f"{'/'.join(up)}^{'/'.join(down)}"
                    out.append(f"trig_{name}={rel}")
                    out.append(f"trig_{name}_lemma={lemma}:{rel}")
            else:
                out.append(f"trig_{name}=none")

    def _sentence_features(self, candidate: Candidate, facts: _SentenceFacts, out: list[str]) -> None:
        sentence = candidate.sentence
        kinds_here = set()
        for _, lemma, kinds in facts.triggers:
            out.append(f"s_trig={lemma}")
            kinds_here |= kinds
        if candidate.kind in kinds_here:
            out.append("s_has_trigger")
        else:
            out.append("s_no_trigger")
        for word in facts.words:
            if word in self.lex.hedge_words:
                out.append(f"s_hedge={word}")
            elif word in self.lex.negations:
                out.append("s_negation")
        if candidate.kind == "invested":
            for word in facts.words:
                if word in MONEY_LEMMAS:
                    out.append(f"s_money_word={word}")
        if any(t.ent_type_ == "MONEY" for t in sentence.span):
            out.append("s_money")
        if _QUOTES.search(sentence.span.text):
            out.append("s_quote")
        out.append(f"s_index={_bucket(sentence.index)}")
        out.append(f"s_people={_bucket(len(sentence.of_kind(PERSON)))}")
        out.append(f"s_orgs={_bucket(len(sentence.of_kind(ORG)))}")

    def _title_features(self, person: MentionRef, org: MentionRef | None, out: list[str]) -> None:
        """Title words beside the person: "OpenAI CTO Mira Murati", "Brockman, its president"."""
        if not person.tokens:
            return
        doc = person.tokens[0].doc
        lo, hi = person.tokens[0].i, person.tokens[-1].i
        window = [t for t in doc[max(0, lo - 4):lo]] + [t for t in doc[hi + 1:min(len(doc), hi + 7)]]
        for t in window:
            word = t.lower_
            if word in self.lex.title_words or word in self.lex.titles:
                side = "pre" if t.i < lo else "post"
                out.append(f"title_{side}={word}")
                out.append("title_near")
        head = person.head
        if head is not None:
            for c in head.children:
                if c.dep_ == "appos":
                    out.append(f"appos={c.lemma_.lower()}")
                    if org is not None and any(t.i in {x.i for x in org.tokens} for t in c.subtree):
                        out.append("appos_has_org")
                elif c.dep_ == "compound" and c.lower_ in self.lex.title_words:
                    out.append(f"title_compound={c.lower_}")
            if head.dep_ == "appos":
                out.append(f"appos_to={head.head.lemma_.lower()}")

    def _rule_features(self, candidate: Candidate, out: list[str]) -> None:
        first, second, _ = candidate.names()
        index = candidate.sentence.index
        if candidate.rule_fact is not None:
            out.append("rule")
            out.append(f"rule_conf={round(candidate.rule_fact.confidence, 1)}")
        elif index in self._rule_keys.get((candidate.kind, first, second), ()):
            out.append("rule")
        if self._rule_keys.get((candidate.kind, first, second)):
            out.append("rule_in_doc")
        if index in self._rule_keys.get(("pair", first, second), ()):
            for kind in ("joined", "left", "role", "founded", "member", "invested"):
                if kind != candidate.kind and index in self._rule_keys.get(("pair_kind", kind, first, second, index), ()):
                    out.append(f"rule_other={kind}")
