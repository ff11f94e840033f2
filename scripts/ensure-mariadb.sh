#!/usr/bin/env bash
# Makes sure the MariaDB programs the test sandbox (test/sandbox/mariadb.ts) runs in a private
# folder are on this machine: mariadbd and mariadb-install-db (Debian's mariadb-server-core) and
# my_print_defaults, which mariadb-install-db calls (mariadb-client-core). Not mariadb-server:
# its init scripts and system service are nothing the sandbox uses.
# Idempotent: prints one line when they are already there.
#
# MARIADB_SEARCH_DIRS (default "/usr/sbin /usr/bin") and POLICY_RC_D (default
# /usr/sbin/policy-rc.d) let a test run the install path without touching the machine.
set -euo pipefail

packages=(mariadb-server-core mariadb-client-core)
needed=(mariadbd mariadb-install-db my_print_defaults)
read -r -a search_dirs <<<"${MARIADB_SEARCH_DIRS:-/usr/sbin /usr/bin}"
policy="${POLICY_RC_D:-/usr/sbin/policy-rc.d}"

find_program() {
  command -v "$1" 2>/dev/null && return 0
  local dir
  for dir in "${search_dirs[@]}"; do
    if [ -x "$dir/$1" ]; then echo "$dir/$1"; return 0; fi
  done
  return 1
}

missing_programs() {
  local name missing=()
  for name in "${needed[@]}"; do
    find_program "$name" >/dev/null || missing+=("$name")
  done
  echo "${missing[*]}"
}

missing="$(missing_programs)"
if [ -z "$missing" ]; then
  echo "mariadb: already installed ($(find_program mariadbd))"
  exit 0
fi

echo "mariadb: not installed; installing Debian package(s) ${packages[*]} for the test sandbox's private MariaDB" \
  "(missing: $missing); no system service is enabled or started"

# apt-get needs root; use sudo only when we are not root and sudo exists.
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "mariadb: installing needs root, and there is no sudo" >&2
    exit 1
  fi
fi

# Package scripts ask invoke-rc.d before starting a service; policy-rc.d answering 101 forbids
# it. A policy-rc.d already there (containers have one) is put back afterwards.
backup=""
policy_written=false
restore_policy() {
  if [ "$policy_written" = true ]; then
    "${as_root[@]}" rm -f "$policy"
    policy_written=false
  fi
  if [ -n "$backup" ]; then
    "${as_root[@]}" mv -f "$backup" "$policy"
    backup=""
  fi
}
trap restore_policy EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -e "$policy.before-ensure-mariadb" ]; then
  # An earlier run was killed before it could put the original back: that is the original.
  backup="$policy.before-ensure-mariadb"
elif [ -e "$policy" ]; then
  backup="$policy.before-ensure-mariadb"
  "${as_root[@]}" mv -f "$policy" "$backup"
fi
policy_written=true
printf '#!/bin/sh\n# From scripts/ensure-mariadb.sh, for one install: no service may start.\nexit 101\n' \
  | "${as_root[@]}" tee "$policy" >/dev/null
"${as_root[@]}" chmod 0755 "$policy"

log="$(mktemp -t ensure-mariadb.XXXXXX.log)"
# Keep apt quiet on success; show its output only when something fails. sudo resets the
# environment, so DEBIAN_FRONTEND goes through env.
if ! { "${as_root[@]}" apt-get update -q \
       && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
            --no-install-recommends "${packages[@]}"; } >"$log" 2>&1; then
  restore_policy
  echo "mariadb: installation failed; apt output follows" >&2
  cat "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
restore_policy

missing="$(missing_programs)"
if [ -n "$missing" ]; then
  echo "mariadb: apt-get succeeded but $missing still missing" >&2
  exit 1
fi
echo "mariadb: installed ($(find_program mariadbd))"
