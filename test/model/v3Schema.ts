/**
 * Reads the installed v3 client's own CodeDeploy schema (`@aws-sdk/client-codedeploy`: the exported
 * `Name$` schema arrays, the exported enum constants and, for which enum a member uses, its .d.ts).
 * The v3 schema is newer than Debian's botocore but thinner: no per-operation error lists, no min/max,
 * one numeric kind, and enums not tied to members. So it serves two narrow purposes here:
 *  - `diffAgainst(botocore)`: what the newer model has that botocore's lacks (checked against the
 *    explicit NEWER_THAN_BOTOCORE list by a unit test, so that list cannot drift silently);
 *  - `newerShapesFromV3(...)`: shapes for those listed members, to lay over botocore's model.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Shape } from './serviceModel';

type SchemaRef = number | (() => unknown) | unknown[];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const v3 = require('@aws-sdk/client-codedeploy') as Record<string, unknown>;

const STRING = 0;
const NUMERIC = 1;
const BOOLEAN = 2;
const DOCUMENT = 15;
const BLOB = 21;
const LIST_MODIFIER = 64;
const MAP_MODIFIER = 128;

export function v3Version(): string {
  const pkg = require.resolve('@aws-sdk/client-codedeploy/package.json');
  return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
}

let dts: string | undefined;
function declarations(): string {
  if (dts === undefined) {
    const dir = path.dirname(require.resolve('@aws-sdk/client-codedeploy/package.json'));
    dts = fs.readFileSync(path.join(dir, 'dist-types', 'models', 'models_0.d.ts'), 'utf8');
  }
  return dts;
}

/** The TypeScript type the v3 client declares for `struct.member` (without `| undefined`). */
export function declaredType(struct: string, member: string): string | undefined {
  const block = new RegExp(`export interface ${struct} \\{([\\s\\S]*?)\\n\\}`).exec(declarations())?.[1];
  const line = block && new RegExp(`^\\s+${member}\\??:\\s*([^;]+);`, 'm').exec(block)?.[1];
  return line?.replace(/\s*\|\s*undefined$/, '').trim();
}

/** A v3 structure schema: [3, namespace, name, traits, memberNames, memberSchemas, requiredCount?]. */
export function v3Structure(name: string): { members: string[]; schemas: SchemaRef[]; required: string[] } | undefined {
  const s = v3[`${name}$`];
  if (!Array.isArray(s) || s[0] !== 3) return undefined;
  const members = s[4] as string[];
  const required = typeof s[6] === 'number' ? members.slice(0, s[6]) : [];
  return { members, schemas: s[5] as SchemaRef[], required };
}

/** Values of an enum the v3 client exports as a constant object. */
export function v3Enum(name: string): string[] | undefined {
  const e = v3[name];
  if (!e || typeof e !== 'object' || Array.isArray(e)) return undefined;
  const values = Object.values(e as Record<string, unknown>);
  return values.every((v) => typeof v === 'string') ? (values as string[]) : undefined;
}

export interface ModelDiff {
  /** `Structure.member` present in v3 but not in botocore (error shapes' `message` excluded). */
  members: string[];
  /** Enum values v3 has that botocore's enum of the same name lacks. */
  enumValues: { shape: string; value: string }[];
  /** Members v3 requires that botocore does not. */
  required: { shape: string; members: string[] }[];
}

/**
 * Errors the installed v3 client documents for an operation (its command's `@throws {@link X} (client
 * fault)` lines) that botocore's error list for that operation lacks, sorted by operation and error.
 */
export function newerErrors(operations: Record<string, { errors?: { shape: string }[] }>): NewerError[] {
  const dir = path.join(
    path.dirname(require.resolve('@aws-sdk/client-codedeploy/package.json')),
    'dist-types',
    'commands',
  );
  const out: NewerError[] = [];
  for (const [operation, op] of Object.entries(operations).sort(([a], [b]) => a.localeCompare(b))) {
    const file = path.join(dir, `${operation}Command.d.ts`);
    if (!fs.existsSync(file)) continue;
    const listed = new Set((op.errors ?? []).map((e) => e.shape));
    const documented = [...fs.readFileSync(file, 'utf8').matchAll(/@throws \{@link (\w+)\} \(client fault\)/g)].map(
      (m) => m[1],
    );
    for (const error of [...new Set(documented)].sort()) if (!listed.has(error)) out.push({ operation, error });
  }
  return out;
}

export interface NewerError {
  operation: string;
  error: string;
}

/** What the installed v3 model has beyond botocore's (structures and enums present in both). */
export function diffAgainst(shapes: Record<string, Shape>): ModelDiff {
  const diff: ModelDiff = { members: [], enumValues: [], required: [] };
  for (const [name, shape] of Object.entries(shapes)) {
    if (shape.type === 'structure' && !shape.exception) {
      const s = v3Structure(name);
      if (!s) continue;
      for (const m of s.members) if (!shape.members?.[m]) diff.members.push(`${name}.${m}`);
      const more = s.required.filter((m) => !(shape.required ?? []).includes(m));
      if (more.length) diff.required.push({ shape: name, members: more });
    } else if (shape.enum) {
      for (const value of v3Enum(name) ?? [])
        if (!shape.enum.includes(value)) diff.enumValues.push({ shape: name, value });
    }
  }
  return diff;
}

function resolve(ref: SchemaRef): SchemaRef {
  return typeof ref === 'function' ? (ref() as SchemaRef) : ref;
}

/**
 * Shapes for the listed newer members (`Structure.member`), in botocore's notation. New structures
 * and enums keep their v3 names; scalars get a synthetic `Owner.member` shape. Numbers stay `number`
 * (the v3 schema does not say integer, long or double).
 */
export function newerShapesFromV3(
  list: string[],
  existing: Record<string, Shape>,
): { shapes: Record<string, Shape>; members: { at: string; shape: string }[] } {
  const shapes: Record<string, Shape> = {};
  const has = (n: string) => n in existing || n in shapes;
  if (!has('__string')) shapes.__string = { type: 'string' };

  const shapeFor = (owner: string, member: string, ref: SchemaRef): string => {
    const r = resolve(ref);
    if (typeof r === 'number') {
      if (r & LIST_MODIFIER || r & MAP_MODIFIER) {
        const inner = shapeFor(owner, `${member}.member`, r & ~(LIST_MODIFIER | MAP_MODIFIER));
        const name = `${owner}.${member}`;
        shapes[name] = r & LIST_MODIFIER ? { type: 'list', member: { shape: inner } } : mapOf(inner);
        return name;
      }
      const declared = declaredType(owner, member);
      const values = declared ? v3Enum(declared) : undefined;
      if (declared && values) {
        if (!has(declared)) shapes[declared] = { type: 'string', enum: values };
        return declared;
      }
      const name = `${owner}.${member}`;
      shapes[name] = { type: scalarType(r) };
      return name;
    }
    if (Array.isArray(r)) {
      const [kind, , name] = r as [number, string, string];
      if (kind === 3) {
        if (!has(name)) structure(name);
        return name;
      }
      if (kind === 1 || kind === 2) {
        const inner = shapeFor(owner, `${member}.member`, (kind === 1 ? r[4] : r[5]) as SchemaRef);
        if (!has(name)) shapes[name] = kind === 1 ? { type: 'list', member: { shape: inner } } : mapOf(inner);
        return name;
      }
    }
    throw new Error(`cannot read the v3 schema of ${owner}.${member}`);
  };

  const structure = (name: string) => {
    const s = v3Structure(name);
    if (!s) throw new Error(`the v3 client has no structure ${name}`);
    const shape: Shape = { type: 'structure', members: {}, required: s.required };
    shapes[name] = shape;
    s.members.forEach((m, i) => (shape.members![m] = { shape: shapeFor(name, m, s.schemas[i]) }));
  };

  const members = list.map((at) => {
    const [owner, member] = at.split('.');
    const s = v3Structure(owner);
    const i = s?.members.indexOf(member) ?? -1;
    if (!s || i < 0) throw new Error(`the v3 client has no member ${at}`);
    return { at, shape: shapeFor(owner, member, s.schemas[i]) };
  });
  return { shapes, members };
}

function mapOf(value: string): Shape {
  return { type: 'map', key: { shape: '__string' }, value: { shape: value } };
}

function scalarType(code: number): string {
  if (code === STRING) return 'string';
  if (code === NUMERIC) return 'number';
  if (code === BOOLEAN) return 'boolean';
  if (code === BLOB) return 'blob';
  if (code === DOCUMENT) return 'document';
  if (code >= 4 && code <= 7) return 'timestamp';
  throw new Error(`unknown v3 schema code ${code}`);
}
