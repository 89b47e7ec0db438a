import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import {
  decodeNetworkCursor,
  encodeNodeCursor,
  nodeCursorFor,
  type NetworkCursor,
} from '@communes/schema';
import { dropForeignClaims } from './claims';
import { routeEntities, reassembleEntities } from './entities';
import { networkError, stamp } from './errors';
import { mergeByShape, type CommunePart } from './merge';
import { argumentsOf, type AnalysedOperation, type RootField } from './operation';
import type { CommuneOutcome, CommuneTarget } from './scatter';
import { RequestError, type NetworkResult } from './types';

/** One execution of one fetch. */
export class FetchRun {
  constructor(
    private readonly subgraph: string,
    private readonly operation: AnalysedOperation,
    private readonly variables: Record<string, unknown>,
    /** The communes serving the subgraph when the fetch began, in code order. */
    private readonly members: CommuneTarget[],
    /** Calls one commune (timeout, deadline, identity and trace are the caller's). */
    private readonly send: (
      target: CommuneTarget,
      query: string,
      variables: Record<string, unknown>,
    ) => Promise<CommuneOutcome>,
  ) {}

  async entities(): Promise<Omit<NetworkResult, 'extensions'>> {
    const representations = (this.variables['representations'] ?? []) as Record<string, unknown>[];
    const members = new Map(this.members.map((m) => [m.code, m]));
    const { groups, unroutable } = routeEntities(representations);
    const errors: GraphQLFormattedError[] = [];
    const answers = await Promise.all(
      [...groups.entries()].map(async ([commune, indexes]) => {
        const target = members.get(commune);
        if (!target) {
          errors.push(
            networkError(
              'UNKNOWN_COMMUNE',
              `${commune} is not an active member serving ${this.subgraph}`,
              { commune, serviceName: this.subgraph },
            ),
          );
          return { commune, indexes, outcome: null };
        }
        const subset = indexes.map((i) => representations[i]);
        const outcome = await this.send(target, this.operation.text, {
          ...this.variables,
          representations: subset,
        });
        return { commune, indexes, outcome };
      }),
    );
    for (const index of unroutable) {
      errors.push({
        message: 'representation names no commune',
        path: ['_entities', index],
        extensions: { serviceName: this.subgraph },
      });
    }
    const results: unknown[] = representations.map(() => null);
    for (const { commune, indexes, outcome } of answers) {
      if (!outcome) continue;
      if (!outcome.ok) {
        errors.push(this.unavailable(commune, outcome.reason));
        continue;
      }
      const entities = (outcome.data?.['_entities'] ?? []) as unknown[];
      const { value, dropped } = dropForeignClaims(entities, commune);
      if (dropped > 0) errors.push(this.refused(commune, dropped));
      reassembleEntities(
        results,
        indexes,
        value as unknown[],
        outcome.errors,
        errors,
        commune,
        this.subgraph,
      );
    }
    return { data: { _entities: results }, ...(errors.length ? { errors } : {}) };
  }

  async rootFields(schema: GraphQLSchema): Promise<Omit<NetworkResult, 'extensions'>> {
    const kind = this.operation.kind;
    const plans = this.operation.fields.map((field) => {
      const args = argumentsOf(field, schema, kind, this.variables);
      return {
        field,
        args,
        targets: this.targetsOf(field, args),
        after: this.networkAfter(field, args),
      };
    });
    const errors: GraphQLFormattedError[] = [];
    const members = this.members;
    const union = new Set(plans.flatMap((p) => p.targets));
    for (const plan of plans) {
      for (const code of plan.targets) {
        if (!members.some((m) => m.code === code)) {
          errors.push(
            networkError(
              'UNKNOWN_COMMUNE',
              `${code} is not an active member serving ${this.subgraph}`,
              { commune: code, serviceName: this.subgraph },
              [plan.field.responseKey],
            ),
          );
        }
      }
    }
    const targets = members.filter((m) => union.has(m.code));
    if (kind === 'mutation' && targets.length > 1)
      throw new Error('a mutation fetch must name one commune');
    const outcomes = await Promise.all(
      targets.map(async (target) => {
        const variables = { ...this.variables };
        for (const plan of plans) {
          if (plan.field.afterVariable)
            variables[plan.field.afterVariable] = plan.after
              ? encodeAfter(target.code, plan.after)
              : null;
        }
        return {
          commune: target.code,
          outcome: await this.send(target, this.operation.text, variables),
        };
      }),
    );
    const partsByField = new Map<string, CommunePart[]>(
      plans.map((p) => [p.field.responseKey, []]),
    );
    for (const { commune, outcome } of outcomes) {
      if (!outcome.ok) {
        errors.push(this.unavailable(commune, outcome.reason));
        continue;
      }
      for (const error of outcome.errors) errors.push(stamp(error, commune, this.subgraph, true));
      for (const plan of plans) {
        if (!plan.targets.includes(commune)) continue;
        const raw = outcome.data?.[plan.field.responseKey];
        const { value, dropped } = dropForeignClaims(raw, commune);
        if (dropped > 0) errors.push(this.refused(commune, dropped));
        partsByField.get(plan.field.responseKey)!.push({ commune, value });
      }
    }
    const data: Record<string, unknown> = {};
    for (const plan of plans) {
      const parts = partsByField.get(plan.field.responseKey)!;
      try {
        data[plan.field.responseKey] = mergeByShape(
          plan.field.shape,
          parts,
          Number(plan.args['first'] ?? 20),
          plan.after,
        );
      } catch (error: unknown) {
        errors.push({
          message: (error as Error).message,
          path: [plan.field.responseKey],
          extensions: { code: 'COMMUNE_UNAVAILABLE', serviceName: this.subgraph },
        });
        data[plan.field.responseKey] = null;
      }
    }
    if (this.operation.kind === 'query') {
      // Fields that spanned no answering commune still get their empty shape.
      for (const plan of plans) {
        if (data[plan.field.responseKey] === null && plan.field.shape === 'connection') {
          data[plan.field.responseKey] = mergeByShape('connection', [], 0, plan.after);
        } else if (
          data[plan.field.responseKey] === null &&
          (plan.field.shape === 'list' || plan.field.shape === 'buckets')
        ) {
          data[plan.field.responseKey] = [];
        }
      }
    }
    return { data, ...(errors.length ? { errors } : {}) };
  }

  private targetsOf(field: RootField, args: Record<string, unknown>): string[] {
    const members = this.members.map((m) => m.code);
    switch (field.routing.kind) {
      case 'all':
        return members;
      case 'communes': {
        const named = args['communes'] as string[] | null | undefined;
        return named === null || named === undefined ? members : [...new Set(named)];
      }
      case 'one': {
        let value: unknown = args[field.routing.argument];
        for (const key of field.routing.path)
          value = (value as Record<string, unknown> | null)?.[key];
        if (typeof value !== 'string')
          throw new RequestError(
            networkError('BAD_USER_INPUT', `${field.fieldName} names no commune`, {
              field: [field.routing.argument, ...field.routing.path].join('.'),
            }),
          );
        return [value];
      }
    }
  }

  private networkAfter(field: RootField, args: Record<string, unknown>): NetworkCursor | null {
    if (field.shape !== 'connection' || args['after'] === null || args['after'] === undefined)
      return null;
    const cursor = decodeNetworkCursor(String(args['after']));
    if (!cursor) {
      throw new RequestError(
        networkError(
          'BAD_USER_INPUT',
          'after: is not a cursor returned by the network',
          { field: 'after', reason: 'is not a cursor returned by the network' },
          [field.responseKey],
        ),
      );
    }
    return cursor;
  }

  private unavailable(commune: string, reason: string): GraphQLFormattedError {
    return networkError(
      'COMMUNE_UNAVAILABLE',
      `Commune ${commune} is unavailable for ${this.subgraph}: ${reason}`,
      { commune, serviceName: this.subgraph },
    );
  }

  private refused(commune: string, dropped: number): GraphQLFormattedError {
    return networkError(
      'COMMUNE_DATA_REFUSED',
      `Commune ${commune} answered ${dropped} object(s) of another commune; they were dropped`,
      { commune, serviceName: this.subgraph },
    );
  }
}

/** Where one commune continues a network page: its own cursor for the network position. */
function encodeAfter(commune: string, after: NetworkCursor): string {
  return encodeNodeCursor(nodeCursorFor(commune, after));
}
