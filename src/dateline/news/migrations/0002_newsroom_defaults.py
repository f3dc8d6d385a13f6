"""A fresh install is a newsroom: a home page with an authors index, and Wagtail's
default groups and workflow renamed for a newsroom (reporters submit, editors approve).
"""

from django.db import migrations


def create_newsroom(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    HomePage = apps.get_model("news", "HomePage")
    AuthorIndexPage = apps.get_model("news", "AuthorIndexPage")

    Group.objects.filter(name="Editors").update(name="Reporters")
    Group.objects.filter(name="Moderators").update(name="Editors")
    Workflow.objects.filter(name="Moderators approval").update(name="Newsroom review")
    Task.objects.filter(name="Moderators approval").update(name="Editor approval")

    if HomePage.objects.exists():
        return
    # Wagtail's placeholder "Welcome" page (and the Site pointing at it) make way for ours.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore").delete()
    if Page.objects.filter(depth=2).exists():
        return  # someone already built a tree here; leave it alone
    locale = Locale.objects.order_by("pk").first()
    home = HomePage.objects.create(
        title="Home",
        draft_title="Home",
        slug="home",
        content_type=ContentType.objects.get_for_model(HomePage),
        path="00010001",
        depth=2,
        numchild=1,
        url_path="/home/",
        locale=locale,
        live=True,
    )
    AuthorIndexPage.objects.create(
        title="Authors",
        draft_title="Authors",
        slug="authors",
        content_type=ContentType.objects.get_for_model(AuthorIndexPage),
        path="000100010001",
        depth=3,
        numchild=0,
        url_path="/home/authors/",
        locale=locale,
        live=True,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_newsroom, migrations.RunPython.noop)]
