import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InteractionType, Visibility } from '../common/enums.js';
import { VersionedEntity } from '../database/owned.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { MandateEntity } from '../work-plans/mandate.entity.js';

/** A logged piece of outreach: a letter, a meeting, a call, a démarche. Dates are ISO strings. */
@Entity('interactions')
@Index('ix_interactions_recent', ['occurredOn', 'createdAt', 'id'])
// Trigram index on the folded subject, summary and outcome, for search (migrations/1795960000000-search.ts).
@Index('ix_interactions_search', { synchronize: false })
@Index('ix_interactions_organization', ['organizationId'])
@Index('ix_interactions_author', ['authorId'])
@Index('ix_interactions_follow_up', ['followUpOn'], { where: 'follow_up_on IS NOT NULL' })
@Index('ix_interactions_follow_up_pending', ['followUpOn', 'id'], { where: 'follow_up_on IS NOT NULL AND follow_up_done_at IS NULL' })
@Index('ux_interactions_import_key', ['organizationId', 'importKey'], { unique: true, where: 'import_key IS NOT NULL' })
export class InteractionEntity extends VersionedEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: InteractionType, enumName: 'interaction_type' })
  type: InteractionType;

  @Column('date', { name: 'occurred_on' })
  occurredOn: string;

  @Column('text')
  subject: string;

  @Column('text', { nullable: true })
  summary: string | null;

  @Column('text', { nullable: true })
  outcome: string | null;

  @Column('date', { name: 'follow_up_on', nullable: true })
  followUpOn: string | null;

  /** When the follow-up was marked done; null while it is pending. */
  @Column('timestamptz', { name: 'follow_up_done_at', nullable: true })
  followUpDoneAt: Date | null;

  /** For a LETTER or EMAIL: the date the reply came. */
  @Column('date', { name: 'reply_received_on', nullable: true })
  replyReceivedOn: string | null;

  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility' })
  visibility: Visibility;

  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_interactions_organization' })
  organization?: OrganizationEntity;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_interactions_author' })
  author?: UserEntity;

  /**
   * Set by the spreadsheet import: the row's `ref`, or a hash of its date, type, States and
   * subject. Unique within the organization, so importing the same sheet again adds nothing.
   */
  /** The mandate whose work it is (see "Who sees what"): its organizations share it, and read it when its visibility is MANDATE. */
  @Column('uuid', { name: 'mandate_id', nullable: true })
  mandateId: string | null;

  @ManyToOne(() => MandateEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mandate_id', foreignKeyConstraintName: 'fk_interactions_mandate' })
  mandate?: MandateEntity;

  @Column('text', { name: 'import_key', nullable: true })
  importKey: string | null;
}
