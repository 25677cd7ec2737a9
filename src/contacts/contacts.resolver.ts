import type { GraphQLResolveInfo } from 'graphql';
import { Args, ID, Info, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CoordinatorsAndAdmins } from '../auth/auth.guard.js';
import type { Viewer } from '../auth/viewer.js';
import type { Connection } from '../common/paging/connection.js';
import { ExpectedVersionArg, IdArg } from '../graphql/args.js';
import { CurrentViewer, type GqlContext, type NoArgs } from '../graphql/context.js';
import { listOptions } from '../graphql/selection.js';
import { IdempotencyKey } from '../idempotency/idempotency.js';
import { IdempotentMutation } from '../idempotency/idempotent-mutation.js';
import { InteractionsField } from '../interactions/interactions-page.js';
import { OrganizationLoaders } from '../organizations/organization.loaders.js';
import { Organization } from '../organizations/organization.model.js';
import { StateLoaders } from '../states/state.loaders.js';
import { State } from '../states/state.model.js';
import { Contact, ContactConnection } from './contact.model.js';
import { ContactsService } from './contacts.service.js';
import { ContactsArgs, CreateContactInput, UpdateContactInput } from './dto/contact.inputs.js';

@Resolver(() => Contact)
export class ContactsResolver {
  constructor(private readonly service: ContactsService) {}

  @Query(() => Contact, { nullable: true })
  contact(@IdArg() id: string): Promise<Contact | null> {
    return this.service.get(id);
  }

  @Query(() => ContactConnection, { description: 'Contacts by name, filtered' })
  contacts(@Args() args: ContactsArgs, @Info() info: GraphQLResolveInfo): Promise<Connection<Contact>> {
    return this.service.list(args, listOptions(info));
  }

  @CoordinatorsAndAdmins()
  @IdempotentMutation(() => Contact)
  createContact(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateContactInput,
    @IdempotencyKey() _idempotencyKey?: string,
  ): Promise<Contact> {
    return this.service.create(viewer, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => Contact)
  updateContact(@CurrentViewer() viewer: Viewer, @IdArg() id: string, @Args('input') input: UpdateContactInput): Promise<Contact> {
    return this.service.update(viewer, id, input);
  }

  @CoordinatorsAndAdmins()
  @Mutation(() => ID, { description: 'Deletes a contact and unlinks it from its interactions; returns its id' })
  deleteContact(
    @CurrentViewer() viewer: Viewer,
    @IdArg() id: string,
    @ExpectedVersionArg({ nullable: true }) expectedVersion?: number,
  ): Promise<string> {
    return this.service.delete(viewer, id, expectedVersion ?? undefined);
  }

  @ResolveField(() => State, { nullable: true })
  state(contact: Contact, _args: NoArgs, { loaders }: GqlContext): Promise<State | null> | null {
    return contact.stateIso3 ? loaders.get(StateLoaders).state.load(contact.stateIso3) : null;
  }

  @ResolveField(() => Organization, { nullable: true })
  organization(contact: Contact, _args: NoArgs, { loaders }: GqlContext): Promise<Organization | null> | null {
    return contact.organizationId ? loaders.get(OrganizationLoaders).organization.load(contact.organizationId) : null;
  }
}

export class ContactInteractionsResolver extends InteractionsField(
  Contact,
  'contact',
  (contact) => contact.id,
  'The interactions you may see that involved this contact, newest first',
) {}
