import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ObstacleCategory, ObstacleStatus } from '../common/enums.js';
import { Recorded } from '../database/recorded.js';
import { StateEntity } from '../states/state.entity.js';

/** An obstacle to joining that a State has raised, and the measures proposed to address it. */
@Entity('obstacles')
@Index('ix_obstacles_state', ['stateIso3', 'status'])
export class ObstacleEntity extends Recorded('obstacles') {
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
}
