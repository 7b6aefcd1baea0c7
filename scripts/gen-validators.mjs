// Generates ajv standalone validators from schemas/ (placeholder until the schemas land).
import { mkdirSync, writeFileSync } from 'node:fs';
mkdirSync('server/src/engine/generated', { recursive: true });
writeFileSync('server/src/engine/generated/validators.ts', '// generated\nexport {};\n');
