"""
Add synthetic regions, agreements, visits and news photos, to see and measure the site at scale.

The data is deterministic for a given --seed, clearly marked as demo content ("Demo town 17"),
and added beside the real content; it can be run again to add more. From the project's root:

    .venv/bin/python -m bench.demo_data --regions 2000 --agreements 50000 --visits 5000 \\
        --photos 2000 --seed 1
"""

import datetime
import io
import os
import random
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "embassy.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from django.core.management.base import BaseCommand  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from modeltranslation.utils import build_localized_fieldname  # noqa: E402
from PIL import Image  # noqa: E402

from cooperation.activity import refresh_every_agreement  # noqa: E402
from cooperation.models import (  # noqa: E402
    NewsPhoto,
    NewsPhotoRegion,
    Region,
    TwinningAgreement,
    Visit,
    VisitRegion,
)
from editorial.cache import invalidate_public_pages  # noqa: E402

DEMO_IMAGE_NAME = "demo/demo-photo.jpg"
# Demo names by language; a language of settings.LANGUAGES that is not here gets the English one.
REGION_NAMES = {
    "town": {
        "bg": "Демоград {n}",
        "ru": "Демогород {n}",
        "be": "Дэмагорад {n}",
        "en": "Demo town {n}",
    },
    "municipality": {
        "bg": "Демообщина {n}",
        "ru": "Демообщина {n}",
        "be": "Дэмаабшчына {n}",
        "en": "Demo municipality {n}",
    },
}
VISIT_TITLES = {
    "bg": "Демопосещение {n}",
    "ru": "Демовизит {n}",
    "be": "Дэмавізіт {n}",
    "en": "Demo visit {n}",
}
PHOTO_TITLES = {
    "bg": "Демоснимка {n}",
    "ru": "Демофото {n}",
    "be": "Дэмафота {n}",
    "en": "Demo photo {n}",
}


def translated(field, names, number):
    """Every language's column of a translated field, from the demo names by language."""
    return {
        build_localized_fieldname(field, code): names.get(code, names["en"]).format(n=number)
        for code, _name in settings.LANGUAGES
    }


class Command(BaseCommand):
    help = (
        'Add synthetic demo content beside the real content, clearly named ("Demo town 17"), '
        "to see and measure the site at scale. The same --seed gives the same content; running "
        "it again adds more."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--regions",
            type=int,
            default=2000,
            help="Demo towns and municipalities to add, half in each country, each under a "
            "random oblast (default: %(default)s).",
        )
        parser.add_argument(
            "--agreements",
            type=int,
            default=50000,
            help="Agreements to add between random regions of the two countries, never a pair "
            "and kind twice; fewer if the regions allow no more (default: %(default)s).",
        )
        parser.add_argument(
            "--visits",
            type=int,
            default=5000,
            help="Published visits to add, each with two regions taking part "
            "(default: %(default)s).",
        )
        parser.add_argument(
            "--photos",
            type=int,
            default=2000,
            help="Published news photos to add, all showing one generated picture "
            "(default: %(default)s).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=1,
            help="Seed of the random choices: the same seed gives the same content "
            "(default: %(default)s).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=2000,
            help="Rows written per database query; progress is reported every five batches "
            "(default: %(default)s).",
        )

    def handle(self, *args, **options):
        self.random = random.Random(options["seed"])
        self.batch_size = options["batch_size"]
        self.first_number = Region.objects.filter(slug__startswith="demo-").count() + 1
        with transaction.atomic():
            self.create_regions(options["regions"])
            self.create_agreements(options["agreements"])
            visits = self.create_visits(options["visits"])
            self.create_photos(options["photos"], visits)
        # Written in bulk, without the models' save(): their activity is worked out here.
        refresh_every_agreement()
        invalidate_public_pages()
        self.stdout.write(self.style.SUCCESS("Demo content added."))

    def progress(self, label, done, total):
        if done == total or done % (self.batch_size * 5) == 0:
            self.stdout.write(f"{label}: {done}/{total}")

    def bulk_create(self, label, model, objects, total):
        batch, done = [], 0
        for obj in objects:
            batch.append(obj)
            if len(batch) == self.batch_size:
                model.objects.bulk_create(batch)
                done += len(batch)
                self.progress(label, done, total)
                batch = []
        if batch:
            model.objects.bulk_create(batch)
            done += len(batch)
            self.progress(label, done, total)

    def create_regions(self, total):
        mission, host = settings.COOPERATION_MISSION_COUNTRY, settings.COOPERATION_HOST_COUNTRY
        oblasts = {
            country: list(Region.objects.oblasts().in_country(country))
            for country in (mission, host)
        }

        def regions():
            for offset in range(total):
                number = self.first_number + offset
                country = mission if offset % 2 == 0 else host
                kind = "town" if country == mission else "municipality"
                parent = self.random.choice(oblasts[country])
                region = Region(
                    country=country,
                    kind=kind,
                    parent=parent,
                    slug=f"demo-{country.lower()}-{number}",
                    latitude=parent.latitude,
                    longitude=parent.longitude,
                    **translated("name", REGION_NAMES[kind], number),
                )
                region.path = region.build_path()
                region.search_names = region.build_search_names()
                yield region

        self.bulk_create("regions", Region, regions(), total)

    def create_agreements(self, total):
        mission_ids = list(
            Region.objects.in_country(settings.COOPERATION_MISSION_COUNTRY).values_list(
                "pk", flat=True
            )
        )
        host_ids = list(
            Region.objects.in_country(settings.COOPERATION_HOST_COUNTRY).values_list(
                "pk", flat=True
            )
        )
        taken = set(TwinningAgreement.objects.values_list("mission_region", "host_region", "kind"))
        if total > len(mission_ids) * len(host_ids) * 2 - len(taken):
            total = len(mission_ids) * len(host_ids) * 2 - len(taken)
        this_year = datetime.date.today().year
        kinds = TwinningAgreement.Kind.values
        statuses = ["active"] * 8 + ["suspended", "ended"]

        def agreements():
            made = 0
            while made < total:
                key = (
                    self.random.choice(mission_ids),
                    self.random.choice(host_ids),
                    self.random.choice(kinds),
                )
                if key in taken:
                    continue
                taken.add(key)
                made += 1
                yield TwinningAgreement(
                    mission_region_id=key[0],
                    host_region_id=key[1],
                    kind=key[2],
                    year=self.random.randint(1990, this_year),
                    status=self.random.choice(statuses),
                )

        self.bulk_create("agreements", TwinningAgreement, agreements(), total)

    def create_visits(self, total):
        region_ids = list(Region.objects.values_list("pk", flat=True))
        first = Visit.objects.filter(slug__startswith="demo-visit-").count() + 1
        today = datetime.date.today()

        def visits():
            for number in range(first, first + total):
                start = today - datetime.timedelta(days=self.random.randint(30, 30 * 365))
                visit = Visit(
                    kind=self.random.choice(Visit.Kind.values),
                    slug=f"demo-visit-{number}",
                    start_date=start,
                    end_date=start + datetime.timedelta(days=self.random.randint(0, 3)),
                    location_id=self.random.choice(region_ids),
                    status=Visit.Status.PUBLISHED,
                    publish_at=timezone.make_aware(
                        datetime.datetime.combine(start, datetime.time(12))
                    ),
                    **translated("title", VISIT_TITLES, number),
                )
                visit.search_text = visit.build_search_text()
                yield visit

        self.bulk_create("visits", Visit, visits(), total)
        created = list(Visit.objects.filter(slug__startswith="demo-visit-").order_by("-pk")[:total])
        links = (
            VisitRegion(visit=visit, region_id=region_id)
            for visit in created
            for region_id in set(self.random.sample(region_ids, 2))
        )
        self.bulk_create("visit regions", VisitRegion, links, len(created) * 2)
        return created

    def demo_image(self):
        if not default_storage.exists(DEMO_IMAGE_NAME):
            buffer = io.BytesIO()
            Image.new("RGB", (1200, 800), (90, 120, 150)).save(buffer, "JPEG", quality=80)
            default_storage.save(DEMO_IMAGE_NAME, ContentFile(buffer.getvalue()))
        return DEMO_IMAGE_NAME

    def create_photos(self, total, visits):
        image = self.demo_image()
        region_ids = list(Region.objects.values_list("pk", flat=True))
        first = NewsPhoto.objects.filter(slug__startswith="demo-photo-").count() + 1
        now = timezone.now()

        def photos():
            for number in range(first, first + total):
                photo = NewsPhoto(
                    image=image,
                    width=1200,
                    height=800,
                    slug=f"demo-photo-{number}",
                    visit=self.random.choice(visits) if visits else None,
                    status=NewsPhoto.Status.PUBLISHED,
                    publish_at=now - datetime.timedelta(hours=self.random.randint(1, 24 * 3650)),
                    **translated("title", PHOTO_TITLES, number),
                    **translated("alt_text", PHOTO_TITLES, number),
                )
                photo.search_text = photo.build_search_text()
                yield photo

        self.bulk_create("photos", NewsPhoto, photos(), total)
        created = NewsPhoto.objects.filter(slug__startswith="demo-photo-").order_by("-pk")[:total]
        links = (
            NewsPhotoRegion(photo=photo, region_id=self.random.choice(region_ids))
            for photo in created
        )
        self.bulk_create("photo regions", NewsPhotoRegion, links, total)


if __name__ == "__main__":
    Command().run_from_argv(["manage.py", "demo_data", *sys.argv[1:]])
