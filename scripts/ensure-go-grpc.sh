#!/usr/bin/env bash
# Makes sure Go and Debian's grpc-go sources are on this machine, for the test that calls the
# plugin with grpc-go as the Pulumi engine does (test/engine-go/main.go, test/support/go-engine.ts).
#
# GO_SEARCH_DIRS (default "/usr/bin /usr/lib/go/bin"), GO_GRPC_SOURCES (a file of grpc-go's
# sources) and POLICY_RC_D let a test run the install path without touching the machine.
set -euo pipefail
# Its folder without dirname, which a test's stand-in PATH may not have.
here="${BASH_SOURCE[0]%/*}"
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
exec "$BASH" "$here/ensure-debian-packages.sh" go-grpc "the test's grpc-go engine client" \
  "${GO_SEARCH_DIRS:-/usr/bin /usr/lib/go/bin}" "golang-go golang-google-grpc-dev" \
  "go ${GO_GRPC_SOURCES:-/usr/share/gocode/src/google.golang.org/grpc/server.go}"
