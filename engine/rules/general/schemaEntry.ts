/**
 * The schema check's findings are produced by lint.ts through schema.ts, not by these entries: each is
 * registered as a rule so it has documentation, a default severity and a config switch.
 */
import type { Finding, Platform } from '../../types';

export const SCHEMA_PLATFORMS: readonly Platform[] = ['ec2', 'ecs', 'lambda'];
/** The check of a schema entry: the schema check reports, the entry itself never does. */
export const reportedBySchema = (): Finding[] => [];
