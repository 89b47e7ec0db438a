import type { GraphQLFormattedError } from 'graphql';
import { stamp } from './errors';

/**
 * Groups `_entities` representations by the commune in their key: `communeCode` for
 * commune-owned entities, `code` for `Commune` itself.
 */
export function routeEntities(representations: Record<string, unknown>[]): {
  groups: Map<string, number[]>;
  unroutable: number[];
} {
  const groups = new Map<string, number[]>();
  const unroutable: number[] = [];
  representations.forEach((representation, index) => {
    const commune = communeOf(representation);
    if (!commune) {
      unroutable.push(index);
      return;
    }
    const list = groups.get(commune) ?? [];
    list.push(index);
    groups.set(commune, list);
  });
  return { groups, unroutable };
}

export function communeOf(representation: Record<string, unknown>): string | null {
  const code =
    representation['__typename'] === 'Commune'
      ? representation['code']
      : representation['communeCode'];
  return typeof code === 'string' ? code : null;
}

/**
 * A commune's `_entities` answer with each entity typed as the representation it answers:
 * the planner does not always select `__typename`, and an entity is read as the type asked
 * for, whatever type it says it is.
 */
export function typedAsAsked(
  data: Record<string, unknown> | null,
  representations: Record<string, unknown>[],
): Record<string, unknown> | null {
  const entities = data?.['_entities'];
  if (!Array.isArray(entities)) return data;
  return {
    ...data,
    _entities: entities.map((entity: unknown, i) =>
      typeof entity === 'object' && entity !== null && !Array.isArray(entity)
        ? { ...entity, __typename: representations[i]?.['__typename'] }
        : entity,
    ),
  };
}

/**
 * Puts one commune's entities back at the planner's positions, and renumbers the paths of
 * its errors (`_entities.<i>` in the commune's batch becomes the planner's index).
 */
export function reassembleEntities(
  results: unknown[],
  indexes: number[],
  entities: unknown[],
  communeErrors: GraphQLFormattedError[],
  errors: GraphQLFormattedError[],
  commune: string,
  serviceName: string,
): void {
  indexes.forEach((original, position) => {
    results[original] = entities[position] ?? null;
  });
  for (const error of communeErrors) {
    const path = error.path;
    if (path && path[0] === '_entities' && typeof path[1] === 'number') {
      const original = indexes[path[1]];
      errors.push(
        stamp(
          { ...error, path: ['_entities', original ?? path[1], ...path.slice(2)] },
          commune,
          serviceName,
          false,
        ),
      );
    } else {
      errors.push(stamp(error, commune, serviceName, false));
    }
  }
}
