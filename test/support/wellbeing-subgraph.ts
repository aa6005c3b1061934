import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express from 'express';
import { parse, print, visit } from 'graphql';
import { Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Public } from '../../subgraphs/kit/classification';
import { buildFederatedSchema } from '../../subgraphs/kit/federation';

// A small agency subgraph for the end-to-end registry tests, without a database: it extends
// Citizen with `wellbeingScore` and `wellbeingTrend`. Its SDL comes from the kit's federated
// schema builder (same federation link and classification directive as every subgraph);
// versions with fewer fields are that SDL with fields removed. Values derive from the id.

@Directive('@key(fields: "id")')
@ObjectType('Citizen', { description: 'A person registered in the national population database; owned by the population subgraph.' })
class WellbeingCitizen {
  @Public()
  @Field(() => ID, { description: 'Opaque, stable identifier; not personal data.' })
  id!: string;
}

/** The score a citizen id gets: a stable number 0–99. */
export function wellbeingScoreOf(id: string): number {
  let sum = 0;
  for (const char of id) sum = (sum * 31 + char.charCodeAt(0)) % 9973;
  return sum % 100;
}

export function wellbeingTrendOf(id: string): string {
  return ['UP', 'DOWN', 'FLAT'][wellbeingScoreOf(id) % 3];
}

@Resolver(() => WellbeingCitizen)
class WellbeingResolver {
  @Public()
  @FieldResolver(() => Int, { nullable: true, description: 'Wellbeing score 0–99 (chỉ số an sinh), a test field of the wellbeing agency.' })
  wellbeingScore(@Root() citizen: WellbeingCitizen): number {
    return wellbeingScoreOf(citizen.id);
  }

  @Public()
  @FieldResolver(() => String, { nullable: true, description: 'Direction of the score over the last year: UP, DOWN or FLAT.' })
  wellbeingTrend(@Root() citizen: WellbeingCitizen): string {
    return wellbeingTrendOf(citizen.id);
  }
}

export type WellbeingField = 'wellbeingScore' | 'wellbeingTrend';

let fullSdl: Promise<string> | undefined;

/** The SDL of a version of the subgraph with these Citizen fields. */
export async function wellbeingSdl(fields: WellbeingField[]): Promise<string> {
  fullSdl ??= buildFederatedSchema({ resolvers: [WellbeingResolver], orphanedTypes: [WellbeingCitizen] }).then((built) => built.typeDefs);
  const keep = new Set<string>(['id', ...fields]);
  return print(
    visit(parse(await fullSdl), {
      ObjectTypeDefinition(node) {
        if (node.name.value !== 'Citizen') return undefined;
        return { ...node, fields: node.fields?.filter((f) => keep.has(f.name.value)) };
      },
    }),
  );
}

export interface WellbeingSubgraph {
  url: string;
  /** Its SDL, as an agency would publish it. */
  sdl: string;
  /** Requests it has received. */
  requests(): number;
  /** wellbeingTrend values it has started to resolve. */
  trendCalls(): number;
  stop(): Promise<void>;
}

/** Starts the subgraph on a free port, with the given Citizen fields (default: wellbeingScore). */
export async function startWellbeingSubgraph(options: { fields?: WellbeingField[]; trendDelayMs?: number } = {}): Promise<WellbeingSubgraph> {
  const sdl = await wellbeingSdl(options.fields ?? ['wellbeingScore']);
  let trendCalls = 0;
  const schema = buildSubgraphSchema({
    typeDefs: parse(sdl),
    resolvers: {
      Citizen: {
        __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
        wellbeingScore: (citizen: { id: string }) => wellbeingScoreOf(citizen.id),
        // Slow on purpose when asked: lets a test keep a request in flight across a supergraph swap.
        wellbeingTrend: async (citizen: { id: string }) => {
          trendCalls += 1;
          await new Promise((resolve) => setTimeout(resolve, options.trendDelayMs ?? 0));
          return wellbeingTrendOf(citizen.id);
        },
      },
    } as any,
  });
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  let requests = 0;
  const app = express();
  app.use(
    '/graphql',
    (_req, _res, next) => {
      requests += 1;
      next();
    },
    express.json(),
    expressMiddleware(apollo),
  );
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    sdl,
    requests: () => requests,
    trendCalls: () => trendCalls,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
