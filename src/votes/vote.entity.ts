import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { VoteChoice } from '../common/enums.js';
import { StateEntity } from '../states/state.entity.js';
import { ResolutionEntity } from './resolution.entity.js';

@Entity('votes')
@Index('ix_votes_state', ['stateIso3'])
export class VoteEntity {
  @PrimaryColumn('text', { name: 'resolution_symbol' })
  resolutionSymbol: string;

  @PrimaryColumn('char', { name: 'state_iso3', length: 3 })
  stateIso3: string;

  @Column({ type: 'enum', enum: VoteChoice, enumName: 'vote_choice' })
  choice: VoteChoice;

  @ManyToOne(() => ResolutionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'resolution_symbol', foreignKeyConstraintName: 'fk_votes_resolution' })
  resolution?: ResolutionEntity;

  @ManyToOne(() => StateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_votes_state' })
  state?: StateEntity;
}
