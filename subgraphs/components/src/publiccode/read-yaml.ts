import { LineCounter, parseDocument, type Document } from 'yaml';
import type { FieldProblem } from '@communes/kit';

/** Largest publiccode.yml accepted, in bytes (256 KiB). */
export const MAX_FILE_BYTES = 256 * 1024;

/**
 * Aliases a file may expand, weighted by the size of what they repeat (the `yaml` library's
 * guard against "billion laughs" documents). Real publiccode.yml files use none or a few.
 */
export const MAX_ALIAS_COUNT = 50;

/** The argument malformed files are reported on. */
export const FILE_FIELD = 'publiccodeYml';

export interface ReadYaml {
  document: Document.Parsed;
  lines: LineCounter;
  data: unknown;
}

/**
 * Parses a publiccode.yml as YAML 1.2, every scalar that looks like a number kept as text:
 * the standard has no numeric key, and `softwareVersion: 1.10` means "1.10", not 1.1.
 * Returns the problems instead when the file is too large, malformed, or expands too much.
 */
export function readYaml(text: string): ReadYaml | { problems: FieldProblem[] } {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_FILE_BYTES) {
    return refuse(
      `is ${kib(bytes)} KiB; a publiccode.yml may be at most ${kib(MAX_FILE_BYTES)} KiB`,
    );
  }
  const lines = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, {
      lineCounter: lines,
      prettyErrors: true,
      uniqueKeys: true,
      customTags: (tags) =>
        tags.filter((tag) => typeof tag === 'string' || !NUMBER_TAGS.has(tag.tag)),
    });
  } catch {
    // Only pathological input gets here, such as thousands of nested brackets.
    return refuse('is not valid YAML: it nests too deeply');
  }
  // Later syntax errors are mostly consequences of the first: report that one.
  const syntaxError = document.errors[0];
  if (syntaxError) {
    return {
      problems: [
        {
          field: FILE_FIELD,
          reason: `is not valid YAML: ${firstLine(syntaxError.message)}`,
          ...(syntaxError.linePos ? { line: syntaxError.linePos[0].line } : {}),
        },
      ],
    };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error: unknown) {
    // The library refuses documents whose aliases would expand past the count.
    const message = error instanceof Error ? error.message : String(error);
    return refuse(`expands too much through YAML aliases (${firstLine(message)})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return refuse('must be a YAML mapping of publiccode.yml keys');
  }
  return { document, lines, data };
}

const NUMBER_TAGS = new Set(['tag:yaml.org,2002:int', 'tag:yaml.org,2002:float']);

function refuse(reason: string): { problems: FieldProblem[] } {
  return { problems: [{ field: FILE_FIELD, reason }] };
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim().replace(/:$/, '');
}

/** The line of the node at `path` in the file, or of its closest ancestor present. */
export function lineOf(read: ReadYaml, path: readonly (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = read.document.getIn(path.slice(0, depth), true) as
      { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) {
      return read.lines.linePos(node.range[0]).line;
    }
  }
  return undefined;
}
