#!/bin/sh
# hold-db.sh — run by `make db` under bin/convene-db: saves and prints DATABASE_URL, then waits
# until Ctrl-C (or SIGTERM), after which convene-db stops the database it started.
#
# convene-db starts its command with SIGINT and SIGTERM ignored, and a shell cannot undo an
# ignored signal, so the waiting is done by perl (in every Debian system), which catches both.
set -eu
(umask 077; mkdir -p .data; echo "$DATABASE_URL" >.data/database-url)
echo "DATABASE_URL=$DATABASE_URL"
echo "(also in .data/database-url: export DATABASE_URL=\"\$(cat .data/database-url)\"; Ctrl-C stops it)"
exec perl -e '$SIG{INT} = $SIG{TERM} = sub { exit 0 }; sleep'
