"""Notifications: written with the step that causes them, counted in the top bar, listed,
marked read, and emailed by a Celery task after commit unless the user turned email off."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from factcheck import roles
from factcheck.actions import assignment, review
from factcheck.models import Claim, Notification, NotificationPreference
from factcheck.tasks import email_notification, sweep_unsent_notifications
from tests.conftest import wait_for
from tests.factories import add_source, login, make_article, make_claims, make_user, verdict

NOTIFICATIONS = reverse("factcheck:notifications")


@pytest.fixture
def claim(editor) -> Claim:
    return make_claims(make_article(editor), 1)[0]


@pytest.fixture
def mailed_reviewer(reviewer):
    reviewer.email = "rita@example.org"
    reviewer.save()
    return reviewer


def submitted(claim: Claim, reviewer) -> Claim:
    claim = review.take_claim(claim, reviewer)
    add_source(claim)
    return review.submit_claim(claim, reviewer, version=claim.version, verdict=verdict("True"),
                               explanation="Le compte rendu le confirme.")


def test_assigned_sent_back_and_approved_each_notify_the_reviewer(claim, editor, reviewer):
    assignment.assign_claim(claim, editor, reviewer)
    claim = Claim.objects.get(pk=claim.pk)
    add_source(claim)
    claim = review.submit_claim(claim, reviewer, version=claim.version,
                                verdict=verdict("True"), explanation="Vu.")
    claim = review.send_back(claim, editor, version=claim.version, comment="Citez le scrutin.")
    claim = review.submit_claim(claim, reviewer, version=claim.version,
                                verdict=verdict("True"), explanation="Vu, cité.")
    review.approve_claim(claim, editor, version=claim.version)
    kinds = list(Notification.objects.filter(recipient=reviewer).order_by("id")
                 .values_list("kind", "comment"))
    assert kinds == [("assigned", ""), ("sent_back", "Citez le scrutin."), ("approved", "")]
    assert not Notification.objects.filter(recipient=editor).exists()


def test_taking_a_claim_yourself_notifies_nobody(claim, reviewer):
    review.take_claim(claim, reviewer)
    review.take_next_claim(reviewer)
    assert not Notification.objects.exists()


def test_a_refused_step_leaves_no_notification(claim, editor, reviewer):
    claim = submitted(claim, reviewer)
    with pytest.raises(review.StaleClaim):
        review.send_back(claim, editor, version=claim.version - 1, comment="Non.")
    assert not Notification.objects.exists()


def test_the_top_bar_counts_unread_and_the_page_lists_them(claim, editor, reviewer):
    assignment.assign_claim(claim, editor, reviewer)
    client = login(reviewer)
    page = client.get(reverse("factcheck:queue")).content.decode()
    assert '<span class="count unread" data-unread-count>1</span>' in page
    listing = client.get(NOTIFICATIONS).content.decode()
    assert "Assigned to you" in listing
    assert claim.text in listing
    note = Notification.objects.get()
    response = client.post(NOTIFICATIONS, {"action": "open", "notification": note.pk})
    assert response["Location"] == claim.get_absolute_url()
    note.refresh_from_db()
    assert note.read_at is not None
    # Somebody else's notifications are not on my page.
    assert "Assigned to you" not in login(editor).get(NOTIFICATIONS).content.decode()


def test_mark_one_read_then_all(editor, reviewer):
    first, second = make_claims(make_article(editor), 2)
    assignment.assign_claims([first.pk, second.pk], editor, reviewer)
    one, other = Notification.objects.order_by("id")
    client = login(reviewer)
    client.post(NOTIFICATIONS, {"action": "read", "notification": one.pk})
    assert Notification.objects.filter(read_at__isnull=True).get() == other
    client.post(NOTIFICATIONS, {"action": "read_all"})
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    page = client.get(reverse("factcheck:queue")).content.decode()
    assert '<span class="count" data-unread-count>0</span>' in page


def test_nobody_marks_another_users_notification_read(claim, editor, reviewer, other_reviewer):
    assignment.assign_claim(claim, editor, reviewer)
    note = Notification.objects.get()
    response = login(other_reviewer).post(NOTIFICATIONS,
                                          {"action": "read", "notification": note.pk})
    assert response.status_code == 302
    opened = login(other_reviewer).post(NOTIFICATIONS, {"action": "open", "notification": note.pk})
    assert opened.status_code == 400
    note.refresh_from_db()
    assert note.read_at is None


@pytest.mark.parametrize("data", [
    {"action": "read", "notification": "x"},
    {"action": "open", "notification": "12345"},
    {"action": "nope"},
])
def test_bad_posts_are_400(reviewer, data):
    assert login(reviewer).post(NOTIFICATIONS, data).status_code == 400


def test_an_outsider_has_no_notifications_page(outsider):
    assert login(outsider).get(NOTIFICATIONS).status_code == 403


# --- email ---------------------------------------------------------------------------------------


def test_the_task_emails_once(claim, editor, mailed_reviewer):
    assignment.assign_claim(claim, editor, mailed_reviewer)
    note = Notification.objects.get()
    assert email_notification(note.pk) == "sent"
    assert email_notification(note.pk) == "already sent"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["rita@example.org"]
    assert message.subject.startswith("A claim was assigned to you")
    assert claim.get_absolute_url() in message.body
    note.refresh_from_db()
    assert note.emailed_at is not None


def test_email_off_sends_nothing(claim, editor, mailed_reviewer):
    response = login(mailed_reviewer).post(NOTIFICATIONS, {"action": "preferences"})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=mailed_reviewer).email is False
    assignment.assign_claim(claim, editor, mailed_reviewer)
    note = Notification.objects.get()
    assert email_notification(note.pk) == "email off"
    assert mail.outbox == []
    # Still listed in the app.
    assert "Assigned to you" in login(mailed_reviewer).get(NOTIFICATIONS).content.decode()
    login(mailed_reviewer).post(NOTIFICATIONS, {"action": "preferences", "email": "on"})
    assert NotificationPreference.wants_email(mailed_reviewer.pk)


def test_a_user_without_an_address_gets_no_email(claim, editor, reviewer):
    assignment.assign_claim(claim, editor, reviewer)
    assert email_notification(Notification.objects.get().pk) == "no address"
    assert mail.outbox == []


def test_the_email_task_is_enqueued_after_commit(claim, editor, reviewer,
                                                django_capture_on_commit_callbacks, monkeypatch):
    sent: list[tuple] = []
    monkeypatch.setattr(email_notification, "apply_async",
                        lambda args, **kw: sent.append(args))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assignment.assign_claim(claim, editor, reviewer)
    assert sent == [], "nothing may be sent before the row is committed"
    for callback in callbacks:
        callback()
    assert sent == [(Notification.objects.get().pk,)]


def test_a_broker_outage_loses_no_email(claim, editor, reviewer, monkeypatch,
                                       django_capture_on_commit_callbacks):
    """The publish fails: the request still succeeds, and the sweeper sends it later."""
    import datetime as dt

    from django.utils import timezone

    def down(*args, **kwargs):
        raise ConnectionError("broker down")

    monkeypatch.setattr(email_notification, "apply_async", down)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(editor).post(claim.get_absolute_url(),
                                      {"action": "assign", "assign-reviewer": reviewer.username})
    assert response.status_code == 302
    note = Notification.objects.get()
    assert note.emailed_at is None
    sent: list[tuple] = []
    monkeypatch.setattr(email_notification, "apply_async", lambda args, **kw: sent.append(args))
    assert sweep_unsent_notifications() == 0, "too recent: its message may still be queued"
    Notification.objects.update(created_at=timezone.now() - dt.timedelta(minutes=10))
    assert sweep_unsent_notifications() == 1
    assert sent == [(note.pk,)]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_the_real_worker_sends_the_email(celery_worker):
    """Assign through the app; the worker (console backend) sends the mail and marks it."""
    editor = make_user("edith", roles.EDITORS)
    reviewer = make_user("rita", roles.REVIEWERS)
    reviewer.email = "rita@example.org"
    reviewer.save()
    (claim,) = make_claims(make_article(editor), 1)
    response = login(editor).post(claim.get_absolute_url(),
                                  {"action": "assign", "assign-reviewer": reviewer.username})
    assert response.status_code == 302
    note = Notification.objects.get()
    wait_for(lambda: Notification.objects.get(pk=note.pk).emailed_at)
    log = next(Path("test-artifacts").glob(f"worker-{celery_worker_queue()}.log"))
    assert "rita@example.org" in log.read_text()


def celery_worker_queue() -> str:
    from newsroom.celery import app

    return app.conf.task_default_queue
