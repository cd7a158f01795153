"""Extraction throughput: documents/s, words/s and peak memory of the extractors and a naive baseline.

    python benchmarks/extract_throughput.py [CORPUS ...] [--limit N] [--only NAME ...]
    python benchmarks/extract_throughput.py CORPUS --memory 10000 100000 [--processes N]

Each CORPUS is a documents JSONL (default: ../shared/corpora/bbc.docs.jsonl beside the
repository); with several, every run is made on each, one after the other, and the report
gives each corpus its own table. Six runs, each in a fresh process so that loading and peak
memory are its own:

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
the process plus its largest child. The load average before and after (`os.getloadavg`)
is printed: on a shared machine absolute rates move with it, the ratios of one run much less.

`--memory N ...`: the corpus repeated (read again from the file each time, each copy's
documents with new ids) to N documents, streamed through `extract_documents` with the
model extractor; each N in its own process, its peak resident memory measured as above.
Streaming keeps memory flat: the peaks should agree within 10%.
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
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
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


def repeated_documents(corpus: Path, total: int) -> Iterator:
    """The corpus's documents again and again, read from the file each time, until `total`;
    the copies after the first get new ids ("ID~2")."""
    from exodus import Document, read_documents

    produced, copy = 0, 1
    while True:
        before = produced
        for result in read_documents([corpus]):
            if not isinstance(result, Document):
                continue
            yield result if copy == 1 else replace(result, id=f"{result.id}~{copy}")
            produced += 1
            if produced >= total:
                return
        if produced == before:
            raise SystemExit(f"{corpus}: no documents to repeat")
        copy += 1


def measure_memory_in_this_process(corpus: Path, total: int, processes: int) -> Measurement:
    from exodus import extract_documents

    started = time.perf_counter()
    documents = words = facts = 0
    for document, found in extract_documents(repeated_documents(corpus, total), extractor="model",
                                             processes=processes):
        documents += 1
        words += len(document.text.split())
        facts += len(found)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    scale = 1 if sys.platform == "darwin" else 1024
    return Measurement(f"memory-{total}", documents, words, seconds, None, facts, None,
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


def measure(run: str, corpus: Path, limit: int | None, processes: int = 1) -> Measurement:
    command = [sys.executable, __file__, str(corpus), "--child", run, "--processes", str(processes)]
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


def load_average() -> str:
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def memory_report(measurements: list[Measurement], corpus: Path, processes: int) -> str:
    lines = [f"corpus: {corpus}, repeated; model extractor, {processes} process{'es' * (processes > 1)}",
             f"{'documents':>10} {'peak RSS':>10} {'seconds':>8} {'docs/s':>7} {'facts':>8}"]
    for m in measurements:
        lines.append(f"{m.documents:>10,} {m.peak_rss_bytes / 2**20:>6,.0f} MiB {m.seconds:>8.1f} "
                     f"{m.docs_per_second:>7.1f} {m.facts:>8,}")
    if len(measurements) > 1:
        low, high = measurements[0], measurements[-1]
        lines.append(f"peak memory for {high.documents:,} documents is {high.peak_rss_bytes / low.peak_rss_bytes - 1:+.1%} "
                     f"of that for {low.documents:,}")
    lines.append(f"peak memory: {measurements[0].peak_method}")
    return "\n".join(lines)


def report(measurements: list[Measurement], corpus: Path) -> str:
    first = measurements[0]
    lines = [f"corpus: {corpus} ({first.documents:,} documents, {first.words:,} words)", "",
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
    for extractor in ("model", "rules"):
        for processes in (1, 2):
            run, baseline = by_run.get(f"{extractor}-{processes}"), by_run.get(f"baseline-{processes}")
            if run and baseline:
                lines.append(f"speed ratio, {processes} process{'es' * (processes > 1)}: {extractor} is "
                             f"{run.docs_per_second / baseline.docs_per_second:.1f}x the baseline")
    for m in measurements:
        if m.failed:
            lines.append(f"{m.run}: the extractor failed on {m.failed} documents (reported and skipped)")
    lines.append(f"peak memory: {first.peak_method}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="*", type=Path, default=[DEFAULT_CORPUS],
                        help=f"documents JSONL files (default: {DEFAULT_CORPUS})")
    parser.add_argument("--limit", type=int, help="only the first N documents of each corpus")
    parser.add_argument("--only", nargs="+", choices=sorted(RUNS), help="only these runs")
    parser.add_argument("--memory", nargs="+", type=int, metavar="N",
                        help="peak memory of the model extractor over the (first) corpus repeated to N documents")
    parser.add_argument("--processes", type=int, default=1, help="worker processes of the --memory runs (default: 1)")
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON too")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    for corpus in args.corpus:
        if not corpus.is_file():
            parser.error(f"no corpus at {corpus}; pass the path of a documents JSONL")
    if args.child:
        if args.child.startswith("memory-"):
            measurement = measure_memory_in_this_process(args.corpus[0], int(args.child.split("-")[1]),
                                                         args.processes)
        else:
            measurement = measure_in_this_process(args.child, args.corpus[0], args.limit)
        print(json.dumps(asdict(measurement)))
        return 0
    print(f"machine: {machine()}\nload average before: {load_average()}", flush=True)
    measurements = []
    if args.memory:
        for total in sorted(args.memory):
            print(f"running memory-{total} ...", file=sys.stderr, flush=True)
            measurements.append(measure(f"memory-{total}", args.corpus[0], None, args.processes))
        print(memory_report(measurements, args.corpus[0], args.processes))
    else:
        for corpus in args.corpus:
            ran = []
            for run in args.only or list(RUNS):
                print(f"running {run} on {corpus.name} ...", file=sys.stderr, flush=True)
                ran.append(measure(run, corpus, args.limit))
            print(report(ran, corpus) + "\n", flush=True)
            measurements.extend(ran)
    print(f"load average after: {load_average()}")
    if args.json:
        print(json.dumps([asdict(m) for m in measurements], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
