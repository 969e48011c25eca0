"""Each term of locale/GLOSSARY.md with the catalogue entries that use it (msgid and count), for
a native reader to review the wording: `manage.py glossary [--language ru]`."""

import re
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

LANGUAGES = ("bg", "ru", "be")  # the glossary's columns after the English one


def pattern(phrase):
    """The phrase in any of its forms: each word of five letters or more by its stem."""
    words = re.findall(r"\w+", phrase)
    stems = [w[: max(5, len(w) - 2)] + r"\w*" if len(w) > 4 else w + r"\b" for w in words]
    return re.compile(r"\b" + r"\W+".join(stems), re.I)


class Command(BaseCommand):
    help = "Lists each term of locale/GLOSSARY.md with the catalogue entries that use it."

    def add_arguments(self, parser):
        parser.add_argument("--language", choices=LANGUAGES, help="Only this language.")

    def handle(self, *args, language=None, **options):
        locale = Path(settings.BASE_DIR) / "locale"
        catalogues = {
            code: polib.pofile(str(locale / code / "LC_MESSAGES" / "django.po"))
            for code in ([language] if language else LANGUAGES)
        }
        for line in (locale / "GLOSSARY.md").read_text(encoding="utf-8").splitlines():
            term, *cells = line.strip("| ").split(" | ")
            if len(cells) != 3 or cells[0] == "Bulgarian":  # not a term, or the tables' heads
                continue
            self.stdout.write(term)
            for code, cell in zip(LANGUAGES, cells, strict=True):
                for phrase in re.split(r",\s*", cell.split(" (")[0]) if code in catalogues else []:
                    found = pattern(phrase)
                    msgids = [
                        entry.msgid
                        for entry in catalogues[code]
                        if found.search(" ".join([entry.msgstr, *entry.msgstr_plural.values()]))
                    ]
                    self.stdout.write(f"  {code} {phrase}: {len(msgids)}")
                    for msgid in msgids:
                        self.stdout.write(f"      {msgid}")
