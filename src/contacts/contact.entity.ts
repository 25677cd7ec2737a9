import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Posting } from '../common/enums.js';
import { Owned } from '../database/owned.js';
import { StateEntity } from '../states/state.entity.js';

/** A person the coordinators deal with: a diplomat, an official, a partner. */
@Entity('contacts')
@Index('ix_contacts_state', ['stateIso3'])
@Index('ix_contacts_organization', ['organizationId'])
@Index('ix_contacts_name', ['fullName', 'id'])
// Expression indexes for finding duplicates (see migrations/1795850000000-contact-postings.ts):
// ratify_name_key(full_name) folds accents and case, lower(email) folds case.
@Index('ix_contacts_name_key', { synchronize: false })
@Index('ix_contacts_email_key', { synchronize: false })
// Trigram indexes on ratify_search_key(full_name) and (email), for search (migrations/1795960000000-search.ts).
@Index('ix_contacts_search', { synchronize: false })
@Index('ix_contacts_email_search', { synchronize: false })
export class ContactEntity extends Owned('contacts', { optional: true }) {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'full_name' })
  fullName: string;

  @Column('text', { nullable: true })
  title: string | null;

  @Column('text', { nullable: true })
  position: string | null;

  @Column({ type: 'enum', enum: Posting, enumName: 'posting', nullable: true })
  posting: Posting | null;

  @Column('char', { name: 'state_iso3', length: 3, nullable: true })
  stateIso3: string | null;

  @ManyToOne(() => StateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_contacts_state' })
  state?: StateEntity;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  languages: string[];

  @Column('text', { nullable: true })
  notes: string | null;
}
