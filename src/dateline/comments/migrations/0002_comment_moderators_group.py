"""The "Comment moderators" group: admin access plus everything the moderation desk needs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Comment moderators"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("comments", "comment", "moderate_comment"),
    ("comments", "comment", "view_comment"),
    ("comments", "comment", "change_comment"),
    ("comments", "moderationdecision", "view_moderationdecision"),
    ("comments", "moderationword", "view_moderationword"),
    ("comments", "moderationword", "add_moderationword"),
    ("comments", "moderationword", "change_moderationword"),
    ("comments", "moderationword", "delete_moderationword"),
    ("comments", "ban", "view_ban"),
    ("comments", "ban", "add_ban"),
    ("comments", "ban", "change_ban"),
    ("comments", "ban", "delete_ban"),
    ("comments", "moderatornote", "view_moderatornote"),
    ("comments", "moderatornote", "add_moderatornote"),
]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations; this group needs them now.
    # (wagtailadmin's access_admin comes from its own first migration.)
    app_config = apps.get_app_config("comments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    for app_label, model, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
