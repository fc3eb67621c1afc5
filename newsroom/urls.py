from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from factcheck.views.errors import SignOutView
from factcheck.views.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Browsers ask for it on pages that name no icon (the admin's): a 404 there is noise.
    path("favicon.ico", lambda request: redirect(static("favicon.svg")), name="favicon"),
    path("admin/", admin.site.urls),
    # Before Django's auth URLs: signing out by GET shows a page with the button, not a 405.
    path("accounts/logout/", SignOutView.as_view(), name="logout"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("factcheck.api.urls")),
    path("", include("factcheck.urls")),
]
