/**
 * The TypeScript sources (scripts, src/**\/*.ts, tests) type-check under the strict Astro config.
 * `.astro` files need @astrojs/check, which is not installed; they are checked by the build.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('types', () => {
  it('type-checks every TypeScript file with tsc --noEmit (after ingest and astro sync)', () => {
    const r = spawnSync('npm', ['run', '--silent', 'typecheck'], { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    const errors = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /error TS\d+/.test(l));
    expect(errors, errors.slice(0, 20).join('\n')).toEqual([]);
    expect(r.status).toBe(0);
  }, 300_000);
});
