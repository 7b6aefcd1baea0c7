/** Firing and quiet cases of the EC2 rules that read the bundle folder next to the AppSpec (5xxx, E3010, W2024). */
import type { RuleCase } from './ruleCase';

const H = 'version: 0.0\nos: linux\n';
const hook = (location: string) => `${H}hooks:\n  ApplicationStart:\n    - location: ${location}\n`;
const SCRIPT = { content: '#!/bin/bash\necho ok\n', mode: 0o755 };

export const FIRES_EC2_WORKSPACE: RuleCase[] = [
  { id: 'W5001', name: 'hook script missing', text: hook('scripts/start.sh'), files: {}, line: 5 },
  {
    id: 'W5002',
    name: 'hook script not executable',
    text: hook('scripts/start.sh'),
    files: { 'scripts/start.sh': { content: '#!/bin/bash\n', mode: 0o644 } },
    line: 5,
  },
  {
    id: 'W5003',
    name: 'hook script without #!',
    text: hook('scripts/start.sh'),
    files: { 'scripts/start.sh': { content: 'echo ok\n', mode: 0o755 } },
    line: 5,
  },
  {
    id: 'W5004',
    name: 'hook script with CRLF',
    text: hook('scripts/start.sh'),
    files: { 'scripts/start.sh': { content: '#!/bin/bash\r\necho ok\r\n', mode: 0o755 } },
    line: 5,
  },
  {
    id: 'W5005',
    name: 'files source missing',
    text: `${H}files:\n  - source: build\n    destination: /var/www\n`,
    files: {},
    line: 4,
  },
  {
    id: 'W5005',
    name: 'a digit-string folder missing (looked up as written)',
    text: `${H}files:\n  - source: 00010358\n    destination: /srv\n`,
    files: { '10358/x': 'x' },
    line: 4,
  },
  {
    id: 'E3010',
    name: 'pattern on an installed file',
    text: `${H}files:\n  - source: app.conf\n    destination: /etc/app\npermissions:\n  - object: /etc/app/app.conf\n    pattern: "*.conf"\n`,
    files: { 'app.conf': 'x' },
    line: 8,
  },
  {
    id: 'W2024',
    name: 'an instance path that the bundle does not hold',
    text: `${H}files:\n  - source: /var/www/html\n    destination: /var/www/html\n`,
    files: {},
    line: 4,
  },
];

export const QUIET_EC2_WORKSPACE: RuleCase[] = [
  { id: 'W2002', name: 'appspec.yml in a bundle folder', text: `${H}files: []\n`, files: {} },
  { id: 'W5001', name: 'hook script present', text: hook('scripts/start.sh'), files: { 'scripts/start.sh': SCRIPT } },
  { id: 'W5002', name: 'executable script', text: hook('scripts/start.sh'), files: { 'scripts/start.sh': SCRIPT } },
  { id: 'W5003', name: 'script with #!', text: hook('scripts/start.sh'), files: { 'scripts/start.sh': SCRIPT } },
  { id: 'W5004', name: 'script with LF', text: hook('scripts/start.sh'), files: { 'scripts/start.sh': SCRIPT } },
  {
    id: 'W5005',
    name: 'a digit-string folder present (not read as the number 10358)',
    text: `${H}files:\n  - source: 00010358\n    destination: /srv\n`,
    files: { '00010358/x': 'x' },
  },
  {
    id: 'W5005',
    name: 'an instance path is W2024',
    text: `${H}files:\n  - source: /var/www/html\n    destination: /srv\n`,
    files: { 'index.html': 'x' },
  },
  {
    id: 'E3010',
    name: 'pattern on a folder',
    text: `${H}files:\n  - source: conf\n    destination: /etc/app\npermissions:\n  - object: /etc/app\n    pattern: "*.conf"\n`,
    files: { 'conf/app.conf': 'x' },
  },
  {
    id: 'W2024',
    name: 'a bundle laid out like the instance',
    text: `${H}files:\n  - source: /var/www/html\n    destination: /var/www/html\n`,
    files: { 'var/www/html/index.html': 'x' },
  },
];
