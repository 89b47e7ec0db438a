import { frenchDate } from './calendar';
import { partner, type DraftContext, type ItemDraft } from './drafts';
import { euros, int } from './random';

/**
 * Items that come back on a date of the budget year: budget in December, accounts in June,
 * budget amendments in spring and autumn, the intercommunales' general meetings.
 */
export function calendarItems(ctx: DraftContext): ItemDraft[] {
  const month = Number(ctx.date.slice(5, 7));
  const items: ItemDraft[] = [];
  if (month === 12)
    items.push(budget(ctx), ...(ctx.profile.country === 'BE' ? beTaxes(ctx) : frTaxes(ctx)));
  if (month === 6) items.push(accounts(ctx));
  if (month === 5 || month === 10) items.push(amendment(ctx, month === 5 ? 1 : 2));
  if (ctx.profile.country === 'BE' && (month === 6 || month === 11)) {
    const count = int(ctx.faker, 2, 3);
    for (const name of ctx.faker.helpers.arrayElements(ctx.profile.partners, count)) {
      items.push(generalMeeting(ctx, name, month));
    }
  }
  if (ctx.profile.country === 'BE' && month === 1) items.push(policeZone(ctx));
  return items;
}

const FINANCES = 'Finances';

function budget(ctx: DraftContext): ItemDraft {
  const next = ctx.year + 1;
  const be = ctx.profile.country === 'BE';
  return {
    category: 'FIN-BUDGET',
    title: be ? `Approbation du budget communal ${next}` : `Budget primitif ${next}`,
    description: `Le projet de budget ${next} présente un résultat à l'exercice propre du service ordinaire de ${euros(ctx.faker, 10_000, 900_000, 1000)} en boni.`,
    legalBasis: be
      ? [
          "l'arrêté du Gouvernement wallon du 5 juillet 2007 portant le règlement général de la comptabilité communale",
        ]
      : ["l'instruction budgétaire et comptable M57"],
    considering: [
      `le projet de budget établi par ${ctx.words.executive}`,
      `l'avis de la commission budgétaire`,
      'que le budget respecte les équilibres imposés par la tutelle',
    ],
    articles: [
      `D'approuver le budget communal de l'exercice ${next} aux montants arrêtés en séance.`,
      `De transmettre la présente délibération aux autorités de tutelle.`,
    ],
    proposingGroup: FINANCES,
    public: true,
    politics: 'majority',
  };
}

function beTaxes(ctx: DraftContext): ItemDraft[] {
  const next = ctx.year + 1;
  const rate = (6 + int(ctx.faker, 0, 30) / 10).toFixed(1).replace('.', ',');
  return [
    {
      category: 'FIN-TAXES',
      title: `Taxe additionnelle à l'impôt des personnes physiques — exercice ${next}`,
      description: `Le taux proposé est de ${rate} %.`,
      legalBasis: ['le Code des impôts sur les revenus 1992, notamment les articles 465 à 470bis'],
      considering: [
        'la situation financière de la commune',
        'la circulaire budgétaire de la Région wallonne',
      ],
      articles: [
        `Il est établi, pour l'exercice ${next}, une taxe additionnelle communale à l'impôt des personnes physiques au taux de ${rate} %.`,
      ],
      proposingGroup: FINANCES,
      public: true,
      politics: 'majority',
    },
    {
      category: 'FIN-TAXES',
      title: `Règlement-taxe sur la collecte et le traitement des déchets ménagers — exercices ${next} à ${next + 4}`,
      description:
        'Application du coût-vérité : le taux de couverture des coûts de gestion des déchets est fixé à 100 %.',
      legalBasis: [
        'le décret du 27 juin 1996 relatif aux déchets',
        "l'arrêté du Gouvernement wallon du 5 mars 2008 relatif à la gestion des déchets issus de l'activité usuelle des ménages",
      ],
      considering: [
        'le principe du coût-vérité',
        `que le taux de couverture prévisionnel s'élève à ${int(ctx.faker, 96, 110)} %`,
      ],
      articles: [
        `Il est établi, pour les exercices ${next} à ${next + 4}, une taxe communale annuelle sur la collecte et le traitement des déchets ménagers.`,
        `La taxe est due solidairement par les membres de tout ménage inscrit au registre de la population au 1er janvier de l'exercice.`,
      ],
      proposingGroup: FINANCES,
      public: true,
      politics: 'majority',
    },
  ];
}

function frTaxes(ctx: DraftContext): ItemDraft[] {
  const next = ctx.year + 1;
  return [
    {
      category: 'FIN-TAXES',
      title: `Vote des taux de fiscalité directe locale — exercice ${next}`,
      description:
        'Les taux de la taxe foncière sur les propriétés bâties et non bâties sont maintenus.',
      legalBasis: ['le Code général des impôts, notamment ses articles 1636 B sexies et 1639 A'],
      considering: ["l'état de notification des bases prévisionnelles"],
      articles: [
        `De maintenir pour ${next} les taux de la taxe foncière sur les propriétés bâties et non bâties.`,
      ],
      proposingGroup: FINANCES,
      public: true,
      politics: 'majority',
    },
  ];
}

function accounts(ctx: DraftContext): ItemDraft {
  const last = ctx.year - 1;
  const be = ctx.profile.country === 'BE';
  return {
    category: 'FIN-BUDGET',
    title: be
      ? `Approbation des comptes annuels de l'exercice ${last}`
      : `Compte administratif ${last}`,
    description: `Le compte budgétaire ${last} présente un résultat budgétaire de ${euros(ctx.faker, 500_000, 9_000_000, 1000)}.`,
    considering: [`le rapport de ${be ? 'la directrice financière' : 'la direction des finances'}`],
    articles: [`D'arrêter les comptes de l'exercice ${last} tels que présentés.`],
    proposingGroup: FINANCES,
    public: true,
    politics: 'majority',
  };
}

function amendment(ctx: DraftContext, n: number): ItemDraft {
  const be = ctx.profile.country === 'BE';
  return {
    category: 'FIN-BUDGET',
    title: be
      ? `Modification budgétaire n° ${n} de l'exercice ${ctx.year} — services ordinaire et extraordinaire`
      : `Décision modificative n° ${n} — exercice ${ctx.year}`,
    description: `Ajustement des crédits de l'exercice ${ctx.year} : ${euros(ctx.faker, 100_000, 3_000_000, 1000)} de dépenses nouvelles.`,
    considering: ["les besoins nouveaux apparus en cours d'exercice"],
    articles: [`D'approuver la modification budgétaire n° ${n} de l'exercice ${ctx.year}.`],
    proposingGroup: FINANCES,
    public: true,
    politics: 'majority',
  };
}

function generalMeeting(ctx: DraftContext, name: string, month: number): ItemDraft {
  const day = `${ctx.year}-${String(month).padStart(2, '0')}-${String(int(ctx.faker, 20, 28)).padStart(2, '0')}`;
  const kind = month === 6 ? 'ordinaire' : 'ordinaire de second semestre';
  return {
    category: 'INST-INTERCOMMUNALES',
    title: `Intercommunale ${name} — assemblée générale ${kind} du ${frenchDate(day)} — approbation des points portés à l'ordre du jour`,
    description: `L'ordre du jour comprend notamment ${month === 6 ? "l'approbation des comptes annuels et la décharge aux administrateurs" : 'le plan stratégique et ses évaluations'}.`,
    legalBasis: [
      'les articles L1523-11 à L1523-14 du Code de la démocratie locale et de la décentralisation',
    ],
    considering: [`l'affiliation de la commune à l'intercommunale ${name}`],
    articles: [
      `D'approuver les points portés à l'ordre du jour de l'assemblée générale de l'intercommunale ${name}.`,
      'De charger les délégués désignés de rapporter la proportion des votes intervenus au sein du Conseil.',
    ],
    proposingGroup: 'Secrétariat général',
    public: true,
    politics: 'consensus',
  };
}

function policeZone(ctx: DraftContext): ItemDraft {
  return {
    category: 'FIN-TUTELLE',
    title: `Zone de police ${ctx.profile.name} — dotation communale ${ctx.year}`,
    description: `La dotation s'élève à ${euros(ctx.faker, 8_000_000, 30_000_000, 1000)}.`,
    legalBasis: [
      'la loi du 7 décembre 1998 organisant un service de police intégré, structuré à deux niveaux',
    ],
    considering: ['le budget de la zone de police'],
    articles: [`De fixer la dotation communale à la zone de police pour l'exercice ${ctx.year}.`],
    proposingGroup: FINANCES,
    public: true,
    politics: 'majority',
  };
}

/** The first item of every sitting but the first one seeded. */
export function minutesApproval(previous: string): ItemDraft {
  return {
    category: 'INST-SEANCES',
    title: `Approbation du procès-verbal de la séance du ${frenchDate(previous)}`,
    description: 'Le procès-verbal a été tenu à la disposition des membres.',
    considering: ["qu'aucune remarque n'a été formulée"],
    articles: [`D'approuver le procès-verbal de la séance du ${frenchDate(previous)}.`],
    proposingGroup: 'Secrétariat général',
    public: true,
    politics: 'consensus',
  };
}

/** The first sitting of a newly elected Walloon council. */
export function installationItems(ctx: DraftContext): ItemDraft[] {
  const item = (title: string, articles: string[], politics: ItemDraft['politics']): ItemDraft => ({
    category: 'INST-ELECTIONS',
    title,
    description: "Séance d'installation consécutive aux élections communales du 13 octobre 2024.",
    legalBasis: [
      'le Code de la démocratie locale et de la décentralisation, notamment les articles L1122-3, L1123-1 et L1126-1',
    ],
    considering: ['la validation des élections par le Collège provincial'],
    articles,
    proposingGroup: 'Secrétariat général',
    public: true,
    politics,
  });
  return [
    item(
      'Installation des conseillers communaux et vérification des pouvoirs',
      [
        "De prendre acte de la validation des élections et d'installer les conseillers communaux élus.",
      ],
      'consensus',
    ),
    item(
      'Adoption du pacte de majorité',
      ["D'adopter le pacte de majorité déposé entre les mains du directeur général."],
      'majority',
    ),
    item(
      `Désignation des délégués de la commune auprès de l'intercommunale ${partner(ctx)}`,
      ['De désigner les délégués de la commune pour la durée de la législature.'],
      'secret',
    ),
  ];
}
