#!/usr/bin/env bash
# SPDX-FileCopyrightText: Closient Station contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Proves the README's test command on a clean Debian 12: builds a fresh root with debootstrap (the base is cached
# under /var/cache), copies a clean clone of the repository (what is committed, nothing else) and ../shared into
# it, and runs the test command exactly as README.md writes it. A missing install step fails here, not on a
# person's machine. Run as root. Options: --refresh (rebuild the cached base), --keep (leave the root for a look).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$(cd "$ROOT/.." && pwd)/shared"
CACHE="${CLOSIENT_FRESH_CACHE:-/var/cache/closient-station/check-fresh}"
MIRROR="${CLOSIENT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
BASE="$CACHE/debian12-base.tar.gz"
CCACHE_HOST="${CCACHE_DIR:-/var/cache/closient-station/ccache}" # the compiler cache scripts/common.sh uses
REFRESH=0
KEEP=0
for a in "$@"; do
  case "$a" in
    --refresh) REFRESH=1 ;;
    --keep) KEEP=1 ;;
    *) echo "usage: $0 [--refresh] [--keep]" >&2; exit 2 ;;
  esac
done

T0=$(date +%s)
say() { echo "check-fresh: [$(( $(date +%s) - T0 )) s] $*"; }
if [ "$(id -u)" -ne 0 ]; then echo "check-fresh: run this as root (it builds a Debian root)" >&2; exit 2; fi

# The test command, as README.md writes it: the fenced block under the line that starts with "Test:".
TEST_COMMAND="$(awk '/^Test:/{t=1;next} t&&/^```/{if(f){exit} f=1;next} t&&f{print}' "$ROOT/README.md" | sed '/^\s*$/d')"
if [ -z "$TEST_COMMAND" ]; then echo "check-fresh: README.md has no test command under a 'Test:' line" >&2; exit 2; fi
say "test command: $TEST_COMMAND"

for tool in debootstrap git; do
  if ! command -v "$tool" >/dev/null; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends debootstrap git >/dev/null
  fi
done

# 1. The base: a plain Debian 12 (bookworm) with the priority-important set, as an installer leaves it. Built once
#    and kept as a tarball; --refresh builds it again.
mkdir -p "$CACHE"
if [ "$REFRESH" = 1 ] || [ ! -s "$BASE" ]; then
  say "building the Debian 12 base (once; cached in $BASE)"
  tmp="$(mktemp -d /var/tmp/closient-base.XXXXXX)"
  debootstrap --include=ca-certificates bookworm "$tmp" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
    || { tail -20 "$CACHE/debootstrap.log" >&2; rm -rf "$tmp"; exit 1; }
  cat >"$tmp/etc/apt/sources.list" <<EOF
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb ${MIRROR%/debian}/debian-security bookworm-security main
EOF
  rm -rf "$tmp/var/cache/apt/archives/"*.deb
  chmod 755 "$tmp"
  tar -C "$tmp" -czf "$BASE.part" . && mv "$BASE.part" "$BASE"
  rm -rf "$tmp"
fi

# 2. A new root from the base, with the repository as a clean clone of what is committed.
FRESH="$(mktemp -d /var/tmp/closient-fresh.XXXXXX)"
cleanup() {
  for m in var/cache/apt/archives "${CCACHE_HOST#/}" dev/shm dev/pts dev sys proc; do
    umount -l "$FRESH/$m" 2>/dev/null || true
  done
  if [ "$KEEP" = 1 ]; then say "root kept in $FRESH"; else rm -rf "$FRESH"; fi
}
trap cleanup EXIT
say "unpacking a fresh root in $FRESH"
tar -C "$FRESH" -xzf "$BASE"
chmod 755 "$FRESH" # the new root: every user must be able to enter it, as on a real machine (mktemp made it 0700)
mkdir -p "$FRESH/work"
git clone -q --no-local --no-hardlinks "$ROOT" "$FRESH/work/main"
git -C "$FRESH/work/main" log -1 --format='check-fresh: testing commit %h %s'
if [ -d "$SHARED" ]; then cp -a "$SHARED" "$FRESH/work/shared"; fi
cp /etc/resolv.conf "$FRESH/etc/resolv.conf"

mount -t proc proc "$FRESH/proc"
mount -t sysfs sys "$FRESH/sys"
mount --bind /dev "$FRESH/dev"
mount -t devpts devpts "$FRESH/dev/pts" -o newinstance,ptmxmode=0666 2>/dev/null || mount --bind /dev/pts "$FRESH/dev/pts"
mount -t tmpfs shm "$FRESH/dev/shm"
# Caches only, never what is installed: the packages already downloaded on this machine (apt checks each one),
# and the compiler cache of the first build (the compiler and headers of the new root decide every hit).
mkdir -p "$CCACHE_HOST" "$FRESH$CCACHE_HOST" "$FRESH/var/cache/apt/archives"
mount --bind "$CCACHE_HOST" "$FRESH$CCACHE_HOST"
mount --bind /var/cache/apt/archives "$FRESH/var/cache/apt/archives"

# 3. The README's test command, as root, in the clean root, with nothing of this machine's environment.
say "running the test command in the clean root"
start=$(date +%s)
set +e
chroot "$FRESH" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  LANG=C.UTF-8 TERM=dumb CCACHE_DIR="$CCACHE_HOST" /bin/bash -c "cd /work/main && $TEST_COMMAND"
rc=$?
set -e
say "the test command exited $rc after $(( $(date +%s) - start )) s"
exit $rc
