// Default cucumber configuration, for running the features directly (`npx cucumber-js`):
// the national features and those of the Alkmaar pack (regions/alkmaar/features) against the built-in reference implementations. The
// `conformance` command sets these per region and role through runConformance instead.
module.exports = {
  default: {
    paths: ['features/national/**/*.feature', 'regions/alkmaar/features/**/*.feature'],
    import: ['steps/**/*.ts'],
    tags: '@national or @region:alkmaar',
    worldParameters: {
      region: 'alkmaar',
      sut: { kind: 'reference' },
      runId: 'cucumber-js',
      answerTimeoutMs: 5000,
      requestTimeoutMs: 15000,
      harnessHost: '127.0.0.1',
      inboxListenHost: '127.0.0.1',
    },
    format: ['progress'],
  },
};
