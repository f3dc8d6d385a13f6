"""Fetching an imported picture from the old site (`import-wordpress --fetch-media`).

WordPress's own importer offers "Download and import file attachments" for the same
reason: the uploads folder is not always at hand. Only what the old site itself serves
is fetched (its host, redirects included), only images Dateline accepts from an editor
(the admin's own checks: format, 10 MB, 40 megapixels), and each within a few seconds:
an old site that is slow or gone costs the import little, and its pictures are linked
to their old address instead.
"""

import time
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.fields import WagtailImageField

CONNECT_TIMEOUT = 5
READ_TIMEOUT = 10
TOTAL_SECONDS = 30
MAX_REDIRECTS = 3
CHUNK = 64 * 1024


class NotFetched(Exception):
    """Why a picture was not fetched, in words for the import summary."""


@dataclass(frozen=True)
class FetchedImage:
    name: str
    data: bytes


def _comparable_host(netloc: str) -> str:
    host = netloc.lower()
    return host.removeprefix("www.")


def on_site(url: str, site_url: str) -> bool:
    """Whether `url` is served by the old site at `site_url` (with or without www.)."""
    parts, site = urlsplit(url), urlsplit(site_url)
    return (
        parts.scheme in ("http", "https")
        and bool(site.netloc)
        and _comparable_host(parts.netloc) == _comparable_host(site.netloc)
    )


def _get(url: str, *, site_url: str, deadline: float) -> requests.Response:
    """GET, following at most MAX_REDIRECTS redirects that stay on the old site."""
    for _ in range(MAX_REDIRECTS + 1):
        if not on_site(url, site_url):
            raise NotFetched(f"not on the old site ({urlsplit(site_url).netloc})")
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise NotFetched("the old site took too long")
        try:
            response = requests.get(
                url,
                stream=True,
                allow_redirects=False,
                timeout=(min(CONNECT_TIMEOUT, remaining), min(READ_TIMEOUT, remaining)),
                headers={"User-Agent": "Dateline WordPress import", "Accept": "image/*"},
            )
        except requests.Timeout as error:
            raise NotFetched("the old site took too long") from error
        except requests.RequestException as error:
            raise NotFetched(f"the old site did not answer ({type(error).__name__})") from error
        if response.is_redirect and response.headers.get("Location"):
            url = urljoin(url, response.headers["Location"])
            response.close()
            continue
        return response
    raise NotFetched("too many redirects")


def _body(response: requests.Response, *, limit: int, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise NotFetched(f"larger than {limit // (1024 * 1024)} MB")
    chunks, size = [], 0
    try:
        for chunk in response.iter_content(CHUNK):
            size += len(chunk)
            if size > limit:
                raise NotFetched(f"larger than {limit // (1024 * 1024)} MB")
            if time.monotonic() > deadline:
                raise NotFetched("the old site took too long")
            chunks.append(chunk)
    except requests.RequestException as error:
        raise NotFetched("the old site took too long") from error
    return b"".join(chunks)


def fetch_image(url: str, *, site_url: str) -> FetchedImage:
    """The picture at `url`, checked as an editor's upload is; NotFetched says why not."""
    deadline = time.monotonic() + TOTAL_SECONDS
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    with _get(url, site_url=site_url, deadline=deadline) as response:
        if response.status_code != 200:
            raise NotFetched(f"the old site answered {response.status_code}")
        content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if not content_type.startswith("image/"):
            raise NotFetched(f"not an image ({content_type or 'no content type'})")
        data = _body(response, limit=limit, deadline=deadline)
    name = PurePosixPath(unquote(urlsplit(url).path)).name or "image"
    try:
        WagtailImageField().clean(SimpleUploadedFile(name, data, content_type=content_type))
    except ValidationError as error:
        raise NotFetched(f"not an image Dateline accepts: {' '.join(error.messages)}") from error
    return FetchedImage(name=name, data=data)
