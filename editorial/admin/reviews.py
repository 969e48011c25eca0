"""Review in the admin: an Editor asks for review; a Publisher publishes or sends the draft back."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reversion import get_comment, set_comment

from ..desk import entry_url
from ..models import Publishable, Review
from ..notices import notify, publishers


class PublishingForm(forms.ModelForm):
    """Publishes the entry it saves (the "Save and publish" button): from now on, or later."""

    def clean(self):
        cleaned = super().clean()
        now = timezone.now()
        cleaned["status"] = Publishable.Status.PUBLISHED
        cleaned["publish_at"] = max(cleaned.get("publish_at") or now, now)
        return cleaned


class ReviewAdmin:
    """For PublishableAdmin, which says who may publish (`has_publish_permission`)."""

    change_form_template = "admin/editorial/reviewed_change_form.html"

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "_publish" in request.POST and self.has_publish_permission(request):
            return type(form.__name__, (PublishingForm, form), {})
        return form

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        review = obj.reviews.select_related("requested_by", "decided_by").first() if obj else None
        buttons = []
        may_save = self.has_change_permission(request, obj) if obj else add
        if may_save and not self.is_restoring(request) and (add or obj.status == obj.Status.DRAFT):
            if self.has_publish_permission(request):
                buttons.append(("_publish", _("Save and publish")))
                if review and review.state == Review.State.READY:
                    buttons.append(("_return", _("Save and send back")))
            elif not review or review.state != Review.State.READY:
                buttons.append(("_ready", _("Save and ask for review")))
        context.update(review=review, review_buttons=buttons)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        return self.reviewed(request, obj) or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        return self.reviewed(request, obj) or super().response_change(request, obj)

    def reviewed(self, request, entry):
        review = entry.reviews.first()
        if "_ready" in request.POST and entry.status == entry.Status.DRAFT:
            entry.reviews.all().delete()
            entry.reviews.create(
                state=Review.State.READY, requested_by=request.user, requested_at=timezone.now()
            )
            self.note(request, _("Marked ready for review."))
            text = gettext_lazy("“%(entry)s” is ready for review, from %(editor)s.")
            sent = notify(publishers(), text, entry_url(entry), entry=entry, editor=name(request))
            self.told(request, sent)
        elif "_return" in request.POST and review and self.has_publish_permission(request):
            comment = request.POST.get("review_comment", "").strip()
            if not comment:
                messages.error(request, _("Say in the comment what the editor should change."))
                return redirect(request.path)
            review.decide(Review.State.RETURNED, request.user, comment)
            self.note(request, _("Sent back to its editor: %(comment)s") % {"comment": comment})
            text = gettext_lazy("“%(entry)s” was sent back to you by %(publisher)s.")
            self.tell_editor(request, review, entry, text, comment)
        elif entry.status == entry.Status.PUBLISHED:
            self.reviews_published(request, [entry])
        return None

    def reviews_published(self, request, entries):
        for entry in entries:
            review = entry.reviews.filter(state=Review.State.READY).first()
            if review:
                review.decide(Review.State.PUBLISHED, request.user)
                text = gettext_lazy("“%(entry)s” was published by %(publisher)s.")
                self.tell_editor(request, review, entry, text)

    def tell_editor(self, request, review, entry, text, comment=""):
        editor = get_user_model().objects.filter(pk=review.requested_by_id)
        url = entry_url(entry)
        self.told(request, notify(editor, text, url, comment, entry=entry, publisher=name(request)))

    def note(self, request, text):
        set_comment(" ".join(filter(None, [get_comment(), text])))
        messages.success(request, text)

    def told(self, request, sent):
        if not sent:
            messages.warning(
                request, _("The e-mail about it could not be sent; it is on the desk.")
            )


def name(request):
    return request.user.get_full_name() or request.user.get_username()
