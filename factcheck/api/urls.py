"""/api/v1/: mounted by newsroom/urls.py under the "api" namespace."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from factcheck.api import views

app_name = "api"


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema, public like the docs: no token, no rate limit."""

    authentication_classes = []
    permission_classes = []
    throttle_classes = []


urlpatterns = [
    path("articles/", views.articles, name="articles"),
    # Any string: a malformed id is the API's own 404 (problem+json), not Django's page.
    path("articles/<str:uuid>/", views.article, name="article"),
    path("claims/", views.claims, name="claims"),
    path("fact-checks/", views.fact_checks, name="fact_checks"),
    # Any string: a slug the site never gave is the API's own 404, not Django's page.
    path("fact-checks/<str:slug>/", views.fact_check, name="fact_check"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", views.docs, name="docs"),
    # Anything else under /api/v1/: a problem+json 404, as clients parse every error.
    re_path(r"^.*$", views.not_found, name="not_found"),
]
