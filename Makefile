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

FORMATTED := "pipeline/**/*.{ts,mjs,js}" "schemas/**/*.ts" "test/**/*.{ts,mjs}" "bench/**/*.ts" "*.mjs"

.PHONY: dataset merge test check lint knip format format-check typecheck eval eval-holdout bench bench-ner bench-long lexicons train clean

# The CLI as one JavaScript file per entry (pipeline/bundle.mjs: esbuild, which tsx brings), built here from the
# sources and never committed: it starts without the TypeScript loader and publishes byte for byte what
# `tsx pipeline/cli.ts` publishes (test/scale/bundle.test.ts).
BUNDLE := .bundle/cli.mjs
BUNDLE_SOURCES := $(shell find pipeline schemas models -type f 2>/dev/null)
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

## typecheck: the TypeScript (tsconfig.json), the worker .mjs files (tsconfig.js.json) and the report's browser script (tsconfig.client.json)
typecheck: $(DEPS)
	$(BIN)/tsc --noEmit
	$(BIN)/tsc -p tsconfig.js.json
	$(BIN)/tsc -p tsconfig.client.json

# Slow tests, run by `make check` only: reliability (bad inputs, killed runs, id stability) and the
# end-to-end tests that spawn the CLI or a browser, build at scale, or reopen every published file with
# polars, DuckDB and the Frictionless library. Everything else is the fast gate of `make test`.
SLOW_TESTS := test/reliability/% test/frame/cli.test.ts test/report/report-browser.test.ts test/scale/% test/publish/readers.test.ts
ALL_TESTS = $(shell find test -name '*.test.ts' | sort)
FAST_TESTS = $(filter-out $(SLOW_TESTS),$(ALL_TESTS))

## test: the fast gate (< 2 min on 2 cores): type check, then every test but the slow ones (see `check`)
test: $(DEPS)
	$(BIN)/tsc --noEmit
	SHARED=$(abspath $(SHARED)) $(BIN)/tsx --test --test-reporter=dot $(FAST_TESTS)

## check: the full gate: lint, type check (TypeScript and JavaScript), unused exports, then ALL tests (reliability and end-to-end
## included; NER_TRAIN=1: the committed tagger model equals a fresh `make train`, about 40 s)
## (the tests that spawn the CLI run the bundle built from the current sources: CLI_BUNDLE, test/support/cli.ts)
check: lint format-check typecheck knip $(BUNDLE)
	SHARED=$(abspath $(SHARED)) NER_TRAIN=1 CLI_BUNDLE=$(abspath $(BUNDLE)) $(BIN)/tsx --test --test-reporter=dot $(ALL_TESTS)

## lint: eslint with typescript-eslint (eslint.config.mjs)
lint: $(DEPS)
	$(BIN)/eslint --max-warnings 0 .

## knip: unused files, exports and dependencies (knip.json)
format-check: $(DEPS)
	$(BIN)/prettier --check --log-level warn $(FORMATTED)

knip: $(DEPS)
	$(BIN)/knip --no-progress

## format: prettier over the sources (.prettierrc.json); run once, in a commit of its own, when no branch is open
## format: prettier over the code (the same files make check's format-check reads)
format: $(DEPS)
	$(BIN)/prettier --write --log-level warn $(FORMATTED)

## eval: score $(OUT)/ against the hand annotation of the seed articles
eval:
	node $(SHARED)/eval/score.mjs --gold $(SHARED)/gold/seeds.gold.json --output $(OUT) --verbose

## eval-holdout: build and score our own held-out articles (test/holdout: invented, hand-annotated; guards against fitting the seeds)
eval-holdout: $(DEPS)
	sh test/holdout/run.sh

## train: retrain the name tagger on CoNLL-2003 train ($(SHARED)/dev/conll2003/train.txt) into models/ner-en.json (byte for byte reproducible; the text is never copied)
train: $(DEPS)
	$(BIN)/tsx pipeline/extract/actors/ner/train.ts --conll $(SHARED)/dev/conll2003/train.txt --out models/ner-en.json

## bench-ner: the name tagger's cost per MB (tokens/s) on the BBC bench corpus
bench-ner: $(DEPS)
	$(BIN)/tsx bench/ner-speed.ts --corpus $(SHARED)/corpora/bbc-news-2225/bbc-news-2225.jsonl

## lexicons: the lexicons derived from public data, rebuilt (WORDNET: a WordNet 3.0 dict folder with index.noun and data.noun)
WORDNET ?= /usr/share/wordnet
lexicons: $(DEPS)
	$(BIN)/tsx pipeline/lexicons/en/build-party-nouns.ts --wordnet $(WORDNET)

## bench-long: the cost of one long article at doubling lengths (per-article cost linear in length)
bench-long: $(DEPS)
	$(BIN)/tsx bench/long-article.ts

## bench: speed and memory on the bench corpus (read in place from $(SHARED)/corpora)
bench: $(DEPS)
	$(BIN)/tsx bench/run.ts --corpora $(SHARED)/corpora

## clean: remove installed packages, the per-article cache, shard results, temporary build folders and test artifacts (output/ is kept: it is the published dataset)
clean:
	rm -rf node_modules .cache .bundle .bundle.tmp $(SHARDS) test/artifacts .$(notdir $(OUT)).tmp-* .$(notdir $(OUT)).old-*
