import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type ValueNode,
} from 'graphql';
import { BadUserInput, type FieldProblem } from '../../errors';
import type { ServerPlugin } from '../plugin';

const NUL = '\u0000';
export const NUL_REASON = 'must not contain the NUL character (U+0000)';

/**
 * No text with U+0000 enters a hub or a node: PostgreSQL cannot store it, so it would fail deep
 * in a write or a filter as an internal error. Every string argument, written in the document
 * or given as a variable, is read before execution; the request is refused as BAD_USER_INPUT
 * naming each argument path (`input.name`), and nothing runs.
 */
export function useNulCharacterRefusal(): ServerPlugin {
  return { name: 'nul-characters', apollo: refuseNulCharacters() };
}

function refuseNulCharacters(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problems = nulProblems(document, request.variables ?? {});
          if (problems.length === 0) return;
          throw new GraphQLError(problems.map((p) => `${p.field}: ${p.reason}`).join('; '), {
            originalError: new BadUserInput(problems),
            extensions: { http: { status: 400 } },
          });
        },
      };
    },
  };
}

/** Every argument (or part of one) holding U+0000, by its path from the argument's name. */
export function nulProblems(
  document: DocumentNode,
  variables: Record<string, unknown>,
): FieldProblem[] {
  const fields = new Set<string>();
  const defaults = new Map<string, ValueNode>();
  const walkJson = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (value.includes(NUL)) fields.add(path);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walkJson(item, `${path}[${i}]`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes(NUL)) fields.add(path);
        walkJson(item, `${path}.${key}`);
      }
    }
  };
  const walkValue = (value: ValueNode, path: string): void => {
    switch (value.kind) {
      case Kind.STRING:
        if (value.value.includes(NUL)) fields.add(path);
        break;
      case Kind.LIST:
        value.values.forEach((item, i) => walkValue(item, `${path}[${i}]`));
        break;
      case Kind.OBJECT:
        for (const field of value.fields) walkValue(field.value, `${path}.${field.name.value}`);
        break;
      case Kind.VARIABLE: {
        const name = value.name.value;
        const fallback = defaults.get(name);
        if (name in variables) walkJson(variables[name], path);
        else if (fallback) walkValue(fallback, path);
        break;
      }
      default:
        break;
    }
  };
  visit(document, {
    VariableDefinition(definition) {
      if (definition.defaultValue)
        defaults.set(definition.variable.name.value, definition.defaultValue);
    },
  });
  visit(document, {
    Argument(argument: ArgumentNode) {
      walkValue(argument.value, argument.name.value);
    },
  });
  return [...fields].map((field) => ({ field, reason: NUL_REASON }));
}
