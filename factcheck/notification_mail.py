"""The email a notification sends: subject and text, built from the row."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from factcheck.models import Notification, NotificationPreference


def subject_for(notification: Notification) -> str:
    text = notification.claim.text
    if notification.kind == Notification.Kind.ASSIGNED:
        return _("A claim was assigned to you: %(text)s") % {"text": text}
    if notification.kind == Notification.Kind.SENT_BACK:
        return _("A claim was sent back to you: %(text)s") % {"text": text}
    return _("Your verdict was approved: %(text)s") % {"text": text}


def body_for(notification: Notification) -> str:
    who = notification.actor.get_username() if notification.actor else _("system")
    lines = [subject_for(notification), "", _("By: %(who)s") % {"who": who}]
    if notification.comment:
        lines += ["", notification.comment]
    url = settings.SITE_URL.rstrip("/") + notification.claim.get_absolute_url()
    lines += ["", url]
    return "\n".join(lines)


def send_notification_email(notification: Notification) -> str:
    """Send it now (raises the mail backend's errors); says what happened."""
    recipient = notification.recipient
    if not NotificationPreference.wants_email(recipient.pk):
        return "email off"
    if not recipient.email:
        return "no address"
    send_mail(
        subject_for(notification),
        body_for(notification),
        settings.DEFAULT_FROM_EMAIL,
        [recipient.email],
    )
    return "sent"
