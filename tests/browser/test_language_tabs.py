"""A staff member edits a visit's texts language by language, under the admin's language tabs."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_staff import log_in
from tests.factories import VisitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_switch_tabs_type_in_two_editors_and_save_all_four_languages(
    page, site, django_user_model
):
    visit = VisitFactory(
        status="draft",
        title_bg="Среща в Габрово",
        body_bg="<p>Текст на български.</p>",
        body_ru="<p>Текст по-русски.</p>",
    )
    console = []
    page.on("console", lambda message: console.append(message.text))
    log_in(page, site, django_user_model)
    page.goto(f"{site.url}/admin/cooperation/visit/{visit.pk}/change/")

    body_tabs = page.get_by_role("tablist", name="Languages of “Text”")
    expect(body_tabs.get_by_role("tab")).to_have_count(4)
    bulgarian = body_tabs.get_by_role("tab", name="Bulgarian", exact=True)
    expect(bulgarian).to_have_attribute("aria-selected", "true")
    expect(page.locator(".field-body_bg")).to_be_visible()
    for code in ("ru", "be", "en"):
        expect(page.locator(f".field-body_{code}")).to_be_hidden()
    expect(body_tabs.get_by_role("tab", name="Russian", exact=True)).to_be_visible()
    belarusian = body_tabs.get_by_role("tab", name=re.compile(r"^Belarusian"))
    expect(belarusian).to_have_text("Belarusian (empty)")

    belarusian.click()
    expect(page.locator(".field-body_be")).to_be_visible()
    expect(page.locator(".field-body_bg")).to_be_hidden()
    page.frame_locator("#id_body_be_ifr").locator("body").click()
    page.keyboard.type("Тэкст па-беларуску.")
    expect(belarusian).to_have_text("Belarusian")

    # The keyboard moves between the tabs: the next one is English, still empty.
    belarusian.focus()
    page.keyboard.press("ArrowRight")
    english = body_tabs.get_by_role("tab", name=re.compile(r"^English"))
    expect(english).to_be_focused()
    expect(english).to_have_attribute("aria-selected", "true")
    expect(english).to_have_text("English (empty)")
    page.frame_locator("#id_body_en_ifr").locator("body").click()
    page.keyboard.type("Text in English.")
    expect(english).to_have_text("English")

    # A plain text area's tab follows what is typed too.
    summary_tabs = page.get_by_role("tablist", name="Languages of “Summary”")
    summary_bulgarian = summary_tabs.get_by_role("tab", name=re.compile(r"^Bulgarian"))
    expect(summary_bulgarian).to_have_text("Bulgarian (empty)")
    page.locator("textarea[name=summary_bg]").fill("Кратко резюме.")
    expect(summary_bulgarian).to_have_text("Bulgarian")

    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_contain_text("was changed successfully")
    visit.refresh_from_db()
    assert "Текст на български." in visit.body_bg
    assert "Текст по-русски." in visit.body_ru
    assert "Тэкст па-беларуску." in visit.body_be
    assert "Text in English." in visit.body_en
    assert visit.summary_bg == "Кратко резюме."
    # Nothing the page runs was refused by the Content-Security-Policy.
    assert not [text for text in console if "Content Security Policy" in text]
