"""The public site: anonymous readers see published fact-checks, nothing else.

/fact-checks/ (list, search, verdict filter), /fact-checks/<slug>/ (one article),
/fact-checks/<slug>/claims/<n>/ (one claim review, one ClaimReview), /methodology/,
the Atom feed, open data (JSON, CSV), the verdict colours' stylesheet and the sitemap.

Only published articles and their approved, numbered claims are read
(querysets: Article.public(), Claim.public()); an article never published is
a 404, one taken down answers 410 with its reason. Pages carry Cache-Control,
Last-Modified and a weak ETag (the body differs by a CSRF token only) from
the data they show, so they can sit behind a cache and answer 304.
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition, require_safe

from factcheck.claimreview import absolute, claim_review
from factcheck.models import Article, Claim, Organisation, ReviewEvent, Verdict

PAGE_SIZE = 20
FEED_SIZE = 50
DATA_COLUMNS = (
    "url", "claim_reviewed", "rating_name", "rating_value", "best_rating", "worst_rating",
    "date_published", "date_modified", "in_language", "appearance_url", "appearance_headline",
    "claim_date", "claim_author", "author_name", "author_url",
)


def public_cache(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Cache-Control for every public response (settings.FACTCHECK_PUBLIC_MAX_AGE)."""
    return cache_control(public=True, max_age=settings.FACTCHECK_PUBLIC_MAX_AGE)(view)


def public_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A view of someone else's (syndication, sitemaps) as a public page: GET and HEAD only."""
    return require_safe(public_cache(view))


def base_url(request: HttpRequest) -> str:
    """The site's own scheme and host, for absolute URLs (canonical, ClaimReview, feed)."""
    return request.build_absolute_uri("/").rstrip("/")


# --- validators for conditional GET: what a page shows, fingerprinted ------------------------


def _fingerprint(*parts: Any) -> str:
    """A weak ETag over the data shown, the reader's language and the site's settings."""
    organisation = Organisation.current()
    scale = list(Verdict.objects.values_list("pk", "label_en", "label_fr", "rating", "colour",
                                             "order", "is_active"))
    text = repr((parts, get_language(), organisation.updated_at, scale))
    return 'W/"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'


def _article_stamp(slug: str) -> tuple[Any, ...] | None:
    """(status, last publication or correction, unpublication) of the article, if any."""
    return Article.objects.filter(slug=slug).values_list(
        "status", "public_updated_at", "unpublished_at"
    ).first()


def article_etag(request: HttpRequest, slug: str, number: int | None = None) -> str | None:
    row = _article_stamp(slug)
    if row is None or row[0] != Article.Status.PUBLISHED:
        return None  # 404 or 410: no validator
    return _fingerprint(slug, number, row)


def article_modified(request: HttpRequest, slug: str, number: int | None = None) -> Any:
    row = _article_stamp(slug)
    if row is None or row[0] != Article.Status.PUBLISHED:
        return None
    return _newest(row[1], Organisation.current().updated_at)


def site_etag(request: HttpRequest, *args: Any, **kwargs: Any) -> str:
    return _fingerprint(request.get_full_path(), *_site_stamp())


def site_modified(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
    return _newest(_site_stamp()[0], Organisation.current().updated_at)


def _site_stamp() -> tuple[Any, ...]:
    """The newest change of anything public, and how many articles are public: a
    publication, a correction and an unpublication all move one of them."""
    stamp = Article.objects.filter(first_published_at__isnull=False).aggregate(
        updated=Max("public_updated_at"), gone=Max("unpublished_at")
    )
    public = Article.objects.public().count()
    return _newest(stamp["updated"], stamp["gone"]), public


def _newest(*moments: Any) -> Any:
    present = [moment for moment in moments if moment]
    return max(present) if present else None


# --- pages ---------------------------------------------------------------------------------


@require_safe
@public_cache
@condition(etag_func=site_etag, last_modified_func=site_modified)
def fact_check_list(request: HttpRequest) -> HttpResponse:
    from factcheck.forms.publishing import PublicSearchForm

    form = PublicSearchForm(request.GET or None)
    filters = form.filters()
    articles = Article.objects.public().defer("body")
    if filters["q"]:
        q = filters["q"]
        matching_claims = Claim.objects.public().filter(text__icontains=q).values("article_id")
        articles = articles.filter(
            Q(title__icontains=q) | Q(outlet__icontains=q) | Q(pk__in=matching_claims)
        )
    if filters["verdict"] is not None:
        articles = articles.filter(
            pk__in=Claim.objects.public().filter(verdict=filters["verdict"]).values("article_id")
        )
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = _verdict_counts(page.object_list)
    for article in page.object_list:
        article.verdict_counts = counts.get(article.pk, [])
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "form": form,
        "query": query.urlencode(),
        "organisation": Organisation.current(),
        "canonical": absolute(base_url(request), reverse("factcheck:public_list")),
    }
    return render(request, "public/list.html", context)


@require_safe
@public_cache
@condition(etag_func=article_etag, last_modified_func=article_modified)
def fact_check_article(request: HttpRequest, slug: str) -> HttpResponse:
    article = _public_article(request, slug)
    if isinstance(article, HttpResponse):
        return article
    claims = list(Claim.objects.public().filter(article=article))
    organisation = Organisation.current()
    _attach_public_record(claims, organisation)
    site = base_url(request)
    counts = Counter(claim.verdict_id for claim in claims)
    context = {
        "article": article,
        "claims": claims,
        "organisation": organisation,
        "legend": [(v, counts[v.pk]) for v in Verdict.objects.all() if counts[v.pk]],
        "claim_reviews": [claim_review(claim, organisation, site) for claim in claims],
        "canonical": absolute(site, article.get_public_url()),
        "corrected": any(claim.corrections for claim in claims),
    }
    return render(request, "public/article.html", context)


@require_safe
@public_cache
@condition(etag_func=article_etag, last_modified_func=article_modified)
def fact_check_claim(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    article = _public_article(request, slug)
    if isinstance(article, HttpResponse):
        return article
    claim = Claim.objects.public().filter(article=article, public_number=number).first()
    if claim is None:
        raise Http404
    organisation = Organisation.current()
    _attach_public_record([claim], organisation)
    site = base_url(request)
    context = {
        "article": article,
        "claim": claim,
        "claims": [claim],
        "organisation": organisation,
        "claim_review": claim_review(claim, organisation, site),
        "canonical": absolute(site, claim.get_public_url()),
    }
    return render(request, "public/claim.html", context)


@require_safe
@public_cache
@condition(etag_func=site_etag, last_modified_func=site_modified)
def methodology(request: HttpRequest) -> HttpResponse:
    context = {
        "organisation": Organisation.current(),
        "verdicts": [v for v in Verdict.objects.all() if v.is_active],
        "best_rating": 5,
        "worst_rating": 1,
        "canonical": absolute(base_url(request), reverse("factcheck:methodology")),
    }
    return render(request, "public/methodology.html", context)


@require_safe
@public_cache
@condition(etag_func=site_etag)
def verdict_styles(request: HttpRequest) -> HttpResponse:
    """One class per verdict of the (editable) scale: public pages colour claims without
    inline styles or a nonce, and the stylesheet caches like any other."""
    rules = [f".verdict-{v.pk} {{ --verdict: {v.colour}; }}" for v in Verdict.objects.all()]
    return HttpResponse("\n".join(rules) + "\n", content_type="text/css; charset=utf-8")


# --- open data -------------------------------------------------------------------------------


def published_reviews(request: HttpRequest) -> list[dict[str, Any]]:
    organisation = Organisation.current()
    site = base_url(request)
    claims = Claim.objects.public().order_by("-article__first_published_at", "article_id",
                                             "public_number")
    return [claim_review(claim, organisation, site) for claim in claims]


@require_safe
@public_cache
@condition(etag_func=site_etag, last_modified_func=site_modified)
def data_json(request: HttpRequest) -> HttpResponse:
    reviews = published_reviews(request)
    return JsonResponse(
        {"count": len(reviews), "claim_reviews": reviews},
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )


@require_safe
@public_cache
@condition(etag_func=site_etag, last_modified_func=site_modified)
def data_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="fact-checks.csv"'
    writer = csv.writer(response)
    writer.writerow(DATA_COLUMNS)
    writer.writerows(csv_row(review) for review in published_reviews(request))
    return response


def csv_row(review: dict[str, Any]) -> list[Any]:
    """A ClaimReview flattened to DATA_COLUMNS; absent fields are empty cells."""
    rating, item = review["reviewRating"], review["itemReviewed"]
    appearance, author = item.get("appearance", {}), review["author"]
    return [
        review["url"], review["claimReviewed"], rating["alternateName"],
        rating.get("ratingValue", ""), rating.get("bestRating", ""),
        rating.get("worstRating", ""), review["datePublished"] or "",
        review.get("dateModified", ""), review["inLanguage"], appearance.get("url", ""),
        appearance.get("headline", ""), item.get("datePublished", ""),
        item.get("author", {}).get("name", ""), author.get("name", ""), author.get("url", ""),
    ]


# --- feed ----------------------------------------------------------------------------------


class FactCheckFeed(Feed):
    """Atom: one entry per published fact-check, updated by each correction."""

    feed_type = Atom1Feed

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        name = Organisation.current().name
        return _("Fact-checks") + (f" · {name}" if name else "")

    def link(self) -> str:
        return reverse("factcheck:public_list")

    def subtitle(self) -> str:
        return _("Published fact-checks and their corrections.")

    def items(self) -> list[Article]:
        articles = list(Article.objects.public().order_by("-public_updated_at", "-id")
                        .defer("body")[:FEED_SIZE])
        claims = Claim.objects.public().filter(article__in=articles)
        events = _corrections(claims)
        by_article: dict[int, list[Claim]] = {}
        for claim in claims:
            claim.corrections = events.get(claim.pk, [])
            by_article.setdefault(claim.article_id, []).append(claim)
        for article in articles:
            article.public_claims = by_article.get(article.pk, [])
        return articles

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        lines = [f"{claim.text}: {claim.verdict.label}" for claim in item.public_claims]
        for claim in item.public_claims:
            for event in claim.corrections:
                lines.append(_("Correction (%(date)s): %(note)s")
                             % {"date": event.created_at.date().isoformat(),
                                "note": event.comment})
        return "\n".join(lines)

    def item_link(self, item: Article) -> str:
        return item.get_public_url()

    def item_pubdate(self, item: Article) -> Any:
        return item.first_published_at

    def item_updateddate(self, item: Article) -> Any:
        return item.public_updated_at


fact_check_feed = public_view(FactCheckFeed())


# --- helpers -------------------------------------------------------------------------------


def _public_article(request: HttpRequest, slug: str) -> Article | HttpResponse:
    """The published article, a 410 page for one taken down, else 404."""
    article = Article.objects.filter(slug=slug).first()
    if article is None or article.first_published_at is None:
        raise Http404
    if article.status != Article.Status.PUBLISHED:
        context = {"article": article, "organisation": Organisation.current()}
        return render(request, "public/gone.html", context, status=410)
    return article


def _corrections(claims: Iterable[Claim]) -> dict[int, list[ReviewEvent]]:
    events: dict[int, list[ReviewEvent]] = {}
    for event in ReviewEvent.objects.filter(
        claim__in=list(claims), action=ReviewEvent.Action.CORRECTION
    ).order_by("created_at", "id"):
        events.setdefault(event.claim_id, []).append(event)
    return events


def _attach_public_record(claims: list[Claim], organisation: Organisation) -> None:
    """Each claim's corrections and, when names are shown, who approved it."""
    corrections = _corrections(claims)
    approvers: dict[int, Any] = {}
    if organisation.show_names:
        approvals = ReviewEvent.objects.filter(
            claim__in=claims, action=ReviewEvent.Action.STATUS, after__status="approved"
        ).select_related("actor").order_by("created_at", "id")
        approvers = {event.claim_id: event.actor for event in approvals}
    for claim in claims:
        claim.corrections = corrections.get(claim.pk, [])
        claim.approver = approvers.get(claim.pk)


def _verdict_counts(articles: Iterable[Article]) -> dict[int, list[tuple[Verdict, int]]]:
    """Per article on the page: (verdict, count) in the scale's order, in one query."""
    verdicts = {v.pk: v for v in Verdict.objects.all()}
    rows = Counter(
        Claim.objects.public().filter(article__in=list(articles)).values_list("article_id",
                                                                              "verdict_id")
    )
    counts: dict[int, list[tuple[Verdict, int]]] = {}
    for (article_id, verdict_id), n in sorted(rows.items(),
                                              key=lambda item: verdicts[item[0][1]].order):
        counts.setdefault(article_id, []).append((verdicts[verdict_id], n))
    return counts
