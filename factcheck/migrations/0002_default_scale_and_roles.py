"""The default bilingual verdict scale and the Editors and Reviewers groups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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


def create_scale(apps, schema_editor):
    Verdict = apps.get_model("factcheck", "Verdict")
    for order, (label_en, label_fr, rating, colour) in enumerate(DEFAULT_SCALE, start=1):
        Verdict.objects.get_or_create(
            label_en=label_en,
            defaults={"label_fr": label_fr, "rating": rating, "colour": colour, "order": order},
        )


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate; the groups need them now.
    app_config = apps.get_app_config("factcheck")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = Permission.objects.filter(
            content_type__app_label="factcheck", codename__in=codenames
        )
        group.permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_scale, migrations.RunPython.noop),
        migrations.RunPython(create_roles, migrations.RunPython.noop),
    ]
