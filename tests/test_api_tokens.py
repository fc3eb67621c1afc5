"""API tokens: stored hashed, shown once, revoked; 401s; the rate limit; page, admin, command."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from factcheck.api.models import ApiToken, hash_token
from tests.api_client import ApiClient, token_for
from tests.factories import login
from tests.test_api import assert_problem

CLAIMS = "/api/v1/claims/"
PAGE = "/account/api-tokens/"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def test_a_token_is_stored_hashed_and_records_its_last_use(reviewer):
    raw = token_for(reviewer)
    token = ApiToken.objects.get()
    assert raw.startswith("nfc_") and len(raw) > 40
    assert token.key_hash == hash_token(raw) and raw not in str(vars(token))
    assert token.last_used_at is None
    assert ApiClient(raw).get(CLAIMS).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_last_use_is_written_at_most_once_a_minute(reviewer):
    raw = token_for(reviewer)
    api = ApiClient(raw)
    api.get(CLAIMS)
    first = ApiToken.objects.get().last_used_at
    api.get(CLAIMS)
    assert ApiToken.objects.get().last_used_at == first
    ApiToken.objects.update(last_used_at=timezone.now() - dt.timedelta(minutes=2))
    api.get(CLAIMS)
    assert ApiToken.objects.get().last_used_at > first


def test_no_token_is_401_with_a_challenge(db):
    response = ApiClient().get(CLAIMS)
    body = assert_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "credentials" in body["detail"].lower()


@pytest.mark.parametrize("header", ["Bearer", "Bearer a b", "Bearer nfc_unknown"])
def test_a_malformed_or_unknown_token_is_401(db, header):
    response = ApiClient().client.get(CLAIMS, headers={"Authorization": header})
    assert_problem(response, 401)


def test_a_revoked_token_is_401(reviewer):
    raw = token_for(reviewer)
    ApiToken.objects.get().revoke()
    body = assert_problem(ApiClient(raw).get(CLAIMS), 401)
    assert "revoked" in body["detail"]


def test_an_inactive_users_token_is_401(reviewer):
    raw = token_for(reviewer)
    get_user_model().objects.filter(pk=reviewer.pk).update(is_active=False)
    assert_problem(ApiClient(raw).get(CLAIMS), 401)


def test_a_token_over_the_rate_limit_gets_429_and_others_go_on(reviewer, other_reviewer,
                                                              settings):
    settings.API_RATE_LIMIT = "3/min"
    busy, calm = ApiClient(token_for(reviewer)), ApiClient(token_for(other_reviewer))
    assert [busy.get(CLAIMS).status_code for _ in range(3)] == [200, 200, 200]
    response = busy.get(CLAIMS)
    body = assert_problem(response, 429)
    assert int(response["Retry-After"]) > 0
    assert "seconds" in body["detail"]
    assert calm.get(CLAIMS).status_code == 200


def test_the_limit_counts_per_token_not_per_user(reviewer, settings):
    settings.API_RATE_LIMIT = "2/min"
    first, second = ApiClient(token_for(reviewer)), ApiClient(token_for(reviewer, "second"))
    first.get(CLAIMS)
    first.get(CLAIMS)
    assert first.get(CLAIMS).status_code == 429
    assert second.get(CLAIMS).status_code == 200


# --- the page -----------------------------------------------------------------------


def test_the_page_shows_a_new_token_once(reviewer):
    client = login(reviewer)
    response = client.post(PAGE, {"action": "create", "name": "CMS"})
    assert response.status_code == 200
    raw = response.context["new_token"]
    assert raw and raw in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    token = ApiToken.objects.get()
    assert (token.user, token.name) == (reviewer, "CMS")
    assert ApiClient(raw).get(CLAIMS).status_code == 200
    again = client.get(PAGE).content.decode()
    assert raw not in again and token.prefix in again


def test_the_page_refuses_a_token_without_a_name(reviewer):
    response = login(reviewer).post(PAGE, {"action": "create", "name": ""})
    assert response.status_code == 200 and response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_the_page_revokes_the_users_own_token(reviewer):
    raw = token_for(reviewer)
    token = ApiToken.objects.get()
    response = login(reviewer).post(PAGE, {"action": "revoke", "token": str(token.uuid)})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.is_revoked
    assert ApiClient(raw).get(CLAIMS).status_code == 401


def test_the_page_lists_and_revokes_no_other_users_token(reviewer, other_reviewer):
    token_for(other_reviewer, "Ravi's script")
    token = ApiToken.objects.get()
    client = login(reviewer)
    assert "Ravi's script" not in client.get(PAGE).content.decode()
    response = client.post(PAGE, {"action": "revoke", "token": str(token.uuid)})
    assert response.status_code == 404
    token.refresh_from_db()
    assert not token.is_revoked


# --- admin and command ----------------------------------------------------------------


@pytest.fixture
def admin_client_(db):
    admin = get_user_model().objects.create_superuser("ada", "ada@example.org", "x" * 20)
    return login(admin)


def test_an_admin_creates_a_token_shown_once_in_a_message(admin_client_, reviewer):
    url = reverse("admin:factcheck_apitoken_add")
    response = admin_client_.post(url, {"user": reviewer.pk, "name": "Import"}, follow=True)
    assert response.status_code == 200
    token = ApiToken.objects.get()
    shown = [str(m) for m in response.context["messages"]]
    raw = next(m.split(": ", 1)[1] for m in shown if "not shown again" in m)
    assert hash_token(raw) == token.key_hash and token.user == reviewer


def test_an_admin_revokes_tokens(admin_client_, reviewer):
    raw = token_for(reviewer)
    url = reverse("admin:factcheck_apitoken_changelist")
    token = ApiToken.objects.get()
    admin_client_.post(url, {"action": "revoke", "_selected_action": [token.pk]})
    assert ApiClient(raw).get(CLAIMS).status_code == 401


def test_the_command_prints_a_working_token(reviewer, capsys):
    call_command("apitoken", "rita", "--name", "nightly script")
    raw = capsys.readouterr().out.strip()
    assert ApiToken.objects.get().name == "nightly script"
    assert ApiClient(raw).get(CLAIMS).status_code == 200


def test_the_command_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="No user named"):
        call_command("apitoken", "nobody")
    assert not ApiToken.objects.exists()
