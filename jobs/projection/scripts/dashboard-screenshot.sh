#!/usr/bin/env bash
# Saves a screenshot of the Flink dashboard while a projection runs on the standalone cluster:
#
#   jobs/projection/scripts/dashboard-screenshot.sh [OUT.png]      (default .planwise/dashboard.png)
#
# Needs Debian's headless Chromium (apt-get install chromium). Starts the cluster of
# standalone-cluster.sh, submits a 200,000-employee projection, shoots the job's page once its years
# are running, waits for the job, and stops the cluster again.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$(realpath -m "${1:-$root/.planwise/dashboard.png}")"
export CLUSTER_DIR="${CLUSTER_DIR:-$root/.planwise/screenshot-cluster}" REST_PORT="${REST_PORT:-8081}"
cluster="$here/standalone-cluster.sh"
browser="$(command -v chromium || command -v chromium-browser || true)"
[[ -n "$browser" ]] || { echo "headless Chromium is needed: apt-get install chromium" >&2; exit 1; }

jar="$root/jobs/projection/target/planwise.jar"
[[ -f "$jar" ]] || (cd "$root" && ./mvnw -q -B -Dmaven.test.skip=true -pl jobs/projection -am package)
census="$CLUSTER_DIR/census.csv"
mkdir -p "$CLUSTER_DIR"
[[ -f "$census" ]] || "$root/planwise" generate-census --employees 200000 --seed 7 --out "$census"

trap '"$cluster" stop >/dev/null' EXIT
"$cluster" start
job=$("$cluster" submit "$jar" project --census "$census" --warehouse "$CLUSTER_DIR/warehouse" --scenario dashboard \
  --end-year 2029)
sleep "${SHOT_AFTER_SECONDS:-25}"
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --hide-scrollbars \
  --window-size=1600,1000 --virtual-time-budget=5000 --screenshot="$out" \
  "http://127.0.0.1:$REST_PORT/#/job/running/$job/overview" >/dev/null 2>&1
"$cluster" wait "$job"
echo "dashboard screenshot: $out"
