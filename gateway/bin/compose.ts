/** Writes schema/supergraph.graphql from the contract (`npm run compose`). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_DIR } from '@communes/schema';
import { composeSupergraph } from '../src/compose';

const target = join(SCHEMA_DIR, 'supergraph.graphql');
writeFileSync(target, composeSupergraph());
console.log(`wrote ${target}`);
