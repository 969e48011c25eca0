"""
The error pages, as production shows them (debug off): in the site's layout and the visitor's
language (the address's prefix, else the browser's), with a way on.
"""

import pytest
from django.test import Client

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("tests.embassy.error_urls"),
]


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False


def assert_error_page(response, status, language, title, home):
    page = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{language}">' in page
    assert title in page
    assert 'class="site-header"' in page and 'class="site-footer"' in page
    assert '<meta name="robots" content="noindex">' in page
    # A way on: the home page, the list and the search, in the same language.
    assert f'href="{home}"' in page
    assert f'href="{home}cooperation/agreements/"' in page
    assert f'action="{home}search/"' in page


@pytest.mark.parametrize(
    ("path", "language", "title"),
    [
        ("/ru/no-such-page/", "ru", "Страница не найдена"),
        ("/en/cooperation/regions/no-such-region/", "en", "Page not found"),
    ],
)
def test_a_missing_page_is_shown_in_the_language_of_its_address(client, path, language, title):
    response = client.get(path)
    assert_error_page(response, 404, language, title, f"/{language}/")


def test_a_missing_page_without_a_language_follows_the_browser(client):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="be")
    assert_error_page(response, 404, "be", "Старонка не знойдзена", "/be/")


def test_the_language_menu_of_an_error_page_leads_to_each_home_page(client):
    page = client.get("/bg/no-such-page/").content.decode()
    assert 'href="/ru/" hreflang="ru"' in page
    assert 'hreflang="ru" href="' not in page  # no alternates of a page that does not exist


@pytest.mark.parametrize(
    ("path", "headers", "language", "title"),
    [
        ("/be/test-errors/500/", {}, "be", "Нешта пайшло не так"),
        ("/test-errors/500/", {"HTTP_ACCEPT_LANGUAGE": "en"}, "en", "Something went wrong"),
    ],
)
def test_a_server_error_shows_the_sites_page_without_touching_the_database(
    django_assert_num_queries, path, headers, language, title
):
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get(path, **headers)
    assert_error_page(response, 500, language, title, f"/{language}/")
    # The footer's mission selector needs the database: it is left out.
    assert "mission-select" not in response.content.decode()


@pytest.mark.parametrize(
    ("path", "status", "language", "title"),
    [
        ("/ru/test-errors/403/", 403, "ru", "Доступ запрещён"),
        ("/en/test-errors/403/", 403, "en", "Access denied"),
        ("/bg/test-errors/400/", 400, "bg", "Грешна заявка"),
        ("/en/test-errors/400/", 400, "en", "Bad request"),
    ],
)
def test_a_forbidden_page_and_a_bad_request_are_explained(client, path, status, language, title):
    assert_error_page(client.get(path), status, language, title, f"/{language}/")


def test_a_request_for_another_host_gets_the_bad_request_page_without_that_host(client):
    response = client.get("/ru/", HTTP_HOST="attacker.example")
    assert_error_page(response, 400, "ru", "Неверный запрос", "/ru/")
    assert "attacker.example" not in response.content.decode()


@pytest.mark.parametrize(
    ("language", "title"),
    [("bg", "Формулярът не можа да бъде изпратен"), ("en", "The form could not be sent")],
)
def test_a_form_refused_by_the_csrf_check_is_explained(language, title):
    client = Client(enforce_csrf_checks=True)
    # The language switch is a form without a language prefix: Accept-Language decides.
    response = client.post(
        "/i18n/setlang/", {"language": "ru"}, headers={"accept-language": language}
    )
    assert_error_page(response, 403, language, title, f"/{language}/")
