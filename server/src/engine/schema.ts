/** Schema check (filled in by step 2). */
import type { AppSpecDocument, Finding } from './types';

export const SCHEMA_RULE_IDS: ReadonlySet<string> = new Set(['E1101', 'E1102', 'E1103', 'W1104', 'E1105']);

export function schemaFindings(_doc: AppSpecDocument): Finding[] {
  return [];
}
