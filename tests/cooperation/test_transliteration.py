"""Names kept for search in Latin letters: as each language's official system writes them, and
as English usually spells them."""

from cooperation.transliteration import latin_term, search_lines


def test_a_latin_text_loses_its_accents_case_and_punctuation():
    assert latin_term("Veliko Tărnovo") == "veliko tarnovo"
    assert latin_term("  Mar'ina   Gorka ") == "marina gorka"
    assert latin_term("Gorna-Oryahovitsa") == "gorna oryahovitsa"


def test_a_bulgarian_name_is_kept_as_the_bulgarian_system_writes_it():
    lines = search_lines([("bg", "Велико Търново"), ("bg", "Хасково")]).splitlines()
    assert {"велико търново", "veliko tarnovo", "haskovo", "khaskovo"} <= set(lines)


def test_a_belarusian_name_is_kept_as_the_belarusian_system_writes_it():
    assert "mahileu" in search_lines([("be", "Магілёў")]).splitlines()


def test_a_russian_name_is_kept_as_english_usually_spells_it():
    lines = search_lines([("ru", "Могилёв"), ("ru", "Щучин")]).splitlines()
    assert {"могилёв", "mogilev", "shchuchin"} <= set(lines)


def test_empty_texts_and_repeated_forms_are_left_out():
    assert search_lines([("en", "Brest"), ("ru", ""), ("be", None), ("en", "Brest")]) == "brest"
