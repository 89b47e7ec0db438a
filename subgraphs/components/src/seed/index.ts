import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { NodeCommune, RequestContext } from '@communes/kit';
import { adoptComponent, retireAdoption } from '../adoption.service';
import { publishComponent } from '../component.service';
import { Component } from '../component.entity';
import { SEED_ADOPTIONS } from './adoptions';

export { SEED_ADOPTIONS, type SeedAdoption } from './adoptions';

/** Folder of the demo's publiccode.yml files: `<commune code>/<name>.yml`. */
export const PUBLICCODE_DIR = join(__dirname, 'publiccode');

/**
 * The demo publiccode.yml files a commune publishes, oldest release first: `delibe@1.8.yml`
 * is an earlier release of the component `delibe.yml` describes.
 */
export function seedPubliccodeFiles(communeCode: string): { name: string; text: string }[] {
  const dir = join(PUBLICCODE_DIR, communeCode);
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.yml'));
  } catch {
    return [];
  }
  const releaseOrder = (name: string) => (name.includes('@') ? 0 : 1);
  return names
    .sort((a, b) => releaseOrder(a) - releaseOrder(b) || a.localeCompare(b))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

export interface SeededComponents {
  skipped: boolean;
  published: number;
  adoptions: number;
}

/**
 * Publishes the commune's demo components and records its adoptions, through the same
 * validation as `publishComponent` and `adoptComponent`. Does nothing when the commune already
 * has components (a second run of the demo).
 */
export async function seedComponents(
  db: DataSource,
  commune: NodeCommune,
): Promise<SeededComponents> {
  if ((await db.getRepository(Component).count()) > 0) {
    return { skipped: true, published: 0, adoptions: 0 };
  }
  const ctx: RequestContext = {
    commune,
    db,
    identity: {
      kind: 'user',
      subject: `seed@${commune.code.toLowerCase()}`,
      roles: { [commune.code]: ['admin'] },
    },
  };
  const files = seedPubliccodeFiles(commune.code);
  for (const file of files) await publishComponent(ctx, commune.code, file.text);
  const adoptions = SEED_ADOPTIONS[commune.code] ?? [];
  for (const { retiredOn, ...input } of adoptions) {
    const adoption = await adoptComponent(ctx, commune.code, input);
    if (retiredOn) await retireAdoption(ctx, commune.code, adoption.id, retiredOn);
  }
  return { skipped: false, published: files.length, adoptions: adoptions.length };
}
