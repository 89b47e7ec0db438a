import type { SubgraphModule } from '@communes/kit';
import { directory } from '@communes/directory';
import { deliberations } from '@communes/deliberations';
import { components } from '@communes/components';

/** Every subgraph a commune node serves, in the contract's names. */
export const NODE_SUBGRAPHS: SubgraphModule[] = [directory, deliberations, components];
