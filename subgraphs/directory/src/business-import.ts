import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { BadUserInput, type NodeCommune } from '@communes/kit';
import type { CreateBusinessInput } from './generated/graphql';
import { Business } from './business.entity';
import { BusinessActivity } from './business-activity.entity';
import { activityRowsOf, toEntityFields } from './business-mapping';
import { checkNaceCode } from './nace';
import { validateCreateBusiness } from './validation';

export interface ImportOptions {
  /** Rows per transaction. */
  batchSize?: number;
  /** Called after each batch with the number imported so far. */
  onProgress?: (done: number) => void;
  /** Ids for the new rows; deterministic seeds pass their own. */
  idOf?: (index: number) => string;
  /** Creation time of the nth row; seeds spread them over past years. */
  createdAtOf?: (index: number) => Date;
  /**
   * Start and end dates of the nth business, over those of its input; one with an end date is
   * imported CLOSED. Seeds give the demo businesses a history.
   */
  periodOf?: (index: number) => { startDate: string | null; endDate: string | null };
}

/**
 * Imports many businesses with the same validation as `createBusiness`, in batches of one
 * transaction each: the path of the demo seed and of bulk imports. A batch with one invalid
 * business is refused whole, naming the business by its index.
 */
export async function importBusinesses(
  db: DataSource,
  commune: NodeCommune,
  inputs: Iterable<CreateBusinessInput>,
  options: ImportOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  let batch: Business[] = [];
  let done = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await db.transaction(async (tx) => {
      await tx
        .createQueryBuilder()
        .insert()
        .into(Business)
        .values(rows.map(({ activities: _a, ...row }) => row))
        .execute();
      await tx
        .createQueryBuilder()
        .insert()
        .into(BusinessActivity)
        .values(rows.flatMap(activityRowsOf))
        .execute();
    });
    done += rows.length;
    options.onProgress?.(done);
  };
  let index = 0;
  for (const given of inputs) {
    const input = { ...given, ...options.periodOf?.(index) };
    const status = input.endDate ? ('CLOSED' as const) : ('ACTIVE' as const);
    const { problems, value } = validateCreateBusiness(input, {
      country: commune.country,
      checkNace: checkNaceCode,
      status,
    });
    if (problems.length > 0) {
      throw new BadUserInput(
        problems.map((p) => ({
          field: `businesses[${index}].${p.field.replace(/^input\./, '')}`,
          reason: p.reason,
        })),
      );
    }
    const createdAt = options.createdAtOf?.(index) ?? new Date();
    batch.push(
      Object.assign(new Business(), toEntityFields(value), {
        id: options.idOf?.(index) ?? randomUUID(),
        status,
        createdAt,
        updatedAt: createdAt,
      }),
    );
    index++;
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return done;
}
