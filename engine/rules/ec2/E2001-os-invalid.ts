import type { AppSpecDocument, Edit, Fix, Rule } from '../../types';
import { findPair, isScalar, keyText, pairsOf, scalarString } from '../../ast';
import { finding, replaceString, renameKey, templated } from './util';

const LINUX_LIKE = /linux|ubuntu|debian|centos|rhel|red ?hat|amazon|al2|fedora|suse|rocky|alma|unix/i;

function insertOsEdit(doc: AppSpecDocument, value: string): Edit {
  const version = findPair(doc.root, 'version');
  const end = (version?.value as { range?: [number, number, number] } | null)?.range?.[1];
  if (end !== undefined) {
    const nl = doc.text.indexOf('\n', end);
    const at = nl === -1 ? doc.text.length : nl;
    return { range: doc.rangeOf([at, at]), newText: `\nos: ${value}` };
  }
  return { range: doc.rangeOf([0, 0]), newText: `os: ${value}\n` };
}

export const osInvalid: Rule = {
  id: 'E2001',
  name: 'os-invalid',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`os` must be exactly `linux` or `windows`',
  doc:
    'The EC2/On-Premises agent requires a top-level `os` key whose value is exactly `linux` or `windows` (lower case); ' +
    'anything else, including a missing key, `Linux` or a distribution name such as `ubuntu`, fails the deployment with ' +
    '"unsupported operating system". Use `linux` for every Linux distribution. Note that agent v1 also requires the ' +
    'value to match the instance it runs on (`os: windows` fails on a Linux instance); that cannot be checked here.',
  check(doc) {
    if (!doc.root) return [];
    const pair = findPair(doc.root, 'os');
    if (!pair) {
      const misCased = pairsOf(doc.root).find((p) => keyText(p)?.toLowerCase() === 'os');
      if (misCased) {
        return [
          finding(
            'E2001',
            `Key \`${keyText(misCased)}\` is not read: keys are case-sensitive, the agent needs \`os\` (lower case).`,
            doc.keyRangeOf(misCased),
            {
              fixes: [
                {
                  title: `Rename \`${keyText(misCased)}\` to \`os\``,
                  edits: [renameKey(doc, misCased, 'os')],
                  isPreferred: true,
                },
              ],
            },
          ),
        ];
      }
      const version = findPair(doc.root, 'version');
      return [
        finding(
          'E2001',
          'Missing required key `os`: the agent fails with "unsupported operating system ()". Add `os: linux` or `os: windows`.',
          version ? doc.keyRangeOf(version) : doc.rangeOf([0, 0]),
          {
            fixes:
              doc.format === 'json' || doc.root.flow
                ? []
                : [
                    { title: 'Add `os: linux`', edits: [insertOsEdit(doc, 'linux')], isPreferred: true },
                    { title: 'Add `os: windows`', edits: [insertOsEdit(doc, 'windows')] },
                  ],
          },
        ),
      ];
    }
    const value = pair.value;
    if (templated(value)) return [];
    const text = scalarString(value);
    if (text === 'linux' || text === 'windows') return [];
    if (!isScalar(value) || text === undefined) {
      return [
        finding(
          'E2001',
          '`os` must be the string `linux` or `windows`.',
          value && isScalar(value) && value.range ? doc.rangeOf(value) : doc.keyRangeOf(pair),
        ),
      ];
    }
    const lower = text.trim().toLowerCase();
    const fixes: Fix[] = [];
    let message: string;
    if (lower === 'linux' || lower === 'windows') {
      message = `\`os\` is case-sensitive: \`${text}\` is not accepted. Did you mean \`${lower}\`?`;
      fixes.push({ title: `Change to \`${lower}\``, edits: [replaceString(doc, value, lower)], isPreferred: true });
    } else {
      const guess = /win/i.test(lower) ? 'windows' : LINUX_LIKE.test(lower) ? 'linux' : undefined;
      message =
        `\`os\` must be exactly \`linux\` or \`windows\` (found \`${text}\`); the agent fails with "unsupported operating system".` +
        (guess === 'linux' ? ' Use `linux` for every Linux distribution.' : guess ? ' Did you mean `windows`?' : '');
      if (guess)
        fixes.push({ title: `Change to \`${guess}\``, edits: [replaceString(doc, value, guess)], isPreferred: true });
    }
    return [finding('E2001', message, doc.rangeOf(value), { fixes })];
  },
};
