"""The filters of the public lists, as a visitor's query string reaches them."""

import pytest
from django.utils.html import escape

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/bg/cooperation/agreements/", "/bg/cooperation/visits/"])
@pytest.mark.parametrize("region", ["brest\x00", "брест", "x" * 3000])
def test_a_region_that_is_no_slug_gives_the_page_with_a_message(client, url, region):
    """The region menu looked the value up as it came: with a NUL, PostgreSQL refused the
    query, a 500."""
    response = client.get(url, {"region": region})
    assert response.status_code == 200
    [message] = response.context["filter"].form.errors["region"]
    assert escape(message) in response.content.decode()
    menu = response.context["filter"].form.fields["region"].widget.choices
    assert region not in str(list(menu))
