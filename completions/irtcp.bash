# bash completion for irtcp (and the kubectl plugin kubectl-irtcp)
_irtcp() {
  local cur prev sub
  cur="${COMP_WORDS[COMP_CWORD]}"
  prev="${COMP_WORDS[COMP_CWORD-1]}"
  sub="${COMP_WORDS[1]}"
  local common="--output --color --fail-on --namespace --stdin-filename --max-file-size --verbose --jobs --traefik-config --default-rule-syntax --help"
  local provider="--allow-cross-namespace --allow-external-name-services --allow-empty-services --native-lb-by-default --disable-cluster-scope-resources --cross-provider-namespaces --watch-namespace --label-selector --ingress-class"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "validate explain render resolve help --help --version" -- "$cur"))
    return
  fi
  case "$prev" in
    -o|--output)
      case "$sub" in
        validate) COMPREPLY=($(compgen -W "text json sarif github junit" -- "$cur")) ;;
        render) COMPREPLY=($(compgen -W "yaml json toml" -- "$cur")) ;;
        resolve) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
        explain) COMPREPLY=($(compgen -W "text json markdown man" -- "$cur")) ;;
      esac
      return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --fail-on) COMPREPLY=($(compgen -W "error warning info never" -- "$cur")); return ;;
    --default-rule-syntax) COMPREPLY=($(compgen -W "v3 v2" -- "$cur")); return ;;
    --api-group) COMPREPLY=($(compgen -W "traefik.io traefik.containo.us" -- "$cur")); return ;;
    --api-version) COMPREPLY=($(compgen -W "v1alpha1 traefik.io/v1alpha1 traefik.containo.us/v1alpha1" -- "$cur")); return ;;
    --crd|--traefik-config|--config|--baseline|--write-baseline|--context-path|--output-file) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [ "$sub" = help ]; then
    COMPREPLY=($(compgen -W "validate explain render resolve" -- "$cur"))
    return
  fi
  if [[ "$cur" == -* ]]; then
    case "$sub" in
      validate) COMPREPLY=($(compgen -W "$common $provider --crd --strict-references --fix --unsafe-fixes --diff --config --no-config --show-config --select --ignore --severity --exclude --show-suppressed --baseline --write-baseline --context-path --output-file --quiet" -- "$cur")) ;;
      render) COMPREPLY=($(compgen -W "$common $provider --include-secrets" -- "$cur")) ;;
      resolve) COMPREPLY=($(compgen -W "$common $provider" -- "$cur")) ;;
      explain) COMPREPLY=($(compgen -W "$common $provider --rules --recursive --api-group --api-version" -- "$cur")) ;;
    esac
    return
  fi
  if [ "$sub" = explain ]; then
    # Kinds (field paths start with one) and files; rule codes: irtcp explain --rules.
    COMPREPLY=($(compgen -W "ingressroutetcp middlewaretcp serverstransporttcp tlsoption tlsstore" -- "$cur") $(compgen -f -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _irtcp irtcp kubectl-irtcp
