"""Every address of the project's URLconf answers below 500, whatever is asked of it.

The routes are read from the resolver (the admin's, the API's and the public pages under every
language prefix), so a route added later is walked without changing this file. Each route is
requested with every HTTP method, anonymously and as a superuser, at its addresses that name
existing rows (one of each kind, built once for the module); then Hypothesis sends it nonsense
in the address and hostile values in the query parameters it reads.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

import pytest
import reversion
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views import main as changelist
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import FileField
from django.test import Client, RequestFactory
from django.urls import LocalePrefixPattern, URLResolver, get_resolver
from django.utils import translation
from django.utils.regex_helper import normalize
from django.views.static import serve
from django_tasks_db.models import DBTaskResult
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from reversion.models import Version

from cooperation.models import NewsPhoto, Region, Visit
from tests.factories import (
    AgreementFactory,
    MissionLinkFactory,
    NewsPhotoFactory,
    OverviewPageFactory,
    PageFactory,
    PartnerRequestFactory,
    VisitFactory,
)


@pytest.fixture(scope="module")
def rows_to_walk(django_db_setup, django_db_blocker):
    """A row of each kind that the routes show, entered as one revision of the history, so that
    the walk finds an address of each route that names a row and its versions.

    Built once for the module, in a transaction that stays open around its tests (each runs in
    a savepoint of it) and is rolled back after the last one, as `initial_content` does."""
    with django_db_blocker.unblock(), transaction.atomic():
        with reversion.create_revision():
            agreement = AgreementFactory()
            parties = [agreement.mission_region, agreement.host_region]
            visit = VisitFactory(location=agreement.mission_region, regions=parties)
            NewsPhotoFactory(visit=visit, regions=parties)
            OverviewPageFactory()
            PageFactory()
            MissionLinkFactory()
            PartnerRequestFactory(region=agreement.host_region)
        yield
        transaction.set_rollback(True)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_to_walk")]

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]


@dataclass(frozen=True)
class Route:
    """One endpoint of the URLconf, in one language: its whole regex and a template to fill."""

    regex: str
    template: str
    parameters: tuple
    callback: object

    def __str__(self):
        return self.template % {name: f"<{name}>" for name in self.parameters}

    def fill(self, values):
        return "/" + self.template % {name: values[name] for name in self.parameters}


def without_anchors(regex):
    return re.sub(r"(\\Z|\$)$", "", regex.removeprefix("^"))


def walk(patterns, regex="", template=""):
    """Every endpoint below `patterns`, with i18n_patterns under each language's prefix."""
    for entry in patterns:
        if isinstance(entry.pattern, LocalePrefixPattern):
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    prefix = entry.pattern.language_prefix
                yield from walk(entry.url_patterns, regex + re.escape(prefix), template + prefix)
            continue
        piece = without_anchors(entry.pattern.regex.pattern)
        # Django's own reversing helper: the piece as a format string and its parameters.
        piece_template, _parameters = normalize(piece)[0]
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, regex + piece, template + piece_template)
        else:
            whole = template + piece_template
            parameters = tuple(re.findall(r"%\((\w+)\)s", whole))
            yield Route(regex + piece, whole, parameters, entry.callback)


ROUTES = list(walk(get_resolver().url_patterns))


# Where a view keeps what it wraps: decorated functions, class-based views (Django's and DRF's),
# the admin's site and model admins, the instance of a bound method.
WRAPPING_ATTRIBUTES = ["__wrapped__", "view_class", "cls", "admin_site", "model_admin", "__self__"]


def view_parts(callback):
    """The callback and everything it wraps: functions, view classes, admin sites and models."""
    seen, queue = [], [callback]
    while queue:
        part = queue.pop()
        if part is None or any(part is known for known in seen):
            continue
        seen.append(part)
        queue.extend(getattr(part, attribute, None) for attribute in WRAPPING_ATTRIBUTES)
    return seen


# Real addresses: the path parameters filled with the values of existing rows.

# Values that no row holds, for parameters that name something other than a row.
FIXED_VALUES = {"format": "json", "url": ""}


def row_values(row):
    """What a route's parameters may name in one row: its fields, its id, its history."""
    model = type(row)
    values = {field.attname: field.value_from_object(row) for field in model._meta.concrete_fields}
    values.update(
        pk=row.pk,
        object_id=row.pk,
        content_type_id=ContentType.objects.get_for_model(model).pk,
        app_label=model._meta.app_label,
        # The admin's unnamed groups: an entry, then one of its versions in the history.
        _0=row.pk,
    )
    if reversion.is_registered(model):
        values["_1"] = getattr(Version.objects.get_for_object(row).first(), "pk", None)
    files = [field for field in model._meta.concrete_fields if isinstance(field, FileField)]
    if files and values[files[0].attname]:
        values["path"] = str(values[files[0].attname])
    return {**FIXED_VALUES, **{name: value for name, value in values.items() if value is not None}}


def route_model(route):
    """The model whose rows the route shows, when its view says so."""
    for part in view_parts(route.callback):
        model = getattr(part, "model", None) or getattr(
            getattr(part, "queryset", None), "model", None
        )
        if isinstance(model, type):
            return model
    return None


def real_addresses(route, visitor):
    """The route's addresses that name a row: the first row of the route's model, or of every
    model, keeping those the superuser gets without a 4xx (or the first one if none)."""
    if not route.parameters:
        return [route.fill({})]
    model = route_model(route)
    models = [model] if model else apps.get_models()
    rows = [row for row in (m._base_manager.order_by("pk").first() for m in models) if row]
    addresses = []
    for values in map(row_values, rows):
        if all(name in values for name in route.parameters):
            address = route.fill({name: quote(str(values[name])) for name in route.parameters})
            if address not in addresses and re.fullmatch(route.regex, unquote(address[1:])):
                addresses.append(address)
    if len(addresses) <= 1:
        return addresses
    found = [address for address in addresses if visitor.get(address).status_code < 400]
    return found or addresses[:1]


# Values for a query string or an address, already encoded: hostile ones, and plausible ones
# that take a request past its first check to the next parameter.

HOSTILE_TEXTS = [
    "-1",
    "0",
    "2147483648",
    "-9223372036854775809",
    "9" * 3000,
    "9" * 5000,  # More digits than int() reads.
    "1e309",
    "NaN",
    "²",  # A digit to str.isdigit(), not to int().
    "١٢",
    "burgas",
    " ",
    "\x00",
    "a\x00b",
    "x" * 3000,
    "http://example.org/",
    "//example.org",
    "../../etc/passwd",
]
INVALID_ESCAPES = ["%ff", "%c3%28", "%ed%a0%80", "%c0%af", "%", "%zz"]
PLAUSIBLE_TEXTS = ["1", "2", "csv", "json", "-year", "/", *(code for code, _ in settings.LANGUAGES)]

hostile_values = st.one_of(
    st.sampled_from(HOSTILE_TEXTS).map(lambda text: quote(text, safe="")),
    st.sampled_from(INVALID_ESCAPES),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(max_size=30).map(lambda text: quote(text, safe="")),
)
query_values = st.one_of(hostile_values, st.sampled_from(PLAUSIBLE_TEXTS))


def hostile_addresses(route):
    """Addresses of the route with nonsense in its parameters: fixed ones, and any text its
    regex accepts."""
    generated = st.from_regex(route.regex, fullmatch=True).map(
        lambda path: "/" + quote(path, safe="/")
    )
    if not route.parameters:
        return generated
    fixed = [
        route.fill(dict.fromkeys(route.parameters, value))
        for value in [quote(text, safe="") for text in HOSTILE_TEXTS] + INVALID_ESCAPES
    ]
    return st.one_of(st.sampled_from(fixed), generated)


# The query parameters a route reads.

# Read by the project's views (`mission`, `next`, `format`, `lang`, `page`, `page_size`, `q`),
# by set_language (`language`) and by Swagger UI's page (`script`).
COMMON_PARAMETERS = {"mission", "next", "format", "lang", "page", "page_size", "q"}
COMMON_PARAMETERS |= {"language", "script"}
# Read by the admin: its changelist, the filters it keeps while an entry is edited, its
# autocomplete, and the history's comparison of two versions.
ADMIN_PARAMETERS = {
    changelist.ALL_VAR,
    changelist.ORDER_VAR,
    changelist.PAGE_VAR,
    changelist.SEARCH_VAR,
    changelist.ERROR_FLAG,
    changelist.IS_POPUP_VAR,
    changelist.TO_FIELD_VAR,
    changelist.IS_FACETS_VAR,
    "_changelist_filters",
    "term",
    "app_label",
    "model_name",
    "field_name",
    "old",
    "new",
}


def filterset_parameters(filterset_class):
    names = set()
    for name, filter_ in filterset_class.base_filters.items():
        names.add(name)
        for suffix in getattr(filter_.field.widget, "suffixes", ()):
            names.add(f"{name}_{suffix}")
    return names


def route_parameters(route, superuser):
    """The common parameters, and those the route's filters, pagination or admin read."""
    names = set(COMMON_PARAMETERS)
    for part in view_parts(route.callback):
        if getattr(part, "filterset_class", None):
            names |= filterset_parameters(part.filterset_class)
        pagination = getattr(part, "pagination_class", None)
        if pagination:
            names |= {pagination.page_query_param, pagination.page_size_query_param} - {None}
        if isinstance(getattr(part, "page_kwarg", None), str):
            names.add(part.page_kwarg)
        if isinstance(part, admin.AdminSite | admin.ModelAdmin):
            names |= ADMIN_PARAMETERS
        if isinstance(part, admin.ModelAdmin):
            request = RequestFactory().get("/")
            request.user = superuser
            for spec in part.get_changelist_instance(request).filter_specs:
                names |= set(spec.expected_parameters())
    return sorted(names)


def query_strings(names):
    """Query strings with any of `names`, each with one to three values (a repeated key)."""
    values = st.lists(query_values, min_size=1, max_size=3)
    return st.fixed_dictionaries({}, optional=dict.fromkeys(names, values)).map(
        lambda query: "&".join(
            f"{name}={value}" for name, values in query.items() for value in values
        )
    )


# Server errors the walk found, each a request that must now answer below 500.


def admin_address(model, suffix):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/{suffix}"


@dataclass(frozen=True)
class FoundServerError:
    why: str
    reproduction: object  # Makes the (method, address) of the request.


FOUND_SERVER_ERRORS = [
    FoundServerError(
        "Django's admin took an empty ?_to_field= for the name of a field: get_field('')",
        lambda: ("GET", admin_address(Visit, f"{Visit.objects.first().pk}/change/?_to_field=")),
    ),
    FoundServerError(
        "the history's revert and recover pages gave int() a version id of 5,000 digits",
        lambda: ("GET", admin_address(Visit, f"recover/{'9' * 5000}/")),
    ),
    FoundServerError(
        "NewsPhoto.clean() named its error 'alt_text', a field the admin's form does not have",
        lambda: ("POST", admin_address(NewsPhoto, f"{NewsPhoto.objects.first().pk}/change/")),
    ),
    FoundServerError(
        "import-export's export page did not catch a query parameter that is not a filter",
        lambda: ("GET", admin_address(Region, "export/?next=/")),
    ),
    FoundServerError(
        "the admin put a NUL from a filter's value into the query; PostgreSQL refuses it",
        lambda: ("GET", admin_address(Region, "?country__exact=a%00b")),
    ),
    FoundServerError(
        "the autocomplete widget looked up a region by a key that is no number",
        lambda: ("GET", admin_address(Visit, "add/?location=abc")),
    ),
    FoundServerError(
        "the autocomplete widget and the list's lookups gave the database a number no key holds",
        lambda: ("GET", admin_address(Region, "?id__in=99999999999999999999")),
    ),
    FoundServerError(
        "the view-on-site link let out the ValidationError of a UUID key given as 1",
        lambda: ("GET", f"/admin/r/{ContentType.objects.get_for_model(DBTaskResult).pk}/1/"),
    ),
]


class Visitors:
    """An anonymous visitor, whose forms need a CSRF token as a browser's do, and a logged-in
    superuser, who gets past it to the admin's forms and logs in again after any request that
    logged them out (the admin's logout page)."""

    def __init__(self, superuser):
        self.superuser = superuser
        self.clients = {"anonymous": Client(enforce_csrf_checks=True), "superuser": Client()}
        self.clients["superuser"].force_login(superuser)

    def request(self, route, who, method, address):
        """The response; a server error fails the test with the request that caused it."""
        client = self.clients[who]
        request = f"{method} {address[:300]} as {who}"
        try:
            response = client.generic(method, address)
        except Exception as error:
            raise AssertionError(f"{request} raised {error!r:.300}") from error
        assert response.status_code < 500, f"{request}: {response.status_code}"
        if who == "superuser" and "_auth_user_id" not in client.session:
            client.force_login(self.superuser)
        return response


@pytest.fixture
def visitors(django_user_model):
    superuser = django_user_model.objects.create_superuser("walker", "walker@example.org", "pw")
    return Visitors(superuser)


def declares_its_methods(route):
    """Every route but the media files that static() serves while DEBUG is on, never in
    production."""
    return serve not in view_parts(route.callback)


def assert_unused_methods_are_refused(address, responses):
    """The methods the route does not name in its Allow header answer 405."""
    allowed = {method.strip() for method in responses["OPTIONS"].get("Allow", "").split(",")}
    assert allowed - {""}, f"OPTIONS {address} names no method in Allow"
    for method, response in responses.items():
        if method not in allowed:
            assert response.status_code == 405, f"{method} {address}: {response.status_code}"


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_no_request_to_any_route_is_a_server_error(route, visitors):
    addresses = real_addresses(route, visitors.clients["superuser"])
    for address in addresses:
        anonymous = {}
        for method in METHODS:
            for who in visitors.clients:
                response = visitors.request(route, who, method, address)
                if who == "anonymous":
                    anonymous[method] = response
        if declares_its_methods(route):
            assert_unused_methods_are_refused(address, anonymous)

    parameters = route_parameters(route, visitors.superuser)
    real = st.sampled_from(addresses) if addresses else st.nothing()

    @given(
        address=st.one_of(real, hostile_addresses(route)),
        query=query_strings(parameters),
        method=st.sampled_from(METHODS),
        who=st.sampled_from(list(visitors.clients)),
    )
    @hypothesis_settings(
        max_examples=5,
        derandomize=True,
        database=None,
        deadline=None,
        # The failing request is in the error's message; shrinking it costs more than it shows.
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def hostile_requests_answer_below_500(address, query, method, who):
        visitors.request(route, who, method, f"{address}?{query}")

    hostile_requests_answer_below_500()


@pytest.mark.parametrize("found", FOUND_SERVER_ERRORS, ids=lambda found: found.why[:40])
def test_a_server_error_the_walk_found_is_gone(found, staff_client):
    method, address = found.reproduction()
    assert staff_client.generic(method, address).status_code < 500


# The project's own routes.


@pytest.mark.parametrize("url", ["/sitemap.xml", "/robots.txt"])
@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "OPTIONS", "TRACE"])
def test_sitemap_and_robots_answer_other_methods_than_get_with_405(url, method):
    """TRACE on the sitemap was a 200."""
    response = Client(enforce_csrf_checks=True).generic(method, url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


@pytest.mark.parametrize("method", ["GET", "HEAD", "PUT", "TRACE"])
def test_the_language_menu_takes_its_choice_by_post_only(method):
    response = Client(enforce_csrf_checks=True).generic(method, "/i18n/setlang/?language=ru")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_the_language_menu_still_needs_a_csrf_token():
    response = Client(enforce_csrf_checks=True).post("/i18n/setlang/", {"language": "ru"})
    assert response.status_code == 403
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
