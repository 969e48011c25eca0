"""The "paste the old list" importer: the page's own list format, matched to stored regions."""

import pytest
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
from tests.factories import (
    DistrictFactory,
    MunicipalityFactory,
    OblastFactory,
    RegionFactory,
    TownFactory,
    VillageCouncilFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def bulgarian():
    """The staff paste lists in the admin's language; other tests may leave another one active."""
    with translation.override("bg"):
        yield


@pytest.fixture(autouse=True)
def regions():
    """The regions the lists below name, with their names in the languages the lists use."""
    stara_zagora_oblast = OblastFactory(
        country="BG", slug="stara-zagora-oblast", name_bg="област Стара Загора"
    )
    for factory, slug, names in [
        (RegionFactory, "brest", {"name_bg": "Брест"}),
        (RegionFactory, "gomel", {"name_bg": "Гомел"}),
        (TownFactory, "maryina-gorka", {"name_bg": "Марьина Горка"}),
        (TownFactory, "smorgon", {"name_bg": "Сморгон", "name_ru": "Сморгонь"}),
        (TownFactory, "mozyr", {"name_bg": "Мозир", "name_ru": "Мозырь"}),
        (TownFactory, "smolevichi", {"name_bg": "Смолевичи"}),
        (
            RegionFactory,
            "mogilev",
            {"name_bg": "Могильов", "name_ru": "Могилёв", "name_en": "Mogilev"},
        ),
        (DistrictFactory, "mogilev-district", {"name_bg": "Могилевски район"}),
        (VillageCouncilFactory, "znamenka-village-council", {"name_bg": "Знаменски селски съвет"}),
        (OblastFactory, "minsk-oblast", {"name_bg": "Минска област"}),
        (MunicipalityFactory, "burgas", {"name_bg": "Бургас"}),
        (MunicipalityFactory, "troyan", {"name_bg": "Троян"}),
        (MunicipalityFactory, "antonovo", {"name_bg": "Антоново"}),
        (MunicipalityFactory, "opan", {"name_bg": "Опан"}),
        (MunicipalityFactory, "novi-pazar", {"name_bg": "Нови Пазар"}),
        (MunicipalityFactory, "gabrovo", {"name_bg": "Габрово", "name_en": "Gabrovo"}),
        (MunicipalityFactory, "pleven", {"name_bg": "Плевен"}),
        (MunicipalityFactory, "varna", {"name_bg": "Варна"}),
        (MunicipalityFactory, "gorna-oryahovitsa", {"name_bg": "Горна Оряховица"}),
        (OblastFactory, "ruse-oblast", {"country": "BG", "name_bg": "Русенска област"}),
    ]:
        factory(slug=slug, **names)
    MunicipalityFactory(
        parent=stara_zagora_oblast,
        slug="stara-zagora",
        name_bg="Стара Загора",
        name_ru="Стара-Загора",
    )


def slugs(pair):
    return (pair.mission.region.slug, pair.host.region.slug)


# A list in the embassy page's own format.
THE_PAGES_LIST = """Списък на побратимени градове и региони на Беларус и България

1998 година: Марьина Горка – Троян, Гомел – Бургас
2016 година: Сморгон — Антоново
2018 година: Знаменски селски съвет – община Опан
"""


def test_a_list_in_the_pages_format_matches_every_pair_and_adds_them():
    preview = preview_pasted_agreements(THE_PAGES_LIST)
    assert [slugs(pair) for pair in preview.pairs] == [
        ("maryina-gorka", "troyan"),
        ("gomel", "burgas"),
        ("smorgon", "antonovo"),  # written with an em dash
        ("znamenka-village-council", "opan"),
    ]
    assert len(preview.new) == 4
    assert preview.unknown == preview.refused == preview.existing == []
    assert preview.skipped_lines == [
        (1, "Списък на побратимени градове и региони на Беларус и България")
    ]
    added = save_pasted_agreements(preview)
    assert len(added) == 4
    assert set(
        TwinningAgreement.objects.values_list("year", "mission_region__slug", "host_region__slug")
    ) == {
        (1998, "maryina-gorka", "troyan"),
        (1998, "gomel", "burgas"),
        (2016, "smorgon", "antonovo"),
        (2018, "znamenka-village-council", "opan"),
    }


def test_the_list_given_again_reports_every_pair_existing_and_adds_none():
    save_pasted_agreements(preview_pasted_agreements(THE_PAGES_LIST))
    preview = preview_pasted_agreements(THE_PAGES_LIST)
    assert len(preview.existing) == 4
    assert preview.new == []
    assert save_pasted_agreements(preview) == []
    assert TwinningAgreement.objects.count() == 4


def test_prefixes_suffixes_and_the_village_executive_committee_are_understood():
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
    (pair,) = preview_pasted_agreements("1999 година: Смолевичи – Горна-Оряховица").pairs
    assert slugs(pair) == ("smolevichi", "gorna-oryahovitsa")


def test_saved_agreements_form_one_revision_with_the_user_and_a_comment(django_user_model):
    user = django_user_model.objects.create_user("attache")
    (agreement,) = save_pasted_agreements(
        preview_pasted_agreements("1998 година: Гомел – Бургас"), user=user
    )
    version = Version.objects.get_for_object(agreement).get()
    assert version.revision.user == user
    assert version.revision.comment == gettext("Added from a pasted list of agreements.")
    assert agreement.mission_region == Region.objects.get(slug="gomel")
