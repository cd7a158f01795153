"""The default extractor: rules propose candidate facts, a trained model decides.

The parse, the mentions and the rules' facts are the rules extractor's. Every plausible
fact of each sentence becomes a candidate (`candidates/`), is described by features
(`features.py`), scored by the trained model (`model.py`) and kept when its score
reaches its kind's threshold (`decode.py`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from exodus.extraction.analysis import DocumentAnalysis, analyse
from exodus.extraction.attributes import title_pattern
from exodus.extraction.candidates import Candidate, propose_candidates
from exodus.extraction.decode import decode
from exodus.extraction.features import FeatureExtractor
from exodus.extraction.model import CandidateScorer, load_model
from exodus.extraction.rules import RulesExtractor
from exodus.schema import Document, Fact


class ModelExtractor(RulesExtractor):
    """Candidates from rules and parse, decided by the trained candidate scorer."""

    name = "model"

    def __init__(self, models: str | None = None, model_path: Path | str | None = None,
                 scorer: CandidateScorer | None = None):
        super().__init__(models)
        chosen = model_path or self.settings.model
        self.scorer = scorer or load_model(Path(chosen) if chosen else None)
        self.titles = title_pattern(self.lexicon)

    def analyses(self, documents: list[Document]) -> Iterator[tuple[Document, DocumentAnalysis | None]]:
        for document, parsed, rule_facts in self.parse_batch(documents):
            yield document, (analyse(document, parsed, rule_facts) if parsed is not None else None)

    def scored_candidates(self, analysis: DocumentAnalysis) -> tuple[list[Candidate], FeatureExtractor]:
        candidates = propose_candidates(analysis)
        features = FeatureExtractor(analysis, self.lexicon)
        for candidate in candidates:
            candidate.score = self.scorer.score(candidate.kind, features.features(candidate))
        return candidates, features

    def decide(self, analysis: DocumentAnalysis, candidates: list[Candidate], features: FeatureExtractor,
               thresholds: Callable[[str], float] | None = None) -> list[Fact]:
        return decode(analysis, candidates, thresholds or self.scorer.threshold, self.lexicon, self.titles,
                      features.triggers, self.name)

    def _batch(self, documents: list[Document]) -> Iterator[tuple[Document, list[Fact]]]:
        for document, analysis in self.analyses(documents):
            if analysis is None:
                yield document, []
                continue
            candidates, features = self.scored_candidates(analysis)
            yield document, self.decide(analysis, candidates, features)
