#!/usr/bin/env bash
# Makes sure the MariaDB programs the test sandbox (test/sandbox/mariadb.ts) runs in a private
# folder are on this machine: mariadbd and mariadb-install-db (Debian's mariadb-server-core) and
# my_print_defaults, which mariadb-install-db calls (mariadb-client-core). Not mariadb-server:
# its init scripts and system service are nothing the sandbox uses.
#
# MARIADB_SEARCH_DIRS (default "/usr/sbin /usr/bin") and POLICY_RC_D (default
# /usr/sbin/policy-rc.d) let a test run the install path without touching the machine.
set -euo pipefail
# Its folder without dirname, which a test's stand-in PATH may not have.
here="${BASH_SOURCE[0]%/*}"
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
exec "$BASH" "$here/ensure-debian-packages.sh" mariadb "the test sandbox's private MariaDB" \
  "${MARIADB_SEARCH_DIRS:-/usr/sbin /usr/bin}" "mariadb-server-core mariadb-client-core" \
  "mariadbd mariadb-install-db my_print_defaults"
