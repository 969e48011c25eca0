"""CSV and Excel import and export of regions and agreements, rows matched by slugs, not ids."""

from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from modeltranslation.utils import get_translation_fields

from editorial.resources import KnownEntriesLoader, KnownEntriesResource, chunks

from .activity import refreshing_once
from .models import Region, TwinningAgreement
from .spreadsheet_cells import imported_cell, safe_cell


class RegionBySlugWidget(widgets.ForeignKeyWidget):
    """A region given by its slug, from the import's RegionIndex; an unknown slug is an error."""

    def __init__(self, **kwargs):
        super().__init__(Region, field="slug", **kwargs)
        self.regions = None

    @staticmethod
    def slug_in(value):
        value = value.strip() if isinstance(value, str) else value
        return str(value) if value else None

    def clean(self, value, row=None, **kwargs):
        slug = self.slug_in(value)
        if slug is None:
            return None
        region = self.regions.by_slug.get(slug)
        if region is None:
            raise ValueError(_("There is no region with the slug “%(slug)s”.") % {"slug": slug})
        return region


class RegionIndex:
    """The regions an import names and their parents, by slug, kept up to date as it saves."""

    def __init__(self, slugs):
        self.by_slug, self.by_pk = {}, {}
        for chunk in chunks(sorted(slugs)):
            for region in Region.objects.filter(slug__in=chunk):
                self.add(region)
        parents = {region.parent_id for region in self.by_pk.values()} - {None, *self.by_pk}
        for chunk in chunks(parents):
            for parent in Region.objects.filter(pk__in=chunk):
                self.add(parent)
        for region in self.by_pk.values():
            if region.parent_id in self.by_pk:
                region.parent = self.by_pk[region.parent_id]

    def add(self, region):
        self.by_slug[region.slug] = region
        if region.pk is not None:
            self.by_pk[region.pk] = region

    def moved(self, region):
        below = Region.objects.filter(path__startswith=region.path).exclude(pk=region.pk)
        for slug, path in below.values_list("slug", "path"):
            if slug in self.by_slug:
                self.by_slug[slug].path = path


def imported_row(row):
    return {column: imported_cell(value) for column, value in row.items()}


def blank_as_none(value):
    return None if value == "" else value


class ContentResource(KnownEntriesResource, resources.ModelResource):
    more_region_columns = ()  # Besides the fields read by a RegionBySlugWidget.

    class Meta:
        instance_loader_class = KnownEntriesLoader
        skip_diff = True
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def import_data(self, *args, **kwargs):
        with refreshing_once():
            return super().import_data(*args, **kwargs)

    def read_known_entries(self, rows):
        rows = [imported_row(row) for row in rows]
        linked = [f for f in self.fields.values() if isinstance(f.widget, RegionBySlugWidget)]
        columns = [*(field.column_name for field in linked), *self.more_region_columns]
        slugs = {RegionBySlugWidget.slug_in(row.get(column)) for row in rows for column in columns}
        self.regions = RegionIndex(slugs - {None})
        for field in linked:
            field.widget.regions = self.regions
        self.read_entries(rows)

    def read_entries(self, rows):
        pass

    def export_field(self, field, instance, **kwargs):
        return safe_cell(super().export_field(field, instance, **kwargs))

    def before_import_row(self, row, **kwargs):
        row.update(imported_row(row))

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            # Treated as a new row: its unknown region is then reported as invalid.
            return None

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if not self._meta.skip_unchanged or import_validation_errors:
            return False
        original = self.entry_before_row
        # An empty cell and a translation never given (NULL) are the same.
        return all(
            blank_as_none(field.get_value(instance)) == blank_as_none(field.get_value(original))
            for field in self.get_import_fields()
        )


class RegionResource(ContentResource):
    parent = fields.Field(attribute="parent", column_name="parent", widget=RegionBySlugWidget())
    # For people reading the file.
    coat_of_arms = fields.Field(
        attribute="coat_of_arms__name", column_name="coat_of_arms", readonly=True
    )

    more_region_columns = ("slug",)

    def find_entry(self, row):
        return self.regions.by_slug.get(self.fields["slug"].clean(row))

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        self.path_before_save = instance.path

    def fill_derived_fields(self, instance):
        instance.fill_derived_fields()

    def remember(self, entry):
        self.regions.add(entry)
        if self.path_before_save and self.path_before_save != entry.path:
            self.regions.moved(entry)

    class Meta:
        model = Region
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "country",
            "kind",
            "parent",
            *get_translation_fields("name"),
            "latitude",
            "longitude",
            "website",
            *get_translation_fields("description"),
            "coat_of_arms",
        ]
        export_order = fields


class TwinningAgreementResource(ContentResource):
    mission_region = fields.Field(
        attribute="mission_region", column_name="mission_region", widget=RegionBySlugWidget()
    )
    host_region = fields.Field(
        attribute="host_region", column_name="host_region", widget=RegionBySlugWidget()
    )
    # For people reading the file.
    mission_region_name = fields.Field(
        attribute="mission_region__name", column_name="mission_region_name", readonly=True
    )
    host_region_name = fields.Field(
        attribute="host_region__name", column_name="host_region_name", readonly=True
    )

    def read_entries(self, rows):
        keys = set()
        columns = [self.fields[name].column_name for name in self.get_import_id_fields()]
        if rows and all(column in rows[0] for column in columns):
            for row in rows:
                try:
                    keys.add(self.key_of_row(row))
                except (KeyError, ValueError):
                    continue
        missions = {mission for mission, _host, _kind in keys}
        self.agreements = {}
        for chunk in chunks(missions - {None}):
            for agreement in TwinningAgreement.objects.filter(mission_region__in=chunk):
                key = self.key_of(agreement)
                if key in keys:
                    # The parties are the regions' entries (the file names both).
                    agreement.mission_region = self.regions.by_pk[agreement.mission_region_id]
                    agreement.host_region = self.regions.by_pk[agreement.host_region_id]
                    self.agreements[key] = agreement

    def key_of_row(self, row):
        mission, host, kind = (self.fields[name].clean(row) for name in self.get_import_id_fields())
        return (mission and mission.pk, host and host.pk, kind)

    @staticmethod
    def key_of(agreement):
        return (agreement.mission_region_id, agreement.host_region_id, agreement.kind)

    def find_entry(self, row):
        return self.agreements.get(self.key_of_row(row))

    def remember(self, entry):
        self.agreements[self.key_of(entry)] = entry

    class Meta:
        model = TwinningAgreement
        import_id_fields = ["mission_region", "host_region", "kind"]
        widgets = {"signed_on": {"format": "%Y-%m-%d"}}
        fields = [
            "mission_region",
            "host_region",
            "kind",
            "year",
            "signed_on",
            "status",
            *get_translation_fields("notes"),
            "mission_region_name",
            "host_region_name",
        ]
        export_order = fields
