"""Rich text: the one allow-list of what staff may write. `RichTextField` sanitizes every value
with it on save; its form field, the TinyMCE editor, is told the same list."""

import nh3
from django.contrib.admin import widgets as admin_widgets
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.fields import TranslationFieldDescriptor
from tinymce.widgets import AdminTinyMCE

ALLOWED_TAGS = {
    **dict.fromkeys(["p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "b", "em", "i"], ()),
    "a": ("href", "title"),
    "blockquote": (),
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# The editor's "blocks" menu: the block tags above, named for staff.
BLOCK_FORMATS = {
    "p": _("Paragraph"),
    "h2": _("Heading"),
    "h3": _("Subheading"),
    "h4": _("Minor heading"),
}


def sanitize(html):
    return nh3.clean(
        html or "",
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_TAGS.items() if names},
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def editor_options():
    """What TinyMCE may offer and keep, in its notation: `p,br,...,a[href|title]`."""
    elements = [
        f"{tag}[{'|'.join(names)}]" if names else tag for tag, names in ALLOWED_TAGS.items()
    ]
    blocks = [format_lazy("{}={}", label, tag) for tag, label in BLOCK_FORMATS.items()]
    return {
        "valid_elements": ",".join(elements),
        "block_formats": format_lazy("{}; " * (len(blocks) - 1) + "{}", *blocks),
    }


class RichTextWidget(AdminTinyMCE):
    class Media:
        js = ["editorial/admin/editor-words.js"]


class RichTextField(models.TextField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("Headings, paragraphs, lists, links, bold and italic. Anything else is removed."),
        )
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = sanitize(super().pre_save(model_instance, add))
        # A translated field mirrors the active language's column, sanitized on its own.
        mirrors_a_column = isinstance(
            getattr(type(model_instance), self.attname, None), TranslationFieldDescriptor
        )
        if not mirrors_a_column:
            setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        # The admin asks every text field for its plain text area; rich text gets the editor.
        if kwargs.get("widget") in (None, admin_widgets.AdminTextareaWidget):
            kwargs["widget"] = RichTextWidget(mce_attrs=editor_options())
        return super().formfield(**kwargs)
