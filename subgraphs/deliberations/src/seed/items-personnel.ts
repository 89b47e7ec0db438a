import { district, ofPlace, type Template } from './drafts';
import { citizen, int, personal, pick } from './random';

/**
 * Personnel matters, in closed session: they name the agent, whose name stays behind a
 * personal-data marker. Walloon councils decide on persons by secret ballot.
 */
export const PERSONNEL_TEMPLATES: readonly Template[] = [
  {
    weight: 4,
    only: 'BE',
    draft: (ctx) => {
      const agent = citizen(ctx.faker);
      const post = pick(ctx.faker, [
        "employé d'administration (D4)",
        'attaché spécifique (A1)',
        'brigadier (C1)',
        'gradué spécifique (B1)',
      ]);
      return {
        category: 'RH-STATUTAIRE',
        title: `Personnel communal — nomination à titre définitif d'un ${post}`,
        description: "Nomination à l'issue de la période de stage.",
        legalBasis: ['le statut administratif du personnel communal'],
        considering: ["le rapport d'évaluation favorable établi au terme du stage"],
        articles: [
          `De nommer ${personal(agent)} à titre définitif en qualité d'${post}, à dater du 1er du mois qui suit.`,
        ],
        proposingGroup: 'Ressources humaines',
        public: false,
        politics: 'secret',
      };
    },
  },
  {
    weight: 3,
    only: 'BE',
    draft: (ctx) => {
      const teacher = citizen(ctx.faker);
      const school = `l'école communale ${ofPlace(district(ctx))}`;
      return {
        category: 'RH-ENSEIGNANT',
        title: pick(ctx.faker, [
          "Personnel enseignant — nomination à titre définitif d'une institutrice primaire",
          'Personnel enseignant — mise en disponibilité pour convenance personnelle',
          "Personnel enseignant — admission à la pension de retraite d'un instituteur",
        ]),
        description: `Concerne un membre du personnel de ${school}.`,
        legalBasis: [
          "le décret du 6 juin 1994 fixant le statut des membres du personnel subsidié de l'enseignement officiel subventionné",
        ],
        considering: ["l'avis de la commission paritaire locale"],
        articles: [
          `La décision concerne ${personal(teacher)}, en fonction à ${school}, à dater du ${int(ctx.faker, 1, 28)} du mois suivant.`,
        ],
        proposingGroup: 'Enseignement',
        public: false,
        politics: 'secret',
      };
    },
  },
  {
    weight: 2,
    draft: (ctx) => {
      const agent = citizen(ctx.faker);
      return {
        category: 'RH-STATUTAIRE',
        title: pick(ctx.faker, [
          'Protection fonctionnelle accordée à un agent',
          'Personnel communal — procédure disciplinaire — décision',
          'Personnel communal — mise à la retraite pour inaptitude physique',
        ]),
        description: 'Dossier examiné à huis clos.',
        considering: ['les pièces du dossier individuel', "l'audition de l'intéressé"],
        articles: [
          `La décision concerne ${personal(agent)}.`,
          "L'intéressé en sera informé par pli recommandé.",
        ],
        proposingGroup: 'Ressources humaines',
        public: false,
        politics: ctx.profile.country === 'BE' ? 'secret' : 'consensus',
      };
    },
  },
];
