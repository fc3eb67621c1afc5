"""Garbage in every form and query string: a clear 4xx or the page again, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client

from factcheck.models import Claim
from tests.factories import make_claim

GARBAGE = ["", "x", "-1", "99999999999999999999", "\x00' OR 1=1 --" + "🙂" * 50]


@pytest.fixture
def taken(reviewer) -> Claim:
    return make_claim(status=Claim.Status.IN_PROGRESS, assignee=reviewer)


def signed_in(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("value", GARBAGE)
@pytest.mark.parametrize(
    "param", ["kind", "language", "status", "article", "sort", "after", "before", "page", "mine"]
)
def test_queue_query_strings(reviewer, param, value):
    response = signed_in(reviewer).get("/queue/", {param: value})
    assert response.status_code < 500


@pytest.mark.django_db
@pytest.mark.parametrize("value", GARBAGE)
@pytest.mark.parametrize(
    "field",
    ["action", "version", "verdict", "explanation", "source", "url", "accessed_on",
     "reason", "value-for", "value-date", "value-count"],
)
def test_claim_page_posts(reviewer, taken, field, value):
    client = signed_in(reviewer)
    for action in ("save", "submit", "add_source", "remove_source", "dismiss", "take"):
        data = {"action": action, "version": str(taken.version), field: value}
        response = client.post(taken.get_absolute_url(), data)
        assert response.status_code < 500, (action, field, value)
        response = client.post(taken.get_absolute_url(), data, HTTP_HX_REQUEST="true")
        assert response.status_code < 500, (action, field, value, "htmx")


@pytest.mark.django_db
@pytest.mark.parametrize("value", GARBAGE)
@pytest.mark.parametrize("field", ["action", "claim", "version", "comment", "page"])
def test_approval_posts(editor, reviewer, field, value):
    claim = make_claim(status=Claim.Status.SUBMITTED, assignee=reviewer)
    data = {"action": "approve", "claim": str(claim.uuid), "version": str(claim.version),
            field: value}
    assert signed_in(editor).post("/approvals/", data).status_code < 500


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/claims/not-a-uuid/", "/articles/123/", "/articles/x/report/"])
def test_malformed_addresses_are_404(editor, path):
    assert signed_in(editor).get(path).status_code == 404
