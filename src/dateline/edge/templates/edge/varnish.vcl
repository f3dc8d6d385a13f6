vcl 4.1;
# Varnish in front of Dateline, printed by `dateline edge vcl`.
# Needs Varnish 7 and varnish-modules (xkey). See docs/operations.md, "Varnish".
#
# What it does:
# - caches anonymous GET/HEAD for as long as Dateline's Cache-Control says (s-maxage);
# - passes POSTs, /admin/, /documents/, signed-in staff (Dateline's session cookie,
#   ${bypass_cookie_names}) and requests with an Authorization header straight to Dateline;
# - indexes every object by the surrogate keys of its response (xkey), so Dateline's
#   `PURGE` with `Surrogate-Key: page-12 listing` drops exactly the pages that showed them;
# - a purged object is never served as fresh: the next reader waits for a new render
#   (requests for one URL are coalesced). It is kept, though, for stale-if-error: while
#   Dateline is down or answers 5xx, the last good copy is served (X-Dateline-Stale);
# - an object that merely expired is served for stale-while-revalidate seconds while
#   Varnish fetches a new copy in the background;
# - accepts purges only from ${purger_list};
# - strips what only caches need (Surrogate-Key, xkey, Varnish's own headers).

import std;
import xkey;

backend dateline {
    .host = "${backend_host}";
    .port = "${backend_port}";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
    .probe = {
        .request =
            "GET /healthz HTTP/1.1"
            "Host: ${probe_host}"
            "Connection: close"
            "User-Agent: Varnish health probe";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

acl dateline_purgers {
${purger_acl}
}

sub vcl_recv {
    if (req.restarts == 0) {
        # Only this VCL sets these, on a restart.
        unset req.http.X-Dateline-Refetch;
        unset req.http.X-Dateline-Stale-If-Error;
    }
    if (req.method == "PURGE") {
        if (client.ip !~ dateline_purgers) {
            return (synth(403, "Purging is not allowed from this address"));
        }
        if (req.http.Surrogate-Key) {
            # Soft by default: the objects stay as last good copies for stale-if-error.
            if (req.http.Purge-Mode == "hard") {
                set req.http.X-Purged = xkey.purge(req.http.Surrogate-Key);
            } else {
                set req.http.X-Purged = xkey.softpurge(req.http.Surrogate-Key);
            }
            return (synth(200, "Purged " + req.http.X-Purged));
        }
        return (purge);  # one URL (Wagtail's frontend cache sends these)
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents)/" || req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(${bypass_cookie_pattern})=") {
        return (pass);
    }
    # An anonymous reader: every reader gets the same page, so no cookie reaches Dateline.
    unset req.http.Cookie;
    # req.grace survives a restart: say it each time.
    if (req.http.X-Dateline-Stale-If-Error) {
        set req.grace = 3650d;  # Dateline failed: any kept copy, as long as its grace
    } else if (req.http.X-Dateline-Refetch) {
        set req.grace = 0s;  # a purged object: only a new copy will do
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.Host);
    # Behind a TLS terminator, pages link to https:// addresses.
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_hit {
    if (obj.ttl >= 0s || req.http.X-Dateline-Stale-If-Error) {
        return (deliver);
    }
    # Stale. Purged before its time (a soft purge ends the TTL early): fetch a new copy
    # now. Merely expired: serve it during stale-while-revalidate, refreshing behind.
    # obj.age + obj.ttl is the lifetime the object was given: its full TTL if it merely
    # expired, shorter if a purge cut it (however old the object has grown since).
    if (obj.age + obj.ttl + 0.001s >= std.duration(obj.http.X-Dateline-TTL + "s", 0s) &&
        obj.ttl + std.duration(obj.http.X-Dateline-SWR, 0s) > 0s &&
        std.healthy(req.backend_hint)) {
        return (deliver);
    }
    set req.http.X-Dateline-Refetch = "1";
    return (restart);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.status >= 500) {
        # Keep the last good copy (the client is restarted for it, see vcl_synth).
        return (abandon);
    }
    if (!beresp.http.Cache-Control ||
        beresp.http.Set-Cookie ||
        beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)" ||
        beresp.http.Vary ~ "(?i)(cookie|\*)") {
        # Only what Dateline says may be shared is kept.
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    set beresp.http.xkey = "all " + beresp.http.Surrogate-Key;
    # The whole TTL (beresp.ttl is what remains of it after the response's Age).
    set beresp.http.X-Dateline-TTL = beresp.ttl + beresp.age;
    set beresp.http.X-Dateline-SWR = "0s";
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.http.X-Dateline-SWR = regsub(beresp.http.Cache-Control,
            "^.*stale-while-revalidate=([0-9]+).*$$", "\1s");
    }
    # Kept past its TTL for as long as it may be served when Dateline fails.
    set beresp.grace = std.duration(beresp.http.X-Dateline-SWR, 0s);
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control,
            "^.*stale-if-error=([0-9]+).*$$", "\1s"), 0s);
    }
    return (deliver);
}

sub vcl_backend_error {
    # Dateline unreachable: the client is restarted for the last good copy.
    return (abandon);
}

sub vcl_synth {
    if (resp.status == 503 && req.method != "PURGE" && !req.http.X-Dateline-Stale-If-Error &&
        req.restarts < 3) {
        set req.http.X-Dateline-Stale-If-Error = "1";
        return (restart);
    }
    if (req.method == "PURGE") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}

sub vcl_deliver {
    if (req.http.X-Dateline-Stale-If-Error && obj.ttl < 0s) {
        set resp.http.X-Dateline-Stale = "if-error";
    }
    set resp.http.X-Cache = "MISS";
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    }
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.X-Dateline-TTL;
    unset resp.http.X-Dateline-SWR;
    unset resp.http.X-Varnish;
    unset resp.http.Via;
}
