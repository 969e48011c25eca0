"""
The partner search board as visitors use it: posting a request, answering one, withdrawing
one; and as abusers try it. No page, feed, sitemap or API answer ever shows a writer's contact.
"""

import datetime
import re

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone, translation

from partners.models import CONFIRMATION_DAYS, WITHDRAWAL_SALT, PartnerRequest
from tests.factories import MunicipalityFactory, PartnerRequestFactory, TownFactory

pytestmark = pytest.mark.django_db

BOARD = "/bg/cooperation/partners/"
NEW = "/bg/cooperation/partners/new/"


@pytest.fixture(autouse=True)
def staff_notified(settings):
    settings.COOPERATION_PARTNER_NOTIFY_EMAILS = ["press@embassy.example"]


@pytest.fixture
def municipality():
    return MunicipalityFactory(name_bg="Община Сопот", name_en="Sopot Municipality")


def request_data(municipality, **changes):
    return {
        "region": municipality.pk,
        "region_name": "",
        "interests": ["culture", "youth"],
        "description": "Търсим побратимен град в Беларус за младежки обмен.",
        "contact_name": "Мария Иванова",
        "contact_email": "maria@sopot.example",
        "consent": "on",
        "website": "",
        **changes,
    }


def post_request(client, municipality, language="bg", **changes):
    return client.post(
        f"/{language}/cooperation/partners/new/?country=BG", request_data(municipality, **changes)
    )


def answer_data(**changes):
    return {
        "name": "Гомел, отдел образования",
        "email": "answer@gomel.example",
        "message": "Мы будем рады сотрудничеству в области молодёжного обмена.",
        "website": "",
        **changes,
    }


def text_of(response):
    return response.content.decode()


# Posting a request


def test_the_form_first_asks_for_the_country_then_offers_its_regions(client, municipality):
    town = TownFactory()
    page = text_of(client.get(NEW))
    assert 'href="?country=BY"' in page and 'href="?country=BG"' in page
    page = text_of(client.get(NEW, {"country": "BG"}))
    assert f'<option value="{municipality.pk}">Община Сопот, {municipality.parent}</option>' in page
    assert f'value="{town.pk}"' not in page and f'value="{town.parent.pk}"' not in page
    assert 'name="website"' in page  # the honeypot, hidden by the style sheet


def confirmation_link(receipt):
    return re.search(r"http://testserver(/\w\w/cooperation/partners/confirm/\S+/)", receipt.body)[1]


def test_a_posted_request_stays_private_until_published_and_its_writer_gets_a_receipt(
    client, municipality, staff_client
):
    response = post_request(client, municipality)
    assert (response.status_code, response["Location"]) == (302, BOARD)
    partner_request = PartnerRequest.objects.get(contact_email="maria@sopot.example")
    assert partner_request.status == PartnerRequest.Status.DRAFT
    assert (partner_request.country, partner_request.language) == ("BG", "bg")
    assert partner_request.interests == ["culture", "youth"]
    assert "Община Сопот" not in text_of(client.get(BOARD))
    assert client.get(partner_request.get_absolute_url()).status_code == 404

    (receipt,) = mail.outbox
    assert receipt.to == ["maria@sopot.example"]
    assert "Община Сопот" in receipt.subject
    assert "/bg/cooperation/partners/withdraw/" in receipt.body
    # Shown nowhere, staff included, until its writer opens the receipt's link.
    admin_list = staff_client.get("/admin/partners/partnerrequest/").context["cl"].result_list
    assert partner_request not in admin_list
    assert staff_client.get(partner_request.get_absolute_url()).status_code == 404

    response = client.get(confirmation_link(receipt))
    assert (response.status_code, response["Location"]) == (302, BOARD)
    partner_request.refresh_from_db()
    assert partner_request.confirmed_at and partner_request.status == "draft"
    assert (
        partner_request
        in staff_client.get("/admin/partners/partnerrequest/").context["cl"].result_list
    )
    (notice,) = [message for message in mail.outbox if message.to == ["press@embassy.example"]]
    assert f"/admin/partners/partnerrequest/{partner_request.pk}/change/" in notice.body
    assert "maria@sopot.example" not in notice.body
    # Opened again, the link sends nothing more.
    sent = len(mail.outbox)
    client.get(confirmation_link(receipt))
    assert len(mail.outbox) == sent


def test_the_writer_is_told_to_confirm_the_request_then_that_it_is_confirmed(client, municipality):
    posted = post_request(client, municipality, language="en")
    told = text_of(client.get(posted["Location"]))
    assert "We have sent you an e-mail: open the link in it to confirm your request." in told
    (receipt,) = mail.outbox
    assert "open this link within 3 days" in receipt.body
    confirmed = client.get(confirmation_link(receipt))
    assert "Thank you: your request is confirmed." in text_of(client.get(confirmed["Location"]))


def test_a_request_keeps_its_writers_language(client, municipality):
    post_request(client, municipality, language="ru", description="Ищем партнёров в спорте.")
    partner_request = PartnerRequest.objects.get(contact_email="maria@sopot.example")
    assert partner_request.language == "ru"
    assert "Ваш запрос" in mail.outbox[0].subject


def test_a_region_missing_from_the_list_is_written_in(client, municipality):
    post_request(client, municipality, region="", region_name="Кметство  Гълъбово\n")
    partner_request = PartnerRequest.objects.get(contact_email="maria@sopot.example")
    assert (partner_request.region, partner_request.region_name) == (None, "Кметство Гълъбово")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"region": "", "region_name": ""}, "region"),
        ({"interests": []}, "interests"),
        ({"interests": ["astrology"]}, "interests"),
        ({"description": ""}, "description"),
        ({"description": "а" * 2001}, "description"),
        # A long run of letters, read once by the check for links: refused at once.
        ({"description": "a" * 150_000}, "description"),
        ({"description": "a." * 75_000}, "description"),
        ({"contact_name": "М" * 151}, "contact_name"),
        ({"contact_email": "not an address"}, "contact_email"),
        ({"consent": ""}, "consent"),
        ({"region": "abc"}, "region"),
    ],
)
def test_bad_input_gets_a_form_error_and_nothing_is_kept_or_sent(
    client, municipality, changes, field
):
    response = post_request(client, municipality, **changes)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert 'class="field-error"' in text_of(response)
    assert not PartnerRequest.objects.filter(contact_email="maria@sopot.example").exists()
    assert mail.outbox == []


def test_a_region_of_the_other_country_is_refused(client, municipality):
    response = post_request(client, municipality, region=TownFactory(kind="district").pk)
    assert response.context["form"].errors["region"]


def test_an_unknown_country_is_asked_again_never_a_server_error(client, municipality):
    response = client.post(f"{NEW}?country=DE", request_data(municipality))
    assert response.status_code == 400
    assert 'href="?country=BG"' in text_of(response)


@pytest.mark.parametrize(
    "text",
    [
        "Пишете ни на http://sopot.example",
        "Вижте www.sopot-bg.com",
        "Сайтът ни е sopot.bg",
        "Пишете на maria@abv.bg",
        "HTTPS://SOPOT.EXAMPLE",
        "Търсим " + "много " * 300 + "вж. sopot-obshtina.bg",
    ],
)
def test_links_and_addresses_are_refused_in_the_text(client, municipality, text):
    response = post_request(client, municipality, description=text)
    assert response.context["form"].errors["description"] == [
        "Не оставяйте уеб и имейл адреси: отговорите стигат до автора през този сайт."
    ]


def test_ordinary_text_with_dots_is_not_taken_for_a_link(client, municipality):
    text = "Търсим партньор, напр. в гр.Брест или т.н. — вж. по-долу. 3.5 млн. жители."
    assert post_request(client, municipality, description=text).status_code == 302


def test_errors_speak_the_visitors_language(client, municipality):
    response = post_request(client, municipality, language="ru", description="см. www.x.ru")
    assert response.context["form"].errors["description"] == [
        "Не указывайте веб-адреса и адреса электронной почты: ответы доходят до автора через "
        "этот сайт."
    ]
    response = post_request(client, municipality, language="en", consent="")
    assert "Without your consent the request cannot be kept." in text_of(response)


def test_the_form_never_echoes_html(client, municipality):
    response = post_request(
        client,
        municipality,
        description='<script>alert("x")</script> www.evil.example',
        contact_name="<b>Мария</b>",
    )
    page = text_of(response)
    assert '<script>alert("x")</script>' not in page and "<b>Мария</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;Мария&lt;/b&gt;" in page


def test_a_filled_honeypot_is_refused(client, municipality):
    response = post_request(client, municipality, website="http://spam.example")
    assert response.context["form"].errors["website"]
    assert not PartnerRequest.objects.filter(contact_email="maria@sopot.example").exists()
    assert mail.outbox == []


def test_posting_needs_the_csrf_token(municipality):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(f"{NEW}?country=BG", request_data(municipality))
    assert response.status_code == 403
    assert not PartnerRequest.objects.filter(contact_email="maria@sopot.example").exists()


def test_an_address_may_post_only_so_often_in_an_hour(client, municipality, settings):
    settings.COOPERATION_PARTNER_POSTS_PER_HOUR = 2
    for number in range(2):
        assert post_request(client, municipality, contact_name=f"Мария {number}").status_code == 302
    response = post_request(client, municipality, contact_name="Мария 3")
    assert response.status_code == 429
    assert "Твърде много съобщения" in text_of(response)
    assert PartnerRequest.objects.filter(contact_email="maria@sopot.example").count() == 2
    # Another address still may.
    other = client.post(f"{NEW}?country=BG", request_data(municipality), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(client, municipality, settings):
    settings.COOPERATION_PARTNER_POSTS_PER_HOUR = 1
    settings.BEHIND_PROXY = True
    url, data = f"{NEW}?country=BG", request_data(municipality)
    first = client.post(url, data, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5")
    assert first.status_code == 302
    # A forged first address does not make another visitor.
    again = client.post(url, data, HTTP_X_FORWARDED_FOR="198.51.100.2, 203.0.113.5")
    assert again.status_code == 429
    elsewhere = client.post(url, data, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert elsewhere.status_code == 302


# The board and a request's page


def test_the_board_lists_published_requests_by_country_and_field(client):
    sport = PartnerRequestFactory(interests=["sport"], description="Търсим спортен партньор.")
    by_request = PartnerRequestFactory(
        country="BY",
        region=TownFactory(kind="district", name_bg="Пинский район"),
        interests=["culture"],
        language="ru",
        description="Ищем партнёра в культуре.",
    )
    draft = PartnerRequestFactory(status="draft", description="Чернова на заявка.")
    page = text_of(client.get(BOARD))
    assert "Търсим спортен партньор." in page and "Ищем партнёра в культуре." in page
    assert "Чернова на заявка." not in page
    assert page.index("Пинский район") < page.index(str(sport.region))  # Belarus first
    assert '<blockquote lang="ru">' in page
    page = text_of(client.get(BOARD, {"interest": "sport"}))
    assert "Търсим спортен партньор." in page and "Ищем партнёра в культуре." not in page
    page = text_of(client.get(BOARD, {"country": "BY"}))
    assert "Търсим спортен партньор." not in page and "Ищем партнёра в культуре." in page
    assert draft.description not in page and by_request.contact_email not in page


def test_no_contact_detail_is_shown_anywhere_public(client):
    partner_request = PartnerRequestFactory(
        contact_name="Здравка Неповторимова", contact_email="zdravka.unique@sopot.example"
    )
    public = [
        BOARD,
        f"/en{BOARD[3:]}",
        partner_request.get_absolute_url(),
        "/bg/cooperation/partners/feed/rss/",
        "/en/cooperation/partners/feed/atom/",
        "/sitemap.xml",
        "/api/",
        "/api/regions/?page_size=500",
        f"/api/regions/{partner_request.region.slug}/",
    ]
    for url in public:
        response = client.get(url)
        assert response.status_code == 200, url
        body = text_of(response)
        assert "zdravka" not in body.lower() and "Неповторимова" not in body, url
    feed = text_of(client.get("/bg/cooperation/partners/feed/rss/"))
    assert f"/bg/cooperation/partners/{partner_request.pk}/" in feed


def test_a_draft_is_private_but_staff_may_preview_it_without_the_form(client, staff_client):
    draft = PartnerRequestFactory(status="draft")
    assert client.get(draft.get_absolute_url()).status_code == 404
    page = text_of(staff_client.get(draft.get_absolute_url()))
    assert 'class="draft-banner"' in page
    assert 'name="message"' not in page


def test_a_closed_request_says_so_and_takes_no_answer(client):
    closed = PartnerRequestFactory(closed_at="2026-01-10T10:00Z", closed_reason="partner_found")
    page = text_of(client.get(f"/en/cooperation/partners/{closed.pk}/"))
    assert "This request is closed: a partner was found." in page
    assert 'name="message"' not in page
    assert client.post(closed.get_absolute_url(), answer_data()).status_code == 404


# Answering a request


def test_an_answer_reaches_the_writers_inbox_in_the_writers_language(client):
    partner_request = PartnerRequestFactory(language="ru", contact_email="writer@pinsk.example")
    page = f"/bg/cooperation/partners/{partner_request.pk}/"
    response = client.post(page, answer_data())
    assert (response.status_code, response["Location"]) == (302, page)
    (answer,) = mail.outbox
    assert answer.to == ["writer@pinsk.example"]
    assert answer.reply_to == ["answer@gomel.example"]
    assert answer.subject.startswith("Ответ на Ваш запрос")
    assert "Мы будем рады сотрудничеству" in answer.body
    assert "Гомел, отдел образования" in answer.body
    assert "/ru/cooperation/partners/withdraw/" in answer.body
    followed = client.get(response["Location"])
    assert "Вашето съобщение е изпратено." in text_of(followed)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"message": ""}, "message"),
        ({"message": "я" * 2001}, "message"),
        ({"message": "M" * 100_000}, "message"),
        ({"message": "Пишите на info@gomel.by"}, "message"),
        ({"name": "www.gomel.by"}, "name"),
        ({"email": "gomel"}, "email"),
        ({"website": "x"}, "website"),
    ],
)
def test_a_bad_answer_gets_a_form_error_and_nothing_is_sent(client, changes, field):
    partner_request = PartnerRequestFactory()
    response = client.post(partner_request.get_absolute_url(), answer_data(**changes))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert mail.outbox == []


def test_answers_count_against_the_same_hourly_allowance(client, settings):
    settings.COOPERATION_PARTNER_POSTS_PER_HOUR = 1
    partner_request = PartnerRequestFactory()
    assert client.post(partner_request.get_absolute_url(), answer_data()).status_code == 302
    response = client.post(partner_request.get_absolute_url(), answer_data())
    assert response.status_code == 429
    assert len(mail.outbox) == 1


def test_a_mail_server_that_fails_gives_a_form_error_not_a_server_error(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    partner_request = PartnerRequestFactory()
    response = client.post(f"/en/cooperation/partners/{partner_request.pk}/", answer_data())
    assert response.status_code == 200
    assert "Your message could not be sent just now." in text_of(response)


def test_a_new_request_whose_receipt_cannot_be_sent_is_not_kept_and_the_visitor_is_told(
    client, municipality, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    response = post_request(client, municipality, language="en")
    assert response.status_code == 200
    page = text_of(response)
    assert "The e-mail that confirms your request could not be sent just now" in page
    assert "We have sent you an e-mail" not in page
    assert "Мария Иванова" in page and "maria@sopot.example" in page  # what was typed is kept
    assert not PartnerRequest.objects.exists()


def test_a_confirmation_link_of_no_open_request_is_not_found(client):
    partner_request = PartnerRequestFactory(confirmed_at=None, status="draft")
    with translation.override("bg"):
        token = partner_request.withdrawal_token()
    assert client.get(f"/bg/cooperation/partners/confirm/{token}x/").status_code == 404
    partner_request.withdraw()
    assert client.get(f"/bg/cooperation/partners/confirm/{token}/").status_code == 404
    partner_request.refresh_from_db()
    assert partner_request.confirmed_at is None and mail.outbox == []


def test_a_confirmation_link_works_for_the_days_the_email_gives_and_only_for_our_requests(
    client,
):
    late = PartnerRequestFactory(
        confirmed_at=None,
        created_at=timezone.now() - datetime.timedelta(days=CONFIRMATION_DAYS, hours=1),
    )
    assert (
        client.get(f"/bg/cooperation/partners/confirm/{late.withdrawal_token()}/").status_code
        == 404
    )
    late.refresh_from_db()
    assert late.confirmed_at is None
    signed_text = signing.dumps("1 OR 1=1", salt=WITHDRAWAL_SALT)
    for view in ("confirm", "withdraw"):
        assert client.get(f"/bg/cooperation/partners/{view}/{signed_text}/").status_code == 404


def test_an_address_that_could_break_a_mail_header_is_refused_in_the_visitors_language(
    client, municipality
):
    address = '"x\x0bX-Injected:yes"@example.org'
    response = post_request(client, municipality, language="ru", contact_email=address)
    assert response.context["form"].errors["contact_email"] == [
        "Введите правильный адрес электронной почты."
    ]
    partner_request = PartnerRequestFactory()
    response = client.post(
        f"/ru{partner_request.get_absolute_url()[3:]}", answer_data(email=address)
    )
    assert response.context["form"].errors["email"] == [
        "Введите правильный адрес электронной почты."
    ]
    assert PartnerRequest.objects.count() == 1 and mail.outbox == []


def test_an_answer_to_a_request_without_its_writers_address_is_refused_with_the_reason(client):
    partner_request = PartnerRequestFactory()
    page = f"/en/cooperation/partners/{partner_request.pk}/"
    assert 'name="message"' in text_of(client.get(page))
    PartnerRequest.objects.filter(pk=partner_request.pk).update(contact_name="", contact_email="")
    response = client.post(page, answer_data())
    assert response.status_code == 404
    assert "its writer's contact details have been deleted" in text_of(response)
    assert "has been sent" not in text_of(response) and mail.outbox == []
    assert 'name="message"' not in text_of(client.get(page))


# Withdrawing a request


def test_the_writer_withdraws_the_request_with_the_link_from_the_receipt(client, municipality):
    post_request(client, municipality)
    partner_request = PartnerRequest.objects.get(contact_email="maria@sopot.example")
    partner_request.status = PartnerRequest.Status.PUBLISHED
    partner_request.save()
    link = re.search(
        r"http://testserver(/bg/cooperation/partners/withdraw/\S+/)", mail.outbox[0].body
    )
    page = text_of(client.get(link.group(1)))
    assert "Община Сопот" in page and 'type="submit"' in page
    partner_request.refresh_from_db()
    assert partner_request.is_open  # Opening the link changes nothing.
    response = client.post(link.group(1))
    assert (response.status_code, response["Location"]) == (302, BOARD)
    partner_request.refresh_from_db()
    assert partner_request.closed_reason == PartnerRequest.ClosedReason.WITHDRAWN
    assert partner_request.contact_email == ""
    assert "Община Сопот" not in text_of(client.get(BOARD))


def test_a_forged_withdrawal_link_is_not_found(client):
    partner_request = PartnerRequestFactory()
    with translation.override("bg"):
        token = partner_request.withdrawal_token()
    assert client.get(f"/bg/cooperation/partners/withdraw/{token}x/").status_code == 404
    assert (
        client.post(f"/bg/cooperation/partners/withdraw/{partner_request.pk}/").status_code == 404
    )
    partner_request.refresh_from_db()
    assert partner_request.is_open


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "OPTIONS"])
def test_the_forms_answer_other_methods_than_get_and_post_with_405(method):
    partner_request = PartnerRequestFactory()
    browser = Client(enforce_csrf_checks=True)
    for url in (f"{NEW}?country=BG", f"/bg/cooperation/partners/{partner_request.pk}/"):
        response = browser.generic(method, url)
        assert (response.status_code, response["Allow"]) == (405, "GET, HEAD, POST")
    partner_request.refresh_from_db()
    assert partner_request.is_open
