import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { CoordinatorsAndAdmins } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import { ExpectedVersionArg, IdArg } from '../graphql/args.js';
import { CurrentViewer, type GqlContext, type NoArgs } from '../graphql/context.js';
import { IdempotencyKey } from '../idempotency/idempotency.js';
import { IdempotentMutation } from '../idempotency/idempotent-mutation.js';
import { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { Organization } from '../organizations/organization.model.js';
import { StateLoaders } from '../states/state.loaders.js';
import { State } from '../states/state.model.js';
import { ContactPosting } from './contact-posting.model.js';
import { ContactPostingsService } from './contact-postings.service.js';
import { ContactLoaders } from './contact.loaders.js';
import { Contact } from './contact.model.js';
import { AddContactPostingInput, EndContactPostingInput, UpdateContactPostingInput } from './dto/posting.inputs.js';

/** A contact's postings over time: readable by every role; coordinators and admins change them. */
@Resolver(() => Contact)
export class ContactPostingsResolver {
  constructor(private readonly service: ContactPostingsService) {}

  @ResolveField(() => [ContactPosting], { description: 'Every posting, newest first' })
  postings(contact: Contact, _args: NoArgs, { loaders }: GqlContext): Promise<ContactPosting[]> {
    return loaders.get(ContactLoaders).postingsByContact.load(contact.id);
  }

  @CoordinatorsAndAdmins()
  @IdempotentMutation(() => Contact, {
    description: 'Records a posting. Without `to` it is the current one: the previous current posting ends on its `from`',
  })
  addContactPosting(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: AddContactPostingInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<Contact> {
    return this.service.add(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Contact, { description: 'Ends the current posting; the contact then has no current posting' })
  endContactPosting(@CurrentViewer() viewer: Viewer, @Args('input') input: EndContactPostingInput): Promise<Contact> {
    return this.service.end(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Contact, { description: 'Corrects a posting' })
  updateContactPosting(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateContactPostingInput): Promise<Contact> {
    return this.service.update(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Contact, { description: 'Removes a posting recorded by mistake' })
  deleteContactPosting(
    @CurrentViewer() viewer: Viewer,
    @IdArg('postingId') postingId: string,
    @ExpectedVersionArg({ description: "The contact's version you read" }) expectedVersion: number,
  ): Promise<Contact> {
    return this.service.delete(viewer, postingId, expectedVersion);
  }
}

@Resolver(() => ContactPosting)
export class ContactPostingFieldsResolver {
  @ResolveField(() => State, { nullable: true })
  state(posting: ContactPosting, _args: NoArgs, { loaders }: GqlContext): Promise<State | null> | null {
    return posting.stateIso3 ? loaders.get(StateLoaders).state.load(posting.stateIso3) : null;
  }

  @ResolveField(() => Organization, { nullable: true })
  organization(posting: ContactPosting, _args: NoArgs, { loaders }: GqlContext): Promise<Organization | null> | null {
    return posting.organizationId ? loaders.get(OrganizationLoaders).organization.load(posting.organizationId) : null;
  }
}
