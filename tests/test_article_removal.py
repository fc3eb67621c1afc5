"""Cancelling an upload: delete an article nobody worked on; archive one with reviewer work."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from factcheck.actions import articles as actions
from factcheck.actions import review
from factcheck.actions.extraction import submit_upload
from factcheck.models import Article, Claim, ReviewEvent
from tests.factories import (
    HTMX,
    SAMPLE_TEXT,
    add_source,
    login,
    make_article,
    make_claim,
    make_extracted_article,
    verdict,
)


def delete_url(article: Article) -> str:
    return reverse("factcheck:article_delete", kwargs={"uuid": article.uuid})


def archive_url(article: Article) -> str:
    return reverse("factcheck:article_archive", kwargs={"uuid": article.uuid})


@pytest.fixture
def duplicate(editor, article) -> Article:
    """The same text uploaded a second time, claims extracted, nobody worked on them."""
    copy = make_extracted_article(editor, title="Vote au Sénat (copie)")
    assert copy.claims.exists() and not copy.has_reviewer_work()
    return copy


@pytest.fixture
def worked(article, reviewer) -> Article:
    review.take_claim(article.claims.first(), reviewer)
    assert article.has_reviewer_work()
    return article


def test_confirmation_page_then_delete(client, editor, duplicate):
    client = login(editor)
    page = client.get(delete_url(duplicate)).content.decode()
    assert "Delete for good" in page and "<html" in page
    claim_ids = list(duplicate.claims.values_list("pk", flat=True))
    response = client.post(delete_url(duplicate))
    assert response.status_code == 302 and response.url == reverse("factcheck:article_list")
    assert not Article.objects.filter(pk=duplicate.pk).exists()
    assert not Claim.objects.filter(pk__in=claim_ids).exists()
    assert not ReviewEvent.objects.filter(article_id=duplicate.pk).exists()
    assert "was deleted" in client.get(response.url).content.decode()


def test_htmx_gets_the_confirmation_alone(editor, duplicate):
    fragment = login(editor).get(delete_url(duplicate), **HTMX).content.decode()
    assert "<html" not in fragment and "Delete for good" in fragment


def test_article_page_links_to_the_confirmation(editor, reviewer, duplicate):
    page = login(editor).get(duplicate.get_absolute_url()).content.decode()
    assert f'href="{delete_url(duplicate)}" hx-get="{delete_url(duplicate)}"' in page
    as_reviewer = login(reviewer).get(duplicate.get_absolute_url()).content.decode()
    assert "Delete or archive" not in as_reviewer


def test_the_stored_file_goes_with_the_article(editor, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("vote.txt", SAMPLE_TEXT.encode())
    with django_capture_on_commit_callbacks(execute=False):
        article = submit_upload(upload=upload, uploaded_by=editor, title="Vote",
                                body=SAMPLE_TEXT)
    storage = article.uploaded_file.storage
    name = article.uploaded_file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        actions.delete_article(article, editor)
    assert not storage.exists(name)


@pytest.mark.parametrize("work", ["taken", "source", "explanation", "corrected"])
def test_an_article_with_reviewer_work_cannot_be_deleted(editor, reviewer, work):
    article = make_article(editor)
    claim = make_claim(article)
    if work == "taken":
        review.take_claim(claim, reviewer)
    elif work == "source":
        add_source(claim)
    elif work == "explanation":
        Claim.objects.filter(pk=claim.pk).update(explanation="Vu au Journal officiel.")
    else:
        Claim.objects.filter(pk=claim.pk).update(corrected_value={"date": "2024-11-16"})
    client = login(editor)
    page = client.get(delete_url(article)).content.decode()
    assert "Delete for good" not in page and "Archive it instead" in page
    response = client.post(delete_url(article))
    assert response.status_code == 409
    assert "can be archived, not deleted" in response.content.decode()
    assert Article.objects.filter(pk=article.pk).exists()
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_archive_leaves_lists_queue_and_approvals_and_keeps_history(
    editor, reviewer, worked
):
    client = login(editor)
    events = ReviewEvent.objects.filter(article=worked).count()
    response = client.post(archive_url(worked), {"action": "archive"})
    assert response.status_code == 302 and response.url == worked.get_absolute_url()
    worked.refresh_from_db()
    assert worked.is_archived
    assert ReviewEvent.objects.filter(article=worked).count() == events + 1
    assert ReviewEvent.objects.filter(article=worked, action="archived", actor=editor).exists()
    assert worked.title not in client.get(reverse("factcheck:article_list")).content.decode()
    archived = client.get(reverse("factcheck:article_list") + "?archived=1")
    assert worked.title in archived.content.decode()
    queue = login(reviewer).get(reverse("factcheck:queue")).content.decode()
    assert not any(claim.text in queue for claim in worked.claims.all())
    assert review.take_next_claim(reviewer) is None
    page = client.get(worked.get_absolute_url()).content.decode()
    assert "Archived on" in page and "Restore" in page


def test_archived_submissions_leave_the_approvals(editor, reviewer, article):
    claim = review.take_claim(article.claims.first(), reviewer)
    add_source(claim)
    review.submit_claim(claim, reviewer, version=claim.version, verdict=verdict(),
                        explanation="Le scrutin le confirme.")
    client = login(editor)
    assert "Le scrutin le confirme." in client.get(reverse("factcheck:approvals")).content.decode()
    actions.archive_article(article, editor)
    assert "Le scrutin le confirme." not in client.get(
        reverse("factcheck:approvals")).content.decode()


def test_restore_brings_it_back(editor, worked):
    actions.archive_article(worked, editor)
    response = login(editor).post(archive_url(worked), {"action": "restore"})
    assert response.status_code == 302
    worked.refresh_from_db()
    assert not worked.is_archived
    assert list(ReviewEvent.objects.filter(article=worked, claim=None)
                .values_list("action", flat=True))[-2:] == ["archived", "restored"]


def test_archiving_twice_says_so(editor, worked):
    actions.archive_article(worked, editor)
    client = login(editor)
    response = client.post(archive_url(worked), {"action": "archive"}, follow=True)
    assert "already archived" in response.content.decode()


def test_unknown_archive_action_is_a_bad_request(editor, worked):
    assert login(editor).post(archive_url(worked), {"action": "burn"}).status_code == 400


def test_reviewers_and_outsiders_cannot_delete_or_archive(reviewer, outsider, duplicate):
    for user in (reviewer, outsider):
        client = login(user)
        assert client.post(delete_url(duplicate)).status_code == 403
        assert client.post(archive_url(duplicate), {"action": "archive"}).status_code == 403
    with pytest.raises(actions.NotAllowed):
        actions.delete_article(duplicate, reviewer)
    assert Article.objects.filter(pk=duplicate.pk, archived_at=None).exists()
