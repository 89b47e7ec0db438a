import { buildSubgraphSchema } from '@apollo/subgraph';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  isObjectType,
  parse,
  valueFromASTUntyped,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { contractSdl } from '@communes/schema';

export type ContractCheckStatus = 'COMPATIBLE' | 'INCOMPATIBLE' | 'UNREACHABLE';

export interface ContractCheck {
  status: ContractCheckStatus;
  /** What the served SDL breaks in the contract, one message each (the inspector's). */
  differences: string[];
  /** Why the endpoint could not be asked, when UNREACHABLE. */
  error?: string;
  /**
   * Whether the endpoint served a valid subgraph SDL, which `differences` then compare with the
   * contract; when it did not, the differences and the error say what the endpoint did instead.
   */
  served: boolean;
}

export interface ContractCheckOptions {
  /** How long to wait for the endpoint's `_service { sdl }`. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_CONTRACT_TIMEOUT_MS = 5_000;
/** An SDL is a few hundred kilobytes at most; a bigger answer is not a subgraph's. */
const MAX_RESPONSE_BYTES = 5_000_000;
const SERVICE_QUERY = '{ _service { sdl } }';

/**
 * Asks a commune's endpoint for the SDL it serves and compares it with the contract: the
 * endpoint is compatible when it breaks nothing a client or the hub's planner relies on.
 */
export async function checkContract(
  subgraph: string,
  url: string,
  options: ContractCheckOptions = {},
): Promise<ContractCheck> {
  const served = await fetchServedSdl(url, options);
  if (served.kind === 'unreachable') {
    return { status: 'UNREACHABLE', differences: [], error: served.error, served: false };
  }
  if (served.kind === 'not-a-subgraph')
    return { status: 'INCOMPATIBLE', differences: [served.error], served: false };
  const schema = servedSchema(served.sdl);
  if (typeof schema === 'string')
    return { status: 'INCOMPATIBLE', differences: [schema], served: false };
  const differences = await schemaDifferences(subgraph, schema);
  return {
    status: differences.length > 0 ? 'INCOMPATIBLE' : 'COMPATIBLE',
    differences,
    served: true,
  };
}

/** The schema of a served SDL, or why it is not a subgraph schema at all. */
function servedSchema(servedSdl: string): GraphQLSchema | string {
  try {
    return buildSubgraphSchema([{ typeDefs: parse(servedSdl) }]);
  } catch (error: unknown) {
    return `The served SDL is not a valid subgraph schema: ${messageOf(error)}`;
  }
}

/** The breaking differences between the contract of `subgraph` and a served SDL. */
export async function contractDifferences(subgraph: string, servedSdl: string): Promise<string[]> {
  const served = servedSchema(servedSdl);
  return typeof served === 'string' ? [served] : schemaDifferences(subgraph, served);
}

async function schemaDifferences(subgraph: string, served: GraphQLSchema): Promise<string[]> {
  const contract = contractSchema(subgraph);
  const changes = await diff(contract, served);
  return [
    ...changes.filter(breaksContract).map((c) => c.message),
    ...keyDifferences(contract, served),
  ];
}

const contractSchemas = new Map<string, GraphQLSchema>();

function contractSchema(subgraph: string): GraphQLSchema {
  let schema = contractSchemas.get(subgraph);
  if (!schema) {
    schema = buildSubgraphSchema([{ typeDefs: parse(contractSdl(subgraph)) }]);
    contractSchemas.set(subgraph, schema);
  }
  return schema;
}

/**
 * Breaking changes to the types and fields of the contract. Federation's own machinery
 * (directive definitions, `federation__*` and `link__*` types) differs between federation
 * versions without changing what the planner may ask, so it is left out.
 */
function breaksContract(change: Change): boolean {
  if (change.criticality.level !== CriticalityLevel.Breaking) return false;
  if (String(change.type).startsWith('DIRECTIVE')) return false;
  return !/^(federation__|link__)/.test(change.path ?? '');
}

/** The inspector only calls a changed `@key` dangerous, but the hub routes entities by it. */
function keyDifferences(contract: GraphQLSchema, served: GraphQLSchema): string[] {
  const differences: string[] = [];
  for (const type of Object.values(contract.getTypeMap())) {
    const servedType = served.getType(type.name);
    if (!isObjectType(type) || !servedType || !isObjectType(servedType)) continue;
    const servedKeys = keysOf(servedType);
    for (const key of keysOf(type)) {
      if (!servedKeys.includes(key))
        differences.push(`Key '${key}' was removed from entity type '${type.name}'`);
    }
  }
  return differences;
}

/** The `fields` of each `@key` of an entity type, whitespace normalised. */
function keysOf(type: GraphQLObjectType): string[] {
  return [type.astNode, ...type.extensionASTNodes]
    .flatMap((node) => node?.directives ?? [])
    .filter((d) => d.name.value === 'key' || d.name.value === 'federation__key')
    .map((d) => d.arguments?.find((a) => a.name.value === 'fields')?.value)
    .map((value) => (value ? String(valueFromASTUntyped(value)) : ''))
    .map((fields) =>
      fields
        .replace(/([{}])/g, ' $1 ')
        .trim()
        .split(/\s+/)
        .join(' '),
    );
}

type ServedSdl =
  | { kind: 'sdl'; sdl: string }
  | { kind: 'unreachable'; error: string }
  | { kind: 'not-a-subgraph'; error: string };

async function fetchServedSdl(url: string, options: ContractCheckOptions): Promise<ServedSdl> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONTRACT_TIMEOUT_MS;
  let status: number;
  let text: string;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: SERVICE_QUERY }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    text = await readCapped(response, MAX_RESPONSE_BYTES);
  } catch (error: unknown) {
    return { kind: 'unreachable', error: fetchFailure(error, timeoutMs) };
  }
  const body = parseJson(text) as { data?: { _service?: { sdl?: unknown } }; errors?: unknown };
  const sdl = body?.data?._service?.sdl;
  if (typeof sdl === 'string') return { kind: 'sdl', sdl };
  // A GraphQL answer without `_service` is a server, but not a federation subgraph.
  if (body && (body.errors || body.data)) {
    return { kind: 'not-a-subgraph', error: 'The endpoint does not answer `_service { sdl }`' };
  }
  return { kind: 'unreachable', error: `answered HTTP ${status} without GraphQL` };
}

/** Reads a body, refusing one larger than `max` bytes: endpoints are the communes', not ours. */
async function readCapped(response: Response, max: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) throw new Error(`answer larger than ${max} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A readable reason for a failed fetch: timeout, refused connection, unknown host… */
export function fetchFailure(error: unknown, timeoutMs: number): string {
  // Duck-typed, not `instanceof`: fetch's errors may come from another realm (test sandboxes).
  const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  if (typeof cause?.code === 'string') return `connection failed (${cause.code})`;
  return messageOf(error);
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
