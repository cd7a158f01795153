"""Score the extractor on the dev sets and the bundled sample corpus with the shared scorer.

    python benchmarks/evaluate_extraction.py            # tables for every set
    python benchmarks/evaluate_extraction.py --markdown # the tables of docs/evaluation.md

The scorer and the dev sets live in ../shared (read-only, not shipped with Exodus).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "src" / "exodus" / "sample"

BENCH = REPO / "benchmarks"

# name -> (documents, gold, extra scorer arguments); a directory of articles is read as documents.
# "blind-dev" was written without sight of the rules (its first score is in docs/evaluation.md);
# "holdout" is never used to tune anything and has no floor in the quality gate.
SETS = {
    "seeds": (SHARED / "devset" / "seeds.docs.jsonl", SHARED / "devset" / "seeds.gold.jsonl", []),
    "sentivent-dev": (SHARED / "devset" / "sentivent-dev.docs.jsonl",
                      SHARED / "devset" / "sentivent-dev.gold.jsonl", ["--kinds", "joined,left"]),
    "sample": (SAMPLE / "articles", SAMPLE / "gold.jsonl", []),
    "blind-dev": (BENCH / "blind-dev" / "articles", BENCH / "blind-dev" / "gold.jsonl", []),
    "blind-dev-2": (BENCH / "blind-dev-2" / "articles", BENCH / "blind-dev-2" / "gold.jsonl", []),
    "blind-dev-3": (BENCH / "blind-dev-3" / "articles", BENCH / "blind-dev-3" / "gold.jsonl", []),
    "blind-dev-4": (BENCH / "blind-dev-4" / "articles", BENCH / "blind-dev-4" / "gold.jsonl", []),
    "holdout": (BENCH / "holdout" / "articles", BENCH / "holdout" / "gold.jsonl", []),
}


def _documents_jsonl(source: Path, out: Path) -> list:
    from exodus.sources import read_documents
    from exodus.schema import Document

    docs = [d for d in read_documents([source]) if isinstance(d, Document)]
    out.write_text("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return docs


def evaluate(name: str, extractor_name: str = "rules", workdir: Path | None = None) -> dict:
    """The scorer's JSON result for one set, plus its text table under "table"."""
    from exodus.extraction.base import get_extractor

    docs_path, gold, extra = SETS[name]
    workdir = Path(workdir or tempfile.mkdtemp(prefix="exodus-eval-"))
    docs_file = workdir / f"{name}.docs.jsonl"
    docs = _documents_jsonl(docs_path, docs_file)
    pred = workdir / f"{name}.pred.jsonl"
    extractor = get_extractor(extractor_name)
    with pred.open("w", encoding="utf-8") as out:
        for _, facts in extractor.extract_many(docs):
            for fact in facts:
                out.write(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n")
    scorer = [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold), "--pred", str(pred),
              "--docs", str(docs_file), *extra]
    result = json.loads(subprocess.run(scorer + ["--json"], check=True, capture_output=True, text=True).stdout)
    result["table"] = subprocess.run(scorer, check=True, capture_output=True, text=True).stdout
    result["command"] = " ".join(["python3", "../shared/eval/score.py", "--gold", _rel(gold), "--pred", "PRED",
                                  "--docs", _rel(docs_path) if docs_path.is_file() else "DOCS", *extra])
    return result


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(REPO))
    except ValueError:
        return "../" + str(path.relative_to(REPO.parent))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated sets (default: all)")
    ap.add_argument("--extractor", default="rules")
    ap.add_argument("--markdown", action="store_true", help="print markdown sections for docs/evaluation.md")
    args = ap.parse_args()
    for name in args.sets.split(","):
        if not SETS[name][1].exists():
            print(f"== {name}: no gold at {_rel(SETS[name][1])}, skipped", file=sys.stderr)
            continue
        result = evaluate(name, args.extractor)
        o = result["overall"]
        if args.markdown:
            print(f"## {name}\n\nOverall F1 **{o['f1']:.3f}** (P {o['precision']:.3f}, R {o['recall']:.3f}); "
                  f"facts with evidence not in their document: {result['bad_evidence']}.\n\n```\n{result['table']}```\n")
        else:
            print(f"== {name}: F1 {o['f1']:.3f} (P {o['precision']:.3f}, R {o['recall']:.3f}), "
                  f"bad evidence {result['bad_evidence']}\n{result['table']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
