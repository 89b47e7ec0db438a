import { randomUUID } from 'node:crypto';
import { QueryFailedError, type EntityManager } from 'typeorm';
import {
  BadUserInput,
  lockExisting,
  Problems,
  authoriseWrite,
  definedFields,
  emptyConnection,
  isUuid,
  keysetPage,
  namesCommune,
  readPage,
  type Connection,
  type RequestContext,
} from '@communes/kit';
import { ROLES } from './access';
import {
  ADOPTION_ORDER,
  adoptionSortKey,
  applyAdoptionFilter,
  checkAdoptionFilter,
} from './adoption-query';
import { checkAdoptionFields, checkDay, today } from './adoption-input';
import { Adoption } from './adoption.entity';
import type {
  AdoptComponentInput,
  AdoptionFilter,
  QueryAdoptionsArgs,
  UpdateAdoptionInput,
} from './generated/graphql';

type ListArgs = Omit<QueryAdoptionsArgs, 'communes'> & { communes?: readonly string[] | null };

export function adoptionsQuery(ctx: RequestContext, filter: AdoptionFilter | null | undefined) {
  const checked = checkAdoptionFilter(filter);
  return () => applyAdoptionFilter(ctx.db.getRepository(Adoption).createQueryBuilder('a'), checked);
}

export async function listAdoptions(
  ctx: RequestContext,
  args: ListArgs,
): Promise<Connection<Adoption>> {
  const page = readPage(args, { field: 'SINCE', direction: 'DESC' });
  const filtered = adoptionsQuery(ctx, args.filter);
  if (!namesCommune(args.communes, ctx.commune.code)) return emptyConnection();
  return keysetPage(filtered, page, ADOPTION_ORDER[page.field], (adoption) =>
    adoptionSortKey(adoption, page.field),
  );
}

export interface AdoptionBucket {
  key: string;
  name: string;
  count: number;
}

/**
 * This commune's adoptions counted per repository URL: 1 for each piece of software it adopts,
 * so that the hub's sum is the number of adopting communes.
 */
export async function countAdoptionsByComponent(
  ctx: RequestContext,
  communes: readonly string[] | null | undefined,
  filter: AdoptionFilter | null | undefined,
): Promise<AdoptionBucket[]> {
  const filtered = adoptionsQuery(ctx, filter);
  if (!namesCommune(communes, ctx.commune.code)) return [];
  return filtered()
    .select('a.component_url', 'key')
    .addSelect('max(a.component_name)', 'name')
    .addSelect('1', 'count')
    .groupBy('a.component_url')
    .orderBy('a.component_url', 'ASC')
    .getRawMany<AdoptionBucket>()
    .then((rows) => rows.map((row) => ({ ...row, count: Number(row.count) })));
}

export async function getAdoption(
  ctx: RequestContext,
  communeCode: string,
  id: string,
): Promise<Adoption | null> {
  if (communeCode !== ctx.commune.code || !isUuid(id)) return null;
  return ctx.db.getRepository(Adoption).findOneBy({ id });
}

export async function adoptComponent(
  ctx: RequestContext,
  commune: string,
  input: AdoptComponentInput,
): Promise<Adoption> {
  authoriseWrite(ctx, commune, ROLES.editor);
  const problems = new Problems();
  const fields = checkAdoptionFields(input, problems, today());
  if (!problems.empty) throw new BadUserInput(problems.list);
  return ctx.db.transaction(async (tx) => {
    await refuseSecondAdoption(tx, fields.componentUrl);
    const now = new Date();
    const adoption = Object.assign(new Adoption(), fields, {
      id: randomUUID(),
      retiredOn: null,
      createdAt: now,
      updatedAt: now,
    });
    await insertOnce(tx, adoption);
    return adoption;
  });
}

export async function updateAdoption(
  ctx: RequestContext,
  commune: string,
  id: string,
  input: UpdateAdoptionInput,
): Promise<Adoption> {
  authoriseWrite(ctx, commune, ROLES.editor);
  return ctx.db.transaction(async (tx) => {
    const adoption = await lockAdoption(tx, id);
    if (adoption.status === 'RETIRED') {
      throw new BadUserInput([
        {
          field: 'id',
          reason: 'the adoption is RETIRED; adopt the software again with adoptComponent',
        },
      ]);
    }
    const problems = new Problems();
    const change = definedFields(input);
    // Check the adoption as it would be after the change, with the input's field paths.
    const fields = checkAdoptionFields(
      {
        componentUrl: adoption.componentUrl,
        componentName: change.componentName ?? adoption.componentName,
        publisherCode: 'publisherCode' in change ? change.publisherCode : adoption.publisherCode,
        version: 'version' in change ? change.version : adoption.version,
        status: change.status ?? adoption.status,
        since: change.since ?? adoption.since,
        referent: change.referent ?? {
          name: adoption.referentName,
          email: adoption.referentEmail,
          role: adoption.referentRole,
        },
      },
      problems,
      today(),
    );
    if (!problems.empty) throw new BadUserInput(problems.list);
    Object.assign(adoption, fields, { updatedAt: new Date() });
    return tx.save(adoption);
  });
}

export async function retireAdoption(
  ctx: RequestContext,
  commune: string,
  id: string,
  retiredOn: string | null | undefined,
): Promise<Adoption> {
  authoriseWrite(ctx, commune, ROLES.editor);
  return ctx.db.transaction(async (tx) => {
    const adoption = await lockAdoption(tx, id);
    const problems = new Problems();
    if (adoption.status === 'RETIRED') {
      problems.add('id', `the adoption is already RETIRED (on ${adoption.retiredOn})`);
    }
    const day = checkDay('retiredOn', retiredOn ?? today(), problems, today());
    if (day && day < adoption.since) {
      problems.add('retiredOn', `must not be before the adoption's since (${adoption.since})`);
    }
    if (!problems.empty) throw new BadUserInput(problems.list);
    Object.assign(adoption, { status: 'RETIRED', retiredOn: day, updatedAt: new Date() });
    return tx.save(adoption);
  });
}

function lockAdoption(tx: EntityManager, id: string): Promise<Adoption> {
  return lockExisting(tx, Adoption, id, 'an adoption');
}

/** A commune adopts a piece of software once at a time: change the current adoption instead. */
async function refuseSecondAdoption(tx: EntityManager, url: string) {
  const current = await tx
    .getRepository(Adoption)
    .createQueryBuilder('a')
    .where('a.component_url = :url', { url })
    .andWhere(`a.status <> 'RETIRED'`)
    .getOne();
  if (current) throw alreadyAdopted(current.id);
}

function alreadyAdopted(id: string): BadUserInput {
  return new BadUserInput([
    {
      field: 'input.componentUrl',
      reason: `is already adopted by this commune (adoption ${id}); change that one with updateAdoption`,
    },
  ]);
}

/** Inserts, turning a concurrent adoption of the same url (unique index) into the same refusal. */
async function insertOnce(tx: EntityManager, adoption: Adoption): Promise<void> {
  try {
    await tx.insert(Adoption, adoption);
  } catch (error: unknown) {
    const code =
      error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
    if (code === '23505') throw alreadyAdopted('recorded concurrently');
    throw error;
  }
}
