"""The sample corpus that ships inside the package: 60-odd short articles about AI-industry events."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files
from pathlib import Path

from exodus.errors import ExodusError


@contextmanager
def sample_articles() -> Iterator[Path]:
    """The folder of the bundled sample articles, as a real path while the context lasts."""
    folder = files("exodus").joinpath("sample", "articles")
    with as_file(folder) as path:
        if not Path(path).is_dir():
            raise ExodusError(f"the sample corpus is missing from this installation ({path}); "
                              "reinstall Exodus: pip install --force-reinstall exodus")
        yield Path(path)
