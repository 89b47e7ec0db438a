import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  BadUserInput,
  Problems,
  applyKeyset,
  authoriseWrite,
  badInput,
  definedFields,
  emptyConnection,
  isUuid,
  keysetPage,
  lockExisting,
  namesCommune,
  readMonthPeriod,
  readPage,
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
import { BusinessActivity } from './business-activity.entity';
import {
  BUSINESS_ORDER,
  applyBusinessFilter,
  businessSortKey,
  checkBusinessFilter,
  limitToNearest,
  readBusinesses,
} from './business-query';
import { activityRowsOf, loadActivities, toEntityFields, toInput } from './business-mapping';
import { checkNaceCode } from './nace';
import { validateCreateBusiness } from './validation';

type ListArgs = Omit<QueryBusinessesArgs, 'communes'> & { communes?: readonly string[] | null };

/** Who may change a commune's directory. */
const EDITORS = ['editor', 'admin'] as const;

export async function listBusinesses(
  ctx: RequestContext,
  args: ListArgs,
): Promise<Connection<Business>> {
  const page = readPage(args, { field: 'NAME', direction: 'ASC' });
  if (page.field === 'DISTANCE' && !args.filter?.near) {
    throw badInput('orderBy.field', 'DISTANCE needs filter.near to measure from');
  }
  if (!namesCommune(args.communes, ctx.commune.code)) return emptyConnection();
  const filter = checkBusinessFilter(args.filter, ctx.commune.country);
  const filtered = () =>
    applyBusinessFilter(ctx.db.getRepository(Business).createQueryBuilder('b'), filter);
  const key = BUSINESS_ORDER[page.field];
  const nearestFirst = page.field === 'DISTANCE' && page.direction === 'ASC';
  return keysetPage(
    filtered,
    page,
    key,
    (business) => businessSortKey(business, page.field),
    async (query) => {
      if (nearestFirst) {
        const nearest = applyKeyset(filtered(), key, page.direction, page.after);
        if (!(await limitToNearest(query, nearest, page.first))) return [];
      }
      return readBusinesses(ctx.db.manager, query, filter.near !== null);
    },
  );
}

export async function getBusiness(
  ctx: RequestContext,
  communeCode: string,
  id: string,
): Promise<Business | null> {
  if (communeCode !== ctx.commune.code || !isUuid(id)) return null;
  const business = await ctx.db.getRepository(Business).findOneBy({ id });
  if (business) await loadActivities(ctx.db.manager, [business]);
  return business;
}

export async function establishmentsOf(
  ctx: RequestContext,
  communes: readonly string[] | null | undefined,
  enterpriseNumber: string,
): Promise<Business[]> {
  if (!namesCommune(communes, ctx.commune.code)) return [];
  const digits = enterpriseNumber.replace(/[\s.]/g, '').replace(/^BE/i, '');
  const businesses = await ctx.db.getRepository(Business).find({
    where: {
      enterpriseNumber: digits.length === 9 && ctx.commune.country === 'BE' ? `0${digits}` : digits,
    },
    order: { nameSort: 'ASC', id: 'ASC' },
  });
  await loadActivities(ctx.db.manager, businesses);
  return businesses;
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
  const rows = await applyBusinessFilter(
    ctx.db.getRepository(Business).createQueryBuilder('b'),
    checkBusinessFilter(filter, ctx.commune.country),
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

export interface MonthChange {
  communeCode: string;
  month: string;
  opened: number;
  closed: number;
}

/**
 * Businesses that started and that closed, per month of their start and end dates (calendar
 * dates: no time zone); months with neither are left out, oldest first.
 */
export async function businessChangesByMonth(
  ctx: RequestContext,
  communes: readonly string[] | null | undefined,
  from: string | null | undefined,
  to: string | null | undefined,
): Promise<MonthChange[]> {
  const problems = new Problems();
  const period = readMonthPeriod({ from, to }, '', problems);
  if (!problems.empty) throw new BadUserInput(problems.list);
  if (!namesCommune(communes, ctx.commune.code)) return [];
  const rows = await ctx.db.query<{ month: string; opened: number; closed: number }[]>(
    `SELECT month, (count(*) FILTER (WHERE change = 'opened'))::integer AS opened,
            (count(*) FILTER (WHERE change = 'closed'))::integer AS closed
       FROM (SELECT to_char(start_date, 'YYYY-MM') AS month, 'opened' AS change, start_date AS day
               FROM business WHERE start_date IS NOT NULL
             UNION ALL
             SELECT to_char(end_date, 'YYYY-MM'), 'closed', end_date
               FROM business WHERE end_date IS NOT NULL) changes
      WHERE ($1::date IS NULL OR day >= $1::date) AND ($2::date IS NULL OR day <= $2::date)
      GROUP BY month
      ORDER BY month`,
    [period.from, period.to],
  );
  return rows.map((row) => ({ communeCode: ctx.commune.code, ...row }));
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
    await assertEnterpriseNumberFree(tx, value.enterpriseNumber);
    const now = new Date();
    const business = Object.assign(new Business(), toEntityFields(value), {
      id: randomUUID(),
      status: 'ACTIVE',
      createdAt: now,
      updatedAt: now,
    });
    return saveWithActivities(tx, business);
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
      status: existing.status,
    });
    if (problems.length > 0) throw new BadUserInput(problems);
    await tx.delete(BusinessActivity, { businessId: id });
    Object.assign(existing, toEntityFields(value), { updatedAt: new Date() });
    return saveWithActivities(tx, existing);
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
    // An end date only while CLOSED: closing dates it today (updateBusiness can correct it).
    business.endDate = status === 'CLOSED' ? todayIn(ctx.commune.country) : null;
    if (business.startDate !== null && business.endDate !== null) {
      business.endDate =
        business.endDate < business.startDate ? business.startDate : business.endDate;
    }
    business.updatedAt = new Date();
    return tx.save(business);
  });
}

/** Today's calendar date where the commune is (`YYYY-MM-DD`). */
function todayIn(country: string): string {
  const timeZone = country === 'FR' ? 'Europe/Paris' : 'Europe/Brussels';
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

async function findForUpdate(tx: EntityManager, id: string): Promise<Business> {
  const business = await lockExisting(tx, Business, id, 'a business');
  await loadActivities(tx, [business]);
  return business;
}

/** Saves a business and inserts its activities (a new business's, or an update's after delete). */
async function saveWithActivities(tx: EntityManager, business: Business): Promise<Business> {
  await tx.save(business);
  await tx.insert(BusinessActivity, activityRowsOf(business));
  return business;
}

async function assertEnterpriseNumberFree(tx: EntityManager, enterpriseNumber: string) {
  const other = await tx
    .getRepository(Business)
    .findOne({ where: { enterpriseNumber }, select: { id: true } });
  if (other) {
    throw new BadUserInput([
      {
        field: 'input.enterpriseNumber',
        reason: `is already registered in this commune (business ${other.id})`,
      },
    ]);
  }
}
