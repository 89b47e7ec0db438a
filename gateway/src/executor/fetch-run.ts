import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import {
  decodeNetworkCursor,
  encodeNodeCursor,
  nodeCursorFor,
  type NetworkCursor,
} from '@communes/schema';
import { isCommuneCode, isUuid } from '@communes/kit';
import { condenseErrors, unknownCommunesError } from './commune-errors';
import { routeEntities, reassembleEntities, typedAsAsked } from './entities';
import { networkError, stamp } from './errors';
import { mergeByShape, type CommunePart } from './merge';
import { argumentsOf, type AnalysedOperation, type RootField } from './operation';
import type { CommuneOutcome, CommuneTarget } from './commune-call';
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
    /** Called for a commune whose answer was refused: its part is missing, as if it had failed. */
    private readonly distrust: (commune: string) => void = () => {},
  ) {}

  async entities(): Promise<Omit<NetworkResult, 'extensions'>> {
    const representations = (this.variables['representations'] ?? []) as Record<string, unknown>[];
    const members = new Map(this.members.map((m) => [m.code, m]));
    const { groups, unroutable } = routeEntities(representations);
    const errors: GraphQLFormattedError[] = [];
    const unknown = [...groups.keys()].filter((commune) => !members.has(commune));
    if (unknown.length > 0) errors.push(unknownCommunesError(unknown, this.subgraph));
    const answers = await Promise.all(
      [...groups.entries()].map(async ([commune, indexes]) => {
        const target = members.get(commune);
        if (!target) return { commune, indexes, outcome: null, subset: [] };
        const subset = indexes.map((i) => representations[i]);
        const outcome = await this.send(target, this.operation.text, {
          ...this.variables,
          representations: subset,
        });
        return { commune, indexes, outcome, subset };
      }),
    );
    for (const index of unroutable) {
      errors.push(
        networkError(
          'BAD_USER_INPUT',
          'representation names no commune',
          {
            field: `representations.${index}`,
            reason: 'names no commune',
            serviceName: this.subgraph,
          },
          ['_entities', index],
        ),
      );
    }
    const results: unknown[] = representations.map(() => null);
    for (const { commune, indexes, outcome, subset } of answers) {
      if (!outcome) continue;
      if (!outcome.ok) {
        errors.push(this.unavailable(commune, outcome.reason));
        continue;
      }
      const data = this.trusted(commune, typedAsAsked(outcome.data, subset), errors);
      if (data === undefined) continue;
      reassembleEntities(
        results,
        indexes,
        (data?.['_entities'] ?? []) as unknown[],
        condenseErrors(outcome.errors),
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
    if (kind === 'mutation' && union.size > 1) throw this.mutationSpansCommunes(plans);
    for (const plan of plans) {
      const unknown = plan.targets.filter((code) => !members.some((m) => m.code === code));
      if (unknown.length > 0)
        errors.push(unknownCommunesError(unknown, this.subgraph, [plan.field.responseKey]));
    }
    const targets = members.filter((m) => union.has(m.code));
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
      const data = this.trusted(commune, outcome.data, errors);
      if (data === undefined) continue;
      for (const error of condenseErrors(outcome.errors))
        errors.push(stamp(error, commune, this.subgraph, true));
      for (const plan of plans) {
        if (!plan.targets.includes(commune)) continue;
        partsByField
          .get(plan.field.responseKey)!
          .push({ commune, value: data?.[plan.field.responseKey] });
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
        errors.push(
          networkError(
            'COMMUNE_UNAVAILABLE',
            (error as Error).message,
            { serviceName: this.subgraph },
            [plan.field.responseKey],
          ),
        );
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
          (plan.field.shape === 'list' ||
            plan.field.shape === 'buckets' ||
            plan.field.shape === 'monthBuckets')
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
    // A network cursor names a member and one of its rows: anything else was not made here.
    if (!cursor || !isUuid(cursor.id) || !isCommuneCode(cursor.communeCode)) {
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

  /**
   * A commune's data for this fetch, screened (`AnswerScreen`); undefined when refused. An
   * answer that claims another commune anywhere is refused whole, errors included: its counts,
   * totals and buckets may hold the other commune's figures, which nothing in a bucket shows,
   * so none of it is merged. An answer that is not one to the fetch is refused as garbage.
   */
  private trusted(
    commune: string,
    data: Record<string, unknown> | null,
    errors: GraphQLFormattedError[],
  ): Record<string, unknown> | null | undefined {
    const screened = this.operation.screen.check(data, commune);
    if (screened.malformed) {
      errors.push(
        this.unavailable(commune, `answer does not match the fetch: ${screened.malformed}`),
      );
    } else if (screened.foreign > 0) {
      errors.push(
        networkError(
          'COMMUNE_DATA_REFUSED',
          `Commune ${commune} answered ${screened.foreign} object(s) of another commune; its whole answer was dropped`,
          { commune, serviceName: this.subgraph, refused: screened.foreign },
        ),
      );
    } else {
      return screened.data;
    }
    this.distrust(commune);
    return undefined;
  }

  /** A request's mutations go to one commune: writes never fan out, and nothing is sent. */
  private mutationSpansCommunes(plans: { field: RootField; targets: string[] }[]): RequestError {
    const first = plans[0]!;
    const other = plans.find((p) => p.targets.some((code) => !first.targets.includes(code)))!;
    const routing = other.field.routing;
    const field =
      routing.kind === 'one'
        ? [routing.argument, ...routing.path].join('.')
        : other.field.fieldName;
    const reason = `names ${other.targets.join(', ')} while ${first.field.responseKey} names ${first.targets.join(', ')}: the mutations of one request must name one commune; send them as separate requests`;
    return new RequestError(
      networkError(
        'BAD_USER_INPUT',
        `${field}: ${reason}`,
        { field, reason, problems: [{ field, reason }] },
        [other.field.responseKey],
      ),
    );
  }
}

/** Where one commune continues a network page: its own cursor for the network position. */
function encodeAfter(commune: string, after: NetworkCursor): string {
  return encodeNodeCursor(nodeCursorFor(commune, after));
}
