#!/usr/bin/env bash
# Starts one Flink 2.2 process in the foreground, from plain Maven Central jars (no Flink distribution):
# the one place that knows how a JobManager, a TaskManager or Flink's command-line client is launched.
# Used by standalone-cluster.sh (processes on this machine) and by the local Flink image that the
# compose test builds (docker/local-images.sh), whose entrypoint runs it inside the container.
#
#   flink-process.sh jobmanager  CONF_DIR [-Dkey=value …]   the session cluster's JobManager
#   flink-process.sh taskmanager CONF_DIR [-Dkey=value …]   a TaskManager
#   flink-process.sh client      CONF_DIR ARGS…             Flink's CLI, e.g. `run -m host:8081 -d JAR …`
#
# Environment: FLINK_CLASSPATH (the jars, required), FLINK_JVM_ARGS (the java @argfile of Flink's
# Java 17 flags, default: the repository's jobs/flink-jvm.args), FLINK_LOG_FILE (default: standard
# output only), FLINK_TMP_DIR (java.io.tmpdir, default /tmp), TASKSET_CPU (pin the process to a core).
set -euo pipefail
role=${1:?jobmanager, taskmanager or client}
conf=${2:?the configuration directory}
shift 2
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
classpath=${FLINK_CLASSPATH:?FLINK_CLASSPATH must list the Flink jars}
jvm_args=${FLINK_JVM_ARGS:-$here/../../flink-jvm.args}
log=()
[[ -n "${FLINK_LOG_FILE:-}" ]] && log=(-Dlog.file="$FLINK_LOG_FILE")
[[ -f "$conf/log4j.properties" ]] && log+=(-Dlog4j.configurationFile="$conf/log4j.properties")
pin=()
[[ -n "${TASKSET_CPU:-}" ]] && pin=(taskset -c "$TASKSET_CPU")

# Memory flags and dynamic properties computed by Flink itself from the configuration, as its own
# start scripts do; dynamic properties given on the command line take part in the computation.
resource_params() { # GET_JM_RESOURCE_PARAMS | GET_TM_RESOURCE_PARAMS, then the -D arguments
  local kind=$1
  shift
  java -cp "$classpath" org.apache.flink.runtime.util.bash.BashJavaUtils "$kind" --configDir "$conf" "$@" 2>/dev/null \
    | grep '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://'
}

case "$role" in
  jobmanager) main=org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint kind=GET_JM_RESOURCE_PARAMS ;;
  taskmanager) main=org.apache.flink.runtime.taskexecutor.TaskManagerRunner kind=GET_TM_RESOURCE_PARAMS ;;
  client)
    export FLINK_CONF_DIR="$conf"
    exec java @"$jvm_args" "${log[@]}" -Djava.io.tmpdir="${FLINK_TMP_DIR:-/tmp}" -cp "$classpath" \
      org.apache.flink.client.cli.CliFrontend "$@"
    ;;
  *) echo "flink-process.sh: unknown role '$role' (jobmanager, taskmanager or client)" >&2; exit 2 ;;
esac
params="$(resource_params "$kind" "$@")"
[[ -n "$params" ]] || { echo "flink-process.sh: Flink could not compute the $role's memory from $conf/config.yaml" >&2; exit 1; }
jvm="$(sed -n 1p <<< "$params")"
dynamic="$(sed -n 2p <<< "$params")"
# shellcheck disable=SC2086 # the computed flags are space-separated on purpose
exec "${pin[@]}" java @"$jvm_args" $jvm "${log[@]}" -Djava.io.tmpdir="${FLINK_TMP_DIR:-/tmp}" \
  -cp "$classpath" "$main" --configDir "$conf" $dynamic "$@"
