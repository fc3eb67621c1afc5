"""Sign-in throttling: django-axes, adapted to the places that sign in without a request."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest
from django.shortcuts import render


class SignInThrottleBackend(AxesStandaloneBackend):
    """Refuses sign-ins for a locked-out username or address (the limits are AXES_* settings).

    Every web sign-in passes its request; a call without one (a management
    command, a script, the test client's login()) has no address to throttle,
    so it is left to the next backend instead of failing as axes would.
    """

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None,
        password: str | None = None, **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def client_address(request: HttpRequest) -> str | None:
    """The address a sign-in is counted against (AXES_CLIENT_IP_CALLABLE).

    Behind TRUSTED_PROXY_COUNT reverse proxies, each of which appends the
    address it received the request from to X-Forwarded-For, the client is the
    N-th entry from the right; entries further left are whatever the client
    sent and cannot be trusted. Without proxies it is REMOTE_ADDR.
    """
    from django.conf import settings

    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")


def locked_out(request: HttpRequest, original_response: Any = None, credentials: Any = None):
    """The page shown instead of the sign-in form while a lockout lasts (AXES_LOCKOUT_CALLABLE)."""
    from django.conf import settings

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
