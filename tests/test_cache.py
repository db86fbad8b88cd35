"""The compiled index is keyed on content: rebuilt when a file changes or the cache is damaged."""

from __future__ import annotations

import shutil
from pathlib import Path

import namefix
from namefix.index import Flag

from .conftest import MINI


def copy_mini(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    shutil.copy(MINI, path)
    return path


def test_reuses_then_rebuilds_when_a_file_changes(tmp_path: Path, isolated_cache: Path) -> None:
    path = copy_mini(tmp_path)
    first = namefix.load_gazetteer(path, include_default=False)
    again = namefix.load_gazetteer(path, include_default=False)
    assert first.index.path == again.index.path
    assert namefix.Corrector(first).correct("Secretary Marcorubio").text == "Secretary Marco Rubio"

    text = path.read_text(encoding="utf-8").replace("name: Marco Rubio", "name: Marco Rubio Jr.")
    path.write_text(text, encoding="utf-8")
    changed = namefix.load_gazetteer(path, include_default=False)
    assert changed.index.path != first.index.path
    assert changed.lookup("marco rubio jr") is not None


def test_damaged_cache_is_detected_and_rebuilt(tmp_path: Path, isolated_cache: Path) -> None:
    path = copy_mini(tmp_path)
    index_file = namefix.load_gazetteer(path, include_default=False).index.path
    with index_file.open("r+b") as handle:  # truncate the compiled file
        handle.truncate(index_file.stat().st_size // 2)
    rebuilt = namefix.load_gazetteer(path, include_default=False)
    assert rebuilt.lookup("Pete Hegseth") is not None


def test_user_file_extends_another(tmp_path: Path, isolated_cache: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "namefix: 1\nkind: person\nentities:\n  - {id: 'user:1', name: Alessandro Bremec, prominence: 0.6}\n",
        encoding="utf-8",
    )
    gazetteer = namefix.load_gazetteer([MINI, extra], include_default=False)
    assert len(gazetteer) == 14
    assert gazetteer.lookup("alessandro bremec").id == "user:1"
    assert gazetteer.lookup("WLADYSLAW KOSINIAK KAMYSZ").name == "Władysław Kosiniak-Kamysz"


def test_one_odd_lower_case_spelling_does_not_make_a_name_word_lower_case(
    tmp_path: Path, isolated_cache: Path
) -> None:
    """A word that names write in lower case ("van") is never read as a name whose capital was
    lost, but one odd spelling among many ("Green party of valdoria") does not make "valdoria"
    such a word."""
    bodies = "".join(
        f"  - {{id: t:body{n}, name: Valdoria {body} {region}, prominence: 0.5, kind: org}}\n"
        for n, (body, region) in enumerate(
            (body, region)
            for body in ["Rail", "Post", "Air", "Bank", "Radio", "Press", "Energy"]
            for region in ["North", "South", "West"]
        )
    )
    path = tmp_path / "places.yaml"
    path.write_text(
        "namefix: 1\nsource: test\nlicense: CC0 1.0\nkind: place\nentities:\n"
        "  - {id: t:valdoria, name: Valdoria, prominence: 0.95}\n"
        f"{bodies}"
        "  - {id: t:party, name: Green party of valdoria, prominence: 0.5, kind: org}\n"
        "  - {id: t:vanmark, name: Vanmark, prominence: 0.95}\n"
        "  - {id: t:person, name: Piet van Vanmark, prominence: 0.5, kind: person}\n",
        encoding="utf-8",
    )
    index = namefix.load_gazetteer(path, include_default=False).index
    assert not index.word("valdoria").flags & Flag.LOWER_IN_ALIAS
    assert index.word("van").flags & Flag.LOWER_IN_ALIAS
