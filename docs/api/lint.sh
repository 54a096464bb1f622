#!/usr/bin/env bash
# Lints the API document (openapi.yaml) with Redocly CLI's recommended rules (redocly.yaml), the
# version pinned in package-lock.json. The build runs it (control-center-ear/web, verify phase);
# it installs the linter into docs/api/node_modules the first time, with the machine's npm.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "lint.sh: the API document is linted with Node.js and npm; install them" \
    "(Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
want="$(sed -n 's/.*"@redocly\/cli": "\([^"]*\)".*/\1/p' package.json | head -1)"
have="$(node -p 'require("./node_modules/@redocly/cli/package.json").version' 2>/dev/null || true)"
if [[ "$have" != "$want" ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec ./node_modules/.bin/redocly lint openapi.yaml --format=stylish
