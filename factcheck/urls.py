from django.urls import path

from factcheck.views import approvals, articles, claims, imports, pages, queue, report

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
    path("claims/<uuid:uuid>/", claims.claim_detail, name="claim"),
    path("approvals/", approvals.approvals, name="approvals"),
]
