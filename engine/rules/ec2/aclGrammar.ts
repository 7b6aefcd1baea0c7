/**
 * The ACL entry grammar both agents accept (appspec.md §3.5.1), and the forms only one generation accepts.
 */
export type AclVerdict =
  | { kind: 'ok'; isDefault: boolean }
  | { kind: 'v1-only' | 'v2-only'; isDefault: boolean; reason: string }
  | { kind: 'invalid'; reason: string };

const DEFAULT = new Set(['d', 'default']);
const TYPES: Record<string, 'user' | 'group' | 'mask' | 'other'> = {
  u: 'user',
  user: 'user',
  g: 'group',
  group: 'group',
  m: 'mask',
  mask: 'mask',
  o: 'other',
  other: 'other',
};

function permsProblem(perms: string): string | undefined {
  if (/^[0-7]$/.test(perms) || /^[rwx-]*$/.test(perms)) return undefined;
  const bad = /^\d+$/.test(perms) ? perms : [...perms].find((c) => !'rwx-'.includes(c));
  return `the permissions \`${perms}\` must be one digit 0-7 or letters from \`rwx-\`${bad !== undefined && bad !== perms ? ` (invalid character \`${bad}\`)` : ''}`;
}

export function checkAcl(entry: string): AclVerdict {
  const parts = entry.trim().split(':');
  if (parts.length < 2 || parts.length > 4)
    return {
      kind: 'invalid',
      reason: 'an entry has the form `[d:]type:name:perms`, e.g. `u:bob:rw` or `d:g:admins:rwx`',
    };
  const isDefault = DEFAULT.has(parts[0]) && parts.length >= 3;
  const rest = isDefault ? parts.slice(1) : parts;
  const perms = rest[rest.length - 1];
  const pp = permsProblem(perms);
  if (pp) return { kind: 'invalid', reason: pp };
  if (rest.length === 1) return { kind: 'invalid', reason: 'an entry has the form `[d:]type:name:perms`' };
  if (rest.length === 2) {
    // `bob:6`, `m:7`, `d:bob:rwx`: a name (or mask) and permissions without a type.
    if (isDefault)
      return {
        kind: 'v1-only',
        isDefault,
        reason: 'a default entry without a type (`d:name:perms`) is accepted by agent v1 only; write `d:u:name:perms`',
      };
    return {
      kind: 'v1-only',
      isDefault,
      reason: 'the two-part form is accepted by agent v1 only; write `u:name:perms` or `m::perms`',
    };
  }
  const [typeText, name] = rest;
  const type = TYPES[typeText];
  if (!type) return { kind: 'invalid', reason: `unknown entry type \`${typeText}\`; use \`u\`, \`g\`, \`m\` or \`o\`` };
  if ((type === 'mask' || type === 'other') && name !== '')
    return {
      kind: 'invalid',
      reason: `a \`${typeText}\` entry takes no name; write \`${isDefault ? 'd:' : ''}${typeText}::${perms}\``,
    };
  if (!isDefault && name === '') {
    if (type === 'user' || type === 'group')
      return {
        kind: 'invalid',
        reason: `unnamed \`${typeText}::\` entries are base entries; set them with \`mode\` instead`,
      };
    if (type === 'other')
      return {
        kind: 'v2-only',
        isDefault,
        reason:
          'a non-default `o::` entry is accepted by agent v2 only (v1 says "Use mode to set the base acl entry"); set it with `mode`',
      };
  }
  return { kind: 'ok', isDefault };
}
