import type { Finding, Rule } from '../../types';
import { findPair, isScalar } from '../../ast';
import { bundleRelative, finding, hookScripts, isInstancePath, templated, textOf } from './util';

export const hookLocationLeadingSeparator: Rule = {
  id: 'I4017',
  name: 'hook-location-leading-separator',
  severity: 'info',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Hook `location` starts with a separator that is ignored',
  doc:
    'A `location` such as `/scripts/start.sh` is resolved inside the bundle like `scripts/start.sh`: both agents join ' +
    'it onto the bundle root, so the leading `/` (or `\\`) does nothing. It works, hence only information; writing the ' +
    'bundle-relative path makes clear that the script comes from the revision. A path that names a place on the ' +
    'instance (`/opt/…`, `/var/…`, `C:\\…`) is W4008.',
  check(doc) {
    const out: Finding[] = [];
    for (const { script } of hookScripts(doc)) {
      const value = findPair(script, 'location')?.value;
      const loc = textOf(value);
      if (!isScalar(value) || loc === undefined || templated(value) || /\s/.test(loc)) continue;
      if (!/^[\\/]/.test(loc) || isInstancePath(loc)) continue;
      out.push(
        finding(
          'I4017',
          `\`location: ${loc}\` is resolved relative to the bundle root (as \`${bundleRelative(loc)}\`); the leading separator is ignored.`,
          doc.rangeOf(value),
        ),
      );
    }
    return out;
  },
};
