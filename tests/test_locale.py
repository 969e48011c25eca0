"""The interface's translations: complete, current with the code, and correct in form."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
LOCALE = Path(settings.BASE_DIR) / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def catalogue(code):
    return polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(code):
    entries = catalogue(code)
    assert [entry.msgid for entry in entries.untranslated_entries()] == []
    assert [entry.msgid for entry in entries.fuzzy_entries()] == []


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_translations_keep_the_placeholders(code):
    for entry in catalogue(code).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            found = sorted(PLACEHOLDER.findall(translation))
            # A plural form may leave out the number ("one agreement"), never add one.
            assert set(found) <= set(expected) and (entry.msgid_plural or found == expected), (
                code,
                entry.msgid,
                translation,
            )


def test_catalogues_hold_every_string_of_the_code(tmp_path):
    """The catalogues were updated (`make messages`) after the last change to a string."""
    root = Path(settings.BASE_DIR)
    copy = tmp_path / "project"
    packages = [
        path.parent.name
        for path in root.glob("*/__init__.py")
        if path.parent.name not in {"tests", "bench"}
    ]
    for name in (*packages, "templates", "static", "locale"):
        shutil.copytree(root / name, copy / name, ignore=shutil.ignore_patterns("*.mo"))
    shutil.copy(root / "manage.py", copy / "manage.py")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "bg", "--no-obsolete", "-v0"],
        cwd=copy,
        check=True,
    )
    current = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(copy / "locale/bg/LC_MESSAGES/django.po"))
    }
    committed = {(e.msgctxt, e.msgid) for e in catalogue("bg")}
    assert current - committed == set(), "run `make messages` and translate the new strings"


# What the glossary (locale/GLOSSARY.md) forbids. A name stays in the nominative: never after a
# preposition that governs a case; numbers and dates (in NUMBERS) take any case unchanged.
GOVERNING = {"ru": "между|для|со|с|обо|об|о|во|в|у", "be": "паміж|для|са|з|аб|у|ў|ад"}
NUMBERS = {"year", "this_year", "next_year", "day", "time", "moment", "total", "cnt"}
NUMBERS |= {"older_date", "newer_date"}
VARIANTS = re.compile(
    r"търсачк|админк|адмінк|замрел|замерш|замерл|градче|\bвесит|\bважыць|\bспіса\b", re.I
)
AMBIGUOUS_YO = {"все"}  # "все" (all) and "всё" (everything) are both words.


def glossary_faults(code, entries):
    """(fault, msgid) for each fuzzy entry, and each translation that breaks the glossary."""
    faults = [("fuzzy", entry.msgid) for entry in entries if entry.fuzzy]
    texts = [
        (entry.msgid, text)
        for entry in entries
        for text in (entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr])
    ]
    with_yo = {word.lower() for _msgid, text in texts for word in re.findall(r"\w*ё\w*", text)}
    for msgid, text in texts:
        after = rf"(?<![\w-])(?:{GOVERNING.get(code, '$^')})\s+[«„\"]?%\((\w+)\)"
        faults += [("case", msgid) for name in re.findall(after, text, re.I) if name not in NUMBERS]
        faults += [(f"variant {found}", msgid) for found in VARIANTS.findall(text)]
        for word in re.findall(r"\w+", text.lower()) if code == "ru" else []:
            spelt = {
                word[:i] + "ё" + word[i + 1 :] for i, letter in enumerate(word) if letter == "е"
            }
            if spelt & with_yo and word not in AMBIGUOUS_YO:
                faults.append((f"ё in {word}", msgid))
        if code == "be" and re.search(r"\w['ʼ‘`]\w", text):
            faults.append(("apostrophe", msgid))
    return faults


@pytest.mark.parametrize(
    "path", sorted(LOCALE.glob("**/django*.po")), ids=lambda path: str(path.relative_to(LOCALE))
)
def test_catalogues_follow_the_glossary(path):
    assert glossary_faults(path.parent.parent.name, polib.pofile(str(path))) == []


def test_the_glossary_check_finds_each_fault():
    def entry(msgstr, flags=()):
        return polib.POEntry(msgid=msgstr, msgstr=msgstr, flags=list(flags))

    ru = [
        entry("Соглашение между %(mission)s и %(host)s"),
        entry("Уже имеется (подписано в %(year)s)"),
        entry("Партнеров"),
        entry("Поиск партнёров"),
        entry("Все визиты"),
        entry("Всё"),
        entry("Опубликуйте в админке", flags=["fuzzy"]),
    ]
    assert sorted(fault for fault, _msgid in glossary_faults("ru", ru)) == [
        "case",
        "fuzzy",
        "variant админк",
        "ё in партнеров",
    ]
    be = [entry("Запіс з'явіцца"), entry("са спіса"), entry("Файл важыць"), entry("для %(place)s")]
    assert [fault for fault, _msgid in glossary_faults("be", be)] == [
        "apostrophe",
        "variant спіса",
        "variant важыць",
        "case",
    ]
    bg = [entry("в търсачката"), entry("градче"), entry("само замрелите")]
    assert len(glossary_faults("bg", bg)) == 3


@pytest.mark.django_db
def test_django_speaks_the_official_spelling_through_the_overrides(client):
    """locale/overrides/ holds Django's own messages in each language's official spelling."""
    response = client.get("/api/visits/?kind=alliance&lang=be")
    assert response.json()["kind"] == [
        "Выберыце правільны варыянт. Значэння alliance няма сярод даступных."
    ]


@pytest.mark.django_db
def test_pages_name_the_embassy_officially_and_each_language_in_itself(client):
    page = client.get("/ru/").content.decode()
    assert "Посольство Республики Беларусь в Республике Болгария</a>" in page
    for name in ("Български", "Русский", "Беларуская", "English"):
        assert f">{name}</" in page
