import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RatificationStage, Visibility } from '../common/enums.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { StateEntity } from './state.entity.js';
import { MandateEntity } from '../work-plans/mandate.entity.js';

/** One move of a State's ratification stage. The data import records the initial stage with no user. */
@Entity('stage_changes')
@Index('ix_stage_changes_state', ['stateIso3', 'changedAt'])
export class StageChangeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('char', { name: 'state_iso3', length: 3 })
  stateIso3: string;

  @ManyToOne(() => StateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_stage_changes_state' })
  state?: StateEntity;

  @Column({ name: 'from_stage', type: 'enum', enum: RatificationStage, enumName: 'ratification_stage', nullable: true })
  fromStage: RatificationStage | null;

  @Column({ name: 'to_stage', type: 'enum', enum: RatificationStage, enumName: 'ratification_stage' })
  toStage: RatificationStage;

  @Column('timestamptz', { name: 'changed_at', default: () => 'now()' })
  changedAt: Date;

  @Column('uuid', { name: 'changed_by', nullable: true })
  changedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'changed_by', foreignKeyConstraintName: 'fk_stage_changes_changed_by' })
  changer?: UserEntity;

  @Column('text', { nullable: true })
  note: string | null;

  /** Who reads the note and the author (the stage itself is read by every user): the interaction rule, with this organization. */
  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility', default: Visibility.COORDINATORS })
  visibility: Visibility;

  /** The organization of the user who moved the stage; null for the data import's changes. */
  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_stage_changes_organization' })
  organization?: OrganizationEntity;

  /** The mandate whose work it is (see "Who sees what"): its organizations share it, and read it when its visibility is MANDATE. */
  @Column('uuid', { name: 'mandate_id', nullable: true })
  mandateId: string | null;

  @ManyToOne(() => MandateEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mandate_id', foreignKeyConstraintName: 'fk_stage_changes_mandate' })
  mandate?: MandateEntity;

  @Column('int', { default: 1 })
  version: number;
}
