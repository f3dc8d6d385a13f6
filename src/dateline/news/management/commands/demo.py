from django.core.management.base import BaseCommand

from dateline.comments.demo import seed_demo_comments
from dateline.news.demo import build_demo


class Command(BaseCommand):
    help = "Build the demo newsroom (sections, authors, articles, comments). Safe to run again."

    def handle(self, *args, **options):
        articles = build_demo()
        seed_demo_comments(articles)
        self.stdout.write(self.style.SUCCESS(f"Demo site ready: {len(articles)} articles."))
