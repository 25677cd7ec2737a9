import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DateScalar, DateTimeScalar } from '../graphql/scalars.js';

@ObjectType({ description: 'Your daily digest by e-mail: when it comes, and when it last came' })
export class DigestSettings {
  @Field({ description: 'The IANA time zone the hour is in, such as Europe/Paris or Pacific/Tarawa' })
  timeZone: string;

  @Field(() => Int, { description: 'The hour (0 to 23) from which the day’s digest is sent' })
  sendHour: number;

  @Field(() => Int, { description: 'Letters without a reply after this many days are listed' })
  noReplyAfterDays: number;

  @Field(() => DateScalar, { nullable: true, description: 'The day (in your time zone) of the last digest' })
  lastSentOn: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  lastSentAt: Date | null;
}

@InputType()
export class SubscribeToDigestInput {
  @Field({ description: 'An IANA time zone, such as Europe/Paris' })
  @IsString()
  @MaxLength(64)
  timeZone: string;

  @Field(() => Int, { nullable: true, description: 'From which hour (0 to 23, default 7) the day’s digest is sent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  sendHour?: number;

  @Field(() => Int, { nullable: true, description: 'List letters without a reply after this many days (1 to 365, default 30)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  noReplyAfterDays?: number;
}
