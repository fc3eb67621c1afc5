"""What the API sends back, and what its request bodies look like in the schema.

Requests are checked by forms (api/forms.py, the upload form's rules); these
input serializers only describe them for the OpenAPI schema.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from factcheck.claimreview import absolute, claim_review
from factcheck.models import Article, Claim, Language, Organisation, Verdict
from factcheck.querysets import ClaimQuerySet

PUBLISHED_PATTERN = r"^\d{4}-\d{1,2}(-\d{1,2})?$"


class ArticleInput(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    text = serializers.CharField(
        max_length=200_000, help_text=_("The article's text, 200,000 characters at most.")
    )
    published = serializers.RegexField(
        PUBLISHED_PATTERN,
        required=False,
        allow_blank=True,  # empty means "no date", as on the upload form
        allow_null=True,
        help_text=_("Publication date: a day as YYYY-MM-DD or a month as YYYY-MM."),
    )
    language = serializers.ChoiceField(
        choices=["", *Language.values],
        required=False,
        allow_null=True,
        help_text=_("fr or en; empty or absent: detected from the text."),
    )
    # A CharField in the schema: the form takes "example.org" as https://example.org.
    source_url = serializers.CharField(
        max_length=1000, required=False, allow_null=True, allow_blank=True,
        help_text=_("Where the article was published (http or https)."),
    )
    outlet = serializers.CharField(max_length=200, required=False, allow_null=True,
                                   allow_blank=True)
    external_id = serializers.CharField(
        max_length=200,
        required=False,
        allow_null=True,
        allow_blank=True,
        help_text=_("Your system's id for the article: sending it again finds the article."),
    )


class VerdictOut(serializers.ModelSerializer):
    class Meta:
        model = Verdict
        fields = ["label_en", "label_fr", "rating"]


class ClaimOut(serializers.ModelSerializer):
    """A claim: where it is, what it says, how far its review is."""

    value = serializers.SerializerMethodField(
        help_text=_("The reviewer's correction if any, else the extracted value.")
    )
    verdict = VerdictOut(allow_null=True, help_text=_("Set once a reviewer judged the claim."))
    article = serializers.UUIDField(source="article.uuid")
    assignee = serializers.CharField(source="assignee.username", allow_null=True, default=None)

    class Meta:
        model = Claim
        fields = ["uuid", "article", "kind", "text", "start", "end", "value", "extracted_value",
                  "status", "assignee", "verdict", "explanation", "stale"]

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_value(self, claim: Claim) -> dict[str, Any]:
        return claim.value


class ArticleOut(serializers.ModelSerializer):
    """An article with its extraction status and its claims."""

    published = serializers.SerializerMethodField(
        help_text=_("YYYY-MM-DD, or YYYY-MM for a month; null when not given.")
    )
    language = serializers.CharField(help_text=_("Detected or given; empty before extraction."))
    extraction_pending = serializers.BooleanField(
        source="is_busy", help_text=_("True until the worker has extracted the current text.")
    )
    page_url = serializers.SerializerMethodField(help_text=_("The article's page in the app."))
    claims = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = ["uuid", "external_id", "title", "status", "failure_reason", "extraction_pending",
                  "language", "published", "source_url", "outlet", "created_at", "updated_at",
                  "extracted_at", "page_url", "claims"]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_published(self, article: Article) -> str | None:
        return article.published_for_extraction

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, article: Article) -> str:
        request = self.context.get("request")
        path = article.get_absolute_url()
        return request.build_absolute_uri(path) if request is not None else path

    @extend_schema_field(ClaimOut(many=True))
    def get_claims(self, article: Article) -> list[dict[str, Any]]:
        claims = article.claims.for_article_page()
        for claim in claims:
            claim.article = article  # known already: no query per claim
        return ClaimOut(claims, many=True).data


class ClaimPage(serializers.Serializer):
    """One page of claims; follow `next` until it is null."""

    results = ClaimOut(many=True)
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)


class ClaimFilters(serializers.Serializer):
    """The queue's filters, and the keyset pager (`after` / `before` a row's key)."""

    kind = serializers.ChoiceField(choices=Claim.Kind.values, required=False)
    language = serializers.ChoiceField(choices=Language.values, required=False)
    status = serializers.ChoiceField(choices=Claim.Status.values, required=False)
    article = serializers.UUIDField(required=False, help_text=_("Only this article's claims."))
    mine = serializers.BooleanField(
        required=False, default=False, help_text=_("Only the claims assigned to me.")
    )
    sort = serializers.ChoiceField(
        choices=list(ClaimQuerySet.QUEUE_SORTS), required=False, default="oldest"
    )
    after = serializers.CharField(
        required=False, max_length=100, help_text=_("From a `next` link: the rows after this key.")
    )
    before = serializers.CharField(
        required=False, max_length=100,
        help_text=_("From a `previous` link: the rows before this key."),
    )
    limit = serializers.IntegerField(required=False, default=50, min_value=1, max_value=200)


def api_url(name: str, **kwargs: Any) -> str:
    return reverse(f"api:{name}", kwargs=kwargs)


class FactCheckOut(serializers.ModelSerializer):
    """A published fact-check: the article as readers see it and one ClaimReview per claim."""

    # Context: `base_url` (the site's scheme and host, for absolute URLs), `organisation`
    # optional. Claims: the article's prefetched `public_claims`, else one query.

    url = serializers.SerializerMethodField(help_text=_("The fact-check's public page."))
    published = serializers.SerializerMethodField(
        help_text=_("When the article itself appeared: YYYY-MM-DD, YYYY-MM or null.")
    )
    claim_reviews = serializers.SerializerMethodField(
        help_text=_("schema.org ClaimReview objects, as the public pages embed them.")
    )

    class Meta:
        model = Article
        fields = ["slug", "uuid", "external_id", "title", "language", "outlet", "source_url",
                  "published", "first_published_at", "public_updated_at", "url",
                  "claim_reviews"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, article: Article) -> str:
        return absolute(self.context["base_url"], article.get_public_url())

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_published(self, article: Article) -> str | None:
        return article.published_for_extraction

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_claim_reviews(self, article: Article) -> list[dict[str, Any]]:
        claims = getattr(article, "public_claims", None)
        if claims is None:
            claims = Claim.objects.public().filter(article=article)
        organisation = self.context.get("organisation") or Organisation.current()
        return [claim_review(claim, organisation, self.context["base_url"]) for claim in claims]


class FactCheckPage(serializers.Serializer):
    """One page of fact-checks, newest publication first; follow `next` until it is null."""

    results = FactCheckOut(many=True)
    next = serializers.URLField(allow_null=True)


class FactCheckFilters(serializers.Serializer):
    after = serializers.CharField(
        required=False, max_length=100, help_text=_("From a `next` link: the fact-checks after "
                                                    "this key.")
    )
    limit = serializers.IntegerField(required=False, default=20, min_value=1, max_value=100)
