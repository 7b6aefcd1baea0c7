#!/bin/bash
# BeforeInstall: make sure nginx is present before the files are copied.
set -euo pipefail
if ! command -v nginx >/dev/null 2>&1; then
  dnf install -y nginx
fi
mkdir -p /usr/share/nginx/html/webapp
