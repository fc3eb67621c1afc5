"""The default verdict scale and the Editors and Reviewers groups.

Migration 0002 creates them; `ensure_defaults` runs again after every
`migrate` and `flush` (post_migrate), so a database emptied by a flush (as
transactional tests do) or a group deleted by mistake comes back. It only
fills what is missing: an edited scale or group is left as the admin made it.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

DEFAULT_SCALE = [
    # label_en, label_fr, ClaimReview rating, colour
    ("False", "Faux", 1, "#c62828"),
    ("Mostly false", "Plutôt faux", 2, "#ef6c00"),
    ("Misleading", "Trompeur", 3, "#f9a825"),
    ("Mostly true", "Plutôt vrai", 4, "#7cb342"),
    ("True", "Vrai", 5, "#2e7d32"),
    ("Unverifiable", "Invérifiable", None, "#757575"),
]

ROLE_PERMISSIONS = {
    "Reviewers": [
        "view_article",
        "view_claim",
        "change_claim",
        "review_claim",
        "view_source",
        "add_source",
        "delete_source",
        "view_verdict",
        "view_reviewevent",
    ],
    "Editors": [
        "view_article",
        "add_article",
        "change_article",
        "view_claim",
        "change_claim",
        "review_claim",
        "approve_claim",
        "view_source",
        "add_source",
        "delete_source",
        "view_verdict",
        "view_reviewevent",
    ],
}


def ensure_verdict_scale(apps: Any) -> None:
    Verdict = apps.get_model("factcheck", "Verdict")
    if Verdict.objects.exists():
        return
    Verdict.objects.bulk_create(
        Verdict(label_en=en, label_fr=fr, rating=rating, colour=colour, order=order)
        for order, (en, fr, rating, colour) in enumerate(DEFAULT_SCALE, start=1)
    )


def ensure_roles(apps: Any) -> None:
    # Permissions are normally created after migrate; the groups need them now.
    app_config = apps.get_app_config("factcheck")
    # create_permissions skips apps without a models module, which the
    # migration state's app config stub lacks.
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLE_PERMISSIONS.items():
        group, created = Group.objects.get_or_create(name=name)
        if created:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="factcheck", codename__in=codenames
                )
            )


def ensure_defaults(apps: Any = None, **kwargs: Any) -> None:
    """Usable from a migration (historical apps) and as a post_migrate receiver.

    `flush` sends post_migrate without `apps`: the current models are meant then.
    """
    apps = apps or global_apps
    ensure_verdict_scale(apps)
    ensure_roles(apps)
