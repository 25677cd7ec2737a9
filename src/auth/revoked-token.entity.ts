import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** A token signed out before its expiry; kept until it would have expired anyway. */
@Entity('revoked_tokens')
export class RevokedTokenEntity {
  @PrimaryColumn('uuid', { name: 'token_id', primaryKeyConstraintName: 'pk_revoked_tokens' })
  tokenId: string;

  @Index('ix_revoked_tokens_user')
  @Column('uuid', { name: 'user_id' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_revoked_tokens_user' })
  user?: UserEntity;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;
}
