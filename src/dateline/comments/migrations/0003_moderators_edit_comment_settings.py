"""Comment moderators also tune the comment settings (thresholds, word lists' effect, modes)."""

from django.db import migrations

GROUP = "Comment moderators"
CODENAMES = ["view_commentsettings", "change_commentsettings"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="comments", codename__in=CODENAMES)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="comments", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("comments", "0002_comment_moderators_group")]

    operations = [migrations.RunPython(grant, revoke)]
