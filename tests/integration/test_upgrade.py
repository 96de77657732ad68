"""Upgrading a database made by feedline 0.1 (its own migrator at version 3, one JSON row
per record): Alembic takes over, records become segments, history and memory survive
(SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from fastapi.testclient import TestClient

from feedline.api import create_app
from feedline.app import Feedline
from feedline.feeds import load_feed
from feedline.settings import Settings
from feedline.store import current_revision, head
from feedline.store.migrations import _config
from tests.conftest import write_crm_feed

KEY = "fl_old_release_key_0123"
NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def old_release(url: str) -> None:
    """The schema and a little data as feedline 0.1 left them."""
    engine = sa.create_engine(Settings(database_url=url).resolved_database_url)
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0001")
        conn.exec_driver_sql("DROP TABLE alembic_version")
        conn.exec_driver_sql("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                             "name VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)")
        for v, name in ((1, "initial schema"), (2, "record versions"), (3, "file parent")):
            conn.execute(sa.text("INSERT INTO schema_migrations VALUES (:v, :n, :t)"),
                         {"v": v, "n": name, "t": NOW})
        meta = sa.MetaData()
        meta.reflect(conn)
        t = meta.tables
        conn.execute(t["environments"].insert().values(id="env_default", name="default", created_at=NOW))
        import hashlib
        conn.execute(t["api_keys"].insert().values(
            id="key_1", environment_id="env_default", key_hash=hashlib.sha256(KEY.encode()).hexdigest(),
            prefix=KEY[:6], created_at=NOW))
        conn.execute(t["spaces"].insert().values(id="sp_1", environment_id="env_default", name="acme",
                                                 feed="crm", metadata={"last_synced_at": "x"},
                                                 created_at=NOW, updated_at=NOW))
        conn.execute(t["files"].insert().values(id="fl_1", space_id="sp_1", name="acme_contacts.csv",
                                                size=10, sha256="0" * 64, blob_key="files/00/0",
                                                mode="import", status="extracted",
                                                created_at=NOW, updated_at=NOW))
        conn.execute(t["workbooks"].insert().values(id="wb_1", space_id="sp_1", file_id="fl_1",
                                                    kind="destination", name="x", metadata={},
                                                    created_at=NOW))
        conn.execute(t["sheets"].insert().values(id="sh_1", workbook_id="wb_1", slug="contacts",
                                                 name="Contacts", columns=["email"], row_count=3,
                                                 metadata={"counts": {"rows": 3, "valid": 2, "invalid": 1}},
                                                 created_at=NOW))
        rows = [
            {"values": {"email": "a@example.com", "first_name": "Ann", "lifetime_value": 3.5,
                        "opt_in": True, "tags": ["x", "y"], "signup_date": "2025-01-02"},
             "messages": [], "valid": True, "version": 2},
            {"values": {"email": "b@example.com", "last_name": "Bo", "lifetime_value": "abc"},
             "messages": [{"field": "lifetime_value", "type": "invalid-number", "level": "error",
                           "message": '"abc" is not a number'}], "valid": False, "version": 1},
            {"values": {"email": "c@example.com", "last_name": "Lee"}, "messages": [],
             "valid": True, "version": 1},
        ]
        for i, r in enumerate(rows):
            conn.execute(t["records"].insert().values(id=100 + i, sheet_id="sh_1", row=i,
                                                      updated_at=NOW, **r))
        conn.execute(t["record_versions"].insert().values(
            record_id=100, sheet_id="sh_1", version=2, change="update", actor="api-key:fl_old",
            old_values={"email": "old@example.com"}, new_values=rows[0]["values"],
            old_valid=True, changed_at=NOW))
        conn.execute(t["mapping_memory"].insert().values(
            blueprint="CRM", space_id="", sheet="", updated_at=NOW, document={
                "version": 1, "blueprint": "CRM", "spaces": {"sp_1": {"contacts": {
                    "plans": {}, "headers": {"e mail": {"email": 2}}, "enums": {},
                    "rejected": {}, "signatures": {}, "last": None}}}}))
        conn.execute(t["listener_cursors"].insert().values(name="in-process", position=0,
                                                           updated_at=NOW))
    engine.dispose()


def test_a_database_of_the_previous_release_is_upgraded_whole(
        database_url: str, tmp_path: Path, crm_blueprint_path: Path) -> None:
    old_release(database_url)
    app = Feedline(Settings(data_dir=tmp_path / "data", database_url=database_url),
                   [load_feed(write_crm_feed(tmp_path, crm_blueprint_path))])
    try:
        with app.read() as conn:
            assert current_revision(conn) == head()
            tables = set(sa.inspect(conn).get_table_names())
        assert "schema_migrations" not in tables and "event_deliveries" in tables
        with TestClient(create_app(app, run_workers=False),
                        headers={"Authorization": f"Bearer {KEY}"}) as client:
            assert client.get("/v1/spaces/sp_1").json()["metadata"]["last_synced_at"] == "x"
            records = client.get("/v1/sheets/sh_1/records").json()["data"]
            assert [r["id"] for r in records] == [1, 2, 3]
            first, bad, _third = records
            assert first["values"]["tags"] == ["x", "y"] and first["values"]["lifetime_value"] == 3.5
            assert first["version"] == 2 and first["valid"]
            assert bad["values"]["lifetime_value"] == "abc" and not bad["valid"]
            assert bad["messages"][0]["type"] == "invalid-number"
            history = client.get("/v1/sheets/sh_1/records/1/versions").json()["data"]
            assert history[0]["old_values"] == {"email": "old@example.com"}
            fixed = client.patch("/v1/sheets/sh_1/records",
                                 json=[{"id": 2, "values": {"lifetime_value": "12.5"}}]).json()
            assert fixed["data"][0]["valid"] and fixed["data"][0]["version"] == 2, fixed
            memory = client.get("/v1/spaces/sp_1/memory").json()["data"]
            assert memory and memory[0]["sheet"] == "contacts"
        # Starting again changes nothing (nothing left to convert).
        with app.read() as conn:
            left = conn.exec_driver_sql("SELECT count(*) FROM legacy_records").scalar()
        assert left == 0
    finally:
        app.close()
