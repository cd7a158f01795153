"""Extraction throughput: documents/s, words/s and peak memory of the extractors and a naive baseline.

    python benchmarks/extract_throughput.py [CORPUS] [--limit N] [--only NAME ...]

CORPUS is a documents JSONL (default: ../shared/corpora/bbc.docs.jsonl beside the
repository). Four runs, each in a fresh process so that loading and peak memory are
its own:

- model-1, model-2: `extract_documents(..., extractor="model", processes=1|2)`, the default
  extractor (rules propose candidates, the trained model decides);
- rules-1, rules-2: the same with the rules alone (`extractor="rules"`), the extractor the
  model replaced, for the per-document cost of the model;
- baseline-1, baseline-2: spaCy's full pipeline as `exodus.extraction.nlp.load_pipeline`
  loads it, over every whole document with `nlp.pipe(..., n_process=1|2)`, no gating.

Times are wall-clock from before the model loads to the last result: what a user
waits for. Documents are read before the clock starts. Peak memory is the largest
resident set of the run's process and its children together, sampled every 50 ms
with psutil (`pip install -e '.[benchmark]'`); without psutil, getrusage's peak of
the process plus its largest child.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "bbc.docs.jsonl"
RUNS = {
    "model-1": ("model extractor (default)", 1),
    "model-2": ("model extractor (default)", 2),
    "rules-1": ("rules extractor", 1),
    "rules-2": ("rules extractor", 2),
    "baseline-1": ("baseline: full spaCy pipeline", 1),
    "baseline-2": ("baseline: full spaCy pipeline", 2),
}


@dataclass
class Measurement:
    run: str
    documents: int
    words: int
    seconds: float
    load_seconds: float | None
    facts: int | None
    failed: int | None = None  # documents the extractor raised on (reported and skipped)
    peak_rss_bytes: int | None = None
    peak_method: str = ""

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds


# --- one run, inside its own process --------------------------------------------------

def load_documents(corpus: Path, limit: int | None):
    from exodus import Document, read_documents

    documents = []
    for result in read_documents([corpus]):
        if isinstance(result, Document):
            documents.append(result)
            if limit and len(documents) >= limit:
                break
    return documents


def run_extractor(name: str, documents, processes: int) -> tuple[float | None, int, int]:
    from exodus import ExtractionFailed, extract_documents, get_extractor

    load_seconds = None
    extractor: object = name
    if processes == 1:
        started = time.perf_counter()
        extractor = get_extractor(name)
        load_seconds = time.perf_counter() - started
    failures = []

    def note(problem) -> None:
        if isinstance(problem, ExtractionFailed):
            failures.append(problem)
            print(f"exodus: {problem}", file=sys.stderr)

    facts = sum(len(f) for _, f in extract_documents(documents, extractor=extractor, processes=processes,
                                                        on_problem=note))
    return load_seconds, facts, len(failures)


def run_baseline(documents, processes: int) -> tuple[float | None, None, None]:
    from exodus.extraction.nlp import load_pipeline
    from exodus.settings import get_settings

    started = time.perf_counter()
    nlp = load_pipeline()
    load_seconds = time.perf_counter() - started
    texts = (d.text for d in documents)
    for _ in nlp.pipe(texts, batch_size=get_settings().batch_size, n_process=processes):
        pass
    return load_seconds, None, None


def measure_in_this_process(run: str, corpus: Path, limit: int | None) -> Measurement:
    documents = load_documents(corpus, limit)
    words = sum(len(d.text.split()) for d in documents)
    kind, processes = RUNS[run]
    started = time.perf_counter()
    if run.startswith(("rules", "model")):
        load_seconds, facts, failed = run_extractor(run.split("-")[0], documents, processes)
    else:
        load_seconds, facts, failed = run_baseline(documents, processes)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is kB on Linux, bytes on macOS
    return Measurement(run, len(documents), words, seconds, load_seconds, facts, failed,
                       (own + children) * scale, "getrusage: process + largest child")


# --- the driver: one child process per run, its memory sampled from outside ----------

def _sample_peak(pid: int, stop: threading.Event, peak: list[int]) -> None:
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not stop.is_set():
        total = 0
        try:
            for process in [root, *root.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.NoSuchProcess:
                    continue
        except psutil.NoSuchProcess:
            break
        peak[0] = max(peak[0], total)
        stop.wait(0.05)


def measure(run: str, corpus: Path, limit: int | None) -> Measurement:
    command = [sys.executable, __file__, str(corpus), "--child", run]
    if limit:
        command += ["--limit", str(limit)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "TOKENIZERS_PARALLELISM": "false"})
    peak = [0]
    stop = threading.Event()
    sampler = None
    try:
        import psutil  # noqa: F401

        sampler = threading.Thread(target=_sample_peak, args=(child.pid, stop, peak), daemon=True)
        sampler.start()
    except ImportError:
        pass
    out, _ = child.communicate()
    stop.set()
    if sampler:
        sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"run {run} failed with exit status {child.returncode}")
    data = json.loads(out.strip().splitlines()[-1])
    measurement = Measurement(**data)
    if sampler and peak[0]:
        measurement.peak_rss_bytes = peak[0]
        measurement.peak_method = "psutil: process tree, sampled every 50 ms"
    return measurement


def machine() -> str:
    import spacy

    from exodus.extraction.nlp import load_spacy

    memory = ""
    try:
        import psutil

        memory = f", {psutil.virtual_memory().total / 2**30:.0f} GiB RAM"
    except ImportError:
        pass
    meta = load_spacy().meta
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs{memory}, "
            f"Python {platform.python_version()}, spaCy {spacy.__version__}, "
            f"model {meta.get('lang')}_{meta.get('name')} {meta.get('version')}")


def report(measurements: list[Measurement], corpus: Path) -> str:
    first = measurements[0]
    lines = [f"corpus: {corpus} ({first.documents:,} documents, {first.words:,} words)",
             f"machine: {machine()}", "",
             f"{'run':<12} {'what':<32} {'procs':>5} {'docs/s':>8} {'words/s':>9} {'peak RSS':>9} "
             f"{'seconds':>8} {'load s':>7} {'facts':>6}"]
    for m in measurements:
        kind, processes = RUNS[m.run]
        peak = f"{m.peak_rss_bytes / 2**20:,.0f} MiB" if m.peak_rss_bytes else "?"
        load = f"{m.load_seconds:.1f}" if m.load_seconds is not None else "-"
        facts = f"{m.facts:,}" if m.facts is not None else "-"
        lines.append(f"{m.run:<12} {kind:<32} {processes:>5} {m.docs_per_second:>8.1f} "
                     f"{m.words_per_second:>9,.0f} {peak:>9} {m.seconds:>8.1f} {load:>7} {facts:>6}")
    by_run = {m.run: m for m in measurements}
    for processes in (1, 2):
        model, rules = by_run.get(f"model-{processes}"), by_run.get(f"rules-{processes}")
        if model and rules:
            slower = rules.docs_per_second / model.docs_per_second - 1
            lines.append(f"per document, {processes} process{'es' * (processes > 1)}: the model extractor takes "
                         f"{slower:+.0%} the time of the rules alone")
    for processes in (1, 2):
        rules, baseline = by_run.get(f"rules-{processes}"), by_run.get(f"baseline-{processes}")
        if rules and baseline:
            lines.append(f"speed ratio, {processes} process{'es' * (processes > 1)}: rules is "
                         f"{rules.docs_per_second / baseline.docs_per_second:.1f}x the baseline")
    for m in measurements:
        if m.failed:
            lines.append(f"{m.run}: the extractor failed on {m.failed} documents (reported and skipped)")
    lines.append(f"peak memory: {first.peak_method}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
                        help=f"documents JSONL (default: {DEFAULT_CORPUS})")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--only", nargs="+", choices=sorted(RUNS), help="only these runs")
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON too")
    parser.add_argument("--child", choices=sorted(RUNS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        parser.error(f"no corpus at {args.corpus}; pass the path of a documents JSONL")
    if args.child:
        measurement = measure_in_this_process(args.child, args.corpus, args.limit)
        print(json.dumps(asdict(measurement)))
        return 0
    measurements = []
    for run in args.only or list(RUNS):
        print(f"running {run} ...", file=sys.stderr, flush=True)
        measurements.append(measure(run, args.corpus, args.limit))
    print(report(measurements, args.corpus))
    if args.json:
        print(json.dumps([asdict(m) for m in measurements], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
