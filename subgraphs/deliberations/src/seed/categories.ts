/**
 * The demo communes' own categories and the ACTES topic each maps to (level 2): the way a
 * commune's secretariat files its items, so that the network can count them by topic.
 */
export const SEED_CATEGORIES = [
  { code: 'FIN-BUDGET', name: 'Budget et comptes', topic: '7.1' },
  { code: 'FIN-TAXES', name: 'Taxes et redevances', topic: '7.2' },
  { code: 'FIN-EMPRUNTS', name: 'Emprunts', topic: '7.3' },
  { code: 'FIN-SUBSIDES', name: 'Subsides et subventions', topic: '7.5' },
  {
    code: 'FIN-TUTELLE',
    name: 'Tutelle et dotations (CPAS, zone de police, fabriques)',
    topic: '7.6',
  },
  { code: 'MP-TRAVAUX', name: 'Marchés publics de travaux', topic: '1.1' },
  { code: 'MP-FOURNITURES', name: 'Marchés publics de fournitures', topic: '1.1' },
  { code: 'MP-SERVICES', name: 'Marchés publics de services', topic: '1.1' },
  { code: 'CONVENTIONS', name: 'Conventions et partenariats', topic: '1.4' },
  { code: 'PAT-ACQUISITION', name: 'Acquisitions immobilières', topic: '3.1' },
  { code: 'PAT-VENTE', name: 'Ventes de biens communaux', topic: '3.2' },
  { code: 'PAT-LOCATION', name: 'Baux et locations', topic: '3.3' },
  { code: 'DOMAINE-PUBLIC', name: 'Occupation du domaine public', topic: '3.5' },
  { code: 'URB-PLANIFICATION', name: 'Aménagement du territoire', topic: '2.1' },
  { code: 'URB-PERMIS', name: 'Permis et voiries communales', topic: '2.2' },
  { code: 'RH-STATUTAIRE', name: 'Personnel statutaire', topic: '4.1' },
  { code: 'RH-CONTRACTUEL', name: 'Personnel contractuel', topic: '4.2' },
  { code: 'RH-ENSEIGNANT', name: 'Personnel enseignant', topic: '4.4' },
  { code: 'INST-SEANCES', name: 'Fonctionnement du Conseil', topic: '5.2' },
  { code: 'INST-ELECTIONS', name: 'Installation et élections', topic: '5.1' },
  { code: 'INST-REPRESENTANTS', name: 'Désignation de représentants', topic: '5.3' },
  { code: 'INST-INTERCOMMUNALES', name: 'Intercommunalité', topic: '5.7' },
  { code: 'INST-JUSTICE', name: 'Actions en justice', topic: '5.8' },
  { code: 'POLICE-ADMINISTRATIVE', name: 'Police administrative', topic: '6.1' },
  { code: 'POLICE-REGLEMENTS', name: 'Règlements de police et de circulation', topic: '6.4' },
  { code: 'ENSEIGNEMENT', name: 'Enseignement', topic: '8.1' },
  { code: 'SOCIAL', name: 'Action sociale', topic: '8.2' },
  { code: 'VOIRIE', name: 'Voirie et travaux', topic: '8.3' },
  { code: 'LOGEMENT', name: 'Logement', topic: '8.5' },
  { code: 'MOBILITE', name: 'Mobilité', topic: '8.7' },
  { code: 'ENVIRONNEMENT', name: 'Environnement et propreté', topic: '8.8' },
  { code: 'CULTURE', name: 'Culture et patrimoine', topic: '8.9' },
  { code: 'SPORTS', name: 'Sports et jeunesse', topic: '9.1' },
  { code: 'MOTIONS', name: 'Motions et vœux', topic: '9.4' },
] as const;

export type SeedCategoryCode = (typeof SEED_CATEGORIES)[number]['code'];
