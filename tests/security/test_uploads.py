"""Uploads: only real images within size and pixel limits; documents always download."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db


def png_bytes(width: int, height: int, mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


@pytest.fixture
def editor_client(client, home):
    client.force_login(User.objects.create_superuser("chief", "chief@example.com", "pw"))
    return client


def upload(client, name: str, content: bytes):
    file = SimpleUploadedFile(name, content, content_type="image/png")
    return client.post("/admin/images/add/", {"title": name, "file": file})


def test_a_real_image_is_accepted(editor_client):
    response = upload(editor_client, "photo.png", png_bytes(120, 80))
    assert response.status_code == 302
    assert Image.objects.get().width == 120


def test_a_decompression_bomb_is_refused_before_it_is_decoded(editor_client, settings):
    bomb = png_bytes(10_000, 10_000, mode="1")  # 100 megapixels in a few kilobytes
    assert len(bomb) < 100_000 and settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS < 100_000_000
    response = upload(editor_client, "bomb.png", bomb)
    assert response.status_code == 200
    assert "has too many pixels" in response.content.decode()
    assert not Image.objects.exists()


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(editor_client):
    response = upload(editor_client, "evil.png", b"<html><script>alert(1)</script></html>")
    assert response.status_code == 200
    assert "Not a valid .png image" in response.content.decode()
    assert not Image.objects.exists()


def test_svg_is_not_an_accepted_image_type(editor_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    response = upload(editor_client, "logo.svg", svg)
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert not Image.objects.exists()


def test_an_image_over_the_size_limit_is_refused(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1_000
    response = upload(editor_client, "big.png", png_bytes(400, 400, mode="RGB") + b"\0" * 2_000)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not Image.objects.exists()


def test_renditions_are_re_encoded_so_anything_hidden_in_an_upload_is_dropped(editor_client):
    polyglot = png_bytes(300, 200) + b"<script>alert(1)</script>"
    assert upload(editor_client, "polyglot.png", polyglot).status_code == 302
    rendition = Image.objects.get().get_rendition("width-100")
    with rendition.file.open("rb") as f:
        assert b"<script>" not in f.read()
    assert rendition.width == 100


@pytest.mark.parametrize(
    ("filename", "content"),
    [("report.pdf", b"%PDF-1.4\n%%EOF\n"), ("notes.txt", b"<script>alert(1)</script>")],
)
def test_documents_are_served_as_downloads_that_cannot_run_in_the_page(
    client, home, filename, content
):
    document = Document.objects.create(title="Doc", file=ContentFile(content, filename))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
