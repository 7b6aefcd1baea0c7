#!/bin/bash
# ApplicationStart: (re)start nginx with the new configuration.
set -euo pipefail
systemctl enable nginx
systemctl restart nginx
