"""
Import and export of regions and agreements as CSV and Excel files (django-import-export).

Rows are matched on natural keys, never on database ids: a region by its slug (its parent by
the parent's slug), an agreement by the slugs of its two parties and its kind. Every name and
note has a column per language. Each row passes the model's own validation before anything is
written, and the admin imports the whole file in one transaction.
"""

from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from modeltranslation.utils import get_translation_fields

from .models import Region, TwinningAgreement
from .spreadsheet_cells import imported_cell, safe_cell


class RegionBySlugWidget(widgets.ForeignKeyWidget):
    """A region given by its slug; an unknown slug is a clear error on that row."""

    def __init__(self, **kwargs):
        super().__init__(Region, field="slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        value = (value or "").strip() if isinstance(value, str) else value
        try:
            return super().clean(value, row, **kwargs)
        except Region.DoesNotExist:
            raise ValueError(
                _("There is no region with the slug “%(slug)s”.") % {"slug": value}
            ) from None


def blank_as_none(value):
    return None if value == "" else value


class ContentResource(resources.ModelResource):
    """
    Rows found by natural keys. A row whose key names an unknown region is refused with the
    reason, like any other invalid row; a row that changes nothing is reported as skipped.
    A text that a spreadsheet program would run as a formula is exported marked as text, and
    the mark is taken away on import (cooperation.spreadsheet_cells).
    """

    def export_field(self, field, instance, **kwargs):
        return safe_cell(super().export_field(field, instance, **kwargs))

    def before_import_row(self, row, **kwargs):
        for column, value in row.items():
            row[column] = imported_cell(value)

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            # Treated as a new row: its unknown region is then reported as invalid.
            return None

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if not self._meta.skip_unchanged or import_validation_errors:
            return False
        # An empty cell and a translation never given (NULL) are the same.
        return all(
            blank_as_none(field.get_value(instance)) == blank_as_none(field.get_value(original))
            for field in self.get_import_fields()
        )


class RegionResource(ContentResource):
    parent = fields.Field(attribute="parent", column_name="parent", widget=RegionBySlugWidget())
    # The file's name in the media storage, for people reading the file; ignored on import.
    coat_of_arms = fields.Field(
        attribute="coat_of_arms__name", column_name="coat_of_arms", readonly=True
    )

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
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


class TwinningAgreementResource(ContentResource):
    mission_region = fields.Field(
        attribute="mission_region", column_name="mission_region", widget=RegionBySlugWidget()
    )
    host_region = fields.Field(
        attribute="host_region", column_name="host_region", widget=RegionBySlugWidget()
    )
    signed_on = fields.Field(
        attribute="signed_on", column_name="signed_on", widget=widgets.DateWidget("%Y-%m-%d")
    )
    # For people reading the file; ignored on import.
    mission_region_name = fields.Field(
        attribute="mission_region__name", column_name="mission_region_name", readonly=True
    )
    host_region_name = fields.Field(
        attribute="host_region__name", column_name="host_region_name", readonly=True
    )

    class Meta:
        model = TwinningAgreement
        import_id_fields = ["mission_region", "host_region", "kind"]
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
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
