from django.urls import path

from factcheck.views import approvals, claims, pages, queue

app_name = "factcheck"

urlpatterns = [
    path("", pages.home, name="home"),
    # Claim workflow: the reviewers' queue, one claim's review, editors' approvals.
    path("queue/", queue.queue, name="queue"),
    path("claims/<uuid:uuid>/", claims.claim_detail, name="claim"),
    path("approvals/", approvals.approvals, name="approvals"),
]
