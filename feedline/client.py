"""A small Python SDK over the HTTP API (used by ``feedline push``)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx

from feedline.errors import FeedlineError

SETTLED = {"complete", "failed", "canceled", "needs_review"}


class ClientError(FeedlineError):
    """The server refused a request or could not be reached."""


class Client:
    """Talk to a ``feedline serve``: ``Client("http://127.0.0.1:8700", key)``."""

    def __init__(self, server: str, api_key: str, timeout: float = 60.0) -> None:
        self.http = httpx.Client(base_url=server.rstrip("/"), timeout=timeout,
                                 headers={"Authorization": f"Bearer {api_key}"})

    def _call(self, method: str, url: str, **kwargs: Any) -> Any:
        try:
            resp = self.http.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            raise ClientError(f"cannot reach {self.http.base_url}: {exc}") from None
        if resp.status_code >= 400:
            try:
                message = resp.json()["error"]["message"]
            except (ValueError, KeyError, TypeError):
                message = resp.text[:200]
            raise ClientError(f"{method} {url} → {resp.status_code}: {message}")
        return resp.json()

    def find_space(self, name: str) -> dict[str, Any] | None:
        data = self._call("GET", "/v1/spaces", params={"name": name})["data"]
        return data[0] if data else None

    def create_space(self, name: str, feed: str) -> dict[str, Any]:
        return self._call("POST", "/v1/spaces", json={"name": name, "feed": feed})

    def upload(self, space_id: str, path: Path) -> dict[str, Any]:
        with path.open("rb") as fh:
            return self._call("POST", "/v1/files", data={"space_id": space_id},
                              files={"file": (path.name, fh)})

    def jobs(self, **params: Any) -> list[dict[str, Any]]:
        return self._call("GET", "/v1/jobs", params=params)["data"]

    def wait_for_file(self, file_id: str, timeout: float = 600.0, poll: float = 0.3) -> list[dict[str, Any]]:
        """Wait until the file's pipeline settles: a job failed or awaits review, or its
        records were delivered. An archive settles when each of its members has; their
        jobs are returned too (a member's jobs carry the member's ``file_id``)."""
        deadline = time.monotonic() + timeout
        pending, settled = [file_id], []
        while pending:
            current = pending.pop(0)
            jobs = self._settle(current, deadline, poll)
            settled += jobs
            for job in jobs:
                members = (job.get("outcome") or {}).get("members") or []
                if job["operation"] == "extract" and job["status"] == "complete":
                    pending += [m["file_id"] for m in members if not m.get("duplicate")]
        return settled

    def _settle(self, file_id: str, deadline: float, poll: float) -> list[dict[str, Any]]:
        while True:
            jobs = self.jobs(file_id=file_id)
            ops = {j["operation"]: j for j in jobs}
            final = all(j["status"] in SETTLED for j in jobs)
            stuck = any(j["status"] in {"failed", "needs_review", "canceled"} for j in jobs)
            archive = (ops.get("extract", {}).get("outcome") or {}).get("members") is not None
            delivered = "egress" in ops or (archive and ops["extract"]["status"] == "complete")
            if final and (stuck or delivered):
                return jobs
            if time.monotonic() > deadline:
                raise ClientError(f"file {file_id} did not settle in time")
            time.sleep(poll)
