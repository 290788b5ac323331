import { describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runAstroBuild } from '../setup/build';

/** Every file under dir → its bytes. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

describe('same inputs, same output: two builds of the site are byte-identical', () => {
  it('a second `astro build` of the committed content/ equals the test run\'s build, file for file', () => {
    const first = inject('distDir');
    expect(first, 'this test needs the site build of tests/setup/build.ts (do not set CJZL_SKIP_BUILD)').toBeTruthy();
    const second = join(inject('buildRoot'), 'determinism', 'dist');
    runAstroBuild(second, '/');
    const a = files(first);
    const b = files(second);
    const onlyFirst = [...a.keys()].filter((k) => !b.has(k)).sort();
    const onlySecond = [...b.keys()].filter((k) => !a.has(k)).sort();
    const differing = [...a.keys()].filter((k) => b.has(k) && !a.get(k)!.equals(b.get(k)!)).sort();
    expect({ onlyFirst, onlySecond, differing }).toEqual({ onlyFirst: [], onlySecond: [], differing: [] });
    expect(a.size).toBeGreaterThan(100);
  }, 600_000);
});
