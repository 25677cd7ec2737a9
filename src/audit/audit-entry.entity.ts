import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Who changed what and when, with the row before and after. Written by database triggers in the
 * same transaction as the change, so neither exists without the other. The actor and the action
 * come from the transaction's settings (ratify.actor_id, ratify.action); secrets are left out.
 */
@Entity('audit_entries')
@Index('ix_audit_entries_recent', ['at', 'id'])
@Index('ix_audit_entries_entity', ['entity', 'entityId'])
@Index('ix_audit_entries_actor', ['actorId'])
export class AuditEntryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('timestamptz', { default: () => 'clock_timestamp()' })
  at: Date;

  /** No foreign key: the trail outlives the users it names. */
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('text')
  action: string;

  @Column('text')
  entity: string;

  @Column('text', { name: 'entity_id' })
  entityId: string;

  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;
}
