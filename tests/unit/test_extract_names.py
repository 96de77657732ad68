"""Safe file names for uploads and archive members."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedline.errors import ExtractError
from feedline.extract.names import member_path, safe_filename


@pytest.mark.parametrize(("name", "safe"), [
    ("orders.csv", "orders.csv"),
    ("../../etc/passwd", "passwd"),
    ("/etc/cron.d/evil.csv", "evil.csv"),
    ("C:\\Users\\ann\\Desktop\\report.xlsx", "report.xlsx"),
    ("C:report.csv", "report.csv"),
    ("share\\..\\..\\x.csv", "x.csv"),
    (".bashrc", "bashrc"),
    ("...csv", "csv"),
    ("orders.csv\x00.exe", "orders.csv.exe"),
    ("\x1b[31mred\x1b[0m.csv", "[31mred[0m.csv"),
    ("invoice\u202efdp.exe", "invoicefdp.exe"),  # a right-to-left override hides .exe
    ("Zoe\u0308.csv", "Zo\u00eb.csv"),  # NFD from a Mac becomes NFC
    ("  spaced .csv ", "spaced .csv"),
    ("", "upload"),
    ("...", "upload"),
    ("/", "upload"),
    ("dir/", "upload"),
    ("\x00\x01", "upload"),
])
def test_safe_filename(name: str, safe: str) -> None:
    assert safe_filename(name) == safe


def test_a_long_name_is_cut_keeping_its_extension() -> None:
    name = "é" * 300 + ".csv"
    assert safe_filename(name) == "é" * 196 + ".csv"
    assert safe_filename("x" * 500, max_chars=10) == "x" * 10
    assert safe_filename("report." + "z" * 50, max_chars=20) == "report." + "z" * 13


@given(st.text(max_size=400), st.integers(min_value=1, max_value=300))
def test_safe_filename_is_always_a_plain_bounded_name(name: str, limit: int) -> None:
    safe = safe_filename(name, limit)
    assert safe and len(safe) <= limit
    assert not {"/", "\\", "\x00"} & set(safe)
    assert not any(ord(c) < 32 or ord(c) == 127 for c in safe)
    assert not safe.startswith(".")


@pytest.mark.parametrize(("name", "path"), [
    ("2025/acme_orders.csv", "2025/acme_orders.csv"),
    ("./2025//orders.csv", "2025/orders.csv"),
    ("2025\\orders.csv", "2025/orders.csv"),
    ("Zoe\u0308/ok.csv", "Zo\u00eb/ok.csv"),
])
def test_member_path_keeps_the_folder(name: str, path: str) -> None:
    assert member_path(name) == path


@pytest.mark.parametrize(("name", "reason"), [
    ("../../etc/passwd", "climbs out of the archive"),
    ("data/../../x.csv", "climbs out of the archive"),
    ("data\\..\\..\\x.csv", "climbs out of the archive"),
    ("/etc/passwd", "has an absolute path"),
    ("\\\\server\\share\\x.csv", "has an absolute path"),
    ("C:\\x.csv", "has an absolute path"),
    ("c:x.csv", "has an absolute path"),
    ("x.csv\x00.exe", "control character or NUL"),
    ("x\n.csv", "control character or NUL"),
])
def test_member_path_refuses_what_would_escape(name: str, reason: str) -> None:
    with pytest.raises(ExtractError, match=reason) as info:
        member_path(name)
    assert "refused as a malicious archive" in str(info.value)
    assert "\n" not in str(info.value)
