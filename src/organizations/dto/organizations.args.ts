import { ArgsType } from '@nestjs/graphql';
import { OptionalTrimmedText } from '../../common/fields.js';

@ArgsType()
export class OrganizationsArgs {
  @OptionalTrimmedText(1, 100, { description: 'Words of the name, in any case and with or without accents' })
  search?: string;
}
