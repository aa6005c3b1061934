import path from 'node:path';
import { scaffoldSubgraph } from './scaffold';

/** `npm run subgraph:new -- NAME`: a new subgraph from the kit, ready to test, compose and publish. */
function main(): void {
  const name = process.argv[2];
  if (!name || name.startsWith('-')) {
    console.error('Usage: npm run subgraph:new -- NAME   (e.g. npm run subgraph:new -- health-insurance)');
    process.exit(2);
  }
  try {
    const { dir, files, names } = scaffoldSubgraph(name);
    const relative = (file: string) => path.relative(process.cwd(), file);
    console.log(`Created ${relative(dir)}/ (${names.pascal}Record, Citizen.${names.camel}Records):`);
    for (const file of files) console.log(`  ${relative(file)}`);
    const variable = names.name.toUpperCase().replace(/-/g, '_');
    console.log(`
Next (schema/registry/README.md, "For agencies: publishing a subgraph", has the details):
  1. Test it:     TEST_SUBGRAPHS=population npx jest subgraphs/${names.name}
  2. Its schema:  npm run -s subgraph:sdl -- ${names.name} > ${names.name}.graphql
  3. Check it:    npx bdg subgraph check --name ${names.name} --schema ${names.name}.graphql
  4. Publish it:  npx bdg subgraph publish --name ${names.name} --url http://127.0.0.1:4010/graphql --schema ${names.name}.graphql
                  (the first publish prints the subgraph's signing secret, once)
  5. Run it:      ${variable}_PORT=4010 ${variable}_SIGNING_SECRET=<secret> node dist/subgraphs/${names.name}/index.js
`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

main();
