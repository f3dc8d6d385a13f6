from django.core.management import call_command
from django.core.management.base import BaseCommand

from dateline.comments.demo import seed_demo_comments
from dateline.desk.demo import build_demo_desk
from dateline.i18n.demo import build_demo_translations
from dateline.live.demo import build_demo_live_blog
from dateline.news.demo import build_demo
from dateline.newsletters.demo import seed_demo_newsletters
from dateline.wire.demo import build_demo_wire


class Command(BaseCommand):
    help = "Build the demo newsroom (sections, authors, articles, comments). Safe to run again."

    def handle(self, *args, **options):
        articles = build_demo()
        seed_demo_comments(articles)
        translated = build_demo_translations()  # only with several DATELINE_LANGUAGES
        build_demo_live_blog()
        seed_demo_newsletters()
        build_demo_wire()
        build_demo_desk()  # a correction, an embargoed story, curated fronts
        # Index now rather than wait for the task worker, so search works at once.
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Demo site ready: {len(articles)} articles."))
        for language, count in translated.items():
            self.stdout.write(f"  {count} of them translated into {language}.")
