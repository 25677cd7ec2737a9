import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A create mutation's idempotency key, kept 24 hours with what the first request answered. */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn('uuid', { name: 'user_id', primaryKeyConstraintName: 'pk_idempotency_keys' })
  userId: string;

  @PrimaryColumn('text', { primaryKeyConstraintName: 'pk_idempotency_keys' })
  key: string;

  /** The mutation, such as logInteraction. */
  @Column('text')
  operation: string;

  /** A hash of the mutation's arguments: the same key with other arguments is refused. */
  @Column('text')
  fingerprint: string;

  /** What the write returned (null until it has). */
  @Column('jsonb', { nullable: true })
  result: unknown;

  @Index('ix_idempotency_keys_created_at')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
