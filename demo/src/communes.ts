/** The demo network's communes: real official codes, names and websites. */
export interface DemoCommune {
  code: string;
  name: string;
  names: { fr?: string; nl?: string; de?: string; en?: string };
  region: string;
  website: string;
  /** Businesses the demo seed creates. */
  businesses: number;
  /** The commune's legal identifier for the SCDL export, where known. */
  legal?: { siret: string } | { enterpriseNumber: string };
}

export const DEMO_COMMUNES: DemoCommune[] = [
  {
    code: 'BE-92094',
    name: 'Namur',
    names: { fr: 'Namur', nl: 'Namen', de: 'Namur', en: 'Namur' },
    region: 'Wallonie',
    website: 'https://www.namur.be',
    businesses: 400,
    legal: { enterpriseNumber: '0216.689.981' },
  },
  {
    code: 'BE-62063',
    name: 'Liège',
    names: { fr: 'Liège', nl: 'Luik', de: 'Lüttich', en: 'Liège' },
    region: 'Wallonie',
    website: 'https://www.liege.be',
    businesses: 500,
  },
  {
    code: 'BE-52011',
    name: 'Charleroi',
    names: { fr: 'Charleroi', nl: 'Charleroi', de: 'Charleroi', en: 'Charleroi' },
    region: 'Wallonie',
    website: 'https://www.charleroi.be',
    businesses: 450,
  },
  {
    code: 'FR-59350',
    name: 'Lille',
    names: { fr: 'Lille', nl: 'Rijsel', en: 'Lille' },
    region: 'Hauts-de-France',
    website: 'https://www.lille.fr',
    businesses: 500,
    legal: { siret: '21590350100017' },
  },
];
