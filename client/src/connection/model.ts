/**
 * Connections as data: what the settings say → which endpoint to use, the status bar text, the
 * quick-pick entries, and what to tell the user when credentials fail. Pure.
 */
import { localS3Url, type ConnectionSettings } from '../aws/api';

export type ConnectionKind = 'none' | 'local' | 'aws';

export interface ConnectionChoice {
  kind: ConnectionKind;
  profile?: string;
  region: string;
  /** A custom endpoint URL (VPC endpoint or an already running local endpoint). */
  endpoint?: string;
}

export interface ProfileInfo {
  name: string;
  sso?: boolean;
  region?: string;
}

/** The secret key sent to a local endpoint: any value works (it checks the access key id, contract C1). Not a secret. */
export const LOCAL_SECRET = 'local';
export const LOCAL_REGION = 'us-east-1';

/** A stable key for "the same connection" (remembered deployments, resumed monitors). */
export function connectionKey(c: ConnectionChoice): string {
  // An already running endpoint (codedeploy.endpoint) is another connection than the built-in one.
  if (c.kind === 'local') return c.endpoint ? `local:${c.endpoint}` : 'local';
  if (c.kind === 'none') return 'none';
  return `aws:${c.profile || 'default'}:${c.region}${c.endpoint ? ':' + c.endpoint : ''}`;
}

export function statusText(c: ConnectionChoice): string {
  if (c.kind === 'local') return 'CodeDeploy: Local';
  if (c.kind === 'none') return 'CodeDeploy: Not Connected';
  return `${c.profile || 'default'} · ${c.region}`;
}

export function statusTooltip(c: ConnectionChoice): string {
  if (c.kind === 'local') return 'CodeDeploy: the local simulated endpoint (no AWS account). Click to change.';
  if (c.kind === 'none')
    return 'CodeDeploy: no connection chosen. Click to choose the local endpoint or an AWS profile.';
  return `CodeDeploy: profile ${c.profile || '(default credential chain)'} in ${c.region}${c.endpoint ? ` via ${c.endpoint}` : ''}. Click to change.`;
}

/**
 * Settings for the API factory. `local` is where the in-process endpoint listens, with its access key id;
 * `externalKey` is the key found for an endpoint given by `codedeploy.endpoint` (connection/localKey.ts).
 */
export function apiSettings(
  c: ConnectionChoice,
  local?: { url: string; s3Url?: string; accessKeyId?: string },
  externalKey?: { accessKeyId?: string; source: string },
): ConnectionSettings {
  if (c.kind === 'local') {
    if (!local && !c.endpoint) throw new Error('The local endpoint is not running.');
    const key = c.endpoint ? externalKey : local;
    return {
      kind: 'local',
      region: LOCAL_REGION,
      endpoint: c.endpoint || local?.url,
      // An already running endpoint (codedeploy.endpoint) serves S3 on its own port: never real AWS.
      s3Endpoint: c.endpoint ? localS3Url(c.endpoint) : local?.s3Url,
      credentials: { accessKeyId: key?.accessKeyId ?? 'local', secretAccessKey: LOCAL_SECRET },
      ...(c.endpoint && externalKey ? { localKeySource: externalKey.source } : {}),
    };
  }
  return { kind: 'aws', region: c.region, profile: c.profile || undefined, endpoint: c.endpoint || undefined };
}

export interface PickEntry {
  label: string;
  description?: string;
  detail?: string;
  kind?: 'separator';
  action?:
    | { type: 'local' }
    | { type: 'profile'; profile: string; region?: string }
    | { type: 'region'; region: string }
    | { type: 'defaultChain' };
}

/** Common regions offered in the picker (a typed region is accepted too). */
export const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-east-1',
  'me-central-1',
  'af-south-1',
];

/** The quick pick: local first, then profiles (SSO marked), then regions for the current profile. */
export function pickEntries(current: ConnectionChoice, profiles: ProfileInfo[]): PickEntry[] {
  const entries: PickEntry[] = [];
  entries.push({
    label: '$(server-process) Local endpoint',
    description: current.kind === 'local' ? 'current' : 'simulated CodeDeploy, no AWS account',
    action: { type: 'local' },
  });
  entries.push({ label: 'Profiles', kind: 'separator' });
  if (!profiles.length) {
    entries.push({
      label: '$(key) Default credential chain',
      description: 'no profiles found in ~/.aws/config or ~/.aws/credentials',
      action: { type: 'defaultChain' },
    });
  }
  for (const p of [...profiles].sort((a, b) => a.name.localeCompare(b.name))) {
    const isCurrent = current.kind === 'aws' && (current.profile || 'default') === p.name;
    entries.push({
      label: `$(${p.sso ? 'organization' : 'key'}) ${p.name}`,
      description: [p.sso ? 'SSO' : '', p.region ?? '', isCurrent ? 'current' : ''].filter(Boolean).join(' · '),
      action: { type: 'profile', profile: p.name, region: p.region },
    });
  }
  if (current.kind === 'aws') {
    entries.push({ label: `Region for ${current.profile || 'default'}`, kind: 'separator' });
    for (const r of REGIONS) {
      entries.push({
        label: `$(globe) ${r}`,
        description: r === current.region ? 'current' : undefined,
        action: { type: 'region', region: r },
      });
    }
  }
  return entries;
}

/** Applies a quick-pick action to the current choice. */
export function applyPick(current: ConnectionChoice, action: NonNullable<PickEntry['action']>): ConnectionChoice {
  switch (action.type) {
    case 'local':
      return { kind: 'local', region: current.region };
    case 'profile':
      return {
        kind: 'aws',
        profile: action.profile,
        region: action.region ?? current.region,
        endpoint: current.kind === 'aws' ? current.endpoint : undefined,
      };
    case 'defaultChain':
      return { kind: 'aws', profile: undefined, region: current.region };
    case 'region':
      return { ...current, kind: current.kind === 'none' ? 'aws' : current.kind, region: action.region };
  }
}

/** Quotes a profile name for a shell command line when it is not plainly safe. */
export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_.@+=:,\/-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function ssoLoginCommand(profile: string | undefined): string {
  return profile ? `aws sso login --profile ${shellQuote(profile)}` : 'aws sso login';
}

const EXPIRED =
  /expired|ExpiredToken|token.*(invalid|refresh)|sso.*(session|login)|The SSO session|UnrecognizedClientException|InvalidSignature|security token included in the request is invalid|Could not load credentials|CredentialsProviderError/i;

export interface CredentialAdvice {
  message: string;
  /** Offer `aws sso login`. */
  ssoLogin: boolean;
  /** Offer picking another profile. */
  pickProfile: boolean;
}

/** Credential problems → what to tell the user; undefined for other errors. */
export function credentialAdvice(err: unknown, c: ConnectionChoice): CredentialAdvice | undefined {
  if (c.kind !== 'aws' || !err || typeof err !== 'object') return undefined;
  const e = err as { name?: string; code?: string; action?: string; message?: string };
  const text = `${e.name ?? ''} ${e.code ?? ''} ${e.message ?? ''}`;
  const profile = c.profile || 'default';
  if (e.action === 'sso-login' || (/sso/i.test(text) && EXPIRED.test(text))) {
    return {
      message: `The SSO session for profile "${profile}" has expired or is not signed in.`,
      ssoLogin: true,
      pickProfile: true,
    };
  }
  if (e.action === 'pick-profile' || EXPIRED.test(text)) {
    // Without a profile the default credential chain was used: its message says which sources it tried.
    const message = c.profile
      ? `The credentials of profile "${profile}" are missing, invalid or expired: ${e.message ?? e.name ?? 'unknown error'}`
      : e.action === 'pick-profile' && e.message
        ? e.message
        : `The default credential chain could not provide valid AWS credentials: ${e.message ?? e.name ?? 'unknown error'}`;
    return { message, ssoLogin: false, pickProfile: true };
  }
  return undefined;
}
