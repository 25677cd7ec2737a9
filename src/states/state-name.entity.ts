import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StateEntity } from './state.entity.js';

/**
 * Another name of a State (former, short, formal, a spelling: data/state-names.csv), which a search
 * finds as it finds the State's own name. The public-data import keeps this table as the file lists.
 */
@Entity('state_names')
// Trigram index on ratify_search_key(name) (see migrations/1795960000000-search.ts).
@Index('ix_state_names_search', { synchronize: false })
export class StateNameEntity {
  @PrimaryColumn('char', { name: 'state_iso3', length: 3, primaryKeyConstraintName: 'pk_state_names' })
  stateIso3: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'pk_state_names' })
  name: string;

  /** former, short, formal, spelling, inverted, abbreviation... as the file says. */
  @Column('text')
  kind: string;

  @ManyToOne(() => StateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_state_names_state' })
  state?: StateEntity;
}
