import {
  association,
  capitalised,
  company,
  district,
  ofPlace,
  partner,
  type Template,
} from './drafts';
import { citizen, euros, int, personal, pick } from './random';

/** Subsidies, services to residents, representation and politics. */
export const COUNCIL_TEMPLATES: readonly Template[] = [
  {
    weight: 10,
    draft: (ctx) => {
      const amount = euros(ctx.faker, 500, 25_000, 250);
      const who = association(ctx);
      const be = ctx.profile.country === 'BE';
      return {
        category: 'FIN-SUBSIDES',
        title: be
          ? `Octroi d'un subside de ${amount} à ${who}`
          : `Attribution d'une subvention de ${amount} à ${who}`,
        description: `Soutien au projet « ${pick(ctx.faker, ["stage d'été", 'fête de quartier', 'rénovation du local', 'saison sportive', 'festival', 'école de devoirs'])} ».`,
        legalBasis: be
          ? [
              "les articles L3331-1 à L3331-8 du Code de la démocratie locale et de la décentralisation relatifs à l'octroi et au contrôle des subventions",
            ]
          : [],
        considering: [
          `que le crédit est inscrit au budget de l'exercice ${ctx.year}`,
          "que le bénéficiaire a transmis les justificatifs de l'exercice précédent",
        ],
        articles: [
          `D'octroyer ${amount} à ${who}.`,
          "Le bénéficiaire produira les justificatifs de l'utilisation de la subvention.",
        ],
        proposingGroup: pick(ctx.faker, ['Sports', 'Culture', 'Jeunesse', 'Cohésion sociale']),
        public: true,
        politics: 'consensus',
      };
    },
  },
  {
    weight: 4,
    draft: (ctx) => {
      const name = partner(ctx);
      return {
        category: 'INST-REPRESENTANTS',
        title: `Désignation d'un représentant ${ctx.profile.country === 'BE' ? "à l'intercommunale" : "au conseil d'administration de"} ${name}`,
        description: "Remplacement d'un membre démissionnaire.",
        considering: [
          'la démission du représentant précédemment désigné',
          'la clé de répartition proportionnelle',
        ],
        articles: [
          `De désigner ${ctx.faker.person.fullName()} en qualité de représentant de la commune auprès de ${name}.`,
        ],
        proposingGroup: 'Secrétariat général',
        public: true,
        politics: 'secret',
      };
    },
  },
  {
    weight: 3,
    draft: (ctx) => {
      const topic = pick(ctx.faker, [
        'la gratuité des repas dans les écoles communales',
        "l'instauration d'un budget participatif",
        'la rénovation des logements publics inoccupés',
        'la réduction de la taxe sur les déchets ménagers',
        "l'extension des horaires d'ouverture des bibliothèques",
      ]);
      return {
        category: 'MOTIONS',
        title: `Motion déposée par un groupe de l'opposition relative à ${topic}`,
        description: "Point inscrit à la demande d'un conseiller.",
        considering: [`l'intérêt pour les habitants de ${topic}`],
        articles: [`De demander ${ctx.words.executive.replace(/^le /, 'au ')} d'étudier ${topic}.`],
        proposingGroup: 'Conseillers',
        public: true,
        politics: 'opposition',
      };
    },
  },
  {
    weight: 2,
    draft: (ctx) => {
      const cause = pick(ctx.faker, [
        'la paix',
        'les droits des femmes',
        'la lutte contre la pauvreté',
        'les commerces de proximité',
        'les services postaux de proximité',
      ]);
      return {
        category: 'MOTIONS',
        title: `Motion relative au soutien de la commune pour ${cause}`,
        description: 'Motion déposée conjointement par les groupes du Conseil.',
        considering: ["l'attachement du Conseil aux valeurs démocratiques"],
        articles: [`D'adopter la motion relative au soutien pour ${cause}.`],
        proposingGroup: 'Conseillers',
        public: true,
        politics: 'consensus',
      };
    },
  },
  {
    weight: 3,
    draft: (ctx) => {
      const debtor = citizen(ctx.faker);
      const recovery = ctx.faker.datatype.boolean(0.5);
      return {
        category: 'INST-JUSTICE',
        title: recovery
          ? "Action en recouvrement de taxes impayées à l'encontre d'un redevable — autorisation d'ester en justice"
          : `Décision d'ester en justice — recours contre le permis délivré à ${company(ctx)}`,
        description: `${capitalised(ctx.words.executive)} sollicite l'autorisation d'agir en justice au nom de la commune.`,
        considering: ["l'intérêt de la commune à agir"],
        articles: [
          `D'autoriser ${ctx.words.executive} à ester en justice${recovery ? ` contre ${personal(debtor)}` : ''} et de désigner Maître ${ctx.faker.person.lastName()} pour défendre les intérêts de la commune.`,
        ],
        proposingGroup: 'Affaires juridiques',
        public: true,
        politics: 'consensus',
      };
    },
  },
  {
    weight: 2,
    draft: (ctx) => ({
      category: 'FIN-EMPRUNTS',
      title: `Financement des investissements de l'exercice ${ctx.year} — emprunts — approbation des conditions`,
      description: `Montant total à emprunter : ${euros(ctx.faker, 1_000_000, 15_000_000, 10_000)}.`,
      considering: ["l'analyse des offres des organismes financiers"],
      articles: [
        "D'approuver les conditions des emprunts destinés au financement du service extraordinaire.",
      ],
      proposingGroup: 'Finances',
      public: true,
      politics: 'majority',
    }),
  },
  {
    weight: 2,
    only: 'BE',
    draft: (ctx) => {
      const parish = `Saint-${pick(ctx.faker, ['Martin', 'Remacle', 'Lambert', 'Pierre', 'Nicolas', 'Joseph'])} ${ofPlace(district(ctx))}`;
      return {
        category: 'FIN-TUTELLE',
        title: `Fabrique d'église ${parish} — compte ${ctx.year - 1} — approbation`,
        description:
          'Exercice de la tutelle sur les établissements chargés de la gestion du temporel des cultes.',
        legalBasis: ['la loi du 4 mars 1870 sur le temporel des cultes'],
        considering: ["l'avis de l'organe représentatif du culte"],
        articles: [`D'approuver le compte ${ctx.year - 1} de la fabrique d'église ${parish}.`],
        proposingGroup: 'Finances',
        public: true,
        politics: 'consensus',
      };
    },
  },
  {
    weight: 4,
    draft: (ctx) => ({
      category: 'CONVENTIONS',
      title: `Convention de partenariat avec ${association(ctx)} — ${pick(ctx.faker, ['animations extrascolaires', 'gestion de la cafétéria du hall sportif', "accueil des stages d'été", 'entretien des sentiers'])}`,
      description: `Convention conclue pour une durée de ${int(ctx.faker, 1, 5)} ans.`,
      considering: ["l'intérêt communal du projet"],
      articles: ["D'approuver la convention telle qu'annexée."],
      proposingGroup: 'Secrétariat général',
      public: true,
      politics: 'consensus',
    }),
  },
  {
    weight: 3,
    draft: (ctx) => ({
      category: 'ENSEIGNEMENT',
      title: pick(ctx.faker, [
        `Enseignement fondamental — organisation des écoles communales au 1er octobre ${ctx.year}`,
        "Règlement d'ordre intérieur des écoles communales — modification",
        `Accueil temps libre — programme CLE ${ctx.year}-${ctx.year + 5}`,
      ]),
      description: `Sur proposition du service de l'Enseignement.`,
      considering: ["l'avis de la commission paritaire locale"],
      articles: ["D'approuver le document tel que présenté."],
      proposingGroup: 'Enseignement',
      public: true,
      politics: 'consensus',
    }),
  },
  {
    weight: 3,
    draft: (ctx) => {
      const [category, title, proposingGroup] = pick(ctx.faker, [
        [
          'SOCIAL',
          `Plan de cohésion sociale — rapport d'activités ${ctx.year - 1}`,
          'Cohésion sociale',
        ],
        [
          'LOGEMENT',
          `Ancrage communal du logement — programme ${ctx.year + 1}-${ctx.year + 3}`,
          'Logement',
        ],
        [
          'ENVIRONNEMENT',
          "Plan d'action en faveur de l'énergie durable et du climat — approbation",
          'Environnement',
        ],
        [
          'ENVIRONNEMENT',
          "Règlement relatif à la prime communale pour l'installation d'une citerne d'eau de pluie",
          'Environnement',
        ],
        [
          'CULTURE',
          `Contrat-programme ${ctx.year + 1}-${ctx.year + 5} avec le Centre culturel de ${ctx.profile.name}`,
          'Culture',
        ],
        [
          'SPORTS',
          "Règlement relatif à l'occupation des infrastructures sportives communales",
          'Sports',
        ],
        ['MOBILITE', `Plan communal de mobilité — ${district(ctx)} — approbation`, 'Mobilité'],
      ] as const);
      return {
        category,
        title,
        description: "Dossier présenté par l'échevinat compétent.",
        considering: ['les objectifs de la déclaration de politique communale'],
        articles: ["D'approuver le document tel qu'annexé."],
        proposingGroup,
        public: true,
        politics: pick(ctx.faker, ['consensus', 'consensus', 'majority'] as const),
      };
    },
  },
];
