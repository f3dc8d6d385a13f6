"""Reporters and editors read the wire desk and make stories from it.

Managing providers (URLs the server fetches) stays with administrators, who can grant
the wire provider permissions to a group of their choice.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Reporters", "Editors"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("wire")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="wire", codename="use_wire_desk")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="wire", codename="use_wire_desk").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("wire", "0001_initial"),
        ("news", "0002_newsroom_defaults"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
