import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { VersionedEntity } from '../database/owned.js';
import { StateEntity } from '../states/state.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** A set of States that users define, such as "Pacific focus" or "ASEAN". */
@Entity('groupings')
export class GroupingEntity extends VersionedEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('uq_groupings_name', { unique: true })
  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_groupings_created_by' })
  creator?: UserEntity;
}

@Entity('grouping_states')
@Index('ix_grouping_states_state', ['stateIso3', 'groupingId'])
export class GroupingStateEntity {
  @PrimaryColumn('uuid', { name: 'grouping_id' })
  groupingId: string;

  @PrimaryColumn('char', { name: 'state_iso3', length: 3 })
  stateIso3: string;

  @ManyToOne(() => GroupingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'grouping_id', foreignKeyConstraintName: 'fk_grouping_states_grouping' })
  grouping?: GroupingEntity;

  @ManyToOne(() => StateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_grouping_states_state' })
  state?: StateEntity;
}
