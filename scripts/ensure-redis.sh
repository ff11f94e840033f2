#!/usr/bin/env bash
# Makes sure redis-server (Debian's redis-server package) and redis-cli (redis-tools) are on this
# machine for the DBaaS test sandbox (test/sandbox/redis.ts), which runs its own redis-server per
# Redis database in a private folder on a free loopback port.
#
# REDIS_SEARCH_DIRS (default "/usr/bin /usr/sbin") and POLICY_RC_D (default /usr/sbin/policy-rc.d)
# let a test run the install path without touching the machine.
set -euo pipefail
# Its folder without dirname, which a test's stand-in PATH may not have.
here="${BASH_SOURCE[0]%/*}"
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
exec "$BASH" "$here/ensure-debian-packages.sh" redis "the test sandbox's private Redis" \
  "${REDIS_SEARCH_DIRS:-/usr/bin /usr/sbin}" "redis-server redis-tools" "redis-server redis-cli"
