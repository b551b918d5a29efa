#!/usr/bin/env bash
# Checks the systemd units in config/systemd against systemd itself and against the
# freshd/freshctl command lines:
#   - each unit, with @BINDIR@ pointing at the build's binaries, passes
#     `systemd-analyze verify` without a word about it (the template through an
#     instance, freshd@example.service: verify skips a bare template silently);
#   - a copy with a typo'd directive and one naming a missing binary are reported, so a
#     clean verify means something on this machine;
#   - the ExecStart= and ExecReload= command lines are accepted by freshd and freshctl;
#   - the sandboxed system and template units fail no check of `systemd-analyze security
#     --offline=yes` beyond the accepted ones listed below (exposure 1.1 when written; the
#     user unit has no file-system sandbox on purpose, see its comments).
# No systemd needs to run: verify and security --offline load the units into a test-mode
# manager. The user manager needs a runtime directory, so XDG_RUNTIME_DIR is a temp dir.
#
# usage: systemd_units_test.sh UNIT_SOURCE_DIR FRESHD FRESHCTL
set -uo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 UNIT_SOURCE_DIR FRESHD FRESHCTL" >&2
  exit 2
fi
src_dir=$1
# Absolute: systemd refuses a relative ExecStart= path.
bindir=$(cd "$(dirname "$2")" && pwd) || exit 1
if [ "$(cd "$(dirname "$3")" && pwd)" != "$bindir" ]; then
  echo "FAIL: freshd ($2) and freshctl ($3) must be in one directory: the units use one @BINDIR@" >&2
  exit 1
fi
if ! command -v systemd-analyze >/dev/null; then
  echo "FAIL: systemd-analyze is missing; install the systemd package (scripts/setup --test)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/system" "$work/user" "$work/bad" "$work/runtime"
chmod 700 "$work/runtime"

# Pinned so that a caller's environment cannot hide the warnings: a higher level would
# drop them, and under systemd the default target could send them to the journal.
export SYSTEMD_LOG_LEVEL=info SYSTEMD_LOG_TARGET=console SYSTEMD_LOG_COLOR=0
export XDG_RUNTIME_DIR="$work/runtime"

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
# "system/freshd.service": the user and the system unit share a file name.
label() { echo "$(basename "$(dirname "$1")")/$(basename "$1")"; }

# render SOURCE DEST: what configure_file(@ONLY) does at install time, with the build's
# bin directory; any other @NAME@ would be emptied by configure_file, so none may exist.
render() {
  sed "s|@BINDIR@|$bindir|g" "$1" >"$2"
  if grep -n '@[A-Za-z_][A-Za-z_0-9]*@' "$2"; then
    fail "$(basename "$1") has a placeholder other than @BINDIR@"
  fi
}

# verify_output SCOPE FILE: prints every line systemd-analyze verify writes about FILE
# (by its unit name or path) and returns non-zero when there is one or verify failed.
# Lines about other units of this machine (pulled in as dependencies) are ignored.
verify_output() {
  local scope=$1 file=$2 out rc
  # --man=no: verify would otherwise look up Documentation= man pages on this machine.
  out=$(systemd-analyze "$scope" verify --man=no "$file" 2>&1)
  rc=$?
  local ours
  ours=$(grep -F -e "$(basename "$file")" -e "$file" <<<"$out")
  [ -n "$ours" ] && echo "$ours"
  [ $rc -eq 0 ] && [ -z "$ours" ]
}

check_clean() {
  local scope=$1 file=$2 report
  if report=$(verify_output "$scope" "$file"); then
    pass "systemd-analyze $scope verify $(label "$file")"
  else
    fail "systemd-analyze $scope verify $(label "$file") reports:"
    echo "$report" | sed 's/^/    /'
  fi
}

# check_flagged WHAT FILE EXPECTED: verify must report FILE, with a line naming EXPECTED.
check_flagged() {
  local what=$1 file=$2 expected=$3 report
  if report=$(verify_output --system "$file"); then
    fail "a unit with $what passes verify here: a clean verify proves nothing"
  elif ! grep -q -F "$expected" <<<"$report"; then
    fail "a unit with $what is reported, but not for '$expected':"
    echo "$report" | sed 's/^/    /'
  else
    pass "a unit with $what is reported: $(grep -m 1 -F "$expected" <<<"$report")"
  fi
}

# check_command_line UNIT KEY BINARY: the KEY= command line with specifiers replaced by a
# dummy word must parse; --help makes both programs stop after parsing their arguments.
check_command_line() {
  local unit=$1 key=$2 binary=$3 line
  line=$(grep -m 1 "^$key=" "$unit" | cut -d= -f2- | sed 's/%[a-zA-Z]/x/g')
  if [ -z "$line" ]; then
    fail "$(label "$unit") has no $key="
    return
  fi
  read -r -a argv <<<"$line"
  if [ "${argv[0]}" != "$bindir/$binary" ]; then
    fail "$(label "$unit") $key= runs ${argv[0]}, not @BINDIR@/$binary"
  elif out=$("${argv[@]}" --help 2>&1 >/dev/null); then
    pass "$(label "$unit") $key= arguments are accepted by $binary"
  else
    fail "$(label "$unit") $key= is rejected by $binary: $out"
  fi
}

# The checks of `systemd-analyze security` the sandboxed units fail on purpose; any other
# failed check is a setting lost from the sandbox.
#   RootDirectory=/RootImage=  freshd runs the host's binaries and reads the host's tzdata
#   RestrictAddressFamilies=~AF_UNIX  the control socket, sd_notify and the journal
#   ProtectHome=               read-only, not off: vaults often live in home directories
#   ProcSubset=, PrivateNetwork=, IPAddressDeny=  left to the reminder hook, which may run
#                              any program; its network takes one drop-in line to enable
#   PrivateUsers=              the vault's owners would all appear as nobody
#   DeviceAllow=               char-rtc read access, implied by ProtectClock=
#   UMask=                     reports and the inbox note are read by the vault's users
accepted=(RootDirectory=/RootImage= RestrictAddressFamilies=~AF_UNIX ProtectHome=
          ProcSubset= PrivateNetwork= IPAddressDeny= PrivateUsers= DeviceAllow= UMask=)

is_accepted() {
  local name
  for name in "${accepted[@]}"; do [ "$name" = "$1" ] && return 0; done
  return 1
}

# unaccepted_exposures FILE: prints the failed security checks of FILE that are not
# accepted; returns non-zero when the assessment itself fails or lists no check at all.
unaccepted_exposures() {
  local out failed name
  out=$(systemd-analyze security --offline=yes "$1" 2>&1) || { echo "$out"; return 1; }
  failed=$(sed -n 's/^✗ \([^ ]*\).*/\1/p' <<<"$out")
  [ -n "$failed" ] || { echo "no failed check listed; the output changed format"; return 1; }
  for name in $failed; do is_accepted "$name" || echo "$name"; done
}

check_exposure() {
  local file=$1 extra
  if ! extra=$(unaccepted_exposures "$file"); then
    fail "systemd-analyze security --offline=yes $(label "$file"): $extra"
  elif [ -n "$extra" ]; then
    fail "$(label "$file") lost sandbox settings; failed checks:" $extra
  else
    pass "$(label "$file") fails only the accepted security checks"
  fi
}

render "$src_dir/freshd.service" "$work/user/freshd.service"
render "$src_dir/freshd-system.service" "$work/system/freshd.service"
render "$src_dir/freshd@.service" "$work/system/freshd@example.service"

check_clean --user "$work/user/freshd.service"
check_clean --system "$work/system/freshd.service"
check_clean --system "$work/system/freshd@example.service"

sed 's/^WatchdogSec=/WatchdgSec=/' "$work/system/freshd.service" >"$work/bad/freshd.service"
check_flagged "a typo'd directive" "$work/bad/freshd.service" "WatchdgSec"
sed "s|^ExecStart=$bindir/freshd |ExecStart=$bindir/freshd-missing |" \
  "$work/system/freshd.service" >"$work/bad/freshd.service"
check_flagged "a missing ExecStart= binary" "$work/bad/freshd.service" "freshd-missing"

for unit in "$work/user/freshd.service" "$work/system/freshd.service" \
            "$work/system/freshd@example.service"; do
  check_command_line "$unit" ExecStart freshd
  check_command_line "$unit" ExecReload freshctl
done

check_exposure "$work/system/freshd.service"
check_exposure "$work/system/freshd@example.service"
grep -v '^SystemCallFilter=' "$work/system/freshd.service" >"$work/bad/freshd.service"
if extra=$(unaccepted_exposures "$work/bad/freshd.service") && [ -n "$extra" ]; then
  pass "a unit without SystemCallFilter= is reported: failed checks" $extra
else
  fail "a unit without SystemCallFilter= passes the security check: it proves nothing"
fi

if [ $failures -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
