import type { DatabasePart } from '@communes/kit';
import { Commune } from './commune.entity';
import { CreateCommune1732790000000 } from './migrations/1732790000000-CreateCommune';

/** What the registry brings to the hub's database. */
export const registryDatabasePart: DatabasePart = {
  entities: [Commune],
  migrations: [CreateCommune1732790000000],
};
