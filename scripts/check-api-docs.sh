#!/usr/bin/env bash
# Fails when docs/api (the TypeDoc reference, committed so it reads on GitHub) differs from what
# `npm run docs:api` would write now. TypeDoc runs with typedoc.json, where warnings are errors
# (a broken {@link}, a public type that refers to an unexported one), so those fail here too.
# The output is deterministic: no dates, versions or source links, only relative paths.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
npx typedoc --out "$out/api" --logLevel Warn
if ! diff -r docs/api "$out/api"; then
  echo "docs/api is out of date: run npm run docs:api and commit the result." >&2
  exit 1
fi
echo "docs/api matches the code."
