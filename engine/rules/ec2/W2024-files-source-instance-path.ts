import type { Finding, Rule } from '../../types';
import { bundleRelative, filesEntries, finding, isInstancePath, valueRange } from './util';
import { sourceStatOf } from './workspace';

export const filesSourceInstancePath: Rule = {
  id: 'W2024',
  name: 'files-source-instance-path',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'workspace',
  title: '`files` source is a path on the instance, not in the bundle',
  doc:
    '`source` names a file or folder of the revision: both agents join it onto the bundle root (agent v1 ' +
    '`installer.rb`: `File.join(deployment_archive_dir, source)`; agent v2 `src/installer/core.rs`, ' +
    '`process_file_mapping`, strips leading separators and joins the rest onto the archive folder), so a leading `/` is ignored. A source written as ' +
    'a place on the instance (`/opt/codedeploy-agent/deployment-root/…`, `/var/www/html`, `C:\\inetpub\\…`) is ' +
    'therefore looked up inside the bundle, where it rarely exists, and the install fails with "No such file or ' +
    'directory". It is a warning because a bundle laid out like the instance (`var/www/html/` at its root) works: ' +
    'when the AppSpec is on disk and that folder exists next to it, nothing is reported. Write the bundle-relative ' +
    'path of what to copy (`source: build/`), and the place on the instance as `destination`.',
  check(doc, ctx) {
    const out: Finding[] = [];
    for (const entry of filesEntries(doc)) {
      if (entry.source === undefined || !entry.sourcePair || !isInstancePath(entry.source)) continue;
      if (ctx.fs && ctx.bundleRoot && sourceStatOf(doc, ctx, entry)) continue; // the bundle does hold it
      out.push(
        finding(
          'W2024',
          `\`source: ${entry.source}\` looks like a path on the instance, but sources are read from the bundle (as \`${bundleRelative(entry.source.replace(/^[A-Za-z]:/, ''))}\`), where it is unlikely to exist; name what to copy from the revision, and put the instance path in \`destination\`.`,
          valueRange(doc, entry.sourcePair),
        ),
      );
    }
    return out;
  },
};
