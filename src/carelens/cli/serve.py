"""``carelens serve`` (the HTTP API) and ``carelens keys create | list | revoke`` (its API keys).

Thin layers: ``serve`` builds :class:`~carelens.service.ServiceSettings`, calls
:func:`~carelens.service.create_app` (which loads the model, opens the store and refuses to
start off loopback without a key) and runs it with uvicorn — with uvicorn's access log off,
since the service logs method, path, status and duration itself and never a query string.
``keys`` opens the same store (same ``--data-dir`` / ``--database-url``) and prints a new
secret once; only its hash is kept. Without the ``serve`` extra, ``serve`` fails with a
:class:`~carelens.errors.MissingExtraError` naming ``carelens[serve]``. Before the model is
loaded, ``serve`` checks that it can listen on the host and port (:func:`check_can_listen`),
so a port in use is one ``error:`` line (exit 1), never a banner followed by uvicorn's log.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from carelens.cli._help import Command, Group
from carelens.cli._model import ModelPath, Threads
from carelens.cli._outputs import refuse_unwritable_place
from carelens.cli._session import Verbose, session
from carelens.errors import CarelensError, InputError, MissingExtraError

if TYPE_CHECKING:
    from carelens.store import Store

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar="CARELENS_DATA_DIR",
        help="Folder for uploads and the SQLite store (default: ~/.local/share/carelens).",
    ),
]
DatabaseUrl = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        envvar="CARELENS_DATABASE_URL",
        help="Database URL (default: SQLite in --data-dir). Prefer the environment variable "
        "for URLs with passwords.",
    ),
]


def _require_uvicorn() -> Any:
    try:
        import uvicorn
    except ImportError as exc:
        raise MissingExtraError("uvicorn", "serve") from exc
    return uvicorn


def check_can_listen(host: str, port: int) -> None:
    """Raise a CarelensError (exit 1) when ``host``:``port`` cannot be bound: the port is in
    use, the address is not this machine's, or binding needs a permission. The socket is
    bound as uvicorn binds it (``SO_REUSEADDR``, IPv6 for an address with a colon) and closed
    again at once, so a port left in TIME_WAIT by an earlier server is not taken for in use.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise CarelensError(
                    f"port {port} is in use (another server listens on it); stop it, or "
                    "choose another port with --port"
                ) from None
            if exc.errno == errno.EACCES:
                raise CarelensError(
                    f"no permission to listen on port {port}; choose a port above 1023 with --port"
                ) from None
            raise CarelensError(
                f"cannot listen on {host} port {port} ({exc.strerror or exc}); check --host"
            ) from None


def serve(
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. Anything but 127.0.0.1 / ::1 / localhost requires an "
            "API key (`carelens keys create`)."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
    model: ModelPath = None,
    threads: Threads = None,
    require_key: Annotated[
        bool,
        typer.Option(
            "--require-key",
            help="Require an API key on loopback too, as off loopback: sent as 'Authorization: "
            "Bearer KEY', 'X-API-Key: KEY' or the password of HTTP Basic credentials "
            "(curl -u any:KEY; a browser asks for it).",
        ),
    ] = False,
    rate_limit: Annotated[
        int, typer.Option(min=0, help="Requests per minute per API key or client (0: no limit).")
    ] = 120,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact",
            envvar="CARELENS_REDACT",
            help="Replace e-mail addresses, phone numbers, URLs, @handles and street addresses "
            "with placeholders in every text the server answers with or stores (analyses, "
            "uploaded corpora, upload names).",
        ),
    ] = False,
    store_timeout: Annotated[
        float,
        typer.Option(
            min=0.001,
            help="Seconds one call to a PostgreSQL database may take before the request "
            "gets 503 (a server that stopped answering would hold it otherwise); raise it "
            "for very large corpora.",
        ),
    ] = 60.0,
    verbose: Verbose = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Hide the line saying where the server listens and the server's info log; "
            "warnings and errors are still shown.",
        ),
    ] = False,
) -> None:
    """Serve the HTTP API: analyse pairs, upload corpora, page results (see docs/api.md)."""
    with session(verbose, quiet) as s:
        uvicorn = _require_uvicorn()
        from carelens.service import ServiceSettings, create_app
        from carelens.store import default_data_dir

        check_can_listen(host, port)  # before the model loads, and before the banner
        # Uploads (and the SQLite store) are written there: a file in the way is exit 1.
        refuse_unwritable_place(data_dir or default_data_dir(), option="--data-dir")

        settings = ServiceSettings(
            host=host,
            port=port,
            data_dir=data_dir if data_dir is not None else default_data_dir(),
            database_url=database_url,
            model=model,
            threads=threads,
            require_key=require_key,
            rate_limit=rate_limit,
            redact=redact,
            store_timeout=store_timeout,
        )
        app = create_app(settings)
        shown = f"[{host}]" if ":" in host else host
        access = "API key required" if settings.key_required else "no API key needed (loopback)"
        if redact:
            access += "; personal data redacted"
        s.note(
            f"carelens on http://{escape(shown)}:{port}/ (pages: coach, explorer, dashboards; "
            f"API under /v1) — {access}; Ctrl-C stops"
        )
        try:
            uvicorn.run(
                app,
                host=host,
                port=port,
                access_log=False,
                log_level="debug" if verbose else "warning" if quiet else "info",
                server_header=False,
            )
        except SystemExit as exc:  # uvicorn's own exit when it could not start (logged above)
            if exc.code in (None, 0):
                raise
            raise CarelensError(
                f"the server could not start on {host} port {port} (see the log above)"
            ) from None


keys_app = typer.Typer(
    name="keys",
    help="Create, list and revoke API keys for `carelens serve`.",
    no_args_is_help=True,
    add_completion=False,
    cls=Group,
)


@contextmanager
def _store(data_dir: Path | None, database_url: str | None) -> Iterator[Store]:
    from carelens.store import open_store

    store = open_store(database_url, data_dir=data_dir)
    try:
        yield store
    finally:
        store.close()


@keys_app.command("create", cls=Command)
def create_key(
    name: Annotated[str, typer.Argument(help="Who or what the key is for.")],
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
    verbose: Verbose = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Hide the note naming the key created; its secret is still printed, and so "
            "are warnings and errors.",
        ),
    ] = False,
) -> None:
    """Create a key and print its secret (shown this once; only its hash is stored)."""
    if not name.strip():
        raise typer.BadParameter("give the key a name: who or what it is for", param_hint="NAME")
    with session(verbose, quiet) as s, _store(data_dir, database_url) as store:
        key_id, secret = store.create_key(name)
        s.note(f"created key {key_id} ({escape(name)}); the secret is shown only now:")
        s.out.print(secret, soft_wrap=True, highlight=False)


@keys_app.command("list", cls=Command)
def list_keys(
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
    verbose: Verbose = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Hide the note when there are no keys; the keys are still listed, and "
            "warnings and errors shown.",
        ),
    ] = False,
) -> None:
    """List the keys (never their secrets); tab-separated lines when piped."""
    with session(verbose, quiet) as s, _store(data_dir, database_url) as store:
        keys = store.list_keys()
        if not keys:
            s.note("no API keys; create one with `carelens keys create NAME`")
            return
        rows = [
            (
                str(key["id"]),
                str(key["name"]),
                str(key["created_at"]),
                str(key.get("revoked_at") or "-"),
            )
            for key in keys
        ]
        if not s.out.is_terminal:  # for scripts: every id whole, one key a line
            for row in rows:
                typer.echo("\t".join(" ".join(cell.split()) for cell in row))
            return
        # Ids are never cut (`keys revoke` needs them whole): the other columns wrap instead.
        table = Table(title="API keys", title_justify="left")
        table.add_column("id", no_wrap=True, min_width=max(len(r[0]) for r in rows))
        table.add_column("name", min_width=min(8, max(len(r[1]) for r in rows)), overflow="fold")
        for column in ("created", "revoked"):
            table.add_column(column, overflow="fold")
        for key_id, name, created, revoked in rows:
            table.add_row(key_id, escape(name), _minute(created), _minute(revoked))
        s.out.print(table)


def _minute(stamp: str) -> str:
    """An ISO time to the minute in UTC, for the table (anything else as it is)."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M") + (" UTC" if moment.tzinfo is not None else "")


@keys_app.command("revoke", cls=Command)
def revoke_key(
    key_id: Annotated[str, typer.Argument(metavar="ID", help="The key id (see `keys list`).")],
    data_dir: DataDir = None,
    database_url: DatabaseUrl = None,
    verbose: Verbose = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Hide the note that the key was revoked; warnings and errors are still shown.",
        ),
    ] = False,
) -> None:
    """Revoke a key for good; requests with it get 401 at once."""
    with session(verbose, quiet) as s, _store(data_dir, database_url) as store:
        if not store.revoke_key(key_id):
            raise InputError(f"no API key with id {key_id!r}; see `carelens keys list`")
        s.note(f"revoked key {escape(key_id)}")
