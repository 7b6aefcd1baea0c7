/**
 * The access key id of a local endpoint the extension did not start (`codedeploy.endpoint` with connection
 * `local`, e.g. `npm run local`): env CODEDEPLOY_LOCAL_ACCESS_KEY_ID, else the `access-key-id` file in the
 * endpoint's default data folder (~/.codedeploy-local). `source` says where it came from, for error messages.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ACCESS_KEY_ENV, ACCESS_KEY_FILE, defaultDataDir } from '../local/defaults';

export interface LocalKey {
  accessKeyId?: string;
  /** Where the key came from, or where it was looked for. Never the key itself. */
  source: string;
}

export async function findLocalAccessKey(
  env: NodeJS.ProcessEnv = process.env,
  readFile: (file: string) => Promise<string> = (f) => fs.readFile(f, 'utf8'),
  home?: string,
): Promise<LocalKey> {
  const fromEnv = env[ACCESS_KEY_ENV]?.trim();
  if (fromEnv) return { accessKeyId: fromEnv, source: `the environment variable ${ACCESS_KEY_ENV}` };
  const file = path.join(defaultDataDir(home), ACCESS_KEY_FILE);
  try {
    const key = (await readFile(file)).trim();
    if (key) return { accessKeyId: key, source: file };
  } catch {
    // no file: say where we looked
  }
  return { source: `nowhere (${ACCESS_KEY_ENV} is not set and ${file} does not exist)` };
}
