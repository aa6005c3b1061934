import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../kit';
import { DossierStatus, SubmissionChannel } from '../enums';

@InputType('DossierFilter', { description: 'Conditions a dossier must all meet to be listed.' })
export class DossierFilter {
  @Field(() => ID, { nullable: true, description: 'Receiving unit: that unit or any unit below it (a province or district id covers the dossiers received in its subtree).' })
  receivingUnitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'National procedure code, e.g. "1.000494".' })
  procedureCode?: string | null;

  @Field(() => DossierStatus, { nullable: true, description: 'Only dossiers with this status.' })
  status?: DossierStatus | null;

  @Field(() => SubmissionChannel, { nullable: true, description: 'Only dossiers submitted through this channel.' })
  channel?: SubmissionChannel | null;

  @Field(() => DateScalar, { nullable: true, description: 'Submitted on or after this date (inclusive, Asia/Ho_Chi_Minh calendar day).' })
  submittedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Submitted on or before this date (inclusive, Asia/Ho_Chi_Minh calendar day).' })
  submittedTo?: string | null;
}
