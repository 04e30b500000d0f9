#!/usr/bin/env bash
# mailpit-build.sh VERSION OUT — builds Mailpit (github.com/axllent/mailpit) into OUT.
#
# `go install github.com/axllent/mailpit@VERSION` alone gives a binary whose SMTP server and API
# work but whose web UI is blank: the UI's JavaScript is built with npm and is not in the Go
# module. So this script takes the module's source from the Go module proxy, builds the UI with
# npm when npm is there, and then builds the binary. Without npm it falls back to `go install`.
set -euo pipefail

version=${1:?usage: mailpit-build.sh VERSION OUT}
out=$(realpath -m "${2:?usage: mailpit-build.sh VERSION OUT}")
module=github.com/axllent/mailpit
mkdir -p "$(dirname "$out")"

if ! command -v npm >/dev/null 2>&1; then
	echo "mailpit: npm not found, so the web UI is not built (SMTP and the API work); apt-get install -y npm for the UI"
	GOBIN=$(dirname "$out") go install "$module@$version"
	exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "$module@$version" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -n "$src" ] || { echo "mailpit: could not download $module@$version" >&2; exit 1; }
cp -R "$src" "$work/src"
chmod -R u+w "$work/src"
cd "$work/src"

echo "mailpit: building $module@$version with its web UI (npm ci + go build, a few minutes once)…"
if npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1 && npm run build >>"$work/npm.log" 2>&1; then
	:
else
	tail -n 20 "$work/npm.log" >&2
	echo "mailpit: the web UI could not be built; building without it (SMTP and the API work)" >&2
fi
CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X $module/config.Version=$version" -o "$out" .
echo "mailpit: built $out"
