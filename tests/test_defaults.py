"""The default verdict scale and roles: created by migrations, restored when missing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from factcheck.defaults import ensure_defaults
from factcheck.models import Verdict


@pytest.mark.django_db
def test_migrations_create_the_bilingual_scale_and_both_roles():
    scale = list(Verdict.objects.values_list("label_en", "label_fr", "rating"))
    assert scale[0] == ("False", "Faux", 1)
    assert scale[-1] == ("Unverifiable", "Invérifiable", None)
    editors = Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    reviewers = Group.objects.get(name="Reviewers").permissions.values_list("codename", flat=True)
    assert {"approve_claim", "add_article", "review_claim"} <= set(editors)
    assert "review_claim" in reviewers and "approve_claim" not in reviewers


@pytest.mark.django_db(transaction=True)
def test_flush_brings_the_defaults_back():
    call_command("flush", "--noinput", verbosity=0)
    assert Verdict.objects.count() == 6
    assert set(Group.objects.values_list("name", flat=True)) == {"Editors", "Reviewers"}


@pytest.mark.django_db
def test_an_edited_scale_and_group_are_left_alone():
    Verdict.objects.filter(label_en="False").update(label_en="Wrong")
    editors = Group.objects.get(name="Editors")
    editors.permissions.clear()
    ensure_defaults()
    assert not Verdict.objects.filter(label_en="False").exists()
    assert Verdict.objects.count() == 6
    assert editors.permissions.count() == 0
