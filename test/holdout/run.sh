#!/bin/sh
# Builds the held-out articles into /tmp/holdout-out and scores them against holdout.gold.json.
# Run from anywhere; needs nothing but the project's node_modules. Does not touch output/.
set -e
cd "$(dirname "$0")/../.."
rm -rf /tmp/holdout-out
node_modules/.bin/tsx pipeline/cli.ts --raw test/holdout/raw --out /tmp/holdout-out
node ../shared/eval/score.mjs --gold test/holdout/holdout.gold.json --output /tmp/holdout-out --verbose
