import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** A user's secret iCalendar feed: the SHA-256 of the secret in its address, never the secret itself. */
@Entity('calendar_feeds')
@Index('ux_calendar_feeds_secret', ['secretHash'], { unique: true })
export class CalendarFeedEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_calendar_feeds_user' })
  user?: UserEntity;

  /** Hex SHA-256 of the secret. */
  @Column('text', { name: 'secret_hash' })
  secretHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
