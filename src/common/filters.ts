import { InputType } from '@nestjs/graphql';
import * as input from './fields.js';

/**
 * What a list of the organizations' records filters on first: the States they concern and the
 * organizations that wrote them (each field: any of these).
 */
@InputType({ isAbstract: true })
export abstract class StatesAndOrganizationsFilter {
  @input.OptionalIso3List({ max: 200 })
  stateIso3s?: string[];

  @input.OptionalUuidList({ max: 200 })
  organizationIds?: string[];
}
