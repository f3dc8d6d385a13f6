"""`dateline setup`: everything `make run` needs before serving, safe to run again."""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.models import Site

from dateline.i18n.services import locales_sync
from dateline.news.models import ArticlePage

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Migrate, write a secret key, load the demo site if empty, and create an admin."

    def handle(self, *args, **options):
        data_dir = settings.DATA_DIR
        data_dir.mkdir(parents=True, exist_ok=True)
        key_file = data_dir / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_urlsafe(50))
            key_file.chmod(0o600)

        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database is up to date.")
        locales_sync()
        if not ArticlePage.objects.exists():
            self.stdout.write("The database is empty: building the demo site...")
            call_command("demo")

        self.point_default_site_at_base_url()

        password_file = data_dir / "admin-password.txt"
        User = get_user_model()
        if not User.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(ADMIN_USERNAME, "admin@localhost", password)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        # The address the site answers on (DATELINE_BASE_URL; `make run` sets it from
        # HOST and PORT), not a fixed port.
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"
        self.stdout.write(self.style.SUCCESS(f"Log in to the editor at {admin_url}"))
        if password_file.exists() and User.objects.filter(username=ADMIN_USERNAME).exists():
            self.stdout.write(
                f"  username: {ADMIN_USERNAME}\n"
                f"  password: {password_file.read_text().strip()}  (saved in {password_file})"
            )
        else:
            self.stdout.write("  with the superuser account you created.")

    def point_default_site_at_base_url(self) -> None:
        """Canonical links use the Site's host; a fresh install's placeholder gets the base URL."""
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        port = base.port or (443 if base.scheme == "https" else 80)
        Site.objects.filter(is_default_site=True, hostname="localhost", port=80).update(
            hostname=base.hostname, port=port
        )
