import type { Finding, Rule } from '../../types';
import { findPair, isScalar } from '../../ast';
import { bundleRelative, escapesRoot, finding, hookScripts, isInstancePath, templated, textOf } from './util';

export const hookScriptLocationForm: Rule = {
  id: 'W4008',
  name: 'hook-script-location-form',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Hook `location` with arguments, an absolute path or `..`',
  doc:
    '`location` is the path of one file inside the bundle. The whole string is the file name: arguments after a space ' +
    'make it "Script does not exist at specified location". An absolute instance path (`/opt/app/start.sh`, `C:\\…`) ' +
    'is still resolved inside the bundle, not on the instance (a leading `/` before a bundle folder such as ' +
    '`/scripts/start.sh` works: I4017), and a `..` that climbs out of the bundle is rejected by hardened ' +
    'v2 agents. Use a bundle-relative path such as `scripts/start.sh`; pass settings through environment or files.',
  check(doc) {
    const out: Finding[] = [];
    for (const { script } of hookScripts(doc)) {
      const value = findPair(script, 'location')?.value;
      const loc = textOf(value);
      if (!isScalar(value) || loc === undefined || templated(value)) continue;
      const range = () => doc.rangeOf(value); // only for the scripts reported
      if (/\s/.test(loc)) {
        out.push(
          finding(
            'W4008',
            `\`location: ${loc}\` contains whitespace: the whole text is taken as the file name (arguments are not supported), so the script is not found. Move arguments into the script.`,
            range(),
          ),
        );
      } else if (isInstancePath(loc)) {
        const rel = bundleRelative(loc.replace(/^[A-Za-z]:/, ''));
        out.push(
          finding(
            'W4008',
            `\`location: ${loc}\` looks like a path on the instance, but it is resolved inside the bundle (as \`${rel}\`); put the script in the bundle and write its bundle-relative path.`,
            range(),
          ),
        );
      } else if (escapesRoot(bundleRelative(loc))) {
        out.push(
          finding(
            'W4008',
            `\`location: ${loc}\` climbs out of the bundle with \`..\`; scripts must be inside the revision.`,
            range(),
          ),
        );
      }
    }
    return out;
  },
};
