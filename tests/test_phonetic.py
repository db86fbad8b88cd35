from __future__ import annotations

from namefix.phonetic import deletes, fold, is_latin, joined_key, key, phonetic_codes


def test_fold_removes_diacritics_and_special_letters() -> None:
    assert fold("Władysław Kosiniak-Kamysz") == "Wladyslaw Kosiniak-Kamysz"
    assert fold("Łódź") == "Lodz"
    assert fold("Straße Øresund Æsir") == "Strasse Oresund AEsir"
    assert key("ZELENSKYY") == "zelenskyy"


def test_joined_key_ignores_case_spaces_and_hyphens() -> None:
    assert joined_key("Marco Rubio") == joined_key("MarcoRubio") == joined_key("marco-rubio") == "marcorubio"
    assert joined_key("O’Brien") == joined_key("O'Brien") == "obrien"


def test_phonetic_codes_guard_jellyfish_edge_cases() -> None:
    assert phonetic_codes("李") == ()  # no shared empty code for non-Latin words
    assert phonetic_codes("O'Brien")  # match_rating_codex would raise here
    assert phonetic_codes("Müller") == phonetic_codes("Muller")
    assert set(phonetic_codes("Tolkein")) & set(phonetic_codes("Tolkien"))


def test_deletes_and_latin() -> None:
    assert deletes("abc") == {"abc", "bc", "ac", "ab"}
    assert is_latin("Łódź") and not is_latin("Киев")
