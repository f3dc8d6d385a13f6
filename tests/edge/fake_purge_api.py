"""A local HTTP server that records purge requests and answers them, for the CDN tests.

It plays a Varnish node (``PURGE /`` with ``Surrogate-Key``) or Fastly's API
(``POST /service/<id>/purge`` with a JSON body): it keeps every request and answers
with the next status queued in `statuses` (200 once they run out).
"""

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def keys(self) -> list[str]:
        if self.method == "PURGE":
            return self.headers.get("surrogate-key", "").split()
        return json.loads(self.body)["surrogate_keys"]


class FakePurgeAPI:
    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.statuses: list[int] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fake.requests.append(
                    Recorded(
                        self.command,
                        self.path,
                        {name.lower(): value for name, value in self.headers.items()},
                        body,
                    )
                )
                status = fake.statuses.pop(0) if fake.statuses else 200
                reply = json.dumps({"status": "ok" if status == 200 else "error"}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            do_PURGE = do_POST = _answer

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "FakePurgeAPI":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def purged_keys(self) -> set[str]:
        return {key for request in self.requests for key in request.keys}
