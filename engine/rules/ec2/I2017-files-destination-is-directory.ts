import type { Finding, Rule } from '../../types';
import { bundleRelative, filesEntries, finding, valueRange } from './util';
import { sourceIsFile } from './W2016-files-duplicate-destination';

/** Extensions that name files, not folders (domain-like folder names such as `example.com` stay out). */
const FILE_EXT =
  /\.(?:jar|war|ear|js|mjs|cjs|json|ya?ml|xml|txt|sh|py|rb|php|html?|conf|cfg|ini|env|properties|service|zip|tar|gz|tgz|exe|dll|ps1|bat|cmd|toml|pem|crt|key|sql|csv|log|md)$/i;

export const filesDestinationIsDirectory: Rule = {
  id: 'I2017',
  name: 'files-destination-is-directory',
  severity: 'info',
  platforms: ['ec2'],
  reads: 'workspace',
  title: '`files` destination is a folder, not a new file name',
  doc:
    '`destination` is always a folder: a file `source` is copied into it under its own name (`destination/<name>`), it ' +
    'cannot be renamed. A destination that looks like a file name (`/opt/app/app.jar`) therefore creates a folder of ' +
    'that name with the file inside (`/opt/app/app.jar/app.jar`). Point `destination` at the containing folder.',
  check(doc, ctx) {
    const out: Finding[] = [];
    for (const entry of filesEntries(doc)) {
      if (entry.source === undefined || entry.destination === undefined || !entry.destPair) continue;
      if (sourceIsFile(doc, entry, ctx) !== true) continue;
      const base = bundleRelative(entry.source).split('/').pop() ?? '';
      const destBase =
        entry.destination
          .replace(/[\\/]+$/, '')
          .split(/[\\/]/)
          .pop() ?? '';
      if (destBase !== base && !FILE_EXT.test(destBase)) continue;
      const sep = entry.destination.includes('\\') && !entry.destination.includes('/') ? '\\' : '/';
      const landing = entry.destination.replace(/[\\/]+$/, '') + sep + base;
      out.push(
        finding(
          'I2017',
          `\`destination\` is a folder: \`${base}\` will be installed as \`${landing}\`. To install it as \`${entry.destination}\`, use the containing folder as the destination.`,
          valueRange(doc, entry.destPair),
        ),
      );
    }
    return out;
  },
};
