/*
 * Geography of the demo communes: official codes (Belgian NIS/INS code, French INSEE code),
 * postal codes with their localities (Belgian sections / anciennes communes, French
 * arrondissements postaux), approximate centres and real street names. Streets are attached to
 * the locality they lie in, so a generated address never pairs a street with the wrong village.
 */

export type DemoCountry = 'BE' | 'FR';

export interface LatLon {
  lat: number;
  lon: number;
}

export interface DemoLocality {
  postalCode: string;
  /** The locality as written on an address: the section, or the commune itself. */
  locality: string;
  /** Approximate centre of the built-up area. */
  centre: LatLon;
  /** Businesses are spread uniformly within this distance of the centre, so they stay inside. */
  radiusKm: number;
  /** Relative share of the commune's businesses; 0 for localities listed for completeness. */
  weight: number;
  /** Real streets of this locality; a locality with weight above 0 has at least one. */
  streets: readonly string[];
}

export interface DemoPlace {
  /** Official code with its country prefix, as the network names communes: `BE-92094`. */
  code: string;
  name: string;
  country: DemoCountry;
  centre: LatLon;
  /** Rank among the demo communes of its country; keeps their identifier ranges apart. */
  slot: number;
  /** Leading digits of the national number of the commune's landlines (Namur 081 → `81`). */
  landlinePrefixes: readonly string[];
  localities: readonly DemoLocality[];
}

const at = (lat: number, lon: number): LatLon => ({ lat, lon });

/** A section with no street listed here: it is part of the commune but receives no business. */
const quiet = (postalCode: string, locality: string, centre: LatLon): DemoLocality => ({
  postalCode,
  locality,
  centre,
  radiusKm: 0.6,
  weight: 0,
  streets: [],
});

const NAMUR: DemoPlace = {
  code: 'BE-92094',
  name: 'Namur',
  country: 'BE',
  centre: at(50.4669, 4.8675),
  slot: 0,
  landlinePrefixes: ['81'],
  localities: [
    {
      postalCode: '5000',
      locality: 'Namur',
      centre: at(50.4655, 4.8635),
      radiusKm: 1.1,
      weight: 40,
      streets: [
        'Rue de Fer',
        "Rue de l'Ange",
        'Rue de Bruxelles',
        'Rue Émile Cuvelier',
        'Rue des Carmes',
        'Rue Godefroid',
        'Rue Saint-Jacques',
        'Rue Rogier',
        'Rue Saint-Nicolas',
        'Rue du Président',
        "Place d'Armes",
        'Rue de la Croix',
        'Rue des Croisiers',
        'Rue Julie Billiart',
        'Rue Lelièvre',
        'Boulevard Cauchy',
        'Rue Borgnet',
        'Rue Bas de la Place',
        'Rue Haute-Marcelle',
        'Rue Basse-Marcelle',
        'Rue Marie-Henriette',
        'Rue Pépin',
        "Boulevard d'Herbatte",
        'Rue des Brasseurs',
        'Place Saint-Aubain',
        'Rue du Collège',
        'Rue Fumal',
        'Rue Saint-Loup',
        "Place de l'Ange",
        'Rue Lucien Namêche',
        'Place de la Station',
        'Avenue Félicien Rops',
      ],
    },
    {
      postalCode: '5001',
      locality: 'Belgrade',
      centre: at(50.4725, 4.8225),
      radiusKm: 0.7,
      weight: 3,
      streets: ['Chaussée de Waterloo'],
    },
    {
      postalCode: '5002',
      locality: 'Saint-Servais',
      centre: at(50.478, 4.845),
      radiusKm: 0.8,
      weight: 6,
      streets: ['Chaussée de Waterloo', 'Rue de Gembloux', 'Rue de Bricgniot'],
    },
    {
      postalCode: '5003',
      locality: 'Saint-Marc',
      centre: at(50.493, 4.848),
      radiusKm: 0.6,
      weight: 2,
      streets: ['Rue de Gembloux'],
    },
    {
      postalCode: '5004',
      locality: 'Bouge',
      centre: at(50.476, 4.895),
      radiusKm: 0.8,
      weight: 4,
      streets: ['Chaussée de Louvain'],
    },
    {
      postalCode: '5020',
      locality: 'Champion',
      centre: at(50.493, 4.893),
      radiusKm: 0.6,
      weight: 2,
      streets: ['Chaussée de Louvain'],
    },
    quiet('5020', 'Daussoulx', at(50.516, 4.872)),
    quiet('5020', 'Flawinne', at(50.459, 4.8)),
    quiet('5020', 'Malonne', at(50.439, 4.792)),
    quiet('5020', 'Suarlée', at(50.486, 4.776)),
    quiet('5020', 'Temploux', at(50.484, 4.742)),
    quiet('5020', 'Vedrin', at(50.5, 4.868)),
    quiet('5021', 'Boninne', at(50.495, 4.93)),
    quiet('5022', 'Cognelée', at(50.511, 4.902)),
    quiet('5024', 'Gelbressée', at(50.495, 4.955)),
    quiet('5024', 'Marche-les-Dames', at(50.481, 4.964)),
    {
      postalCode: '5100',
      locality: 'Jambes',
      centre: at(50.456, 4.876),
      radiusKm: 0.9,
      weight: 12,
      streets: [
        'Avenue Jean Materne',
        'Boulevard de la Meuse',
        'Rue Mazy',
        'Chaussée de Liège',
        'Avenue Prince de Liège',
        'Rue de Dave',
      ],
    },
    quiet('5100', 'Dave', at(50.422, 4.884)),
    quiet('5100', 'Naninne', at(50.42, 4.927)),
    {
      postalCode: '5100',
      locality: 'Wépion',
      centre: at(50.415, 4.863),
      radiusKm: 0.7,
      weight: 3,
      streets: ['Chaussée de Dinant'],
    },
    quiet('5100', 'Wierde', at(50.427, 4.956)),
    {
      postalCode: '5101',
      locality: 'Erpent',
      centre: at(50.444, 4.902),
      radiusKm: 0.6,
      weight: 2,
      streets: ['Chaussée de Marche'],
    },
    quiet('5101', 'Lives-sur-Meuse', at(50.47, 4.925)),
    quiet('5101', 'Loyers', at(50.443, 4.94)),
  ],
};

const LIEGE: DemoPlace = {
  code: 'BE-62063',
  name: 'Liège',
  country: 'BE',
  centre: at(50.6412, 5.5718),
  slot: 1,
  landlinePrefixes: ['42', '43'],
  localities: [
    {
      postalCode: '4000',
      locality: 'Liège',
      centre: at(50.642, 5.568),
      radiusKm: 1.2,
      weight: 40,
      streets: [
        'Rue Saint-Gilles',
        'Rue Léopold',
        "Rue Pont d'Avroy",
        'Rue de la Cathédrale',
        'Rue Saint-Paul',
        'Place Saint-Lambert',
        'Place du Marché',
        'Féronstrée',
        'Rue Hors-Château',
        'Boulevard de la Sauvenière',
        "Boulevard d'Avroy",
        "Rue du Pot d'Or",
        'Rue de la Régence',
        'Rue Souverain-Pont',
        "Rue Vinâve d'Île",
        'Place de la République française',
        'Rue Saint-Séverin',
        'Rue Sainte-Walburge',
        'Rue Saint-Laurent',
        'Rue des Guillemins',
        'Boulevard Frère-Orban',
        'Rue Louvrex',
        'Rue Hocheporte',
        'En Neuvice',
        'Rue de la Casquette',
        'Rue Darchis',
        'Rue du Mouton Blanc',
        'Rue Gérardrie',
        'Place Cathédrale',
      ],
    },
    {
      postalCode: '4000',
      locality: 'Glain',
      centre: at(50.637, 5.538),
      radiusKm: 0.6,
      weight: 3,
      streets: ['Rue Saint-Nicolas', 'Rue de Hesbaye'],
    },
    {
      postalCode: '4000',
      locality: 'Rocourt',
      centre: at(50.674, 5.552),
      radiusKm: 0.7,
      weight: 3,
      streets: ['Chaussée de Tongres'],
    },
    {
      postalCode: '4020',
      locality: 'Liège',
      centre: at(50.639, 5.586),
      radiusKm: 0.8,
      weight: 12,
      streets: [
        'Rue Puits-en-Sock',
        'Boulevard de la Constitution',
        'Rue Grétry',
        'Boulevard Saucy',
        'Rue Surlet',
        'Rue Grande-Bêche',
        'Quai Godefroid Kurth',
        "Rue Jean d'Outremeuse",
        'Quai des Ardennes',
        "Place de l'Yser",
      ],
    },
    {
      postalCode: '4020',
      locality: 'Bressoux',
      centre: at(50.643, 5.606),
      radiusKm: 0.6,
      weight: 3,
      streets: ['Rue de Visé'],
    },
    {
      postalCode: '4020',
      locality: 'Jupille-sur-Meuse',
      centre: at(50.645, 5.632),
      radiusKm: 0.6,
      weight: 3,
      streets: ['Rue Charlemagne', 'Rue de Visé'],
    },
    {
      postalCode: '4020',
      locality: 'Wandre',
      centre: at(50.669, 5.658),
      radiusKm: 0.6,
      weight: 2,
      streets: ['Rue de Visé'],
    },
    {
      postalCode: '4030',
      locality: 'Grivegnée',
      centre: at(50.625, 5.602),
      radiusKm: 0.7,
      weight: 5,
      streets: ['Rue Belvaux', 'Rue de Herve'],
    },
    {
      postalCode: '4031',
      locality: 'Angleur',
      centre: at(50.611, 5.596),
      radiusKm: 0.7,
      weight: 4,
      streets: ['Route du Condroz', 'Rue de Tilff'],
    },
    quiet('4032', 'Chênée', at(50.612, 5.618)),
  ],
};

const CHARLEROI: DemoPlace = {
  code: 'BE-52011',
  name: 'Charleroi',
  country: 'BE',
  centre: at(50.4108, 4.4446),
  slot: 2,
  landlinePrefixes: ['71'],
  localities: [
    {
      postalCode: '6000',
      locality: 'Charleroi',
      centre: at(50.411, 4.444),
      radiusKm: 0.9,
      weight: 30,
      streets: [
        'Boulevard Tirou',
        'Rue de la Montagne',
        'Rue Neuve',
        'Place Charles II',
        'Rue de Dampremy',
        'Boulevard Audent',
        'Place de la Digue',
        'Boulevard Jacques Bertrand',
        'Rue Léon Bernus',
        'Quai de Brabant',
        'Place du Manège',
        'Boulevard Pierre Mayence',
        'Rue de Montigny',
        'Place Verte',
        'Boulevard Joseph II',
        'Rue Tumelaire',
        'Rue de Marcinelle',
        'Rue Turenne',
        'Place Albert Ier',
        'Rue du Pont Neuf',
        'Rue du Collège',
        'Boulevard Défontaine',
        'Boulevard Devreux',
        'Rue Willy Ernst',
        'Quai de Flandre',
      ],
    },
    {
      postalCode: '6001',
      locality: 'Marcinelle',
      centre: at(50.39, 4.44),
      radiusKm: 0.9,
      weight: 8,
      streets: ['Avenue Eugène Mascaux', 'Route de Philippeville'],
    },
    quiet('6010', 'Couillet', at(50.392, 4.47)),
    quiet('6020', 'Dampremy', at(50.42, 4.426)),
    quiet('6030', 'Goutroux', at(50.41, 4.36)),
    {
      postalCode: '6030',
      locality: 'Marchienne-au-Pont',
      centre: at(50.406, 4.396),
      radiusKm: 0.7,
      weight: 3,
      streets: ['Rue de la Providence'],
    },
    quiet('6031', 'Monceau-sur-Sambre', at(50.415, 4.38)),
    {
      postalCode: '6032',
      locality: 'Mont-sur-Marchienne',
      centre: at(50.388, 4.406),
      radiusKm: 0.7,
      weight: 4,
      streets: ['Avenue Paul Pastur'],
    },
    {
      postalCode: '6040',
      locality: 'Jumet',
      centre: at(50.442, 4.428),
      radiusKm: 0.9,
      weight: 6,
      streets: ['Chaussée de Bruxelles'],
    },
    {
      postalCode: '6041',
      locality: 'Gosselies',
      centre: at(50.469, 4.433),
      radiusKm: 0.8,
      weight: 6,
      streets: ['Chaussée de Bruxelles', 'Chaussée de Courcelles'],
    },
    quiet('6042', 'Lodelinsart', at(50.43, 4.455)),
    quiet('6043', 'Ransart', at(50.455, 4.465)),
    quiet('6044', 'Roux', at(50.445, 4.395)),
    {
      postalCode: '6060',
      locality: 'Gilly',
      centre: at(50.421, 4.488),
      radiusKm: 0.8,
      weight: 5,
      streets: ['Chaussée de Fleurus'],
    },
    {
      postalCode: '6061',
      locality: 'Montignies-sur-Sambre',
      centre: at(50.406, 4.488),
      radiusKm: 0.7,
      weight: 4,
      streets: ['Chaussée de Châtelet'],
    },
  ],
};

const OTTIGNIES_LLN: DemoPlace = {
  code: 'BE-25121',
  name: 'Ottignies-Louvain-la-Neuve',
  country: 'BE',
  centre: at(50.668, 4.585),
  slot: 3,
  landlinePrefixes: ['10'],
  localities: [
    {
      postalCode: '1340',
      locality: 'Ottignies',
      centre: at(50.666, 4.569),
      radiusKm: 0.8,
      weight: 10,
      streets: [
        'Avenue des Combattants',
        'Boulevard Martin',
        'Avenue Reine Astrid',
        'Avenue du Douaire',
      ],
    },
    {
      postalCode: '1341',
      locality: 'Céroux-Mousty',
      centre: at(50.662, 4.535),
      radiusKm: 0.8,
      weight: 3,
      streets: ['Rue de Franquenies'],
    },
    {
      postalCode: '1342',
      locality: 'Limelette',
      centre: at(50.686, 4.579),
      radiusKm: 0.7,
      weight: 3,
      streets: ['Rue Charles Dubois'],
    },
    {
      postalCode: '1348',
      locality: 'Louvain-la-Neuve',
      centre: at(50.669, 4.613),
      radiusKm: 0.9,
      weight: 14,
      streets: [
        'Grand-Place',
        "Place de l'Université",
        'Rue des Wallons',
        'Place Montesquieu',
        'Place des Sciences',
        'Place Sainte-Barbe',
        'Voie du Roman Pays',
        'Boulevard de Wallonie',
        "Rue de l'Hocaille",
        'Avenue Georges Lemaître',
        "Place de l'Agora",
        'Place Rabelais',
        'Place Galilée',
        'Place Cardinal Mercier',
        'Boulevard Baudouin Ier',
        'Avenue de Lauzelle',
        'Rue Émile Francqui',
        'Place Louis Pasteur',
        'Rue de la Lanterne Magique',
        'Place Raymond Lemaire',
        'Chemin du Cyclotron',
        'Rue des Blancs Chevaux',
      ],
    },
  ],
};

const LILLE: DemoPlace = {
  code: 'FR-59350',
  name: 'Lille',
  country: 'FR',
  centre: at(50.6292, 3.0573),
  slot: 0,
  landlinePrefixes: ['320'],
  localities: [
    {
      postalCode: '59000',
      locality: 'Lille',
      centre: at(50.629, 3.05),
      radiusKm: 1.1,
      weight: 30,
      streets: [
        'Rue Solférino',
        'Rue Léon Gambetta',
        'Rue Masséna',
        'Boulevard Vauban',
        'Rue des Postes',
        'Place de la Nouvelle Aventure',
        'Rue de Wazemmes',
        'Boulevard de la Liberté',
        'Rue Nationale',
        "Rue d'Arras",
        'Boulevard Victor Hugo',
        'Rue de Valmy',
        'Rue Jacquemars Giélée',
        'Rue Colbert',
        'Rue de Béthune',
        'Rue Inkerman',
        'Rue des Stations',
        'Rue Racine',
      ],
    },
    {
      postalCode: '59800',
      locality: 'Lille',
      centre: at(50.638, 3.066),
      radiusKm: 0.9,
      weight: 30,
      streets: [
        'Place du Général de Gaulle',
        'Rue de la Monnaie',
        'Rue Esquermoise',
        'Rue de la Grande Chaussée',
        'Rue des Chats Bossus',
        'Rue Faidherbe',
        'Rue Royale',
        'Rue Basse',
        'Rue de Gand',
        'Rue des Arts',
        'Rue du Molinel',
        'Boulevard Carnot',
        'Rue Pierre Mauroy',
        'Rue Neuve',
        'Rue de Roubaix',
        'Place Rihour',
        'Rue Lepelletier',
        'Rue de la Clef',
        'Place aux Oignons',
        'Rue de Paris',
      ],
    },
    {
      postalCode: '59777',
      locality: 'Euralille',
      centre: at(50.637, 3.076),
      radiusKm: 0.35,
      weight: 4,
      streets: [
        'Avenue Willy Brandt',
        'Avenue Le Corbusier',
        'Boulevard de Turin',
        'Parvis de Rotterdam',
        'Place François Mitterrand',
      ],
    },
    {
      postalCode: '59160',
      locality: 'Lomme',
      centre: at(50.644, 2.987),
      radiusKm: 0.9,
      weight: 8,
      streets: ['Avenue de Dunkerque'],
    },
    {
      postalCode: '59260',
      locality: 'Hellemmes',
      centre: at(50.626, 3.11),
      radiusKm: 0.7,
      weight: 6,
      streets: ['Rue Roger Salengro', 'Rue Ferdinand Mathias'],
    },
  ],
};

const ROUBAIX: DemoPlace = {
  code: 'FR-59512',
  name: 'Roubaix',
  country: 'FR',
  centre: at(50.6903, 3.1817),
  slot: 1,
  landlinePrefixes: ['320', '328'],
  localities: [
    {
      postalCode: '59100',
      locality: 'Roubaix',
      centre: at(50.6903, 3.1817),
      radiusKm: 1.8,
      weight: 1,
      streets: [
        'Grande Rue',
        'Rue de Lannoy',
        'Boulevard Gambetta',
        'Avenue Jean-Baptiste Lebas',
        "Rue de l'Épeule",
        'Boulevard de Paris',
        'Rue Pierre Motte',
        'Place de la Liberté',
        'Grand-Place',
        'Boulevard Lacordaire',
        'Rue de Mouvaux',
        'Rue de Tourcoing',
        "Rue de l'Alma",
        'Boulevard de Strasbourg',
        'Boulevard de Belfort',
        'Avenue des Nations-Unies',
        'Rue de Lille',
        'Rue Nain',
        "Rue de l'Espérance",
        'Rue Jules Guesde',
        "Boulevard d'Armentières",
        'Rue de Croix',
        'Rue du Collège',
        'Boulevard du Général Leclerc',
        'Rue du Vieil Abreuvoir',
        'Boulevard de Fourmies',
      ],
    },
  ],
};

/** The demo communes, keyed by their official code. */
export const DEMO_PLACES: Readonly<Record<string, DemoPlace>> = Object.fromEntries(
  [NAMUR, LIEGE, CHARLEROI, OTTIGNIES_LLN, LILLE, ROUBAIX].map((place) => [place.code, place]),
);

/** The demo commune with this code; throws a RangeError naming the known ones otherwise. */
export function demoPlace(communeCode: string): DemoPlace {
  const place = DEMO_PLACES[communeCode];
  if (place === undefined) {
    throw new RangeError(
      `no demo geography for commune ${communeCode}; known: ${Object.keys(DEMO_PLACES).join(', ')}`,
    );
  }
  return place;
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
