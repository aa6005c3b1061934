import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Public } from '../../kit/classification';

/** Counts of one GROUP BY row; the rates are derived from them (null when the denominator is 0). */
export interface DossierCounts {
  total: number;
  submittedOnline: number;
  completed: number;
  completedOnTime: number;
  withElectronicResult: number;
  digitized: number;
  syncedToNationalPortal: number;
  paying: number;
  paidOnline: number;
}

export const EMPTY_COUNTS: DossierCounts = {
  total: 0,
  submittedOnline: 0,
  completed: 0,
  completedOnTime: 0,
  withElectronicResult: 0,
  digitized: 0,
  syncedToNationalPortal: 0,
  paying: 0,
  paidOnline: 0,
};

function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

@ObjectType('DossierStats', {
  description: 'Dossier statistics of a unit for a period of submission (thống kê hồ sơ TTHC). Rates are fractions in [0, 1] and null when their denominator is 0; each comes with the counts it is computed from.',
})
export class DossierStats implements DossierCounts {
  @Public()
  @Field(() => Int, { description: 'Dossiers submitted in the period.' })
  total!: number;

  @Public()
  @Field(() => Int, { description: 'Dossiers submitted online (channel ONLINE).' })
  submittedOnline!: number;

  @Public()
  @Field(() => Float, { nullable: true, description: 'submittedOnline / total' })
  onlineRate!: number | null;

  @Public()
  @Field(() => Int, { description: 'Dossiers with status COMPLETED.' })
  completed!: number;

  @Public()
  @Field(() => Int, { description: 'Completed dossiers whose result was issued by their dueAt (đúng hạn).' })
  completedOnTime!: number;

  @Public()
  @Field(() => Float, { nullable: true, description: 'completedOnTime / completed' })
  onTimeRate!: number | null;

  @Public()
  @Field(() => Int, { description: 'Completed dossiers whose result was issued electronically.' })
  withElectronicResult!: number;

  @Public()
  @Field(() => Float, { nullable: true, description: 'withElectronicResult / completed' })
  electronicResultRate!: number | null;

  @Public()
  @Field(() => Int, { description: 'Dossiers whose documents were digitised (số hóa).' })
  digitized!: number;

  @Public()
  @Field(() => Float, { nullable: true, description: 'digitized / total' })
  digitizationRate!: number | null;

  @Public()
  @Field(() => Int, { description: 'Dossiers synchronised to the National Public Service Portal.' })
  syncedToNationalPortal!: number;

  @Public()
  @Field(() => Float, { nullable: true, description: 'syncedToNationalPortal / total' })
  syncedRate!: number | null;

  @Public()
  @Field(() => Int, { description: 'Dossiers with a fee to pay (paymentMethod ONLINE or IN_PERSON).' })
  paying!: number;

  @Public()
  @Field(() => Int, { description: 'Paying dossiers paid online (paymentMethod ONLINE).' })
  paidOnline!: number;

  @Public()
  @Field(() => Float, { nullable: true, description: 'paidOnline / paying' })
  onlinePaymentRate!: number | null;

  static fromCounts(counts: DossierCounts): DossierStats {
    return Object.assign(new DossierStats(), counts, {
      onlineRate: rate(counts.submittedOnline, counts.total),
      onTimeRate: rate(counts.completedOnTime, counts.completed),
      electronicResultRate: rate(counts.withElectronicResult, counts.completed),
      digitizationRate: rate(counts.digitized, counts.total),
      syncedRate: rate(counts.syncedToNationalPortal, counts.total),
      onlinePaymentRate: rate(counts.paidOnline, counts.paying),
    });
  }
}
