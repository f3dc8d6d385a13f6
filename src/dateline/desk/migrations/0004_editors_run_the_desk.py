"""Editors arrange the fronts (and publish them), correct stories and share preview links.

Reporters get none of it: they file and submit stories, editors decide what leads and what
is corrected in public. The corrections policy setting stays with administrators.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
CODENAMES = [
    "add_front", "change_front", "delete_front", "publish_front", "view_front",
    "add_correction", "change_correction", "delete_correction", "view_correction",
    "add_previewlink", "change_previewlink", "delete_previewlink", "view_previewlink",
]  # fmt: skip


def grant(apps, schema_editor):
    app_config = apps.get_app_config("desk")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="desk", codename__in=CODENAMES)
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="desk", codename__in=CODENAMES)
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0003_fronts"),
        ("news", "0002_newsroom_defaults"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
