"""/sitemap.xml (django.contrib.sitemaps): the public list, the methodology, every
published fact-check and every published claim review, with when each last changed."""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from factcheck.models import Article, Claim


class PublicPagesSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["factcheck:public_list", "factcheck:methodology"]

    def location(self, item: str) -> str:
        return reverse(item)


class ArticleSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> Any:
        return Article.objects.public().only("slug", "public_updated_at")

    def location(self, item: Article) -> str:
        return item.get_public_url()

    def lastmod(self, item: Article) -> Any:
        return item.public_updated_at


class ClaimSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> Any:
        return (
            Claim.objects.public()
            .select_related(None)
            .select_related("article")
            .prefetch_related(None)
            .only("public_number", "published_at", "public_modified_at", "article__slug")
        )

    def location(self, item: Claim) -> str:
        return item.get_public_url()

    def lastmod(self, item: Claim) -> Any:
        return item.public_modified_at or item.published_at


SITEMAPS = {"pages": PublicPagesSitemap, "fact-checks": ArticleSitemap, "claims": ClaimSitemap}
