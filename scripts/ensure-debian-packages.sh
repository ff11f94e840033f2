#!/usr/bin/env bash
# Makes sure some programs from Debian's packages are on this machine, for a test sandbox that
# runs them in a private folder on a free loopback port. A package's system service is never
# enabled or started: policy-rc.d forbids it for the install. Idempotent: prints one line when
# the programs are already there.
#
#   ensure-debian-packages.sh <name> <what for> "<search dirs>" "<packages>" "<programs>"
#
# A program given as an absolute path is a file that must exist. Called by ensure-mariadb.sh,
# ensure-redis.sh and ensure-go-grpc.sh. POLICY_RC_D (default /usr/sbin/policy-rc.d)
# lets a test run the install path without touching the machine.
set -euo pipefail

name="$1"
purpose="$2"
read -r -a search_dirs <<<"$3"
read -r -a packages <<<"$4"
read -r -a needed <<<"$5"
policy="${POLICY_RC_D:-/usr/sbin/policy-rc.d}"

find_program() {
  # A path stands for a file a package installs that is not a program (a library's sources).
  case "$1" in /*) [ -e "$1" ] && { echo "$1"; return 0; }; return 1 ;; esac
  command -v "$1" 2>/dev/null && return 0
  local dir
  for dir in "${search_dirs[@]}"; do
    if [ -x "$dir/$1" ]; then echo "$dir/$1"; return 0; fi
  done
  return 1
}

missing_programs() {
  local program missing=()
  for program in "${needed[@]}"; do
    find_program "$program" >/dev/null || missing+=("$program")
  done
  echo "${missing[*]}"
}

missing="$(missing_programs)"
if [ -z "$missing" ]; then
  echo "$name: already installed ($(find_program "${needed[0]}"))"
  exit 0
fi

echo "$name: not installed; installing Debian package(s) ${packages[*]} for $purpose" \
  "(missing: $missing); no system service is enabled or started"

# apt-get needs root; use sudo only when we are not root and sudo exists.
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "$name: installing needs root, and there is no sudo" >&2
    exit 1
  fi
fi

# Package scripts ask invoke-rc.d before starting a service; policy-rc.d answering 101 forbids
# it. A policy-rc.d already there (containers have one) is put back afterwards.
backup_name="$policy.before-ensure-$name"
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

if [ -e "$backup_name" ]; then
  # An earlier run was killed before it could put the original back: that is the original.
  backup="$backup_name"
elif [ -e "$policy" ]; then
  backup="$backup_name"
  "${as_root[@]}" mv -f "$policy" "$backup"
fi
policy_written=true
printf '#!/bin/sh\n# From scripts/ensure-%s.sh, for one install: no service may start.\nexit 101\n' "$name" \
  | "${as_root[@]}" tee "$policy" >/dev/null
"${as_root[@]}" chmod 0755 "$policy"

# Keep apt quiet on success; show its output only when something fails. sudo resets the
# environment, so DEBIAN_FRONTEND goes through env.
log="$(mktemp -t "ensure-$name.XXXXXX.log")"
if ! { "${as_root[@]}" apt-get update -q \
       && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
            --no-install-recommends "${packages[@]}"; } >"$log" 2>&1; then
  restore_policy
  echo "$name: installation failed; apt output follows" >&2
  cat "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
restore_policy

missing="$(missing_programs)"
if [ -n "$missing" ]; then
  echo "$name: apt-get succeeded but $missing still missing" >&2
  exit 1
fi
echo "$name: installed ($(find_program "${needed[0]}"))"
