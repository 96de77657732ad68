"""Local receivers for notifications: an SMTP server (aiosmtpd) and a webhook receiver,
each on 127.0.0.1 with an ephemeral port, recording what arrives."""

from __future__ import annotations

import asyncio
import email
import email.policy
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    """What a receiver got, in arrival order (thread-safe append)."""

    items: list[Any] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, item: Any) -> None:
        with self.lock:
            self.items.append(item)

    def wait(self, test: Callable[[Any], bool], timeout: float = 60.0) -> Any:
        """The first item passing ``test``, waiting for it up to ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                for item in self.items:
                    if test(item):
                        return item
            time.sleep(0.1)
        raise AssertionError(f"nothing matching arrived within {timeout}s; got {self.items!r}")


class SmtpServer:
    """aiosmtpd on its own event loop in a thread; ``messages`` holds parsed emails."""

    def __init__(self) -> None:
        self.messages = Received()
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        from aiosmtpd.smtp import SMTP

        outer = self

        class Handler:
            async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
                msg = email.message_from_bytes(envelope.original_content or envelope.content,
                                               policy=email.policy.default)
                assert isinstance(msg, EmailMessage)
                outer.messages.add(msg)
                return "250 OK"

        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(self._loop.create_server(
            lambda: SMTP(Handler(), hostname="localhost"), "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._server = server
        self._ready.set()
        self._loop.run_forever()
        server.close()
        self._loop.run_until_complete(server.wait_closed())
        self._loop.close()

    def __enter__(self) -> SmtpServer:
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: Any) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


class WebhookReceiver:
    """An HTTP server recording each POST as ``{"headers", "body", "json", "valid"}``;
    ``valid`` says whether its HMAC signature checks out with ``secret``."""

    def __init__(self, secret: str | None = None, status: int = 200) -> None:
        self.secret, self.status = secret, status
        self.requests = Received()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                headers = {k.lower(): v for k, v in self.headers.items()}
                valid = None
                if outer.secret:
                    stamp = headers.get("x-feedline-timestamp", "")
                    mac = hmac.new(outer.secret.encode(), stamp.encode() + b"." + body,
                                   hashlib.sha256).hexdigest()
                    valid = hmac.compare_digest(headers.get("x-feedline-signature", ""),
                                                "sha256=" + mac)
                outer.requests.add({"headers": headers, "body": body,
                                    "json": json.loads(body), "valid": valid})
                self.send_response(outer.status)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> WebhookReceiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(10)


class LiveServer:
    """A socket bound to 127.0.0.1 port 0 (so its URL is known before the app is made),
    then ``serve(asgi)``: uvicorn in a thread running the app's lifespan (dispatcher,
    workers) until the block ends."""

    def __init__(self) -> None:
        import socket

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    @classmethod
    def bound(cls) -> LiveServer:
        return cls()

    def __enter__(self) -> LiveServer:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.sock.close()

    @contextmanager
    def serve(self, asgi: Any) -> Iterator[LiveServer]:
        import uvicorn

        server = uvicorn.Server(uvicorn.Config(asgi, log_level="warning", lifespan="on"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        try:
            yield self
        finally:
            server.should_exit = True
            thread.join(60)


# -- the example shop feed, with a partner whose file needs a person ------------------------

REPO = __import__("pathlib").Path(__file__).resolve().parents[1]
PARTNER_HEAD = "Client Ref,Contact Person,Mail,Land,Since,Promo\n"
PARTNER_FEB = PARTNER_HEAD + """K-1,Ada Lovelace,ada@example.com,UK,2025-01-14,yes
K-2,Grace Hopper,grace(at)example.com,USA,2025-02-03,no
K-3,Emmy Noether,emmy@example.de,Deutschland,2025-02-28,yes
K-4,Marie Curie,marie@example.fr,France,2025-03-10,no
K-5,Alan Turing,alan@example.co.uk,Angleterre,2025-04-01,yes
"""


def shop_feed(folder: Any, notify: dict[str, Any] | None = None, **extra: Any) -> Any:
    """A shop feed config file (examples/shop) with file egress and optional notify."""
    import yaml

    feed: dict[str, Any] = {
        "name": "shop", "blueprint": str(REPO / "examples" / "shop" / "blueprint.yaml"),
        "routes": [{"match": "*customers*", "sheet": "customers"},
                   {"match": "*orders*", "sheet": "orders"}],
        "automap": {"accuracy": "confident"},
        "egress": {"policy": "valid-only", "destinations": [
            {"name": "partner-files", "type": "file", "path": "out/{space}/{sheet}.csv"}]},
        **extra,
    }
    if notify is not None:
        feed["notify"] = notify
    path = folder / "shop.yaml"
    path.write_text(yaml.safe_dump(feed), encoding="utf-8")
    return path
