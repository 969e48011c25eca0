"""
The staff member's desk and a screen that fits, in Chromium: an Editor asks for review and a
Publisher finds it on the desk; the main lists and their buttons fit 1280x800 and 1920x1080 in
the four languages; no English word on an admin page in Bulgarian, Russian or Belarusian.
Screenshots of the desk and of the agreements' list at 1280x800 in Bulgarian go to
SCREENSHOT_DIR (bench/screenshots/) as admin-desk-bg-1280.png and admin-agreements-bg-1280.png.
"""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from cooperation.models import TwinningAgreement, Visit
from partners.models import PartnerRequest
from tests.factories import PartnerRequestFactory, StaffFactory

from .conftest import SCREENSHOT_DIR

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("roles"),
]

PASSWORD = "pw-for-browser-tests"
SIZES = [(1280, 800), (1920, 1080)]
LISTS = [
    "cooperation/twinningagreement",
    "cooperation/region",
    "cooperation/visit",
    "cooperation/newsphoto",
    "partners/partnerrequest",
]
# Words in Latin letters that are the same in every language (compared in capitals): formats,
# the language codes of the translated fields' labels, the switcher's "English", ru "e-mail".
ALLOWED = {"PDF", "CSV", "API", "EXCEL", "XLSX", "URL", "ENGLISH", "BG", "RU", "BE", "EN", "MAIL"}


def staff(role=None, **fields):
    user = StaffFactory(password=PASSWORD, first_name="Мария", **fields)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def logged_in(chromium, site, user, language="bg", size=SIZES[0]):
    context = chromium.new_context(viewport={"width": size[0], "height": size[1]}, locale=language)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(f"{site.url}/admin/login/")
    page.locator("input[name=username]").fill(user.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page.locator("#site-name")).to_be_visible()
    return page


def test_an_editor_asks_for_review_and_the_publisher_finds_it_on_the_desk(chromium, site):
    editor, publisher = staff("Editor"), staff("Publisher")
    visit = Visit.objects.order_by("pk").first()
    visit.status = Visit.Status.DRAFT
    visit.save()
    PartnerRequestFactory(status=PartnerRequest.Status.DRAFT)

    page = logged_in(chromium, site, editor)
    page.goto(f"{site.url}/admin/cooperation/visit/{visit.pk}/change/")
    page.locator("input[name=_ready]").click()
    expect(page.locator(".messagelist .success").first).to_be_visible()
    page.goto(f"{site.url}/admin/")
    expect(page.locator("#desk li").first).to_contain_text(str(visit.title_bg))
    page.context.close()

    page = logged_in(chromium, site, publisher)
    desk = page.locator("#desk")
    expect(desk.locator("li").first).to_contain_text("Мария")
    lines = desk.locator("li").count()
    page.screenshot(path=str(SCREENSHOT_DIR / "admin-desk-bg-1280.png"))
    desk.get_by_role("link", name=str(visit.title_bg)).click()
    page.locator("textarea[name=review_comment]").fill("Добавете имената на делегацията.")
    page.locator("input[name=_return]").click()
    page.goto(f"{site.url}/admin/")
    expect(desk.locator("li")).to_have_count(lines - 1)
    page.context.close()

    page = logged_in(chromium, site, editor)
    expect(page.locator("#desk li").first).to_contain_text("Добавете имената на делегацията.")
    page.context.close()


def test_the_main_lists_fit_the_screen_in_every_language(chromium, site):
    PartnerRequestFactory(status=PartnerRequest.Status.DRAFT)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    superuser = staff(is_superuser=True)
    misfits = []
    for language in ["bg", "ru", "be", "en"]:
        for size in SIZES:
            page = logged_in(chromium, site, superuser, language, size)
            for model in LISTS:
                page.goto(f"{site.url}/admin/{model}/")
                found = page.evaluate(
                    """() => {
                      const box = element => element.getBoundingClientRect();
                      const title = box(document.querySelector('#content h1'));
                      const tools = [...document.querySelectorAll('.object-tools li')].map(box);
                      const results = document.querySelector('#changelist .results');
                      const names = [...document.querySelectorAll('#result_list tbody th a')];
                      return {
                        overlap: tools.some(tool => tool.top < title.bottom
                          && tool.bottom > title.top && tool.left < title.right
                          && tool.right > title.left),
                        scroll: results.scrollWidth > results.clientWidth
                          || document.documentElement.scrollWidth
                            > document.documentElement.clientWidth,
                        lines: Math.max(0, ...names.map(name => new Set(
                          [...name.getClientRects()].map(line => Math.round(line.top))).size)),
                      };
                    }"""
                )
                if found["overlap"] or found["scroll"] or found["lines"] > 2:
                    misfits.append((language, size, model, found))
                if (language, size, model) == ("bg", SIZES[0], "cooperation/twinningagreement"):
                    page.screenshot(path=str(SCREENSHOT_DIR / "admin-agreements-bg-1280.png"))
            page.context.close()
    assert misfits == []


def admin_pages():
    agreement = TwinningAgreement.objects.order_by("pk").first()
    visit = Visit.objects.order_by("pk").first()
    return [
        "/admin/",
        *(f"/admin/{model}/" for model in LISTS),
        "/admin/cooperation/twinningagreement/add/",
        f"/admin/cooperation/twinningagreement/{agreement.pk}/change/",
        f"/admin/cooperation/visit/{visit.pk}/change/",
        f"/admin/cooperation/visit/{visit.pk}/history/",
        "/admin/cooperation/visit/recover/",
        "/admin/cooperation/twinningagreement/import/",
        "/admin/translations/",
        "/admin/editorial/noticepreference/",
    ]


@pytest.mark.parametrize("language", ["bg", "ru", "be"])
def test_no_english_word_on_the_admins_pages(chromium, site, language):
    PartnerRequestFactory(status=PartnerRequest.Status.DRAFT)
    publisher = staff("Publisher", username="издател")
    page = logged_in(chromium, site, publisher, language)
    english = {}
    for path in admin_pages():
        page.goto(f"{site.url}{path}")
        page.wait_for_load_state("networkidle")  # the rich-text editor's toolbar, in its words
        # What is shown and what a screen reader says (hidden headings, titles, labels), but
        # for the columns a file must have, given as code.
        text = page.evaluate(
            """() => [document.querySelectorAll('code').forEach(code => code.remove()),
              document.title, document.body.innerText,
              ...[...document.querySelectorAll('[title], [aria-label], [placeholder]')]
                .flatMap(element => ['title', 'aria-label', 'placeholder']
                  .map(name => element.getAttribute(name) || ''))].join(' ')"""
        )
        words = {
            word for word in re.findall(r"\b[A-Za-z]{2,}\b", text) if word.upper() not in ALLOWED
        }
        if words:
            english[path] = sorted(words)
    assert english == {}
