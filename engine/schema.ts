/**
 * The schema check: converts the YAML AST to a plain value while remembering which node every
 * JSON pointer came from, runs the ajv validator generated at build time for the platform, and
 * maps each error to the exact node (the key for unknown keys, the value for type/enum errors,
 * the parent's key for a missing key). Values holding pipeline placeholders are never reported.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { ErrorObject } from 'ajv';
import type { AppSpecDocument, Finding, Platform, Range } from './types';
import { hasPlaceholder, keyText, PLACEHOLDER, quoteLike } from './ast';
import { didYouMean } from './suggest';
import { MAX_ALIAS_COUNT } from './document';
import { validators } from './generated/validators';
import ec2Schema from '../schemas/ec2.schema.json';
import ecsSchema from '../schemas/ecs.schema.json';
import lambdaSchema from '../schemas/lambda.schema.json';

export const SCHEMA_IDS = {
  wrongType: 'E1101',
  missingKey: 'E1102',
  valueNotAllowed: 'E1103',
  unknownKey: 'W1104',
  outOfRange: 'E1105',
} as const;
export const SCHEMA_RULE_IDS: ReadonlySet<string> = new Set(Object.values(SCHEMA_IDS));

type JsonSchema = Record<string, unknown>;
export const SCHEMAS: Readonly<Record<Exclude<Platform, 'unknown'>, JsonSchema>> = {
  ec2: ec2Schema as JsonSchema,
  ecs: ecsSchema as JsonSchema,
  lambda: lambdaSchema as JsonSchema,
};

/** Canonical spelling of every ECS/Lambda key, by lower-case form (the tooling matches keys case-insensitively). */
const CANONICAL_KEYS: ReadonlyMap<string, string> = (() => {
  const names = new Set<string>();
  const walk = (s: unknown): void => {
    if (Array.isArray(s)) return s.forEach(walk);
    if (!s || typeof s !== 'object') return;
    const o = s as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') for (const k of Object.keys(o.properties)) names.add(k);
    for (const v of Object.values(o)) walk(v);
  };
  walk(ecsSchema);
  walk(lambdaSchema);
  return new Map([...names].map((n) => [n.toLowerCase(), n]));
})();

/** For each key name of a schema, where it belongs (for "misplaced key" hints). */
function keyHomes(schema: JsonSchema): Map<string, string> {
  const homes = new Map<string, string>();
  const defs = (schema.definitions ?? {}) as Record<string, JsonSchema>;
  const seen = new Set<unknown>();
  const walk = (s: unknown, where: string): void => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const o = s as JsonSchema;
    if (typeof o.$ref === 'string') return walk(defs[o.$ref.replace('#/definitions/', '')], where);
    if (o.properties && typeof o.properties === 'object') {
      for (const [k, sub] of Object.entries(o.properties as Record<string, unknown>)) {
        if (!homes.has(k)) homes.set(k, where);
        walk(sub, where === 'at the top level' ? `under \`${k}\`` : `under \`${k}\` (${where})`);
      }
    }
    if (o.items) walk(o.items, where.replace(/^under/, 'in an item of'));
    if (o.additionalProperties && typeof o.additionalProperties === 'object')
      walk(o.additionalProperties, `${where}, inside the named entry`);
  };
  walk(schema, 'at the top level');
  return homes;
}

const HOMES: Record<string, Map<string, string>> = {
  ec2: keyHomes(ec2Schema as JsonSchema),
  ecs: keyHomes(ecsSchema as JsonSchema),
  lambda: keyHomes(lambdaSchema as JsonSchema),
};

/** Where a JSON pointer's value came from. */
export interface PathEntry {
  node: Node | null;
  /** The pair holding the value, for mapping entries. */
  pair?: Pair;
}

export interface ConvertResult {
  value: unknown;
  paths: Map<string, PathEntry>;
  /** True when alias expansion stopped at the bound. */
  aliasLimitHit: boolean;
}

const escapePointer = (s: string) =>
  s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;

/**
 * A plain scalar such as `00010358`: a leading zero followed by digits that include 8 or 9. The `yaml`
 * package reads it as the decimal number 10358, but both EC2 agents (Ruby YAML 1.1) see an invalid
 * octal number and keep the text, so a folder named that way stays a name. Leading-zero numbers made
 * of digits 0-7 only (`0644`) stay numbers: the permission mode rules report those.
 */
const LEADING_ZERO_TEXT = /^0[0-9]*[89][0-9]*$/;

/** The value the EC2 agents read for a plain scalar (see LEADING_ZERO_TEXT). */
function ec2ScalarValue(node: Node): unknown {
  const s = node as Node & { value: unknown; source?: string; type?: string };
  if (
    typeof s.value === 'number' &&
    s.type === 'PLAIN' &&
    typeof s.source === 'string' &&
    LEADING_ZERO_TEXT.test(s.source)
  )
    return s.source;
  return s.value === undefined ? null : s.value;
}

/**
 * Converts a YAML node to a plain value, recording pointer → node. Aliases are followed at most
 * `MAX_ALIAS_COUNT` times in total (so alias bombs stay small); `canonicalKeys` renames keys to
 * their PascalCase spelling (ECS/Lambda); `ec2Scalars` reads scalars the way the EC2 agents do
 * (`00010358` is text there).
 */
export function convertWithPaths(
  doc: Document,
  node: unknown,
  canonicalKeys = false,
  ec2Scalars = false,
  recordPaths = true,
): ConvertResult {
  const paths = new Map<string, PathEntry>();
  let aliases = 0;
  let aliasLimitHit = false;
  // `path` is undefined when pointers are not recorded (the common case of a valid document needs none).
  const visit = (n: unknown, path: string | undefined, depth: number, pair?: Pair): unknown => {
    if (path !== undefined && !paths.has(path))
      paths.set(path, pair ? { node: (n as Node) ?? null, pair } : { node: (n as Node) ?? null });
    if (depth > 200) return null;
    let target = n;
    if (isAlias(n)) {
      if (++aliases > MAX_ALIAS_COUNT) {
        aliasLimitHit = true;
        return null;
      }
      target = n.resolve(doc);
      if (!target) return null;
    }
    if (isScalar(target)) {
      if (ec2Scalars) return ec2ScalarValue(target);
      return target.value === undefined ? null : target.value;
    }
    if (isSeq(target)) {
      const items = target.items;
      const out: unknown[] = new Array(items.length);
      for (let i = 0; i < items.length; i++)
        out[i] = visit(items[i], path === undefined ? undefined : `${path}/${i}`, depth + 1);
      return out;
    }
    if (isMap(target)) {
      const out: Record<string, unknown> = {};
      let merges: Pair[] | undefined;
      const add = (p: Pair, text: string | undefined) => {
        let key = text;
        if (key === undefined) return;
        if (canonicalKeys) key = CANONICAL_KEYS.get(key.toLowerCase()) ?? key;
        if (Object.prototype.hasOwnProperty.call(out, key)) return; // the first of duplicate keys wins
        out[key] = visit(p.value, path === undefined ? undefined : `${path}/${escapePointer(key)}`, depth + 1, p);
      };
      for (const p of target.items as Pair[]) {
        const text = keyText(p);
        if (text === '<<' && (isAlias(p.value) || isSeq(p.value))) (merges ??= []).push(p);
        else add(p, text);
      }
      // YAML 1.1 merge keys (`<<: *base`): explicit keys win over merged ones.
      for (const m of merges ?? []) {
        const sources = isSeq(m.value) ? m.value.items : [m.value];
        for (const src of sources) {
          if (!isAlias(src)) continue;
          if (++aliases > MAX_ALIAS_COUNT) {
            aliasLimitHit = true;
            break;
          }
          const resolved = src.resolve(doc);
          if (isMap(resolved)) for (const p of resolved.items as Pair[]) add(p, keyText(p));
        }
      }
      return out;
    }
    return null;
  };
  const value = visit(node, recordPaths ? '' : undefined, 0);
  return { value, paths, aliasLimitHit };
}

function resolvePointer(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const raw of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** The schema object that holds the failing keyword (from ajv's schemaPath). */
function parentSchema(schema: JsonSchema, schemaPath: string): JsonSchema | undefined {
  const parts = schemaPath.split('/');
  parts.pop();
  const s = resolvePointer(schema, parts.join('/'));
  return s && typeof s === 'object' ? (s as JsonSchema) : undefined;
}

function lastSegment(pointer: string): string {
  const seg = pointer.slice(pointer.lastIndexOf('/') + 1);
  return seg.replace(/~1/g, '/').replace(/~0/g, '~');
}

function describeValue(v: unknown): string {
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'number') return Number.isInteger(v) ? `the number ${v}` : `the number ${v}`;
  return `${typeof v === 'boolean' ? 'the boolean' : 'the value'} ${String(v)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'empty',
};

function typeWords(t: unknown): string {
  const list = Array.isArray(t) ? t : [t];
  const words = list.filter((x) => x !== 'null').map((x) => TYPE_WORDS[String(x)] ?? String(x));
  return words.length <= 1 ? (words[0] ?? 'empty') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function label(pointer: string): string {
  const key = lastSegment(pointer);
  if (!pointer) return 'The document';
  return /^\d+$/.test(key)
    ? `item ${Number(key) + 1} of \`${lastSegment(pointer.slice(0, pointer.lastIndexOf('/'))) || 'the list'}\``
    : `\`${key}\``;
}

function nodeValueText(entry: PathEntry | undefined): string | undefined {
  const n = entry?.node;
  if (!n) return undefined;
  if (isScalar(n)) return n.value === null || n.value === undefined ? undefined : String(n.value);
  return undefined;
}

/** True when a node (or any scalar under it) holds a pipeline placeholder. */
function containsPlaceholder(node: unknown, budget = { n: 500 }): boolean {
  if (budget.n-- <= 0) return false;
  if (hasPlaceholder(node)) return true; // also an unquoted `{{VAR}}`, which YAML reads as a flow mapping
  if (isScalar(node)) return false;
  if (isSeq(node)) return node.items.some((i) => containsPlaceholder(i, budget));
  if (isMap(node))
    return (node.items as Pair[]).some(
      (p) => PLACEHOLDER.test(keyText(p) ?? '') || containsPlaceholder(p.value, budget),
    );
  return false;
}

interface Ctx {
  platform: string;
  doc: AppSpecDocument;
  schema: JsonSchema;
  paths: Map<string, PathEntry>;
}

/** Range of the key that names the value at `pointer` (falls back to the value, then the document start). */
function keyRange(ctx: Ctx, pointer: string): Range {
  const e = ctx.paths.get(pointer);
  if (e?.pair) return ctx.doc.keyRangeOf(e.pair);
  if (e?.node && isMap(e.node) && e.node.items.length) return ctx.doc.keyRangeOf(e.node.items[0] as Pair);
  if (e?.node) return ctx.doc.rangeOf(e.node);
  return ctx.doc.rangeOf([0, 0]);
}

function valueRange(ctx: Ctx, pointer: string): Range {
  const e = ctx.paths.get(pointer);
  if (e?.node && e.node.range) {
    const r = e.node.range;
    // An empty value (`key:`) has a zero-width range: point at the key instead.
    if (r[1] > r[0]) return ctx.doc.rangeOf(e.node);
  }
  if (e?.pair) return ctx.doc.keyRangeOf(e.pair);
  return keyRange(ctx, pointer);
}

function mapError(ctx: Ctx, err: ErrorObject): Finding | undefined {
  const pointer = err.instancePath;
  const entry = ctx.paths.get(pointer);
  const parent = parentSchema(ctx.schema, err.schemaPath);
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String((err.params as { additionalProperty: string }).additionalProperty);
      const child = `${pointer}/${escapePointer(key)}`;
      const childEntry = ctx.paths.get(child);
      if (PLACEHOLDER.test(key)) return undefined;
      const known = Object.keys((parent?.properties as Record<string, unknown>) ?? {});
      const guess = didYouMean(key, known);
      const where = pointer ? ` in ${label(pointer)}` : ' at the top level';
      const home = HOMES[ctx.platform]?.get(key);
      const hint = guess
        ? ` Did you mean \`${guess}\`?`
        : home
          ? ` \`${key}\` belongs ${home}.`
          : known.length
            ? ` Known keys: ${known.map((k) => `\`${k}\``).join(', ')}.`
            : '';
      const finding: Finding = {
        ruleId: SCHEMA_IDS.unknownKey,
        message: `Unknown key \`${key}\`${where}: it is ignored.${hint}`,
        range: childEntry?.pair ? ctx.doc.keyRangeOf(childEntry.pair) : keyRange(ctx, child),
      };
      if (guess && childEntry?.pair?.key && isScalar(childEntry.pair.key) && !/[\r\n]/.test(key))
        finding.fixes = [
          {
            title: `Rename to \`${guess}\``,
            edits: [{ range: ctx.doc.keyRangeOf(childEntry.pair), newText: quoteLike(childEntry.pair.key, guess) }],
            isPreferred: true,
          },
        ];
      return finding;
    }
    case 'required': {
      const key = String((err.params as { missingProperty: string }).missingProperty);
      const where = pointer ? `${capitalize(label(pointer))} is missing` : 'The AppSpec is missing';
      const desc = (
        (parent?.properties as Record<string, JsonSchema>)?.[key]?.description as string | undefined
      )?.split('\n')[0];
      return {
        ruleId: SCHEMA_IDS.missingKey,
        message: `${where} the required key \`${key}\`.${desc ? ` ${desc}` : ''}`,
        range: keyRange(ctx, pointer),
      };
    }
    case 'propertyNames': {
      const key = String((err.params as { propertyName: string }).propertyName);
      const child = ctx.paths.get(`${pointer}/${escapePointer(key)}`);
      if (PLACEHOLDER.test(key)) return undefined;
      const allowed = ((parent?.propertyNames as JsonSchema | undefined)?.enum as string[] | undefined) ?? [];
      const guess = didYouMean(key, allowed);
      return {
        ruleId: SCHEMA_IDS.valueNotAllowed,
        message: `\`${key}\` is not allowed here. Use one of ${allowed.map((a) => `\`${a}\``).join(', ')}.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
        range: child?.pair ? ctx.doc.keyRangeOf(child.pair) : keyRange(ctx, pointer),
      };
    }
    case 'type': {
      if (containsPlaceholder(entry?.node)) return undefined;
      const expected = (err.params as { type: string | string[] }).type;
      const actual = resolvePointerValue(ctx, pointer);
      return {
        ruleId: SCHEMA_IDS.wrongType,
        message: `${capitalize(label(pointer))} must be ${typeWords(expected)}, not ${describeValue(actual)}.`,
        range: valueRange(ctx, pointer),
      };
    }
    case 'enum':
    case 'const': {
      if (containsPlaceholder(entry?.node)) return undefined;
      const allowed = ((err.params as { allowedValues?: unknown[] }).allowedValues ?? [
        (err.params as { allowedValue?: unknown }).allowedValue,
      ]) as unknown[];
      const text = nodeValueText(entry);
      const guess = text !== undefined ? didYouMean(text, allowed.map(String)) : undefined;
      const finding: Finding = {
        ruleId: SCHEMA_IDS.valueNotAllowed,
        message: `${capitalize(label(pointer))} must be ${allowed.length === 1 ? '' : 'one of '}${allowed.map((a) => `\`${String(a)}\``).join(', ')}${text !== undefined ? `, not \`${text}\`` : ''}.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
        range: valueRange(ctx, pointer),
      };
      if (
        guess &&
        entry?.node &&
        isScalar(entry.node) &&
        entry.node.type !== 'BLOCK_LITERAL' &&
        entry.node.type !== 'BLOCK_FOLDED'
      )
        finding.fixes = [
          {
            title: `Change to \`${guess}\``,
            edits: [{ range: ctx.doc.rangeOf(entry.node), newText: quoteLike(entry.node, guess) }],
            isPreferred: true,
          },
        ];
      return finding;
    }
    case 'minItems':
    case 'maxItems':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minProperties':
    case 'maxProperties':
    case 'pattern': {
      if (containsPlaceholder(entry?.node)) return undefined;
      const limit = (err.params as { limit?: number }).limit;
      const what: Record<string, string> = {
        minItems: `must have at least ${limit} item${limit === 1 ? '' : 's'}`,
        maxItems: `must have at most ${limit} item${limit === 1 ? '' : 's'}`,
        minimum: `must be at least ${limit}`,
        maximum: `must be at most ${limit}`,
        exclusiveMinimum: `must be greater than ${limit}`,
        exclusiveMaximum: `must be less than ${limit}`,
        minLength: limit === 1 ? 'must not be empty' : `must be at least ${limit} characters long`,
        maxLength: `must be at most ${limit} characters long`,
        minProperties: limit === 1 ? 'must not be empty' : `must have at least ${limit} keys`,
        maxProperties: `must have at most ${limit} key${limit === 1 ? '' : 's'}`,
        pattern: `does not have the expected format (${String((err.params as { pattern?: string }).pattern)})`,
      };
      return {
        ruleId: SCHEMA_IDS.outOfRange,
        message: `${capitalize(label(pointer))} ${what[err.keyword]}.`,
        range: valueRange(ctx, pointer),
      };
    }
    default:
      return undefined;
  }
}

function resolvePointerValue(ctx: Ctx, pointer: string): unknown {
  const n = ctx.paths.get(pointer)?.node;
  if (!n) return null;
  if (isScalar(n)) return n.value ?? null;
  if (isSeq(n)) return [];
  if (isMap(n)) return {};
  if (isAlias(n)) return 'alias';
  return null;
}

/** Schema findings (E1101–E1105, W1104) for a parsed AppSpec of a known platform. */
export function schemaFindings(doc: AppSpecDocument): Finding[] {
  const platform = doc.platform.platform;
  if (platform === 'unknown' || !doc.yaml || !doc.root) return [];
  const validate = validators[platform];
  const schema = SCHEMAS[platform];
  // Pointers are only needed to place errors: convert without them first, and again with them on failure.
  const canonical = platform !== 'ec2';
  if (validate(convertWithPaths(doc.yaml, doc.root, canonical, platform === 'ec2', false).value)) return [];
  const { value, paths } = convertWithPaths(doc.yaml, doc.root, canonical, platform === 'ec2');
  if (validate(value)) return [];
  const ctx: Ctx = { platform, doc, schema, paths };
  const out: Finding[] = [];
  const seen = new Set<string>();
  const errors = validate.errors ?? [];
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const err of errors) {
    if ((err as ErrorObject & { propertyName?: string }).propertyName !== undefined) continue; // reported by propertyNames
    if (err.keyword !== 'type' && typeFailed.has(err.instancePath)) continue; // one finding per value
    const f = mapError(ctx, err);
    if (!f) continue;
    const key = `${f.ruleId}:${f.range.start.line}:${f.range.start.character}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
