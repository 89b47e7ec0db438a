import { foldText } from '@communes/kit';
import type { Component } from './component.entity';
import type { Publiccode } from './publiccode';

/** The columns of a component read from its publiccode.yml, derived ones included. */
export function componentColumns(
  publiccode: Publiccode,
  source: string,
): Omit<Component, 'id' | 'publishedAt' | 'updatedAt'> {
  const words = [
    publiccode.name,
    publiccode.applicationSuite ?? '',
    ...publiccode.descriptions.flatMap((d) => [
      d.localisedName ?? '',
      d.shortDescription,
      d.longDescription ?? '',
      ...d.features,
    ]),
  ];
  return {
    url: publiccode.url,
    name: publiccode.name,
    nameSort: foldText(publiccode.name),
    applicationSuite: publiccode.applicationSuite,
    landingUrl: publiccode.landingUrl,
    softwareVersion: publiccode.softwareVersion,
    releaseDate: publiccode.releaseDate,
    releaseSort: publiccode.releaseDate ?? '',
    developmentStatus: publiccode.developmentStatus,
    softwareType: publiccode.softwareType,
    platforms: publiccode.platforms,
    categories: publiccode.categories,
    license: publiccode.license,
    licenseIds: publiccode.licenseIds,
    mainCopyrightOwner: publiccode.mainCopyrightOwner,
    descriptions: publiccode.descriptions,
    maintenance: publiccode.maintenance,
    languages: publiccode.languages,
    scope: publiccode.scope,
    dependsOn: publiccode.dependsOn,
    publiccodeYmlVersion: publiccode.version,
    source,
    searchText: foldText(words.join(' ')),
  };
}
