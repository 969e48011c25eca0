"""Entries whose translated texts the site search reads, kept in the form searches compare."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..transliteration import search_lines


class SearchableText(models.Model):
    """Keeps the translated `searched_fields` in `search_text` on save."""

    searched_fields = ()

    search_text = models.TextField(_("text for search"), editable=False, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def build_search_text(self):
        return search_lines(
            [
                (code, getattr(self, f"{field}_{code}", None))
                for field in self.searched_fields
                for code, _name in settings.LANGUAGES
            ]
        )
