"""Publishing actions: publish, unpublish (410), correct (visible, dated), reopen; who may."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from factcheck.actions import publishing, review
from factcheck.actions.review import MissingEvidence, NotAllowed, StaleClaim
from factcheck.models import Article, Claim, Organisation, ReviewEvent
from tests.factories import (
    login,
    make_extracted_article,
    make_published_article,
    review_and_approve,
    verdict,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def checked(editor, reviewer) -> Article:
    """An extracted article with every claim approved (True), one dismissed: `checked`."""
    article = make_extracted_article(editor, outlet="Le Quotidien")
    claims = list(article.claims.order_by("start"))
    for claim in claims[:-1]:
        review_and_approve(claim, reviewer, editor)
    last = claims[-1]
    review.dismiss_claim(last, editor, version=last.version, reason="not_checkable",
                         note="Trop vague.")
    article.refresh_from_db()
    assert article.status == Article.Status.CHECKED
    return article


@pytest.fixture
def published(editor, reviewer) -> Article:
    return make_published_article(editor, reviewer, labels=("True", "Unverifiable"))


def first_claim(article: Article) -> Claim:
    return article.claims.select_related("article", "verdict").get(public_number=1)


def correct(claim: Claim, editor, **changes) -> Claim:
    fields = {"version": claim.version, "note": "Le Sénat a rectifié son compte rendu.",
              "verdict": verdict("Mostly true"), "explanation": claim.explanation} | changes
    return publishing.correct_claim(claim, editor, **fields)


# --- publish -------------------------------------------------------------------------------


def test_publish_makes_the_approved_claims_public_with_a_stable_slug(checked, editor, client):
    article = publishing.publish_article(checked, editor)
    assert article.status == Article.Status.PUBLISHED
    assert article.slug == "vote-au-senat"
    assert article.first_published_at and article.public_updated_at
    approved = list(checked.claims.filter(status="approved").order_by("start"))
    dismissed = checked.claims.get(status="dismissed")
    assert [c.public_number for c in Claim.objects.filter(pk__in=[c.pk for c in approved])
            .order_by("start")] == list(range(1, len(approved) + 1))
    dismissed.refresh_from_db()
    assert dismissed.public_number is None
    event = ReviewEvent.objects.get(article=article, action=ReviewEvent.Action.PUBLISHED)
    assert event.actor == editor and event.after["slug"] == "vote-au-senat"

    page = client.get(article.get_public_url())
    assert page.status_code == 200
    text = page.content.decode()
    for claim in approved:
        assert claim.text in text
    assert dismissed.text not in text.split('id="claims-heading"')[1]


def test_publishing_twice_an_article_of_the_same_title_gives_another_slug(
    checked, editor, reviewer
):
    first = publishing.publish_article(checked, editor)
    other = make_published_article(editor, reviewer, body="Le Sénat a voté le 3 mars 2025.")
    assert other.title == first.title
    assert other.slug == "vote-au-senat-2"


@pytest.mark.parametrize("title", ["Feed", "???"])
def test_a_slug_never_shadows_a_fixed_url(editor, title):
    assert publishing.unique_slug(title) in ("feed-fact-check", "fact-check")


def test_only_a_checked_article_is_published(article, editor):
    assert article.status == Article.Status.IN_REVIEW
    with pytest.raises(NotAllowed):
        publishing.publish_article(article, editor)
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW and article.slug is None


def test_reviewers_cannot_publish_unpublish_or_correct(checked, published, reviewer):
    with pytest.raises(NotAllowed):
        publishing.publish_article(checked, reviewer)
    with pytest.raises(NotAllowed):
        publishing.unpublish_article(published, reviewer, reason="Non.")
    claim = first_claim(published)
    with pytest.raises(NotAllowed):
        correct(claim, reviewer)
    checked.refresh_from_db()
    published.refresh_from_db()
    assert checked.status == Article.Status.CHECKED
    assert published.status == Article.Status.PUBLISHED
    assert not ReviewEvent.objects.filter(action=ReviewEvent.Action.CORRECTION).exists()


def test_reviewers_get_403_on_the_publishing_pages(published, reviewer):
    client = login(reviewer)
    claim = first_claim(published)
    urls = [
        reverse("factcheck:article_publish", kwargs={"uuid": published.uuid}),
        reverse("factcheck:claim_correct", kwargs={"uuid": claim.uuid}),
        reverse("factcheck:claim_reopen", kwargs={"uuid": claim.uuid}),
    ]
    for url in urls:
        assert client.post(url, {"reason": "x", "note": "x"}).status_code == 403
    published.refresh_from_db()
    assert published.status == Article.Status.PUBLISHED


def test_an_editor_publishes_from_the_publishing_page(checked, editor):
    client = login(editor)
    url = reverse("factcheck:article_publish", kwargs={"uuid": checked.uuid})
    assert "Publish" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    checked.refresh_from_db()
    assert checked.is_public
    # The internal report and the article page link to the public page once published.
    for page in (reverse("factcheck:article_report", kwargs={"uuid": checked.uuid}),
                 checked.get_absolute_url()):
        assert f'href="{checked.get_public_url()}"' in client.get(page).content.decode()


def test_publishing_an_article_in_review_from_the_page_says_why(article, editor):
    url = reverse("factcheck:article_publish", kwargs={"uuid": article.uuid})
    response = login(editor).post(url)
    assert response.status_code == 403
    assert "Only a checked article can be published." in response.content.decode()


# --- unpublish: 410 with the reason ----------------------------------------------------------


def test_unpublished_article_answers_410_with_the_reason(published, editor, client):
    url, claim_url = published.get_public_url(), first_claim(published).get_public_url()
    publishing.unpublish_article(published, editor, reason="L'article source a été retiré.")
    for address in (url, claim_url):
        response = client.get(address)
        assert response.status_code == 410
        assert "L&#x27;article source a été retiré." in response.content.decode()
    assert published.title not in client.get(reverse("factcheck:public_list")).content.decode()
    actions = list(published.events.filter(claim=None).values_list("action", flat=True))
    assert ReviewEvent.Action.PUBLISHED in actions and ReviewEvent.Action.UNPUBLISHED in actions
    event = published.events.get(action=ReviewEvent.Action.UNPUBLISHED)
    assert event.comment == "L'article source a été retiré." and event.actor == editor


def test_republishing_brings_back_the_same_urls(published, editor, client):
    url, claim_url = published.get_public_url(), first_claim(published).get_public_url()
    publishing.unpublish_article(published, editor, reason="Vérification en cours.")
    Article.objects.filter(pk=published.pk).update(title="Un autre titre")
    article = publishing.publish_article(Article.objects.get(pk=published.pk), editor)
    assert article.get_public_url() == url
    assert client.get(url).status_code == 200
    assert client.get(claim_url).status_code == 200


def test_unpublishing_needs_a_reason(published, editor):
    with pytest.raises(MissingEvidence):
        publishing.unpublish_article(published, editor, reason="  ")
    url = reverse("factcheck:article_publish", kwargs={"uuid": published.uuid})
    response = login(editor).post(url, {"reason": ""})
    assert response.status_code == 400
    assert "Say why the fact-check is unpublished." in response.content.decode()
    published.refresh_from_db()
    assert published.status == Article.Status.PUBLISHED


def test_drafts_and_unknown_slugs_are_404(checked, client):
    assert client.get("/fact-checks/vote-au-senat/").status_code == 404
    assert client.get("/fact-checks/nothing-here/claims/1/").status_code == 404


def test_a_claim_number_not_published_is_404(published, client):
    assert client.get(f"/fact-checks/{published.slug}/claims/99/").status_code == 404


# --- corrections ----------------------------------------------------------------------------


def test_a_correction_keeps_the_earlier_verdict_visible(published, editor, client):
    claim = first_claim(published)
    old_explanation = claim.explanation
    corrected = correct(claim, editor, explanation="Le compte rendu rectifié donne 288 voix.")
    assert corrected.verdict == verdict("Mostly true")
    assert corrected.public_modified_at is not None
    event = ReviewEvent.objects.get(claim=claim, action=ReviewEvent.Action.CORRECTION)
    assert event.before["verdict"]["en"] == "True"
    assert event.before["explanation"] == old_explanation
    assert event.before["sources"][0]["url"].startswith("https://www.senat.fr/")
    assert event.after["verdict"]["en"] == "Mostly true"
    assert event.comment == "Le Sénat a rectifié son compte rendu."
    published.refresh_from_db()
    assert published.public_updated_at == corrected.public_modified_at

    date = corrected.public_modified_at.astimezone().strftime("%-d %B %Y")
    for url in (published.get_public_url(), corrected.get_public_url()):
        page = client.get(url).content.decode()
        assert "Corrections" in page
        assert "Le Sénat a rectifié son compte rendu." in page
        assert f"Earlier verdict: True, until {date}" in page
        assert old_explanation in page  # the earlier explanation, folded


def test_a_correction_can_replace_the_sources(published, editor, client):
    claim = first_claim(published)
    old = claim.sources.get()
    correct(claim, editor, verdict=claim.verdict, remove_sources=(old.uuid,),
            new_source={"url": "https://www.assemblee-nationale.fr/scrutin/42",
                        "title": "Scrutin n° 42", "publisher": "Assemblée nationale"})
    assert list(claim.sources.values_list("title", flat=True)) == ["Scrutin n° 42"]
    event = ReviewEvent.objects.get(claim=claim, action=ReviewEvent.Action.CORRECTION)
    assert event.before["sources"][0]["title"] == old.title  # the earlier source, kept
    page = client.get(claim.get_public_url()).content.decode()
    assert "https://www.assemblee-nationale.fr/scrutin/42" in page
    assert old.url not in page


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"note": " "}, "note"),
        ({"explanation": ""}, "explanation"),
        ({"verdict": None}, "verdict"),
    ],
)
def test_a_correction_needs_a_note_a_verdict_and_an_explanation(published, editor, changes,
                                                                field):
    claim = first_claim(published)
    with pytest.raises(MissingEvidence) as refused:
        correct(claim, editor, **changes)
    assert field in refused.value.errors
    assert not ReviewEvent.objects.filter(action=ReviewEvent.Action.CORRECTION).exists()


def test_a_correction_that_changes_nothing_or_drops_every_source_is_refused(published, editor):
    claim = first_claim(published)
    with pytest.raises(MissingEvidence, match="Nothing was changed"):
        correct(claim, editor, verdict=claim.verdict)
    with pytest.raises(MissingEvidence, match="at least one source"):
        correct(claim, editor, remove_sources=tuple(claim.sources.values_list("uuid", flat=True)))
    assert claim.sources.count() == 1
    assert Claim.objects.get(pk=claim.pk).verdict == claim.verdict


def test_a_stale_correction_form_is_refused(published, editor):
    claim = first_claim(published)
    correct(claim, editor)
    with pytest.raises(StaleClaim):
        correct(claim, editor, verdict=verdict("False"))  # the version read before
    assert Claim.objects.get(pk=claim.pk).verdict == verdict("Mostly true")


def test_the_correction_page_shows_errors_and_saves_nothing(published, editor):
    claim = first_claim(published)
    url = reverse("factcheck:claim_correct", kwargs={"uuid": claim.uuid})
    client = login(editor)
    assert client.get(url).status_code == 200
    data = {"version": claim.version, "verdict": verdict("False").pk,
            "explanation": "Faux.", "note": ""}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Write the public note that explains the correction." in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).verdict == verdict("True")
    response = client.post(url, data | {"note": "Erreur de lecture du scrutin."})
    assert response.status_code == 302 and response["Location"] == claim.get_public_url()
    assert Claim.objects.get(pk=claim.pk).verdict == verdict("False")


def test_a_claim_of_an_unpublished_article_cannot_be_corrected(checked, editor):
    claim = checked.claims.filter(status="approved").select_related("article").first()
    with pytest.raises(NotAllowed):
        correct(claim, editor)


# --- reopen ---------------------------------------------------------------------------------


def test_reopening_an_approved_claim_sends_it_back_to_its_reviewer(checked, editor, reviewer):
    claim = checked.claims.filter(status="approved").first()
    reopened = publishing.reopen_claim(claim, editor, version=claim.version,
                                       reason="Un nouveau compte rendu est paru.")
    assert reopened.status == Claim.Status.IN_PROGRESS and reopened.assignee == reviewer
    checked.refresh_from_db()
    assert checked.status == Article.Status.IN_REVIEW
    event = ReviewEvent.objects.get(claim=claim, action=ReviewEvent.Action.REOPENED)
    assert event.before["status"] == "approved" and event.comment.startswith("Un nouveau")
    with pytest.raises(NotAllowed):
        publishing.publish_article(checked, editor)


def test_reopening_an_editors_dismissal_puts_the_claim_back_in_the_queue(checked, editor):
    claim = checked.claims.get(status="dismissed")
    reopened = publishing.reopen_claim(claim, editor, version=claim.version, reason="Vérifiable.")
    assert reopened.status == Claim.Status.PENDING and reopened.dismiss_reason == ""
    assert reopened.assignee is None


def test_a_published_claim_is_corrected_not_reopened(published, editor):
    claim = first_claim(published)
    with pytest.raises(NotAllowed):
        publishing.reopen_claim(claim, editor, version=claim.version, reason="Non.")
    with pytest.raises(MissingEvidence):
        publishing.reopen_claim(claim, editor, version=claim.version, reason="")


def test_a_public_number_stays_with_its_claim(published, editor, reviewer, client):
    """Unpublish, reopen the first claim, approve it again, republish: same URLs."""
    claims = {c.pk: c.public_number for c in published.claims.filter(public_number__isnull=False)}
    publishing.unpublish_article(published, editor, reason="Vérification.")
    claim = first_claim(published)
    claim = publishing.reopen_claim(claim, editor, version=claim.version, reason="À revoir.")
    claim = review.save_review(claim, reviewer, version=claim.version, verdict=verdict("False"),
                               explanation="Faux, d'après le scrutin.", submit=True)
    review.approve_claim(claim, editor, version=claim.version)
    article = publishing.publish_article(Article.objects.get(pk=published.pk), editor)
    again = {c.pk: c.public_number for c in article.claims.filter(public_number__isnull=False)}
    assert again == claims
    assert "Faux, d&#x27;après le scrutin." in client.get(first_claim(article).get_public_url()
                                                          ).content.decode()


# --- names, and the organisation check ---------------------------------------------------------


def test_reviewer_and_editor_names_follow_the_setting(published, client, reviewer, editor):
    url = first_claim(published).get_public_url()
    page = client.get(url).content.decode()
    assert reviewer.username not in page and editor.username not in page
    Organisation.objects.create(name="Desk", show_names=True)
    page = client.get(url).content.decode()
    assert f"Reviewed by {reviewer.username}" in page
    assert f"Approved by {editor.username}" in page


def run_check() -> str:
    out = StringIO()
    call_command("check", stdout=out, stderr=out)
    return out.getvalue()


def test_check_warns_while_the_organisation_is_incomplete(settings):
    output = run_check()
    assert "factcheck.W002" in output and "name, URL, logo URL" in output
    Organisation.objects.create(name="Desk", url="https://desk.example/",
                                logo_url="https://desk.example/logo.png")
    assert "factcheck.W002" not in run_check()
    Organisation.objects.update(logo_url="")
    assert "logo URL is not set" in run_check()
    settings.FACTCHECK_PUBLISHING_ENABLED = False
    assert "factcheck.W002" not in run_check()


# --- the editors' pages: plain HTTP, errors shown, nothing half-saved ----------------------------


def test_a_stale_correction_page_is_409_and_shows_the_stored_verdict(published, editor):
    claim = first_claim(published)
    url = reverse("factcheck:claim_correct", kwargs={"uuid": claim.uuid})
    data = {"version": claim.version, "verdict": verdict("False").pk,
            "explanation": "Faux.", "note": "Erreur."}
    correct(claim, editor)  # someone else's correction lands first
    response = login(editor).post(url, data)
    assert response.status_code == 409
    assert "Someone changed this claim since you opened it." in response.content.decode()
    stored = Claim.objects.get(pk=claim.pk)
    assert f'value="{stored.version}"' in response.content.decode()  # sending again overwrites
    assert stored.verdict == verdict("Mostly true")


def test_a_correction_with_a_bad_source_address_saves_nothing(published, editor):
    claim = first_claim(published)
    url = reverse("factcheck:claim_correct", kwargs={"uuid": claim.uuid})
    data = {"version": claim.version, "verdict": verdict("False").pk, "explanation": "Faux.",
            "note": "Erreur.", "new_source-url": "ftp://archive.example/scrutin"}
    response = login(editor).post(url, data)
    assert response.status_code == 400
    assert claim.sources.count() == 1
    assert Claim.objects.get(pk=claim.pk).verdict == verdict("True")


def test_the_report_offers_correct_once_published_and_reopen_before(checked, editor):
    client = login(editor)
    report = reverse("factcheck:article_report", kwargs={"uuid": checked.uuid})
    claim = checked.claims.filter(status="approved").order_by("start").first()
    reopen = reverse("factcheck:claim_reopen", kwargs={"uuid": claim.uuid})
    correct_url = reverse("factcheck:claim_correct", kwargs={"uuid": claim.uuid})
    page = client.get(report).content.decode()
    assert reopen in page and correct_url not in page
    publishing.publish_article(checked, editor)
    page = client.get(report).content.decode()
    assert correct_url in page and reopen not in page


def test_an_editor_reopens_a_claim_from_its_page(checked, editor):
    claim = checked.claims.filter(status="approved").first()
    url = reverse("factcheck:claim_reopen", kwargs={"uuid": claim.uuid})
    client = login(editor)
    response = client.post(url, {"version": claim.version, "reason": ""})
    assert response.status_code == 400
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.APPROVED
    response = client.post(url, {"version": claim.version, "reason": "Nouveau document."})
    assert response.status_code == 302 and response["Location"] == claim.get_absolute_url()
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.IN_PROGRESS


def test_the_organisation_is_one_row_edited_in_the_admin(db):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("ada", "ada@example.org", "x" * 20)
    client = login(admin)
    add = reverse("admin:factcheck_organisation_add")
    response = client.post(add, {"name": "Le Desk", "url": "https://desk.example/",
                                 "logo_url": "https://desk.example/logo.png",
                                 "methodology_en": "", "methodology_fr": "",
                                 "corrections_policy_en": "", "corrections_policy_fr": ""})
    assert response.status_code == 302
    assert Organisation.current().name == "Le Desk"
    assert client.get(add).status_code == 403  # one row: no second one
    Organisation(name="Autre").save()  # saving a new instance updates the row
    assert Organisation.objects.count() == 1 and Organisation.current().name == "Autre"


def test_the_claims_internal_history_shows_the_correction(published, editor):
    claim = first_claim(published)
    correct(claim, editor)
    page = login(editor).get(claim.get_absolute_url()).content.decode()
    assert "Correction" in page and "Le Sénat a rectifié son compte rendu." in page


# --- a published text changes only through a correction -------------------------------------


def public_state(article: Article) -> tuple:
    stored = Article.objects.get(pk=article.pk)
    claims = list(stored.claims.order_by("pk").values_list("pk", "start", "end", "text"))
    return stored.title, stored.body, stored.status, stored.extraction_queued_at, claims


def test_the_actions_refuse_to_edit_or_re_extract_a_published_article(published, editor):
    from factcheck.actions import articles, extraction

    before, events = public_state(published), published.events.count()
    with pytest.raises(extraction.PublishedTextLocked, match="Unpublish it first"):
        articles.edit_article(published, editor, body=published.body + " Autre phrase.")
    with pytest.raises(extraction.PublishedTextLocked):
        articles.edit_article(published, editor, title="Nouveau titre")
    with pytest.raises(extraction.PublishedTextLocked):
        extraction.request_reextraction(published, actor=editor)
    assert public_state(published) == before
    assert published.events.count() == events


def test_an_extraction_queued_before_publishing_leaves_the_published_claims(published):
    """A message still in the queue (or a sweep) reaches the worker after publishing."""
    from django.utils import timezone

    from factcheck.actions.extraction import apply_extraction
    from factcheck.extraction import extract
    from factcheck.tasks import extract_article

    queued = timezone.now()
    Article.objects.filter(pk=published.pk).update(extraction_queued_at=queued)
    assert extract_article(published.pk) == "published"
    assert Article.objects.get(pk=published.pk).extraction_queued_at is None
    # The same guard under the article lock, for a publish between the task's read and write
    # (the text changed behind the app's back, so that the extraction would add a claim).
    body = published.body + " La loi a été promulguée le 3 mars 2020."
    Article.objects.filter(pk=published.pk).update(extraction_queued_at=queued, body=body)
    claims = public_state(published)[4]
    apply_extraction(published.pk, extract(body, lang="fr"), "fr", queued_at=queued)
    assert public_state(published)[4] == claims
    assert not published.events.filter(action=ReviewEvent.Action.EXTRACTED,
                                       created_at__gte=queued).exists()


def test_a_published_article_page_offers_no_edit_nor_re_extraction(published, checked, editor):
    from lxml import html

    client = login(editor)
    page = html.fromstring(client.get(published.get_absolute_url()).content)
    assert not page.xpath("//form[contains(@action,'/reextract/')]")
    assert not page.xpath("//a[contains(@href,'/edit/')]")
    assert "cannot be edited or extracted again" in page.text_content()
    page = html.fromstring(client.get(checked.get_absolute_url()).content)
    assert page.xpath("//form[contains(@action,'/reextract/')]")
    assert page.xpath("//a[contains(@href,'/edit/')]")


def test_the_edit_and_re_extract_urls_refuse_a_published_article(published, editor):
    client = login(editor)
    before = public_state(published)
    edit = reverse("factcheck:article_edit", kwargs={"uuid": published.uuid})
    reextract = reverse("factcheck:article_reextract", kwargs={"uuid": published.uuid})
    for response in (client.get(edit, follow=True),
                     client.post(edit, {"title": "Piraté", "body": "Autre texte."}, follow=True),
                     client.post(reextract, follow=True)):
        assert response.redirect_chain[-1][0] == published.get_absolute_url()
        assert "This article is published" in response.content.decode()
    assert public_state(published) == before


def test_the_admin_cannot_edit_or_re_extract_a_published_article(published, editor):
    from django.contrib.auth import get_user_model

    admin_user = get_user_model().objects.create_superuser("ada", "ada@example.org", "x" * 20)
    client = login(admin_user)
    before = public_state(published)
    page = client.get(reverse("admin:factcheck_article_change", args=[published.pk]))
    assert 'name="title"' not in page.content.decode()
    response = client.post(reverse("admin:factcheck_article_changelist"),
                           {"action": "reextract", "_selected_action": [published.pk]},
                           follow=True)
    assert "This article is published" in response.content.decode()
    assert public_state(published) == before


def test_the_api_and_the_import_leave_a_published_article_as_it_is(
    published, editor, tmp_path, django_capture_on_commit_callbacks
):
    import json

    from django.core.cache import cache

    from tests.api_client import api_for

    Article.objects.filter(pk=published.pk).update(external_id="cms-9")
    before = public_state(published)
    cache.clear()  # the API's rate limits
    response = api_for(editor).post("/api/v1/articles/", {
        "title": "Autre titre", "text": published.body, "language": "fr",
        "external_id": "cms-9"})
    assert response.status_code == 409, response.content[:500]
    assert "Unpublish it first" in response.json()["detail"]

    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"title": "Autre titre", "text": published.body,
                                "language": "fr", "external_id": "cms-9"}) + "\n")
    with django_capture_on_commit_callbacks(), pytest.raises(CommandError, match="1 row refused"):
        call_command("importarticles", str(path), user=editor.username, stdout=StringIO(),
                     stderr=StringIO())
    assert "Unpublish it first" in published.import_rows.get().message
    assert public_state(published) == before
