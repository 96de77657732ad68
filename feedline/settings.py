"""One typed settings object; every value falls back to a ``FEEDLINE_*`` variable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """How a feedline process runs. CLI flags override these; env vars set them."""

    model_config = SettingsConfigDict(env_prefix="FEEDLINE_", extra="ignore")

    data_dir: Path = Field(default=Path(".feedline"), description="Where the SQLite file, blobs and file egress live.")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default sqlite in data_dir. postgresql:// for scale.")
    api_key: str | None = Field(default=None, description="API key to accept; created and printed on first start when unset.")
    host: str = Field(default="127.0.0.1", description="Address the HTTP server binds to.")
    port: int = Field(default=8700, description="Port the HTTP server listens on.")
    workers: int = Field(default=2, ge=0, description="Job worker threads of `feedline serve` or `feedline worker` (0: an API-only `serve`).")
    lease_seconds: float = Field(default=60.0, description="How long a claimed job is leased before another worker may retry it.")
    poll_interval: float = Field(default=2.0, gt=0, description="Seconds an idle worker or dispatcher sleeps between polls; new work wakes it at once (same process, or PostgreSQL NOTIFY).")
    max_upload_bytes: int = Field(default=2 * 1024**3, description="Largest file accepted by upload.")
    max_attempts: int = Field(default=3, description="How many times a job is tried before it fails for good.")
    extract_max_file_bytes: int = Field(default=2 * 1024**3, description="Largest file extraction reads; bigger files fail with a reason.")
    extract_max_rows: int = Field(default=50_000_000, description="Most data rows one extracted table may hold.")
    extract_max_columns: int = Field(default=2_000, description="Most columns one extracted table may hold.")
    extract_max_cell_chars: int = Field(default=1_000_000, description="Longest cell (characters) extraction accepts.")
    extract_max_archive_members: int = Field(default=1_000, description="Most files a ZIP archive may hold.")
    extract_max_uncompressed_bytes: int = Field(default=8 * 1024**3, description="Most bytes an archive or .gz file may unpack to.")
    extract_max_compression_ratio: int = Field(default=200, description="Highest compression ratio accepted before an archive counts as a zip bomb.")
    chunk_rows: int = Field(default=100_000, ge=1, description="Records per chunk through map, validate, store and egress: peak memory follows it, not the file.")
    extract_stream_bytes: int = Field(default=256 * 1024**2, description="Text files larger than this (delimited, JSON Lines, XML) are read in chunks straight to Parquet (bounded memory).")

    log_level: str = Field(default="info", pattern="(?i)^(debug|info|warning|error)$", description="Log level: debug, info, warning or error.")
    log_format: str = Field(default="text", pattern="^(text|json)$", description="Log lines as text, or one JSON object per line (with job, file and space ids).")
    blob_url: str | None = Field(default=None, description="Where file bytes and record segments live: a folder, or an fsspec URL (s3://bucket/prefix) shared by every process; default data_dir/blobs.")
    blob_options: dict[str, Any] = Field(default_factory=dict, description="fsspec storage options for blob_url as JSON (e.g. endpoint_url, key, secret); credentials may also come from the usual AWS variables.")

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            url = self.database_url
            if url.startswith("postgresql://"):
                url = "postgresql+psycopg://" + url[len("postgresql://"):]
            elif url.startswith("postgres://"):
                url = "postgresql+psycopg://" + url[len("postgres://"):]
            return url
        return f"sqlite:///{(self.data_dir / 'feedline.db').resolve()}"

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"
