#!/usr/bin/env bash
# Makes sure redis-server (Debian's redis-server package) is on this machine for the DBaaS test
# sandbox (test/sandbox/redis.ts), which runs it in a private folder on a free loopback port.
# The package's system service is never enabled or started: policy-rc.d forbids it for the
# install. Idempotent: prints one line when it is already there.
#
# REDIS_SEARCH_DIRS (default "/usr/bin /usr/sbin") and POLICY_RC_D (default /usr/sbin/policy-rc.d)
# let a test run the install path without touching the machine.
set -euo pipefail

packages=(redis-server redis-tools)
needed=(redis-server redis-cli)
read -r -a search_dirs <<<"${REDIS_SEARCH_DIRS:-/usr/bin /usr/sbin}"
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
  echo "redis: already installed ($(find_program redis-server))"
  exit 0
fi

echo "redis: not installed; installing Debian package(s) ${packages[*]} for the test sandbox's private Redis" \
  "(missing: $missing); no system service is enabled or started"

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "redis: installing needs root, and there is no sudo" >&2
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

if [ -e "$policy.before-ensure-redis" ]; then
  backup="$policy.before-ensure-redis"
elif [ -e "$policy" ]; then
  backup="$policy.before-ensure-redis"
  "${as_root[@]}" mv -f "$policy" "$backup"
fi
policy_written=true
printf '#!/bin/sh\n# From scripts/ensure-redis.sh, for one install: no service may start.\nexit 101\n' \
  | "${as_root[@]}" tee "$policy" >/dev/null
"${as_root[@]}" chmod 0755 "$policy"

log="$(mktemp -t ensure-redis.XXXXXX.log)"
if ! { "${as_root[@]}" apt-get update -q \
       && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
            --no-install-recommends "${packages[@]}"; } >"$log" 2>&1; then
  restore_policy
  echo "redis: installation failed; apt output follows" >&2
  cat "$log" >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
restore_policy

missing="$(missing_programs)"
if [ -n "$missing" ]; then
  echo "redis: apt-get succeeded but $missing still missing" >&2
  exit 1
fi
echo "redis: installed ($(find_program redis-server))"
