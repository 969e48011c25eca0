"""
A visitor goes from the map to a partnership's page; a town posts a request for partners, staff
publish it, and it appears on the board without its writer's contact details; an answer reaches
the writer's inbox.
"""

import re

import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from cooperation.models import Region
from partners.models import PartnerRequest

from .test_staff import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESCRIPTION = "We are looking for a twin town in Belarus for youth exchanges and sport."


def test_a_visitor_follows_a_line_of_the_map_to_the_partnerships_page(page, site):
    page.goto(f"{site.url}/en/cooperation/map/?region=svetlogorsk")
    line = page.locator("svg.agreement-map a.map-line").first
    line.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/cooperation/agreements/\d+-svetlogorsk-[\w-]+/$"))
    expect(page.locator("h1")).to_contain_text("Svetlogorsk")
    expect(page.locator(".agreement-facts")).to_contain_text("Last exchange")


def test_a_request_is_posted_published_by_staff_and_answered_without_showing_its_writer(
    page, site, django_user_model, browser_context
):
    page.goto(f"{site.url}/en/cooperation/partners/")
    page.get_by_role("link", name="Post a request for partners").click()
    page.get_by_role("link", name="A region of Bulgaria").click()
    sozopol = Region.objects.select_related("parent").get(slug="sozopol")
    with translation.override("en"):
        page.locator("select[name=region]").select_option(label=f"{sozopol}, {sozopol.parent}")
    page.get_by_label("youth").check()
    page.get_by_label("sport").check()
    page.locator("textarea[name=description]").fill(DESCRIPTION)
    page.locator("input[name=contact_name]").fill("Elena Georgieva")
    page.locator("input[name=contact_email]").fill("elena@sozopol.example")
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator(".messages")).to_contain_text("open the link in it to confirm your request")
    expect(page.get_by_text(DESCRIPTION)).to_have_count(0)
    partner_request = PartnerRequest.objects.get(contact_email="elena@sozopol.example")
    assert partner_request.status == PartnerRequest.Status.DRAFT
    assert partner_request.language == "en"
    assert mail.outbox[0].to == ["elena@sozopol.example"]
    # The writer confirms it from the receipt; only then do staff see it.
    confirm = re.search(r"(/en/cooperation/partners/confirm/\S+/)", mail.outbox[0].body)[1]
    page.goto(f"{site.url}{confirm}")
    expect(page.locator(".messages")).to_contain_text("Thank you: your request is confirmed.")

    staff = browser_context.new_page()
    log_in(staff, site, django_user_model)
    staff.goto(f"{site.url}/admin/partners/partnerrequest/")
    staff.get_by_role("link", name=re.compile(r"^Sozopol")).first.click()
    expect(staff.locator("input[name=contact_email]")).to_have_value("elena@sozopol.example")
    staff.locator("select[name=status]").select_option(PartnerRequest.Status.PUBLISHED)
    staff.locator("input[name=_save]").click()
    expect(staff.locator(".messagelist .success")).to_contain_text("was changed successfully")

    page.goto(f"{site.url}/en/cooperation/partners/?interest=youth")
    expect(page.get_by_text(DESCRIPTION)).to_be_visible()
    board = page.content()
    assert "elena" not in board.lower() and "Georgieva" not in board

    page.get_by_role("link", name=re.compile(r"^Answer this request")).first.click()
    expect(page.locator("h1")).to_contain_text("Sozopol")
    assert "elena" not in page.content().lower()
    page.locator("input[name=name]").fill("Pinsk district youth committee")
    page.locator("input[name=email]").fill("youth@pinsk.example")
    page.locator("textarea[name=message]").fill("We would be glad to host your young athletes.")
    page.get_by_role("button", name="Send the message").click()
    expect(page.locator(".messages")).to_contain_text("Your message has been sent.")
    answer = mail.outbox[-1]
    assert answer.to == ["elena@sozopol.example"]
    assert answer.reply_to == ["youth@pinsk.example"]
    assert "We would be glad to host your young athletes." in answer.body
