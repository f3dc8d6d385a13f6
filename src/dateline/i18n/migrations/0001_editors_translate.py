"""Editors create translations of stories and sections from the admin ("Translate" in a
page's actions menu, Wagtail's simple_translation); reporters translate too, and their
translations go through the same review as any story."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Reporters", "Editors"]


def _permission(apps):
    app_config = apps.get_app_config("simple_translation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(
        content_type__app_label="simple_translation", codename="submit_translation"
    )


def grant(apps, schema_editor):
    permission = _permission(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    permission = _permission(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("simple_translation", "0001_initial"),
        ("news", "0002_newsroom_defaults"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
