import { association, company, district, ofPlace, ofStreet, street, type Template } from './drafts';
import { citizen, euros, int, personal, pick } from './random';

/** The Walloon college's weekly business: contracts awarded, permits, events, staff. */
export const COLLEGE_TEMPLATES: readonly Template[] = [
  {
    weight: 8,
    draft: (ctx) => {
      const object = pick(ctx.faker, [
        `réfection des trottoirs ${ofStreet(street(ctx))}`,
        'fourniture de matériel de signalisation',
        'acquisition de mobilier pour la bibliothèque communale',
        `entretien des avaloirs — ${district(ctx)}`,
        'fourniture de vêtements de travail pour le service des travaux',
      ]);
      const winner = company(ctx);
      return {
        category: pick(ctx.faker, ['MP-TRAVAUX', 'MP-FOURNITURES', 'MP-SERVICES'] as const),
        title: `Marché public : ${object} — attribution`,
        description: `${int(ctx.faker, 2, 7)} offres reçues ; l'offre économiquement la plus avantageuse est retenue.`,
        legalBasis: [ctx.words.procurementLaw],
        considering: ["le rapport d'examen des offres"],
        articles: [
          `D'attribuer le marché « ${object} » à ${winner} pour un montant de ${euros(ctx.faker, 5_000, 220_000, 10)} TVAC.`,
        ],
        proposingGroup: 'Marchés publics',
        public: true,
        politics: 'consensus',
      };
    },
  },
  {
    weight: 6,
    draft: (ctx) => {
      const event = pick(ctx.faker, [
        'brocante',
        'fête de quartier',
        'marché de Noël',
        'course cycliste',
        'concert en plein air',
        'kermesse',
      ]);
      return {
        category: pick(ctx.faker, ['DOMAINE-PUBLIC', 'POLICE-ADMINISTRATIVE'] as const),
        title: `${event[0]!.toUpperCase()}${event.slice(1)} à ${district(ctx)} — occupation du domaine public et mesures de police`,
        description: `Organisée par ${association(ctx)}.`,
        considering: ["l'avis de la zone de police et du service incendie"],
        articles: [
          `D'autoriser l'occupation du domaine public, ${street(ctx)}, aux conditions de la zone de police.`,
        ],
        proposingGroup: 'Événements',
        public: true,
        politics: 'consensus',
      };
    },
  },
  {
    weight: 5,
    draft: (ctx) => {
      const applicant = citizen(ctx.faker);
      const project = pick(ctx.faker, [
        "construction d'une habitation unifamiliale",
        "transformation d'une habitation",
        "construction d'une annexe",
        'abattage de deux arbres remarquables',
      ]);
      return {
        category: 'URB-PERMIS',
        title: `Permis d'urbanisme — ${project} — ${street(ctx)} à ${district(ctx)} — ${pick(ctx.faker, ['octroi', 'octroi', 'refus'])}`,
        description: "Demande instruite par le service de l'Urbanisme.",
        legalBasis: ['le Code du Développement Territorial'],
        considering: [
          'le rapport du fonctionnaire délégué',
          "les résultats de l'annonce de projet",
        ],
        articles: [`La décision est notifiée à ${personal(applicant)}.`],
        proposingGroup: 'Urbanisme',
        public: true,
        politics: 'consensus',
      };
    },
  },
  {
    weight: 4,
    draft: (ctx) => {
      const amount = euros(ctx.faker, 150, 2_500, 50);
      const who = association(ctx);
      return {
        category: 'FIN-SUBSIDES',
        title: `Octroi d'un subside ponctuel de ${amount} à ${who}`,
        description: 'Subside en numéraire inférieur à 2 500 €.',
        considering: [`le crédit inscrit au budget ${ctx.year}`],
        articles: [`D'octroyer ${amount} à ${who}.`],
        proposingGroup: pick(ctx.faker, ['Sports', 'Culture', 'Jeunesse']),
        public: true,
        politics: 'consensus',
      };
    },
  },
  {
    weight: 5,
    draft: (ctx) => {
      const agent = citizen(ctx.faker);
      const job = pick(ctx.faker, [
        'ouvrier qualifié (D2)',
        'puéricultrice (D2)',
        "employée d'administration (D4)",
        'technicien en bâtiment (D7)',
        'surveillant de garderie',
      ]);
      return {
        category: pick(ctx.faker, ['RH-CONTRACTUEL', 'RH-ENSEIGNANT'] as const),
        title: `Personnel — engagement d'un ${job} sous contrat à durée déterminée`,
        description: "Remplacement d'un agent absent.",
        considering: ["la réserve de recrutement constituée à l'issue de l'examen"],
        articles: [
          `D'engager ${personal(agent)} du ${int(ctx.faker, 1, 28)} au terme du remplacement.`,
        ],
        proposingGroup: 'Ressources humaines',
        public: false,
        politics: 'consensus',
      };
    },
  },
  {
    weight: 3,
    draft: (ctx) => ({
      category: 'MP-TRAVAUX',
      title: `Travaux de ${pick(ctx.faker, ['rénovation de la salle', 'construction de la crèche', 'réfection des voiries'])} ${ofPlace(district(ctx))} — approbation de l'état d'avancement n° ${int(ctx.faker, 1, 9)}`,
      description: `Montant de l'état d'avancement : ${euros(ctx.faker, 10_000, 300_000, 10)} TVAC.`,
      considering: ["la vérification de l'état d'avancement par l'auteur de projet"],
      articles: ["D'approuver l'état d'avancement et d'en liquider le montant."],
      proposingGroup: 'Travaux',
      public: true,
      politics: 'consensus',
    }),
  },
];
