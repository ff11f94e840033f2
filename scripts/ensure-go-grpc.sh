#!/usr/bin/env bash
# Makes sure Go and Debian's grpc-go sources are on this machine, for the test that calls the
# plugin with grpc-go as the Pulumi engine does (test/engine-go/main.go, test/support/go-engine.ts).
set -euo pipefail
# Its folder without dirname, which a test's stand-in PATH may not have.
here="${BASH_SOURCE[0]%/*}"
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
exec "$BASH" "$here/ensure-debian-packages.sh" go-grpc "the test's grpc-go engine client" \
  "/usr/bin /usr/lib/go/bin" "golang-go golang-google-grpc-dev" "go /usr/share/gocode/src/google.golang.org/grpc/server.go"
