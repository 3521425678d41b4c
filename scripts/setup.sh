#!/usr/bin/env bash
# Installs everything irtcp needs to build and test, from Debian 12's packages, by name.
# Safe to run again: apt-get skips what is already installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git python3
  libcli11-dev libyaml-cpp-dev libvalijson-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libyaml-dev libre2-dev nlohmann-json3-dev libtomlplusplus-dev
  libssl-dev libasio-dev
  pre-commit  # tests/precommit_test.cc runs the hooks with the real tool
  clang-format clang-tidy  # .ci/run: formatting and static analysis
  clang libclang-rt-14-dev  # the fuzz preset: libFuzzer (scripts/fuzz.sh, .ci/run)
  man-db groff-base  # tests/docs_test.cc renders the man pages with man -l
  zsh fish  # tests/docs_test.cc: the completions in real shells (bash is always there)
  dpkg-dev file  # cpack -G DEB: dpkg-shlibdeps computes Depends (tests/install_test.cc)
  debootstrap  # scripts/deb-chroot-test.sh: install/remove the .deb on a clean Debian 12
)
# The kubectl plugin test (tests/kubectl_test.cc) runs the real kubectl: Debian's
# kubernetes-client provides one, but never install it over a kubectl that is already there.
if ! command -v kubectl >/dev/null 2>&1; then
  packages+=(kubernetes-client)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
