"""The default bilingual verdict scale and the Editors and Reviewers groups."""

from django.db import migrations


def create_defaults(apps, schema_editor):
    from factcheck.defaults import ensure_defaults

    ensure_defaults(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
