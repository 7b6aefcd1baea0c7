#!/bin/bash
set -euo pipefail
dnf install -y nginx
