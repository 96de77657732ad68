"""A real webhook receiver on loopback: verifies signatures, dedupes by idempotency key."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    """One request as the receiver saw it."""

    key: str
    timestamp: str
    signature: str
    body: bytes
    status: int


@dataclass
class Receiver:
    """Answers each request with the next scripted status (200 once the script is empty);
    a 2xx accepts the batch unless its idempotency key was accepted before."""

    secret: str
    script: deque[int] = field(default_factory=deque)
    delays: deque[float] = field(default_factory=deque)
    """Seconds to wait before answering each request (to make a client time out)."""
    requests: list[Received] = field(default_factory=list)
    accepted: dict[str, bytes] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/hook"

    def records(self) -> list[dict[str, Any]]:
        """Every record of every accepted batch, in batch order."""
        with self.lock:
            bodies = sorted((json.loads(b) for b in self.accepted.values()),
                            key=lambda b: (b["run"], b["batch"]))
        return [r for b in bodies for r in b["records"]]

    def handle(self, handler: BaseHTTPRequestHandler) -> None:
        body = handler.rfile.read(int(handler.headers.get("Content-Length", "0")))
        key = handler.headers.get("Idempotency-Key", "")
        with self.lock:
            delay = self.delays.popleft() if self.delays else 0.0
            if delay:
                self.requests.append(Received(key, "", "", body, 0))
        if delay:
            time.sleep(delay)
            return  # the client gave up waiting: no answer
        with self.lock:
            status = self.script.popleft() if self.script else 200
            self.requests.append(Received(key, handler.headers.get("X-Feedline-Timestamp", ""),
                                          handler.headers.get("X-Feedline-Signature", ""), body,
                                          status))
            if 200 <= status < 300:
                self.accepted.setdefault(key, body)
        handler.send_response(status)
        payload = b'{"ok": true}' if status < 300 else b'{"error": "scripted"}'
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)


def start(secret: str) -> Receiver:
    """A receiver listening on 127.0.0.1 with an ephemeral port, served by a thread."""
    receiver = Receiver(secret)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            receiver.handle(self)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet."""

    receiver.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.server.daemon_threads = True
    threading.Thread(target=receiver.server.serve_forever, daemon=True).start()
    return receiver


def stop(receiver: Receiver) -> None:
    assert receiver.server is not None
    receiver.server.shutdown()
    receiver.server.server_close()
