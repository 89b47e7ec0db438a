import type { Country, NodeCommune } from '@communes/kit';

/** What makes a commune's agenda its own: places, partners, the size of its bodies. */
export interface SeedCommuneProfile {
  code: string;
  name: string;
  country: Country;
  /**
   * Seats on the council, set by population: CDLD L1122-3 in Wallonia, CGCT L2121-2 in
   * France. Every councillor has a vote.
   */
  councilSize: number;
  /** Bourgmestre, échevins and the CPAS president (Belgium); 0 where there is no college. */
  collegeSize: number;
  streets: readonly string[];
  /** Sections (anciennes communes) or quartiers: where clubs and schools are. */
  districts: readonly string[];
  /** Intercommunales (Belgium) or syndicats and the métropole (France) the commune belongs to. */
  partners: readonly string[];
  /** Where the council sits. */
  councilRoom: string;
}

const PROFILES: readonly SeedCommuneProfile[] = [
  {
    code: 'BE-92094',
    name: 'Namur',
    country: 'BE',
    councilSize: 47,
    collegeSize: 10,
    streets: [
      'rue de Fer',
      "rue de l'Ange",
      'rue des Brasseurs',
      'boulevard Cauchy',
      'avenue de la Plante',
      'rue Saint-Nicolas',
      'chaussée de Louvain',
      'rue de Bruxelles',
      'rue Godefroid',
      "place d'Armes",
      'rue Rogier',
      'chaussée de Dinant',
    ],
    districts: [
      'Jambes',
      'Salzinnes',
      'Bouge',
      'Saint-Servais',
      'Erpent',
      'Wépion',
      'Malonne',
      'Flawinne',
      'Temploux',
      'Champion',
      'Vedrin',
      'Suarlée',
      'Beez',
      'Naninne',
      'Dave',
      'Loyers',
    ],
    partners: ['BEP', 'BEP Environnement', 'INASEP', 'IDEFIN', 'ORES Assets', 'IMIO', 'IMAJE'],
    councilRoom: 'Hôtel de Ville de Namur, salle du Conseil',
  },
  {
    code: 'BE-62063',
    name: 'Liège',
    country: 'BE',
    councilSize: 49,
    collegeSize: 11,
    streets: [
      'rue Saint-Gilles',
      "boulevard d'Avroy",
      'rue Féronstrée',
      'quai de Rome',
      'rue Sainte-Walburge',
      'rue Saint-Léonard',
      'rue Hors-Château',
      'rue de la Cathédrale',
      'rue Puits-en-Sock',
      'rue Grétry',
    ],
    districts: [
      'Angleur',
      'Chênée',
      'Grivegnée',
      'Jupille-sur-Meuse',
      'Wandre',
      'Bressoux',
      'Glain',
      'Rocourt',
      'Sclessin',
      'Outremeuse',
      'Sainte-Walburge',
      'Laveu',
    ],
    partners: [
      'Intradel',
      'ECETIA Intercommunale',
      'CILE',
      'AIDE',
      'ORES Assets',
      'IMIO',
      'Publifin',
    ],
    councilRoom: 'Hôtel de Ville de Liège, salle du Conseil',
  },
  {
    code: 'BE-52011',
    name: 'Charleroi',
    country: 'BE',
    councilSize: 51,
    collegeSize: 11,
    streets: [
      'boulevard Tirou',
      'rue de la Montagne',
      'rue de Marcinelle',
      'avenue de Waterloo',
      'chaussée de Bruxelles',
      'rue du Pont-Neuf',
      'boulevard Audent',
      'rue de Dampremy',
      'rue du Collège',
    ],
    districts: [
      'Marcinelle',
      'Gilly',
      'Jumet',
      'Gosselies',
      'Montignies-sur-Sambre',
      'Marchienne-au-Pont',
      'Mont-sur-Marchienne',
      'Couillet',
      'Dampremy',
      'Lodelinsart',
      'Ransart',
      'Roux',
      'Monceau-sur-Sambre',
    ],
    partners: ['IGRETEC', 'TIBI', 'ICDI', 'ORES Assets', 'IMIO', 'ISPPC'],
    councilRoom: 'Hôtel de Ville de Charleroi, salle du Conseil',
  },
  {
    code: 'FR-59350',
    name: 'Lille',
    country: 'FR',
    councilSize: 61,
    collegeSize: 0,
    streets: [
      'rue Nationale',
      'rue Solférino',
      'boulevard de la Liberté',
      'rue de Paris',
      'rue Gambetta',
      'rue Esquermoise',
      'rue du Molinel',
      'avenue du Peuple Belge',
      'rue Pierre Legrand',
      'boulevard Victor Hugo',
    ],
    districts: [
      'Wazemmes',
      'Moulins',
      'Fives',
      'Vauban-Esquermes',
      'Lille-Sud',
      'Bois-Blancs',
      'Saint-Maurice Pellevoisin',
      'Vieux-Lille',
      'Lille-Centre',
      'Faubourg de Béthune',
      'Hellemmes',
      'Lomme',
    ],
    partners: [
      'Métropole Européenne de Lille',
      'Syndicat mixte des transports Hauts-de-France',
      'SIAN',
      'Lille Métropole Habitat',
      'SPL Euralille',
    ],
    councilRoom: 'Hôtel de Ville de Lille, salle du Conseil municipal',
  },
];

/** The demo commune's profile, or a plausible one for any other commune of the network. */
export function seedCommuneProfile(commune: NodeCommune): SeedCommuneProfile {
  const known = PROFILES.find((p) => p.code === commune.code);
  if (known) return known;
  return {
    code: commune.code,
    name: commune.name,
    country: commune.country,
    councilSize: commune.country === 'BE' ? 27 : 29,
    collegeSize: commune.country === 'BE' ? 7 : 0,
    streets: [
      'rue de la Gare',
      "rue de l'Église",
      'Grand-Place',
      'rue du Moulin',
      'rue des Écoles',
      'chemin des Prés',
      'rue de la Station',
      'avenue de la Libération',
    ],
    districts: [commune.name],
    partners:
      commune.country === 'BE'
        ? ['ORES Assets', 'IMIO', 'SWDE', 'Ethias']
        : ['communauté de communes', "syndicat intercommunal d'électricité", 'syndicat des eaux'],
    councilRoom: `Hôtel de Ville de ${commune.name}, salle du Conseil`,
  };
}
