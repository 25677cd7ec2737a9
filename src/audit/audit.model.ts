import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import * as input from '../common/fields.js';
import { ConnectionType } from '../common/paging/connection.js';
import { PageArgs } from '../common/paging/page.js';
import { DateTimeScalar } from '../graphql/scalars.js';

@ObjectType('AuditEntry', { description: 'One change: who, when, and the row before and after (secrets left out)' })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeScalar)
  at: Date;

  actorId: string | null;

  @Field({ description: 'The operation, such as updateInteraction, or insert/update/delete' })
  action: string;

  @Field({ description: 'The table changed, such as interactions' })
  entity: string;

  @Field()
  entityId: string;

  @Field(() => GraphQLJSON, { nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true })
  after: Record<string, unknown> | null;
}

@ObjectType()
export class AuditConnection extends ConnectionType(AuditEntry, 'Audit') {}

@InputType()
export class AuditFilter {
  @Field({ nullable: true, description: 'The table, such as interactions or contacts' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  entity?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  entityId?: string;

  @input.OptionalUuid()
  actorId?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  since?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only changes before this instant' })
  @IsOptional()
  before?: Date;
}

@ArgsType()
export class AuditArgs extends PageArgs {
  @input.OptionalNested(AuditFilter)
  filter?: AuditFilter;
}
