/**
 * Turns whatever the SDK (or the network) throws into an AwsUserError: a sentence a user can act
 * on, the service's error name as `code`, and a suggested action. Messages never carry secrets.
 */
import { AwsUserError, type ConnectionSettings } from './api';
import { redactSecrets } from './redact';

const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired', 'RequestExpired']);
const BAD_CREDENTIALS = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'IncompleteSignature',
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
]);
const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'SlowDown',
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'PriorRequestNotComplete',
  'TransactionInProgressException',
]);
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
]);

interface SdkLikeError {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $fault?: string;
  $metadata?: { attempts?: number; httpStatusCode?: number };
  $retryable?: unknown;
  cause?: unknown;
  errors?: unknown[];
}

/** Removes anything that looks like a secret, a credential command or its output, and the connection's own keys. */
export function scrub(text: string, settings?: ConnectionSettings): string {
  const c = settings?.credentials;
  return redactSecrets(text, [c?.secretAccessKey, c?.sessionToken, c?.accessKeyId]);
}

function networkCode(err: SdkLikeError | undefined, depth = 0): string | undefined {
  if (!err || depth > 4) return undefined;
  const code = err.code ?? err.name;
  if (code && UNREACHABLE.has(code)) return code;
  for (const e of err.errors ?? []) {
    const inner = networkCode(e as SdkLikeError, depth + 1);
    if (inner) return inner;
  }
  return (
    networkCode(err.cause as SdkLikeError | undefined, depth + 1) ??
    /\b(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET)\b/.exec(err.message ?? '')?.[1]
  );
}

/** The request a failure belongs to, when it is not a CodeDeploy call (the revision upload goes to S3). */
export interface ErrorTarget {
  service: 'S3';
  bucket: string;
}

function where(settings?: ConnectionSettings, target?: ErrorTarget): string {
  if (target) {
    const at = settings?.s3Endpoint ? ` at ${settings.s3Endpoint}` : ` in ${settings?.region ?? 'the selected region'}`;
    return `S3 (bucket "${target.bucket}")${at}`;
  }
  if (settings?.endpoint) return `the CodeDeploy endpoint ${settings.endpoint}`;
  return `CodeDeploy in ${settings?.region ?? 'the selected region'}`;
}

export function ssoLoginHint(profile?: string): string {
  return profile ? `aws sso login --profile ${profile}` : 'aws sso login';
}

export interface ErrorContext {
  /** The connection's profile signs in through SSO (known to the factory). */
  ssoProfile?: boolean;
  /** What the default credential chain found, source by source (set when it found nothing). */
  chainReport?: string;
}

/** Errors that mean "no credentials could be loaded" (before any request was signed). */
export function isCredentialLoadError(error: unknown): boolean {
  const e = (error && typeof error === 'object' ? error : {}) as SdkLikeError;
  return (
    e.name === 'CredentialsProviderError' ||
    e.name === 'TokenProviderError' ||
    /could not load credentials/i.test(String(e.message ?? ''))
  );
}

export function toUserError(
  error: unknown,
  settings?: ConnectionSettings,
  context: ErrorContext = {},
  target?: ErrorTarget,
): AwsUserError {
  if (error instanceof AwsUserError) return error;
  const err = (error && typeof error === 'object' ? error : { message: String(error) }) as SdkLikeError;
  const name = err.name && err.name !== 'Error' ? err.name : (err.Code ?? err.code ?? 'UnknownError');
  const raw = scrub(String(err.message ?? ''), settings);
  const profile = settings?.profile;
  const local = settings?.kind === 'local';

  const net = networkCode(err);
  if (net || name === 'TimeoutError' || name === 'RequestTimeout') {
    const why =
      net === 'ECONNREFUSED'
        ? 'connection refused'
        : net === 'ENOTFOUND' || net === 'EAI_AGAIN'
          ? 'host not found'
          : net
            ? net
            : 'timed out';
    const tip = local
      ? ' Is the local endpoint running? Restart it with "CodeDeploy: Use the Local CodeDeploy Endpoint".'
      : ' Check the endpoint setting, your network and proxy.';
    return new AwsUserError(`Cannot reach ${where(settings, target)} (${why}).${tip}`, net ?? name, 'check-endpoint');
  }

  const ssoish = /\bSSO\b|sso_|token.*(expired|refresh)|refresh.*token|aws sso login/i.test(raw);
  const credentialTrouble =
    EXPIRED.has(name) ||
    name === 'CredentialsProviderError' ||
    name === 'TokenProviderError' ||
    /could not load credentials/i.test(raw);
  if (credentialTrouble) {
    if (!profile && !ssoish) {
      const msg = EXPIRED.has(name)
        ? 'The AWS credentials from the default credential chain have expired. Refresh them (for example `aws configure`, or new environment variables), or pick a profile from your AWS config files.'
        : `The default credential chain found no AWS credentials${context.chainReport ? `. It tried ${context.chainReport}` : ''}. Pick a profile ("CodeDeploy: Connect to an AWS Profile…"), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run \`aws configure\`.`;
      return new AwsUserError(msg, name, 'pick-profile');
    }
    if (context.ssoProfile || ssoish || EXPIRED.has(name)) {
      const who = profile ? `profile "${profile}"` : 'the default profile';
      return new AwsUserError(
        `The AWS session for ${who} has expired or is not signed in. Run \`${ssoLoginHint(profile)}\` in a terminal, then try again.`,
        name,
        'sso-login',
      );
    }
    // A failed credential_process: its command line, arguments and stderr stay out of the message.
    const processFailed = /Command failed/i.test(raw);
    const detail = processFailed
      ? ': its credential_process command failed (run it in a terminal to see why; its command line and output are not shown here)'
      : raw
        ? `: ${raw}`
        : '';
    return new AwsUserError(
      `Profile "${profile}" could not provide AWS credentials${detail}. Check the profile in your AWS config files or pick another one.`,
      name,
      'pick-profile',
    );
  }
  if (local && BAD_CREDENTIALS.has(name)) {
    const from = settings?.localKeySource
      ? `The access key id was taken from ${settings.localKeySource}.`
      : 'The extension gave it the key it printed when it started.';
    return new AwsUserError(
      `${where(settings)} refused the access key id (${name}). ${from} Each start of the local endpoint makes a new key: set CODEDEPLOY_LOCAL_ACCESS_KEY_ID to the AWS_ACCESS_KEY_ID it printed, or start it with its default data folder, then reload the window.`,
      name,
      'check-endpoint',
    );
  }
  if (BAD_CREDENTIALS.has(name)) {
    return new AwsUserError(
      `AWS rejected the credentials (${name}): ${raw} Pick another profile or refresh the credentials.`,
      name,
      'pick-profile',
    );
  }
  if (THROTTLED.has(name) || err.$metadata?.httpStatusCode === 429) {
    const attempts = err.$metadata?.attempts;
    return new AwsUserError(
      `${target ? 'S3' : 'CodeDeploy'} is throttling requests${attempts ? ` (still throttled after ${attempts} attempts)` : ''}. Wait a moment and try again.`,
      name,
      'retry',
    );
  }
  if (err.$fault === 'server' && (err.$metadata?.httpStatusCode ?? 500) >= 500) {
    return new AwsUserError(
      `${where(settings, target)} had an internal error (${name}): ${raw || 'no details'}. Try again.`,
      name,
      'retry',
    );
  }
  if (target) return new AwsUserError(`Uploading to ${where(settings, target)} failed (${name}): ${raw || 'no details'}`, name);
  return new AwsUserError(raw || name, name);
}
