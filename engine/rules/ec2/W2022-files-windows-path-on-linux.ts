import type { Finding, Rule } from '../../types';
import { WINDOWS_ABSOLUTE, filesEntries, finding, osOf, valueRange } from './util';

export const filesWindowsPathOnLinux: Rule = {
  id: 'W2022',
  name: 'files-windows-path-on-linux',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Windows-style path in `files` under `os: linux`',
  doc:
    'Under `os: linux` a drive letter (`c:\\deploy`) or a backslash is just part of a file name: a Windows-style ' +
    '`destination` creates a strangely named folder relative to the agent, and a backslash `source` does not exist in ' +
    'the bundle. Use forward slashes and an absolute Linux destination, or set `os: windows` if the instances run Windows.',
  check(doc) {
    if (osOf(doc) !== 'linux') return [];
    const out: Finding[] = [];
    for (const entry of filesEntries(doc)) {
      if (
        entry.destination !== undefined &&
        entry.destPair &&
        (WINDOWS_ABSOLUTE.test(entry.destination) || entry.destination.includes('\\'))
      ) {
        out.push(
          finding(
            'W2022',
            `\`destination: ${entry.destination}\` is a Windows path, but \`os\` is \`linux\`; use an absolute Linux path such as \`/opt/app\`.`,
            valueRange(doc, entry.destPair),
          ),
        );
      }
      if (entry.source !== undefined && entry.sourcePair && entry.source !== '\\' && entry.source.includes('\\')) {
        out.push(
          finding(
            'W2022',
            `\`source: ${entry.source}\` uses backslashes, which are ordinary characters on Linux; use \`${entry.source.replace(/\\/g, '/')}\`.`,
            valueRange(doc, entry.sourcePair),
          ),
        );
      }
    }
    return out;
  },
};
