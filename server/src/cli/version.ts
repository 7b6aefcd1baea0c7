/**
 * The tool version, read from the package.json above the bundle: the extension's (dist/ or the compiled out/) or,
 * in the npm package, appspec-lint's own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

export function toolVersion(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if ((pkg.name === 'appspec-codedeploy' || pkg.name === 'appspec-lint') && pkg.version)
        return (cached = pkg.version);
    } catch {
      // keep looking upwards
    }
    dir = path.dirname(dir);
  }
  return (cached = '0.0.0');
}
