import { registerEnumType } from 'type-graphql';

/** Sex as recorded in the national population database; stored as the enum name. */
export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, {
  name: 'Gender',
  description: 'Sex as recorded in the national population database (giới tính). [basic]',
  valuesConfig: {
    MALE: { description: 'Male (nam).' },
    FEMALE: { description: 'Female (nữ).' },
  },
});
