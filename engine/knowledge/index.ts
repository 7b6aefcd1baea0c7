/**
 * Pure data about AppSpec files that rules, completion and hover share (appspec.md §3–§7).
 * No logic beyond small lookups; nothing here parses text. One file per topic; import from here.
 */

export * from './types';
export * from './hooks';
export * from './keys';
export * from './deploymentConfigs';
export * from './scriptEnvironment';
