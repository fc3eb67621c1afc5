from django.contrib.sitemaps.views import sitemap
from django.urls import path, re_path

from factcheck.sitemaps import SITEMAPS
from factcheck.views import (
    approvals,
    articles,
    claims,
    dashboard,
    exports,
    imports,
    notifications,
    pages,
    public,
    publishing,
    queue,
    report,
    tokens,
)

app_name = "factcheck"

urlpatterns = [
    path("", pages.home, name="home"),
    # Articles: list, upload, page, re-extraction, report.
    path("articles/", articles.article_list, name="article_list"),
    path("articles/new/", articles.article_new, name="article_new"),
    path("articles/<uuid:uuid>/", articles.article_detail, name="article"),
    path("articles/<uuid:uuid>/reextract/", articles.article_reextract, name="article_reextract"),
    path("articles/<uuid:uuid>/edit/", articles.article_edit, name="article_edit"),
    path("articles/<uuid:uuid>/delete/", articles.article_delete, name="article_delete"),
    path("articles/<uuid:uuid>/archive/", articles.article_archive, name="article_archive"),
    path("articles/<uuid:uuid>/report/", report.article_report, name="article_report"),
    # Bulk import: the file form with recent imports, one import's progress and report.
    path("imports/", imports.import_list, name="imports"),
    path("imports/<uuid:uuid>/", imports.import_detail, name="import"),
    # Claim workflow: the reviewers' queue, one claim's review, editors' approvals.
    path("queue/", queue.queue, name="queue"),
    re_path(r"^queue/export\.(?P<fmt>csv|json)$", exports.queue_export, name="queue_export"),
    path("claims/<uuid:uuid>/", claims.claim_detail, name="claim"),
    path("approvals/", approvals.approvals, name="approvals"),
    # Publishing (editors): publish or unpublish an article, correct or reopen a claim.
    path("articles/<uuid:uuid>/publish/", publishing.article_publish, name="article_publish"),
    path("claims/<uuid:uuid>/correct/", publishing.claim_correct, name="claim_correct"),
    path("claims/<uuid:uuid>/reopen/", publishing.claim_reopen, name="claim_reopen"),
    # The public site (anonymous readers). Fixed names before <slug>: they are not slugs
    # (actions/publishing.py's RESERVED_SLUGS keeps it so).
    path("fact-checks/", public.fact_check_list, name="public_list"),
    path("fact-checks/feed/", public.fact_check_feed, name="public_feed"),
    path("fact-checks/data.json", public.data_json, name="public_data_json"),
    path("fact-checks/data.csv", public.data_csv, name="public_data_csv"),
    path("fact-checks/verdicts.css", public.verdict_styles, name="public_verdict_styles"),
    path("fact-checks/<slug:slug>/", public.fact_check_article, name="public_article"),
    path(
        "fact-checks/<slug:slug>/claims/<int:number>/",
        public.fact_check_claim,
        name="public_claim",
    ),
    path("methodology/", public.methodology, name="methodology"),
    path(
        "sitemap.xml",
        public.public_view(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    # The user's own API tokens (the API itself is under /api/v1/, factcheck/api/urls.py).
    path("account/api-tokens/", tokens.api_tokens, name="api_tokens"),
    path("queue/bulk/", queue.queue_bulk, name="queue_bulk"),
    path("notifications/", notifications.notification_list, name="notifications"),
]
