"""The ``feedline`` command: serve, push files to a server, or run a feed offline.

Exit codes: 0 done, 1 a job failed or the server refused, 2 bad input or usage,
3 a plan needs a person (nothing written).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

# feedline's processes do no linear algebra: OpenBLAS's thread pool would cost every
# command 50 ms of start-up when NumPy loads (a user's own setting is kept).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import typer
from rich.console import Console

from feedline.errors import FeedlineError

cli = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__,
                  pretty_exceptions_show_locals=False)
err = Console(stderr=True, soft_wrap=True)
EXIT_FAILED, EXIT_USAGE, EXIT_REVIEW = 1, 2, 3


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


DataDir = Annotated[Path | None, typer.Option(help="Data folder [env FEEDLINE_DATA_DIR].")]
FeedFiles = Annotated[list[Path] | None, typer.Option(
    "--feed", help="Feed config YAML (repeatable) [env FEEDLINE_FEEDS, ':'-separated].")]


def _open(overrides: dict[str, Any], feed: list[Path] | None) -> Any:
    """Settings (flags over ``FEEDLINE_*``), the feeds, and the installation."""
    from pydantic import ValidationError

    from feedline.app import Feedline
    from feedline.settings import Settings

    try:
        settings = Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        first = exc.errors()[0]
        raise fail(f"setting {'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    feeds = list(feed or [])
    if not feeds and os.environ.get("FEEDLINE_FEEDS"):
        feeds = [Path(p) for p in os.environ["FEEDLINE_FEEDS"].split(os.pathsep) if p]
    try:
        return Feedline.from_paths(settings, feeds)
    except FeedlineError as exc:
        raise fail(str(exc)) from None


@cli.command()
def serve(
    data_dir: DataDir = None,
    host: Annotated[str | None, typer.Option(help="Bind address [env FEEDLINE_HOST].")] = None,
    port: Annotated[int | None, typer.Option(help="Port [env FEEDLINE_PORT].")] = None,
    feed: FeedFiles = None,
    workers: Annotated[int | None, typer.Option(help="Worker threads; 0 for an API-only process [env FEEDLINE_WORKERS].")] = None,
) -> None:
    """Run the HTTP API (and, unless --workers 0, the event dispatcher and job workers)."""
    import uvicorn

    from feedline.api import create_app
    from feedline.logs import configure, uvicorn_config
    from feedline.store import repo

    app = _open({"data_dir": data_dir, "host": host, "port": port, "workers": workers}, feed)
    settings = app.settings
    configure(settings)
    key_file = settings.data_dir / "api_key"
    with app.begin() as conn:
        if settings.api_key:
            repo.bootstrap_env_key(conn, app.environment_id, settings.api_key)
        elif repo.count_api_keys(conn) == 0:
            key = repo.create_api_key(conn, app.environment_id, name="first start",
                                      source="generated")
            key_file.write_text(key + "\n", encoding="utf-8")
            key_file.chmod(0o600)
            err.print(f"Created API key (saved to {key_file}):\n  {key}", highlight=False)
    names = ", ".join(app.feeds) or "none"
    err.print(f"feedline serving on http://{settings.host}:{settings.port}  data: {settings.data_dir}  "
              f"feeds: {names}  workers: {settings.workers}", highlight=False)
    uvicorn.run(create_app(app), host=settings.host, port=settings.port,
                log_config=uvicorn_config(settings), timeout_graceful_shutdown=30)


@cli.command()
def worker(
    data_dir: DataDir = None,
    feed: FeedFiles = None,
    workers: Annotated[int | None, typer.Option(help="Worker threads [env FEEDLINE_WORKERS].")] = None,
) -> None:
    """Run the event dispatcher and job workers without HTTP (any number, on any host, on
    one PostgreSQL and one blob store). SIGTERM or Ctrl-C stops it gracefully."""
    import signal
    import threading

    from feedline.logs import configure
    from feedline.runner import Runner

    app = _open({"data_dir": data_dir, "workers": workers}, feed)
    configure(app.settings)
    if app.settings.workers < 1:
        raise fail("a worker process needs --workers 1 or more")
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    runner = Runner(app, app.settings.workers)
    runner.start()
    err.print(f"feedline worker: {app.settings.workers} worker(s), feeds: "
              f"{', '.join(app.feeds) or 'none'}", highlight=False)
    stop.wait()
    err.print("stopping: running jobs finish first (up to 30 s)", highlight=False)
    runner.stop()
    app.close()


keys = typer.Typer(help="API keys: create (shown once), list, revoke.", no_args_is_help=True)
environments = typer.Typer(help="Environments (tenants): each has its own keys, spaces and memory.",
                           no_args_is_help=True)
cli.add_typer(keys, name="keys")
cli.add_typer(environments, name="environments")


def _admin(data_dir: Path | None) -> Any:
    from feedline.app import Feedline
    from feedline.settings import Settings

    try:
        settings = Settings(data_dir=data_dir) if data_dir else Settings()
        return Feedline(settings, [], builtin=False)
    except FeedlineError as exc:
        raise fail(str(exc)) from None


def _environment(conn: Any, name: str | None, default: str) -> str:
    from feedline.store import repo

    if name is None:
        return default
    for env in repo.list_environments(conn):
        if name in (env["id"], env["name"]):
            return str(env["id"])
    raise fail(f"no environment {name!r} (see `feedline environments list`)")


@keys.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="What the key is for.")] = "",
    environment: Annotated[str | None, typer.Option(help="Environment name or id (default: the default one).")] = None,
    data_dir: DataDir = None,
) -> None:
    """Create an API key and print it once (only its hash is kept)."""
    from feedline.store import repo

    app = _admin(data_dir)
    with app.begin() as conn:
        env = _environment(conn, environment, app.environment_id)
        key = repo.create_api_key(conn, env, name=name, source="cli")
    typer.echo(key)
    err.print(f"created for environment {env}; it is not shown again", highlight=False)


@keys.command("list")
def keys_list(data_dir: DataDir = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List keys (id, environment, name, prefix, when created, revoked, last used)."""
    from feedline.store import repo

    app = _admin(data_dir)
    with app.read() as conn:
        rows = repo.list_api_keys(conn)
    if as_json:
        typer.echo(json.dumps(rows))
        return
    for r in rows:
        state = f"revoked {r['revoked_at']}" if r["revoked_at"] else "active"
        typer.echo(f"{r['id']}  {r['environment_id']}  {r['prefix']}…  {r['source']:<9} "
                   f"{state:<32} {r['name']}")


@keys.command("revoke")
def keys_revoke(key_id: Annotated[str, typer.Argument(help="The key's id (from `keys list`).")],
                data_dir: DataDir = None) -> None:
    """Revoke a key: it is refused from now on, by every process."""
    from feedline.store import repo

    app = _admin(data_dir)
    try:
        with app.begin() as conn:
            repo.revoke_api_key(conn, key_id)
    except FeedlineError as exc:
        raise fail(str(exc)) from None
    err.print(f"revoked {key_id}", highlight=False)


@environments.command("create")
def environments_create(name: Annotated[str, typer.Argument(help="A name for the tenant.")],
                        data_dir: DataDir = None) -> None:
    """Create an environment and print its id (then `feedline keys create --environment`)."""
    from feedline.store import repo

    app = _admin(data_dir)
    try:
        with app.begin() as conn:
            typer.echo(repo.create_environment(conn, name))
    except FeedlineError as exc:
        raise fail(str(exc)) from None


@environments.command("list")
def environments_list(data_dir: DataDir = None) -> None:
    from feedline.store import repo

    app = _admin(data_dir)
    with app.read() as conn:
        for env in repo.list_environments(conn):
            typer.echo(f"{env['id']}  {env['name']}")


def _client(server: str | None, api_key: str | None) -> Any:
    from feedline.client import Client

    server = server or os.environ.get("FEEDLINE_SERVER") or "http://127.0.0.1:8700"
    key = api_key or os.environ.get("FEEDLINE_API_KEY")
    if not key:
        key_file = Path(os.environ.get("FEEDLINE_DATA_DIR", ".feedline")) / "api_key"
        if key_file.exists():
            key = key_file.read_text(encoding="utf-8").strip()
    if not key:
        raise fail("no API key: pass --api-key or set FEEDLINE_API_KEY")
    return Client(server, key)


@cli.command()
def push(
    files: Annotated[list[Path], typer.Argument(help="Files to upload.")],
    space: Annotated[str, typer.Option(help="Space name (created with --feed when missing).")],
    feed: Annotated[str | None, typer.Option(help="Feed of a new space.")] = None,
    server: Annotated[str | None, typer.Option(help="Server URL [env FEEDLINE_SERVER].")] = None,
    api_key: Annotated[str | None, typer.Option(help="API key [env FEEDLINE_API_KEY].")] = None,
    wait: Annotated[bool, typer.Option(help="Wait until every file's jobs settle.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait with --wait.")] = 600.0,
) -> None:
    """Upload files to a running server's space."""
    from feedline.client import ClientError

    for f in files:
        if not f.is_file():
            raise fail(f"{f}: no such file")
    client = _client(server, api_key)
    try:
        sp = client.find_space(space)
        if sp is None:
            if not feed:
                raise fail(f"space {space!r} does not exist; pass --feed to create it")
            sp = client.create_space(space, feed)
        uploaded = [client.upload(sp["id"], f) for f in files]
        for u in uploaded:
            err.print(f"uploaded {u['name']} → {u['id']}{' (already uploaded)' if u.get('duplicate') else ''}",
                      highlight=False)
        if not wait:
            return
        results = [client.wait_for_file(u["id"], timeout=timeout) for u in uploaded]
    except ClientError as exc:
        raise fail(str(exc), EXIT_FAILED) from None
    code = 0
    for u, jobs in zip(uploaded, results, strict=True):
        names = {u["id"]: u["name"]}
        for job in jobs:  # an archive's members are named in its extract outcome
            for m in (job.get("outcome") or {}).get("members") or []:
                names[m["file_id"]] = f"{names.get(job['file_id'], u['name'])}/{m['name']}"
        for job in jobs:
            info = (job.get("outcome") or {}).get("message") or job.get("info") or ""
            err.print(f"{names.get(job['file_id'], u['name'])}: {job['operation']} "
                      f"{job['status']} {info}", highlight=False)
            if job["status"] == "failed":
                code = max(code, EXIT_FAILED)
            elif job["status"] == "needs_review" and code == 0:
                code = EXIT_REVIEW
    raise typer.Exit(code)


@cli.command()
def run(
    file: Annotated[Path, typer.Argument(help="The file to process.")],
    blueprint: Annotated[Path, typer.Option(help="Blueprint YAML/JSON.")],
    sheet: Annotated[str | None, typer.Option(help="Destination sheet slug (guessed when omitted).")] = None,
    out: Annotated[Path | None, typer.Option(help="CSV of the valid records.")] = None,
    rejects: Annotated[Path | None, typer.Option(help="JSONL of the invalid records.")] = None,
    accuracy: Annotated[str, typer.Option(help="Automap gate: exact | confident | any.")] = "confident",
    memory: Annotated[Path | None, typer.Option(help="Mapping memory JSON file (read and updated).")] = None,
    map: Annotated[list[str] | None, typer.Option("--map", help="A person's decision 'Source=field' (or 'Source=' for none).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    hooks: Annotated[list[str] | None, typer.Option("--hooks", help="Hooks 'module:function' (repeatable): a function taking the Listener, or a Hook.")] = None,
    locale: Annotated[str | None, typer.Option(help="The partner's locale (de-DE): decides 1,234 vs 1.234 where a column's values do not.")] = None,
    decimal: Annotated[str | None, typer.Option(help="Decimal mark '.' or ',' of such columns (wins over --locale).")] = None,
    plan: Annotated[Path | None, typer.Option("--plan", help="A person's plan: the JSON `feedline automap --json` prints, edited (columns, enum values); run as given.")] = None,
    enum: Annotated[list[str] | None, typer.Option("--enum", help="A person's enum decision 'field:Value=option' (or 'field:Value=' for invalid), repeatable.")] = None,
    source_sheet: Annotated[str | None, typer.Option("--source-sheet", help="The workbook sheet to read (else every data sheet, as the server does).")] = None,
    allow_missing_required: Annotated[bool, typer.Option(help="Run a plan that leaves required fields unmapped (each record then carries the 'required' error).")] = False,
) -> None:
    """Extract, map, validate and write FILE offline (no server)."""
    from feedline.pipeline.offline import run_file

    _QUICK_EXIT.append(True)

    try:
        result = run_file(file, blueprint, sheet=sheet, out=out, rejects=rejects, accuracy=accuracy,
                          memory_path=memory, decisions=_decisions(map or []), hooks=hooks,
                          locale=locale, decimal=decimal, plan_doc=_plan_file(plan) if plan else None,
                          enum_decisions=_enum_decisions(enum or []), source_sheet=source_sheet,
                          allow_missing_required=allow_missing_required)
    except FeedlineError as exc:
        raise fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
    else:
        _print_run(result)
    if result["needs_review"]:
        raise typer.Exit(EXIT_REVIEW)


@cli.command()
def automap(
    file: Annotated[Path, typer.Argument(help="The file to plan.")],
    blueprint: Annotated[Path, typer.Option(help="Blueprint YAML/JSON.")],
    sheet: Annotated[str | None, typer.Option(help="Destination sheet slug (guessed when omitted).")] = None,
    memory: Annotated[Path | None, typer.Option(help="Mapping memory JSON file (read only).")] = None,
    accuracy: Annotated[str, typer.Option(help="Automap gate: exact | confident | any.")] = "confident",
    as_json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON.")] = False,
    source_sheet: Annotated[str | None, typer.Option("--source-sheet", help="The workbook sheet to read.")] = None,
) -> None:
    """Print the plan feedline would use for FILE (edit its JSON and pass it to `run --plan`)."""
    from feedline.pipeline.offline import plan_file

    try:
        plan = plan_file(file, blueprint, sheet=sheet, memory_path=memory, accuracy=accuracy,
                         source_sheet=source_sheet)
    except FeedlineError as exc:
        raise fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(plan, ensure_ascii=False))
        return
    for f in plan["fields"]:
        dest = f["destination"] or "-"
        typer.echo(f"{f['source']:<30} → {dest:<20} {f['confidence']:.2f} {f['certainty']:<9} {f['reason']}")
    typer.echo("auto-accept" if plan["auto_accept"] else "needs review: " + "; ".join(plan.get("review_reasons", [])))


@cli.command("extract")
def extract_cmd(
    file: Annotated[Path, typer.Argument(help="The delivered file to read.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    header_row: Annotated[int | None, typer.Option(help="0-based header line/row (else detected).")] = None,
    sheet: Annotated[str | None, typer.Option("--source-sheet", "--sheet", help="Read only this workbook sheet.")] = None,
    record_path: Annotated[str | None, typer.Option(help="JSON key path or XML record element.")] = None,
) -> None:
    """Print what feedline reads from FILE: format, encoding, dialect, header row, sheets,
    row counts and column profiles (exit 2 with a one-line reason on bad input)."""
    from feedline.extract import ExtractOptions, Limits, extract
    from feedline.settings import Settings

    st = Settings()
    limits = Limits(
        max_file_bytes=st.extract_max_file_bytes, max_rows=st.extract_max_rows,
        max_columns=st.extract_max_columns, max_cell_chars=st.extract_max_cell_chars,
        max_archive_members=st.extract_max_archive_members,
        max_uncompressed_bytes=st.extract_max_uncompressed_bytes,
        max_compression_ratio=st.extract_max_compression_ratio)
    options = ExtractOptions(header_row=header_row, sheet=sheet, record_path=record_path,
                             limits=limits)
    try:
        result = extract(file, options=options)
    except FeedlineError as exc:
        raise fail(str(exc)) from None
    summary = result.to_dict(profiles=True)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False))
        return
    dialect = f", delimiter {result.delimiter!r}" if result.delimiter else ""
    typer.echo(f"{file.name}: {result.format}, encoding {result.encoding or '-'}{dialect}"
               + (f", records at {result.record_path}" if result.record_path else ""))
    for note in result.warnings:
        typer.echo(f"  note: {note}")
    for table in summary["tables"]:
        flag = "" if table.get("tabular", True) else " (not tabular: not mapped)"
        typer.echo(f"sheet {table['name']!r}: header row {table['header_row']}, "
                   f"{table['row_count']} rows, {len(table['columns'])} columns{flag}")
        for note in table["warnings"]:
            typer.echo(f"  note: {note}")
        for column, prof in (table.get("profile") or {}).items():
            extra = prof.get("format") or prof.get("decimal_separator") or ""
            top = ", ".join(repr(t["value"]) for t in prof["top"][:3])
            distinct = f"~{prof['distinct']}" if prof.get("distinct_estimated") else prof["distinct"]
            typer.echo(f"  {column:<28} {prof['kind']:<10} {extra:<9} "
                       f"{prof['non_empty']:>8} filled {distinct:>8} distinct  {top}")


def _plan_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise fail(f"--plan {path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise fail(f"--plan {path}: not a JSON plan ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("fields"), list):
        raise fail(f"--plan {path}: expected the JSON object `feedline automap --json` prints")
    return data


def _enum_decisions(items: list[str]) -> dict[str, dict[str, str | None]]:
    out: dict[str, dict[str, str | None]] = {}
    for item in items:
        target, sep, option = item.partition("=")
        field, colon, value = target.partition(":")
        if not sep or not colon or not field.strip() or not value:
            raise fail(f"--enum {item!r}: expected 'field:Source value=option'")
        out.setdefault(field.strip(), {})[value] = option.strip() or None
    return out


def _decisions(items: list[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for item in items:
        source, sep, field = item.partition("=")
        if not sep or not source.strip():
            raise fail(f"--map {item!r}: expected 'Source column=field_key'")
        out[source.strip()] = field.strip() or None
    return out


def _print_run(result: dict[str, Any]) -> None:
    typer.echo(f"{result['file']} → {result['sheet']}: {result['rows']} rows, "
               f"{result['valid']} valid, {result['invalid']} invalid")
    for kind, n in sorted(result["errors_by_type"].items()):
        typer.echo(f"  {kind}: {n}")
    for failure in result.get("hook_failures") or []:
        typer.echo(f"  hook {failure['hook']} failed on {failure['records']} records: "
                   f"{failure['message']}")
    if result["needs_review"]:
        typer.echo("needs review (nothing written): " + "; ".join(result["plan"].get("review_reasons", [])))
    elif result.get("out"):
        typer.echo(f"valid records written to {result['out']}")


_QUICK_EXIT: list[bool] = []
"""Set by a command whose process has nothing left to do when it returns (see main)."""


def main() -> None:
    try:
        cli()
    except KeyboardInterrupt:
        sys.exit(130)
    except SystemExit as done:
        if not _QUICK_EXIT:
            raise
        # `feedline run` holds a whole file in memory: freeing it object by object at exit
        # takes 0.1-0.2 s per million rows. Its files are written and closed by now, so the
        # process ends at once, with the same output and exit code.
        code = done.code
        if isinstance(code, str):
            print(code, file=sys.stderr)
            code = 1
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing to keep
                stream.flush()
        os._exit(code or 0)


if __name__ == "__main__":
    main()
