"""A real ``feedline serve`` under hostile input: every hostile file is refused with a
one-line reason on its file and job (or read right with a warning), uploads are refused
before their body is read when the key is missing or the declared size too big, names are
made safe, and the server stays healthy and keeps working afterwards."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx

from tests.acceptance.conftest import API_KEY, Server
from tests.acceptance.test_serve import settle, upload
from tests.conftest import manifest_entry
from tests.hostile_files import CASES, READ_WITH_WARNING


def test_hostile_files_are_refused_one_line_each_and_the_server_stays_well(
        server: Server, tmp_path: Path, partner_fixtures) -> None:
    made = tmp_path / "hostile"
    made.mkdir()
    with server.client() as http:
        space = http.post("/v1/spaces", json={"name": "hostile", "feed": "crm"}).json()["id"]
        uploaded = {}
        for name, maker in CASES.items():
            path, expected = maker(made)
            with path.open("rb") as fh:
                resp = http.post("/v1/files", data={"space_id": space},
                                 files={"file": (f"contacts_{path.name}", fh)}, timeout=300)
            assert resp.status_code in (200, 201), (name, resp.text)
            uploaded[name] = (resp.json()["id"], expected)
            path.unlink()
        for name, (file_id, expected) in uploaded.items():
            jobs = settle(http, file_id, {"extract"}, timeout=300)
            while jobs["extract"]["status"] == "complete" and (jobs["extract"]["outcome"] or {}).get("members"):
                # An archive in an archive: the refusal is on the member that goes too deep.
                file_id = jobs["extract"]["outcome"]["members"][0]["file_id"]
                jobs = settle(http, file_id, {"extract"}, timeout=300)
            file = http.get(f"/v1/files/{file_id}").json()
            if name in READ_WITH_WARNING:
                assert jobs["extract"]["status"] == "complete", (name, jobs["extract"])
                assert any(expected in w for w in jobs["extract"]["outcome"]["warnings"]), name
                continue
            assert jobs["extract"]["status"] == "failed", (name, jobs["extract"])
            assert file["status"] == "failed" and expected in file["error"], (name, file["error"])
            assert "\n" not in file["error"] and "Traceback" not in file["error"], name
        assert http.get("/readyz").status_code == 200
        root, manifest = partner_fixtures
        good = upload(http, space, root / manifest_entry(manifest, "northwind", "d1")["path"])
        jobs = settle(http, good["id"], {"extract", "map", "egress"})
        assert {j["status"] for j in jobs.values()} == {"complete"}


def raw_request(url: str, head: str, body: bytes = b"", wait: float = 10.0) -> tuple[int, float]:
    """Send ``head`` (and ``body``) on a raw socket; the status and the seconds until it came,
    without ever sending the rest of a declared body."""
    parsed = urlparse(url)
    start = time.monotonic()
    with socket.create_connection((parsed.hostname, parsed.port), timeout=wait) as sock:
        sock.sendall(head.encode() + body)
        data = sock.recv(4096)
    return int(data.split(b" ", 2)[1]), time.monotonic() - start


def test_uploads_are_refused_before_their_body(server: Server) -> None:
    huge = 400 * 1024**2
    head = ("POST /v1/files HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
            f"Content-Length: {huge}\r\n")
    status, took = raw_request(server.url, head + "\r\n", b"--b\r\n")
    assert status == 401 and took < 5  # no key: refused with 400 MB still unsent
    over = head.replace(str(huge), str(3 * 1024**3))  # the default limit is 2 GiB
    status, took = raw_request(server.url, over + f"Authorization: Bearer {API_KEY}\r\n\r\n", b"--b\r\n")
    assert status == 413 and took < 5  # over the limit by its declared size
    tmp = server.data_dir / "blobs" / "tmp"
    assert not tmp.exists() or not [p for p in tmp.iterdir() if p.is_file()]


def test_names_are_made_safe_and_bounded(server: Server) -> None:
    with server.client() as http:
        space = http.post("/v1/spaces", json={"name": "names", "feed": "crm"}).json()["id"]
        for raw, shown in [("../../etc/contacts.csv", "contacts.csv"),
                           ("C:\\Users\\x\\contacts.csv", "contacts.csv"),
                           ("contacts_\x1b[31mred.csv", "contacts_[31mred.csv")]:
            resp = http.post("/v1/files", data={"space_id": space},
                             files={"file": (raw, b"email\na@b.co\n")})
            assert resp.status_code in (200, 201), resp.text
            assert resp.json()["name"] == shown
        long = "contacts_" + "x" * 700 + ".csv"
        resp = http.post("/v1/files", data={"space_id": space}, files={"file": (long, b"email\nz@b.co\n")})
        assert resp.status_code == 201, resp.text
        name = resp.json()["name"]
        assert len(name) <= 200 and name.endswith(".csv") and name.startswith("contacts_")
        jobs = settle(http, resp.json()["id"], {"extract", "map"})
        assert jobs["extract"]["status"] == "complete"


def test_a_body_over_the_limit_without_a_length_is_cut_off(tmp_path: Path, crm_blueprint_path: Path,
                                                          database_url: str) -> None:
    import os
    import subprocess
    import sys

    from tests.acceptance.conftest import free_port
    from tests.conftest import write_crm_feed

    port = free_port()
    env = {**os.environ, "FEEDLINE_API_KEY": API_KEY, "FEEDLINE_DATABASE_URL": database_url,
           "FEEDLINE_MAX_UPLOAD_BYTES": str(1024**2)}
    with (tmp_path / "serve.log").open("w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "feedline.cli", "serve", "--data-dir",
                                 str(tmp_path / "data"), "--port", str(port), "--feed",
                                 str(write_crm_feed(tmp_path, crm_blueprint_path))],
                                stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        headers = {"Authorization": f"Bearer {API_KEY}"}
        with httpx.Client(base_url=url, headers=headers, timeout=60) as http:
            space = http.post("/v1/spaces", json={"name": "cap", "feed": "crm"}).json()["id"]

            def body() -> object:
                yield b'--b\r\nContent-Disposition: form-data; name="space_id"\r\n\r\n' + space.encode() + b"\r\n"
                yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n'
                for _ in range(64):
                    yield b"x" * 65536  # 4 MiB, chunked: no Content-Length
                yield b"\r\n--b--\r\n"

            resp = http.post("/v1/files", content=body(),
                             headers={"Content-Type": "multipart/form-data; boundary=b"})
            assert resp.status_code == 413 and "limit" in resp.json()["error"]["message"]
            assert http.get("/v1/files", params={"space_id": space}).json()["data"] == []
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    tmp = tmp_path / "data" / "blobs" / "tmp"
    assert not tmp.exists() or not [p for p in tmp.iterdir() if p.is_file()]
