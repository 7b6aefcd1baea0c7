#!/bin/bash
# ValidateService: fail the deployment unless the site answers within 60 seconds.
set -euo pipefail
for _ in $(seq 1 30); do
  if curl -fsS http://127.0.0.1/health >/dev/null; then
    exit 0
  fi
  sleep 2
done
echo "webapp did not become healthy" >&2
exit 1
