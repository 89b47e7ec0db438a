import tags from 'language-tags';
import parseSpdx from 'spdx-expression-parse';
import isEmail from 'validator/lib/isEmail';
import isURL from 'validator/lib/isURL';
import { parseDate } from '@communes/kit';

/** A BCP 47 tag whose subtags are in the IANA registry; returns why not, or null. */
export function languageTagProblem(tag: string): string | null {
  const checked = tags(tag);
  if (checked.valid()) return null;
  const first = checked.errors()[0]?.message ?? 'unknown error';
  return `must be a BCP 47 language tag such as fr, nl-BE or en (${first})`;
}

/** The tag in its canonical case (`fr-BE`, `sr-Latn`). */
export function canonicalTag(tag: string): string {
  return tags(tag).format();
}

/** An ISO 3166-1 alpha-2 code, in either case. */
export function isCountryCode(code: string): boolean {
  return /^[a-z]{2}$/i.test(code) && tags.region(code) !== null;
}

interface SpdxNode {
  license?: string;
  left?: SpdxNode;
  right?: SpdxNode;
}

/** The licence identifiers an SPDX expression names, or null when it is not one. */
export function spdxLicenseIds(expression: string): string[] | null {
  let tree: SpdxNode;
  try {
    tree = parseSpdx(expression) as SpdxNode;
  } catch {
    return null;
  }
  const ids = new Set<string>();
  const walk = (node: SpdxNode): void => {
    if (node.license) ids.add(node.license);
    if (node.left) walk(node.left);
    if (node.right) walk(node.right);
  };
  walk(tree);
  return [...ids];
}

/** One SPDX licence identifier alone (`EUPL-1.2`), not an expression. */
export function isSpdxLicenseId(value: string): boolean {
  try {
    const tree = parseSpdx(value) as SpdxNode & { exception?: string };
    return tree.license === value && tree.exception === undefined;
  } catch {
    return false;
  }
}

/** A web address (http or https on a host name). */
export function isHttpUrl(value: string): boolean {
  return isURL(value, {
    protocols: ['http', 'https'],
    require_protocol: true,
    require_valid_protocol: true,
    require_tld: false,
    disallow_auth: true,
  });
}

/** A repository address: any scheme git, svn or a browser understands, on a host. */
export function isRepositoryUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export { isEmail, parseDate };
