/**
 * Removes secrets from text before a user or a log sees it: AWS access key ids, secret keys,
 * session tokens, `name = value` pairs of credential settings, and everything a failed
 * `credential_process` command reports (its command line, arguments and stderr follow "Command
 * failed:" in Node's message). Pure; used where errors become messages (errors.ts) and by the
 * log channel writer, so every line the extension writes passes through it.
 */

/** Key id prefixes AWS uses (access keys, STS, users, roles, ...). */
const KEY_ID = /\b(AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|AGPA|APKA|ABIA|ACCA)[A-Z0-9]{12,}\b/g;
/** A 40-character secret access key (mixed case and digits or `/+`; never a lowercase hex hash). */
const SECRET_KEY = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
/** Session tokens and other long base64 blobs. */
const LONG_BLOB = /[A-Za-z0-9/+]{100,}={0,2}/g;
/** `name = value`, `name: value`, `"name": "value"` for credential settings and headers. */
const NAMED_SECRET =
  /(["']?)(aws_secret_access_key|aws_session_token|aws_security_token|secret_?access_?key|session_?token|x-amz-security-token|credential_process|password|client_?secret)\1(\s*[=:]\s*)("[^"\n]*"|'[^'\n]*'|[^\s,;}]+)/gi;
/** Node's exec failure: "Command failed: <command line>\n<stderr>": nothing after it is shown. */
const COMMAND_FAILED = /Command failed:[\s\S]*$/i;
/** SigV4 signatures and credential scopes in request dumps. */
const SIGNATURE = /\b(Signature|Credential)=([^\s,]+)/g;

const MASK = '****';

function looksLikeSecretKey(s: string): boolean {
  return /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9/+]/.test(s);
}

/**
 * `text` without anything secret-looking. `known` are values to remove wherever they appear (the
 * connection's own keys); values shorter than 4 characters are ignored.
 */
export function redactSecrets(text: string, known: readonly (string | undefined)[] = []): string {
  let out = text.replace(COMMAND_FAILED, 'Command failed (its command line and output are not shown).');
  for (const secret of known) {
    if (secret && secret.length >= 4) out = out.split(secret).join(MASK);
  }
  out = out.replace(NAMED_SECRET, (_m, q: string, name: string) => (q ? `${q}${name}${q}: "${MASK}"` : `${name}=${MASK}`));
  out = out.replace(SIGNATURE, `$1=${MASK}`);
  out = out.replace(KEY_ID, `$1${MASK}`);
  out = out.replace(LONG_BLOB, MASK);
  return out.replace(SECRET_KEY, (m) => (looksLikeSecretKey(m) ? MASK : m));
}

/** True when `text` still holds something `redactSecrets` would remove (tests and log checks). */
export function containsSecret(text: string, known: readonly (string | undefined)[] = []): boolean {
  return redactSecrets(text, known) !== text;
}
