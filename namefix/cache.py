"""Where compiled gazetteers live, and when they must be rebuilt.

A compiled index is keyed on the *content* of the files it was built from (and the index
format), so editing a file, adding one or upgrading namefix gives a new key and a rebuild.
Hashing ~100 MB of YAML at every start would cost more than the rest of a cold start, so a
file's hash is remembered with its size and modification time, the way build tools do; a
file whose size or time changed is hashed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .errors import NamefixError
from .index import FORMAT_VERSION, Index, build_index, build_lexicon
from .schema import records_of

__all__ = ["cache_dir", "compiled_index", "content_key"]

log = logging.getLogger(__name__)

_HASHES = "file-hashes.json"
_SAMPLES = 16  # blocks read to check an index file is intact
_BLOCK = 65536
_KEEP = 4  # compiled files of each kind kept in the cache folder


def cache_dir() -> Path:
    """$NAMEFIX_CACHE_DIR, else $XDG_CACHE_HOME/namefix, else ~/.cache/namefix."""
    explicit = os.environ.get("NAMEFIX_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "namefix"


def content_key(inputs: Sequence[Path], folder: Path) -> str:
    """A digest of the index format and of every input file's name and content."""
    known = _read_hashes(folder)
    changed = False
    digest = hashlib.sha256(f"namefix-index {FORMAT_VERSION}\n".encode())
    for path in inputs:
        resolved = str(path.resolve())
        try:
            status = path.stat()
        except OSError as exc:
            raise NamefixError(f"cannot read gazetteer file {path}: {exc.strerror}") from exc
        stamp = [status.st_size, status.st_mtime_ns]
        entry = known.get(resolved)
        if entry is None or entry[:2] != stamp:
            entry = [*stamp, _file_hash(path)]
            known[resolved] = entry
            changed = True
        digest.update(f"{path.name}\0{entry[2]}\n".encode())
    if changed:
        _write_hashes(folder, known)
    return digest.hexdigest()[:24]


def compiled_index(files: Sequence[Path], lexicon_dir: Path | None) -> Index:
    """The compiled index of `files` (with the compiled lexicon of `lexicon_dir`), built
    now if no intact one is cached."""
    folder = _usable_folder()
    lexicon = None
    if lexicon_dir is not None and lexicon_dir.is_dir():
        inputs = sorted(lexicon_dir.glob("*.t*"))
        lexicon = _compiled(
            folder, "lexicon", inputs, lambda path, digest: build_lexicon(lexicon_dir, path, {"key": digest})
        )
    path = _compiled(
        folder, "index", files, lambda path, digest: build_index(records_of(files), path, {"key": digest})
    )

    def repair() -> tuple[Path, Path | None]:
        """Damage found while reading: throw both files away and compile them again."""
        for stale in (path, lexicon):
            if stale is not None:
                stale.unlink(missing_ok=True)
        fresh = compiled_index(files, lexicon_dir)
        return fresh.path, fresh.lexicon

    try:
        return Index(path, lexicon, repair)
    except NamefixError:  # damaged in a way the sampled check missed
        return Index(*repair())


def _usable_folder() -> Path:
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        writable = os.access(folder, os.W_OK)
    except OSError:
        writable = False
    if not writable:  # e.g. a read-only home: build into a private temporary folder
        folder = Path(tempfile.mkdtemp(prefix="namefix-"))
        log.warning("cache folder is not writable; compiling the gazetteer into %s", folder)
    return folder


def _compiled(folder: Path, stem: str, inputs: Sequence[Path], build: Callable[[Path, str], object]) -> Path:
    """The cached file compiled from `inputs`, (re)built under a lock when missing or damaged."""
    digest = content_key(inputs, folder)
    path = folder / f"{stem}-{digest}.sqlite"
    if path.exists() and _intact(path):
        return path
    with _lock(folder / f"{stem}-{digest}.lock"):
        if path.exists():
            if _intact(path):
                return path
            log.warning("the compiled file %s is damaged; rebuilding it", path)
            path.unlink()
        log.info("compiling %d files into %s", len(inputs), path)
        build(path, digest)
        _write_check(path)
    _prune(folder, stem, keep=path)
    return path


def _prune(folder: Path, stem: str, keep: Path, newest: int = _KEEP) -> None:
    """Remove compiled files of older content (each can be ~100 MB), keeping the newest few:
    several gazetteer combinations may be in use at once."""
    try:
        built = sorted(folder.glob(f"{stem}-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in built[newest:]:
        if old == keep:
            continue
        for companion in (old, old.with_suffix(".check"), old.with_suffix(".lock")):
            with contextlib.suppress(OSError):
                companion.unlink()


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_hashes(folder: Path) -> dict[str, list[int | str]]:
    """The remembered (size, mtime, hash) of files; anything malformed is ignored."""
    try:
        data = json.loads((folder / _HASHES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        path: entry
        for path, entry in data.items()
        if isinstance(entry, list)
        and len(entry) == 3
        and all(isinstance(n, int) and not isinstance(n, bool) for n in entry[:2])
        and isinstance(entry[2], str)
    }


def _write_hashes(folder: Path, known: dict[str, list[int | str]]) -> None:
    with contextlib.suppress(OSError):
        temporary = folder / f".{_HASHES}.{os.getpid()}"
        temporary.write_text(json.dumps(known), encoding="utf-8")
        os.replace(temporary, folder / _HASHES)


def _sample_digest(path: Path) -> str:
    """A digest of the file size and blocks spread over the file: cheap, catches truncation."""
    size = path.stat().st_size
    digest = hashlib.sha256(str(size).encode())
    with path.open("rb") as handle:
        for i in range(_SAMPLES):
            handle.seek(size * i // _SAMPLES)
            digest.update(handle.read(_BLOCK))
        handle.seek(max(0, size - _BLOCK))
        digest.update(handle.read(_BLOCK))
    return digest.hexdigest()


def _write_check(path: Path) -> None:
    path.with_suffix(".check").write_text(_sample_digest(path), encoding="ascii")


def _intact(path: Path) -> bool:
    try:
        expected = path.with_suffix(".check").read_text(encoding="ascii").strip()
        return expected == _sample_digest(path)
    except OSError:
        return False


@contextlib.contextmanager
def _lock(path: Path) -> Iterator[None]:
    """An exclusive lock while building, so parallel workers build once, not N times."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: builds may race, each is atomic
        yield
        return
    try:
        handle = path.open("a+")
    except OSError:
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
