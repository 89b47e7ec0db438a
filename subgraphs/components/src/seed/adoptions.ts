import type { AdoptComponentInput } from '../generated/graphql';

/** A seeded adoption: what the adopting commune recorded, and when it retired it, if it did. */
export interface SeedAdoption extends AdoptComponentInput {
  retiredOn?: string;
}

const DELIBE = {
  componentUrl: 'https://gitlab.com/ville-de-namur/delibe.git',
  componentName: 'Délibé',
  publisherCode: 'BE-92094',
};
const GUICHET = {
  componentUrl: 'https://gitlab.com/ville-de-namur/guichet-citoyen.git',
  componentName: 'Guichet citoyen',
  publisherCode: 'BE-92094',
};
const DOCUMENTS = {
  componentUrl: 'https://github.com/ville-de-liege/demandes-documents',
  componentName: 'Demandes de documents',
  publisherCode: 'BE-62063',
};
const ANNUAIRE = {
  componentUrl: 'https://github.com/ville-de-liege/annuaire-entreprises',
  componentName: 'Annuaire des entreprises',
  publisherCode: 'BE-62063',
};
const EID = {
  componentUrl: 'https://gitlab.com/ville-de-charleroi/connexion-eid.git',
  componentName: 'Connexion eID',
  publisherCode: 'BE-52011',
};
const REGISTRE = {
  componentUrl: 'https://github.com/ville-de-lille/registre-deliberations',
  componentName: 'Registre des délibérations',
  publisherCode: 'FR-59350',
};
const PLAN_VELO = {
  componentUrl: 'https://github.com/ville-de-lille/plan-velo',
  componentName: 'Plan vélo',
  publisherCode: 'FR-59350',
};

/** Who uses what in the demo network (people and addresses are fictitious). */
export const SEED_ADOPTIONS: Record<string, SeedAdoption[]> = {
  'BE-92094': [
    {
      ...DELIBE,
      version: '2.3.0',
      status: 'IN_PRODUCTION',
      since: '2019-09-02',
      referent: {
        name: 'Claire Dubois',
        email: 'claire.dubois@namur.be',
        role: 'Directrice générale adjointe',
      },
    },
    {
      ...EID,
      version: '2.0.3',
      status: 'IN_PRODUCTION',
      since: '2024-11-18',
      referent: {
        name: 'Marc Lemaire',
        email: 'marc.lemaire@namur.be',
        role: 'Responsable informatique',
      },
    },
    {
      ...DOCUMENTS,
      version: '4.2.1',
      status: 'IN_PRODUCTION',
      since: '2025-10-06',
      referent: {
        name: 'Sophie Renard',
        email: 'sophie.renard@namur.be',
        role: 'Cheffe du service Population',
      },
    },
    {
      ...REGISTRE,
      version: '1.5.0',
      status: 'EVALUATING',
      since: '2026-06-15',
      referent: {
        name: 'Marc Lemaire',
        email: 'marc.lemaire@namur.be',
        role: 'Responsable informatique',
      },
    },
  ],
  'BE-62063': [
    {
      ...DELIBE,
      version: '2.3.0',
      status: 'IN_PRODUCTION',
      since: '2024-05-13',
      referent: {
        name: 'Julien Collard',
        email: 'julien.collard@liege.be',
        role: 'Secrétariat communal',
      },
    },
    {
      ...EID,
      version: '2.0.3',
      status: 'IN_PRODUCTION',
      since: '2025-02-03',
      referent: {
        name: 'Nadia Benali',
        email: 'nadia.benali@liege.be',
        role: 'Architecte applicative',
      },
    },
    {
      ...DOCUMENTS,
      version: '4.2.1',
      status: 'IN_PRODUCTION',
      since: '2021-04-19',
      referent: {
        name: 'Nadia Benali',
        email: 'nadia.benali@liege.be',
        role: 'Architecte applicative',
      },
    },
    {
      ...PLAN_VELO,
      version: '0.1.0',
      status: 'EVALUATING',
      since: '2026-10-20',
      referent: { name: 'Tom Hermans', email: 'tom.hermans@liege.be', role: 'Mobilité' },
    },
  ],
  'BE-52011': [
    {
      ...EID,
      version: '2.0.3',
      status: 'IN_PRODUCTION',
      since: '2023-01-09',
      referent: {
        name: 'Isabelle Franco',
        email: 'isabelle.franco@charleroi.be',
        role: 'Cellule e-gouvernement',
      },
    },
    {
      ...DELIBE,
      version: '2.3.0',
      status: 'EVALUATING',
      since: '2026-09-28',
      referent: {
        name: 'Olivier Maes',
        email: 'olivier.maes@charleroi.be',
        role: 'Directeur financier',
      },
    },
    {
      ...DOCUMENTS,
      version: '4.1.0',
      status: 'IN_PRODUCTION',
      since: '2025-06-02',
      referent: {
        name: 'Isabelle Franco',
        email: 'isabelle.franco@charleroi.be',
        role: 'Cellule e-gouvernement',
      },
    },
    {
      ...GUICHET,
      version: '2.4.0',
      status: 'IN_PRODUCTION',
      since: '2021-03-01',
      retiredOn: '2025-01-31',
      referent: {
        name: 'Isabelle Franco',
        email: 'isabelle.franco@charleroi.be',
        role: 'Cellule e-gouvernement',
      },
    },
  ],
  'FR-59350': [
    {
      ...REGISTRE,
      version: '1.5.0',
      status: 'IN_PRODUCTION',
      since: '2022-02-14',
      referent: {
        name: 'Camille Lefebvre',
        email: 'camille.lefebvre@lille.fr',
        role: 'Direction des systèmes d’information',
      },
    },
    {
      ...DELIBE,
      version: '2.3.0',
      status: 'EVALUATING',
      since: '2026-10-01',
      referent: {
        name: 'Camille Lefebvre',
        email: 'camille.lefebvre@lille.fr',
        role: 'Direction des systèmes d’information',
      },
    },
    {
      ...ANNUAIRE,
      version: '0.9.0',
      status: 'IN_PRODUCTION',
      since: '2026-01-12',
      referent: {
        name: 'Hugo Delattre',
        email: 'hugo.delattre@lille.fr',
        role: 'Développement économique',
      },
    },
  ],
};
