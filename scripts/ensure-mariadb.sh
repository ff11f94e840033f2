#!/usr/bin/env bash
# Makes sure a MariaDB server binary (mariadbd) is on this machine, so that the
# test sandbox (test/sandbox/mariadb.ts) can start a private instance.
# Idempotent: does nothing but print one line when mariadbd is already there.
set -euo pipefail

find_mariadbd() {
  command -v mariadbd 2>/dev/null && return 0
  for candidate in /usr/sbin/mariadbd /usr/bin/mariadbd; do
    if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

if existing="$(find_mariadbd)"; then
  echo "mariadb: already installed ($existing)"
  exit 0
fi

# apt-get needs root; use sudo only when we are not root and sudo exists.
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "mariadb: not installed, and installing needs root (no sudo found)" >&2
    exit 1
  fi
fi

log="$(mktemp -t ensure-mariadb.XXXXXX.log)"
# Keep apt quiet on success; show its output only when something fails.
if ! { "${as_root[@]}" apt-get update -q \
       && DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q \
            --no-install-recommends mariadb-server; } >"$log" 2>&1; then
  echo "mariadb: installation failed; apt output follows" >&2
  cat "$log" >&2
  exit 1
fi
rm -f "$log"

if installed="$(find_mariadbd)"; then
  echo "mariadb: installed ($installed)"
else
  echo "mariadb: apt-get succeeded but mariadbd is still missing" >&2
  exit 1
fi
