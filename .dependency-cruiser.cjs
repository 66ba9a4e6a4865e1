/**
 * The layer rules of docs/architecture.md, checked on every `npm run check` and by a test that
 * shows a forbidden import really fails.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'The domain core imports only itself and small vetted libraries; no adapters.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'core-does-no-io',
      comment:
        'No files, sockets or processes in the domain core: it must run anywhere, also in the browser.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-adapter-to-adapter',
      comment:
        'Adapters depend on core only; feeds may use formats (a feed delivers files a format parses).',
      severity: 'error',
      from: { path: '^src/(formats|feeds|store|render|jobs|notify)/' },
      to: {
        path: '^src/(formats|feeds|store|render|jobs|notify|cli|server)/',
        pathNot: ['^src/$1/', '^src/formats/'],
      },
    },
    {
      name: 'formats-and-others-do-not-use-feeds',
      comment: 'Only feeds may use formats; formats never depend on another adapter.',
      severity: 'error',
      from: { path: '^src/(formats|store|render|jobs|notify)/' },
      to: { path: '^src/(feeds|store|render|jobs|notify|cli|server)/', pathNot: '^src/$1/' },
    },
    {
      name: 'services-serve-the-edges',
      comment:
        'Application services compose adapters for cli, server and job handlers; no adapter or core module uses them.',
      severity: 'error',
      from: { path: '^src/(core|formats|feeds|store|render|jobs|notify)/' },
      to: { path: '^src/services/' },
    },
    {
      name: 'server-and-services-do-not-use-the-cli',
      comment: 'The server and the services are composition layers beside the CLI, never under it.',
      severity: 'error',
      from: { path: '^src/(server|services)/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'only-edges-wire',
      comment: 'Nothing depends on the composition roots.',
      severity: 'error',
      from: { path: '^src/(?!cli/)' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'web-uses-the-api',
      comment:
        'The web app talks to the server over HTTP: it may take types from the server and pure code from core, nothing else of src/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/(?!core/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make layers meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
}
