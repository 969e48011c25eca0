"""The "paste the old list" importer: the page's own list format, matched to stored regions."""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from reversion.models import Version

from cooperation.importers import (
    PastedPair,
    parse_agreement_list,
    preview_pasted_agreements,
    save_pasted_agreements,
)
from cooperation.models import Region, TwinningAgreement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("initial_content")]

# The embassy page the content was taken from (fixtures/SOURCES.md).
SEED = Path(settings.BASE_DIR) / "fixtures" / "regional-cooperation.bg.txt"


@pytest.fixture(autouse=True)
def bulgarian():
    """The staff paste lists in the admin's language; other tests may leave another one active."""
    with translation.override("bg"):
        yield


def slugs(pair):
    return (pair.mission.region.slug, pair.host.region.slug)


def test_the_seeds_own_list_on_an_empty_database_matches_all_48_pairs_and_adds_them():
    TwinningAgreement.objects.all().delete()
    preview = preview_pasted_agreements(SEED.read_text(encoding="utf-8"))
    assert len(preview.pairs) == 48
    assert len(preview.new) == 48
    assert preview.unknown == preview.refused == preview.existing == []
    added = save_pasted_agreements(preview)
    assert len(added) == 48
    assert TwinningAgreement.objects.count() == 48
    pairs = set(
        TwinningAgreement.objects.values_list("year", "mission_region__slug", "host_region__slug")
    )
    assert (1998, "maryina-gorka", "troyan") in pairs
    assert (2018, "znamenka-village-council", "opan") in pairs
    assert (2021, "brest-district", "chirpan") in pairs
    assert (2016, "smorgon", "antonovo") in pairs  # written with an em dash


def test_the_seeds_list_given_again_reports_48_existing_and_adds_none():
    TwinningAgreement.objects.all().delete()
    text = SEED.read_text(encoding="utf-8")
    save_pasted_agreements(preview_pasted_agreements(text))
    preview = preview_pasted_agreements(text)
    assert len(preview.existing) == 48
    assert preview.new == []
    assert save_pasted_agreements(preview) == []
    assert TwinningAgreement.objects.count() == 48


def test_the_seeds_list_against_the_loaded_content_is_all_existing():
    preview = preview_pasted_agreements(SEED.read_text(encoding="utf-8"))
    assert len(preview.existing) == 48
    assert (
        "Списък на побратимени градове и региони на Беларус и България"
        in dict(preview.skipped_lines).values()
    )


def test_prefixes_suffixes_and_the_village_executive_committee_are_understood():
    TwinningAgreement.objects.all().delete()
    preview = preview_pasted_agreements(
        "2018 година: Знаменски селски изпълнителен комитет – община Опан\n"
        "2019 година: Могилевски район – община Нови Пазар\n"
        "1997 година: Минска област — Русенска област\n"
        "2020: Брест - област Стара Загора\n"
    )
    assert [slugs(pair) for pair in preview.pairs] == [
        ("znamenka-village-council", "opan"),
        ("mogilev-district", "novi-pazar"),
        ("minsk-oblast", "ruse-oblast"),
        ("brest", "stara-zagora-oblast"),
    ]
    assert all(pair.status == PastedPair.NEW for pair in preview.pairs)


def test_names_in_other_languages_and_the_other_order_are_matched():
    TwinningAgreement.objects.all().delete()
    preview = preview_pasted_agreements(
        "2005 год: Могилёв – Габрово\n2005: Gabrovo – Mogilev\n2005 г.: Стара-Загора – Мозырь"
    )
    assert [slugs(pair) for pair in preview.pairs] == [
        ("mogilev", "gabrovo"),
        ("mogilev", "gabrovo"),
        ("mozyr", "stara-zagora"),
    ]
    assert preview.pairs[1].status == PastedPair.REFUSED
    already_on_line_1 = gettext("The same pair is already on line %(line)s.") % {"line": 1}
    assert preview.pairs[1].problems[0] == already_on_line_1


def test_an_unknown_name_is_flagged_with_suggestions_and_not_added():
    preview = preview_pasted_agreements("2010 година: Брестт – Плевен")
    (pair,) = preview.pairs
    assert pair.status == PastedPair.UNKNOWN
    assert pair.mission.region is None
    assert "brest" in [region.slug for region in pair.mission.suggestions]
    assert pair.host.region.slug == "pleven"
    count = TwinningAgreement.objects.count()
    assert save_pasted_agreements(preview) == []
    assert TwinningAgreement.objects.count() == count


def test_a_name_given_as_the_wrong_kind_is_not_guessed():
    (pair,) = preview_pasted_agreements("2010 година: Брест – Плевенски район").pairs
    assert pair.status == PastedPair.UNKNOWN
    assert pair.host.region is None


def test_a_year_the_model_refuses_is_refused_with_the_reason():
    (pair,) = preview_pasted_agreements("1985 година: Брест – Варна").pairs
    assert pair.status == PastedPair.REFUSED
    assert "1990" in " ".join(pair.problems)


def test_a_pair_without_a_dash_is_refused_with_how_to_write_it():
    (pair,) = preview_pasted_agreements("2010 година: Брест Варна").pairs
    assert pair.status == PastedPair.REFUSED
    how_to_write_it = gettext("Write the two names separated by a dash: “Гомел – Бургас”.")
    assert pair.problems[0] == how_to_write_it


def test_parse_reads_years_pairs_and_skips_other_lines():
    pairs, skipped = parse_agreement_list(
        "Списък\n\n1998 година: Марьина Горка – Троян, Гомел – Бургас\nBelarusian Missions"
    )
    assert pairs == [
        (3, 1998, "Марьина Горка – Троян", "Марьина Горка", "Троян"),
        (3, 1998, "Гомел – Бургас", "Гомел", "Бургас"),
    ]
    assert skipped == [(1, "Списък"), (4, "Belarusian Missions")]


def test_hyphenated_names_are_not_split():
    pairs, _skipped = parse_agreement_list("1999 година: Смолевичи – Горна-Оряховица")
    assert pairs[0][3:] == ("Смолевичи", "Горна-Оряховица")


def test_saved_agreements_form_one_revision_with_the_user_and_a_comment(django_user_model):
    TwinningAgreement.objects.filter(
        mission_region__slug="gomel", host_region__slug="burgas"
    ).delete()
    user = django_user_model.objects.create_user("attache")
    (agreement,) = save_pasted_agreements(
        preview_pasted_agreements("1998 година: Гомел – Бургас"), user=user
    )
    version = Version.objects.get_for_object(agreement).get()
    assert version.revision.user == user
    assert version.revision.comment == gettext("Added from a pasted list of agreements.")
    assert agreement.mission_region == Region.objects.get(slug="gomel")
