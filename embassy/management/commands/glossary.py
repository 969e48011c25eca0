"""Each term of locale/GLOSSARY.md with the catalogue entries that use it, for a native reader
to review the wording: `manage.py glossary [--language ru]`."""

import re
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

LANGUAGES = ("bg", "ru", "be")  # the glossary's columns after the English one


def terms(text):
    """(English term, {language: [phrases]}) for each row of the glossary's tables of terms."""
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in ("English (msgid)", "---"):
            yield (
                cells[0],
                {
                    code: [phrase for phrase in re.split(r",\s*", cell.split(" (")[0]) if phrase]
                    for code, cell in zip(LANGUAGES, cells[1:], strict=True)
                },
            )


def pattern(phrase):
    """The phrase in any of its grammatical forms: each longer word by its stem."""
    words = re.findall(r"\w+", phrase)
    stems = (
        word[: max(5, len(word) - 2)] + r"\w*" if len(word) > 4 else word + r"\b" for word in words
    )
    return re.compile(r"\b" + r"\W+".join(stems), re.I)


class Command(BaseCommand):
    help = "Lists each term of locale/GLOSSARY.md with the catalogue entries that use it."

    def add_arguments(self, parser):
        parser.add_argument("--language", choices=LANGUAGES)

    def handle(self, *args, language=None, **options):
        locale = Path(settings.BASE_DIR) / "locale"
        catalogues = {
            code: polib.pofile(str(locale / code / "LC_MESSAGES" / "django.po"))
            for code in ([language] if language else LANGUAGES)
        }
        for term, phrases in terms((locale / "GLOSSARY.md").read_text(encoding="utf-8")):
            self.stdout.write(term)
            for code, entries in catalogues.items():
                for phrase in phrases[code]:
                    found = pattern(phrase)
                    msgids = [
                        entry.msgid
                        for entry in entries
                        if found.search(" ".join([entry.msgstr, *entry.msgstr_plural.values()]))
                    ]
                    self.stdout.write(f"  {code} {phrase}: {len(msgids)}")
                    for msgid in msgids:
                        self.stdout.write(f"      {msgid}")
