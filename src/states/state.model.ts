import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../common/paging/connection.js';
import { ConsentType, RatificationStage, RegionalGroup } from '../common/enums.js';
import { DateScalar } from '../graphql/scalars.js';

/**
 * A State and its treaty record. Relation and computed fields (treatyStatus, votes,
 * votingRecord, contacts, interactions, lastInteractionOn, stageHistory, obstacles, groupings)
 * are resolved in StateFieldsResolver.
 */
@ObjectType('State')
export class State {
  @Field({ description: 'ISO 3166-1 alpha-3 code' })
  iso3: string;

  @Field(() => String, { nullable: true })
  iso2: string | null;

  @Field({ description: 'UN M49 short name' })
  name: string;

  @Field()
  unMember: boolean;

  @Field(() => RegionalGroup, { nullable: true })
  regionalGroup: RegionalGroup | null;

  @Field(() => String, { nullable: true, description: 'UN M49 region, such as Africa or Oceania' })
  m49Region: string | null;

  @Field(() => String, { nullable: true, description: 'UN M49 sub-region, such as Melanesia' })
  subregion: string | null;

  @Field(() => String, { nullable: true, description: 'UN M49 numeric code, three digits, such as "296" for Kiribati' })
  m49Code: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'UN M49 intermediate region, such as Caribbean or Eastern Africa (only in Africa south of the Sahara and in Latin America and the Caribbean)',
  })
  intermediateRegion: string | null;

  @Field(() => DateScalar, { nullable: true })
  signatureDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Deposit of the instrument of ratification, accession, acceptance or approval' })
  consentDate: string | null;

  @Field(() => ConsentType, { nullable: true })
  consentType: ConsentType | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date a withdrawal took effect' })
  withdrawalDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The date of the treaty record these dates come from' })
  statusAsOf: string | null;

  @Field(() => RatificationStage)
  ratificationStage: RatificationStage;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class StateConnection extends ConnectionType(State, 'State') {}
