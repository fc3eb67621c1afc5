"""Webhooks, delivered by a real Celery worker to a receiver on this machine.

The receiver checks each delivery's signature as a newsroom system would; the
tests cover the events, a retry after a failing first delivery, and that a
rolled-back change sends nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import kombu.exceptions
import pytest
from django.conf import settings as django_settings
from django.db import transaction
from django.utils import timezone

from factcheck import tasks
from factcheck.actions import publishing, review
from factcheck.api import webhooks
from factcheck.api.models import Webhook, WebhookDelivery, WebhookEvent
from factcheck.claimreview import claim_review
from factcheck.models import Article, Claim, Organisation
from tests.api_client import api_for
from tests.conftest import wait_for
from tests.factories import (
    SAMPLE_TEXT,
    add_source,
    make_article,
    make_claim,
    make_extracted_article,
    make_published_article,
    review_and_approve,
    verdict,
)

SECRET = "whsec-test-0123456789"


@dataclass
class Receiver:
    """A local HTTP endpoint: answers with `statuses` in turn (then 200), records requests."""

    statuses: list[int] = field(default_factory=list)
    received: list[dict] = field(default_factory=list)
    url: str = ""

    def handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                signature = self.headers.get(webhooks.SIGNATURE_HEADER, "")
                receiver.received.append({
                    "event": self.headers.get(webhooks.EVENT_HEADER),
                    "delivery": self.headers.get(webhooks.DELIVERY_HEADER),
                    "valid": webhooks.verify(SECRET, signature, body),
                    "body": json.loads(body),
                })
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        return Handler


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    found = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), found.handler())
    found.url = f"http://127.0.0.1:{server.server_port}/hooks/factcheck"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield found
    server.shutdown()
    server.server_close()


def endpoint(receiver: Receiver, *events: str) -> Webhook:
    return Webhook.objects.create(url=receiver.url, secret=SECRET,
                                  events=list(events or WebhookEvent.values))


def submitted_claim(editor, reviewer):
    claim = review.take_claim(make_claim(make_article(editor)), reviewer)
    add_source(claim)
    return review.submit_claim(claim, reviewer, version=claim.version, verdict=verdict("True"),
                               explanation="Le scrutin public le confirme.")


# --- signatures (no worker) ---------------------------------------------------------


def test_a_signature_verifies_only_its_body_secret_and_recent_time():
    body = b'{"event":"claim.approved"}'
    now = int(time.time())
    header = webhooks.signature(SECRET, now, body)
    assert header.startswith(f"t={now},v1=")
    assert webhooks.verify(SECRET, header, body)
    assert not webhooks.verify(SECRET, header, body + b" ")
    assert not webhooks.verify("another-secret", header, body)
    old = webhooks.signature(SECRET, now - 3600, body)
    assert not webhooks.verify(SECRET, old, body)
    assert not webhooks.verify(SECRET, "garbage", body)


def test_backoff_doubles(settings):
    settings.WEBHOOK_RETRY_BASE_SECONDS = 30
    assert [webhooks.backoff(n) for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert webhooks.backoff(20) == 3600


@pytest.mark.django_db
def test_only_active_endpoints_that_want_the_event_get_a_delivery(
    editor, reviewer, django_capture_on_commit_callbacks
):
    wanted = Webhook.objects.create(url="http://127.0.0.1:9/a", events=["claim.approved"])
    Webhook.objects.create(url="http://127.0.0.1:9/b", events=["article.extracted"])
    Webhook.objects.create(url="http://127.0.0.1:9/c", events=["claim.approved"],
                           is_active=False)
    claim = submitted_claim(editor, reviewer)
    with django_capture_on_commit_callbacks() as callbacks:
        review.approve_claim(claim, editor, version=claim.version)
    delivery = WebhookDelivery.objects.get()
    assert delivery.webhook == wanted and delivery.event == "claim.approved"
    assert delivery.payload["id"] == str(delivery.uuid)
    data = delivery.payload["data"]
    assert data["uuid"] == str(claim.uuid) and data["verdict"]["label_en"] == "True"
    # One webhook send; the approval's notification email is another callback.
    sends = [c for c in callbacks if getattr(c, "func", None) is webhooks.send]
    assert len(sends) == 1


@pytest.mark.django_db
def test_a_dismissal_approved_is_not_claim_approved(editor, reviewer, settings):
    Webhook.objects.create(url="http://127.0.0.1:9/a", events=["claim.approved"])
    claim = review.take_claim(make_claim(make_article(editor)), reviewer)
    claim = review.dismiss_claim(claim, reviewer, version=claim.version,
                                 reason="not_checkable", note="Une opinion.")
    review.approve_claim(claim, editor, version=claim.version)
    assert not WebhookDelivery.objects.exists()


# --- delivered by the worker ------------------------------------------------------------


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_claim_approved_is_delivered_signed(celery_worker, receiver, editor, reviewer):
    endpoint(receiver, "claim.approved")
    claim = submitted_claim(editor, reviewer)
    review.approve_claim(claim, editor, version=claim.version)
    wait_for(lambda: receiver.received)
    [got] = receiver.received
    assert got["valid"] and got["event"] == "claim.approved"
    assert got["body"]["data"]["uuid"] == str(claim.uuid)
    delivery = wait_for(lambda: WebhookDelivery.objects.filter(status="delivered").first())
    assert got["delivery"] == str(delivery.uuid)
    assert (delivery.attempts, delivery.response_status) == (1, 200)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_failing_first_delivery_is_retried(celery_worker, receiver, editor, reviewer):
    receiver.statuses = [500]
    endpoint(receiver, "claim.approved")
    claim = submitted_claim(editor, reviewer)
    review.approve_claim(claim, editor, version=claim.version)
    delivery = wait_for(lambda: WebhookDelivery.objects.filter(status="delivered").first())
    assert delivery.attempts == 2 and delivery.response_status == 200
    assert len(receiver.received) == 2
    assert all(got["valid"] for got in receiver.received)
    # The same delivery both times: the receiver can tell a retry from a new event.
    assert len({got["delivery"] for got in receiver.received}) == 1


@pytest.mark.django_db
def test_an_endpoint_that_keeps_failing_is_given_up(receiver, editor, reviewer, settings):
    """Each attempt is logged; after WEBHOOK_MAX_ATTEMPTS the delivery is failed, never resent."""
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    receiver.statuses = [503, 503]
    endpoint(receiver, "claim.approved")
    claim = submitted_claim(editor, reviewer)
    review.approve_claim(claim, editor, version=claim.version)
    delivery = WebhookDelivery.objects.select_related("webhook").get()
    with pytest.raises(webhooks.DeliveryFailed):
        webhooks.attempt(delivery)
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("pending", 1, 503)
    assert tasks.deliver_webhook(delivery.pk) == "failed"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("failed", 2)
    assert "503" in delivery.last_error
    assert tasks.deliver_webhook(delivery.pk) == "nothing pending"
    assert len(receiver.received) == 2


@pytest.mark.django_db
def test_an_unreachable_endpoint_is_logged(editor, reviewer):
    Webhook.objects.create(url="http://127.0.0.1:9/closed", events=["claim.approved"])
    claim = submitted_claim(editor, reviewer)
    review.approve_claim(claim, editor, version=claim.version)
    delivery = WebhookDelivery.objects.select_related("webhook").get()
    with pytest.raises(webhooks.DeliveryFailed):
        webhooks.attempt(delivery)
    delivery.refresh_from_db()
    assert delivery.response_status is None and "refused" in delivery.last_error.lower()


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_nothing_is_sent_for_a_rolled_back_change(celery_worker, receiver, editor, reviewer):
    endpoint(receiver, "claim.approved")
    claim = submitted_claim(editor, reviewer)
    with pytest.raises(RuntimeError), transaction.atomic():
        review.approve_claim(claim, editor, version=claim.version)
        raise RuntimeError("the request failed after the approval")
    claim.refresh_from_db()
    assert claim.status == "submitted"
    assert not WebhookDelivery.objects.exists()
    # A later change is delivered: had the rolled-back one been queued, it would be first.
    other = submitted_claim(editor, reviewer)
    review.approve_claim(other, editor, version=other.version)
    wait_for(lambda: receiver.received)
    time.sleep(1)
    assert [got["body"]["data"]["uuid"] for got in receiver.received] == [str(other.uuid)]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_delivery_the_broker_never_got_is_swept_and_sent(celery_worker, receiver, editor,
                                                          reviewer, monkeypatch):
    endpoint(receiver, "claim.approved")
    claim = submitted_claim(editor, reviewer)

    def broker_down(*args, **kwargs):
        raise kombu.exceptions.OperationalError("Error 111 connecting to redis: refused")

    # The broker is down when the approval commits: the approval stands, the delivery waits.
    monkeypatch.setattr(tasks.deliver_webhook, "apply_async", broker_down)
    review.approve_claim(claim, editor, version=claim.version)
    monkeypatch.undo()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("pending", 0)
    assert tasks.sweep_unsent_webhooks() == 0  # too recent: its message may still be on its way
    WebhookDelivery.objects.update(queued_at=timezone.now() - dt.timedelta(minutes=10))
    assert tasks.sweep_unsent_webhooks() == 1
    assert tasks.sweep_unsent_webhooks() == 0  # marked: the next sweep does not send it again
    wait_for(lambda: WebhookDelivery.objects.filter(status="delivered").exists())
    [got] = receiver.received
    assert got["valid"] and got["delivery"] == str(delivery.uuid)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_article_extracted_follows_an_article_sent_through_the_api(celery_worker, receiver,
                                                                   editor):
    endpoint(receiver, "article.extracted")
    response = api_for(editor).post("/api/v1/articles/", {
        "title": "Vote au Sénat", "text": SAMPLE_TEXT, "published": "2024-11-20",
        "external_id": "cms-42"})
    assert response.status_code == 201
    wait_for(lambda: receiver.received)
    [got] = receiver.received
    assert got["valid"] and got["event"] == "article.extracted"
    data = got["body"]["data"]
    article = Article.objects.get(external_id="cms-42")
    assert data["uuid"] == str(article.uuid) and data["external_id"] == "cms-42"
    assert data["status"] == "in_review" and data["claims"] >= 2
    assert data["api_url"] == f"/api/v1/articles/{article.uuid}/"


# --- factcheck.published: on publication and on a correction ----------------------------------


def published_reviews(article: Article) -> list[dict]:
    organisation = Organisation.current()
    reviews = [claim_review(claim, organisation, django_settings.FACTCHECK_SITE_URL)
               for claim in Claim.objects.public().filter(article=article)]
    return json.loads(json.dumps(reviews))


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_factcheck_published_is_sent_on_publication_and_again_on_a_correction(
    celery_worker, receiver, editor, reviewer
):
    endpoint(receiver, "factcheck.published")
    article = make_published_article(editor, reviewer, labels=("True", "Unverifiable"))
    wait_for(lambda: receiver.received)
    [got] = receiver.received
    assert got["valid"] and got["event"] == "factcheck.published"
    data = got["body"]["data"]
    assert (data["change"], data["slug"], data["uuid"]) == ("published", article.slug,
                                                          str(article.uuid))
    assert data["api_url"] == f"/api/v1/fact-checks/{article.slug}/"
    assert data["url"] == f"{django_settings.FACTCHECK_SITE_URL}/fact-checks/{article.slug}/"
    assert data["claim_reviews"] == published_reviews(article)

    # A correction reaches subscribers: the same event, the corrected ClaimReview data.
    claim = article.claims.select_related("article", "verdict").get(public_number=1)
    publishing.correct_claim(claim, editor, version=claim.version, note="Rectifié.",
                             verdict=verdict("Mostly true"), explanation=claim.explanation)
    wait_for(lambda: len(receiver.received) == 2)
    corrected = receiver.received[1]
    assert corrected["valid"] and corrected["delivery"] != got["delivery"]
    assert corrected["body"]["data"]["change"] == "corrected"
    assert corrected["body"]["data"]["claim_reviews"] == published_reviews(article)
    first = corrected["body"]["data"]["claim_reviews"][0]
    assert first["reviewRating"]["alternateName"] == verdict("Mostly true").label_in("fr")

    # Unpublishing sends nothing: the event is about published data.
    publishing.unpublish_article(article, editor, reason="Erreur de source.")
    assert WebhookDelivery.objects.count() == 2


@pytest.mark.django_db
def test_a_rolled_back_publication_leaves_no_delivery(receiver, editor, reviewer):
    endpoint(receiver, "factcheck.published")
    article = make_extracted_article(editor)
    for claim in article.claims.all():
        review_and_approve(claim, reviewer, editor)
    article.refresh_from_db()
    with pytest.raises(RuntimeError), transaction.atomic():
        publishing.publish_article(article, editor)
        assert WebhookDelivery.objects.filter(event="factcheck.published").count() == 1
        raise RuntimeError("the caller's transaction fails after the publication")
    assert not WebhookDelivery.objects.exists()
    assert Article.objects.get(pk=article.pk).status == Article.Status.CHECKED
