/**
 * The ACTES nomenclature (Aide au Contrôle de légaliTé dématErialiSé), levels 1 and 2: the
 * network's shared topics. SCDL délibérations publishes the level-2 code as
 * `DELIB_MATIERE_CODE` (`^\d\.\d{1,2}$`) and the two names joined by `/` as `DELIB_MATIERE_NOM`.
 */
export interface ActesMatter {
  code: string;
  name: string;
  topics: readonly { code: string; name: string }[];
}

export const ACTES_NOMENCLATURE: readonly ActesMatter[] = [
  {
    code: '1',
    name: 'Commande publique',
    topics: [
      { code: '1.1', name: 'Marchés publics' },
      { code: '1.2', name: 'Délégation de service public' },
      { code: '1.3', name: 'Conventions de mandat' },
      { code: '1.4', name: 'Autres types de contrats' },
      { code: '1.5', name: "Transactions / protocole d'accord transactionnel" },
      { code: '1.6', name: "Maîtrise d'œuvre" },
      { code: '1.7', name: 'Actes spéciaux et divers' },
    ],
  },
  {
    code: '2',
    name: 'Urbanisme',
    topics: [
      { code: '2.1', name: "Documents d'urbanisme" },
      { code: '2.2', name: "Actes relatifs au droit d'occupation ou d'utilisation des sols" },
      { code: '2.3', name: 'Droit de préemption urbain' },
    ],
  },
  {
    code: '3',
    name: 'Domaine et patrimoine',
    topics: [
      { code: '3.1', name: 'Acquisitions' },
      { code: '3.2', name: 'Aliénations' },
      { code: '3.3', name: 'Locations' },
      { code: '3.4', name: 'Limites territoriales' },
      { code: '3.5', name: 'Actes de gestion du domaine public' },
      { code: '3.6', name: 'Autres actes de gestion du domaine privé' },
    ],
  },
  {
    code: '4',
    name: 'Fonction publique',
    topics: [
      {
        code: '4.1',
        name: 'Personnel titulaire et stagiaire de la fonction publique territoriale',
      },
      { code: '4.2', name: 'Personnel contractuel' },
      { code: '4.3', name: 'Fonction publique hospitalière' },
      { code: '4.4', name: 'Autres catégories de personnels' },
      { code: '4.5', name: 'Régime indemnitaire' },
    ],
  },
  {
    code: '5',
    name: 'Institutions et vie politique',
    topics: [
      { code: '5.1', name: 'Election exécutif' },
      { code: '5.2', name: 'Fonctionnement des assemblées' },
      { code: '5.3', name: 'Désignation de représentants' },
      { code: '5.4', name: 'Délégation de fonctions' },
      { code: '5.5', name: 'Délégation de signature' },
      { code: '5.6', name: 'Exercice des mandats locaux' },
      { code: '5.7', name: 'Intercommunalité' },
      { code: '5.8', name: "Décision d'ester en justice" },
    ],
  },
  {
    code: '6',
    name: 'Libertés publiques et pouvoirs de police',
    topics: [
      { code: '6.1', name: 'Police municipale' },
      { code: '6.2', name: 'Pouvoir du président du conseil général' },
      { code: '6.3', name: 'Pouvoir du président du conseil régional' },
      { code: '6.4', name: 'Autres actes réglementaires' },
      { code: '6.5', name: "Actes pris au nom de l'État" },
    ],
  },
  {
    code: '7',
    name: 'Finances locales',
    topics: [
      { code: '7.1', name: 'Décisions budgétaires' },
      { code: '7.2', name: 'Fiscalité' },
      { code: '7.3', name: 'Emprunts' },
      { code: '7.4', name: 'Interventions économiques' },
      { code: '7.5', name: 'Subventions' },
      { code: '7.6', name: 'Contributions budgétaires' },
      { code: '7.7', name: 'Avances' },
      { code: '7.8', name: 'Fonds de concours' },
      { code: '7.9', name: 'Prise de participation (SEM, etc.)' },
      { code: '7.10', name: 'Divers' },
    ],
  },
  {
    code: '8',
    name: 'Domaines de compétences par thèmes',
    topics: [
      { code: '8.1', name: 'Enseignement' },
      { code: '8.2', name: 'Aide sociale' },
      { code: '8.3', name: 'Voirie' },
      { code: '8.4', name: 'Aménagement du territoire' },
      { code: '8.5', name: 'Politique de la ville-habitat-logement' },
      { code: '8.6', name: 'Emploi-formation professionnelle' },
      { code: '8.7', name: 'Transports' },
      { code: '8.8', name: 'Environnement' },
      { code: '8.9', name: 'Culture' },
    ],
  },
  {
    code: '9',
    name: 'Autres domaines de compétences',
    topics: [
      { code: '9.1', name: 'Autres domaines de compétences des communes' },
      { code: '9.2', name: 'Autres domaines de compétences des départements' },
      { code: '9.3', name: 'Autres domaines de compétences des régions' },
      { code: '9.4', name: 'Vœux et motions' },
    ],
  },
];
