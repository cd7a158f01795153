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
from exodus.extraction.candidates.base import generic_group
from exodus.extraction.candidates.founding import FOUNDING_LEMMAS
from exodus.extraction.candidates.investments import MONEY_LEMMAS
from exodus.extraction.candidates.rule_facts import candidate_for
from exodus.extraction.arguments import conjuncts, trigger_slots
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


def feature_word(token: Token) -> str:
    """A token as a feature: its lemma, or only its kind for names and numbers (which would be
    memorized, not learned)."""
    if token.pos_ in ("PROPN", "NUM") or token.like_num:
        return f"<{token.pos_}>"
    return token.lemma_.lower()


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
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
        out.append(f"{prefix}prep_head={feature_word(head.head.head)}")
    elif dep in ("poss", "compound", "appos", "conj", "nsubj", "nsubjpass", "dobj", "attr"):
        out.append(f"{prefix}{dep}_of={feature_word(head.head)}")
    if ref.mention.subject:
        out.append(f"{prefix}subject")


@dataclass
class _SentenceFacts:
    """What features read of a sentence once, whatever the candidate."""

    triggers: list[tuple[Token, str, frozenset[str]]]  # token, lemma, kinds
    words: list[str] = field(default_factory=list)
    slots: dict[int, dict[int, set[str]]] = field(default_factory=dict)  # trigger i -> token i -> slot names


# which fact field each side of a candidate fills, per kind (to read the trigger frames)
_FIELDS = {"joined": ("person", "org"), "left": ("person", "org"), "role": ("person", "org"),
           "founded": ("person", "org"), "founded_org": ("org", None), "member": ("person", "group"),
           "group_formed": ("org", "group"), "group_disbanded": ("org", "group"), "invested": ("investor", "investee")}


def _slot_index(trigger: Token) -> dict[int, set[str]]:
    """Token index -> the argument slots of `trigger` it fills (with the names conjoined to it)."""
    index: dict[int, set[str]] = {}
    for name, tokens in trigger_slots(trigger).items():
        for token in tokens:
            for t in [token, *conjuncts(token)]:
                index.setdefault(t.i, set()).add(name)
    return index


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
            for token, _, _ in triggers:
                found.slots[token.i] = _slot_index(token)
        return found

    def _frame_fits(self, lemma: str, kind: str, a_slot: str, b_slot: str | None) -> bool:
        """Does a frame of the trigger, for this kind, take the two arguments from these slots?"""
        first, second = _FIELDS[kind]
        fact = "group_event" if kind.startswith("group_") else "founded" if kind == "founded_org" else kind
        for table in (self.lex.lexicon.verb_frames, self.lex.lexicon.noun_frames):
            for frame in table.get(lemma, []):
                if frame["kind"] != fact:
                    continue
                if a_slot in frame.get(first, []) and (second is None or b_slot is None or
                                                        b_slot in frame.get(second, [])):
                    return True
        return False

    def _slot_features(self, candidate: Candidate, facts: _SentenceFacts, out: list[str]) -> None:
        """Which argument slots of the sentence's triggers the candidate's arguments fill: the rules'
        reading of the clause (passives, relative clauses, conjoined names), without their verdicts."""
        first, second = candidate.first, candidate.second
        a_tokens = {t.i for t in first.tokens} if first else set()
        b_tokens = {t.i for t in second.tokens} if second else set()
        for token, lemma, kinds in facts.triggers:
            if candidate.kind not in kinds:
                continue
            index = facts.slots.get(token.i, {})
            a_slots = set().union(*(index.get(i, set()) for i in a_tokens)) if a_tokens else set()
            b_slots = set().union(*(index.get(i, set()) for i in b_tokens)) if b_tokens else set()
            for a_slot in sorted(a_slots):
                out.append(f"slot_a={a_slot}")
                if not b_slots:
                    out.append(f"slots={a_slot}|{'ctx' if second is not None and not b_tokens else '-'}")
                    if self._frame_fits(lemma, candidate.kind, a_slot, None if not b_tokens else "-"):
                        out.append("frame_fits_a")
                for b_slot in sorted(b_slots):
                    out.append(f"slots={a_slot}|{b_slot}")
                    out.append(f"slots_lemma={lemma}|{a_slot}|{b_slot}")
                    if self._frame_fits(lemma, candidate.kind, a_slot, b_slot):
                        out.append("frame_fits")
            for b_slot in sorted(b_slots - set()):
                if not a_slots:
                    out.append(f"slot_b_only={b_slot}")

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
        self._slot_features(candidate, facts, out)
        if candidate.kind in ("role", "joined", "left", "member", "founded") and first is not None:
            self._title_features(first, second, out)
        if candidate.kind in ("member", "group_formed", "group_disbanded") and second is not None:
            self._group_features(second, out)
        self._rule_features(candidate, out)
        return out

    def _group_features(self, group: MentionRef, out: list[str]) -> None:
        """A generic group word ("the panel") after a named group is most often that group."""
        if not generic_group(group.name):
            out.append("g_named")
            return
        out.append("g_generic")
        before = self.analysis.parsed.previous_group(group.mention.start or 10**9)
        if before is not None and not generic_group(before.name) and before.name != group.name:
            out.append("g_generic_after_named")

    # ---- parts --------------------------------------------------------------------------
    def _pair_features(self, a: Token, b: Token, first: MentionRef, second: MentionRef, out: list[str]) -> None:
        path = dependency_path(a, b)
        if path is None:
            out.append("path=none")
        else:
            up, lca, down = path
            length = len(up) + len(down)
            lca_word = feature_word(lca) if lca is not None else "?"
            out.append(f"path_len={_bucket(length)}")
            if length <= _MAX_PATH:
                out.append(f"path={'/'.join(up)}^{lca_word}^{'/'.join(down)}")
                out.append(f"path_pos={'/'.join(up)}^{lca.pos_ if lca is not None else '?'}^{'/'.join(down)}")
                out.append(f"path_ends={up[0] if up else '-'}^{down[-1] if down else '-'}")
            out.append(f"lca={lca_word}")
            if lca is not None:
                out.append(f"lca_pos={lca.pos_}")
                if lca.i in (a.i, b.i):
                    out.append("lca_is_arg")
        lo, hi = (a, b) if a.i < b.i else (b, a)
        out.append("order=ab" if a.i < b.i else "order=ba")
        first_tokens = {t.i for t in first.tokens} | {t.i for t in second.tokens}
        between = [t for t in a.doc[lo.i + 1:hi.i] if t.i not in first_tokens]
        out.append(f"btw_n={_bucket(len(between))}")
        if len(between) <= 10:
            for t in between:
                out.append(f"btw={feature_word(t)}")
        if any(t.text == "," for t in between):
            out.append("btw_comma")
        if any(t.text in ("(", ";", ":", "—", "–") for t in between):
            out.append("btw_break")
        start = min(t.i for t in (first.tokens + second.tokens))
        end = max(t.i for t in (first.tokens + second.tokens))
        doc = a.doc
        for n in (1, 2):
            if start - n >= 0:
                out.append(f"pre{n}={feature_word(doc[start - n])}")
            if end + n < len(doc):
                out.append(f"post{n}={feature_word(doc[end + n])}")

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
        relations = []
        for name, arg in (("a", a), ("b", b)):
            if arg is None:
                relations.append("ctx")
                continue
            path = dependency_path(trigger, arg)
            rel = "far"
            if path is not None:
                up, lca, down = path
                if len(up) + len(down) <= 4:
                    rel = f"{'/'.join(up)}^{'/'.join(down)}"
                    out.append(f"trig_{name}={rel}")
                    out.append(f"trig_{name}_lemma={lemma}:{rel}")
            else:
                out.append(f"trig_{name}=none")
            relations.append(rel)
        # who did what to whom, as one feature: "join|^nsubj|^dobj"
        out.append(f"frame={lemma}|{relations[0]}|{relations[1]}")
        out.append(f"frame_rel={relations[0]}|{relations[1]}")

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
                    out.append(f"appos={feature_word(c)}")
                    if org is not None and any(t.i in {x.i for x in org.tokens} for t in c.subtree):
                        out.append("appos_has_org")
                elif c.dep_ == "compound" and c.lower_ in self.lex.title_words:
                    out.append(f"title_compound={c.lower_}")
            if head.dep_ == "appos":
                out.append(f"appos_to={feature_word(head.head)}")

    def _rule_features(self, candidate: Candidate, out: list[str]) -> None:
        first, second, _ = candidate.names()
        index = candidate.sentence.index
        if candidate.rule_fact is not None:
            out.append("rule")
            out.append(f"rule_conf={round(candidate.rule_fact.confidence, 1)}")
            # how far the rules are to be trusted depends on where they took the names from
            for side, ref in (("a", candidate.first), ("b", candidate.second)):
                if ref is not None:
                    out.append(f"rule_{side}src={ref.source.split(':')[0]}")
        elif index in self._rule_keys.get((candidate.kind, first, second), ()):
            out.append("rule")
        if self._rule_keys.get((candidate.kind, first, second)):
            out.append("rule_in_doc")
        if index in self._rule_keys.get(("pair", first, second), ()):
            for kind in ("joined", "left", "role", "founded", "member", "invested"):
                if kind != candidate.kind and index in self._rule_keys.get(("pair_kind", kind, first, second, index), ()):
                    out.append(f"rule_other={kind}")
