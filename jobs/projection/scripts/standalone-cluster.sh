#!/usr/bin/env bash
# A real standalone Flink 2.2 session cluster on this machine, run from this build's jars (no Flink
# distribution needed): one JobManager and $TASK_MANAGERS TaskManager processes (default 2), each with
# $SLOTS slots (default 2).
#
#   standalone-cluster.sh start              start the cluster, wait until both task managers registered
#   standalone-cluster.sh submit JAR ARGS…   upload JAR through the REST API and run its main class with
#                                            ARGS at parallelism $PARALLELISM; prints the job id
#   standalone-cluster.sh wait JOB_ID        wait until the job is FINISHED (exit 1 if it failed)
#   standalone-cluster.sh stop               stop every process this script started
#
# Environment: TASK_MANAGERS, SLOTS (see above), TM_MEMORY (process size of each, default 1600m),
# WAIT_SECONDS (how long `wait` waits, default 300),
# PIN_TASK_MANAGERS (1: each task manager on a core of its own), CLUSTER_DIR (state, config, logs; default .planwise/cluster), REST_PORT (default 8081),
# PARALLELISM (default 4), CLUSTER_CLASSPATH (default: this build's shaded jar,
# jobs/projection/target/planwise.jar), ENTRY_CLASS (default io.planwise.cli.PlanwiseCli).
#
# The cluster's processes run from the same jar that is submitted, and its config makes Flink load
# classes from that classpath before each job's jar (classloader.resolve-order: parent-first): a
# session cluster that runs projection after projection loads and JIT-compiles the model and the
# Parquet writer once per task manager instead of once per job (Flink's "avoiding dynamic
# classloading for user code"). The price: the cluster runs the planwise classes it was started
# with, so restart it after a rebuild (`stop`, `start`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
dir="${CLUSTER_DIR:-$root/.planwise/cluster}"
port="${REST_PORT:-8081}"
rest="http://127.0.0.1:$port"
task_managers="${TASK_MANAGERS:-2}"
slots="${SLOTS:-2}"
tm_memory="${TM_MEMORY:-1600m}"

classpath() {
  local jar="$root/jobs/projection/target/planwise.jar"
  if [[ -n "${CLUSTER_CLASSPATH:-}" ]]; then
    echo "$CLUSTER_CLASSPATH"
  elif [[ -f "$jar" ]]; then
    echo "$jar"
  else
    echo "standalone-cluster.sh: $jar is missing; build it with ./mvnw package (or set CLUSTER_CLASSPATH)" >&2
    exit 1
  fi
}

write_config() {
  mkdir -p "$dir/conf" "$dir/tmp" "$dir/upload" "$dir/logs"
  cat > "$dir/conf/config.yaml" <<YAML
jobmanager:
  rpc: {address: localhost, port: $((port + 100))}
  bind-host: localhost
  memory: {process: {size: 1024m}}
taskmanager:
  host: localhost
  bind-host: localhost
  numberOfTaskSlots: $slots
  # No managed memory: planwise's jobs sort nothing and keep their state on the heap (JobGraphTest),
  # so Flink's default 40 % for managed memory would be memory the trial tasks cannot use.
  memory: {process: {size: $tm_memory}, network: {min: 256m, max: 256m}, managed: {fraction: 0.0}}
  # A projection job has many blocking result partitions per task; the default of 512 buffers
  # each would not fit two task managers of this size.
  network: {sort-shuffle: {min-buffers: 64}}
rest: {address: localhost, bind-address: localhost, port: $port}
parallelism: {default: ${PARALLELISM:-4}}
io: {tmp: {dirs: $dir/tmp}}
web: {upload: {dir: $dir/upload}, tmpdir: $dir/tmp}
metrics: {fetcher: {update-interval: 500}}
restart-strategy: {type: none}
# See the header: the job's libraries come from the cluster's classpath, compiled once per process.
classloader: {resolve-order: parent-first}
# Hadoop classes are on the classpath for Parquet only; Flink must not try to log in to Hadoop.
security:
  context: {factory: {classes: [org.apache.flink.runtime.security.contexts.NoOpSecurityContextFactory]}}
  module: {factory: {classes: [org.apache.flink.runtime.security.modules.JaasModuleFactory]}}
YAML
  cat > "$dir/conf/log4j.properties" <<'L4J'
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
appender.file.type = File
appender.file.name = file
appender.file.fileName = ${sys:log.file}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d{HH:mm:ss.SSS} %-5level %c{1} - %m%n
L4J
}

launch() { # name role [cpu]: one process of the cluster, started by the shared launcher
  local name=$1 role=$2
  FLINK_CLASSPATH="$(classpath)" FLINK_LOG_FILE="$dir/logs/$name.log" FLINK_TMP_DIR="$dir/tmp" TASKSET_CPU="${3:-}" \
    nohup "$here/flink-process.sh" "$role" "$dir/conf" > "$dir/logs/$name.out" 2>&1 &
  echo $! > "$dir/$name.pid"
}

# Only curl, grep and sed: the REST answers are small JSON objects with the fields we need at top level.
json_string() { # field; prints the first "field":"value" of stdin
  grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | sed "s/^\"$1\":\"//; s/\"$//"
}

json_number() { # field; prints the first "field":number of stdin
  grep -o "\"$1\":[0-9]*" | head -n 1 | sed "s/^\"$1\"://"
}

json_array() { # strings -> ["a","b"] with quotes and backslashes escaped
  local out="" arg
  for arg in "$@"; do
    arg=${arg//\\/\\\\}
    arg=${arg//\"/\\\"}
    out+="${out:+,}\"$arg\""
  done
  printf '[%s]' "$out"
}

case "${1:-}" in
  start)
    write_config
    classpath > /dev/null
    launch jobmanager jobmanager
    for i in $(seq 1 "$task_managers"); do
      cpu=""
      # PIN_TASK_MANAGERS=1: task manager i runs on core i-1 only, like a machine of its own (its GC
      # and JIT threads included), so one task manager cannot borrow the idle core of another.
      [[ "${PIN_TASK_MANAGERS:-0}" == 1 ]] && cpu=$(( (i - 1) % $(nproc) ))
      launch "taskmanager-$i" taskmanager "$cpu"
    done
    for _ in $(seq 1 120); do
      tms=$(curl -sf "$rest/overview" 2>/dev/null | json_number taskmanagers || true)
      if [[ "$tms" == "$task_managers" ]]; then
        echo "Flink cluster up: dashboard $rest, $task_managers task managers of $slots slots, logs in $dir/logs"
        exit 0
      fi
      sleep 1
    done
    echo "the cluster did not come up within 120 s; see $dir/logs" >&2
    exit 1
    ;;
  submit)
    jar=$2; shift 2
    jar_id=$(curl -sf -X POST -F "jarfile=@$jar" "$rest/jars/upload" | json_string filename | sed 's|.*/||')
    [[ -n "$jar_id" ]] || { echo "uploading $jar to $rest failed" >&2; exit 1; }
    body="{\"entryClass\":\"${ENTRY_CLASS:-io.planwise.cli.PlanwiseCli}\",\"parallelism\":${PARALLELISM:-4},\"programArgsList\":$(json_array "$@")}"
    answer=$(curl -s -X POST -H 'Content-Type: application/json' -d "$body" "$rest/jars/$jar_id/run")
    job=$(json_string jobid <<< "$answer")
    [[ -n "$job" ]] || { echo "running $jar failed: $answer" >&2; exit 1; }
    echo "$job"
    ;;
  wait)
    limit=${WAIT_SECONDS:-300}
    for _ in $(seq 1 $((limit * 2))); do
      state=$(curl -sf "$rest/jobs/$2" | json_string state)
      case "$state" in
        FINISHED) echo FINISHED; exit 0 ;;
        FAILED|CANCELED) echo "$state" >&2; curl -sf "$rest/jobs/$2/exceptions" >&2 || true; exit 1 ;;
      esac
      sleep 0.5
    done
    echo "job $2 did not finish within $limit s" >&2
    exit 1
    ;;
  stop)
    for f in "$dir"/*.pid; do
      [[ -e "$f" ]] || continue
      pid=$(cat "$f")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$f"
    done
    echo "Flink cluster stopped"
    ;;
  *)
    sed -n '2,18p' "$0"
    exit 2
    ;;
esac
