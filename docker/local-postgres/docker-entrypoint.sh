#!/usr/bin/env bash
# The official postgres image's entrypoint contract, as much of it as docker-compose.yml uses: on the
# first start (an empty PGDATA) a cluster owned by POSTGRES_USER with POSTGRES_PASSWORD, password
# logins over TCP, and the database POSTGRES_DB; then `postgres [ARGS…]` as the postgres user.
set -euo pipefail
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }
if [[ "${1:-}" == postgres ]]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
    : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set for a new database cluster}"
    user=${POSTGRES_USER:-postgres}
    db=${POSTGRES_DB:-$user}
    password=$(mktemp)
    printf '%s' "$POSTGRES_PASSWORD" > "$password"
    chown postgres "$password"
    as_postgres initdb -D "$PGDATA" -U "$user" --pwfile="$password" --auth-local=trust --auth-host=scram-sha-256 > /dev/null
    rm -f "$password"
    echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
    echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
    if [[ "$db" != postgres ]]; then
      as_postgres postgres --single -D "$PGDATA" postgres <<< "CREATE DATABASE \"$db\" OWNER \"$user\";" > /dev/null
    fi
    echo "docker-entrypoint.sh: created database $db owned by $user in $PGDATA"
  fi
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$@"
fi
exec "$@"
