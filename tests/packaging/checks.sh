# Shared by the packaging tests: record failures, keep going, report them all at the end.
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect_file ROOT RELATIVE...: each file exists under ROOT and is not empty.
expect_file() {
  local root=$1 path
  shift
  for path in "$@"; do
    [ -s "$root/$path" ] || fail "$path is missing under $root"
  done
}

# expect_equal WHAT EXPECTED ACTUAL
expect_equal() {
  [ "$2" = "$3" ] || fail "$1: expected '$2', got '$3'"
}

# Exits with the outcome; call last.
finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
}
