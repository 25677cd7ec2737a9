import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ActivityKind, Visibility } from '../common/enums.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * One entry of the activity feed, written in the same transaction as the change it reports.
 * An event about an interaction is shown only to those who may see that interaction now
 * (and disappears with it); the other kinds report facts every user may read.
 */
@Entity('activity_events')
@Index('ix_activity_events_recent', ['occurredAt', 'id'])
@Index('ix_activity_events_interaction', ['interactionId'])
@Index('ix_activity_events_subject', ['subjectId'])
export class ActivityEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: ActivityKind, enumName: 'activity_kind' })
  kind: ActivityKind;

  @Column('timestamptz', { name: 'occurred_at', default: () => 'now()' })
  occurredAt: Date;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_activity_events_actor' })
  actor?: UserEntity;

  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_activity_events_organization' })
  organization?: OrganizationEntity;

  @Column('uuid', { name: 'interaction_id', nullable: true })
  interactionId: string | null;

  @ManyToOne(() => InteractionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interaction_id', foreignKeyConstraintName: 'fk_activity_events_interaction' })
  interaction?: InteractionEntity;

  @Column('char', { name: 'state_iso3s', length: 3, array: true, default: () => "'{}'" })
  stateIso3s: string[];

  /** The summary as written (what is shown once the item it is about is gone, or for events without one). */
  @Column('text')
  summary: string;

  /**
   * What the event is about when that is not an interaction: a letter campaign, event, planned
   * meeting, mandate, stage change or obstacle (which one follows from the kind). No foreign key:
   * the event outlives the item.
   */
  @Column('uuid', { name: 'subject_id', nullable: true })
  subjectId: string | null;

  /** The summary with the item's text as placeholders (`{text}`, `{extra}`), filled in from the item as it is when read. */
  @Column('text', { nullable: true })
  template: string | null;

  /**
   * For an event that is not about one interaction but about something with its own visibility
   * (a letter campaign, say): the same rule as an interaction's, with this event's organization.
   * Null for events every user may read.
   */
  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility', nullable: true })
  visibility: Visibility | null;

  /** With a MANDATE visibility: the mandate whose organizations (and successors') may read it. */
  @Column('uuid', { name: 'mandate_id', nullable: true })
  mandateId: string | null;
}
