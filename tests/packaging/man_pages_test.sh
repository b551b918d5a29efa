#!/usr/bin/env bash
# The man pages render without a single groff warning (all warnings on, -ww), carry the project's version, and
# document every option the binaries' --help prints, every freshctl command, and every key
# of the example configuration in its section.
#   man_pages_test.sh SOURCE_DIR VERSION FRESHD FRESHCTL
set -euo pipefail
source_dir=$1 version=$2 freshd=$3 freshctl=$4
doc=$source_dir/doc
# shellcheck source=checks.sh
. "$(dirname "$0")/checks.sh"
export LC_ALL=C.UTF-8

# Plain text of a page: no bold or underline, ASCII hyphens, 80 columns.
render() { groff -man -Tascii -P-cbu -rLL=80n "$1" 2>/dev/null; }

for page in freshd.8 freshctl.1 freshd.toml.5; do
  file=$doc/$page
  if [ ! -s "$file" ]; then
    fail "$page is missing"
    continue
  fi
  warnings=$(groff -ww -man -Tutf8 -z "$file" 2>&1) || fail "groff exits non-zero on $page"
  [ -z "$warnings" ] || fail "groff warns about $page:"$'\n'"$warnings"
  # Non-ASCII characters are written as groff escapes (\[u00B7]), so any locale renders them.
  non_ascii=$(LC_ALL=C grep -n '[^[:print:][:space:]]' "$file" || true)
  [ -z "$non_ascii" ] || fail "$page has non-ASCII bytes:"$'\n'"$non_ascii"
  grep -q "^\.TH .* \"freshd $version\" " "$file" ||
    fail "$page: the .TH line does not name \"freshd $version\" (the project's version)"
done

# Every --option in a binary's usage appears in its page.
check_options() {
  local page=$1 usage=$2 text option
  text=$(render "$doc/$page")
  for option in $(grep -oE -- '--[a-z][a-z-]*' <<<"$usage" | sort -u); do
    grep -qF -- "$option" <<<"$text" || fail "$page does not document $option"
  done
}
check_options freshd.8 "$("$freshd" --help)"
check_options freshctl.1 "$("$freshctl" --help)"

# Every command of `freshctl --help` has its own entry (a tagged paragraph) in COMMANDS.
freshctl_text=$(render "$doc/freshctl.1")
commands=$("$freshctl" --help | sed -n '/^commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ -n "$commands" ] || fail "found no commands in freshctl --help"
for command in $commands; do
  grep -qE "^       $command( |$)" <<<"$freshctl_text" || fail "freshctl.1 has no entry for $command"
done

# Every key the configuration parser accepts (its per-section key lists in config/*.cpp)
# and every key of examples/freshd.toml (set or commented out) is an entry of its section
# in freshd.toml(5). Subtables ([vault.keys], [decay.classes], [[decay.rules]],
# [[owners.rules]]) are
# sections of the page; [decay.classes] holds class names, not keys.
config_keys() {
  python3 - "$source_dir/config" <<'PY'
import pathlib, re, sys
config = pathlib.Path(sys.argv[1])
text = "".join(p.read_text() for p in sorted(config.glob("*.cpp")))
keys = set()
for section, names in re.findall(r'section\(\*root,\s*"(\w+)",\s*\{([^}]*)\}', text):
    keys |= {(section, name) for name in re.findall(r'"(\w+)"', names)}
for names in re.findall(r'TableReader keys_reader\([^{]*\{([^}]*)\}', text):
    keys |= {("vault.keys", name) for name in re.findall(r'"(\w+)"', names)}
# Arrays of tables: reader.tables("rules", {...}) in the file of their section.
for file, section in (("config_decay.cpp", "decay"), ("config_rules.cpp", "owners")):
    for sub, names in re.findall(r'\.tables\("(\w+)",\s*\{([^}]*)\}', (config / file).read_text()):
        keys |= {(section + "." + sub, name) for name in re.findall(r'"(\w+)"', names)}
subtables = {("vault", "keys"), ("decay", "classes"), ("decay", "rules"), ("owners", "rules")}
for section, key in sorted(keys - subtables):
    print(section, key)
PY
  local section="" line
  while IFS= read -r line; do
    if [[ $line =~ ^\[+([a-z.]+)\]+ ]]; then
      section=${BASH_REMATCH[1]}
    elif [[ $section != decay.classes && $line =~ ^#?[[:space:]]*([a-z_]+)[[:space:]]*= ]]; then
      echo "$section ${BASH_REMATCH[1]}"
    fi
  done <"$source_dir/examples/freshd.toml"
}

toml_text=$(render "$doc/freshd.toml.5")
keys=$(config_keys | sort -u)
[ "$(wc -l <<<"$keys")" -ge 40 ] || fail "found only $(wc -l <<<"$keys") configuration keys"
for section in $(cut -d' ' -f1 <<<"$keys" | sort -u) decay.classes; do
  grep -qxE "\[?\[$section\]\]?" <<<"$toml_text" || fail "freshd.toml.5 has no section [$section]"
done
while read -r section key; do
  # The section's block of the rendered page: from its heading to the next heading.
  block=$(awk -v heading="$section" '
    /^[^ ]/ { inside = ($0 == "[" heading "]" || $0 == "[[" heading "]]"); next }
    inside' <<<"$toml_text")
  grep -qE "^       $key( |$)" <<<"$block" ||
    fail "freshd.toml.5 has no entry for $key in section [$section]"
done <<<"$keys"

finish
