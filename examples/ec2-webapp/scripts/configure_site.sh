#!/bin/bash
# AfterInstall: point nginx at the freshly installed site and record which deployment put it there.
set -euo pipefail
cat > /etc/nginx/conf.d/webapp.conf <<CONF
server {
  listen 80 default_server;
  root /usr/share/nginx/html/webapp;
  location /health { return 200 "ok\n"; }
}
CONF
echo "${DEPLOYMENT_ID:-unknown} ${DEPLOYMENT_GROUP_NAME:-unknown}" > /usr/share/nginx/html/webapp/version.txt
nginx -t
