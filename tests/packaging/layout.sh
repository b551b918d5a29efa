# Shared by the install and package tests: what an installed tree must hold.

# check_layout ROOT PREFIX_IN_UNITS VERSION SOURCE_DIR [MAN_SUFFIX]: ROOT is the installed
# prefix (bin/, share/, lib/ inside), PREFIX_IN_UNITS the prefix the units must start
# freshd from, MAN_SUFFIX ".gz" when the man pages are compressed.
check_layout() {
  local root=$1 unit_prefix=$2 version=$3 source_dir=$4 man=${5:-}
  expect_file "$root" bin/freshd bin/freshctl \
    "share/man/man1/freshctl.1$man" "share/man/man5/freshd.toml.5$man" "share/man/man8/freshd.8$man" \
    share/bash-completion/completions/freshctl share/bash-completion/completions/freshd \
    share/zsh/vendor-completions/_freshctl share/doc/freshd/freshd.toml.example
  [ -x "$root/bin/freshd" ] && expect_equal "freshd --version" "freshd $version" "$("$root/bin/freshd" --version)"
  [ -x "$root/bin/freshctl" ] && expect_equal "freshctl --version" "freshctl $version" "$("$root/bin/freshctl" --version)"
  # The units belong to another part of the tree; checked once it has them.
  [ -d "$source_dir/config/systemd" ] || return 0
  local user_unit=share/systemd/user/freshd.service
  [ -e "$root/$user_unit" ] || user_unit=lib/systemd/user/freshd.service
  local unit
  for unit in "$user_unit" lib/systemd/system/freshd.service lib/systemd/system/freshd@.service; do
    if [ ! -s "$root/$unit" ]; then
      fail "$unit is missing under $root"
      continue
    fi
    grep -q "^ExecStart=$unit_prefix/bin/freshd " "$root/$unit" ||
      fail "$unit does not start $unit_prefix/bin/freshd: $(grep '^ExecStart=' "$root/$unit")"
  done
}
