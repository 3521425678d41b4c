# zsh -f tests/shell/zsh_complete.zsh FPATH_DIR LINE...
# What zsh's completion system offers for each LINE followed by TAB: one output line per LINE,
# the candidates separated by spaces. Drives a real interactive zsh in a pseudo-terminal
# (zsh/zpty) with compinit and FPATH_DIR first on fpath; compadd is wrapped to print the matches
# it is given. After each TAB the line is killed (^U) and a marker printed, so each wait ends on
# the marker; every wait is bounded (60 s).
zmodload zsh/zpty || { print -u2 "zsh/zpty is missing"; exit 3 }
fdir=$1; shift
zpty z zsh -f -i
# Only the completion functions this needs: compinit reads every file on fpath.
zf=/usr/share/zsh/functions/Completion
zpty -w z "PS1='' PROMPT='' RPROMPT=''; fpath=($fdir $zf/Base $zf/Unix $zf/Zsh $zf); autoload -Uz compinit; compinit -u -D"
zpty -w z 'compadd() { local -a __m; builtin compadd -O __m "$@"; (( $#__m )) && print -rl -- "" "${(@)__m/#/<HIT>}" >&2; builtin compadd "$@"; }'
zpty -w z 'zstyle ":completion:*" menu no; exec 2>&1'

# Reads until $1 has arrived (at most 60 s: compinit is slow on a loaded machine); the text is
# in $got.
await() {
  got=""
  local chunk i
  for i in {1..1200}; do
    while zpty -r -t z chunk; do got+=$chunk; done
    [[ $got == *$1* ]] && return 0
    sleep 0.05
  done
  print -u2 "zsh_complete: timed out waiting for $1"
  exit 4
}
zpty -w z "print -r -- MA''RK0"
await MARK0
integer n=0
for line in "$@"; do
  (( ++n ))
  zpty -w -n z "$line"$'\t'
  zpty -w -n z $'\x15'   # ^U: kill the line
  zpty -w z "print -r -- MA''RK$n"
  await "MARK$n"
  local -a hits
  hits=(${(M)${(s: :)${got//$'\r'/ }//$'\n'/ }:#<HIT>*})
  print -r -- ${(u)hits#<HIT>}
done
zpty -d z
