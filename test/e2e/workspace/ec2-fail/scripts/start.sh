#!/bin/bash
set -euo pipefail
echo "starting the site"
