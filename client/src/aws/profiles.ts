/**
 * Profile names from the shared AWS config and credentials files, for the connection picker.
 * Only names, SSO markers and regions are read out; keys never leave this function.
 * Honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE like the SDK and the CLI.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface ProfileSummary {
  name: string;
  sso: boolean;
  region?: string;
  source: 'config' | 'credentials' | 'both';
}

type Sections = Map<string, Map<string, string>>;

/** A small INI reader: `[section]`, `key = value`, `#`/`;` comments, indented continuation lines ignored. */
export function parseIni(text: string): Sections {
  const out: Sections = new Map();
  let current: Map<string, string> | undefined;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]/.exec(trimmed);
    if (header) {
      current = out.get(header[1]) ?? new Map();
      out.set(header[1], current);
      continue;
    }
    if (/^\s/.test(line)) continue; // nested (s3 = …) values
    const eq = trimmed.indexOf('=');
    if (current && eq > 0) current.set(trimmed.slice(0, eq).trim().toLowerCase(), trimmed.slice(eq + 1).trim());
  }
  return out;
}

async function readIfExists(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return '';
  }
}

export function configFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_CONFIG_FILE || path.join(os.homedir(), '.aws', 'config');
}

export function credentialsFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_SHARED_CREDENTIALS_FILE || path.join(os.homedir(), '.aws', 'credentials');
}

/** Profiles from the config file (`[profile x]`, `[default]`) and the credentials file (`[x]`), sorted, default first. */
export function profilesFromText(configText: string, credentialsText: string): ProfileSummary[] {
  const byName = new Map<string, ProfileSummary>();
  for (const [section, values] of parseIni(configText)) {
    let name: string | undefined;
    if (section === 'default') name = 'default';
    else if (/^profile\s+/.test(section)) name = section.replace(/^profile\s+/, '').trim();
    if (!name) continue; // sso-session, services, …
    byName.set(name, {
      name,
      sso: values.has('sso_start_url') || values.has('sso_session') || values.has('sso_account_id'),
      ...(values.get('region') ? { region: values.get('region') } : {}),
      source: 'config',
    });
  }
  for (const section of parseIni(credentialsText).keys()) {
    const known = byName.get(section);
    if (known) known.source = 'both';
    else byName.set(section, { name: section, sso: false, source: 'credentials' });
  }
  return [...byName.values()].sort((a, b) =>
    a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name),
  );
}

export async function listProfiles(env: NodeJS.ProcessEnv = process.env): Promise<ProfileSummary[]> {
  const [config, credentials] = await Promise.all([
    readIfExists(configFilePath(env)),
    readIfExists(credentialsFilePath(env)),
  ]);
  return profilesFromText(config, credentials);
}

/** True when the named profile signs in through IAM Identity Center (SSO). */
export async function isSsoProfile(name: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const profiles = profilesFromText(await readIfExists(configFilePath(env)), '');
  return profiles.some((p) => p.name === name && p.sso);
}
