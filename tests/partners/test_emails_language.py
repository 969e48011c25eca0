"""The partner search e-mails read correctly whatever the region: its name stays as stored (in the
nominative), and no word around it agrees with its gender, in Bulgarian, Russian and Belarusian."""

import pytest
from django.core import mail

from cooperation.models import Region
from partners.emails import forward_answer, send_receipt
from partners.models import PartnerRequest, request_confirmed
from tests.factories import PartnerRequestFactory, RegionFactory

pytestmark = pytest.mark.django_db

# A region of each gender in each country: (country, kind, its names in bg, ru, be).
REGIONS = [
    (
        "BY",
        Region.Kind.OBLAST,
        {"bg": "Брестска област", "ru": "Брестская область", "be": "Брэсцкая вобласць"},
    ),
    (
        "BY",
        Region.Kind.DISTRICT,
        {"bg": "Кобрински район", "ru": "Кобринский район", "be": "Кобрынскі раён"},
    ),
    (
        "BG",
        Region.Kind.OBLAST,
        {
            "bg": "област Стара Загора",
            "ru": "Старозагорская область",
            "be": "вобласць Стара-Загора",
        },
    ),
    ("BG", Region.Kind.MUNICIPALITY, {"bg": "Габрово", "ru": "Габрово", "be": "Габрава"}),
]
COUNTRY_BG = {"BY": "Беларус", "BG": "България"}
# What the writer reads: the receipt's subject and sentence, the answer's subject and first line.
RECEIPT = {
    "bg": (
        "Вашата заявка за партньорство за {place} е получена",
        "Посолството на Република Беларус в Република България получи Вашата заявка за"
        " партньорство за {place}.",
    ),
    "ru": (
        "Ваш запрос о партнёрах ({place}) получен",
        "Посольство Республики Беларусь в Республике Болгария получило Ваш запрос о партнёрах"
        " ({place}).",
    ),
    "be": (
        "Ваш запыт пра партнёраў ({place}) атрыманы",
        "Пасольства Рэспублікі Беларусь у Рэспубліцы Балгарыя атрымала Ваш запыт пра партнёраў"
        " ({place}).",
    ),
}
ANSWER = {
    "bg": (
        "Отговор на Вашата заявка за партньорство за {place}",
        "{name} отговаря на Вашата заявка за партньорство за {place} в рубриката „Търсене на"
        " партньори“ на сайта на Посолството на Република Беларус в Република България:",
    ),
    "ru": (
        "Ответ на Ваш запрос о партнёрах ({place})",
        "{name} отвечает на Ваш запрос о партнёрах ({place}) в разделе «Поиск партнёров» на сайте"
        " Посольства Республики Беларусь в Республике Болгария:",
    ),
    "be": (
        "Адказ на Ваш запыт пра партнёраў ({place})",
        "{name} адказвае на Ваш запыт пра партнёраў ({place}) у раздзеле «Пошук партнёраў» на"
        " сайце Пасольства Рэспублікі Беларусь у Рэспубліцы Балгарыя:",
    ),
}
SIGNATURE = {
    "bg": "Посолство на Република Беларус в Република България",
    "ru": "Посольство Республики Беларусь в Республике Болгария",
    "be": "Пасольства Рэспублікі Беларусь у Рэспубліцы Балгарыя",
}


def one_line(text):
    return " ".join(text.split())


@pytest.mark.parametrize("language", ["bg", "ru", "be"])
@pytest.mark.parametrize(("country", "kind", "names"), REGIONS)
def test_the_partner_emails_read_correctly_for_every_region(
    settings, language, country, kind, names
):
    settings.COOPERATION_PARTNER_NOTIFY_EMAILS = ["staff@embassy.example"]
    region = RegionFactory(
        country=country, kind=kind, name_bg=names["bg"], name_ru=names["ru"], name_be=names["be"]
    )
    partner_request = PartnerRequestFactory(country=country, region=region, language=language)
    place = names[language]

    send_receipt(partner_request)
    request_confirmed.send(PartnerRequest, partner_request=partner_request)
    receipt, notice = mail.outbox
    subject, sentence = RECEIPT[language]
    assert receipt.subject == subject.format(place=place)
    assert sentence.format(place=place) in one_line(receipt.body)
    assert receipt.body.rstrip().endswith(SIGNATURE[language])
    # The staff's notice, in the site's language (Bulgarian).
    country_name = COUNTRY_BG[country]
    assert notice.subject == f"Нова заявка за партньорство: {names['bg']} ({country_name})"
    assert f"Получена е нова заявка за партньорство от {names['bg']} ({country_name})." in (
        notice.body
    )

    answer = {"name": "Гомел, отдел образования", "email": "a@gomel.example", "message": "Да."}
    forward_answer(partner_request, answer)
    subject, sentence = ANSWER[language]
    assert mail.outbox[2].subject == subject.format(place=place)
    assert one_line(mail.outbox[2].body).startswith(
        sentence.format(name=answer["name"], place=place)
    )
