#!/usr/bin/env bash
# Local stand-ins for the base images our Dockerfiles and docker-compose.yml name by default, for a
# machine whose Docker engine cannot pull from a registry (CI here): built from Debian's packages and
# this build's Maven jars, with the contract of the official image each one replaces.
#
#   planwise-local/bookworm             Debian bookworm (debootstrap, minbase) with openjdk-17-jre-headless,
#                                       postgresql and curl: the JRE image for the query API
#   planwise-local/flink:2.2.0-java17   for flink:2.2.0-java17: Flink from the projection module's runtime jars
#                                       (Maven Central), the entrypoint's `jobmanager`, `taskmanager` and
#                                       any other command (`flink run …`), FLINK_PROPERTIES as config.yaml
#   planwise-local/postgres             for postgres:16 (Debian's PostgreSQL 15): POSTGRES_USER,
#                                       POSTGRES_PASSWORD, POSTGRES_DB and PGDATA on first start, then
#                                       the `postgres` command with its arguments
#
#   docker/local-images.sh              builds what is missing (the jars must be built: ./mvnw package)
#   eval "$(docker/local-images.sh env)"  prints the PLANWISE_*_IMAGE settings docker-compose.yml reads
#
# The Debian mirror is this machine's own, read from its apt sources at run time. Environment:
# DOCKER_HOST as for docker itself; LOCAL_IMAGES_WORK (scratch space, default target/local-images,
# removed afterwards).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bookworm=planwise-local/bookworm
flink=planwise-local/flink:2.2.0-java17
postgres=planwise-local/postgres

if [[ "${1:-}" == env ]]; then
  printf 'export PLANWISE_FLINK_IMAGE=%s PLANWISE_POSTGRES_IMAGE=%s PLANWISE_JRE_IMAGE=%s\n' "$flink" "$postgres" "$bookworm"
  exit 0
fi

work="${LOCAL_IMAGES_WORK:-$root/target/local-images}"
trap 'rm -rf "$work"' EXIT
have() { docker image inspect "$1" > /dev/null 2>&1; }

mirror() { # the first Debian bookworm mirror of this machine's apt sources (deb822 or one-line format)
  local url
  url=$(awk '/^URIs:/ {u = $2} /^Suites:/ && / bookworm( |$)/ && u {print u; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [[ -n "$url" ]] || url=$(awk '$1 == "deb" && $3 == "bookworm" {print $2; exit}' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
  [[ -n "$url" ]] || { echo "local-images.sh: no Debian bookworm mirror in /etc/apt/sources.list*" >&2; exit 1; }
  echo "$url"
}

if ! have "$bookworm"; then
  command -v debootstrap > /dev/null || { echo "local-images.sh: debootstrap is not installed (apt-get install debootstrap)" >&2; exit 1; }
  rm -rf "$work/rootfs" && mkdir -p "$work"
  echo "local-images.sh: debootstrap of Debian bookworm from $(mirror)"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,postgresql,curl,ca-certificates \
    bookworm "$work/rootfs" "$(mirror)" > "$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
  tar -C "$work/rootfs" -c . | docker import --change 'CMD ["bash"]' - "$bookworm" > /dev/null
  rm -rf "$work/rootfs"
fi

if ! have "$flink"; then
  context="$work/flink"
  rm -rf "$context" && mkdir -p "$context/lib"
  # Flink as the cluster script runs it: the projection module's runtime classpath, our own modules left out.
  (cd "$root" && ./mvnw -q -B dependency:copy-dependencies -pl jobs/projection -DincludeScope=runtime \
     -DexcludeGroupIds=io.planwise -DoutputDirectory="$context/lib")
  cp "$root/jobs/projection/scripts/flink-process.sh" "$root/jobs/flink-jvm.args" "$root"/docker/local-flink/* "$context/"
  docker build -q --network none --build-arg BASE="$bookworm" -t "$flink" "$context" > /dev/null
fi

if ! have "$postgres"; then
  docker build -q --network none --build-arg BASE="$bookworm" -t "$postgres" "$root/docker/local-postgres" > /dev/null
fi
echo "local-images.sh: $bookworm, $flink and $postgres are built"
