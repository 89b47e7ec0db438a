/** Tests live beside the code (unit, integration) and in test/ (end to end). */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/data/'],
  // Hooks start hubs and nodes on embedded databases: seconds alone, a minute on a busy 2-core machine.
  testTimeout: 180_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
