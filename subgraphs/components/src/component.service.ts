import { randomUUID } from 'node:crypto';
import {
  BadUserInput,
  authoriseWrite,
  emptyConnection,
  isUuid,
  keysetPage,
  namesCommune,
  readPage,
  type Connection,
  type RequestContext,
} from '@communes/kit';
import { ROLES } from './access';
import { componentColumns } from './component-columns';
import {
  COMPONENT_ORDER,
  applyComponentFilter,
  checkComponentFilter,
  componentSortKey,
} from './component-query';
import { Component } from './component.entity';
import { ComponentRelease } from './component-release.entity';
import type { QueryComponentsArgs } from './generated/graphql';
import { validatePubliccode } from './publiccode';

type ListArgs = Omit<QueryComponentsArgs, 'communes'> & { communes?: readonly string[] | null };

export async function listComponents(
  ctx: RequestContext,
  args: ListArgs,
): Promise<Connection<Component>> {
  const page = readPage(args, { field: 'NAME', direction: 'ASC' });
  const filter = checkComponentFilter(args.filter);
  if (!namesCommune(args.communes, ctx.commune.code)) return emptyConnection();
  const filtered = () =>
    applyComponentFilter(ctx.db.getRepository(Component).createQueryBuilder('c'), filter);
  return keysetPage(filtered, page, COMPONENT_ORDER[page.field], (component) =>
    componentSortKey(component, page.field),
  );
}

/** The commune's component, or null; the catalogue is public. */
export async function getComponent(
  ctx: RequestContext,
  communeCode: string,
  id: string,
): Promise<Component | null> {
  if (communeCode !== ctx.commune.code || !isUuid(id)) return null;
  return ctx.db.getRepository(Component).findOneBy({ id });
}

/**
 * Publishes a publiccode.yml: validated whole before anything is written; a `url` the commune
 * already published updates that component. Either way the publication is one more release.
 */
export async function publishComponent(
  ctx: RequestContext,
  commune: string,
  source: string,
): Promise<Component> {
  const by = authoriseWrite(ctx, commune, ROLES.editor);
  const validated = validatePubliccode(source);
  if ('problems' in validated) throw new BadUserInput(validated.problems);
  const columns = componentColumns(validated.publiccode, source);
  return ctx.db.transaction(async (tx) => {
    const repository = tx.getRepository(Component);
    const now = new Date();
    // Locked, so that two publications of one url are numbered one after the other.
    const existing = await repository
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.url = :url', { url: columns.url })
      .getOne();
    const component = Object.assign(existing ?? new Component(), columns, {
      id: existing?.id ?? randomUUID(),
      publishedAt: existing?.publishedAt ?? now,
      updatedAt: now,
    });
    if (existing) await repository.save(component);
    // A first publication races others of the same url on the unique constraint.
    else await tx.insert(Component, component);
    const last = await tx
      .getRepository(ComponentRelease)
      .createQueryBuilder('r')
      .select('COALESCE(MAX(r.seq), 0)', 'seq')
      .where('r.component_id = :id', { id: component.id })
      .getRawOne<{ seq: number }>();
    await tx.insert(ComponentRelease, {
      componentId: component.id,
      seq: Number(last?.seq ?? 0) + 1,
      softwareVersion: columns.softwareVersion,
      releaseDate: columns.releaseDate,
      developmentStatus: columns.developmentStatus,
      publiccodeYmlVersion: columns.publiccodeYmlVersion,
      source,
      publishedAt: now,
      publishedBy: by,
    });
    return component;
  });
}
