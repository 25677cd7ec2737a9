import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ObstacleCategory, ObstacleStatus, Visibility } from '../common/enums.js';
import { VersionedEntity } from '../database/owned.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { StateEntity } from '../states/state.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { MandateEntity } from '../work-plans/mandate.entity.js';

/** An obstacle to joining that a State has raised, and the measures proposed to address it. */
@Entity('obstacles')
@Index('ix_obstacles_state', ['stateIso3', 'status'])
export class ObstacleEntity extends VersionedEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('char', { name: 'state_iso3', length: 3 })
  stateIso3: string;

  @ManyToOne(() => StateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_obstacles_state' })
  state?: StateEntity;

  @Column({ type: 'enum', enum: ObstacleCategory, enumName: 'obstacle_category' })
  category: ObstacleCategory;

  @Column('text')
  description: string;

  @Column('text', { nullable: true })
  measures: string | null;

  @Column({ type: 'enum', enum: ObstacleStatus, enumName: 'obstacle_status', default: ObstacleStatus.OPEN })
  status: ObstacleStatus;

  @Column('date', { name: 'recorded_on' })
  recordedOn: string;

  @Column('date', { name: 'resolved_on', nullable: true })
  resolvedOn: string | null;

  @Column('uuid', { name: 'recorded_by', nullable: true })
  recordedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'fk_obstacles_recorded_by' })
  recorder?: UserEntity;

  /** Who sees it at all: the interaction rule, with this organization. */
  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility', default: Visibility.COORDINATORS })
  visibility: Visibility;

  /** The organization of the user who recorded it. */
  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_obstacles_organization' })
  organization?: OrganizationEntity;

  /** The mandate whose work it is (see "Who sees what"): its organizations share it, and read it when its visibility is MANDATE. */
  @Column('uuid', { name: 'mandate_id', nullable: true })
  mandateId: string | null;

  @ManyToOne(() => MandateEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mandate_id', foreignKeyConstraintName: 'fk_obstacles_mandate' })
  mandate?: MandateEntity;
}
