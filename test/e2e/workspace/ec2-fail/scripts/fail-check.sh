#!/bin/bash
set -euo pipefail
# The local endpoint fails a hook whose script name says "fail".
curl -fsS http://localhost/health
