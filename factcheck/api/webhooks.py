"""Outgoing webhooks: events recorded with the change that caused them, sent after commit.

`emit` runs inside the action's transaction: it writes one WebhookDelivery per
subscribed endpoint, and the send is queued on commit. A rolled-back change
leaves no delivery and sends nothing. The task (tasks.deliver_webhook) posts
the JSON body signed as Stripe and GitHub do:

    X-Factcheck-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">

with the endpoint's secret, and retries with exponential backoff.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.request
from functools import partial
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from factcheck.api.models import Webhook, WebhookDelivery, WebhookEvent
from factcheck.api.serializers import FactCheckOut

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Factcheck-Signature"
EVENT_HEADER = "X-Factcheck-Event"
DELIVERY_HEADER = "X-Factcheck-Delivery"
# A receiver should refuse a signature older than this (replays).
SIGNATURE_TOLERANCE = 300


def emit(event: WebhookEvent, data: dict[str, Any]) -> list[WebhookDelivery]:
    """Record `event` for every active endpoint that wants it; sent once the caller commits."""
    return emit_many(event, [data])


def emit_many(event: WebhookEvent, items: list[dict[str, Any]]) -> list[WebhookDelivery]:
    """emit() for many objects (a batch of extracted articles): the endpoints read once."""
    endpoints = [hook for hook in Webhook.objects.filter(is_active=True) if event in hook.events]
    if not endpoints or not items:
        return []
    deliveries = []
    for data in items:
        body = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
        for hook in endpoints:  # the uuid is made with the instance: the body names it
            delivery = WebhookDelivery(webhook=hook, event=event)
            delivery.payload = {"id": str(delivery.uuid), "event": str(event),
                                "created_at": timezone.now().isoformat(), "data": body}
            deliveries.append(delivery)
    WebhookDelivery.objects.bulk_create(deliveries)
    for delivery in deliveries:
        transaction.on_commit(partial(send, delivery.pk))
    return deliveries


def article_data(article: Any, claims: int | None = None) -> dict[str, Any]:
    """An article as events name it: enough to decide whether to GET it from the API."""
    return {
        "uuid": article.uuid,
        "external_id": article.external_id,
        "title": article.title,
        "status": article.status,
        "language": article.language,
        "claims": article.claims.current().count() if claims is None else claims,
        "api_url": reverse("api:article", kwargs={"uuid": article.uuid}),
    }


def claim_data(claim: Any) -> dict[str, Any]:
    verdict = claim.verdict
    return {
        "uuid": claim.uuid,
        "article": {"uuid": claim.article.uuid, "external_id": claim.article.external_id},
        "kind": claim.kind,
        "text": claim.text,
        "value": claim.value,
        "verdict": verdict and {"label_en": verdict.label_en, "label_fr": verdict.label_fr,
                                "rating": verdict.rating},
        "explanation": claim.explanation,
    }


def fact_check_data(article: Any, change: str) -> dict[str, Any]:
    """A published fact-check as `GET /api/v1/fact-checks/<slug>/` returns it, with `change`:
    "published" (first time or again after unpublishing) or "corrected" (a claim's verdict,
    explanation or sources changed: the ClaimReview data is the corrected one)."""
    body = FactCheckOut(article, context={"base_url": settings.FACTCHECK_SITE_URL}).data
    return {"change": change, **body,
            "api_url": reverse("api:fact_check", kwargs={"slug": article.slug})}


def send(delivery_id: int) -> None:
    """Queue the delivery task; a broker outage is logged, never raised into the request."""
    from factcheck import enqueue
    from factcheck.tasks import deliver_webhook

    try:
        deliver_webhook.apply_async((delivery_id,), retry_policy=enqueue.PUBLISH_RETRY_POLICY)
    except enqueue.BROKER_ERRORS as exc:
        logger.warning("broker unreachable, webhook delivery %s not sent: %s", delivery_id, exc)


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The header's value for `body` signed at `timestamp` (unix seconds)."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify(secret: str, header: str, body: bytes, *, now: float | None = None) -> bool:
    """What a receiver does: the signature matches and is recent. (Used by our tests.)"""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    if not parts.get("t", "").isdigit() or "v1" not in parts:
        return False
    timestamp = int(parts["t"])
    if abs((time.time() if now is None else now) - timestamp) > SIGNATURE_TOLERANCE:
        return False
    expected = signature(secret, timestamp, body).split("v1=", 1)[1]
    return hmac.compare_digest(expected, parts["v1"])


class DeliveryFailed(Exception):
    """The endpoint did not answer 2xx: the task retries later."""


def attempt(delivery: WebhookDelivery) -> None:
    """POST the delivery once and record the outcome; DeliveryFailed when it did not land."""
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    request = urllib.request.Request(
        delivery.webhook.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "NewsroomFactcheck-Webhook/1",
            EVENT_HEADER: delivery.event,
            DELIVERY_HEADER: str(delivery.uuid),
            SIGNATURE_HEADER: signature(delivery.webhook.secret, int(time.time()), body),
        },
    )
    delivery.attempts += 1
    status, error = None, ""
    try:
        with urllib.request.urlopen(request, timeout=settings.WEBHOOK_TIMEOUT) as response:
            status = response.status
    except urllib.error.HTTPError as exc:
        status, error = exc.code, f"HTTP {exc.code} {exc.reason}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        error = f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}"
    delivered = status is not None and 200 <= status < 300
    delivery.response_status, delivery.last_error = status, error[:2000]
    if delivered:
        delivery.status, delivery.delivered_at = WebhookDelivery.Status.DELIVERED, timezone.now()
    elif delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.FAILED
    delivery.save(update_fields=["attempts", "response_status", "last_error", "status",
                                 "delivered_at"])
    if not delivered:
        raise DeliveryFailed(error)


def backoff(attempts: int) -> float:
    """Seconds before the next attempt: base, 2 x base, 4 x base ..., at most an hour."""
    return min(settings.WEBHOOK_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0), 3600.0)
