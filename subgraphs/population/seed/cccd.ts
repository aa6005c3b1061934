import { Random } from '../../kit';
import { Gender } from '../entities/gender';

/** Century/sex digit of a CCCD: 1900s male 0, female 1; 2000s male 2, female 3. */
export function centuryGenderDigit(birthYear: number, gender: Gender): number {
  const century = birthYear >= 2000 ? 2 : 0;
  return century + (gender === Gender.FEMALE ? 1 : 0);
}

/** Issues CCCDs (province of birth registration, century/sex, birth year, 6 random digits), never the same twice. */
export class CccdIssuer {
  private readonly issued = new Set<number>();

  constructor(private readonly random: Random) {}

  issue(province: string, birthYear: number, gender: Gender): string {
    const prefix = `${province}${centuryGenderDigit(birthYear, gender)}${String(birthYear % 100).padStart(2, '0')}`;
    for (;;) {
      const cccd = `${prefix}${String(this.random.int(1_000_000)).padStart(6, '0')}`;
      const asNumber = Number(cccd);
      if (!this.issued.has(asNumber)) {
        this.issued.add(asNumber);
        return cccd;
      }
    }
  }
}
