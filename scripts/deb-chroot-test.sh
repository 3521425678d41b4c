#!/usr/bin/env bash
# Installs and removes the .deb on a clean Debian 12 (bookworm) made with debootstrap, inside a
# chroot: never on the host itself. Needs root, debootstrap and Debian's mirror.
# Usage: scripts/deb-chroot-test.sh path/to/irtcp_<version>_<arch>.deb [chroot-dir]
#   (build the .deb first: cd build/dev && cpack -G DEB)
# The chroot directory is kept between runs (debootstrap takes minutes); delete it to start over.
set -euo pipefail
deb="$(realpath "$1")"
root="${2:-/var/tmp/irtcp-bookworm-chroot}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
here="$(cd "$(dirname "$0")/.." && pwd)"

if [ ! -x "$root/usr/bin/apt-get" ]; then
  echo "== debootstrap bookworm into $root ($mirror)"
  debootstrap --variant=minbase bookworm "$root" "$mirror"
fi
cleanup() {
  for m in proc dev/pts dev; do umount "$root/$m" 2>/dev/null || true; done
}
trap cleanup EXIT
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/irtcp.deb"
cp "$here/testdata/kubectl/clean.yaml" "$root/tmp/clean.yaml"
cp "$here/testdata/examples/01-configuration-example.yaml" "$root/tmp/findings.yaml"

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 /bin/bash -c "$1"; }

echo "== clean system: irtcp is not there"
in_root '! command -v irtcp'
echo "== apt-get install /tmp/irtcp.deb (Depends resolved from the mirror)"
in_root 'apt-get update -qq && apt-get install -y --no-install-recommends /tmp/irtcp.deb'
echo "== installed files"
in_root 'dpkg -L irtcp'
in_root 'dpkg -s irtcp | grep -E "^(Version|Depends):"'
echo "== it runs"
in_root 'irtcp --version'
in_root 'irtcp validate /tmp/clean.yaml; echo "exit $?"'
in_root 'irtcp validate /tmp/findings.yaml >/dev/null; echo "exit $?"'
in_root 'kubectl-irtcp validate /tmp/nope.yaml; echo "exit $?"'
in_root 'test -L /usr/bin/kubectl-irtcp && test -L /usr/bin/kubectl_complete-irtcp'
in_root 'kubectl_complete-irtcp va'
echo "== apt-get remove irtcp"
in_root 'apt-get remove -y irtcp'
in_root 'for f in /usr/bin/irtcp /usr/bin/kubectl-irtcp /usr/bin/kubectl_complete-irtcp \
  /usr/share/man/man1/irtcp.1 /usr/share/man/man7/irtcp-rules.7 \
  /usr/share/bash-completion/completions/irtcp /usr/share/zsh/site-functions/_irtcp \
  /usr/share/fish/vendor_completions.d/irtcp.fish; do
  if [ -e "$f" ] || [ -L "$f" ]; then echo "left behind: $f"; exit 1; fi; done'
in_root '! command -v irtcp'
echo "== ok: installed, ran and removed cleanly"
