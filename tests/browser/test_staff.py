"""A staff member adds an agreement and a news photo in the admin, and publishes the photo."""

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from cooperation.models import NewsPhoto, TwinningAgreement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pw-for-browser-tests"
PHOTO_TITLE = "Pinsk delegation in Sozopol"


@pytest.fixture
def photo_file(tmp_path):
    """A real JPEG, as a phone would send it."""
    path = tmp_path / "sozopol-meeting.jpg"
    image = Image.new("RGB", (1200, 800), "#2b6cb0")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 560, 1200, 800), fill="#e8c27a")
    draw.ellipse((880, 90, 1040, 250), fill="#ffd23f")
    image.save(path, "JPEG", quality=85)
    return path


def log_in(page, site, django_user_model):
    django_user_model.objects.create_superuser("press", "press@example.org", PASSWORD)
    page.goto(f"{site.url}/admin/")
    page.locator("input[name=username]").fill("press")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page.locator("#site-name")).to_be_visible()


def choose_in_autocomplete(page, field_name, typed, option_text):
    """Open the admin's autocomplete box of `field_name`, type, and pick the offered option."""
    page.locator(f"select[name={field_name}] + .select2").click()
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    page.locator(".select2-results__option", has_text=option_text).first.click()
    expect(page.locator(f"#select2-id_{field_name}-container")).to_have_text(option_text)


def test_staff_adds_an_agreement_uploads_a_photo_publishes_it_and_sees_it_in_the_news(
    page, site, django_user_model, photo_file
):
    assert not TwinningAgreement.objects.filter(
        mission_region__slug="pinsk", host_region__slug="sozopol"
    ).exists()
    log_in(page, site, django_user_model)

    page.goto(f"{site.url}/admin/cooperation/twinningagreement/add/")
    choose_in_autocomplete(page, "mission_region", "pins", "Pinsk")
    choose_in_autocomplete(page, "host_region", "sozo", "Sozopol")
    page.locator("input[name=year]").fill("2024")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_contain_text("was added successfully")
    agreement = TwinningAgreement.objects.get(
        mission_region__slug="pinsk", host_region__slug="sozopol"
    )
    assert agreement.year == 2024

    page.goto(f"{site.url}/admin/cooperation/newsphoto/add/")
    page.locator("input[name=title_bg]").fill("Делегация от Пинск в Созопол")
    page.locator("input[name=title_en]").press_sequentially(PHOTO_TITLE)
    expect(page.locator("input[name=slug]")).to_have_value("pinsk-delegation-in-sozopol")
    page.locator("input[name=image]").set_input_files(photo_file)
    page.locator("[name=alt_text_bg]").fill("Морският бряг на Созопол на слънце")
    page.locator("[name=alt_text_en]").fill("The seafront of Sozopol in the sun")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist .success")).to_contain_text("was added successfully")
    photo = NewsPhoto.objects.get(slug="pinsk-delegation-in-sozopol")
    assert photo.status == NewsPhoto.Status.DRAFT
    assert (photo.width, photo.height) == (1200, 800)

    page.goto(f"{site.url}/en/news/")
    expect(page.get_by_role("link", name=PHOTO_TITLE)).to_have_count(0)

    page.go_back()
    page.locator("select[name=status]").select_option(NewsPhoto.Status.PUBLISHED)
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_contain_text("was changed successfully")

    page.goto(f"{site.url}/en/news/")
    page.get_by_role("link", name=PHOTO_TITLE).first.click()
    expect(page.locator("h1")).to_have_text(PHOTO_TITLE)
    image = page.get_by_role("img", name="The seafront of Sozopol in the sun")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth") > 0
