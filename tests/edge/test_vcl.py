"""`dateline edge vcl`: a complete configuration for Varnish 7 with xkey."""

import shutil
import subprocess
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from dateline.edge.vcl import parse_backend, varnish_vcl

VARNISHD = shutil.which("varnishd", path="/usr/sbin:/usr/bin:/sbin")


def vcl_of(*args: str) -> str:
    out = StringIO()
    call_command("edge", "vcl", *args, stdout=out)
    return out.getvalue()


def test_the_vcl_names_the_backend_and_the_addresses_allowed_to_purge():
    vcl = vcl_of("--backend", "10.0.0.7:8000", "--purger", "10.0.0.0/24", "--purger", "::1")
    assert vcl.startswith("vcl 4.1;")
    assert "import xkey;" in vcl
    assert '.host = "10.0.0.7";' in vcl and '.port = "8000";' in vcl
    assert '"10.0.0.0"/24;' in vcl and '"::1";' in vcl
    assert "xkey.softpurge(req.http.Surrogate-Key)" in vcl


def test_by_default_only_this_machine_may_purge(settings):
    settings.EDGE_VARNISH_PURGERS = []
    vcl = varnish_vcl(backend="127.0.0.1:8000")
    acl = vcl.split("acl dateline_purgers {")[1].split("}")[0]
    assert acl.split() == ['"127.0.0.1";', '"::1";']


def test_signed_in_staff_pass_by_the_session_cookie(settings):
    settings.SESSION_COOKIE_NAME = "sessionid"
    vcl = varnish_vcl(backend="127.0.0.1:8000")
    assert 'req.http.Cookie ~ "(^|;\\s*)(sessionid|__Host\\-sessionid)="' in vcl


@pytest.mark.parametrize("backend", ["8000", "host", "host:", "host:99999", 'a"b:80'])
def test_a_bad_backend_is_refused_with_a_clear_error(backend):
    with pytest.raises(CommandError, match="HOST:PORT|not a host"):
        vcl_of("--backend", backend)


def test_a_bad_purger_address_is_refused():
    with pytest.raises(CommandError, match="does not appear to be an IPv4 or IPv6"):
        vcl_of("--backend", "127.0.0.1:8000", "--purger", "everyone")


def test_ipv6_backends():
    assert parse_backend("[::1]:8000") == ("::1", 8000)


@pytest.mark.skipif(VARNISHD is None, reason="varnishd is not installed (Debian: varnish)")
def test_varnish_compiles_it(tmp_path):
    vcl = tmp_path / "dateline.vcl"
    vcl.write_text(vcl_of("--backend", "127.0.0.1:8000", "--purger", "192.0.2.0/24"))
    done = subprocess.run(
        [VARNISHD, "-j", "none", "-C", "-f", str(vcl), "-n", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
