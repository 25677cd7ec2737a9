import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Visibility } from '../common/enums.js';
import { ContactEntity } from '../contacts/contact.entity.js';
import { StateEntity } from '../states/state.entity.js';
import { InteractionEntity } from './interaction.entity.js';

/**
 * The States an interaction concerns (a joint démarche concerns several). Each link carries a copy
 * of its interaction's date, creation time, visibility and organization, kept by database triggers
 * (see the performance migration): a State's newest visible interactions are an index range.
 */
@Entity('interaction_states')
@Index('ix_interaction_states_state', ['stateIso3', 'interactionId'])
@Index('ix_interaction_states_visible', ['stateIso3', 'visibility', 'occurredOn', 'createdAt', 'interactionId'])
@Index('ix_interaction_states_organization', ['stateIso3', 'organizationId', 'occurredOn', 'createdAt', 'interactionId'], {
  where: `visibility = 'ORGANIZATION'`,
})
export class InteractionStateEntity {
  @PrimaryColumn('uuid', { name: 'interaction_id' })
  interactionId: string;

  @PrimaryColumn('char', { name: 'state_iso3', length: 3 })
  stateIso3: string;

  @Column('date', { name: 'occurred_on' })
  occurredOn: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility' })
  visibility: Visibility;

  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @ManyToOne(() => InteractionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interaction_id', foreignKeyConstraintName: 'fk_interaction_states_interaction' })
  interaction?: InteractionEntity;

  @ManyToOne(() => StateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_interaction_states_state' })
  state?: StateEntity;
}

/** The contacts an interaction involved. Deleting a contact unlinks it; the interaction stays. */
@Entity('interaction_contacts')
@Index('ix_interaction_contacts_contact', ['contactId', 'interactionId'])
export class InteractionContactEntity {
  @PrimaryColumn('uuid', { name: 'interaction_id' })
  interactionId: string;

  @PrimaryColumn('uuid', { name: 'contact_id' })
  contactId: string;

  @ManyToOne(() => InteractionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interaction_id', foreignKeyConstraintName: 'fk_interaction_contacts_interaction' })
  interaction?: InteractionEntity;

  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_interaction_contacts_contact' })
  contact?: ContactEntity;
}

/**
 * How many State links each State has per visibility and organization, kept by triggers on
 * interaction_states: a State's count of visible interactions is a sum over a few rows of this
 * table, however many interactions there are.
 */
@Entity('state_interaction_counts')
export class StateInteractionCountEntity {
  @PrimaryColumn('char', { name: 'state_iso3', length: 3, primaryKeyConstraintName: 'pk_state_interaction_counts' })
  stateIso3: string;

  @PrimaryColumn({ type: 'enum', enum: Visibility, enumName: 'visibility', primaryKeyConstraintName: 'pk_state_interaction_counts' })
  visibility: Visibility;

  @PrimaryColumn('uuid', { name: 'organization_id', primaryKeyConstraintName: 'pk_state_interaction_counts' })
  organizationId: string;

  @Column('integer')
  count: number;
}
