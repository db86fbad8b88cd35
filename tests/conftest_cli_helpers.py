"""Helpers shared by the CLI, batch and integration tests (imported, not a conftest).

`use_session_cache` points NAMEFIX_CACHE_DIR at one folder for the whole test session, so
the mini gazetteer is compiled once however many modules and subprocesses use it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "data" / "mini.yaml"
#: Flags that make the CLI use the small test gazetteer only.
MINI_FLAGS = ("--no-default-gazetteer", "--gazetteer", str(MINI))


def use_session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Set NAMEFIX_CACHE_DIR (and PYTHONPATH, for child processes) while a module runs."""
    folder = tmp_path_factory.getbasetemp() / "namefix-cache"
    folder.mkdir(exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAMEFIX_CACHE_DIR", str(folder))
        path = os.environ.get("PYTHONPATH")
        patch.setenv("PYTHONPATH", str(REPO) + (os.pathsep + path if path else ""))
        yield folder


def run_namefix(
    args: Sequence[str],
    stdin: bytes = b"",
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """`python -m namefix ARGS` as a user runs it: bytes in, bytes out, no exception on failure."""
    return subprocess.run(
        [sys.executable, "-m", "namefix", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or REPO,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )
