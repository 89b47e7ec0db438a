import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { RequestContext } from '@communes/kit';
import { ComponentRelease } from './component-release.entity';

/** What the field resolvers of one request load in batches. */
export interface Loaders {
  /** Every release of each component, newest first. */
  releases: DataLoader<string, ComponentRelease[]>;
}

const PER_REQUEST = new WeakMap<RequestContext, Loaders>();

export function loaders(ctx: RequestContext): Loaders {
  let found = PER_REQUEST.get(ctx);
  if (!found) {
    found = {
      releases: new DataLoader(
        async (ids) => {
          const rows = await ctx.db
            .getRepository(ComponentRelease)
            .find({ where: { componentId: In([...ids]) }, order: { seq: 'DESC' } });
          return ids.map((id) => rows.filter((r) => r.componentId === id));
        },
        // A request may publish then read: no cache across batches.
        { cache: false },
      ),
    };
    PER_REQUEST.set(ctx, found);
  }
  return found;
}
