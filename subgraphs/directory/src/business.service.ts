import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  BadUserInput,
  authoriseWrite,
  definedFields,
  isUuid,
  lockExisting,
  emptyConnection,
  namesCommune,
  pageSize,
  parseAfter,
  toConnection,
  type Connection,
  type RequestContext,
} from '@communes/kit';
import type {
  BusinessFilter,
  CreateBusinessInput,
  QueryBusinessesArgs,
  UpdateBusinessInput,
} from './generated/graphql';
import { Business } from './business.entity';
import {
  applyFilter,
  applyKeyset,
  applyOrder,
  limitToNearest,
  readOrder,
  sortKeyOf,
} from './business-query';
import { loadActivities, toEntityFields, toInput } from './business-mapping';
import { checkNaceCode } from './nace';
import { validateCreateBusiness } from './validation';

type ListArgs = Omit<QueryBusinessesArgs, 'communes'> & { communes?: readonly string[] | null };

/** Who may change a commune's directory. */
const EDITORS = ['editor', 'admin'] as const;

export async function listBusinesses(
  ctx: RequestContext,
  args: ListArgs,
): Promise<Connection<Business>> {
  const first = pageSize(args.first);
  const order = readOrder(args.orderBy, args.filter);
  const after = parseAfter(args.after, order.field, order.direction);
  if (!namesCommune(args.communes, ctx.commune.code)) return emptyConnection();
  const filtered = () =>
    applyFilter(
      ctx.db.getRepository(Business).createQueryBuilder('b'),
      args.filter,
      ctx.commune.country,
    );
  const page = applyKeyset(filtered(), order, after);
  const nearestFirst = order.field === 'DISTANCE' && order.direction === 'ASC';
  if (nearestFirst && !(await limitToNearest(page, applyKeyset(filtered(), order, after), first))) {
    return toConnection(
      [],
      first,
      after !== null,
      () => ({ key: [], id: '' }),
      order.field,
      order.direction,
      () => filtered().getCount(),
    );
  }
  const query = applyOrder(page, order, Boolean(args.filter?.near)).limit(first + 1);
  const { entities, raw } = await query.getRawAndEntities<{ distance_m?: number }>();
  const rows = entities.map((entity, i) =>
    Object.assign(entity, { distanceM: raw[i]?.distance_m }),
  );
  await loadActivities(ctx.db.manager, rows);
  return toConnection(
    rows,
    first,
    after !== null,
    (row) => ({ key: [sortKeyOf(row, order)], id: row.id }),
    order.field,
    order.direction,
    () => filtered().getCount(),
  );
}

export async function getBusiness(
  ctx: RequestContext,
  communeCode: string,
  id: string,
): Promise<Business | null> {
  if (communeCode !== ctx.commune.code || !isUuid(id)) return null;
  const business = await ctx.db
    .getRepository(Business)
    .findOne({ where: { id }, relations: { activities: true } });
  return business;
}

export async function establishmentsOf(
  ctx: RequestContext,
  communes: readonly string[] | null | undefined,
  enterpriseNumber: string,
): Promise<Business[]> {
  if (!namesCommune(communes, ctx.commune.code)) return [];
  const digits = enterpriseNumber.replace(/[\s.]/g, '').replace(/^BE/i, '');
  return ctx.db.getRepository(Business).find({
    where: {
      enterpriseNumber: digits.length === 9 && ctx.commune.country === 'BE' ? `0${digits}` : digits,
    },
    relations: { activities: true },
    order: { nameSort: 'ASC', id: 'ASC' },
  });
}

export interface SectorBucket {
  naceVersion: string;
  section: string;
  count: number;
}

export async function countBySector(
  ctx: RequestContext,
  communes: readonly string[] | null | undefined,
  filter: BusinessFilter | null | undefined,
): Promise<SectorBucket[]> {
  if (!namesCommune(communes, ctx.commune.code)) return [];
  const rows = await applyFilter(
    ctx.db.getRepository(Business).createQueryBuilder('b'),
    filter,
    ctx.commune.country,
  )
    .select('b.main_nace_version', 'naceVersion')
    .addSelect('b.main_section', 'section')
    .addSelect('count(*)::integer', 'count')
    .groupBy('b.main_nace_version')
    .addGroupBy('b.main_section')
    .orderBy('b.main_nace_version')
    .addOrderBy('b.main_section')
    .getRawMany<SectorBucket>();
  return rows;
}

export async function createBusiness(
  ctx: RequestContext,
  commune: string,
  input: CreateBusinessInput,
): Promise<Business> {
  authoriseWrite(ctx, commune, EDITORS);
  const { problems, value } = validateCreateBusiness(input, {
    country: ctx.commune.country,
    checkNace: checkNaceCode,
  });
  if (problems.length > 0) throw new BadUserInput(problems);
  return ctx.db.transaction(async (tx) => {
    await assertEnterpriseNumberFree(tx, value.enterpriseNumber, null);
    const now = new Date();
    const business = Object.assign(new Business(), toEntityFields(value), {
      id: randomUUID(),
      status: 'ACTIVE',
      createdAt: now,
      updatedAt: now,
    });
    await tx.save(business);
    return business;
  });
}

export async function updateBusiness(
  ctx: RequestContext,
  commune: string,
  id: string,
  input: UpdateBusinessInput,
): Promise<Business> {
  authoriseWrite(ctx, commune, EDITORS);
  return ctx.db.transaction(async (tx) => {
    const existing = await findForUpdate(tx, id);
    // Validate the business as it would be after the change, with the input's field paths.
    const merged = { ...toInput(existing), ...definedFields(input) };
    const { problems, value } = validateCreateBusiness(merged, {
      country: ctx.commune.country,
      checkNace: checkNaceCode,
    });
    if (problems.length > 0) throw new BadUserInput(problems);
    await tx.delete('business_activity', { businessId: id });
    Object.assign(existing, toEntityFields(value), { updatedAt: new Date() });
    await tx.save(existing);
    return existing;
  });
}

export async function setBusinessStatus(
  ctx: RequestContext,
  commune: string,
  id: string,
  status: Business['status'],
): Promise<Business> {
  authoriseWrite(ctx, commune, EDITORS);
  return ctx.db.transaction(async (tx) => {
    const business = await findForUpdate(tx, id);
    if (business.status === status) return business;
    business.status = status;
    business.updatedAt = new Date();
    return tx.save(business);
  });
}

async function findForUpdate(tx: EntityManager, id: string): Promise<Business> {
  const business = await lockExisting(tx, Business, id, 'a business');
  await loadActivities(tx, [business]);
  return business;
}

async function assertEnterpriseNumberFree(
  tx: EntityManager,
  enterpriseNumber: string,
  exceptId: string | null,
) {
  const other = await tx
    .getRepository(Business)
    .findOne({ where: { enterpriseNumber }, select: { id: true } });
  if (other && other.id !== exceptId) {
    throw new BadUserInput([
      {
        field: 'input.enterpriseNumber',
        reason: `is already registered in this commune (business ${other.id})`,
      },
    ]);
  }
}
