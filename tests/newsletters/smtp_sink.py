"""A local SMTP server that keeps what it receives: for the sending tests and bench/.

Like Postfix, it keeps a message as soon as the final dot arrives, before it answers
(a client that vanishes while waiting for the answer does not undo it). It records,
for every message it accepts, the Message-ID, the recipient and whether the
message carries the one-click unsubscribe headers. `answer(number, envelope)` may return
an SMTP reply to refuse a message instead ("421 ...", "550 ...").
"""

import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser

from aiosmtpd.controller import Controller


@dataclass
class Received:
    message_id: str
    recipient: str
    one_click: bool
    subject: str


@dataclass
class Sink:
    answer: Callable[[int, object], str | None] | None = None
    delay: float = 0.0
    keep_bodies: bool = False
    received: list[Received] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)
    refused: int = 0
    attempts: int = 0
    on_message: Callable[[int], None] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            self.attempts += 1
            number = self.attempts
        reply = self.answer(number, envelope) if self.answer else None
        if reply:
            with self._lock:
                self.refused += 1
            return reply
        head = envelope.content.split(b"\r\n\r\n", 1)[0]
        parsed = BytesHeaderParser().parsebytes(head)

        def header(name: str) -> str:  # unfolded: long headers come split over lines
            return " ".join(str(parsed.get(name, "")).split())

        unsubscribe = header("List-Unsubscribe")
        one_click = bool(
            re.fullmatch(r"<https://[^>]+>, <mailto:[^>]+>", unsubscribe)
            and header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
        )
        with self._lock:
            for recipient in envelope.rcpt_tos:
                self.received.append(
                    Received(header("Message-ID"), recipient, one_click, header("Subject"))
                )
            if self.keep_bodies:
                self.bodies.append(envelope.content)
            count = len(self.received)
        if self.on_message:
            self.on_message(count)
        if self.delay:  # a slow answer, after the message is kept (as an MTA queues it first)
            time.sleep(self.delay)
        return "250 OK: queued"

    # What a benchmark or a test asserts on.

    def recipients(self) -> Counter:
        with self._lock:
            return Counter(item.recipient for item in self.received)

    def duplicates(self) -> int:
        return sum(count - 1 for count in self.recipients().values() if count > 1)


class SinkServer:
    """The sink listening on 127.0.0.1:port, in a thread of this process."""

    def __init__(self, sink: Sink, port: int):
        self.sink, self.port = sink, port
        self.controller = Controller(sink, hostname="127.0.0.1", port=port, ready_timeout=10)

    def __enter__(self) -> "SinkServer":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"
