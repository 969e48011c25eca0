"""Site-wide views."""

import pytest


@pytest.mark.django_db
def test_health_check_answers_ok_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"
