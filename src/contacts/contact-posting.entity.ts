import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Posting } from '../common/enums.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { StateEntity } from '../states/state.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { ContactEntity } from './contact.entity.js';

/**
 * One posting of a contact: held from `from_date` (included) to `to_date` (excluded), or still
 * held when `to_date` is null. A contact has at most one current posting; its `posting`,
 * `state_iso3` and `position` columns mirror it.
 */
@Entity('contact_postings')
@Index('ix_contact_postings_contact', ['contactId', 'fromDate'])
@Index('ix_contact_postings_state', ['stateIso3', 'posting', 'fromDate'])
@Index('ux_contact_postings_current', ['contactId'], { unique: true, where: '"to_date" IS NULL' })
export class ContactPostingEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'contact_id' })
  contactId: string;

  @ManyToOne(() => ContactEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'fk_contact_postings_contact' })
  contact?: ContactEntity;

  @Column({ type: 'enum', enum: Posting, enumName: 'posting', nullable: true })
  posting: Posting | null;

  @Column('char', { name: 'state_iso3', length: 3, nullable: true })
  stateIso3: string | null;

  @ManyToOne(() => StateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_contact_postings_state' })
  state?: StateEntity;

  @Column('uuid', { name: 'organization_id', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_contact_postings_organization' })
  organization?: OrganizationEntity;

  @Column('text', { nullable: true })
  position: string | null;

  @Column('date', { name: 'from_date' })
  fromDate: string;

  @Column('date', { name: 'to_date', nullable: true })
  toDate: string | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_contact_postings_created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
