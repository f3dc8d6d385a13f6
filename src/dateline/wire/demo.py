"""The demo newsroom's agency feed: one provider reading a local sample file (demo_wire.json,
IPTC ninjs), filed under World. Running it again changes nothing."""

from pathlib import Path

from django.core.files.base import ContentFile

from dateline.news.models import SectionPage
from dateline.wire import services
from dateline.wire.models import WireProvider

NAME = "Meridian News Agency (sample)"
SAMPLE = Path(__file__).with_name("demo_wire.json")


def build_demo_wire() -> WireProvider:
    provider = WireProvider.objects.filter(name=NAME).first()
    if provider is None:
        provider = WireProvider(
            name=NAME,
            format=WireProvider.Format.NINJS,
            credit="Meridian News Agency",
            poll_interval=3600,
            default_section=SectionPage.objects.filter(slug="world").first(),
        )
        provider.upload.save("meridian-sample.json", ContentFile(SAMPLE.read_bytes()))
    services.provider_poll(provider=provider)
    return provider
