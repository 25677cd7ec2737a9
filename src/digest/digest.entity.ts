import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StateEntity } from '../states/state.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** A user's daily digest by e-mail: when it goes out in their time zone, and the day it last went. */
@Entity('digest_subscriptions')
@Check('CHK_digest_send_hour', '"send_hour" BETWEEN 0 AND 23')
@Check('CHK_digest_no_reply_after_days', '"no_reply_after_days" BETWEEN 1 AND 365')
export class DigestSubscriptionEntity {
  @PrimaryColumn('uuid', { name: 'user_id', primaryKeyConstraintName: 'PK_digest_subscriptions' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_digest_subscriptions_user' })
  user?: UserEntity;

  @Column('text', { name: 'time_zone' })
  timeZone: string;

  @Column('smallint', { name: 'send_hour', default: 7 })
  sendHour: number;

  @Column('smallint', { name: 'no_reply_after_days', default: 30 })
  noReplyAfterDays: number;

  @Column('date', { name: 'last_sent_on', nullable: true })
  lastSentOn: string | null;

  @Column('timestamptz', { name: 'last_sent_at', nullable: true })
  lastSentAt: Date | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}

/** A State a user follows: its stage changes and activity come in their digest. */
@Entity('followed_states')
export class FollowedStateEntity {
  @PrimaryColumn('uuid', { name: 'user_id', primaryKeyConstraintName: 'PK_followed_states' })
  userId: string;

  @PrimaryColumn('char', { name: 'state_iso3', length: 3, primaryKeyConstraintName: 'PK_followed_states' })
  stateIso3: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_followed_states_user' })
  user?: UserEntity;

  @ManyToOne(() => StateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_followed_states_state' })
  state?: StateEntity;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
