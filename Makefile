# The project's commands. `make test` is what CI runs (.ci/run).
GO ?= go
# Packages written by hand: everything but the generated gen/.
HANDWRITTEN = $(shell $(GO) list ./... | grep -v '/gen$$')
GOFILES = $(shell git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*')
# make generate SPEC=path/to/api.intercom.io.yaml first derives the project's
# description from a published one (into openapi/intercom-<version>.yaml) and
# points gen/doc.go's go:generate line at it.
SPEC ?=
# The shared Redis pacer is a module of its own, so that facade's module never
# requires a Redis client; vet, lint, test and cover cover it too. Its tests
# start redis-server (Debian's package; .ci/run installs it).
REDISPACER = pacer/redispacer
# staticcheck, built once from the version tools/go.mod pins, lints both
# modules.
STATICCHECK = $(CURDIR)/.bin/staticcheck

.PHONY: generate check-generated fmt-check vet lint test bench bench-redispacer cover refresh-check

generate:
ifneq ($(SPEC),)
	v=$$($(GO) run ./internal/cmd/specprep version -in $(SPEC)) && \
	$(GO) run ./internal/cmd/specprep derive -in $(SPEC) -out openapi/intercom-$$v.yaml && \
	sed -i "s|-spec ../openapi/intercom-[^ ]*\.yaml|-spec ../openapi/intercom-$$v.yaml|" gen/doc.go
endif
	$(GO) generate ./gen

# What `make generate` writes: gen/ and the embedded description.
GENERATED = gen internal/description

# check-generated regenerates and compares with what git holds. It refuses to
# start over uncommitted changes there: regenerating would overwrite a hand
# edit, and the comparison would then pass over it.
check-generated:
	@if ! git diff --quiet HEAD -- $(GENERATED) || [ -n "$$(git ls-files --others --exclude-standard -- $(GENERATED))" ]; then \
		git status --short -- $(GENERATED); \
		echo "check-generated: refusing to run: $(GENERATED) have uncommitted changes (listed above), which regenerating would overwrite."; \
		echo "Commit them, or undo them with 'git checkout -- $(GENERATED)' (and remove new files), then run it again."; \
		exit 1; \
	fi
	$(MAKE) generate
	@if ! git diff --quiet -- $(GENERATED) || [ -n "$$(git ls-files --others --exclude-standard -- $(GENERATED))" ]; then \
		git status --short -- $(GENERATED); \
		echo "$(GENERATED) are not what the description and overlay generate: run 'make generate' and commit them"; \
		exit 1; \
	fi

fmt-check:
	@out=$$(gofmt -l $(GOFILES)); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	cd $(REDISPACER) && $(GO) vet ./...

# The tools are pinned in tools/go.mod, a module of their own, so that their
# requirements never reach the go.mod of a program that uses the library.
TOOLS = -modfile=tools/go.mod

lint:
	$(GO) build $(TOOLS) -o $(STATICCHECK) honnef.co/go/tools/cmd/staticcheck
	$(STATICCHECK) $(HANDWRITTEN)
	cd $(REDISPACER) && $(STATICCHECK) ./...

# make test refreshes to the newest published version and one in between
# (about 2.5 minutes); make refresh-check refreshes to every one.
TEST_REFRESH_VERSIONS = 2.14 2.16

test: fmt-check vet lint
	$(GO) test -race ./...
	cd $(REDISPACER) && $(GO) test -race ./...
	$(MAKE) check-generated
	IF_REFERENCE=1 VERSIONS="$(TEST_REFRESH_VERSIONS)" ./.ci/refresh-check

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./facade/...
	$(MAKE) bench-redispacer

# The shared-budget workload: 4 processes, one token, one intercomtest server,
# paced through Redis and then each alone (BENCHMARKS.md). It fails unless the
# shared budget reaches 95% of the server's limit without a 429.
bench-redispacer:
	cd $(REDISPACER) && $(GO) test -run '^$$' -bench SharedBudget -benchtime 1x ./...

cover:
	$(GO) test -cover $(HANDWRITTEN)
	cd $(REDISPACER) && $(GO) test -cover ./...

# Regenerate against every published version newer than 2.11 in scratch
# copies and build, vet and test each (README: "Moving to a newer API
# version"). VERSIONS="2.12 2.16" picks some.
refresh-check:
	./.ci/refresh-check
