#!/bin/bash
set -euo pipefail
echo "installing dependencies"
