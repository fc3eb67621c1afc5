"""Sign-in: failed attempts are throttled per username and per address (django-axes)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import PASSWORD, make_user

LOGIN = reverse("login")
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def user(db):
    return make_user("sam")


def sign_in(client, username: str, password: str, address: str = "192.0.2.10"):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address
    )


def fail(client, username: str, times: int, address: str = "192.0.2.10") -> list[int]:
    return [sign_in(client, username, "wrong-password", address).status_code for _ in range(times)]


def test_the_limit_is_a_handful_of_attempts():
    assert 3 <= LIMIT <= 10
    assert settings.AXES_COOLOFF_TIME.total_seconds() >= 5 * 60


def test_a_right_password_signs_in(client, user):
    response = sign_in(client, "sam", PASSWORD)
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(user.pk)


def test_wrong_passwords_lock_the_username_out_even_with_the_right_one(client, user):
    # The form comes back for each wrong password; the one that reaches the limit locks.
    assert fail(client, "sam", LIMIT) == [200] * (LIMIT - 1) + [429]
    response = sign_in(client, "sam", PASSWORD)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Too many failed sign-ins" in body and "15 minutes" in body
    assert "_auth_user_id" not in client.session


def test_the_username_stays_locked_from_another_address(client, user):
    for n in range(LIMIT):
        fail(client, "sam", 1, address=f"198.51.100.{n + 1}")
    assert sign_in(client, "sam", PASSWORD, address="203.0.113.99").status_code == 429


def test_one_address_trying_many_usernames_is_locked_out(client, user):
    for n in range(LIMIT):
        fail(client, f"guess{n}", 1)
    assert sign_in(client, "sam", PASSWORD).status_code == 429
    # Another address, same user: the user itself has no failure.
    assert sign_in(client, "sam", PASSWORD, address="203.0.113.7").status_code == 302


def test_a_success_resets_the_count(client, user):
    assert fail(client, "sam", LIMIT - 1) == [200] * (LIMIT - 1)
    assert sign_in(client, "sam", PASSWORD).status_code == 302
    client.logout()
    assert fail(client, "sam", LIMIT - 1) == [200] * (LIMIT - 1)
    assert sign_in(client, "sam", PASSWORD).status_code == 302


def test_the_lockout_page_is_translated(client, user):
    fail(client, "sam", LIMIT)
    response = client.post(
        LOGIN, {"username": "sam", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.10", HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 429
    assert "Trop de connexions échouées" in response.content.decode()


def test_sign_in_without_a_request_still_works(user):
    """Scripts and the test client's login() have no address; they are not refused."""
    from django.contrib.auth import authenticate

    assert authenticate(username="sam", password=PASSWORD) == user
    assert authenticate(username="sam", password="wrong") is None


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(client, user, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for n in range(LIMIT):
        # Each attempt claims a new forwarded address on the left: spoofed, so ignored.
        client.post(
            LOGIN, {"username": f"guess{n}", "password": "wrong"}, REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 198.51.100.20",
        )
    locked = client.post(
        LOGIN, {"username": "sam", "password": PASSWORD}, REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert locked.status_code == 429
    # Another client behind the same proxy is not blocked with the first one.
    other = client.post(
        LOGIN, {"username": "sam", "password": PASSWORD}, REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="198.51.100.21",
    )
    assert other.status_code == 302
