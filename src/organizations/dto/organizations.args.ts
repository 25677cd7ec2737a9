import { ArgsType } from '@nestjs/graphql';
import * as input from '../../common/fields.js';

@ArgsType()
export class OrganizationsArgs {
  @input.OptionalTrimmedText(1, 100, { description: 'Words of the name, in any case and with or without accents' })
  search?: string;
}
