#!/usr/bin/env bash
# What cron runs every night (see jobs/crontab.example):
#   - one run at a time: a second start while one runs exits at once with code 6;
#   - the as-of date defaults to yesterday in the configured time zone (pass --as-of to choose);
#   - one log file per run under $VARDAG_LOG_DIR (default <repo>/logs), named by date and start time;
#   - logs older than retention.days are removed (the run itself removes quarantine partitions
#     older than retention.days);
#   - the exit code is the launcher's (README: Exit codes), passed through unchanged; among them
#     7 = usage logs not fresh for the as-of date (yesterday's export has not arrived: nothing was
#     published, no report sent; the next night, or a rerun once the file is there, publishes it).
# Every argument is passed to 'jobs/vardag nightly', e.g.:
#   jobs/nightly.sh --config /etc/vardag/vardag.conf --input /data/vardag/in --output /data/vardag/out
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log_dir="${VARDAG_LOG_DIR:-$root/logs}"
mkdir -p "$log_dir"

exec 9>"$log_dir/.nightly.lock"
if ! flock -n 9; then
  echo "vardag nightly: another run is in progress (lock $log_dir/.nightly.lock is held); not starting a second one." >&2
  exit 6
fi

config_args=()
has_as_of=""
prev=""
for arg in "$@"; do
  if [ "$prev" = "--config" ]; then config_args=(--config "$arg"); fi
  case "$arg" in
    --config=*) config_args=("$arg") ;;
    --as-of|--as-of=*) has_as_of="yes" ;;
  esac
  prev="$arg"
done

settings="$("$root/jobs/vardag" config "${config_args[@]}" 2>&1)" || {
  echo "vardag nightly: the configuration is not usable:" >&2
  echo "$settings" >&2
  exit 2
}
timezone="$(printf '%s\n' "$settings" | awk -F' = ' '$1 == "timezone" {print $2}')"
retention="$(printf '%s\n' "$settings" | awk -F' = ' '$1 == "retention.days" {print $2}')"

as_of_args=()
if [ -z "$has_as_of" ]; then
  as_of_args=(--as-of "$(TZ="$timezone" date -d yesterday +%F)")
fi

log="$log_dir/nightly-$(TZ="$timezone" date +%F_%H%M%S).log"
{
  echo "vardag nightly: started $(date -u +%FT%TZ) on $(hostname) with: ${as_of_args[*]} $*"
} >>"$log"
"$root/jobs/vardag" nightly "${as_of_args[@]}" "$@" >>"$log" 2>&1
rc=$?
echo "vardag nightly: finished $(date -u +%FT%TZ) with exit code $rc" >>"$log"
if [ "$rc" -eq 7 ]; then
  echo "vardag nightly: exit code 7: the usage logs are not fresh for ${as_of_args[*]:-the given --as-of}; nothing was published (wait for the export, or rerun with the last covered date as --as-of)" >>"$log"
fi

find "$log_dir" -maxdepth 1 -name 'nightly-*.log' -mtime +"$retention" -delete 2>/dev/null || true
if [ "$rc" -ne 0 ]; then
  echo "vardag nightly: exit code $rc; see $log" >&2
fi
exit "$rc"
