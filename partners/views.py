"""The board, a request's page and its answer form, the form that posts a request, and the
receipt's links. Only the board is cached: the pages with a form carry a CSRF token."""

from http import HTTPStatus

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import CreateView, DetailView, FormView, View
from django_filters.views import FilterView

from cooperation.countries import country_choices, country_name, mission_country_first
from cooperation.views.mixins import ForgivingPaginationMixin
from editorial.public import PublicPageMixin

from .emails import SENDING_ERRORS, forward_answer, send_receipt
from .filters import PartnerRequestFilter
from .forms import AnswerForm, PartnerRequestForm
from .models import PartnerRequest, request_confirmed
from .throttling import allow_board_post


class PartnerBoardView(PublicPageMixin, ForgivingPaginationMixin, FilterView):
    """The open, published requests, the mission's country first, the newest first in each."""

    filterset_class = PartnerRequestFilter
    template_name = "partners/board.html"
    paginate_by = 20
    strict = False

    def get_queryset(self):
        return (
            PartnerRequest.objects.on_board()
            .select_related("region__parent")
            .order_by(mission_country_first(), "-publish_at", "pk")
        )


class BoardPostMixin:
    """A valid post counts against the visitor's hourly allowance."""

    def form_valid(self, form):
        if not allow_board_post(self.request):
            message = _(
                "Too many messages have come from your address in the last hour. "
                "Please try again later."
            )
            return self.refuse(form, message, HTTPStatus.TOO_MANY_REQUESTS)
        return self.post_valid(form)

    def refuse(self, form, message, status=HTTPStatus.OK):
        form.add_error(None, message)
        return self.render_to_response(self.get_context_data(form=form), status=status)


@method_decorator(never_cache, name="dispatch")
class PartnerRequestCreateView(BoardPostMixin, CreateView):
    """Without `?country=`, the choice of the country; with it, the form for its regions."""

    form_class = PartnerRequestForm
    template_name = "partners/partnerrequest_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.country = request.GET.get("country")
        if self.country not in dict(country_choices()):
            status = 400 if request.method == "POST" else 200
            return self.render_to_response({"countries": country_choices()}, status=status)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "country": self.country}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            country=self.country, country_name=country_name(self.country), **kwargs
        )

    def post_valid(self, form):
        partner_request = form.save()
        try:
            send_receipt(partner_request)
        except SENDING_ERRORS:
            # Without the receipt's link the request can never be confirmed: nothing is kept.
            partner_request.delete()
            message = _(
                "The e-mail that confirms your request could not be sent just now, so the "
                "request was not kept. Please try again later."
            )
            return self.refuse(form, message)
        messages.success(
            self.request,
            _(
                "Thank you. We have sent you an e-mail: open the link in it to confirm your "
                "request. The embassy then checks it before it appears on the board."
            ),
        )
        return redirect("partners:board")


@method_decorator(never_cache, name="dispatch")
class PartnerRequestView(BoardPostMixin, FormView):
    """A request's page, with the answer form while it is published, open and has a contact."""

    form_class = AnswerForm
    template_name = "partners/partnerrequest_detail.html"

    def dispatch(self, request, *args, **kwargs):
        requests = PartnerRequest.objects.visible_to(request.user).select_related("region__parent")
        found = self.partner_request = get_object_or_404(requests, pk=kwargs["pk"])
        self.answerable = found.is_published and found.is_open and found.contact_email
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.answerable:
            return self.render_to_response(self.get_context_data(), status=HTTPStatus.NOT_FOUND)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            partner_request=self.partner_request, answerable=self.answerable, **kwargs
        )

    def post_valid(self, form):
        try:
            sent = forward_answer(self.partner_request, form.cleaned_data)
        except SENDING_ERRORS:
            sent = 0
        if not sent:
            return self.refuse(
                form, _("Your message could not be sent just now. Please try again later.")
            )
        messages.success(
            self.request,
            _("Your message has been sent. The writer of the request answers you by e-mail."),
        )
        return redirect(self.partner_request)


@method_decorator(never_cache, name="dispatch")
class PartnerRequestConfirmView(View):
    def get(self, request, token):
        partner_request = PartnerRequest.objects.from_withdrawal_token(token)
        if partner_request is None or not partner_request.is_open:
            raise Http404
        if partner_request.confirmation_expired:  # As the e-mail says; purged soon after.
            raise Http404
        if partner_request.confirm():
            request_confirmed.send(PartnerRequest, partner_request=partner_request)
        messages.success(
            request,
            _(
                "Thank you: your request is confirmed. It appears on the board once the embassy "
                "has checked it."
            ),
        )
        return redirect("partners:board")


@method_decorator(never_cache, name="dispatch")
class PartnerRequestWithdrawView(DetailView):
    context_object_name = "partner_request"
    template_name = "partners/partnerrequest_withdraw.html"

    def get_object(self):
        partner_request = PartnerRequest.objects.from_withdrawal_token(self.kwargs["token"])
        if partner_request is None:
            raise Http404
        return partner_request

    def post(self, request, *args, **kwargs):
        self.get_object().withdraw()
        messages.success(
            request,
            _(
                "Your request is withdrawn: it is no longer on the board, and your name and "
                "e-mail address are deleted."
            ),
        )
        return redirect("partners:board")
