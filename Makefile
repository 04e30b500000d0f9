# Convene — `make` (or `make help`) lists the targets.
#
# The two commands of the README:
#   make run    build, find or start PostgreSQL, load the demo and serve at http://127.0.0.1:8080
#   make test   install the test dependencies when missing, gofmt, go vet, then every Go test

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.NOTPARALLEL:

# Go may not be on PATH in a fresh root shell (it lives in /usr/local/go/bin), and convene-db
# needs runuser from /usr/sbin when it starts PostgreSQL as root.
export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin:/usr/local/sbin:/usr/sbin:/sbin

GO                  ?= go
BIN                 := bin
CONVENE_DB          := $(BIN)/convene-db
GO_TEST_FLAGS       ?= -race -count=1 -timeout 30m
PKGS                ?= ./...
BENCH               ?= .
MAILPIT_VERSION     := v1.27.11
STATICCHECK_VERSION := v0.7.0

SAVE_URL = (umask 077; mkdir -p .data; echo "$$DATABASE_URL" >.data/database-url)

# Every Go file of the project (the private database under .data/ is not walked).
GO_FILES = $(shell find . \( -path ./.git -o -path ./.data -o -path ./bin -o -path ./artifacts \) -prune -o -name '*.go' -print)

.PHONY: help build run test test-deps fmt-check vet lint bench db mailpit clean

help: ## list the targets
	@echo "Convene — make targets:"
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## build bin/convene and bin/convene-db
	$(GO) build -o $(BIN)/ ./cmd/convene ./cmd/convene-db

# The database URL is also written to .data/database-url, so that other commands (user create,
# token create) can reach the same database while this runs.
run: build ## run Convene with the demo loaded at http://127.0.0.1:8080 (database kept in .data/postgres)
	$(CONVENE_DB) --mode run -- sh -c '$(SAVE_URL); $(BIN)/convene demo && exec $(BIN)/convene serve'

test: build test-deps fmt-check vet ## every test: deps, gofmt, go vet, go test -race on a real PostgreSQL
	$(CONVENE_DB) --mode test -- $(GO) test $(GO_TEST_FLAGS) $(PKGS)

test-deps: ## install Chromium and python3-icalendar when missing (apt-get, as root)
	@scripts/test-deps.sh

fmt-check: ## fail if any Go file is not gofmt-formatted
	@out="$$(gofmt -l $(GO_FILES))"; \
	if [ -n "$$out" ]; then echo "gofmt: these files need \`gofmt -w\`:"; echo "$$out"; exit 1; fi; \
	echo "gofmt: ok"

vet: ## go vet ./...
	$(GO) vet ./...

lint: fmt-check vet ## gofmt, go vet and staticcheck (staticcheck skipped when it cannot be installed)
	@if GOBIN="$(CURDIR)/$(BIN)" $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) 2>/dev/null; then \
		echo "$(BIN)/staticcheck ./..."; $(BIN)/staticcheck ./...; \
	else \
		echo "lint: staticcheck $(STATICCHECK_VERSION) could not be installed; skipped"; \
	fi

bench: build ## benchmarks in bench/ (BENCH=regexp picks some), on a real PostgreSQL
	@if [ -z "$$($(GO) list ./bench/... 2>/dev/null)" ]; then \
		echo "bench: no benchmarks in bench/ yet"; \
	else \
		echo "go test -run '^$$' -bench '$(BENCH)' -benchmem ./bench/..."; \
		$(CONVENE_DB) --mode test -- $(GO) test -run '^$$' -bench '$(BENCH)' -benchmem -timeout 60m ./bench/...; \
	fi

db: build ## start the local database (or find one) and keep it running until Ctrl-C
	$(CONVENE_DB) --mode run -- scripts/hold-db.sh

mailpit: $(BIN)/mailpit ## run Mailpit: SMTP on 127.0.0.1:1025, web UI on http://127.0.0.1:8025
	$(BIN)/mailpit --smtp 127.0.0.1:1025 --listen 127.0.0.1:8025

# Built once from the Go module proxy, with its web UI built by npm (see the script).
$(BIN)/mailpit:
	scripts/mailpit-build.sh $(MAILPIT_VERSION) $@

clean: ## remove bin/ (the demo database in .data/ is kept: rm -rf .data to drop it)
	rm -rf $(BIN)
