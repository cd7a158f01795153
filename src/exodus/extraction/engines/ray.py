"""Extraction on a Ray cluster (`exodus ingest --engine ray [--address ADDR]`).

What runs where:
- the driver (the `exodus` process) reads the inputs with the project's own readers, so
  ids, dates, skipped inputs and their messages are those of the local engine, and
  leaves out documents the store already holds unchanged;
- Ray Data carries the documents to the cluster in windows (`ray_window` documents at a
  time, so memory stays bounded on a long input) and `map_batches` runs
  `extract_chunk` on the workers, `chunk_size` documents a task; each worker process
  loads the extractor once and keeps it for every later task;
- the outcomes come back to the driver in input order, where evidence is checked and a
  failed document reported exactly as the local engine does, and the driver stays the
  one writer of the store.

Ray is an optional extra (`pip install 'exodus[ray]'`); without it this engine is a
one-line `EngineUnavailable`.
"""
from __future__ import annotations

import importlib.util
import logging
import os
import pickle
import secrets
import socket
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from exodus.errors import EngineUnavailable, ExodusError
from exodus.extraction.base import Extractor, available_extractors, get_extractor
from exodus.extraction.pipeline import (Extracted, Outcome, ProblemHandler, checked_outcomes, extract_chunk,
                                       log_problem)
from exodus.schema import Document
from exodus.settings import Settings, get_settings

INSTALL_HINT = "pip install 'exodus[ray]'"

# Worker processes keep their extractor between tasks: the model loads once per process, not per task.
_loaded: dict[tuple[str, tuple[tuple[str, str], ...]], Extractor] = {}


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401 - the extra brings ray[data]; plain ray lacks it
    except ImportError as err:
        raise EngineUnavailable(f"the ray engine needs Ray Data, which cannot be imported ({err}); "
                                f"install it with: {INSTALL_HINT}") from None
    return ray


def ray_installed() -> bool:
    """Whether Ray can be imported (without importing it: a local Ray's settings must come first)."""
    try:
        return importlib.util.find_spec("ray") is not None  # ("ray.data" would import ray to look)
    except (ImportError, ValueError):
        return False


def start_ray(address: str | None = None, processes: int | None = None) -> bool:
    """Attach to the Ray cluster at `address` or start a local Ray of `processes` CPUs (default: all);
    False when Ray was already started in this process (then it is used as it is).

    A local Ray keeps its files in the temporary folder and sends no usage statistics.
    """
    # Ray reports usage statistics unless told not to; Exodus never sends anything anywhere.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if address is None and "ray" not in sys.modules:
        _local_token()
    if address:
        _check_reachable(address)
    ray = _import_ray()
    if ray.is_initialized():
        return False
    options: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.WARNING,
                               "log_to_driver": False}
    if address:
        options["address"] = address
    else:
        options["num_cpus"] = processes or os.cpu_count() or 1
    # Ray Data narrates every run on the driver's log (and warns that its progress bars are off);
    # an error of its own is raised to the caller anyway.
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    try:
        ray.init(**options)
    except (ConnectionError, RuntimeError, ValueError) as err:
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        first_line = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ExodusError(f"cannot start or reach {where} ({first_line}); start a cluster with "
                          f"`ray start --head` and pass the address it prints to --address") from None
    return True


def _check_reachable(address: str) -> None:
    """Ray retries an unreachable address for ever: a cluster's host:port that does not answer within
    `ray_connect_timeout_s` is refused here in one line."""
    host, _, port = address.rpartition(":")
    if address == "auto" or "://" in address or not host or not port.isdigit():
        return  # `auto` and ray:// client addresses are Ray's to find
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=get_settings().ray_connect_timeout_s).close()
    except OSError as err:
        raise ExodusError(f"cannot reach the Ray cluster at {address} ({err.strerror or err}); is "
                          f"`ray start --head` running there, and is the port the one it printed?") from None


def _local_token() -> None:
    """A local Ray keeps token authentication on, with a token of this run held in the environment
    (read by Ray when it is imported, inherited by its processes): Ray would otherwise write one
    to ~/.ray/auth_token."""
    if not {"RAY_AUTH_MODE", "RAY_AUTH_TOKEN", "RAY_AUTH_TOKEN_PATH"} & set(os.environ):
        os.environ["RAY_AUTH_MODE"] = "token"
        os.environ["RAY_AUTH_TOKEN"] = secrets.token_hex(32)


def _exodus_environment() -> dict[str, str]:
    """The EXODUS_* settings of the driver, handed to the workers so they extract with the same ones."""
    return {name: value for name, value in os.environ.items() if name.startswith("EXODUS_")}


def _extract_rows(batch: dict[str, Any], extractor_name: str, environment: dict[str, str],
                  max_part_chars: int) -> dict[str, Any]:
    """Runs on a worker: the pickled outcome of each pickled document of `batch`."""
    import numpy

    key = (extractor_name, tuple(sorted(environment.items())))
    extractor = _loaded.get(key)
    if extractor is None:
        extractor = _loaded[key] = get_extractor(extractor_name)
    documents = [pickle.loads(raw) for raw in batch["document"]]
    outcomes = extract_chunk(extractor, documents, max_part_chars)
    return {"position": batch["position"],
            "outcome": numpy.array([pickle.dumps(outcome) for outcome in outcomes], dtype=object)}


class RayEngine:
    """The extraction engine that runs on Ray: call it like `extract_documents` with documents.

    `address`: a running cluster (`ray start --head` prints it; `auto` finds the one on
    this machine); None starts a local Ray with `processes` CPUs (default: all of them),
    stopped again at the end. A Ray already started in this process (`ray.init`) is used as it is.
    """

    def __init__(self, address: str | None = None, settings: Settings | None = None):
        if not ray_installed():  # one line before anything is read or written
            raise EngineUnavailable(f"the ray engine needs Ray, which is not installed; install it with: "
                                    f"{INSTALL_HINT}")
        self.address = address
        self.settings = settings or get_settings()

    def __call__(self, documents: Iterable[Document], extractor: str | None = None, processes: int | None = None,
                 on_problem: ProblemHandler | None = None) -> Iterator[Extracted]:
        name = extractor or self.settings.extractor
        if not isinstance(name, str) or name not in available_extractors():
            raise ExodusError(f"unknown extractor {name!r} for the ray engine; available: "
                              f"{', '.join(available_extractors())} (each worker loads it by name)")
        report = on_problem if on_problem is not None else log_problem
        started = start_ray(self.address, processes or None)  # here: an unreachable cluster fails at once
        return self._run(_import_ray(), started, documents, name, processes or None, report)

    def _run(self, ray: Any, started: bool, documents: Iterable[Document], name: str, processes: int | None,
             report: ProblemHandler) -> Iterator[Extracted]:
        try:
            workers = processes or max(1, int(ray.cluster_resources().get("CPU", 1)))
            outcomes = self._outcomes(ray, iter(documents), name, workers)
            yield from checked_outcomes(outcomes, name, report)
        finally:
            if started:
                ray.shutdown()

    def _outcomes(self, ray: Any, documents: Iterator[Document], name: str,
                  workers: int) -> Iterator[tuple[Document, Outcome]]:
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        chunk = max(1, self.settings.chunk_size)
        environment = _exodus_environment()
        remote_args: dict[str, Any] = {"num_cpus": 1}
        if environment:
            remote_args["runtime_env"] = {"env_vars": environment}
        while window := list(islice(documents, max(1, self.settings.ray_window))):
            rows = [{"position": position, "document": pickle.dumps(document)}
                    for position, document in enumerate(window)]
            dataset = ray.data.from_items(rows, override_num_blocks=max(1, -(-len(rows) // chunk)))
            extracted = dataset.map_batches(
                _extract_rows, batch_size=chunk, batch_format="numpy",
                compute=ray.data.TaskPoolStrategy(size=workers),
                fn_kwargs={"extractor_name": name, "environment": environment,
                           "max_part_chars": self.settings.max_part_chars},
                **remote_args)
            # Rows come in input order (preserve_order); should they not, they wait here for their turn.
            waiting: dict[int, Outcome] = {}
            done = 0
            for row in extracted.iter_rows():
                waiting[int(row["position"])] = pickle.loads(row["outcome"])
                while done in waiting:
                    yield window[done], waiting.pop(done)
                    done += 1
            for position in range(done, len(window)):  # a document with no row: its task was lost
                yield window[position], waiting.pop(position, (None, "its Ray task returned no result"))


__all__ = ["RayEngine", "INSTALL_HINT", "ray_installed", "start_ray"]
