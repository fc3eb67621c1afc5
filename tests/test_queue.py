"""The reviewer queue: permissions, filters, counts, take-next (also concurrent), query counts."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection
from django.urls import reverse

from factcheck.actions import review
from factcheck.models import Claim, ReviewEvent
from tests.factories import HTMX, login, make_article, make_claims, make_user

QUEUE = "/queue/"


@pytest.fixture
def mixed(editor):
    """Two articles, fr and en, with claims of each kind and several statuses."""
    fr = make_article(editor, title="Vote au Sénat", language="fr")
    en = make_article(editor, title="Senate vote", language="en")
    make_claims(fr, 3, Claim.Kind.DATE)
    make_claims(fr, 2, Claim.Kind.VOTE_RESULT, offset=10)
    make_claims(en, 4, Claim.Kind.MEETING_COUNT)
    make_claims(en, 1, Claim.Kind.DATE, offset=20, status=Claim.Status.APPROVED)
    return fr, en


def test_url_name():
    assert reverse("factcheck:queue") == QUEUE


@pytest.mark.parametrize("role", ["reviewer", "editor"])
def test_reviewers_and_editors_see_the_queue(request, role, mixed):
    response = login(request.getfixturevalue(role)).get(QUEUE)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Take next pending claim" in page
    assert page.count('<a href="/claims/') == 10


def rows(response) -> list[Claim]:
    return response.context["claims"]


def test_filter_by_kind(reviewer, mixed):
    response = login(reviewer).get(QUEUE, {"kind": "vote_result"})
    assert {c.kind for c in rows(response)} == {"vote_result"}
    assert len(rows(response)) == 2


def test_filter_by_language_uses_the_article_language(reviewer, mixed):
    response = login(reviewer).get(QUEUE, {"language": "en"})
    assert {c.article.language for c in rows(response)} == {"en"}
    assert len(rows(response)) == 5


def test_filter_by_status_and_counts_per_status(reviewer, mixed):
    response = login(reviewer).get(QUEUE, {"status": "approved"})
    assert [c.status for c in rows(response)] == ["approved"]
    counts = {tab["value"]: tab["count"] for tab in response.context["status_tabs"]}
    assert counts == {"pending": "9", "in_progress": "0", "sent_back": "0", "submitted": "0",
                      "approved": "1", "dismissed": "0"}


def test_counts_are_exact_up_to_the_cap_then_estimated(mixed):
    """Counting stops past the cap, so its cost does not grow; the planner estimates the rest."""
    from factcheck.querysets import ClaimCount
    from factcheck.views.queue import shown_count

    assert Claim.objects.status_counts()["pending"] == ClaimCount(9, exact=True)
    capped = Claim.objects.status_counts(cap=4)
    assert capped["pending"].exact is False and capped["pending"].value >= 5
    assert capped["approved"] == ClaimCount(1, exact=True)
    assert shown_count(ClaimCount(1000, exact=True)) == "1,000"
    assert shown_count(ClaimCount(70153, exact=False)) == "about 70,000"
    assert shown_count(ClaimCount(1001, exact=False)) == "about 1,000"


def test_estimated_counts_are_labelled(reviewer, editor, monkeypatch):
    from factcheck.querysets import ClaimQuerySet

    make_claims(make_article(uploaded_by=editor), 12)
    monkeypatch.setattr(ClaimQuerySet, "COUNT_CAP", 5)
    page = login(reviewer).get(QUEUE).content.decode()
    assert "about " in page and "are estimates" in page


def test_filter_by_article(reviewer, mixed):
    fr, _en = mixed
    response = login(reviewer).get(QUEUE, {"article": str(fr.uuid)})
    assert {c.article_id for c in rows(response)} == {fr.pk}
    assert "Only claims from" in response.content.decode()


def test_filter_assigned_to_me(reviewer, other_reviewer, mixed):
    mine = review.take_next_claim(reviewer)
    review.take_next_claim(other_reviewer)
    response = login(reviewer).get(QUEUE, {"mine": "on"})
    assert [c.pk for c in rows(response)] == [mine.pk]


def test_sorting(reviewer, mixed):
    client = login(reviewer)
    oldest = [c.pk for c in rows(client.get(QUEUE))]
    assert oldest == sorted(oldest)
    by_kind = [c.kind for c in rows(client.get(QUEUE, {"sort": "kind"}))]
    assert by_kind == sorted(by_kind)
    by_article = [(c.article_id, c.start) for c in rows(client.get(QUEUE, {"sort": "article"}))]
    assert by_article == sorted(by_article)


def test_bad_filter_values_are_ignored_not_errors(reviewer, mixed):
    params = {"kind": "nope", "article": "not-a-uuid", "sort": "x", "page": "zzz", "status": "?"}
    response = login(reviewer).get(QUEUE, params)
    assert response.status_code == 200
    assert len(rows(response)) == 10


def page_links(response) -> dict[str, str]:
    """The pager's links by id (page-first, page-previous, page-next, page-last)."""
    import re

    html = response.content.decode()
    found = re.findall(r'<a id="(page-\w+)" href="([^"]*)"', html)
    return {name: href.replace("&amp;", "&") for name, href in found}


def test_pagination_walks_every_page_both_ways(reviewer, editor):
    make_claims(make_article(uploaded_by=editor), 120)
    client = login(reviewer)
    first = client.get(QUEUE)
    assert len(rows(first)) == 50
    assert set(page_links(first)) == {"page-next", "page-last"}
    second = client.get(QUEUE + page_links(first)["page-next"])
    third = client.get(QUEUE + page_links(second)["page-next"])
    seen = [c.pk for r in (first, second, third) for c in rows(r)]
    assert seen == sorted(Claim.objects.values_list("pk", flat=True))
    assert len(rows(third)) == 20 and "page-next" not in page_links(third)
    back = client.get(QUEUE + page_links(third)["page-previous"])
    assert [c.pk for c in rows(back)] == [c.pk for c in rows(second)]
    assert first.context["total_number"] == 120


@pytest.mark.parametrize("sort", ["oldest", "article", "kind"])
def test_the_last_page_of_a_large_queue_is_reachable(reviewer, editor, sort):
    """Past the count cap too: "Last page" seeks from the end, whatever the queue's size."""
    from factcheck.querysets import ClaimQuerySet

    article = make_article(length=1300, uploaded_by=editor)
    make_claims(article, 600, Claim.Kind.DATE)
    make_claims(article, 600, Claim.Kind.VOTE_RESULT, offset=600)
    client = login(reviewer)
    expected = list(
        Claim.objects.order_by(*ClaimQuerySet.sort_fields(sort)).values_list("pk", flat=True)
    )
    first = client.get(QUEUE, {"sort": sort})
    assert "sort=" in page_links(first)["page-last"]
    last = client.get(QUEUE + page_links(first)["page-last"])
    assert [c.pk for c in rows(last)] == expected[-50:]
    assert set(page_links(last)) == {"page-first", "page-previous"}
    # Walking back from the last page meets the rows just before it.
    before = client.get(QUEUE + page_links(last)["page-previous"])
    assert [c.pk for c in rows(before)] == expected[-100:-50]
    # Seeking into the middle lands on the rows right after the given one.
    middle = Claim.objects.get(pk=expected[700])
    from factcheck.pagination import key_of

    deep = client.get(QUEUE, {"sort": sort, "after": key_of(middle, sort)})
    assert [c.pk for c in rows(deep)] == expected[701:751]


def test_bad_or_stale_cursors_never_fail(reviewer, mixed):
    client = login(reviewer)
    for params in ({"after": "x.y"}, {"before": "1.2.3"}, {"sort": "kind", "after": "nope.3"},
                   {"after": "9" * 40}, {"page": "200"}):
        response = client.get(QUEUE, params)
        assert response.status_code == 200 and len(rows(response)) == 10
    past_the_end = client.get(QUEUE, {"after": "999999999"})
    assert rows(past_the_end) == []
    assert "First page" in past_the_end.content.decode()


def test_filter_links_drop_the_cursor(reviewer, editor):
    make_claims(make_article(uploaded_by=editor), 60)
    response = login(reviewer).get(QUEUE, {"after": "3", "kind": "date"})
    html = response.content.decode()
    assert page_links(response)["page-first"] == "?kind=date"
    for tab in ("status=pending", "status=approved"):
        assert f'href="?kind=date&amp;{tab}"' in html
    assert response.context["article_link_prefix"] == "?kind=date&article="


def test_htmx_gets_only_the_results_fragment(reviewer, mixed):
    response = login(reviewer).get(QUEUE, {"kind": "date"}, **HTMX, HTTP_HX_TRIGGER="queue-filters")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert 'id="queue-filters"' in page
    assert "HX-Request" in response["Vary"]
    # A filter change keeps focus in the form; a pager link moves it to the results.
    assert "data-focus-after-swap" not in page
    paged = login(reviewer).get(QUEUE, {"after": "1"}, **HTMX, HTTP_HX_TRIGGER="page-next")
    assert "data-focus-after-swap" in paged.content.decode()


def test_history_restore_gets_the_whole_page(reviewer, mixed):
    response = login(reviewer).get(QUEUE, **HTMX, HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in response.content.decode()


def test_the_filter_form_works_with_and_without_htmx(reviewer, mixed):
    page = login(reviewer).get(QUEUE).content.decode()
    assert 'method="get" action="/queue/"' in page
    assert 'hx-get="/queue/"' in page and 'hx-push-url="true"' in page


# --- take next --------------------------------------------------------------------------------


def test_take_next_assigns_the_oldest_pending_claim_and_opens_it(reviewer, mixed):
    oldest = Claim.objects.pending().order_by("id").first()
    response = login(reviewer).post(QUEUE)
    assert response.status_code == 302
    assert response["Location"] == oldest.get_absolute_url()
    oldest.refresh_from_db()
    assert (oldest.status, oldest.assignee, oldest.version) == ("in_progress", reviewer, 2)
    actions_logged = set(oldest.events.values_list("action", flat=True))
    assert actions_logged == {ReviewEvent.Action.ASSIGNED, ReviewEvent.Action.STATUS}


def test_take_next_within_the_filters(reviewer, mixed):
    response = login(reviewer).post(QUEUE, {"kind": "meeting_count", "language": "en"})
    claim = Claim.objects.get(assignee=reviewer)
    assert claim.kind == "meeting_count"
    # The claim page carries the filters, for "Back to the queue" and "Submit and take next".
    filters = "?queue=kind%3Dmeeting_count%26language%3Den"
    assert response["Location"] == claim.get_absolute_url() + filters


def test_take_next_when_nothing_is_left(reviewer, mixed):
    client = login(reviewer)
    response = client.post(QUEUE, {"kind": "vote_result", "language": "en"})
    assert response.status_code == 302
    assert response["Location"] == "/queue/?kind=vote_result&language=en"
    page = client.get(response["Location"]).content.decode()
    assert "No pending claim is left for these filters." in page


def test_two_sessions_taking_next_get_two_different_claims(reviewer, other_reviewer, mixed):
    first = login(reviewer).post(QUEUE)["Location"]
    second = login(other_reviewer).post(QUEUE)["Location"]
    assert first != second
    assert Claim.objects.filter(status="in_progress").count() == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_take_next_never_gives_a_claim_twice(django_db_blocker):
    """Real threads, each with its own connection, race for fewer claims than takers."""
    from factcheck import roles

    takers = [make_user(f"reviewer{i}", roles.REVIEWERS) for i in range(50)]
    make_claims(make_article(), 40)
    barrier = threading.Barrier(len(takers))
    results: dict[str, object] = {}

    def take(user) -> None:
        try:
            barrier.wait(timeout=10)
            claim = review.take_next_claim(user)
            results[user.username] = claim.pk if claim else None
        except Exception as exc:  # report, don't swallow: the assertion below shows it
            results[user.username] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(user,)) for user in takers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    close_old_connections()

    errors = [r for r in results.values() if isinstance(r, Exception)]
    given = [r for r in results.values() if isinstance(r, int)]
    assert errors == []
    assert len(given) == len(set(given)) == 40
    assert list(results.values()).count(None) == 10
    assert Claim.objects.filter(status="in_progress").count() == 40
    owners = Claim.objects.values_list("assignee__username", flat=True)
    assert len(set(owners)) == 40


# --- a fixed number of queries ----------------------------------------------------------------


@pytest.mark.parametrize("count", [10, 1000])
@pytest.mark.parametrize(
    "params", [{}, {"language": "fr", "kind": "date"}, {"status": "pending", "sort": "article"}]
)
def test_queue_query_count_does_not_grow_with_rows(
    reviewer, editor, count, params, django_assert_max_num_queries
):
    article = make_article(length=count + 10, uploaded_by=editor)
    make_claims(article, count)
    review.take_next_claim(reviewer)
    client = login(reviewer)
    params = params | {"article": str(article.uuid)} if params else params
    # Session, user, permissions x2, article filter, aggregate, rows, the top bar's unread
    # notifications: the same for 10 or 1,000.
    with django_assert_max_num_queries(8):
        response = client.get(QUEUE, params)
    assert response.status_code == 200
    # One claim is taken: a "pending" filter shows one fewer.
    assert min(count, 50) - 1 <= len(rows(response)) <= min(count, 50)
