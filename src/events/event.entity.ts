import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Visibility } from '../common/enums.js';
import { ContactEntity } from '../contacts/contact.entity.js';
import { Owned } from '../database/owned.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { StateEntity } from '../states/state.entity.js';
import { MandateEntity } from '../work-plans/mandate.entity.js';
import { EventKind } from './event-kind.js';

/** A meeting or conference where States gather: a Meeting of States Parties, the First Committee, a workshop. */
@Entity('events')
@Index('ix_events_dates', ['startsOn', 'id'])
@Index('ix_events_organization', ['organizationId'])
export class EventEntity extends Owned('events', { optional: false }) {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column({ type: 'enum', enum: EventKind, enumName: 'event_kind' })
  kind: EventKind;

  @Column('text', { nullable: true })
  place: string | null;

  @Column('date', { name: 'starts_on' })
  startsOn: string;

  @Column('date', { name: 'ends_on' })
  endsOn: string;

  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility' })
  visibility: Visibility;

  /** The mandate whose work it is (see "Who sees what"): its organizations share it, and read it when its visibility is MANDATE. */
  @Column('uuid', { name: 'mandate_id', nullable: true })
  mandateId: string | null;

  @ManyToOne(() => MandateEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mandate_id', foreignKeyConstraintName: 'fk_events_mandate' })
  mandate?: MandateEntity;
}

/** A State attending an event. */
@Entity('event_attendances')
@Index('ix_event_attendances_state', ['stateIso3'])
export class EventAttendanceEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @PrimaryColumn('char', { name: 'state_iso3', length: 3 })
  stateIso3: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_event_attendances_event' })
  event?: EventEntity;

  @ManyToOne(() => StateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_event_attendances_state' })
  state?: StateEntity;
}

/** A member of a State's delegation to an event (the contact's State is the delegation's). */
@Entity('event_delegates')
@Index('ix_event_delegates_contact', ['contactId'])
export class EventDelegateEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @PrimaryColumn('uuid', { name: 'contact_id' })
  contactId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_event_delegates_event' })
  event?: EventEntity;

  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_event_delegates_contact' })
  contact?: ContactEntity;
}

/** The interactions that took place at an event (a bilateral meeting on its margins). One event per interaction. */
@Entity('event_interactions')
@Index('ix_event_interactions_event', ['eventId'])
export class EventInteractionEntity {
  @PrimaryColumn('uuid', { name: 'interaction_id' })
  interactionId: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @ManyToOne(() => InteractionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interaction_id', foreignKeyConstraintName: 'fk_event_interactions_interaction' })
  interaction?: InteractionEntity;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_event_interactions_event' })
  event?: EventEntity;
}

/** A bilateral meeting planned at an event; once held, it links to its BILATERAL_MEETING interaction. */
@Entity('planned_meetings')
@Index('ix_planned_meetings_event', ['eventId', 'stateIso3'])
export class PlannedMeetingEntity extends Owned('planned_meetings', { optional: false }) {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_planned_meetings_event' })
  event?: EventEntity;

  @Column('char', { name: 'state_iso3', length: 3 })
  stateIso3: string;

  @ManyToOne(() => StateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_planned_meetings_state' })
  state?: StateEntity;

  @Column('date', { name: 'planned_on', nullable: true })
  plannedOn: string | null;

  @Column('text', { nullable: true })
  objective: string | null;

  /** The BILATERAL_MEETING interaction, once held. */
  @Column('uuid', { name: 'interaction_id', nullable: true })
  interactionId: string | null;

  @ManyToOne(() => InteractionEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'interaction_id', foreignKeyConstraintName: 'fk_planned_meetings_interaction' })
  interaction?: InteractionEntity;

  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility' })
  visibility: Visibility;

  /** The mandate whose work it is (see "Who sees what"): its organizations share it, and read it when its visibility is MANDATE. */
  @Column('uuid', { name: 'mandate_id', nullable: true })
  mandateId: string | null;

  @ManyToOne(() => MandateEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mandate_id', foreignKeyConstraintName: 'fk_planned_meetings_mandate' })
  mandate?: MandateEntity;
}

/** The contacts a planned meeting is with. */
@Entity('planned_meeting_contacts')
@Index('ix_planned_meeting_contacts_contact', ['contactId'])
export class PlannedMeetingContactEntity {
  @PrimaryColumn('uuid', { name: 'meeting_id' })
  meetingId: string;

  @PrimaryColumn('uuid', { name: 'contact_id' })
  contactId: string;

  @ManyToOne(() => PlannedMeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_planned_meeting_contacts_meeting' })
  meeting?: PlannedMeetingEntity;

  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_planned_meeting_contacts_contact' })
  contact?: ContactEntity;
}
