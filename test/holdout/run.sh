#!/bin/sh
# Builds the held-out articles into $HOLDOUT_OUT (default /tmp/holdout-out-<user>-<pid>, so parallel runs never share it) and scores them against holdout.gold.json.
# Run from anywhere; needs nothing but the project's node_modules. Does not touch output/.
set -e
cd "$(dirname "$0")/../.."
OUT="${HOLDOUT_OUT:-/tmp/holdout-out-$(id -u)-$$}"
rm -rf "$OUT"
node_modules/.bin/tsx pipeline/cli.ts --raw test/holdout/raw --out "$OUT" --no-cache
node ../shared/eval/score.mjs --gold test/holdout/holdout.gold.json --output "$OUT" --verbose
