"""Gazetteer files from users: a broken file is refused with where and why, nothing of it is
used, nothing in it runs or expands; a damaged compiled cache is rebuilt, not trusted.

tests/test_schema.py covers the common entry errors one by one and tests/test_cache.py the
plain cache cycle; this module covers the rest, through the public loader where it can.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import namefix
from namefix import cache

from .conftest import MINI

HEADER = "namefix: 1\nkind: person\nentities:\n"


def write(folder: Path, body: str | bytes, name: str = "user.yaml") -> Path:
    path = folder / name
    if isinstance(body, str):
        body = body.encode("utf-8")
    path.write_bytes(body)
    return path


def load(*paths: Path) -> namefix.Gazetteer:
    """Load user files alone (no bundled files, no lexicons: fast)."""
    return namefix.load_gazetteer(list(paths), include_default=False, lexicons=False)


def compiled_files(folder: Path) -> list[Path]:
    """Everything a build may leave behind in the cache folder: indexes and temporaries."""
    if not folder.exists():
        return []
    return sorted(path for path in folder.iterdir() if path.suffix in (".sqlite", ".tmp"))


def refused(path: Path, cache_folder: Path, *others: Path) -> namefix.GazetteerError:
    """Load `path` (after `others`), expect a GazetteerError naming it, and nothing compiled."""
    with pytest.raises(namefix.GazetteerError) as caught:
        load(*others, path)
    error = caught.value
    assert str(path) in str(error) and error.path == str(path)
    assert isinstance(error, ValueError) and isinstance(error, namefix.NamefixError)
    assert not compiled_files(cache_folder), "a broken file left a compiled index behind"
    return error


# --------------------------------------------------------------------------------------
# Broken files


MALFORMED = {
    "empty file": (b"", "mapping"),
    "a bare scalar": (b"just some words\n", "mapping"),
    "a list": (b"- namefix: 1\n", "mapping"),
    "NUL bytes": (b"namefix: 1\x00\nentities: []\n", "not valid YAML"),
    "Latin-1 bytes": (HEADER.encode() + b"  - {id: 'x:1', name: \xb3\xf3d\xbc}\n", "not valid YAML"),
    "tab indentation": (b"namefix: 1\nentities:\n\t- {id: 'x:1', name: A B}\n", "not valid YAML"),
    "unclosed quote": (HEADER.encode() + b"  - {id: 'x:1, name: A B}\n", "not valid YAML"),
    "two documents": (b"namefix: 1\nentities: []\n---\nnamefix: 1\n", "not valid YAML"),
    "deep nesting": (
        HEADER.encode() + b"  - {id: 'x:1', aliases: " + b"[" * 50_000 + b"]" * 50_000 + b"}\n",
        "YAML",
    ),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_yaml_is_refused(tmp_path: Path, isolated_cache: Path, name: str) -> None:
    data, message = MALFORMED[name]
    error = refused(write(tmp_path, data), isolated_cache)
    assert message in str(error)


# (entity lines, field, entry, part of the message); entry None: a file-level problem
WRONG = [
    ("  - {id: 5, name: A B}\n", "id", "5", "non-empty string"),
    ("  - {id: 2024-01-01, name: A B}\n", "id", "2024-01-01", "non-empty string"),
    ("  - {id: '', name: A B}\n", "id", None, "non-empty string"),
    ("  - {name: A B}\n", "id", "#1", "required"),
    ("  - {id: 'x:1', name: [A, B]}\n", "name", "x:1", "non-empty string"),
    ("  - {id: 'x:1', name: '  '}\n", "name", "x:1", "non-empty string"),
    ("  - {id: 'x:1', name: '--'}\n", "name", "x:1", "no letters"),
    ("  - {id: 'x:1', name: " + "A" * 301 + "}\n", "name", "x:1", "longer than 300"),
    ("  - {id: 'x:1', name: A B, aliases: C D}\n", "aliases", "x:1", "list of strings"),
    ("  - {id: 'x:1', name: A B, aliases: {C: D}}\n", "aliases", "x:1", "list of strings"),
    ("  - {id: 'x:1', name: A B, aliases: [null]}\n", "aliases", "x:1", "non-empty string"),
    ("  - {id: 'x:1', name: A B, aliases: ['?!']}\n", "aliases", "x:1", "no letters"),
    ("  - {id: 'x:1', name: A B, aliases: !!set {C D: null}}\n", "aliases", "x:1", "list of strings"),
    ("  - {id: 'x:1', name: A B, prominence: high}\n", "prominence", "x:1", "[0, 1]"),
    ("  - {id: 'x:1', name: A B, prominence: .nan}\n", "prominence", "x:1", "[0, 1]"),
    ("  - {id: 'x:1', name: A B, prominence: .inf}\n", "prominence", "x:1", "[0, 1]"),
    ("  - {id: 'x:1', name: A B, prominence: true}\n", "prominence", "x:1", "[0, 1]"),
    ("  - {id: 'x:1', name: A B, prominence: -0.1}\n", "prominence", "x:1", "[0, 1]"),
    ("  - {id: 'x:1', name: A B, country: 12}\n", "country", "x:1", "non-empty string"),
    ("  - {id: 'x:1', name: A B, kind: [person]}\n", "kind", "x:1", "non-empty string"),
    ("  - {id: 'x:1', name: A B, wikipedia: 3}\n", "wikipedia", "x:1", "non-empty string"),
    ("  - {id: 'x:1', name: A B, roles: {title: Chair}}\n", "roles", "x:1", "must be a list"),
    (
        "  - {id: 'x:1', name: A B, roles: [{title: Chair, since: 2020}]}\n",
        "roles",
        "x:1",
        "unknown role key",
    ),
    ("  - {id: 'x:1', name: A B, roles: [{title: Chair, from: yes}]}\n", "roles", "x:1", "integers"),
    ("  - {id: 'x:1', name: A B, roles: [{from: 2020}]}\n", "roles", "x:1", "title"),
    ("  - [A, B]\n", None, "#1", "mapping"),
    ("  - A B\n", None, "#1", "mapping"),
    ('  - {"id": "x:1", "name": "A B", "alias": ["C"]}\n', "alias", "x:1", "unknown key"),
    ('  - {"id": "x:1", "name": "A B"}\n  - {"id": "x:1", "name": "C D"}\n', "id", "x:1", "duplicate id"),
    (
        '  - {"id": "x:1", "name": "A B"}\n  - {"id": "x:2", "name": "A B"}\n',
        "aliases",
        "x:2",
        "also names x:1",
    ),
]


@pytest.mark.parametrize(("lines", "field", "entry", "message"), WRONG)
def test_wrong_types_and_missing_fields_name_the_entry_and_field(
    tmp_path: Path, isolated_cache: Path, lines: str, field: str | None, entry: str | None, message: str
) -> None:
    error = refused(write(tmp_path, HEADER + lines), isolated_cache)
    assert message in str(error)
    assert error.field == field
    if entry:
        assert error.entry == entry and f"entry {entry}" in str(error)
    assert error.line is not None and error.line >= 4


@pytest.mark.parametrize(
    ("header", "lines", "field", "message"),
    [
        ("namefix: 1\nentities:\n", "  - {id: 'x:1', name: A B}\n", "kind", "required"),
        (
            "namefix: 1\nkind: place\nentities:\n",
            "  - {id: 'x:1', name: A B, surname: B}\n",
            "surname",
            "only people",
        ),
        (
            "namefix: 1\nkind: org\nentities:\n",
            "  - {id: 'x:1', name: A B, roles: [Chair]}\n",
            "roles",
            "only people",
        ),
    ],
)
def test_fields_that_depend_on_the_kind(
    tmp_path: Path, isolated_cache: Path, header: str, lines: str, field: str, message: str
) -> None:
    error = refused(write(tmp_path, header + lines), isolated_cache)
    assert error.field == field and error.entry == "x:1" and message in str(error)


@pytest.mark.parametrize(
    ("document", "field", "message"),
    [
        ("namefix: 2\nentities: []\n", "namefix", "schema version"),
        ("namefix: '1'\nentities: []\n", "namefix", "schema version"),
        ("namefix: 1\nlicence: CC0\nentities: []\n", "licence", "unknown top-level key"),
        ("namefix: 1\nsource: 5\nentities: []\n", "source", "non-empty string"),
        ("namefix: 1\nkind: planet\nentities: []\n", "kind", "unknown kind"),
        ("namefix: 1\nallow_shared_aliases: 'yes'\nentities: []\n", "allow_shared_aliases", "true or false"),
        ("namefix: 1\ncorrect_to_aliases: 1\nentities: []\n", "correct_to_aliases", "true or false"),
        ("namefix: 1\nentities: {x: 1}\n", "entities", "must be a list"),
    ],
)
def test_bad_file_headers(
    tmp_path: Path, isolated_cache: Path, document: str, field: str, message: str
) -> None:
    error = refused(write(tmp_path, document), isolated_cache)
    assert error.field == field and message in str(error)


def test_unknown_keys_are_rejected_as_documented(tmp_path: Path, isolated_cache: Path) -> None:
    """gazetteers/README.md: "Unknown keys are rejected (a typo such as `alias:` would
    otherwise silently drop data)" — in the block layout too, and in roles."""
    block = HEADER + "  - id: 'x:1'\n    name: A B\n    wikipedia_title: A B\n"
    error = refused(write(tmp_path, block), isolated_cache)
    assert error.field == "wikipedia_title" and error.entry == "x:1" and error.line == 4


def test_a_duplicate_id_across_two_files_names_both(tmp_path: Path, isolated_cache: Path) -> None:
    first = write(tmp_path, HEADER + "  - {id: 'x:1', name: Alpha Beta}\n", "first.yaml")
    second = write(
        tmp_path,
        HEADER + "  - {id: 'x:2', name: Gamma Delta}\n  - {id: 'x:1', name: Epsilon Zeta}\n",
        "second.yaml",
    )
    error = refused(second, isolated_cache, first)
    assert error.entry == "x:1" and error.field == "id"
    assert "duplicate id" in str(error) and str(first) in str(error)


def test_a_user_file_cannot_reuse_a_bundled_id(tmp_path: Path, isolated_cache: Path) -> None:
    clash = write(tmp_path, HEADER + "  - {id: 'curated:person/marco-rubio', name: Mark Rubio}\n")
    error = refused(clash, isolated_cache, MINI)
    assert error.entry == "curated:person/marco-rubio" and str(MINI) in str(error)


def aliases_line(count: int) -> str:
    aliases = ", ".join(f"'Alias{i} Beta'" for i in range(count))
    return f"  - {{id: 'x:1', name: Alpha Beta, aliases: [{aliases}]}}\n"


def test_huge_alias_lists_are_refused(tmp_path: Path, isolated_cache: Path) -> None:
    error = refused(write(tmp_path, HEADER + aliases_line(2001)), isolated_cache)
    assert error.entry == "x:1" and error.field == "aliases" and "more than 2000 aliases" in str(error)


def test_two_thousand_aliases_are_fine(tmp_path: Path, isolated_cache: Path) -> None:
    gazetteer = load(write(tmp_path, HEADER + aliases_line(2000)))
    assert gazetteer.lookup("alias1999 beta").id == "x:1"


def test_a_broken_file_among_good_ones_loads_nothing(tmp_path: Path, isolated_cache: Path) -> None:
    lines = "".join(f"  - {{id: 'x:{i}', name: Person{i} Beta}}\n" for i in range(500))
    broken = write(tmp_path, HEADER + lines + "  - {id: 'x:last', name: Z Y, prominence: 9}\n")
    error = refused(broken, isolated_cache, MINI)
    assert error.entry == "x:last" and error.line == 504
    with pytest.raises(namefix.GazetteerError):
        namefix.Corrector([MINI, broken], include_default=False)  # the lexicon may be compiled
    assert not [path for path in compiled_files(isolated_cache) if not path.name.startswith("lexicon-")]
    # once the file is fixed it loads, with all of it
    broken.write_text(HEADER + lines, encoding="utf-8")
    assert load(MINI, broken).lookup("person499 beta").id == "x:499"


# --------------------------------------------------------------------------------------
# Nothing in a file runs or expands


PAYLOADS = {
    "apply in a header value": "namefix: !!python/object/apply:os.system ['touch {marker}']\nentities: []\n",
    "apply as the document": "--- !!python/object/apply:os.system ['touch {marker}']\n",
    "apply in a field": HEADER
    + "  - {{id: 'x:1', name: !!python/object/apply:os.system ['touch {marker}']}}\n",
    "apply in a JSON-style line": HEADER
    + '  - {{"id": "x:1", "name": !!python/object/apply:os.system ["touch {marker}"]}}\n',
    "new": HEADER + "  - {{id: 'x:1', name: !!python/object/new:os.system ['touch {marker}']}}\n",
    "name": HEADER + "  - {{id: 'x:1', name: !!python/name:os.system }}\n",
    "module": HEADER + "  - {{id: 'x:1', name: !!python/module:os }}\n",
    "object": HEADER + "  - !!python/object:namefix.Entity {{id: 'x:1'}}\n",
    "a local tag": HEADER + "  - {{id: 'x:1', name: !shell 'touch {marker}'}}\n",
}


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_python_tags_are_refused_and_never_run(tmp_path: Path, isolated_cache: Path, name: str) -> None:
    marker = tmp_path / "pwned"
    path = write(tmp_path, PAYLOADS[name].format(marker=marker))
    error = refused(path, isolated_cache)
    assert "not valid YAML" in str(error) and "constructor" in str(error)
    assert not marker.exists()


def nested_laughs(depth: int = 9) -> str:
    """A flow list whose last item holds 9**depth strings if expanded ("billion laughs")."""
    levels = ["&a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, depth):
        levels.append(f"&a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "[" + ", ".join(levels) + "]"


LAUGHS = {
    "top-level key": f"namefix: 1\nkind: person\nlaughs: {nested_laughs()}\nentities: []\n",
    "name": HEADER + f"  - id: 'x:1'\n    name: {nested_laughs()}\n",
    "role title": HEADER + f"  - id: 'x:1'\n    name: A B\n    roles: [{{title: {nested_laughs()}}}]\n",
    "role key": HEADER + f"  - id: 'x:1'\n    name: A B\n    roles: [{{title: T, {nested_laughs()}: 1}}]\n",
    "aliases shared between entities": HEADER
    + f"  - id: 'x:1'\n    name: A B\n    aliases: &many {nested_laughs(3)}\n"
    + "  - id: 'x:2'\n    name: C D\n    aliases: *many\n",
    "id": HEADER + f"  - id: {nested_laughs()}\n    name: A B\n",
    "an alias": HEADER + f"  - id: 'x:1'\n    name: A B\n    aliases: [{nested_laughs()}]\n",
    "an alias, one entity per line": HEADER + f"  - {{id: 'x:1', name: A B, aliases: [{nested_laughs()}]}}\n",
}

_LOAD_IN_CHILD = """
import json, sys, time
from pathlib import Path
import namefix
started = time.perf_counter()
try:
    namefix.load_gazetteer([Path(sys.argv[1])], include_default=False, lexicons=False)
    outcome = "loaded"
except namefix.GazetteerError as error:
    outcome = "GazetteerError: " + str(error)[:300]
except BaseException as error:
    outcome = type(error).__name__
print(json.dumps({"outcome": outcome, "seconds": time.perf_counter() - started}))
"""


def limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 29, 1 << 29))  # 512 MB: expansion fails fast


@pytest.mark.skipif(sys.platform == "win32", reason="needs resource.setrlimit")
@pytest.mark.parametrize("where", list(LAUGHS))
def test_billion_laughs_is_refused_quickly_without_expanding(
    tmp_path: Path, isolated_cache: Path, where: str
) -> None:
    """Run in a child with 512 MB of address space and a deadline, so an expansion fails
    the test instead of the machine."""
    path = write(tmp_path, LAUGHS[where])
    try:
        finished = subprocess.run(
            [sys.executable, "-c", _LOAD_IN_CHILD, str(path)],
            capture_output=True,
            text=True,
            timeout=2.5,
            preexec_fn=limit_memory,
            env={**os.environ, "NAMEFIX_CACHE_DIR": str(isolated_cache)},
        )
    except subprocess.TimeoutExpired:
        pytest.fail("loading did not finish within 2.5 s: the anchors were expanded")
    report = json.loads(finished.stdout)
    assert report["outcome"].startswith("GazetteerError"), report
    assert str(path) in report["outcome"]
    assert report["seconds"] < 1.0, report
    assert not compiled_files(isolated_cache)


ANCHORS = {
    "a shared role list": HEADER + "  - id: 'x:1'\n    name: A B\n    roles: &r [Chair]\n"
    "  - id: 'x:2'\n    name: C D\n    roles: *r\n",
    "a merge key": "namefix: 1\nkind: person\nallow_shared_aliases: true\nentities:\n"
    "  - &e {id: 'x:1', name: A B}\n  - {<<: *e, id: 'x:2'}\n",
    "a scalar": HEADER + "  - id: 'x:1'\n    name: &n Alpha Beta\n  - id: 'x:2'\n    name: C D\n"
    "    kind: place\n    aliases: [*n]\n",
    "a role": HEADER + "  - id: 'x:1'\n    name: A B\n    roles: [&t {title: Chair}, *t]\n",
}


@pytest.mark.parametrize("where", list(ANCHORS))
def test_anchors_and_aliases_are_refused_wherever_they_are(
    tmp_path: Path, isolated_cache: Path, where: str
) -> None:
    error = refused(write(tmp_path, ANCHORS[where]), isolated_cache)
    assert "anchors" in str(error)


# --------------------------------------------------------------------------------------
# A user file extends what is loaded; lookups ignore case and accents


def test_a_user_file_extends_the_gazetteer_and_lookups_fold(tmp_path: Path, isolated_cache: Path) -> None:
    extra = write(
        tmp_path,
        "namefix: 1\nentities:\n"
        "  - {id: 'user:lodz', kind: place, name: Łódź, country: PL, aliases: [Lodz]}\n"
        "  - {id: 'user:sikorski', kind: person, name: Radosław Sikorski, country: PL}\n"
        "  - {id: 'user:zurich', kind: place, name: Zürich, country: CH}\n",
    )
    gazetteer = load(MINI, extra)
    assert len(gazetteer) == len(load(MINI)) + 3
    for spelling in ["lodz", "LODZ", "Łódź", "łódź", "ŁÓDŹ"]:
        assert gazetteer.lookup(spelling).id == "user:lodz", spelling
    for spelling in ["radoslaw sikorski", "RADOSŁAW SIKORSKI", "Radoslaw  Sikorski", "Sikorski"]:
        assert gazetteer.lookup(spelling).id == "user:sikorski", spelling
    assert gazetteer.lookup("zurich").name == "Zürich"
    for spelling in [
        "WLADYSLAW KOSINIAK KAMYSZ",
        "władysław kosiniak-kamysz",
        "Kosiniak Kamysz",
        "kosiniakkamysz",
    ]:
        assert gazetteer.lookup(spelling).name == "Władysław Kosiniak-Kamysz", spelling
    assert (
        gazetteer.lookup("Lodzz") is None and gazetteer.lookup("") is None and gazetteer.lookup("  ") is None
    )
    corrector = namefix.Corrector(gazetteer)
    assert corrector.lookup("lodz").name == "Łódź"


# --------------------------------------------------------------------------------------
# The compiled cache: damage is detected and rebuilt


def build_mini(tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the mini gazetteer, compiled; returns (yaml, compiled index)."""
    path = tmp_path / "mini.yaml"
    shutil.copy(MINI, path)
    return path, load(path).index.path


def assert_lookups_work(path: Path) -> namefix.Gazetteer:
    gazetteer = load(path)
    assert gazetteer.lookup("pete hegseth").id == "curated:person/pete-hegseth"
    assert gazetteer.lookup("WLADYSLAW KOSINIAK KAMYSZ").id == "curated:person/wladyslaw-kosiniak-kamysz"
    assert len(gazetteer) == 13
    # without the lexicons (fast to build) confidences are lower: look at the fix itself
    fixes = namefix.Corrector(gazetteer).correct("Secretary Marcorubio", min_confidence=0.0).fixes
    assert [f.replacement for f in fixes] == ["Marco Rubio"]
    return gazetteer


def garble_middle(path: Path, size: int = 4096) -> None:
    with path.open("r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(random.Random(4).randbytes(size))


def make_stale(path: Path) -> None:
    """An intact file written by another index format: its sidecar check still matches."""
    connection = sqlite3.connect(path)
    connection.execute("UPDATE meta SET value = 'stale' WHERE key = 'format'")
    connection.commit()
    connection.close()
    cache._write_check(path)


DAMAGE = {
    "garbage in the middle": garble_middle,
    "no check sidecar": lambda path: path.with_suffix(".check").unlink(),
    "a wrong check sidecar": lambda path: path.with_suffix(".check").write_text("0" * 64),
    "an empty index": lambda path: path.write_bytes(b""),
    "not SQLite at all": lambda path: path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100),
    "an index of another format": make_stale,
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_or_stale_index_is_rebuilt(tmp_path: Path, isolated_cache: Path, damage: str) -> None:
    path, index_file = build_mini(tmp_path)
    DAMAGE[damage](index_file)
    gazetteer = assert_lookups_work(path)
    assert gazetteer.index.path == index_file  # rebuilt under the same content key
    assert cache._intact(index_file)


def test_a_damaged_lexicon_is_rebuilt(tmp_path: Path, isolated_cache: Path) -> None:
    path = tmp_path / "mini.yaml"
    shutil.copy(MINI, path)
    lexicon_file = namefix.load_gazetteer(path, include_default=False).index.lexicon
    assert lexicon_file is not None
    garble_middle(lexicon_file, 65536)
    corrector = namefix.Corrector(path, include_default=False)
    assert corrector.correct("Secretary Marcorubio and the trump card").text == (
        "Secretary Marco Rubio and the trump card"
    )


@pytest.fixture(scope="module")
def large_compiled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """A 20,000-entity user file compiled once (an index of ~10 MB, far more than the check
    samples); returns (yaml, cache folder, names)."""
    folder = tmp_path_factory.mktemp("large")
    rng = random.Random(5)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be", "do", "fa", "gu", "ha", "je"]
    names = []
    lines = ["namefix: 1", "kind: person", "allow_shared_aliases: true", "entities:"]
    for i in range(20_000):
        name = (
            "".join(rng.choices(syllables, k=3)).title() + " " + "".join(rng.choices(syllables, k=4)).title()
        )
        names.append(name)
        lines.append(f'  - {{"id": "t:{i}", "name": "{name}", "prominence": 0.6}}')
    path = folder / "large.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cache_folder = folder / "cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAMEFIX_CACHE_DIR", str(cache_folder))
        load(path)
    return path, cache_folder, names


def damage_between_samples(
    large_compiled: tuple[Path, Path, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, list[str]]:
    """A private copy of the large cache with 64 KB of garbage where the check does not look."""
    path, folder, names = large_compiled
    copy = tmp_path / "cache"
    shutil.copytree(folder, copy)
    monkeypatch.setenv("NAMEFIX_CACHE_DIR", str(copy))
    (index_file,) = copy.glob("index-*.sqlite")
    size = index_file.stat().st_size
    assert size > 4 * 1024 * 1024
    with index_file.open("r+b") as handle:
        handle.seek(size // 16 + 2 * 65536)  # between the first two sampled blocks
        handle.write(b"\xde\xad" * 32768)
    return path, names


def test_damage_the_check_misses_never_gives_a_wrong_answer(
    large_compiled: tuple[Path, Path, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every lookup is right, or raises a NamefixError saying what to do: never a wrong entity."""
    path, names = damage_between_samples(large_compiled, tmp_path, monkeypatch)
    gazetteer = load(path)
    for name in names[:3000]:
        try:
            found = gazetteer.lookup(name)
        except namefix.NamefixError as error:
            assert "damaged" in str(error) and "rebuilt" in str(error)
            continue
        assert found is not None and found.name == name


def test_damage_the_check_misses_is_rebuilt(
    large_compiled: tuple[Path, Path, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, names = damage_between_samples(large_compiled, tmp_path, monkeypatch)
    gazetteer = load(path)
    assert all(gazetteer.lookup(name).name == name for name in names[:3000])


def test_garbage_in_the_file_hash_memo_is_ignored(tmp_path: Path, isolated_cache: Path) -> None:
    path, index_file = build_mini(tmp_path)
    memo = isolated_cache / "file-hashes.json"
    for garbage in ["{not json", "[1, 2]", json.dumps({str(path.resolve()): None}), "\x00" * 10]:
        memo.write_text(garbage, encoding="utf-8")
        assert assert_lookups_work(path).index.path == index_file


@pytest.mark.parametrize("entry", ["5", "two items"])
def test_malformed_entries_in_the_file_hash_memo_are_ignored(
    tmp_path: Path, isolated_cache: Path, entry: str
) -> None:
    path, index_file = build_mini(tmp_path)
    status = path.stat()
    value = 5 if entry == "5" else [status.st_size, status.st_mtime_ns]
    (isolated_cache / "file-hashes.json").write_text(
        json.dumps({str(path.resolve()): value}), encoding="utf-8"
    )
    assert assert_lookups_work(path).index.path == index_file
