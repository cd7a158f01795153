"""`exodus evaluate` scores exactly as the shared scorer does, on every gold set the project has.

Predictions are made from each set's gold by deterministic edits that exercise every matching
rule: surnames for full names, legal suffixes and aliases, wrong organizations, dropped and
invented facts, other dates and reasons, evidence that is not in the document.
"""
from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from exodus.evaluation import NameAliases, load_gold, score_facts
from exodus.evaluation.sets import load_sets
from exodus.extraction.pipeline import iter_documents
from tests.shared_data import MANIFEST, require_shared

SETS = load_sets(MANIFEST)


def _perturbed(gold: dict[str, list[dict]], texts: dict[str, str], seed: int) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for doc, facts in gold.items():
        text = texts[doc]
        for fact in facts:
            p = {k: v for k, v in fact.items() if k not in ("required", "evidence")}
            p["doc"] = doc
            cut = rng.randrange(1, min(len(text), 200) + 1)
            p["evidence"] = {"start": 0, "end": cut, "text": text[:cut]}
            p["confidence"] = rng.choice([0.3, 0.5, 0.9])
            edit = rng.randrange(12)
            if edit == 0:
                continue  # missed
            if edit == 1 and p.get("person"):
                p["person"] = p["person"].split()[-1]  # a surname
            elif edit == 2 and p.get("org"):
                p["org"] = p["org"] + rng.choice([" Inc", " Ltd.", "'s", " Corporation"])
            elif edit == 3:
                for name in ("org", "investee", "investor"):
                    if p.get(name):
                        p[name] = "Initech"  # a wrong organization
            elif edit == 4:
                p["date"] = rng.choice([None, "2020", "2024-05", "2024-05-28"])
                p["reasons"] = rng.sample(["safety", "career", "personal", "dismissed"], rng.randrange(3))
            elif edit == 5:
                p["evidence"] = {"start": 0, "end": 5, "text": "xxxxx"}  # not in the document
            elif edit == 6:
                out.append(dict(p, person="Jane Roe", confidence=0.95))  # an invented fact
            elif edit == 7 and p.get("group"):
                p["group"] = p["group"].split()[-1]
            elif edit == 8:
                p["role"] = rng.choice(["chief executive", "the head", None])
                p["amount"] = rng.choice([None, {"value": 4e9, "currency": "USD"}, {"value": 1, "currency": "EUR"}])
            elif edit == 9:
                out.append(dict(p))  # the same fact twice
            elif edit == 10:
                p["kind"] = rng.choice(["joined", "left", "role", "member"])
            out.append(p)
    return out


@pytest.mark.parametrize("gold_set", SETS, ids=[s.name for s in SETS])
def test_evaluate_gives_the_shared_scorers_figures(gold_set, tmp_path):
    scorer = require_shared("eval", "score.py")
    if gold_set.shared:
        require_shared()
    texts = {d.id: d.text for d in iter_documents([gold_set.docs])}
    gold = load_gold(gold_set.gold)
    docs_file = tmp_path / "docs.jsonl"
    docs_file.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()), encoding="utf-8")
    aliases = require_shared("eval", "aliases.json")
    for seed in range(3):
        predictions = _perturbed(gold, texts, seed)
        pred_file = tmp_path / "pred.jsonl"
        pred_file.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
        command = [sys.executable, str(scorer), "--gold", str(gold_set.gold), "--pred", str(pred_file),
                   "--docs", str(docs_file), "--json"]
        if gold_set.kinds:
            command += ["--kinds", ",".join(gold_set.kinds)]
        theirs = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        for alias_table in (NameAliases.from_file(aliases), NameAliases.from_file()):
            ours = score_facts(gold, predictions, texts, kinds=gold_set.kinds, aliases=alias_table).to_dict()
            assert ours == theirs, f"{gold_set.name}, seed {seed}"


def test_a_bad_gold_line_is_one_clear_error(tmp_path):
    from exodus.evaluation import GoldError

    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc": "a", "facts": []}\n{"doc": "a", "facts": []}\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.jsonl:2: document 'a' has a gold line already"):
        load_gold(path)
    path.write_text('{"doc": "a", "facts": [\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.jsonl:1: not JSON"):
        load_gold(path)
