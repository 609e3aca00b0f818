// The project's import rules, checked by `npm run deps` (part of `npm test`). Each rule says
// which way the arrows between folders may point; docs/ARCHITECTURE.md explains the layers.
// A violation fails the run with the rule's name and the offending import.

const SERVER = '^packages/server/src/';
const TEST = '(\\.test\\.ts$|/test/)';
// Node's I/O modules: core is pure (it runs in the browser too).
const NODE_IO =
  '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|worker_threads|cluster|dgram|dns|os|process|tls|readline|stream|zlib|v8|vm)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import cycle makes load order matter and areas inseparable: move the shared part into a leaf.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: '@paicha/core runs in the server and in the browser: no server, web or database code.',
      from: { path: '^packages/core/src/', pathNot: TEST },
      to: {
        path: ['^packages/(server|web)/', 'node_modules/(kysely|better-sqlite3|pg|fastify|react|antd)/'],
      },
    },
    {
      name: 'core-does-no-io',
      severity: 'error',
      comment: '@paicha/core is pure: no files, network, processes or threads.',
      from: { path: '^packages/core/src/', pathNot: TEST },
      to: { dependencyTypes: ['core'], path: NODE_IO },
    },
    {
      name: 'web-speaks-http-only',
      severity: 'error',
      comment: 'The web app talks to the server over HTTP; shared shapes come from @paicha/core.',
      from: { path: '^packages/web/' },
      to: { path: ['^packages/server/', 'node_modules/(kysely|better-sqlite3|pg|fastify)/'] },
    },
    {
      name: 'web-types-from-contract',
      severity: 'error',
      comment:
        'The web takes the API contract as types only (import type … from @paicha/core/api/…): its zod schemas stay out of the browser bundle.',
      from: { path: '^packages/web/' },
      to: { path: '^packages/core/src/api/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'components-not-pages',
      severity: 'error',
      comment:
        'Shared components serve pages; a page-level module imported by a component belongs in components/.',
      from: { path: '^packages/web/src/components/' },
      to: { path: '^packages/web/src/pages/' },
    },
    {
      name: 'only-repositories-query',
      severity: 'error',
      comment:
        'Queries live in *.repository.ts (and db/): services, routes, the CLI and jobs call repository functions. Type-only imports of Kysely types are fine.',
      from: {
        path: SERVER,
        pathNot: [`${SERVER}db/`, '\\.repository\\.ts$', TEST],
      },
      to: { path: 'node_modules/kysely/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'kernel-is-a-leaf',
      severity: 'error',
      comment:
        'src/kernel (AppContext, Actor, clock, config) is what everything imports; it imports only db types and core.',
      from: { path: `${SERVER}kernel/` },
      to: { path: `${SERVER}(?!kernel/|db/)` },
    },
    {
      name: 'db-below-areas',
      severity: 'error',
      comment: 'db/ (connections, schema, migrations) sits below the areas and the HTTP layer.',
      from: { path: `${SERVER}db/`, pathNot: TEST },
      to: { path: `${SERVER}(modules|http|cli|lib)/|${SERVER}(server|seed|runtime|main|cli)\\.ts$` },
    },
    {
      name: 'http-below-areas',
      severity: 'error',
      comment:
        'http/ holds what routes share (errors, the gate, access, exports); the wiring of areas is src/server.ts.',
      from: { path: `${SERVER}http/`, pathNot: TEST },
      to: { path: `${SERVER}(modules|cli)/|${SERVER}(server|seed|runtime|main|cli)\\.ts$` },
    },
    {
      name: 'lib-below-areas',
      severity: 'error',
      comment: 'lib/ is generic code (xlsx, csv, text) that knows no area.',
      from: { path: `${SERVER}lib/`, pathNot: TEST },
      to: { path: `${SERVER}(modules|http|cli|kernel)/|${SERVER}(server|seed|runtime|main|cli)\\.ts$` },
    },
    {
      name: 'areas-below-entry-points',
      severity: 'error',
      comment: 'Areas never import the entry points (server wiring, CLI, main, runtime, seed).',
      from: { path: `${SERVER}modules/`, pathNot: TEST },
      to: { path: `${SERVER}cli/|${SERVER}(server|seed|runtime|main|cli)\\.ts$` },
    },
    {
      name: 'tests-not-in-production',
      severity: 'error',
      comment: 'Production code never imports test helpers.',
      from: { path: '^packages/', pathNot: TEST },
      to: { path: TEST },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^packages/[^/]+/dist/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
