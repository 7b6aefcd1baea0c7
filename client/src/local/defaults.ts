/**
 * Where the standalone endpoint keeps its data and its access key by default, shared with the extension
 * (which reads the key of an endpoint started with `npm run local`). Small on purpose: the extension's
 * activation bundle includes it.
 */
import * as os from 'node:os';
import * as path from 'node:path';

/** The file in the data folder that holds the endpoint's access key id (mode 0600). */
export const ACCESS_KEY_FILE = 'access-key-id';
/** The environment variable that gives the endpoint its access key id (and tells the extension which one to use). */
export const ACCESS_KEY_ENV = 'CODEDEPLOY_LOCAL_ACCESS_KEY_ID';

/** `~/.codedeploy-local`: the data folder of `node dist/local.js` when `--data` is not given. */
export function defaultDataDir(home: string = os.homedir()): string {
  return path.join(home, '.codedeploy-local');
}
