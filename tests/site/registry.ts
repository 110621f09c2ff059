/** Loads and validates the curated rights and bodies registries for tests. */
import fs from 'node:fs';
import path from 'node:path';
import { bodiesRegistrySchema, type Body } from '../../src/schemas/body.ts';
import { rightsRegistrySchema, type Right } from '../../src/schemas/right.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The rights taxonomy, parsed. */
export function loadRights(): Right[] {
  return rightsRegistrySchema.parse(JSON.parse(fs.readFileSync(path.join(root, 'content/registry/rights.json'), 'utf8')));
}

/** The bodies registry, parsed. */
export function loadBodies(): Body[] {
  return bodiesRegistrySchema.parse(JSON.parse(fs.readFileSync(path.join(root, 'content/registry/bodies.json'), 'utf8')));
}
