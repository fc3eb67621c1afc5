from django.urls import path

from factcheck.views import pages

app_name = "factcheck"

urlpatterns = [
    path("", pages.home, name="home"),
]
