import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../kit/pagination';
import { Public } from '../../kit/classification';
import { DateTimeScalar } from '../../kit/scalars';

// Classified PUBLIC at the gateway because this subgraph itself answers only with the records
// about the authenticated citizen; no grant gives an agency access to them through the graph.

@ObjectType('AccessRecord', { description: 'One read of your personal data through the data warehouse (nhật ký truy cập dữ liệu cá nhân): who, why, when and which fields.' })
export class AccessRecordView {
  @Public()
  @Field(() => Int, { description: 'Position of the record in the tamper-evident access log (hash chain).' })
  seq!: number;

  @Public()
  @Field(() => DateTimeScalar, { description: 'When the data was returned.' })
  at!: string;

  @Public()
  @Field(() => String, { nullable: true, description: 'Code of the agency that read the data (cơ quan).' })
  agency!: string | null;

  @Public()
  @Field(() => String, { description: 'The purpose the agency declared (mục đích xử lý), a purpose code of its grant.' })
  purpose!: string;

  @Public()
  @Field(() => [String], { description: 'The legal basis of the grant(s) the read was made under (căn cứ pháp lý).' })
  legalBasis!: string[];

  @Public()
  @Field(() => String, { nullable: true, description: 'Name of the operation the agency ran, when it named one.' })
  operationName!: string | null;

  @Public()
  @Field(() => [String], { description: 'The personal fields returned in that request, e.g. "Citizen.fullName" (for every person in it, you among them).' })
  fields!: string[];

  @Public()
  @Field(() => String, { description: 'SERVED when everything asked was returned, PARTIAL when some fields were denied.' })
  outcome!: string;

  @Public()
  @Field(() => String, { description: 'SHA-256 hash that chains this record to the one before it; quote it when you ask about this read.' })
  hash!: string;
}

@ObjectType('AccessRecordConnection', { description: 'A page of the access records about you, oldest first (keyset paging on seq).' })
export class AccessRecordConnection extends ConnectionType(AccessRecordView, 'AccessRecord') {}
