"""Error types of Exodus. Messages name the input, say what is wrong and what to do."""
from __future__ import annotations


class ExodusError(Exception):
    """Base class of errors that Exodus reports to users in one line."""


class InputError(ExodusError):
    """An input (file, line, document) cannot be read. `where` is `file` or `file:line`."""

    def __init__(self, where: str, problem: str):
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


class InputNotice(ExodusError):
    """Something a user should know about an input that was read all the same (e.g. the
    character set it was read in when it is not UTF-8). Reported, never a failure."""

    def __init__(self, where: str, problem: str):
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


class InvalidEvidence(ExodusError):
    """An extractor returned a fact whose evidence is not an exact span of its document.

    Such a fact is dropped, never written: it is an extractor bug, not a bad input.
    """

    def __init__(self, where: str, problem: str):
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


class ExtractionFailed(ExodusError):
    """The extractor raised an exception on one document: that document is skipped, the batch goes on."""

    def __init__(self, where: str, problem: str):
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


class EngineUnavailable(ExodusError):
    """An extraction engine that needs an optional extra which is not installed (`exodus[ray]`)."""


class ModelNotFound(ExodusError):
    """No spaCy pipeline could be loaded."""


class UnknownExtractor(ExodusError):
    """An extractor name that is not registered."""


class StoreError(ExodusError):
    """The knowledge-graph store cannot do what was asked."""


class CorrectionRefused(StoreError):
    """A correction refused because it would make two entities one (or be no correction at all).

    `forced_does` says what `force` would do ("merge them"), None when nothing allows it. The message
    speaks of `--force`; the API tells of its `force` field instead.
    """

    def __init__(self, problem: str, forced_does: str | None = None):
        self.problem = problem
        self.forced_does = forced_does
        super().__init__(self.advice("use --force"))

    def advice(self, how_to_force: str) -> str:
        return f"{self.problem}; {how_to_force} to {self.forced_does}" if self.forced_does else self.problem


class UnknownConflict(StoreError):
    """A conflict id that names no conflict in the store (none now, or the facts it was about changed)."""


class NotAConflictSide(StoreError):
    """A fact to keep that is not one of the conflict's sides."""


class UnknownSchema(ExodusError):
    """The database is not an Exodus store this Exodus can use: another program's, or a newer Exodus's."""
