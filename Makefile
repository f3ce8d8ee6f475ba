# Two commands for a newcomer: `make dataset` and `make test`. Each installs
# what it needs (npm install from the lock when node_modules is missing or older than it).
RAW ?= raw
OUT ?= output
SHARED ?= ../shared
SHARDS ?= .shards
BIN := node_modules/.bin
DEPS := node_modules/.package-lock.json
# SHARD=i/N: `make dataset` runs only the per-article stages on shard i of N into $(SHARDS)/; `make merge` publishes (docs/scale.md)
SHARD ?=
JOBS ?=
JOBS_FLAG := $(if $(JOBS),--jobs $(JOBS),)

.PHONY: dataset merge test typecheck eval eval-holdout bench clean

# The CLI as one JavaScript file per entry (pipeline/bundle.mjs: esbuild, which tsx brings), built here from the
# sources and never committed: it starts without the TypeScript loader and publishes byte for byte what
# `tsx pipeline/cli.ts` publishes (test/scale/bundle.test.ts).
BUNDLE := .bundle/cli.mjs
BUNDLE_SOURCES := $(shell find pipeline schemas -type f 2>/dev/null)
$(BUNDLE): $(DEPS) $(BUNDLE_SOURCES)
	node pipeline/bundle.mjs .bundle

# npm ci installs exactly the committed lock and never rewrites it (a fresh `make dataset` must leave the
# tracked tree unchanged). The lock lists DuckDB's optional bindings for every platform; npm ci installs
# only this platform's. (npm install rewrote the lock once the registry gained the other platforms' builds.)
$(DEPS): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

## dataset: read $(RAW)/ and publish $(OUT)/ (CSV, Arrow, datapackage.json, codebook, quality.json)
## (SHARD=i/N: per-article stages of shard i of N only, results in $(SHARDS)/; JOBS=N: worker threads)
dataset: $(BUNDLE)
ifeq ($(SHARD),)
	node $(BUNDLE) --raw $(RAW) --out $(OUT) $(JOBS_FLAG)
else
	node $(BUNDLE) --raw $(RAW) --shard $(SHARD) --shard-dir $(SHARDS) $(JOBS_FLAG)
endif

## merge: publish $(OUT)/ from all inputs, reusing the shard results in $(SHARDS)/ (byte-identical to `make dataset`)
merge: $(BUNDLE)
	node $(BUNDLE) --raw $(RAW) --out $(OUT) --merge $(SHARDS) $(JOBS_FLAG)

typecheck: $(DEPS)
	$(BIN)/tsc --noEmit

## test: type check, then every test under test/ (unit, stage, end-to-end)
test: $(DEPS)
	$(BIN)/tsc --noEmit
	SHARED=$(abspath $(SHARED)) $(BIN)/tsx --test --test-reporter=dot $$(find test -name '*.test.ts' | sort)

## eval: score $(OUT)/ against the hand annotation of the seed articles
eval:
	node $(SHARED)/eval/score.mjs --gold $(SHARED)/gold/seeds.gold.json --output $(OUT) --verbose

## eval-holdout: build and score our own held-out articles (test/holdout: invented, hand-annotated; guards against fitting the seeds)
eval-holdout: $(DEPS)
	sh test/holdout/run.sh

## bench: speed and memory on the bench corpus (read in place from $(SHARED)/corpora)
bench: $(DEPS)
	$(BIN)/tsx bench/run.ts --corpora $(SHARED)/corpora

## clean: remove installed packages, the per-article cache, shard results, temporary build folders and test artifacts (output/ is kept: it is the published dataset)
clean:
	rm -rf node_modules .cache .bundle .bundle.tmp $(SHARDS) test/artifacts .$(notdir $(OUT)).tmp-* .$(notdir $(OUT)).old-*
