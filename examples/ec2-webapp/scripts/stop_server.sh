#!/bin/bash
# ApplicationStop: runs the PREVIOUS revision's copy of this script; must not fail on a fresh instance.
set -euo pipefail
if systemctl is-active --quiet nginx; then
  systemctl stop nginx
fi
