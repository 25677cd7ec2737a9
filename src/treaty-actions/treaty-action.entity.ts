import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TreatyActionKind } from '../common/enums.js';
import { StateEntity } from '../states/state.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * A treaty action recorded by an admin after the treaty record file was compiled. The State's dates
 * in force are the file's overlaid with these (see overlay.ts). `inFile` is set once a later file
 * gives the same action: it is then known twice, and counted once.
 */
@Entity('treaty_actions')
@Index('ix_treaty_actions_state', ['stateIso3', 'date'])
export class TreatyActionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('char', { name: 'state_iso3', length: 3 })
  stateIso3: string;

  @ManyToOne(() => StateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_treaty_actions_state' })
  state?: StateEntity;

  @Column({ type: 'enum', enum: TreatyActionKind, enumName: 'treaty_action_kind' })
  action: TreatyActionKind;

  @Column('date')
  date: string;

  @Column('text', { name: 'source_url' })
  sourceUrl: string;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('boolean', { name: 'in_file', default: false })
  inFile: boolean;

  @Column('uuid', { name: 'recorded_by', nullable: true })
  recordedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'fk_treaty_actions_recorded_by' })
  recorder?: UserEntity;

  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' })
  recordedAt: Date;

  @Column('int', { default: 1 })
  version: number;
}
