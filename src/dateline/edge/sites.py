"""Which Wagtail site a request is for, known before Django runs.

Django accepts any port on an allowed host name, and the documented nginx passes the
client's ``Host`` on; Wagtail picks the site by the host *name* and the server's own port.
What a page shows depends on that site (links and canonical URLs come from its root
URL), never on the ``Host`` header as such. So the page cache and the remembered routes
are keyed by the site: ``Host: 127.0.0.1:20001`` and ``Host: 127.0.0.1:20002`` share one
copy instead of rendering and storing one each.

A host Django would refuse gets no key: the request goes on to Django, which answers 400,
and nothing is stored. Each process remembers the answer per host, stamped like
everything the edge keeps (dependencies.SITES): saving or deleting a site purges
everything, so the next miss asks again.
"""

import threading

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from wagtail.models import Site

from dateline.edge.dependencies import SITES

MAX_HOSTS = 1_000
REFUSED = ""  # the key of a host Django refuses: nothing is cached for it


class SiteKeys:
    """``site-<id>`` for the site that answers a request, remembered per host."""

    def __init__(self) -> None:
        # What Django and Wagtail read to choose the site (HttpRequest.get_host and
        # get_port): the Host header (or the server's name without one) and the server's
        # port, and the X-Forwarded-Host and -Port headers where the settings trust them.
        self._forwarded = (("HTTP_X_FORWARDED_HOST",) if settings.USE_X_FORWARDED_HOST else ()) + (
            ("HTTP_X_FORWARDED_PORT",) if settings.USE_X_FORWARDED_PORT else ()
        )
        self._known: dict[tuple, tuple[str, tuple]] = {}
        self._lock = threading.Lock()

    def _host_of(self, environ) -> tuple:
        host = (environ.get("HTTP_HOST") or environ.get("SERVER_NAME"), environ.get("SERVER_PORT"))
        if self._forwarded:
            return host + tuple(map(environ.get, self._forwarded))
        return host

    def known(self, environ) -> str | None:
        """The key remembered for this host, unchecked (None: not known yet). A page stored
        under it carries the ``all`` stamp, so a changed site is noticed on the miss path."""
        item = self._known.get(self._host_of(environ))
        return None if item is None else item[0]

    def key_for(self, environ, generations, request=None) -> str:
        """The key of the site that answers this request (``REFUSED`` for a host Django
        refuses), from memory while no site changed, else asked of Wagtail (one query).
        `request`, when there is one already, keeps Wagtail's answer for the view."""
        host = self._host_of(environ)
        item = self._known.get(host)
        if item is not None and generations.is_current(item[1]):
            return item[0]
        stamps = generations.stamp_now(SITES.checked)
        key = _site_key(request if request is not None else WSGIRequest(environ))
        with self._lock:
            if len(self._known) >= MAX_HOSTS:
                self._known.clear()
            self._known[host] = (key, stamps)
        return key


def _site_key(request) -> str:
    try:
        request.get_host()  # Django's ALLOWED_HOSTS check
    except DisallowedHost:
        return REFUSED
    site = Site.find_for_request(request)
    return f"site-{site.pk}" if site is not None else "no-site"


_site_keys: SiteKeys | None = None


def site_keys() -> SiteKeys:
    """This process's memory of hosts (built on first use: it reads the settings)."""
    global _site_keys
    if _site_keys is None:
        _site_keys = SiteKeys()
    return _site_keys
