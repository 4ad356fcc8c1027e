#!/usr/bin/env bash
# Start a throwaway local PostgreSQL for carelens' storage tests (tests/store).
#
#   eval "$(scripts/postgres.sh)"      # install if missing, initialise, start; exports the URL
#   scripts/postgres.sh stop           # stop it (the data stays; `start` again reuses it)
#   scripts/postgres.sh destroy        # stop it and delete its folder
#
# PostgreSQL comes from Debian (`apt-get install -y postgresql`) when no server binaries are
# found. The cluster lives in $CARELENS_PG_DIR (default: $TMPDIR/carelens-pg), listens on
# 127.0.0.1 only, on a free port chosen the first time and reused afterwards, and has one
# login role and database (carelens / carelens_test) with a random password kept in that
# folder. Run as root (a container), the server runs as the `postgres` user via runuser/su;
# run as anyone else, it runs as that user. Safe to run again: it only does what is missing.
# Progress goes to stderr; stdout is only the `export CARELENS_TEST_POSTGRES_URL=...` line.
set -euo pipefail

DIR="${CARELENS_PG_DIR:-${TMPDIR:-/tmp}/carelens-pg}"
DATA="$DIR/data"
SOCK="$DIR/sock"
DB_NAME="carelens_test"
DB_USER="carelens"
ACTION="${1:-start}"

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

find_bindir() {
    local d
    if command -v pg_config >/dev/null 2>&1; then
        d="$(pg_config --bindir 2>/dev/null || true)"
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    fi
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    done
    return 1
}

# Run a command as the server's owner: `postgres` when we are root, else ourselves.
if [ "$(id -u)" = 0 ]; then
    OWNER="postgres"
    as_owner() {
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
        fi
    }
else
    OWNER="$(id -un)"
    as_owner() { "$@"; }
fi

install_postgres() {
    if find_bindir >/dev/null; then return 0; fi
    log "PostgreSQL server not found; installing it from Debian (apt-get install -y postgresql)"
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "PostgreSQL is missing and we are not root; install the 'postgresql' package"
        sudo="sudo"
    fi
    command -v apt-get >/dev/null 2>&1 || die "no apt-get here; install PostgreSQL (server) by hand"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
    find_bindir >/dev/null || die "PostgreSQL was installed but initdb/pg_ctl were not found"
}

free_port() {
    local port
    for port in $(seq 54329 54429); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    return 1
}

running() { [ -s "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

psql_admin() {
    as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -p "$(cat "$DIR/port")" -U postgres \
        -d postgres "$@"
}

case "$ACTION" in
start) ;;
stop | destroy)
    if BIN="$(find_bindir)" && running; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
    fi
    if [ "$ACTION" = destroy ]; then rm -rf "$DIR"; log "removed $DIR"; fi
    exit 0
    ;;
*) die "unknown action '$ACTION' (use start, stop or destroy)" ;;
esac

install_postgres
BIN="$(find_bindir)"

mkdir -p "$DIR" "$SOCK"
chmod 700 "$DIR"
[ "$(id -u)" = 0 ] && chown "$OWNER" "$DIR" "$SOCK"

if [ ! -s "$DIR/password" ]; then
    (umask 077 && head -c 512 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9' | cut -c1-24 >"$DIR/password")
fi
PASSWORD="$(cat "$DIR/password")"

if [ ! -s "$DATA/PG_VERSION" ]; then
    log "initialising a cluster in $DATA"
    rm -rf "$DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C \
        --auth-local=trust --auth-host=scram-sha-256 >"$DIR/initdb.log" 2>&1 ||
        { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
fi

if ! running; then
    PORT="$(cat "$DIR/port" 2>/dev/null || true)"
    if [ -z "$PORT" ] || (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        PORT="$(free_port)" || die "no free port in 54329-54429"
    fi
    echo "$PORT" >"$DIR/port"
    log "starting PostgreSQL on 127.0.0.1:$PORT"
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $SOCK -c fsync=off" start >&2 ||
        { tail -n 20 "$DATA/server.log" >&2 || true; die "the server did not start"; }
fi
PORT="$(cat "$DIR/port")"

if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != 1 ]; then
    log "creating role $DB_USER"
    psql_admin -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$PASSWORD'"
else
    psql_admin -c "ALTER ROLE $DB_USER LOGIN PASSWORD '$PASSWORD'"
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
    log "creating database $DB_NAME"
    psql_admin -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
fi

log "ready (stop it with: scripts/postgres.sh stop)"
echo "export CARELENS_TEST_POSTGRES_URL=postgresql://$DB_USER:$PASSWORD@127.0.0.1:$PORT/$DB_NAME"
