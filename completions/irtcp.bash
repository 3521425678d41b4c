# bash completion for irtcp (and the kubectl plugin kubectl-irtcp)
_irtcp() {
  local cur prev sub
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  sub="${COMP_WORDS[1]}"
  local common="--output --color --fail-on --namespace --stdin-filename --max-file-size --verbose --jobs --traefik-config --default-rule-syntax --help"
  local provider="--allow-cross-namespace --allow-external-name-services --allow-empty-services --native-lb-by-default --disable-cluster-scope-resources --cross-provider-namespaces --watch-namespace --label-selector --ingress-class"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "validate render resolve serve help --help --version" -- "$cur"))
    return
  fi
  case "$prev" in
    -o|--output)
      case "$sub" in
        validate) COMPREPLY=($(compgen -W "text json sarif github junit" -- "$cur")) ;;
        render) COMPREPLY=($(compgen -W "yaml json toml" -- "$cur")) ;;
        resolve) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
        serve) COMPREPLY=($(compgen -W "text json junit" -- "$cur")) ;;
      esac
      return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --fail-on) COMPREPLY=($(compgen -W "error warning info never" -- "$cur")); return ;;
    --default-rule-syntax) COMPREPLY=($(compgen -W "v3 v2" -- "$cur")); return ;;
    --log-format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
    --crd|--traefik-config|--config|--baseline|--write-baseline|--context-path|--output-file|--backends|--ready-file|--check|--access-log) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [ "$sub" = help ]; then
    COMPREPLY=($(compgen -W "validate render resolve serve" -- "$cur"))
    return
  fi
  if [[ "$cur" == -* ]]; then
    case "$sub" in
      validate) COMPREPLY=($(compgen -W "$common $provider --crd --strict-references --fix --unsafe-fixes --diff --config --no-config --show-config --select --ignore --severity --exclude --show-suppressed --baseline --write-baseline --context-path --output-file --quiet" -- "$cur")) ;;
      render) COMPREPLY=($(compgen -W "$common $provider --include-secrets" -- "$cur")) ;;
      resolve) COMPREPLY=($(compgen -W "$common $provider" -- "$cur")) ;;
      serve) COMPREPLY=($(compgen -W "$common $provider --entrypoint --proxy-protocol --backend --backends --stub-backends --ready-file --check --check-timeout --access-log --log-format --listen-any --allow-remote-backends --drain-timeout --read-timeout --no-splice" -- "$cur")) ;;
    esac
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _irtcp irtcp kubectl-irtcp
