import type { Finding, Rule } from '../../types';
import { WINDOWS_ABSOLUTE, filesEntries, finding, osOf, valueRange } from './util';

export const filesDestinationNotAbsolute: Rule = {
  id: 'W2013',
  name: 'files-destination-not-absolute',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`files` destination is not a fully qualified path',
  doc:
    '`destination` must be a fully qualified path on the instance: `/var/www/app` on Linux, `C:\\inetpub\\app` (or a UNC ' +
    'path) on Windows. The agents do not enforce it but resolve a relative path against their own working directory, ' +
    'so files land somewhere unexpected; `~` is not expanded either. Write the full path. (Windows paths under ' +
    '`os: linux` are reported by W2022.)',
  check(doc) {
    const os = osOf(doc);
    const out: Finding[] = [];
    for (const entry of filesEntries(doc)) {
      const dest = entry.destination;
      if (dest === undefined || !entry.destPair) continue;
      const range = () => valueRange(doc, entry.destPair); // only for the entries reported
      const unixAbs = dest.startsWith('/');
      const winAbs = WINDOWS_ABSOLUTE.test(dest);
      if (dest.startsWith('~')) {
        out.push(
          finding(
            'W2013',
            `\`destination: ${dest}\` starts with \`~\`, which the agent does not expand; write the full path (e.g. \`/home/ec2-user${dest.slice(1)}\`).`,
            range(),
          ),
        );
        continue;
      }
      if (os === 'linux') {
        if (unixAbs || winAbs || dest.includes('\\')) continue;
        out.push(
          finding(
            'W2013',
            `\`destination: ${dest}\` is relative; the agent resolves it against its own working directory. Use an absolute path such as \`/${dest}\`.`,
            range(),
          ),
        );
      } else if (os === 'windows') {
        if (winAbs) continue;
        out.push(
          finding(
            'W2013',
            `\`destination: ${dest}\` is not a fully qualified Windows path; use a drive-letter path such as \`C:\\${dest.replace(/^[\\/]+/, '').replace(/\//g, '\\')}\`.`,
            range(),
          ),
        );
      } else if (!unixAbs && !winAbs) {
        out.push(
          finding(
            'W2013',
            `\`destination: ${dest}\` is not a fully qualified path (\`/path\` on Linux, \`C:\\path\` on Windows).`,
            range(),
          ),
        );
      }
    }
    return out;
  },
};
