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

  @Column('text')
  summary: string;

  /**
   * For an event that is not about one interaction but about something with its own visibility
   * (a letter campaign, say): the same rule as an interaction's, with this event's organization.
   * Null for events every user may read.
   */
  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility', nullable: true })
  visibility: Visibility | null;
}
