/**
 * When the default credential chain finds nothing, say which of its sources were looked at and what
 * each had: environment variables, the shared files' profile, SSO/process entries, container and
 * instance roles. Only names and presence are read; no key or token leaves this file.
 */
import { promises as fs } from 'node:fs';
import { configFilePath, credentialsFilePath, parseIni } from './profiles';

export interface ChainFacts {
  env: NodeJS.ProcessEnv;
  configPath: string;
  credentialsPath: string;
  /** Undefined when the file does not exist or cannot be read. */
  configText?: string;
  credentialsText?: string;
}

/** Sentences, one per source of the default chain, saying what was found. Pure. */
export function describeChain(f: ChainFacts): string[] {
  const env = f.env;
  const out: string[] = [];
  const hasKey = !!env.AWS_ACCESS_KEY_ID;
  const hasSecret = !!env.AWS_SECRET_ACCESS_KEY;
  out.push(
    hasKey && hasSecret
      ? 'environment variables: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set but were not accepted'
      : hasKey
        ? 'environment variables: AWS_ACCESS_KEY_ID is set without AWS_SECRET_ACCESS_KEY'
        : 'environment variables: AWS_ACCESS_KEY_ID is not set',
  );
  const profile = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
  const configSection = profile === 'default' ? 'default' : `profile ${profile}`;
  const where: string[] = [];
  if (f.credentialsText !== undefined && parseIni(f.credentialsText).has(profile)) where.push(f.credentialsPath);
  if (f.configText !== undefined && parseIni(f.configText).has(configSection)) where.push(f.configPath);
  const missingFiles = [
    f.credentialsText === undefined ? f.credentialsPath : '',
    f.configText === undefined ? f.configPath : '',
  ].filter(Boolean);
  out.push(
    where.length
      ? `shared files: profile "${profile}" is in ${where.join(' and ')} but gave no usable credentials`
      : missingFiles.length === 2
        ? `shared files: neither ${f.credentialsPath} nor ${f.configPath} exists`
        : `shared files: no [${profile === 'default' ? 'default' : profile}] profile in ${[f.credentialsPath, f.configPath].filter((p) => !missingFiles.includes(p)).join(' or ')}`,
  );
  const container = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  out.push(
    env.AWS_WEB_IDENTITY_TOKEN_FILE
      ? 'web identity: AWS_WEB_IDENTITY_TOKEN_FILE is set but gave no credentials'
      : container
        ? 'container role: the container credentials endpoint gave no credentials'
        : env.AWS_EC2_METADATA_DISABLED === 'true'
          ? 'instance role: not tried (AWS_EC2_METADATA_DISABLED=true)'
          : 'instance role: no EC2 instance metadata answered',
  );
  return out;
}

async function readOrUndefined(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** What the default chain had to work with on this machine, as one sentence a user can act on. */
export async function defaultChainReport(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configPath = configFilePath(env);
  const credentialsPath = credentialsFilePath(env);
  const facts: ChainFacts = {
    env,
    configPath,
    credentialsPath,
    configText: await readOrUndefined(configPath),
    credentialsText: await readOrUndefined(credentialsPath),
  };
  return describeChain(facts).join('; ');
}
