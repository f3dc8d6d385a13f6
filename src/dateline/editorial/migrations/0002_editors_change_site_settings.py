"""Editors change the settings docs/editors.md sends them to: Site settings (tagline, tips
address, the "Connect with us" links), Comment settings and Newsroom settings.

Sites (host names) and users stay with administrators; see docs/editors.md.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
PERMISSIONS = [
    ("core", "sitesettings"),
    ("comments", "commentsettings"),
    ("editorial", "newsroomsettings"),
]


def _permissions(apps):
    for app_label, _model in PERMISSIONS:
        # Permissions are normally created after all migrations; these are needed now.
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    for app_label, model in PERMISSIONS:
        yield from Permission.objects.filter(
            content_type__app_label=app_label,
            codename__in=[f"view_{model}", f"change_{model}"],
        )


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("core", "0002_settings_help_text"),
        ("comments", "0005_bans_record_who_and_settings_in_words"),
        ("news", "0002_newsroom_defaults"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
