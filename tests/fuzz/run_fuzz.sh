#!/bin/sh
# Runs one libFuzzer target for a while on a fresh working copy of its seed corpus.
#   run_fuzz.sh FUZZER SEED_DIR WORK_DIR SECONDS [DICT]
# Exits non-zero on a crash, leak, sanitizer report or an input slower than 10 s; the
# input is then in WORK_DIR/artifacts/ (reproduce: FUZZER WORK_DIR/artifacts/<file>).
set -eu
fuzzer=$1 seeds=$2 work=$3 seconds=$4 dict=${5:-}
rm -rf "$work/corpus"
mkdir -p "$work/corpus" "$work/artifacts"
cp -R "$seeds/." "$work/corpus/"
set -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/"
if [ -n "$dict" ]; then set -- "$@" -dict="$dict"; fi
exec "$fuzzer" "$@" "$work/corpus"
