/**
 * Markdown for keys, lifecycle events and enum values, shared by hover and completion items.
 * The facts come from engine/knowledge/; this only arranges them.
 */
import type * as K from '../../../engine/index';
import { AWS_DOCS, docsPageFor, hookEvents, type Field, type Shape, type ValueDoc } from './catalog';
import type { PathStep } from './nodeAt';

const PLATFORM_NAMES: Record<K.AppSpecPlatform, string> = {
  ec2: 'EC2/On-Premises',
  ecs: 'Amazon ECS',
  lambda: 'AWS Lambda',
};

export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** 1-based position of a scriptable event among the platform's hookable events, and their count. */
export function eventPosition(e: K.LifecycleEvent): { n: number; of: number } {
  const all = hookEvents(e.platform);
  return { n: all.findIndex((x) => x.name === e.name) + 1, of: all.length };
}

/** Which deployments run the event, e.g. `in-place & blue/green`. */
export function eventDeployments(e: K.LifecycleEvent): string {
  if (e.platform === 'lambda') return 'traffic shifting';
  if (e.platform === 'ecs') return 'blue/green';
  const inPlace = e.needsLoadBalancer ? 'in-place (with a load balancer)' : 'in-place';
  const bg = e.blueGreenFleet ? `blue/green (${e.blueGreenFleet} instances)` : 'blue/green';
  return `${inPlace} & ${bg}`;
}

/** One line for a code lens or a completion detail: `runs 3rd of 9 · in-place & blue/green`. */
export function eventSummary(e: K.LifecycleEvent): string {
  if (!e.scriptable) return 'reserved: no hooks run here';
  const { n, of } = eventPosition(e);
  const parts = [`runs ${ordinal(n)} of ${of}`, eventDeployments(e)];
  if (e.revision === 'previous') parts.push("previous revision's scripts");
  return parts.join(' · ');
}

function orderLine(events: readonly K.LifecycleEvent[], current: string): string {
  return events.map((x) => (x.name === current ? `**${x.name}**` : x.name)).join(' → ');
}

export function eventMarkdown(e: K.LifecycleEvent, all: readonly K.LifecycleEvent[]): string {
  const lines: string[] = [];
  lines.push(`**${e.name}** · ${PLATFORM_NAMES[e.platform]} lifecycle event`);
  lines.push('', e.description);
  if (e.scriptable) {
    const { n, of } = eventPosition(e);
    lines.push(
      '',
      `Runs ${ordinal(n)} of the ${of} events that take ${e.platform === 'ec2' ? 'scripts' : 'a hook function'} · ${eventDeployments(e)}.`,
    );
    if (e.platform === 'ec2') {
      lines.push(
        '',
        e.revision === 'previous'
          ? 'Scripts come from the AppSpec of the **previous successful revision**, not from this file: a change here takes effect on the next deployment.'
          : 'Scripts come from the AppSpec of the revision being deployed (this file).',
      );
      const inPlace = all.filter((x) => x.platform === 'ec2');
      lines.push('', `In-place order: ${orderLine(inPlace, e.name)}`);
      const original = inPlace.filter((x) => x.blueGreenFleet === 'original');
      const replacement = inPlace.filter((x) => x.blueGreenFleet === 'replacement');
      lines.push(
        '',
        `Blue/green: original instances ${orderLine(original, e.name)}; replacement instances ${orderLine(replacement, e.name)}`,
      );
    } else {
      lines.push('', `Order: ${orderLine(all, e.name)}`);
    }
  }
  lines.push('', `[AWS: AppSpec hooks section](${AWS_DOCS.hooks})`);
  return lines.join('\n');
}

export function shapeType(shape: Shape): string {
  switch (shape.t) {
    case 'scalar':
      if (shape.values) return `one of ${shape.values.map((v) => `\`${v.value}\``).join(', ')}`;
      return shape.kind === 'number' ? 'number' : shape.kind === 'boolean' ? 'boolean' : 'string';
    case 'map':
      return 'mapping';
    case 'events':
      return 'mapping of lifecycle event → hooks';
    case 'named':
      return 'mapping with one named entry';
    case 'list':
      return `list of ${shape.item.t === 'scalar' ? shapeType(shape.item).replace(/^one of/, 'values from') : shape.item.t === 'events' ? 'single-key mappings (event: function)' : 'mappings'}`;
  }
}

export function keyMarkdown(field: Field, path: PathStep[]): string {
  const req = field.info.required ? 'required' : 'optional';
  return [
    `**${field.info.key}** · ${req} · ${shapeType(field.shape)}`,
    '',
    field.info.description,
    '',
    `[AWS: AppSpec reference](${docsPageFor(path)})`,
  ].join('\n');
}

export function valueMarkdown(value: ValueDoc, key: string | undefined, path: PathStep[]): string {
  return [
    `**${value.value}**${key ? ` · value of \`${key}\`` : ''}`,
    '',
    value.description,
    '',
    `[AWS: AppSpec reference](${docsPageFor(path)})`,
  ].join('\n');
}
