import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CountByKey } from '../../kit';
import { Public } from '../../kit/classification';

@ObjectType('BusinessStats', {
  description:
    'Counts of enterprises placed in an administrative unit (thống kê doanh nghiệp). Enterprises are placed at communes; scope SUBTREE counts the unit and every unit below it, OWN the unit alone, so SUBTREE = OWN + Σ children\'s SUBTREE.',
})
export class BusinessStats {
  @Public()
  @Field(() => Int, { description: 'Registered enterprises of every status (tổng số doanh nghiệp đã đăng ký).' })
  total!: number;

  @Public()
  @Field(() => Int, { description: 'Enterprises with status ACTIVE (đang hoạt động).' })
  active!: number;

  @Public()
  @Field(() => Int, { description: 'Digital-technology enterprises (doanh nghiệp công nghệ số), of every status.' })
  digitalTechnology!: number;

  @Public()
  @Field(() => Int, { description: 'Enterprises using digital platforms (sử dụng nền tảng số), of every status.' })
  usingDigitalPlatform!: number;

  @Public()
  @Field(() => Int, { description: 'Enterprises issuing electronic invoices (sử dụng hóa đơn điện tử), of every status.' })
  usingEInvoice!: number;

  @Public()
  @Field(() => Float, {
    nullable: true,
    description: 'Share of enterprises issuing electronic invoices: usingEInvoice / total, a fraction in [0, 1]; null when total is 0.',
  })
  eInvoiceRate!: number | null;

  @Public()
  @Field(() => [CountByKey], {
    description: 'Enterprises (of every status) per VSIC 2018 section letter A–U of their main activity; sections with none are left out; sorted by key.',
  })
  bySection!: CountByKey[];
}

/** The counts a GROUP BY returns for one unit, before the rate is derived. */
export type BusinessCounts = Omit<BusinessStats, 'eInvoiceRate' | 'bySection'> & { bySection: Map<string, number> };

export function emptyStats(): BusinessStats {
  return { total: 0, active: 0, digitalTechnology: 0, usingDigitalPlatform: 0, usingEInvoice: 0, eInvoiceRate: null, bySection: [] };
}
