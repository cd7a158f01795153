"""The public API: what `import exodus` offers is pinned, and importing it stays cheap."""
from __future__ import annotations

import subprocess
import sys

import exodus

PUBLIC_API = [
    "KINDS", "REASONS", "Amount", "Document", "Evidence", "ExodusError", "ExtractionFailed", "Extractor", "Fact",
    "InputError", "InvalidEvidence", "ModelNotFound", "Settings", "UnknownExtractor", "__version__",
    "available_extractors", "check_evidence", "extract_documents", "get_extractor", "get_settings",
    "iter_documents", "read_documents", "register_extractor",
]


def test_public_api_is_pinned():
    assert sorted(exodus.__all__) == sorted(PUBLIC_API)
    for name in exodus.__all__:
        assert hasattr(exodus, name), name


def test_importing_exodus_does_not_load_spacy():
    code = "import sys, exodus, exodus.cli.main; exodus.cli.main.build_parser(); print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr


def test_rules_extractor_is_available_by_name():
    assert "rules" in exodus.available_extractors()
