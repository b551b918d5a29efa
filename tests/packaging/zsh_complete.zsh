# Prints, one a line and sorted, the candidates zsh's completion system offers for the end
# of a command line, using the completion functions in a folder:
#   zsh zsh_complete.zsh COMPLETIONS_DIR 'freshctl list --st'
# An interactive zsh runs in a pseudo-terminal; compadd is wrapped to print each candidate
# after a \x01, and a post-completion hook prints \x03 once the completion is over.
zmodload zsh/zpty || exit 1
completions=$1 line=$2

zpty shell zsh -f -i
# Control characters typed into the terminal would be editing keys, so the shell is sent
# their $'\xNN' spelling.
zpty -w shell "PS1='' PROMPT_EOL_MARK=''; unsetopt beep; unset zle_bracketed_paste"
zpty -w shell "fpath=(${(q)completions} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w shell 'compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-[ODA]* ]]; then builtin compadd "$@"; return; fi
  local -a hits; builtin compadd -A hits "$@"
  local hit; for hit in $hits; do print -rn -- $'"'"'\x01'"'"'$hit >/dev/tty; done
  builtin compadd "$@"
}'
zpty -w shell '__done() { print -rn -- $'"'"'\x03'"'"' >/dev/tty; }'
zpty -w shell '__complete() { comppostfuncs=(__done); zle complete-word; }'
zpty -w shell 'zle -N __complete; bindkey "^I" __complete; zstyle ":completion:*" menu no'
zpty -w shell 'print -rn -- $'"'"'\x02'"'"
zpty -r shell ignored $'*\x02'
zpty -n -w shell "$line"$'\t'
zpty -r shell output $'*\x03'
zpty -d shell
output=${output%$'\x03'}
local -a candidates=(${(ps:\x01:)output})
shift candidates  # what came before the first candidate
(( $#candidates )) && print -rl -- ${candidates%%[[:cntrl:]]*} | sort -u
return 0
