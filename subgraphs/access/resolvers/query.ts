import type { EntityManager } from '@mikro-orm/core';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Public } from '../../kit/classification';
import { ErrorCode } from '../../kit/errors';
import { isWellFormedCccd } from '../../kit/identifiers';
import { pageRequest, toConnection } from '../../kit/pagination';
import type { SubgraphContext } from '../../kit/subgraph';
import { GraphQLError } from 'graphql';
import { AccessRecord, AccessRecordSubject } from '../store/entities';
import { AccessRecordConnection, AccessRecordView } from '../types/access-record';

/** The scope a citizen's own token carries (gateway/src/plugins/auth/caller.ts). */
const CITIZEN_SCOPE = 'citizen';

function view(r: AccessRecord): AccessRecordView {
  return { seq: r.seq, at: r.at, agency: r.agency, purpose: r.purpose, legalBasis: JSON.parse(r.legalBasis), operationName: r.operationName, fields: JSON.parse(r.fields), outcome: r.outcome, hash: r.hash };
}

/** Seqs of the records about one CCCD after a seq, in order, plus their total count. */
async function recordsAbout(em: EntityManager, cccd: string, afterSeq: number, limit: number): Promise<{ rows: AccessRecord[]; total: number }> {
  const [links, total] = await Promise.all([
    em.find(AccessRecordSubject, { cccd, recordSeq: { $gt: afterSeq } }, { orderBy: { recordSeq: 'asc' }, limit, fields: ['recordSeq'] as any }),
    em.count(AccessRecordSubject, { cccd }),
  ]);
  const rows = links.length ? await em.find(AccessRecord, { seq: { $in: links.map((l) => l.recordSeq) } }, { orderBy: { seq: 'asc' } }) : [];
  return { rows, total };
}

@Resolver()
export class AccessRecordsResolver {
  @Public()
  @Query(() => AccessRecordConnection, {
    description: 'Who read my data: the access records about the calling citizen (token sub = your CCCD, scope "citizen"), oldest first. Nobody can read another person\'s records here.',
  })
  async accessRecordsAboutMe(
    @Ctx() ctx: SubgraphContext<Record<string, never>>,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, default 20, at most 100.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after?: string | null,
  ): Promise<AccessRecordConnection> {
    const caller = ctx.caller;
    if (!caller?.sub) throw new GraphQLError('Sign in as a citizen (a token whose subject is your CCCD) to see who read your data', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
    if (!caller.scopes.includes(CITIZEN_SCOPE) || !isWellFormedCccd(caller.sub)) {
      throw new GraphQLError('Only a citizen can list the access records about themself: use a citizen token (subject = your CCCD, scope "citizen")', { extensions: { code: ErrorCode.FORBIDDEN } });
    }
    const page = pageRequest({ first, after });
    const afterSeq = page.afterKey === null ? 0 : Number(page.afterKey);
    if (!Number.isInteger(afterSeq) || afterSeq < 0) throw new GraphQLError('`after` is not a cursor this API issued', { extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: 'after' } });
    const { rows, total } = await recordsAbout(ctx.em, caller.sub, afterSeq, page.first + 1);
    return toConnection(rows.map(view), page, (r) => String(r.seq), total) as AccessRecordConnection;
  }
}
