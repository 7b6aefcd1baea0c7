#!/bin/bash
set -euo pipefail
systemctl restart nginx
