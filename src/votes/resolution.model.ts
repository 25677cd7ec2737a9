import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { VoteChoice } from '../common/enums.js';
import { DateScalar } from '../graphql/scalars.js';

/** Votes counted by choice: a resolution's, or a State's over the resolutions. */
@ObjectType({ isAbstract: true })
export abstract class VoteCounts {
  @Field(() => Int)
  yes: number;

  @Field(() => Int)
  no: number;

  @Field(() => Int)
  abstain: number;

  @Field(() => Int)
  nonVoting: number;
}

@ObjectType('Resolution', { description: 'A UN General Assembly resolution on the implementation of the Convention' })
export class Resolution extends VoteCounts {
  @Field({ description: 'Such as A/RES/79/58' })
  symbol: string;

  @Field(() => Int, { description: 'General Assembly session' })
  session: number;

  @Field(() => DateScalar)
  adoptedOn: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true, description: 'Where the voting record was read' })
  source: string | null;
}

@ObjectType('Vote')
export class Vote {
  @Field(() => Resolution)
  resolution: Resolution;

  @Field(() => VoteChoice)
  choice: VoteChoice;
}

@ObjectType('VotingRecord', { description: "A summary of a State's votes on the Convention's resolutions" })
export class VotingRecord extends VoteCounts {
  @Field(() => Int, { description: 'Resolutions held while this State could vote' })
  total: number;

  @Field(() => Float, { description: 'yes / total' })
  yesShare: number;

  @Field(() => VoteChoice, { nullable: true, description: 'The choice on the newest resolution' })
  lastChoice: VoteChoice | null;

  @Field(() => Int, { description: 'YES votes in a row, counting back from the newest resolution' })
  consecutiveYes: number;
}
