import {
  association,
  company,
  district,
  ofPlace,
  ofStreet,
  street,
  theStreet,
  type Template,
} from './drafts';
import { citizen, euros, int, personal, pick } from './random';

const WORKS = (ctx: Parameters<Template['draft']>[0]) =>
  pick(ctx.faker, [
    `réfection ${ofStreet(street(ctx))}`,
    `égouttage et réfection ${ofStreet(street(ctx))}`,
    `rénovation de la toiture de l'école communale ${ofPlace(district(ctx))}`,
    `aménagement d'une liaison cyclable entre ${district(ctx)} et ${district(ctx)}`,
    `remplacement de l'éclairage public par des luminaires LED à ${district(ctx)}`,
    `rénovation énergétique de la crèche ${ofPlace(district(ctx))}`,
    `aménagement de la place ${ofPlace(district(ctx))}`,
    `construction d'un hall omnisports à ${district(ctx)}`,
  ]);

const SUPPLIES = (ctx: Parameters<Template['draft']>[0]) =>
  pick(ctx.faker, [
    `acquisition de ${int(ctx.faker, 2, 6)} véhicules utilitaires électriques`,
    'fourniture de mobilier scolaire pour les écoles communales',
    'acquisition de matériel informatique pour les écoles communales',
    `fourniture de sel de déneigement — hivers ${ctx.year}-${ctx.year + 1} à ${ctx.year + 2}-${ctx.year + 3}`,
    "acquisition d'une balayeuse de voirie",
    'fourniture de repas pour les écoles et crèches communales',
  ]);

const SERVICES = (ctx: Parameters<Template['draft']>[0]) =>
  pick(ctx.faker, [
    `désignation d'un auteur de projet pour la rénovation de la salle des fêtes ${ofPlace(district(ctx))}`,
    `entretien des espaces verts — lot ${int(ctx.faker, 1, 4)}`,
    'entretien des installations de chauffage des bâtiments communaux',
    'nettoyage des bâtiments administratifs',
    `portefeuille d'assurances de la commune — exercices ${ctx.year + 1} à ${ctx.year + 4}`,
  ]);

/** Public contracts, property, planning: the council's everyday agenda. */
export const WORKS_TEMPLATES: readonly Template[] = [
  {
    weight: 14,
    draft: (ctx) => {
      const [kind, object, category] = pick(ctx.faker, [
        ['travaux', WORKS(ctx), 'MP-TRAVAUX'],
        ['fournitures', SUPPLIES(ctx), 'MP-FOURNITURES'],
        ['services', SERVICES(ctx), 'MP-SERVICES'],
      ] as const);
      const amount = euros(ctx.faker, 30_000, 2_500_000, 1000);
      return {
        category,
        title: `Marché public de ${kind} : ${object} — approbation des conditions et du mode de passation`,
        description: `Le montant estimé du marché s'élève à ${amount} ${ctx.words.excludingVat}.`,
        legalBasis: [ctx.words.procurementLaw],
        considering: [
          `le cahier des charges n° ${ctx.year}/${int(ctx.faker, 10, 240)} relatif au marché « ${object} »`,
          `que le montant estimé de ce marché s'élève à ${amount} ${ctx.words.excludingVat}`,
          `que le crédit permettant cette dépense est inscrit au budget extraordinaire de l'exercice ${ctx.year}`,
        ],
        articles: [
          `D'approuver le cahier des charges et le montant estimé du marché « ${object} ».`,
          `De passer le marché par la procédure ${pick(ctx.faker, ['ouverte', 'négociée sans publication préalable', 'adaptée'])}.`,
          `De financer cette dépense par le crédit inscrit au budget extraordinaire de l'exercice ${ctx.year}.`,
        ],
        proposingGroup: 'Marchés publics',
        public: true,
        politics: 'consensus',
      };
    },
  },
  {
    weight: 5,
    draft: (ctx) => {
      const owner = citizen(ctx.faker);
      const where = `${street(ctx)} ${int(ctx.faker, 1, 180)} à ${district(ctx)}`;
      const named = ctx.faker.datatype.boolean(0.4);
      return {
        category: 'PAT-ACQUISITION',
        title: named
          ? `Acquisition du bien sis ${where} appartenant à un particulier — décision définitive`
          : `Acquisition d'une parcelle sise ${where}, cadastrée section ${pick(ctx.faker, ['A', 'B', 'C', 'D'])} n° ${int(ctx.faker, 10, 999)}${pick(ctx.faker, ['a', 'b', 'c', 'd'])} — approbation du projet d'acte`,
        description: `Acquisition pour cause d'utilité publique au prix de ${euros(ctx.faker, 20_000, 450_000, 500)}.`,
        considering: [
          "le rapport d'estimation du Comité d'acquisition",
          "l'intérêt public de cette acquisition",
        ],
        articles: [
          `D'acquérir de ${personal(owner)} le bien sis ${where}.`,
          "De charger le Comité d'acquisition de représenter la commune à la signature de l'acte.",
        ],
        proposingGroup: 'Patrimoine',
        public: true,
        politics: 'consensus',
      };
    },
  },
  {
    weight: 3,
    draft: (ctx) => ({
      category: 'PAT-VENTE',
      title: `Vente de gré à gré d'un terrain communal sis ${street(ctx)} à ${district(ctx)} — décision de principe`,
      description: `Le terrain, d'une contenance de ${int(ctx.faker, 3, 40)} ares, n'est plus utile à un service public.`,
      considering: ["que le bien n'est plus affecté à l'usage public"],
      articles: [
        'De marquer un accord de principe sur la vente de gré à gré du terrain, avec publicité.',
      ],
      proposingGroup: 'Patrimoine',
      public: true,
      politics: 'majority',
    }),
  },
  {
    weight: 3,
    draft: (ctx) => ({
      category: 'PAT-LOCATION',
      title: `Bail emphytéotique au profit de ${association(ctx)} — terrain ${ofPlace(district(ctx))}`,
      description: 'Bail de 27 ans pour un euro symbolique par an.',
      considering: ["l'intérêt de soutenir la vie associative locale"],
      articles: ["D'approuver le projet de bail emphytéotique."],
      proposingGroup: 'Patrimoine',
      public: true,
      politics: 'consensus',
    }),
  },
  {
    weight: 3,
    draft: (ctx) => ({
      category: 'URB-PLANIFICATION',
      title:
        ctx.profile.country === 'BE'
          ? `Schéma d'orientation local « ${district(ctx)} — ${pick(ctx.faker, ['Centre', 'Gare', 'Sablière', 'Plateau'])} » — adoption définitive`
          : `Plan local d'urbanisme intercommunal — modification n° ${int(ctx.faker, 1, 5)} — avis de la Ville`,
      description:
        'Le projet a été soumis à enquête publique ; les réclamations ont été examinées.',
      considering: [
        "les résultats de l'enquête publique",
        "l'avis de la commission consultative communale d'aménagement du territoire et de mobilité",
      ],
      articles: ["D'adopter le document tel qu'annexé à la présente délibération."],
      proposingGroup: 'Urbanisme',
      public: true,
      politics: 'majority',
    }),
  },
  {
    weight: 3,
    only: 'BE',
    draft: (ctx) => ({
      category: 'URB-PERMIS',
      title: `Demande de permis d'urbanisme de ${company(ctx).replace(/^la /, 'la société ')} — création d'une voirie communale ${street(ctx)} — décision relative à la voirie`,
      description: `Projet de ${int(ctx.faker, 8, 60)} logements nécessitant l'ouverture d'une voirie.`,
      legalBasis: ['le décret du 6 février 2014 relatif à la voirie communale'],
      considering: ["les résultats de l'enquête publique"],
      articles: ["D'approuver la création de la voirie communale et son plan d'alignement."],
      proposingGroup: 'Urbanisme',
      public: true,
      politics: 'majority',
    }),
  },
  {
    weight: 3,
    draft: (ctx) => ({
      category: 'VOIRIE',
      title: pick(ctx.faker, [
        `Plan d'investissement communal ${ctx.year}-${ctx.year + 2} — approbation`,
        `Dénomination d'une nouvelle voirie à ${district(ctx)} : « rue ${pick(ctx.faker, ['Simone Veil', 'Marie Curie', 'Adolphe Sax', 'Annie Cordy', 'Jacques Brel', 'Gisèle Halimi'])} »`,
      ]),
      description: 'Sur proposition du Collège.',
      considering: ["l'avis de la commission royale de toponymie"],
      articles: ["D'approuver la proposition."],
      proposingGroup: 'Travaux',
      public: true,
      politics: 'consensus',
    }),
  },
  {
    weight: 3,
    only: 'BE',
    draft: (ctx) => {
      const where = street(ctx);
      return {
        category: 'POLICE-REGLEMENTS',
        title: `Règlement complémentaire de police relatif à la circulation routière — ${where} : ${pick(ctx.faker, ["instauration d'une zone 30", "création d'emplacements de stationnement réservés aux personnes handicapées", 'mise à sens unique', "création d'une zone de rencontre"])}`,
        description: 'Mesure sollicitée par les riverains et validée par la cellule mobilité.',
        legalBasis: [
          'la loi relative à la police de la circulation routière, coordonnée le 16 mars 1968',
        ],
        considering: ['la nécessité de sécuriser les usagers faibles'],
        articles: [`D'arrêter le règlement complémentaire de police pour ${theStreet(where)}.`],
        proposingGroup: 'Mobilité',
        public: true,
        politics: 'consensus',
      };
    },
  },
];
