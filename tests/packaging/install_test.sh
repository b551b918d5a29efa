#!/usr/bin/env bash
# `cmake --install BUILD --prefix P` puts everything under P, where it belongs: binaries in
# P/bin, man pages in P/share/man/man{1,5,8}, completions, units starting P/bin/freshd.
#   install_test.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build=$1 source_dir=$2 version=$3
here=$(dirname "$0")
# shellcheck source=checks.sh
. "$here/checks.sh"
# shellcheck source=layout.sh
. "$here/layout.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
prefix=$scratch/prefix
if ! cmake --install "$build" --prefix "$prefix" >"$scratch/install.log" 2>&1; then
  cat "$scratch/install.log" >&2
  fail "cmake --install failed"
  finish
fi
check_layout "$prefix" "$prefix" "$version" "$source_dir"

# Nothing went anywhere but the prefix.
outside=$(grep -v "^$prefix/" "$build/install_manifest.txt" || true)
[ -z "$outside" ] || fail "installed outside the prefix:"$'\n'"$outside"

finish
