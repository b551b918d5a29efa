#!/usr/bin/env bash
# `cpack -G DEB` makes a Debian package that installs a working freshd under /usr with its
# man pages, completions, units and example config, and whose Depends: line dpkg-shlibdeps
# filled from the binaries' libraries.
#   deb_test.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build=$1 source_dir=$2 version=$3
here=$(dirname "$0")
# shellcheck source=checks.sh
. "$here/checks.sh"
# shellcheck source=layout.sh
. "$here/layout.sh"

for tool in dpkg-shlibdeps dpkg-deb file; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/setup --test installs it)"
done
[ "$failures" = 0 ] || finish

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if ! (cd "$build" && cpack -G DEB -B "$out" --config "$build/CPackConfig.cmake") >"$out/cpack.log" 2>&1; then
  cat "$out/cpack.log" >&2
  fail "cpack -G DEB failed"
  finish
fi

arch=$(dpkg --print-architecture)
deb=$out/freshd_${version}-1_${arch}.deb
if [ ! -s "$deb" ]; then
  fail "no $(basename "$deb"); cpack made: $(cd "$out" && ls)"
  finish
fi

root=$out/root
dpkg-deb -x "$deb" "$root"
check_layout "$root/usr" /usr "$version" "$source_dir" .gz
expect_file "$root" usr/share/doc/freshd/copyright
zcat "$root/usr/share/man/man1/freshctl.1.gz" | grep -q '^\.TH FRESHCTL 1 ' ||
  fail "freshctl.1.gz is not the freshctl man page"

# The control file: fields as configured, dependencies as found by dpkg-shlibdeps.
info=$(dpkg-deb -I "$deb")
field() { sed -n "s/^ $1: //p" <<<"$info"; }
expect_equal "Package" freshd "$(field Package)"
expect_equal "Version" "$version-1" "$(field Version)"
expect_equal "Architecture" "$arch" "$(field Architecture)"
expect_equal "Section" utils "$(field Section)"
expect_equal "Maintainer" "freshd maintainers <freshd@localhost>" "$(field Maintainer)"
# The extended description: continuation lines (indented once more by dpkg-deb -I) of at
# most 80 columns.
long_lines=$(awk '/^  / && length > 81' <<<"$info")
[ -z "$long_lines" ] || fail "description lines longer than 80 columns:"$'\n'"$long_lines"
depends=$(field Depends)
for library in tzdata libyaml-0-2 libsqlite3 libxxhash libsimdjson libdate-tz libc6 libstdc++6; do
  grep -q "\b$library" <<<"$depends" || fail "Depends: does not name $library: '$depends'"
done

# Files belong to root, binaries are executable, and the md5sums match the contents.
listing=$(dpkg-deb -c "$deb")
not_root=$(awk '$2 != "root/root"' <<<"$listing")
[ -z "$not_root" ] || fail "files not owned by root/root:"$'\n'"$not_root"
grep -qE '^-rwxr-xr-x .* \./usr/bin/freshd$' <<<"$listing" || fail "usr/bin/freshd is not mode 0755"
dpkg-deb -e "$deb" "$out/control"
(cd "$root" && md5sum --quiet -c "$out/control/md5sums") || fail "md5sums do not match the files"

finish
