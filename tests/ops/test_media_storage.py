"""Media in S3-compatible object storage when DATELINE_S3_BUCKET is set; local disk otherwise.

The object store is moto's S3 server on a local port: uploads and renditions must land
in its bucket, and pages must point readers at the configured media domain.
"""

import io
import re
import runpy

import boto3
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from wagtail.images.models import Image

import dateline.settings
from tests.news.factories import ArticleFactory, SectionFactory
from tests.ops.servers import free_port

BUCKET = "dateline-media"
MEDIA_DOMAIN = "media.example.test"


def settings_from(monkeypatch, **environment) -> dict:
    """The settings module as it reads this environment (besides the test run's own)."""
    for name in ("DATELINE_S3_BUCKET", "DATELINE_S3_ENDPOINT_URL", "DATELINE_MEDIA_DOMAIN",
                 "DATELINE_S3_REGION", "DATELINE_S3_PREFIX"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(dateline.settings.__file__)


@pytest.fixture
def fake_s3(monkeypatch):
    """moto's S3 server with an empty bucket; yields its endpoint URL and a client."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint)
    client.create_bucket(Bucket=BUCKET)
    yield endpoint, client
    server.stop()


def stored_keys(client) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (30, 90, 140)).save(buffer, format="JPEG")
    return buffer.getvalue()


def test_media_stay_on_local_disk_unless_a_bucket_is_configured(monkeypatch):
    configured = settings_from(monkeypatch)
    assert configured["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert configured["DATELINE_CSP"]["img-src"] == ["'self'", "data:"]


def test_without_a_media_domain_pages_may_load_images_from_the_endpoint(monkeypatch):
    configured = settings_from(
        monkeypatch,
        DATELINE_S3_BUCKET=BUCKET,
        DATELINE_S3_ENDPOINT_URL="https://s3.eu-central-003.backblazeb2.com",
    )
    assert configured["STORAGES"]["default"]["OPTIONS"]["custom_domain"] is None
    assert "https://s3.eu-central-003.backblazeb2.com" in configured["DATELINE_CSP"]["img-src"]


@pytest.mark.django_db
def test_uploads_and_renditions_go_to_the_bucket_and_pages_link_the_media_domain(
    fake_s3, monkeypatch, settings, client, home
):
    endpoint, s3 = fake_s3
    configured = settings_from(
        monkeypatch,
        DATELINE_S3_BUCKET=BUCKET,
        DATELINE_S3_ENDPOINT_URL=endpoint,
        DATELINE_MEDIA_DOMAIN=MEDIA_DOMAIN,
    )
    settings.STORAGES = configured["STORAGES"]
    settings.DATELINE_CSP = configured["DATELINE_CSP"]

    client.force_login(User.objects.create_superuser("chief", "chief@example.com", "pw"))
    upload = SimpleUploadedFile("harbour.jpg", jpeg_bytes(), content_type="image/jpeg")
    response = client.post("/admin/images/add/", {"title": "Harbour", "file": upload})
    assert response.status_code == 302
    image = Image.objects.get()
    assert stored_keys(s3) == [image.file.name]
    assert image.file.name.startswith("original_images/")

    ArticleFactory(
        section=SectionFactory(title="World", slug="world"),
        title="Harbour reopens",
        slug="harbour-reopens",
        lead_image=image,
    )
    client.logout()
    page = client.get("/world/harbour-reopens/")
    assert page.status_code == 200
    source = re.search(r'<img[^>]*class="lead-image"[^>]*>', page.content.decode())[0]
    url = re.search(r'src="([^"]+)"', source)[1]
    assert url.startswith(f"https://{MEDIA_DOMAIN}/images/")
    assert url.removeprefix(f"https://{MEDIA_DOMAIN}/") in stored_keys(s3)
    assert f"img-src 'self' data: https://{MEDIA_DOMAIN};" in page["Content-Security-Policy"]
