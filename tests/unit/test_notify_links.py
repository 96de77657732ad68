"""Signed links: they open one space until they expire, and nothing forged passes."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from feedline.notify.links import SECRET_ENV, LinkError, Signer, load_secret, sign_link, verify_link

SECRET = b"s3cret-for-tests"


def test_a_link_grants_its_space_until_it_expires() -> None:
    now = 1_800_000_000.0
    token = sign_link(SECRET, "sp_1", "env_a", 3600, now=now)
    link = verify_link(SECRET, token, now=now + 3599)
    assert (link.space_id, link.environment_id, link.expires_at) == ("sp_1", "env_a", int(now + 3600))
    with pytest.raises(LinkError) as exc:
        verify_link(SECRET, token, now=now + 3600)
    assert exc.value.reason == "expired"


@pytest.mark.parametrize("mangle", [
    lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),   # signature changed
    lambda t: t.replace(t.split(".")[0], t.split(".")[0][:-3] + "xyz"),  # payload changed
    lambda t: t.split(".")[0],                                        # signature dropped
    lambda t: "",
])
def test_a_changed_or_truncated_link_is_refused(mangle) -> None:
    token = sign_link(SECRET, "sp_1", "env_a", 3600)
    with pytest.raises(LinkError) as exc:
        verify_link(SECRET, mangle(token))
    assert exc.value.reason == "invalid"


def test_a_link_of_another_installation_is_refused() -> None:
    token = sign_link(b"someone else", "sp_1", "env_a", 3600)
    with pytest.raises(LinkError, match="not issued by this feedline"):
        verify_link(SECRET, token)


def test_a_session_token_is_no_link_and_the_other_way_round() -> None:
    signer = Signer(SECRET)
    session = signer.dumps({"s": "sp_1", "e": "env_a"}, "session", time.time() + 60)
    with pytest.raises(LinkError):
        verify_link(SECRET, session)
    link = sign_link(SECRET, "sp_1", "env_a", 60)
    with pytest.raises(LinkError):
        signer.loads(link, "session")


def test_the_secret_is_made_once_private_and_reused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    first = load_secret(tmp_path / "data")
    path = tmp_path / "data" / "secret_key"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert len(first) >= 48
    assert load_secret(tmp_path / "data") == first
    monkeypatch.setenv(SECRET_ENV, "shared-by-every-process")
    assert load_secret(tmp_path / "data") == b"shared-by-every-process"
