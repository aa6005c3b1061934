import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PopulationContext } from '../context';
import { AdministrativeUnit } from '../entities/administrative-unit.entity';
import { Citizen } from '../entities/citizen.entity';
import { Household } from '../entities/household.entity';
import { BasicPersonal, Public } from '../../kit/classification';

@Resolver(() => Household)
export class HouseholdResolver {
  @BasicPersonal()
  @FieldResolver(() => Citizen, { nullable: true, description: 'Head of household (chủ hộ). [basic]' })
  head(@Root() household: Household, @Ctx() ctx: PopulationContext): Promise<Citizen | null> {
    return ctx.loaders.citizen.load(household.headId);
  }

  @BasicPersonal()
  @FieldResolver(() => [Citizen], { nullable: true, description: 'Everyone registered in the household, the head first, then by date of birth. [basic]' })
  async members(@Root() household: Household, @Ctx() ctx: PopulationContext): Promise<Citizen[]> {
    const members = await ctx.loaders.householdMembers.load(household.id);
    return [...members.filter((m) => m.id === household.headId), ...members.filter((m) => m.id !== household.headId)];
  }

  @Public()
  @FieldResolver(() => AdministrativeUnit, { nullable: true, description: 'Commune where the household is registered.' })
  residence(@Root() household: Household, @Ctx() ctx: PopulationContext): Promise<AdministrativeUnit | null> {
    return ctx.loaders.unit.load(household.residenceId);
  }
}
