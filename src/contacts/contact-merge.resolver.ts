import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CoordinatorsAndAdmins } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import { PageArgs } from '../common/paging/page.js';
import type { Connection } from '../common/paging/connection.js';
import { CurrentViewer, type GqlContext, type NoArgs } from '../graphql/context.js';
import { ContactMergeService } from './contact-merge.service.js';
import { ContactDuplicateGroup, ContactDuplicateGroupConnection } from './contact-posting.model.js';
import { ContactLoaders } from './contact.loaders.js';
import { Contact } from './contact.model.js';
import { MergeContactsInput } from './dto/posting.inputs.js';

/** Likely duplicates are readable by whoever reads contacts; coordinators and admins merge them. */
@Resolver(() => ContactDuplicateGroup)
export class ContactMergeResolver {
  constructor(private readonly service: ContactMergeService) {}

  @Query(() => ContactDuplicateGroupConnection, {
    description: 'Groups of contacts that are likely the same person, by reason then key',
  })
  contactDuplicates(@Args() args: PageArgs): Promise<Connection<ContactDuplicateGroup>> {
    return this.service.duplicates(args);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Contact, {
    description:
      'Merges duplicates into the survivor: their interactions, postings and other references move to it, its empty fields are filled, their notes and other values are kept in its notes, and they are deleted. Returns the survivor',
  })
  mergeContacts(@CurrentViewer() viewer: Viewer, @Args('input') input: MergeContactsInput): Promise<Contact> {
    return this.service.merge(viewer, input);
  }

  @ResolveField(() => [Contact], { description: 'Oldest first' })
  async contacts(group: ContactDuplicateGroup, _args: NoArgs, { loaders }: GqlContext): Promise<Contact[]> {
    const contacts = await loaders.get(ContactLoaders).contact.loadMany(group.contactIds);
    return contacts.filter((c): c is Contact => c !== null && !(c instanceof Error));
  }
}
