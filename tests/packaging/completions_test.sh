#!/usr/bin/env bash
# The shell completions parse (bash -n, zsh -n), and both complete commands, options per
# command, option values, and note paths and owners from a real index, staying silent
# when there is no index.
#   completions_test.sh COMPLETIONS_DIR BIN_DIR
set -euo pipefail
completions=$1 bin_dir=$2
# shellcheck source=checks.sh
. "$(dirname "$0")/checks.sh"

bash -n "$completions/freshctl.bash" || fail "bash -n rejects freshctl.bash"
have_zsh=0
if command -v zsh >/dev/null; then
  have_zsh=1
  zsh -n "$completions/_freshctl" || fail "zsh -n rejects _freshctl"
else
  fail "zsh is not installed (scripts/setup --test installs it)"
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The completion runs the freshctl under test, never a daemon or a config of this machine.
export PATH="$bin_dir:$PATH"
export XDG_CONFIG_HOME=$scratch/config XDG_RUNTIME_DIR=$scratch/run XDG_STATE_HOME=$scratch/state
mkdir -p "$scratch/run"

# shellcheck source=../../completions/freshctl.bash
. "$completions/freshctl.bash"

# complete WORD...: runs the completion function of the first word for the last word, as
# bash does, and prints the candidates one a line, sorted.
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  local function=_freshctl
  [ "$1" = freshd ] && function=_freshd
  "$function" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  if [ ${#COMPREPLY[@]} -gt 0 ]; then printf '%s\n' "${COMPREPLY[@]}" | sort; fi
}

# The same in zsh, through its completion system in a pseudo-terminal. Words are joined
# with spaces (a word holding a space is not supported here).
zsh_complete_words() {
  timeout 30 zsh "$(dirname "$0")/zsh_complete.zsh" "$completions" "$*" ||
    echo "(zsh completion failed or hung)"
}

# expect_completion "EXPECTED (one a line)" WORD...: the same candidates, shell-quoted, in
# bash and in zsh.
expect_completion() {
  local expected=$1 actual
  shift
  actual=$(complete_words "$@" 2>&1)
  [ "$actual" = "$expected" ] || fail "bash, completing '$*': expected [${expected//$'\n'/ }], got [${actual//$'\n'/ }]"
  [ "$have_zsh" = 1 ] || return 0
  actual=$(zsh_complete_words "$@" 2>&1)
  [ "$actual" = "$expected" ] || fail "zsh, completing '$*': expected [${expected//$'\n'/ }], got [${actual//$'\n'/ }]"
}

expect_completion "list" freshctl li
expect_completion "--stale" freshctl list --st
expect_completion "recheck"$'\n'"reload"$'\n'"report" freshctl re
expect_completion "show"$'\n'"snooze"$'\n'"status" freshctl s
expect_completion "--config" freshctl --con
expect_completion "--report" freshctl recheck --rep
expect_completion "--dry-run" freshctl validate --d
expect_completion "unchanged"$'\n'"updated" freshctl validate x.md --outcome ""
expect_completion "html" freshctl report --format h
expect_completion "--since" freshctl timeline --s
expect_completion "2w" freshctl list --due-within 2
expect_completion "timeline" freshctl --config some.toml --json ti
expect_completion "" freshctl reload --st
expect_completion "unsnooze" freshctl un
expect_completion "--all" freshctl unsnooze --a
expect_completion "2w" freshctl snooze --all 2
expect_completion "--once" freshd --on
expect_completion "debug" freshd --log-level d
expect_completion "--log-level" freshd --once --log

# Note paths and owners come from the index, through the global options typed before the
# command; no index means no candidates and no noise.
vault=$scratch/vault
mkdir -p "$vault/ai" "$vault/infra"
printf -- '---\ndate: 2026-01-05\nowner: maria\n---\n# Agents\n' >"$vault/ai/agents.md"
printf -- '---\ndate: 2026-02-01\n---\n# Scaling\n' >"$vault/ai/scaling laws.md"
printf -- '---\ndate: 2026-03-01\nowner: dmitri\n---\n# DNS\n' >"$vault/infra/dns.md"
expect_completion "" freshctl --vault "$vault" --state-dir "$scratch/none" show a
freshd --vault "$vault" --state-dir "$scratch/index" --once 2>"$scratch/freshd.log" ||
  fail "freshd --once failed: $(cat "$scratch/freshd.log")"
index=(--vault "$vault" --state-dir "$scratch/index")
expect_completion "ai/agents.md"$'\n''ai/scaling\ laws.md' freshctl "${index[@]}" show ai/
expect_completion "infra/dns.md" freshctl "${index[@]}" validate ai/agents.md in
expect_completion "ai/agents.md" freshctl "${index[@]}" snooze ai/a
expect_completion "2w" freshctl "${index[@]}" snooze ai/agents.md 2
expect_completion "" freshctl "${index[@]}" show ai/agents.md ai/
expect_completion "dmitri"$'\n'"maria" freshctl "${index[@]}" list --owner ""
expect_completion "infra/dns.md" freshctl "${index[@]}" timeline --since 2w i
expect_completion 'ai/scaling\ laws.md' freshctl "${index[@]}" show 'ai/scaling\ l'
# A "~" the shell has not expanded yet, in the global options typed before the command.
HOME=$scratch expect_completion "infra/dns.md" freshctl --vault '~/vault' --state-dir '~/index' show in

finish
