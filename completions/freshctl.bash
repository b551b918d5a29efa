# bash completion for freshctl and freshd.
# Installed as bash-completion/completions/freshctl and, for the loader that looks a
# command's completion up by its name, as .../completions/freshd too.

_freshctl_commands="status recheck list show timeline validate snooze unsnooze report reload"
_freshctl_durations="7d 14d 30d 2w 1m 3m 6m 1y"

# Global options taking a value, with the options each command accepts.
_freshctl_global_valued="--config --vault --state-dir"
_freshctl_command_options() {
  case $1 in
    recheck) echo "--report" ;;
    list) echo "--stale --due-within --undated --all --owner" ;;
    timeline) echo "--since" ;;
    validate) echo "--on --outcome --dry-run" ;;
    snooze | unsnooze) echo "--all" ;;
    report) echo "--format --out" ;;
  esac
  echo "--json --help"
}

# Prints one field ("path" or "owner") of every note in `freshctl --json list`, one a line.
# Arguments: the field, then the global options typed so far (so the same vault is asked).
# Silent and empty when there is no index or no freshctl.
_freshctl_note_field() {
  local field=$1
  shift
  local json
  json=$(command freshctl "$@" --json list 2>/dev/null </dev/null) || return 0
  if command -v python3 >/dev/null 2>&1; then
    printf '%s' "$json" | python3 -c '
import json, sys
try:
    notes = json.load(sys.stdin).get("notes", [])
except ValueError:
    notes = []
for value in sorted({n.get(sys.argv[1]) or "" for n in notes} - {""}):
    print(value)' "$field" 2>/dev/null
  else
    # The notes are pretty-printed three levels deep: their own fields have six spaces.
    printf '%s\n' "$json" | sed -n "s/^      \"$field\": \"\\(.*\\)\",\\{0,1\\}\$/\\1/p" | sort -u
  fi
}

# Adds the lines of standard input that start with `cur` (as typed, backslashes dropped)
# to COMPREPLY, shell-quoted.
_freshctl_add_matching() {
  local cur=${1//\\/} line
  while IFS= read -r line; do
    [[ $line == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$line")")
  done
  return 0
}

# Completes the value of an option both programs take (--config FILE, --vault DIR,
# --state-dir DIR) into COMPREPLY; fails when `prev` is not one of them.
_freshd_common_value() {
  local prev=$1 cur=$2
  case $prev in
    --config) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")) ;;
    --vault | --state-dir) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")) ;;
    *) return 1 ;;
  esac
}

_freshctl() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local prev=""
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  COMPREPLY=()

  # Find the command and the global options before it.
  local i word command="" command_at=0
  local -a global=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ -n $command ]]; then continue; fi
    case $word in
      --config | --vault | --state-dir)
        # The shell has not expanded a "~" in the word being typed yet.
        global+=("$word" "${COMP_WORDS[i + 1]/#\~/$HOME}")
        i=$((i + 1))
        ;;
      -*) ;;
      *) command=$word command_at=$i ;;
    esac
  done

  # Values of options.
  _freshd_common_value "$prev" "$cur" && return 0
  case $prev in
    --out)
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -f -- "$cur") $(compgen -W "-" -- "$cur"))
      return 0
      ;;
    --format)
      COMPREPLY=($(compgen -W "md html json" -- "$cur"))
      return 0
      ;;
    --outcome)
      COMPREPLY=($(compgen -W "unchanged updated" -- "$cur"))
      return 0
      ;;
    --due-within | --since)
      COMPREPLY=($(compgen -W "$_freshctl_durations" -- "$cur"))
      return 0
      ;;
    --on)
      COMPREPLY=($(compgen -W "$(date +%F)" -- "$cur"))
      return 0
      ;;
    --owner)
      _freshctl_add_matching "$cur" < <(_freshctl_note_field owner "${global[@]}")
      return 0
      ;;
  esac

  if [[ -z $command ]]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "$_freshctl_global_valued --json --help --version" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$_freshctl_commands" -- "$cur"))
    fi
    return 0
  fi

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_freshctl_command_options "$command")" -- "$cur"))
    return 0
  fi

  # Positional arguments: count those before the cursor, skipping option values.
  local positional=0 all=0
  for ((i = command_at + 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      --due-within | --owner | --since | --on | --outcome | --format | --out) i=$((i + 1)) ;;
      --all) all=1 ;;
      -*) ;;
      *) positional=$((positional + 1)) ;;
    esac
  done
  case $command in
    show | timeline)
      ((positional == 0)) &&
        _freshctl_add_matching "$cur" < <(_freshctl_note_field path "${global[@]}")
      ;;
    validate)
      _freshctl_add_matching "$cur" < <(_freshctl_note_field path "${global[@]}")
      ;;
    unsnooze)
      ((positional == 0 && all == 0)) &&
        _freshctl_add_matching "$cur" < <(_freshctl_note_field path "${global[@]}")
      ;;
    snooze)
      if ((all == 1)); then
        ((positional == 0)) && COMPREPLY=($(compgen -W "$_freshctl_durations" -- "$cur"))
      elif ((positional == 0)); then
        _freshctl_add_matching "$cur" < <(_freshctl_note_field path "${global[@]}")
      elif ((positional == 1)); then
        COMPREPLY=($(compgen -W "$_freshctl_durations" -- "$cur"))
      fi
      ;;
    recheck)
      # Paths in the index, or any file (a new note is not indexed yet).
      _freshctl_add_matching "$cur" < <(_freshctl_note_field path "${global[@]}")
      if ((${#COMPREPLY[@]} == 0)); then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
      fi
      ;;
  esac
  return 0
}

_freshd() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local prev=""
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  COMPREPLY=()
  _freshd_common_value "$prev" "$cur" && return 0
  case $prev in
    --log-level)
      COMPREPLY=($(compgen -W "error warning info debug" -- "$cur"))
      return 0
      ;;
  esac
  COMPREPLY=($(compgen -W "--config --vault --state-dir --once --report --log-level --help --version" -- "$cur"))
  return 0
}

complete -F _freshctl freshctl
complete -F _freshd freshd
