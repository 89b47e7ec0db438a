/** What `npm start` prints once the network is up: where to query it, and what to ask. */
export function printWelcome(network: {
  hubUrl: string;
  /** The demo's control: stop and start a commune. */
  controlUrl: string;
  nodes: { code: string; name: string; url: string }[];
  editorToken: string;
  dataDir: string;
}): void {
  const lines = [
    '',
    `Commune network is up. One GraphQL API for every commune: ${network.hubUrl}/graphql`,
    '',
    `Commune nodes (each on its own embedded database under ${network.dataDir}):`,
    ...network.nodes.map((n) => `  ${n.code}  ${n.name.padEnd(10)} ${n.url}/directory/graphql`),
    '',
    'Try, across every commune:',
    `  curl -s ${network.hubUrl}/graphql -H 'content-type: application/json' \\`,
    `    -d '{"query":"{ businesses(first: 5, filter: { search: \\"boulangerie\\" }) { totalCount edges { node { name communeCode commune { name } } } } }"}'`,
    '',
    "and the registry with each commune's businesses counted by sector:",
    `  curl -s ${network.hubUrl}/graphql -H 'content-type: application/json' \\`,
    `    -d '{"query":"{ communes { code name businesses(first: 0) { totalCount } } businessCountsBySector(communes: [\\"BE-92094\\", \\"FR-59350\\"]) { key label count } }"}'`,
    '',
    'and council decisions across communes, by network topic (ACTES nomenclature):',
    `  curl -s ${network.hubUrl}/graphql -H 'content-type: application/json' \\`,
    `    -d '{"query":"{ itemCountsByTopic { key name count } items(first: 5, filter: { topic: \\"7\\" }, orderBy: { field: DECIDED_AT, direction: DESC }) { totalCount edges { node { communeCode title decidedAt topic { code name } votes { yes no abstain } } } } }"}'`,
    '',
    'and the software the communes pool: the most adopted, and who uses Délibé at which version:',
    `  curl -s ${network.hubUrl}/graphql -H 'content-type: application/json' \\`,
    `    -d '{"query":"{ adoptionCountsByComponent { key name count } adoptions(filter: { componentUrl: \\"https://gitlab.com/ville-de-namur/delibe.git\\" }) { edges { node { communeCode version status since } } } }"}'`,
    '',
    `Reports of the association of communes, drawn and downloadable: ${network.hubUrl}/reports`,
    `  (every report runs now: dated a month back then today on the first start; the network at ${network.hubUrl}/)`,
    '  To see a commune marked stale in the reports, stop it (every report runs again without it):',
    `    curl -X POST ${network.controlUrl}/communes/BE-52011/stop     (…/start brings it back)`,
    '',
    `SCDL open-data export of Namur's decisions: ${network.nodes[0]?.url}/deliberations/export/scdl.csv?from=2025-01-01&to=2025-12-31`,
    '',
    'An editor token for Namur (12 h), to try mutations with -H "authorization: Bearer <token>":',
    `  ${network.editorToken}`,
    '',
    `Ctrl-C stops the network; the next \`npm start\` reuses ${network.dataDir}.`,
  ];
  console.log(lines.join('\n'));
}
