"""The board's forms: the check for links sees a text as a reader does, and an e-mail address
that could break a mail's header is refused."""

import pytest

from partners.forms import AnswerForm


def answer(**changes):
    data = {"name": "Гомел", "email": "answer@gomel.example", "message": "Здравствуйте."}
    return AnswerForm({**data, **changes})


@pytest.mark.parametrize(
    "text",
    [
        "Пишете ни: example。com",
        "Пишете ни: example．com",
        "Сайтът: https：//example",
        "Сайтът: exam\u200bple.c\u200bom",
        "Сайтът: example.c\u00adom",
        "Сайтът: www\u2060.example",
        "Сайтът: пример.рф",
        "Сайтът: ПРИМЕР.РФ",
        "Сайтът: xn--e1afmkfd.xn--p1ai",
        "Сайтът: sopot.соm",  # Cyrillic "с" and "о"
        "Сайтът: httр://sopot",  # a Cyrillic "р"
        "Сайтът: ЕVIL.СОМ",  # Cyrillic capitals
        "Вижте [тук](//evil.example)",
        "Сайтът: evil.pl",
        "Сайтът: EVIL.PL",
        "Пишете: sopot＠abv.bg",
    ],
)
def test_a_link_hidden_from_the_check_but_not_from_the_reader_is_refused(text):
    form = answer(message=text)
    assert not form.is_valid()
    assert form.errors["message"][0].startswith("Не оставяйте уеб и имейл адреси")


@pytest.mark.parametrize(
    "text",
    [
        "Търсим партньор, т.е. община или град, напр. в гр.Брест или гр.Русе, и т.н.",
        "Ищем партнёра, т.е. район, e.g. for youth, i.e. sport; 3.5 млн. жители, 10.30 ч.",
        "Meet Mr. Smith of the U.S.A. at 9 a.m., Ph.D. students etc. and No. 5.",
        "Програмата на ЕС, т.е. Interreg, и ст.н.с. Иванов.",
    ],
)
def test_ordinary_prose_with_dots_is_not_taken_for_a_link(text):
    assert answer(message=text).is_valid(), text


@pytest.mark.parametrize(
    "address",
    [
        '"x\x0bX-Injected:yes"@example.org',
        '"x\x0b\x0bINJECTED-BODY-LINE"@example.org',
        '"x\x1cy"@example.org',
        '"john smith"@example.org',
    ],
)
def test_an_address_that_could_break_a_mail_header_is_refused(address):
    form = answer(email=address)
    assert not form.is_valid()
    assert form.errors["email"] == ["Въведете валиден имейл адрес."]
