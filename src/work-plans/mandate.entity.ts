import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RegionalGroup, Visibility } from '../common/enums.js';
import { VersionedEntity } from '../database/owned.js';
import { UserEntity } from '../users/user.entity.js';
import { PlannedActivityKind, PlannedActivityStatus } from './work-plan.enums.js';

/**
 * A coordinators' mandate: the organizations (usually two governments) that coordinate
 * universalization for a period, with their work plan. What a hand-over carried over from the
 * previous mandate is kept as lists of ids: the items themselves are never copied or rewritten.
 */
@Entity('mandates')
@Check('ck_mandates_period', '"period_to" >= "period_from"')
@Index('uq_mandates_previous', ['previousMandateId'], { unique: true, where: 'previous_mandate_id IS NOT NULL' })
export class MandateEntity extends VersionedEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('date', { name: 'period_from' })
  periodFrom: string;

  @Column('date', { name: 'period_to' })
  periodTo: string;

  @Column('uuid', { name: 'organization_ids', array: true })
  organizationIds: string[];

  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility', default: Visibility.SHARED })
  visibility: Visibility;

  @Column('uuid', { name: 'previous_mandate_id', nullable: true })
  previousMandateId: string | null;

  @ManyToOne(() => MandateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'previous_mandate_id', foreignKeyConstraintName: 'fk_mandates_previous' })
  previous?: MandateEntity;

  /** Its target lists (groupings). */
  @Column('uuid', { name: 'grouping_ids', array: true, default: () => "'{}'" })
  groupingIds: string[];

  @Column('uuid', { name: 'carried_follow_up_ids', array: true, default: () => "'{}'" })
  carriedFollowUpIds: string[];

  @Column('uuid', { name: 'carried_obstacle_ids', array: true, default: () => "'{}'" })
  carriedObstacleIds: string[];

  @Column('uuid', { name: 'carried_grouping_ids', array: true, default: () => "'{}'" })
  carriedGroupingIds: string[];

  /**
   * Its target lists as they were when it was handed over (id, name, description and States of
   * each): the record of what it worked on, which later changes to the groupings leave alone.
   */
  @Column('jsonb', { name: 'target_lists_at_hand_over', nullable: true })
  targetListsAtHandOver: { id: string; name: string; description: string | null; stateIso3s: string[] }[] | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_mandates_created_by' })
  creator?: UserEntity;
}

/** An objective of a mandate's work plan, with its indicators. */
@Entity('mandate_objectives')
@Index('ix_mandate_objectives_mandate', ['mandateId', 'createdAt'])
export class ObjectiveEntity extends VersionedEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'mandate_id' })
  mandateId: string;

  @ManyToOne(() => MandateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mandate_id', foreignKeyConstraintName: 'fk_mandate_objectives_mandate' })
  mandate?: MandateEntity;

  @Column('text')
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  /** `[{ description, targetValue, metric }]` */
  @Column('jsonb', { default: () => "'[]'" })
  indicators: { description: string; targetValue: number | null; metric: string | null }[];
}

/** A dated activity of a mandate's work plan. */
@Entity('planned_activities')
@Index('ix_planned_activities_mandate', ['mandateId', 'plannedOn'])
@Check('ck_planned_activities_dates', '"planned_until" IS NULL OR "planned_until" >= "planned_on"')
export class PlannedActivityEntity extends VersionedEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'mandate_id' })
  mandateId: string;

  @ManyToOne(() => MandateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mandate_id', foreignKeyConstraintName: 'fk_planned_activities_mandate' })
  mandate?: MandateEntity;

  @Column('text')
  title: string;

  @Column({ type: 'enum', enum: PlannedActivityKind, enumName: 'planned_activity_kind' })
  kind: PlannedActivityKind;

  @Column('date', { name: 'planned_on' })
  plannedOn: string;

  @Column('date', { name: 'planned_until', nullable: true })
  plannedUntil: string | null;

  @Column({ name: 'regional_group', type: 'enum', enum: RegionalGroup, enumName: 'regional_group', nullable: true })
  regionalGroup: RegionalGroup | null;

  @Column('char', { name: 'state_iso3s', length: 3, array: true, default: () => "'{}'" })
  stateIso3s: string[];

  @Column({ type: 'enum', enum: PlannedActivityStatus, enumName: 'planned_activity_status', default: PlannedActivityStatus.PLANNED })
  status: PlannedActivityStatus;

  @Column('text', { nullable: true })
  notes: string | null;

  /** The logged interactions that carried it out. */
  @Column('uuid', { name: 'interaction_ids', array: true, default: () => "'{}'" })
  interactionIds: string[];

  /** The unfinished activity of the previous mandate that a hand-over carried over as this one. */
  @Column('uuid', { name: 'carried_from_id', nullable: true })
  carriedFromId: string | null;

  @ManyToOne(() => PlannedActivityEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'carried_from_id', foreignKeyConstraintName: 'fk_planned_activities_carried_from' })
  carriedFrom?: PlannedActivityEntity;
}
