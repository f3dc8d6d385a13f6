"""How one reader's copy is handed to the mail server or provider, and what it answered.

`SmtpTransport` speaks SMTP itself (DATELINE_SMTP_URL) so that it can commit the ledger
at the one moment that makes a copy go exactly once (see delivery.py): after the whole
message is with the server, before the final "." that makes the server take it.
`BackendTransport` hands copies to Django's configured email backend: a
django-anymail provider (an HTTP API), or the console/locmem backends.
"""

import re
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import BadHeaderError, get_connection
from django.core.mail.message import sanitize_address

SENT, WITHDRAWN, THROTTLED, RETRY, FAILED, UNREACHABLE, FATAL = (
    "sent", "withdrawn", "throttled", "retry", "failed", "unreachable", "fatal",
)  # fmt: skip
THROTTLE_WORDS = re.compile(rb"rate|throttl|too many|slow down|try again later", re.I)
LEADING_DOT = re.compile(rb"(?m)^\.")


@dataclass(frozen=True)
class Outcome:
    kind: str
    detail: str = ""
    provider_id: str = ""
    # The ledger already says "sent" (SMTP commits before the final dot).
    committed: bool = False


def _reply_text(code: int, reply: bytes | str) -> str:
    if isinstance(reply, bytes):
        reply = reply.decode("utf-8", "replace")
    return f"{code} {reply}".replace("\n", " ")[:300]


def classify_smtp(code: int, reply: bytes | str, *, committed: bool = False) -> Outcome:
    """421, and 4xx answers about rates: slow down. Other 4xx: try later. 5xx: give up."""
    raw = reply if isinstance(reply, bytes) else str(reply).encode()
    detail = _reply_text(code, reply)
    if code == 421 or (400 <= code < 500 and THROTTLE_WORDS.search(raw)):
        return Outcome(THROTTLED, detail, committed=committed)
    if 400 <= code < 500:
        return Outcome(RETRY, detail, committed=committed)
    if code in (530, 534, 535, 538):
        return Outcome(FATAL, f"The mail server refused our login: {detail}", committed=committed)
    return Outcome(FAILED, detail, committed=committed)


def _envelope(message) -> tuple[str, str]:
    encoding = getattr(message, "encoding", None) or settings.DEFAULT_CHARSET
    sender = sanitize_address(parseaddr(message.from_email)[1] or message.from_email, encoding)
    return sender, sanitize_address(message.to[0], encoding)


class SmtpTransport:
    kind = "smtp"

    def __init__(self, *, host: str, port: int, username: str = "", password: str = "",
                 use_tls: bool = False, use_ssl: bool = False, timeout: float = 30):  # fmt: skip
        self.host, self.port, self.timeout = host, port, timeout
        self.username, self.password = username, password
        self.use_tls, self.use_ssl = use_tls, use_ssl
        self.smtp: smtplib.SMTP | None = None

    @classmethod
    def from_settings(cls) -> "SmtpTransport":
        return cls(
            host=settings.EMAIL_HOST, port=settings.EMAIL_PORT,
            username=settings.EMAIL_HOST_USER, password=settings.EMAIL_HOST_PASSWORD,
            use_tls=settings.EMAIL_USE_TLS, use_ssl=getattr(settings, "EMAIL_USE_SSL", False),
            timeout=getattr(settings, "EMAIL_TIMEOUT", None) or 30,
        )  # fmt: skip

    def _connected(self) -> smtplib.SMTP:
        if self.smtp is None:
            context = ssl.create_default_context()
            if self.use_ssl:
                smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
            else:
                smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            # The final dot goes in a write of its own, after the ledger commit: without this
            # Nagle's algorithm holds it until the server acknowledges the body (~40 ms).
            smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            smtp.ehlo()
            if self.use_tls:
                smtp.starttls(context=context)
                smtp.ehlo()
            if self.username:
                smtp.login(self.username, self.password)
            self.smtp = smtp
        return self.smtp

    def drop(self) -> None:
        """Close without QUIT: a message whose final dot was not sent is discarded."""
        if self.smtp is not None:
            try:
                self.smtp.close()
            finally:
                self.smtp = None

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                pass
            self.drop()

    def hand_over(self, message, *, begin: Callable[[], bool], accept: Callable[[], bool]):
        """Send one copy. `accept` commits the ledger row as sent; it is called after the
        message is with the server and before the final dot, and False withdraws it."""
        try:
            if hasattr(message, "as_bytes"):  # a copy made from the edition's template
                data = message.as_bytes()
            else:
                data = message.message().as_bytes(linesep="\r\n")
            sender, recipient = _envelope(message)
        except (BadHeaderError, ValueError) as error:
            return Outcome(FAILED, f"Refused to build the email: {error}"[:300])
        try:
            smtp = self._connected()
        except smtplib.SMTPAuthenticationError as error:
            self.drop()
            return classify_smtp(error.smtp_code, error.smtp_error)
        except smtplib.SMTPResponseException as error:
            self.drop()
            outcome = classify_smtp(error.smtp_code, error.smtp_error)
            return outcome if outcome.kind != FAILED else Outcome(UNREACHABLE, outcome.detail)
        except (OSError, smtplib.SMTPException) as error:
            self.drop()
            return Outcome(UNREACHABLE, f"Cannot reach the mail server: {error}"[:300])
        committed = False
        try:
            code, reply = smtp.mail(sender)
            if code != 250:
                smtp.rset()
                return classify_smtp(code, reply)
            code, reply = smtp.rcpt(recipient)
            if code not in (250, 251):
                smtp.rset()
                return classify_smtp(code, reply)
            code, reply = smtp.docmd("data")
            if code != 354:
                smtp.rset()
                return classify_smtp(code, reply)
            body = LEADING_DOT.sub(b"..", data)
            smtp.send(body if body.endswith(b"\r\n") else body + b"\r\n")
            if not accept():
                self.drop()
                return Outcome(WITHDRAWN)
            committed = True
            smtp.send(b".\r\n")
            code, reply = smtp.getreply()
        except (OSError, smtplib.SMTPException) as error:
            self.drop()
            detail = f"The connection to the mail server broke: {error}"[:300]
            return Outcome(UNREACHABLE, detail, committed=committed)
        if code == 250:
            return Outcome(SENT, provider_id=_reply_text(code, reply)[:200], committed=True)
        if code == 421:
            self.drop()
        return classify_smtp(code, reply, committed=True)


class BackendTransport:
    """Django's email backend (django-anymail's providers, console, locmem)."""

    kind = "backend"

    def __init__(self, connection=None):
        self.connection = connection or get_connection()
        self.opened = False

    def close(self) -> None:
        if self.opened:
            self.connection.close()
            self.opened = False

    def drop(self) -> None:
        self.close()

    def hand_over(self, message, *, begin: Callable[[], bool], accept: Callable[[], bool]):
        if not begin():
            return Outcome(WITHDRAWN)
        try:
            if not self.opened:
                self.connection.open()
                self.opened = True
            message.connection = self.connection
            self.connection.send_messages([message])
        except BadHeaderError as error:
            return Outcome(FAILED, f"Refused to build the email: {error}"[:300])
        except smtplib.SMTPResponseException as error:
            self.drop()
            return classify_smtp(error.smtp_code, error.smtp_error)
        except Exception as error:  # a provider's API error, a network error
            return _classify_provider_error(error)
        status = getattr(message, "anymail_status", None)
        if status is not None and status.status and status.status <= {"rejected", "invalid"}:
            return Outcome(
                FAILED, f"The provider refused this address ({', '.join(status.status)})."
            )
        accept()
        provider_id = str(status.message_id or "")[:200] if status is not None else ""
        return Outcome(SENT, provider_id=provider_id, committed=True)


def _classify_provider_error(error: Exception) -> Outcome:
    detail = f"{type(error).__name__}: {error}".replace("\n", " ")[:300]
    code = getattr(error, "status_code", None)
    if code is None and getattr(error, "response", None) is not None:
        code = getattr(error.response, "status_code", None)
    if type(error).__name__ == "AnymailRecipientsRefused":
        return Outcome(FAILED, detail)
    if code == 429 or THROTTLE_WORDS.search(detail.encode()):
        return Outcome(THROTTLED, detail)
    if code in (401, 403):
        return Outcome(FATAL, f"The provider refused our credentials: {detail}"[:300])
    if code is not None and 400 <= code < 500:
        return Outcome(FAILED, detail)
    return Outcome(RETRY, detail)


def transport_from_settings():
    """SMTP spoken directly when DATELINE_SMTP_URL names a server; else Django's backend."""
    if settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend":
        return SmtpTransport.from_settings()
    return BackendTransport()
