"""manage.py glossary: each term of locale/GLOSSARY.md with the entries that use it."""

import io
import re

from django.core.management import call_command


def test_each_term_comes_with_the_entries_that_use_it_and_their_count():
    out = io.StringIO()
    call_command("glossary", "--language", "ru", stdout=out)
    term = out.getvalue().split("the partner search (the board, as a section of the site)\n")[1]
    count, listed = re.match(
        r"  ru раздел «Поиск партнёров»: (\d+)\n((?:      .*\n)*)", term
    ).groups()
    msgids = listed.splitlines()
    assert int(count) == len(msgids) > 5
    assert "      Withdraw the request" not in msgids
    assert (
        "      Requests on the partner search board of the Embassy of Belarus in Bulgaria."
        in msgids
    )
    assert "  bg " not in out.getvalue()
