"""Editing an article in the app: details, and a new text that carries reviewer work over."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from factcheck.actions import articles as actions
from factcheck.actions import review
from factcheck.actions.extraction import apply_extraction
from factcheck.extraction import extract
from factcheck.models import Article, Claim, ReviewEvent
from factcheck.spans import SpanMap
from tests.factories import SAMPLE_TEXT, add_source, login, verdict


def edit_url(article: Article) -> str:
    return reverse("factcheck:article_edit", kwargs={"uuid": article.uuid})


def form_data(article: Article, **changes) -> dict:
    data = {
        "title": article.title,
        "text": article.body,
        "published_on": article.published_on.isoformat() if article.published_on else "",
        "published_precision": article.published_precision,
        "language": article.requested_language,
        "source_url": article.source_url,
        "outlet": article.outlet,
    }
    return data | changes


def reextract(article: Article) -> None:
    """What the worker does once the edit asked for it (no worker in these tests)."""
    article.refresh_from_db()
    apply_extraction(article.pk, extract(article.body, lang="fr", published="2024-11-20"), "fr")


@pytest.fixture
def vote(article, reviewer) -> Claim:
    """The vote claim, with a reviewer's verdict, explanation and source in progress."""
    claim = article.claims.get(kind=Claim.Kind.VOTE_RESULT)
    claim = review.take_claim(claim, reviewer)
    add_source(claim)
    return review.save_review(claim, reviewer, version=claim.version, verdict=verdict("True"),
                              explanation="Le scrutin public le confirme.")


def test_edit_page_shows_the_current_details(editor, article):
    page = login(editor).get(edit_url(article)).content.decode()
    assert 'value="Vote au Sénat"' in page and "Le Sénat a adopté" in page
    assert 'value="2024-11-20"' in page


def test_changing_details_records_an_event_and_keeps_the_claims(editor, article):
    claims = set(article.claims.values_list("pk", "start", "end"))
    data = form_data(article, title="Le Sénat adopte le texte", outlet="Le Quotidien",
                     source_url="https://example.org/vote")
    response = login(editor).post(edit_url(article), data)
    assert response.status_code == 302 and response.url == article.get_absolute_url()
    stored = Article.objects.get(pk=article.pk)
    assert (stored.title, stored.outlet, stored.source_url) == (
        "Le Sénat adopte le texte", "Le Quotidien", "https://example.org/vote")
    assert stored.status == article.status  # details alone do not re-extract
    assert set(stored.claims.values_list("pk", "start", "end")) == claims
    event = ReviewEvent.objects.get(article=article, action="edited")
    assert event.actor == editor
    assert event.before == {"outlet": "", "source_url": "", "title": "Vote au Sénat"}
    assert event.after["title"] == "Le Sénat adopte le texte"


def test_new_publication_date_re_extracts(editor, article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = login(editor).post(edit_url(article), form_data(
            article, published_on="2024-11", published_precision="month"))
    assert response.status_code == 302
    stored = Article.objects.get(pk=article.pk)
    assert (stored.published_on, stored.published_precision) == (dt.date(2024, 11, 1), "month")
    assert stored.status == Article.Status.QUEUED and len(callbacks) == 1


def test_new_text_moves_reviewer_work_with_its_words(editor, article, vote):
    new_body = "Mardi soir, au terme d'un long débat. " + SAMPLE_TEXT
    shift = len(new_body) - len(SAMPLE_TEXT)
    old_span = (vote.start, vote.end)
    response = login(editor).post(edit_url(article), form_data(article, text=new_body))
    assert response.status_code == 302
    claim = Claim.objects.get(pk=vote.pk)
    assert (claim.start, claim.end) == (old_span[0] + shift, old_span[1] + shift)
    assert new_body[claim.start:claim.end] == claim.text
    assert (claim.verdict, claim.explanation, claim.sources.count()) == (
        verdict("True"), "Le scrutin public le confirme.", 1)
    assert not claim.stale
    moved = claim.events.get(action="edited")
    assert moved.before == {"start": old_span[0], "end": old_span[1]}
    assert Article.objects.get(pk=article.pk).status == Article.Status.QUEUED

    reextract(article)
    claim.refresh_from_db()
    assert not claim.stale and claim.explanation == "Le scrutin public le confirme."
    assert claim.sentence()[1] == claim.text
    assert article.claims.filter(kind=Claim.Kind.VOTE_RESULT).count() == 1
    # The article page highlights the claim on its own words.
    page = login(editor).get(article.get_absolute_url()).content.decode()
    assert "pa|ssed" not in page and claim.text in page


def test_changed_words_flag_the_claim_stale_and_a_new_claim_takes_the_span(editor, article,
                                                                           vote):
    # Same length, same place: only the words differ. The verdict must not move onto them.
    new_body = SAMPLE_TEXT.replace("289 voix contre 12", "298 voix contre 21")
    actions.edit_article(article, editor, body=new_body)
    claim = Claim.objects.get(pk=vote.pk)
    assert claim.stale and claim.explanation == "Le scrutin public le confirme."
    assert claim.events.filter(action="edited", after={"stale": True}).exists()
    assert claim.sentence() == ("", claim.text, "")  # never the new text's characters

    reextract(article)
    claim.refresh_from_db()
    assert claim.stale
    new = article.claims.get(kind=Claim.Kind.VOTE_RESULT, stale=False)
    assert new.pk != claim.pk and new.verdict is None and new.status == "pending"
    assert new.extracted_value["for"] == 298

    # Putting the old words back finds the old claim again, with its work.
    actions.edit_article(article, editor, body=SAMPLE_TEXT)
    reextract(article)
    claim.refresh_from_db()
    assert not claim.stale and claim.verdict == verdict("True")
    assert article.claims.filter(kind=Claim.Kind.VOTE_RESULT, stale=False).get() == claim


def test_untouched_claims_whose_words_are_gone_are_deleted(editor, article):
    meeting = article.claims.get(kind=Claim.Kind.MEETING_COUNT)
    new_body = SAMPLE_TEXT.split(" Les deux dirigeants")[0]
    edit = actions.edit_article(article, editor, body=new_body)
    assert not Claim.objects.filter(pk=meeting.pk).exists()
    assert edit.deleted >= 1 and edit.reextracted
    for claim in article.claims.all():
        assert new_body[claim.start:claim.end] == claim.text


def test_saving_unchanged_details_changes_nothing(editor, article):
    events = ReviewEvent.objects.count()
    response = login(editor).post(edit_url(article), form_data(article), follow=True)
    assert "Nothing was changed." in response.content.decode()
    assert ReviewEvent.objects.count() == events


@pytest.mark.parametrize(("field", "value", "message"), [
    ("text", "", "The text cannot be empty."),
    ("title", "", "This field is required."),
    ("source_url", "pas une adresse", "Enter a web address, such as https://example.org/page."),
    ("language", "de", "Select a valid choice."),
])
def test_bad_input_is_refused_with_a_message_and_nothing_saved(editor, article, field, value,
                                                               message):
    response = login(editor).post(edit_url(article), form_data(article, **{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    stored = Article.objects.get(pk=article.pk)
    assert (stored.title, stored.body) == (article.title, article.body)
    assert not ReviewEvent.objects.filter(article=article, action="edited").exists()


def test_reviewers_and_outsiders_cannot_edit(reviewer, outsider, article):
    for user in (reviewer, outsider):
        response = login(user).post(edit_url(article), form_data(article, title="Piraté"))
        assert response.status_code == 403
    with pytest.raises(actions.NotAllowed):
        actions.edit_article(article, reviewer, title="Piraté")
    assert Article.objects.get(pk=article.pk).title == "Vote au Sénat"


# --- the text diff --------------------------------------------------------------------------------


def test_span_map_moves_unchanged_words_and_drops_changed_ones():
    old = "Premier paragraphe.\nLe 15 novembre 2024, le texte est adopté par 289 voix.\nFin."
    new = ("Un ajout.\nPremier paragraphe.\n"
           "Le 15 novembre 2024, le texte est voté par 289 voix.\nFin.")
    spans = SpanMap(old, new)
    for words in ("15 novembre 2024", "289 voix", "Premier", "Fin."):
        start = old.index(words)
        moved = spans.span(start, start + len(words))
        assert moved is not None and new[moved[0]:moved[1]] == words
    start = old.index("adopté")
    assert spans.span(start, start + len("adopté")) is None
    start = old.index("est adopté par")
    assert spans.span(start, start + len("est adopté par")) is None


def test_span_map_on_identical_and_emptied_texts():
    text = "Le 15 novembre 2024."
    assert SpanMap(text, text).span(3, 19) == (3, 19)
    assert SpanMap(text, "").span(3, 19) is None


def test_month_precision_survives_a_save_of_the_edit_page(editor, article):
    Article.objects.filter(pk=article.pk).update(published_on=dt.date(2024, 11, 1),
                                                 published_precision="month")
    article.refresh_from_db()
    client = login(editor)
    page = client.get(edit_url(article)).content.decode()
    assert 'value="2024-11"' in page and 'type="date"' not in page
    response = client.post(edit_url(article), form_data(article, published_on="2024-11",
                                                         title="Nouveau titre"))
    assert response.status_code == 302
    stored = Article.objects.get(pk=article.pk)
    assert (stored.published_on, stored.published_precision) == (dt.date(2024, 11, 1), "month")


def test_an_extraction_of_the_text_before_an_edit_is_not_applied(editor, article, vote):
    """The worker read the old text, the editor saved a new one meanwhile: the old run's
    offsets must not land on the new words (the edit queued a run on the new text)."""
    old_run = extract(article.body, lang="fr", published="2024-11-20")
    actions.edit_article(article, editor, body="Mardi soir. " + article.body)
    moved = Claim.objects.get(pk=vote.pk)
    apply_extraction(article.pk, old_run, "fr")
    claim = Claim.objects.get(pk=vote.pk)
    assert (claim.start, claim.end, claim.stale) == (moved.start, moved.end, False)
    for claim in Article.objects.get(pk=article.pk).claims.all():
        assert Article.objects.get(pk=article.pk).body[claim.start:claim.end] == claim.text
