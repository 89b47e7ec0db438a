/**
 * The columns of SCDL « Délibérations » v2.1.5, in the schema's order
 * (`test/fixtures/scdl/deliberations.schema.json` checks this list against the standard).
 */
export const SCDL_FIELDS = [
  'COLL_NOM',
  'COLL_SIRET',
  'DELIB_ID',
  'DELIB_DATE',
  'DELIB_MATIERE_CODE',
  'DELIB_MATIERE_NOM',
  'DELIB_OBJET',
  'BUDGET_ANNEE',
  'BUDGET_NOM',
  'PREF_ID',
  'PREF_DATE',
  'VOTE_EFFECTIF',
  'VOTE_REEL',
  'VOTE_POUR',
  'VOTE_CONTRE',
  'VOTE_ABSTENTION',
  'DELIB_URL',
] as const;

export type ScdlField = (typeof SCDL_FIELDS)[number];

/** One CSV line; an empty string is an empty cell, which SCDL reads as « not known ». */
export type ScdlRecord = Record<ScdlField, string>;
