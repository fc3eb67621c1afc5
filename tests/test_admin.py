"""The Django admin shows the record but cannot rewrite it: no change without history."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from factcheck.actions import review
from factcheck.models import Article, Claim, ReviewEvent, Source
from tests.factories import add_source, login, verdict


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("ada", "ada@example.org", "x" * 20)


@pytest.fixture
def approved(claim, reviewer, editor) -> Claim:
    claim = review.take_claim(claim, reviewer)
    add_source(claim)
    claim = review.submit_claim(
        claim, reviewer, version=claim.version, verdict=verdict("True"),
        explanation="Le scrutin public le confirme.",
    )
    return review.approve_claim(claim, editor, version=claim.version)


class FormFields(HTMLParser):
    """The named inputs, selects and textareas of a page, as a browser would send them."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, str] = {}
        self.select = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "option" and self.select and "selected" in attrs:
            self.data[self.select] = attrs.get("value") or ""
        elif tag in ("input", "textarea", "select") and attrs.get("name"):
            if attrs.get("type") in ("checkbox", "submit") and "checked" not in attrs:
                return
            self.data.setdefault(attrs["name"], attrs.get("value") or "")
            self.select = attrs["name"] if tag == "select" else ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = ""


def form_data(response) -> dict[str, str]:
    parser = FormFields()
    parser.feed(response.content.decode())
    return parser.data


def test_admin_post_cannot_change_an_approved_verdict(superuser, approved):
    client = login(superuser)
    url = reverse("admin:factcheck_claim_change", args=[approved.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="verdict"' not in page.content.decode(), "the verdict is shown read-only"
    events = ReviewEvent.objects.count()
    data = form_data(page) | {
        "verdict": str(verdict("False").pk),
        "status": Claim.Status.PENDING,
        "explanation": "Rewritten behind the history's back.",
        "_save": "Save",
    }
    response = client.post(url, data)
    assert response.status_code == 403
    stored = Claim.objects.get(pk=approved.pk)
    assert stored.verdict == verdict("True")
    assert stored.status == Claim.Status.APPROVED
    assert stored.explanation == "Le scrutin public le confirme."
    assert stored.version == approved.version
    assert ReviewEvent.objects.count() == events


def test_admin_cannot_add_change_or_delete_sources(superuser, approved):
    client = login(superuser)
    source = approved.sources.get()
    assert client.post(reverse("admin:factcheck_source_add"), {}).status_code == 403
    change = reverse("admin:factcheck_source_change", args=[source.pk])
    assert client.post(change, {"url": "https://example.org/"}).status_code == 403
    delete = reverse("admin:factcheck_source_delete", args=[source.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Source.objects.get(pk=source.pk).url == "https://www.senat.fr/scrutin/2024/123.html"


def test_admin_cannot_delete_a_claim_with_its_history(superuser, approved):
    url = reverse("admin:factcheck_claim_delete", args=[approved.pk])
    assert login(superuser).post(url, {"post": "yes"}).status_code == 403
    assert Claim.objects.filter(pk=approved.pk).exists()


def test_article_text_and_status_are_read_only_in_the_admin(superuser, article):
    client = login(superuser)
    url = reverse("admin:factcheck_article_change", args=[article.pk])
    page = client.get(url)
    content = page.content.decode()
    assert 'name="body"' not in content and 'name="status"' not in content
    data = form_data(page) | {"body": "Un tout autre texte.", "status": "published",
                              "title": "Nouveau titre", "_save": "Save"}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    stored = Article.objects.get(pk=article.pk)
    assert stored.body == article.body
    assert stored.status == article.status
    assert stored.title == "Nouveau titre"
    # The title's change is on record, as an edit in the app would be.
    event = ReviewEvent.objects.get(article=article, action=ReviewEvent.Action.EDITED)
    assert (event.actor, event.before, event.after) == (
        superuser, {"title": "Vote au Sénat"}, {"title": "Nouveau titre"})


def test_admin_deletes_only_articles_nobody_worked_on(superuser, approved, editor):
    from tests.factories import make_article

    client = login(superuser)
    worked = approved.article
    url = reverse("admin:factcheck_article_delete", args=[worked.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=worked.pk).exists()
    untouched = make_article(editor, title="Doublon")
    url = reverse("admin:factcheck_article_delete", args=[untouched.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=untouched.pk).exists()
    spare = make_article(editor, title="Doublon 2")
    data = {"action": "delete_selected", "_selected_action": [worked.pk, spare.pk], "post": "yes"}
    response = client.post(reverse("admin:factcheck_article_changelist"), data)
    assert response.status_code == 403
    assert Article.objects.filter(pk__in=[worked.pk, spare.pk]).count() == 2
