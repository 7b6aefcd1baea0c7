/** Cases each EC2 rule must stay quiet on: near misses of what it reports (run by negatives.test.ts and ruleCoverage.test.ts). */
import type { RuleCase } from '../coverage/ruleCase';

const H = 'version: 0.0\nos: linux\n';
const W = 'version: 0.0\nos: windows\n';
const perm = (body: string) =>
  H + 'files:\n  - source: /\n    destination: /opt/app\npermissions:\n  - object: /opt/app\n' + body;
const script = (body: string, head = H) =>
  head + 'hooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n' + body;

export const QUIET: RuleCase[] = [
  { id: 'E2001', name: 'templated os', text: 'version: 0.0\nos: ${TARGET_OS}\nfiles: []\n' },
  { id: 'E2001', name: 'windows', text: W },
  {
    id: 'W2004',
    name: 'all known keys',
    text: H + 'files: []\nfile_exists_behavior: RETAIN\npermissions: []\nhooks: {}\n',
  },
  { id: 'E2005', name: 'lowercase hooks', text: H + 'hooks:\n  BeforeInstall:\n    - location: a.sh\n' },
  { id: 'E2010', name: 'empty files value', text: H + 'files:\n' },
  { id: 'E2011', name: 'templated source', text: H + 'files:\n  - source: ${ARTIFACT}\n    destination: /opt/app\n' },
  { id: 'W2013', name: 'absolute linux', text: H + 'files:\n  - source: /\n    destination: /opt/app\n' },
  {
    id: 'W2013',
    name: 'windows forward slashes',
    text: W + 'files:\n  - source: \\\n    destination: C:/inetpub/app\n',
  },
  { id: 'W2013', name: 'windows UNC', text: W + 'files:\n  - source: \\\n    destination: \\\\server\\share\\app\n' },
  { id: 'W2013', name: 'placeholder', text: H + 'files:\n  - source: /\n    destination: <DEST>\n' },
  {
    id: 'W2015',
    name: 'inner dotdot',
    text: H + 'files:\n  - source: build/../dist\n    destination: /opt/app/../app2\n',
  },
  {
    id: 'W2016',
    name: 'two folders into one destination',
    text: H + 'files:\n  - source: a/conf\n    destination: /etc/app\n  - source: b/conf\n    destination: /etc/app\n',
  },
  {
    id: 'W2016',
    name: 'same file name, other folders',
    text:
      H + 'files:\n  - source: a/app.conf\n    destination: /etc/a\n  - source: b/app.conf\n    destination: /etc/b\n',
  },
  { id: 'I2017', name: 'folder source', text: H + 'files:\n  - source: build\n    destination: /opt/app.d\n' },
  {
    id: 'I2017',
    name: 'domain-like folder',
    text: H + 'files:\n  - source: index.html\n    destination: /var/www/example.com\n',
  },
  {
    id: 'W2019',
    name: 'top-level only',
    text: H + 'files:\n  - source: /\n    destination: /opt\nfile_exists_behavior: OVERWRITE\n',
  },
  {
    id: 'W2022',
    name: 'windows paths under windows',
    text: W + 'files:\n  - source: build\\app\n    destination: c:\\deploy\n',
  },
  { id: 'E3001', name: 'empty permissions on windows', text: W + 'permissions: []\n' },
  {
    id: 'W3004',
    name: 'object above the destination',
    text:
      H +
      'files:\n  - source: /\n    destination: /var/www/html/app\npermissions:\n  - object: /var/www\n    type: [directory]\n',
  },
  {
    id: 'W3004',
    name: 'no plain destinations',
    text: H + 'files:\n  - source: /\n    destination: ${DEST}\npermissions:\n  - object: /srv/x\n',
  },
  { id: 'E3006', name: 'block list', text: perm('    type:\n      - file\n      - directory\n') },
  { id: 'E3008', name: 'good modes', text: perm('    mode: 4755\n') },
  { id: 'E3008', name: 'quoted leading zero', text: perm('    mode: "0644"\n') },
  { id: 'W3009', name: 'quoted', text: perm("    mode: '0644'\n") },
  { id: 'W3009', name: 'no leading zero', text: perm('    mode: 644\n') },
  { id: 'W3009', name: 'zero that reads the same', text: perm('    mode: 07\n') },
  { id: 'E3011', name: 'default ACL on directories', text: perm('    type: [directory]\n    acls: [d:u:bob:rwx]\n') },
  { id: 'E3011', name: 'narrow pattern', text: perm('    pattern: "*.d"\n    acls: [d:u:bob:rwx]\n') },
  { id: 'W3012', name: 'plain patterns', text: perm('    pattern: "*.sh"\n    except: [tmp, "*.log"]\n') },
  {
    id: 'W3013',
    name: 'split by type',
    text: perm('    type: [file]\n    mode: 644\n  - object: /opt/app\n    type: [directory]\n    mode: 755\n'),
  },
  { id: 'W3013', name: 'sibling objects', text: perm('    pattern: "*.js"\n  - object: /opt/other\n') },
  {
    id: 'W3013',
    name: 'nested with a narrow outer pattern',
    text: perm('    pattern: "*.sh"\n  - object: /opt/app/bin\n'),
  },
  {
    id: 'E3014',
    name: 'portable ACLs',
    text: perm(
      '    type: [directory]\n    acls: [u:bob:rw, user:bob:7, g:web:r-x, "m::rwx", "d:u::rwx", "d:o::r", "default:mask::7", "u:bob:"]\n',
    ),
  },
  {
    id: 'W3015',
    name: 'portable ACLs',
    text: perm('    type: [directory]\n    acls: [u:bob:rw, "d:g:web:rx", "m::7"]\n'),
  },
  {
    id: 'E3016',
    name: 'good ranges',
    text: perm(
      '    context:\n      type: t\n      range: s0-s15:c0.c1023\n  - object: /opt/app/x\n    type: [directory]\n    context:\n      type: t\n      range: s2:c1,c3\n',
    ),
  },
  { id: 'W3022', name: 'directory mode with x', text: perm('    mode: 755\n    type: [directory]\n') },
  { id: 'W3022', name: 'files only', text: perm('    mode: 644\n    type: [file]\n') },
  { id: 'E4001', name: 'null event', text: H + 'hooks:\n  AfterInstall:\n' },
  { id: 'W4002', name: 'templated event', text: H + 'hooks:\n  ${EVENT}:\n    - location: a.sh\n' },
  {
    id: 'W4002',
    name: 'all nine events',
    text:
      H +
      'hooks:\n' +
      [
        'ApplicationStop',
        'BeforeInstall',
        'AfterInstall',
        'ApplicationStart',
        'ValidateService',
        'BeforeBlockTraffic',
        'AfterBlockTraffic',
        'BeforeAllowTraffic',
        'AfterAllowTraffic',
      ]
        .map((e) => `  ${e}:\n    - location: a.sh\n`)
        .join(''),
  },
  { id: 'I4004', name: 'non-traffic event', text: script('') },
  { id: 'W2014', name: 'plain source', text: H + 'files:\n  - source: target/app.jar\n    destination: /opt/app\n' },
  { id: 'W2020', name: 'known keys only', text: H + 'files:\n  - source: /\n    destination: /opt/app\n' },
  { id: 'W2021', name: 'short windows path', text: W + 'files:\n  - source: \\\n    destination: C:\\app\n' },
  {
    id: 'W2021',
    name: 'long linux path',
    text: H + 'files:\n  - source: /\n    destination: /' + 'a'.repeat(300) + '\n',
  },
  { id: 'E3002', name: 'list of mappings', text: perm('') },
  { id: 'E3003', name: 'object present', text: perm('    owner: app\n') },
  { id: 'E3007', name: 'lists of strings', text: perm('    except: [tmp]\n    acls:\n      - u:bob:rw\n') },
  {
    id: 'W3017',
    name: 'context name',
    text: perm('    context:\n      name: system_u\n      type: t\n      range: s0\n'),
  },
  { id: 'I3019', name: 'context with range', text: perm('    context:\n      type: t\n      range: s0\n') },
  {
    id: 'W3021',
    name: 'all permission keys',
    text: perm(
      '    pattern: "**"\n    except: []\n    owner: a\n    group: b\n    mode: 644\n    acls: []\n    type: [file]\n    context:\n      name: u\n      type: t\n      range: s0\n',
    ),
  },
  { id: 'W4003', name: 'scriptable event', text: script('') },
  { id: 'W4005', name: 'event with scripts', text: script('') },
  { id: 'E4006', name: 'mapping entries', text: script('') },
  { id: 'E4006', name: 'templated entry', text: H + 'hooks:\n  ApplicationStart:\n    - ${START_SCRIPT}\n' },
  { id: 'E2010', name: 'templated entry', text: H + 'files:\n  - ${FILES_ENTRY}\n' },
  { id: 'E4007', name: 'location present', text: script('') },
  { id: 'E2001', name: 'linux', text: H },
  { id: 'E2005', name: 'no Hooks', text: H },
  { id: 'E2018', name: 'valid value', text: H + 'file_exists_behavior: DISALLOW\n' },
  { id: 'E3001', name: 'permissions on linux', text: perm('') },
  { id: 'E3006', name: 'flow list', text: perm('    type: [directory]\n') },
  { id: 'E3010', name: 'without workspace', text: perm('    pattern: "*.conf"\n') },
  { id: 'W3015', name: 'no acls', text: perm('') },
  { id: 'W2022', name: 'linux paths', text: H + 'files:\n  - source: build/app\n    destination: /opt/app\n' },
  { id: 'W2002', name: 'not on disk', text: H },
  { id: 'I2003', name: 'appspec.yml', text: H },
  {
    id: 'W4008',
    name: 'relative paths',
    text: H + 'hooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n    - location: ./scripts/b.sh\n',
  },
  { id: 'E4009', name: 'good timeout', text: script('      timeout: 300\n') },
  { id: 'W4010', name: 'good timeout', text: script('      timeout: 300\n') },
  {
    id: 'W4011',
    name: 'sum exactly 3600',
    text: script('      timeout: 1800\n    - location: b.sh\n      timeout: 1800\n'),
  },
  { id: 'W4011', name: 'missing timeouts are not added', text: script('    - location: b.sh\n    - location: c.sh\n') },
  { id: 'W4012', name: 'known keys', text: script('      timeout: 10\n      runas: app\n      sudo: true\n') },
  { id: 'W4013', name: 'runas on linux', text: script('      runas: root\n') },
  { id: 'W4014', name: 'sudo false', text: script('      sudo: false\n') },
  { id: 'W4015', name: 'ps1 on windows', text: W + 'hooks:\n  ApplicationStart:\n    - location: scripts/start.ps1\n' },
  {
    id: 'W4015',
    name: 'unknown os',
    text: 'version: 0.0\nhooks:\n  ApplicationStart:\n    - location: scripts/start.bat\n',
  },
  { id: 'W2023', name: 'empty files value', text: H + 'files:\npermissions:\n' },
  { id: 'W2023', name: 'an empty list', text: H + 'files: []\n' },
  {
    id: 'W2024',
    name: 'a leading slash before a bundle folder',
    text: H + 'files:\n  - source: /build\n    destination: /var/www\n',
  },
  { id: 'W2024', name: 'the whole bundle', text: H + 'files:\n  - source: /\n    destination: /var/www\n' },
  { id: 'W2024', name: 'a digit-string folder', text: H + 'files:\n  - source: 00010358\n    destination: /srv/app\n' },
  { id: 'W2025', name: 'entries indented under files', text: H + 'files:\n  - source: /\n    destination: /var/www\n' },
  {
    id: 'W2025',
    name: 'an empty files with other sections after it',
    text: H + 'files:\nhooks:\n  BeforeInstall:\n    - location: a.sh\n',
  },
  { id: 'W3023', name: 'a literal object with a pattern', text: perm('    pattern: "**"\n    mode: 644\n') },
  { id: 'E3024', name: 'a leading zero agent v1 reads without failing (W3009)', text: perm('    mode: 0644\n') },
  { id: 'E3024', name: 'a quoted mode', text: perm("    mode: '0755'\n") },
  { id: 'I3025', name: 'context without role', text: perm('    context:\n      type: t\n      range: s0\n') },
  { id: 'I4016', name: 'a blank event is W4005', text: H + 'hooks:\n  AfterInstall:\n' },
  { id: 'I4017', name: 'a bundle-relative location', text: script('') },
  {
    id: 'I4017',
    name: 'an instance path is W4008',
    text: H + 'hooks:\n  ApplicationStart:\n    - location: /opt/app/start.sh\n',
  },
  {
    id: 'E4018',
    name: 'a PowerShell script on Windows',
    text: W + 'hooks:\n  ApplicationStart:\n    - location: scripts/start.ps1\n',
  },
  { id: 'E4018', name: 'a shell script on Linux', text: script('') },
  { id: 'E4019', name: 'script keys under the event', text: script('      timeout: 300\n') },
  {
    id: 'E4019',
    name: 'a blank event followed by another event',
    text: H + 'hooks:\n  ApplicationStop:\n  ApplicationStart:\n    - location: a.sh\n',
  },
];
