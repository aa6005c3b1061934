// Import this first in every test file. When jest runs a file in the process whose global
// setup already loaded the subgraph, that realm's MikroORM and type-graphql registries show
// through the test's globals ("Map.prototype.set called on incompatible receiver");
// starting from empty registries makes the test load its own.
for (const key of ['mikro-orm-metadata', 'TypeGraphQLMetadataStorage']) delete (globalThis as Record<string, unknown>)[key];
