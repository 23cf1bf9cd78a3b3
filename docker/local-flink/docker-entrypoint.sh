#!/usr/bin/env bash
# The official flink image's entrypoint contract, as much of it as docker-compose.yml uses:
# FLINK_PROPERTIES becomes conf/config.yaml; `jobmanager` and `taskmanager` (with -Dkey=value
# arguments) start that process in the foreground; any other command runs as given, `flink` on PATH.
set -euo pipefail
printf '%s\n' "${FLINK_PROPERTIES:-}" > /opt/flink/conf/config.yaml
case "${1:-help}" in
  jobmanager | taskmanager)
    role=$1
    shift
    exec /opt/flink/bin/flink-process.sh "$role" /opt/flink/conf "$@"
    ;;
  help)
    echo "usage: jobmanager [-Dkey=value …] | taskmanager [-Dkey=value …] | COMMAND [ARGS…]"
    ;;
  *) exec "$@" ;;
esac
