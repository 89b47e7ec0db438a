import type { Country } from '@communes/kit';

/** The words that differ between a Walloon commune and a French one. */
export interface Wording {
  council: string;
  college: string;
  localCode: string;
  /** Article giving the council its general competence. */
  competence: string;
  procurementLaw: string;
  association: string;
  socialCentre: string;
  mayor: string;
  excludingVat: string;
  /** Who carries out the council's decisions. */
  executive: string;
}

export const WORDING: Readonly<Record<Country, Wording>> = {
  BE: {
    council: 'Conseil communal',
    college: 'Collège communal',
    localCode: 'Code de la démocratie locale et de la décentralisation',
    competence: 'L1122-30',
    procurementLaw: 'la loi du 17 juin 2016 relative aux marchés publics',
    association: 'ASBL',
    socialCentre: 'CPAS',
    mayor: 'Bourgmestre',
    excludingVat: 'HTVA',
    executive: 'le Collège communal',
  },
  FR: {
    council: 'Conseil municipal',
    college: 'Bureau municipal',
    localCode: 'Code général des collectivités territoriales',
    competence: 'L2121-29',
    procurementLaw: 'le Code de la commande publique',
    association: 'association',
    socialCentre: 'CCAS',
    mayor: 'Maire',
    excludingVat: 'HT',
    executive: 'le Maire',
  },
};
