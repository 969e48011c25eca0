"""
Dates as the staff read them in the admin: day first and on a 24-hour clock in Bulgarian, Russian
and Belarusian ("30 ноември 2026 г., 15:15", "30.11.2026"), in the lists, the forms, the history
and the jubilee panel; never "Ноем. 30, 2026, 3:15 след обяд".
"""

import datetime
import re
import zoneinfo

import pytest
import reversion
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import pgettext
from reversion.models import Version

from cooperation.models import Visit
from tests.admin_forms import change_form_data
from tests.factories import AgreementFactory, StaffFactory, VisitFactory

pytestmark = pytest.mark.django_db

SOFIA = zoneinfo.ZoneInfo("Europe/Sofia")
AFTERNOON = datetime.datetime(2026, 11, 30, 15, 15, tzinfo=SOFIA)

# The date and time of AFTERNOON as each language writes it.
LONG_DATETIMES = {
    "bg": "30 ноември 2026 г., 15:15",
    "ru": "30 ноября 2026 г., 15:15",
    "be": "30 лістапада 2026 г., 15:15",
}
LANGUAGES = list(LONG_DATETIMES)


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def staff_in(client):
    """A superuser's browser whose admin speaks `language`, as chosen in the admin's header."""

    def browser(language):
        client.force_login(StaffFactory(is_superuser=True))
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        return client

    return browser


def assert_day_first(page, language):
    """No month-first date and no 12-hour time, as Django's defaults would write them."""
    with translation.override(language):
        abbreviated_november = pgettext("abbrev. month", "Nov.")
    assert f"{abbreviated_november} 30" not in page
    assert not re.search(r"(?<!\d)3:15", page)
    assert "след обяд" not in page and "папаўдні" not in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_change_list_writes_the_publish_time_day_first(staff_in, language):
    VisitFactory(title_bg="Среща в Габрово", publish_at=AFTERNOON, status="draft")
    page = staff_in(language).get(admin_url(Visit, "changelist")).content.decode()
    assert LONG_DATETIMES[language] in page
    assert_day_first(page, language)


@pytest.mark.parametrize(
    ("language", "day_and_month"),
    [("bg", "6 септември"), ("ru", "6 сентября"), ("be", "6 верасня")],
)
def test_the_change_lists_dates_by_month_name_the_days_day_first(staff_in, language, day_and_month):
    VisitFactory(start_date=datetime.date(2021, 9, 6))
    page = staff_in(language).get(
        admin_url(Visit, "changelist"), {"start_date__year": 2021, "start_date__month": 9}
    )
    links = re.search(r'<nav class="toplinks">.*?</nav>', page.content.decode(), re.DOTALL)
    assert f">{day_and_month}</a>" in links.group()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_change_form_shows_and_reads_dates_day_first(staff_in, language):
    visit = VisitFactory(publish_at=AFTERNOON, status="draft", start_date=datetime.date(2021, 9, 6))
    client = staff_in(language)
    url = admin_url(Visit, "change", visit.pk)
    form = client.get(url)
    page = form.content.decode()
    assert 'value="06.09.2021"' in page
    assert 'value="30.11.2026"' in page and 'value="15:15:00"' in page
    assert_day_first(page, language)

    data = change_form_data(form, start_date="07.09.2021", publish_at_0="01.12.2026")
    data["publish_at_1"] = "9:30"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    visit.refresh_from_db()
    assert visit.start_date == datetime.date(2021, 9, 7)
    assert visit.publish_at == datetime.datetime(2026, 12, 1, 9, 30, tzinfo=SOFIA)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_history_and_the_comparison_write_when_each_version_was_saved(staff_in, language):
    visit = VisitFactory()
    for title in ("Първа редакция", "Втора редакция"):
        with reversion.create_revision():
            visit.title_bg = title
            visit.save()
    older, newer = Version.objects.get_for_object(visit).order_by("pk")
    older.revision.date_created = AFTERNOON
    older.revision.save()
    newer.revision.date_created = AFTERNOON + datetime.timedelta(days=1)
    newer.revision.save()
    client = staff_in(language)

    history = client.get(admin_url(Visit, "history", visit.pk)).content.decode()
    assert LONG_DATETIMES[language] in history
    assert_day_first(history, language)

    compare = client.get(
        admin_url(Visit, "compare", visit.pk), {"old": older.pk, "new": newer.pk}
    ).content.decode()
    assert LONG_DATETIMES[language] in compare
    assert_day_first(compare, language)

    revert_url = admin_url(Visit, "revision", visit.pk, older.pk)
    client.post(revert_url, change_form_data(client.get(revert_url)))
    restored = Version.objects.get_for_object(visit).first()
    assert LONG_DATETIMES[language] in restored.revision.comment


@pytest.mark.parametrize(
    ("language", "day_and_month"),
    [("bg", "30 ноември"), ("ru", "30 ноября"), ("be", "30 лістапада")],
)
def test_the_jubilee_panel_writes_the_anniversaries_day_first(staff_in, language, day_and_month):
    this_year = timezone.localdate().year
    AgreementFactory(year=this_year - 10, signed_on=datetime.date(this_year - 10, 11, 30))
    page = staff_in(language).get(reverse("admin:index")).content.decode()
    assert f"{day_and_month} {this_year} г." in page
    assert_day_first(page, language)
