from django.contrib import admin
from django.urls import include, path

from factcheck.views.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("factcheck.api.urls")),
    path("", include("factcheck.urls")),
]
