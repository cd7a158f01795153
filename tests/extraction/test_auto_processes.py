"""The automatic number of worker processes: one for a small input, a pool only for a large one."""
from __future__ import annotations

from exodus.extraction.pipeline import _auto_processes
from exodus.schema import Document
from exodus.settings import Settings


def test_small_inputs_stay_in_one_process_and_lose_no_document():
    settings = Settings(chunk_size=4)
    docs = [Document(id=str(i), text="x") for i in range(8)]
    rest, processes = _auto_processes(iter(docs), settings)
    assert processes == 1
    assert [d.id for d in rest] == [d.id for d in docs]


def test_large_inputs_use_up_to_two_processes_and_lose_no_document(monkeypatch):
    monkeypatch.setattr("exodus.extraction.pipeline.os.cpu_count", lambda: 8)
    settings = Settings(chunk_size=4)
    docs = [Document(id=str(i), text="x") for i in range(20)]
    rest, processes = _auto_processes(iter(docs), settings)
    assert processes == 2
    assert [d.id for d in rest] == [d.id for d in docs]
