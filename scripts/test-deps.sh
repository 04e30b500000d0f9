#!/usr/bin/env bash
# test-deps.sh — makes sure the parts the tests use beyond Go and PostgreSQL are installed:
#   chromium           the browser the chromedp tests drive
#   python3-icalendar  an independent iCalendar parser (Debian's, for /usr/bin/python3)
# PostgreSQL is found or started by bin/convene-db, not here.
#
# Prints one line. As root with apt-get it installs what is missing; otherwise it says how to
# install it and exits 0: the Go tests themselves skip (or, with CI set, fail) without a part.
set -euo pipefail

have_chromium() {
	command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
		command -v google-chrome >/dev/null 2>&1
}

have_icalendar() {
	# Debian's python3-icalendar belongs to the system Python, which may not be the first python3
	# on PATH (pyenv, venvs), so ask /usr/bin/python3 when it exists.
	local py=/usr/bin/python3
	[ -x "$py" ] || py=python3
	"$py" -c 'import icalendar' >/dev/null 2>&1
}

# ical.js (Mozilla's parser, Thunderbird's) is a second independent iCalendar check, from npm.
if command -v npm >/dev/null 2>&1 && [ ! -f mailer/testdata/icaljs/node_modules/ical.js/package.json ]; then
	echo "test-deps: installing ical.js with npm ci (once)"
	npm ci --prefix mailer/testdata/icaljs --no-audit --no-fund --silent </dev/null >/dev/null 2>&1 ||
		echo "test-deps: npm ci failed; the ical.js check will be skipped"
fi

missing=()
have_chromium || missing+=(chromium)
have_icalendar || missing+=(python3-icalendar)

if [ ${#missing[@]} -eq 0 ]; then
	echo "test-deps: chromium and python3-icalendar are installed"
	exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
	echo "test-deps: missing ${missing[*]}; install with: sudo apt-get install -y --no-install-recommends ${missing[*]} (tests that need them skip, or fail when CI is set)"
	exit 0
fi

echo "test-deps: installing ${missing[*]} with apt-get (once)…"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } </dev/null >"$log" 2>&1; then
	tail -n 20 "$log" >&2
	echo "test-deps: apt-get could not install ${missing[*]} (tests that need them skip, or fail when CI is set)" >&2
	[ -z "${CI:-}" ] || exit 1
fi
